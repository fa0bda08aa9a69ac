// What `kolm compile --cascade` prints: the curve the threshold was chosen from, the choice, the fallback,
// and (with --eval) the whole on the eval cases beside each side alone. Text for the faces, from data.
import type { CascadeConfig } from './config.ts';
import { formatCurve, type ThresholdChoice } from './threshold.ts';

/** The parts of a built cascade this needs (BuiltCascade from core/build fits). */
export interface CascadeSummaryInput {
  choice: ThresholdChoice;
  config: CascadeConfig;
  cascadeEval?: {
    whole: { K: number; local: number; p50_ms?: number };
    recipeOnly: { K: number; p50_ms?: number };
    fallbackOnly: { K: number; p50_ms?: number };
    requests_saved: number;
    fallback_ms_saved: number;
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const ms = (x: number | undefined) => (x === undefined ? '–' : x < 1 ? `${x.toFixed(3)} ms` : `${x.toFixed(1)} ms`);

export function fallbackLabel(ref: CascadeConfig['fallback']): string {
  return ref.type === 'artifact' ? `${ref.name}.kolm (sha256 ${ref.sha256.slice(0, 12)}…)` : `${ref.url}${ref.adapter_id ? ` (adapter ${ref.adapter_id})` : ''}`;
}

export function renderCascadeSummary(b: CascadeSummaryInput): string {
  const { choice, config } = b;
  const lines = [
    `cascade: the recipe answers at confidence ≥ ${choice.threshold.toFixed(4)}, ${fallbackLabel(config.fallback)} the rest`,
    `chosen on ${config.held_out.n} ${config.held_out.source} cases: ${pct(choice.chosen.local)} answered locally, K of the whole ${choice.chosen.K.toFixed(3)} ` +
      `(recipe alone ${choice.recipeOnly.K.toFixed(3)}, fallback alone ${choice.fallbackOnly.K.toFixed(3)})`,
    '',
    formatCurve(choice.curve, choice.threshold),
  ];
  const e = b.cascadeEval;
  if (e) {
    lines.push(
      '',
      `on the eval cases: K ${e.whole.K.toFixed(3)} with ${pct(e.whole.local)} local (recipe alone ${e.recipeOnly.K.toFixed(3)}, fallback alone ${e.fallbackOnly.K.toFixed(3)}); ` +
        `p50 ${ms(e.whole.p50_ms)} (recipe ${ms(e.recipeOnly.p50_ms)}, fallback ${ms(e.fallbackOnly.p50_ms)}); ${e.requests_saved} requests (${ms(e.fallback_ms_saved)} of fallback time) not sent to the GPU`,
    );
  }
  if (config.on_fallback_error === 'local') lines.push('when the fallback fails a case, the recipe answers it, flagged low_confidence');
  return lines.join('\n');
}
