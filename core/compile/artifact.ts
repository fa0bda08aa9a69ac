// From a compile outcome to the .kolm bytes: the recipe's config and payload as entries, the manifest with
// what was measured and what it was made from. Pure: returns bytes, writes nothing.
import { writeArtifact, type ManifestInput, type PredibaseOrigin } from '../artifact/index.ts';
import type { Spec } from '../spec/index.ts';
import { VERSION } from '../version.ts';
import type { CompileOutcome, DatasetRef, Metrics } from './compile.ts';

export const RECIPE_CONFIG_ENTRY = 'recipe/config.json';

export interface ArtifactMeta {
  spec: Spec;
  name: string;
  /** ISO time; callers take it from the inputs (SOURCE_DATE_EPOCH, file times), not the clock. */
  created: string;
  datasets: DatasetRef[];
  /**
   * Write the measured p50 into the manifest. Off by default: a timing differs run to run, and the same
   * inputs must give the same bytes (reproducible, verifiable builds). `kolm eval` measures latency.
   */
  recordLatency?: boolean;
  /** The Predibase adapter this fine-tune replaces (`--adapter-id`), recorded so serve answers to its ids. */
  origin?: { predibase: PredibaseOrigin };
}

const round = (x: number, digits = 6) => Number(x.toFixed(digits));

function manifestMetrics(m: Metrics, recordLatency: boolean | undefined) {
  return {
    K: round(m.K),
    pass_rate: round(m.pass_rate),
    n: m.n,
    ...(recordLatency ? { p50_ms: round(m.p50_ms, 4) } : {}),
    ...(m.ece !== undefined ? { ece: round(m.ece, 4) } : {}),
    ...(m.coverage ? { coverage: m.coverage.map((p) => ({ threshold: round(p.threshold), answered: p.answered, K: p.K })) } : {}),
  };
}

/** What the recipe really stored its weights as (a classifier falls back to f16 when int8 costs accuracy). */
function storedQuantization(type: string, config: Record<string, unknown>): 'int8' | 'f16' | 'none' {
  const storages =
    type === 'composite' ? ((config.labels as { config: { storage?: unknown } }[]) ?? []).map((l) => l.config.storage) : [config.storage];
  if (storages.includes('int8')) return 'int8';
  if (storages.includes('f16')) return 'f16';
  return 'none';
}

export function recipeManifest(outcome: CompileOutcome, meta: ArtifactMeta): ManifestInput {
  return {
    name: meta.name,
    created: meta.created,
    spec: meta.spec,
    kind: 'recipe',
    ...(meta.origin ? { origin: meta.origin } : {}),
    recipe: { type: outcome.winner, entry: RECIPE_CONFIG_ENTRY },
    quantization: storedQuantization(outcome.winner, outcome.saved.config),
    metrics: {
      validation: manifestMetrics(outcome.validation, meta.recordLatency),
      ...(outcome.eval ? { eval: manifestMetrics(outcome.eval, meta.recordLatency) } : {}),
    },
    compiler: { name: 'kolm-migrate', version: VERSION },
    datasets: meta.datasets,
    output_kind: outcome.kind,
  };
}

export async function recipeArtifactBytes(outcome: CompileOutcome, meta: ArtifactMeta): Promise<Uint8Array> {
  const entries = new Map<string, Uint8Array>(outcome.saved.files);
  entries.set(RECIPE_CONFIG_ENTRY, new TextEncoder().encode(`${JSON.stringify(outcome.saved.config)}\n`));
  return writeArtifact({ manifest: recipeManifest(outcome, meta), entries });
}
