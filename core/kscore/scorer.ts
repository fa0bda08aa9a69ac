// One scorer per task: built once for an output kind (and, for labels, the label set that decides case),
// then called per case. Eval, compile's candidate scoring and the A/B all score through this, so "K" means
// the same number everywhere.
import type { OutputKind } from '../spec/index.ts';
import { jsonF1, numberMatch, rougeL, tokenF1 } from './metrics.ts';
import { asText, createNormalizer, type Normalizer } from './normalize.ts';

export const KSCORE_VERSION = 1;

/**
 * s needed for a case to pass. Exact kinds need 1.0; short answers 0.8 (SQuAD F1, so "the cat sat" for
 * "cat sat down" passes); long outputs 0.8 ROUGE-L as well, a high bar chosen so that a pass means the
 * output says nearly the same thing in nearly the same order, not just shares vocabulary.
 */
export const PASS_THRESHOLD: Readonly<Record<OutputKind, number>> = { label: 1, json: 1, number: 1, short: 0.8, long: 0.8 };

// F1 arithmetic can land a hair under a threshold it meets exactly (e.g. 0.7999999999999999).
const EPSILON = 1e-9;

export interface CaseScore {
  /** s in [0, 1]. */
  s: number;
  pass: boolean;
}

export interface Scorer {
  readonly kind: OutputKind;
  readonly normalize: Normalizer;
  /** s of one prediction against one reference. */
  score(prediction: unknown, reference: unknown): number;
  /** s against several references: the best; 0 when there are none. */
  scoreBest(prediction: unknown, references: readonly unknown[]): number;
  /** s and pass for a case with its references. */
  judge(prediction: unknown, references: readonly unknown[]): CaseScore;
  passes(s: number): boolean;
}

export interface ScorerOptions {
  /** The training outputs' label set; decides whether case is significant for N. */
  labels?: Iterable<string>;
}

export function createScorer(kind: OutputKind, options: ScorerOptions = {}): Scorer {
  const normalize = createNormalizer({ labels: options.labels });
  const threshold = PASS_THRESHOLD[kind] - EPSILON;
  const score = scoreFunction(kind, normalize);
  const scoreBest = (prediction: unknown, references: readonly unknown[]): number => {
    let best = 0;
    for (const ref of references) {
      const s = score(prediction, ref);
      if (s > best) best = s;
      if (best >= 1) break;
    }
    return best;
  };
  return {
    kind,
    normalize,
    score,
    scoreBest,
    judge(prediction, references) {
      const s = scoreBest(prediction, references);
      return { s, pass: s >= threshold };
    },
    passes: (s) => s >= threshold,
  };
}

function scoreFunction(kind: OutputKind, normalize: Normalizer): (prediction: unknown, reference: unknown) => number {
  switch (kind) {
    case 'label':
      return (p, r) => (normalize(asText(p)) === normalize(asText(r)) ? 1 : 0);
    case 'number':
      return numberMatch;
    case 'json':
      return (p, r) => jsonF1(p, r, normalize);
    case 'short':
      return (p, r) => tokenF1(asText(p), asText(r));
    case 'long':
      return (p, r) => rougeL(asText(p), asText(r));
  }
}
