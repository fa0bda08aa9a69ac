// Abstaining (`--abstain-below T`): a case whose confidence is under T answers a configured fallback output
// (CLINC's "oos", "unknown", a hand-off label) instead of a label the predictor is unsure of. The coverage
// curve in the eval report says what a threshold costs: the share still answered and its K.
import { KolmError } from '../errors.ts';
import type { Input, Prediction, Predictor } from './types.ts';

export interface AbstainPolicy {
  /** Confidence under this answers `output`; in (0, 1]. */
  below: number;
  /** The answer given instead, exactly as written to the output (e.g. "oos"). */
  output: unknown;
}

export interface AbstainedPrediction extends Prediction {
  /** Set when the predictor's own answer was replaced; `confidence` stays the predictor's. */
  abstained?: true;
  /** The answer that was withheld. */
  withheld?: unknown;
}

export function checkAbstainPolicy(policy: AbstainPolicy): AbstainPolicy {
  if (!(policy.below > 0 && policy.below <= 1)) {
    throw new KolmError('E_USAGE', `--abstain-below ${policy.below} is not a confidence in (0, 1]`, { hint: 'read a threshold off the coverage curve of `kolm eval --json`, e.g. --abstain-below 0.5' });
  }
  return policy;
}

/** Predictions without a confidence (a recipe that cannot tell) are never replaced. */
function apply(p: Prediction, policy: AbstainPolicy): AbstainedPrediction {
  if (typeof p.confidence !== 'number' || p.confidence >= policy.below) return p;
  // The rest of the prediction (a cascade's path, recipe_confidence) stays: serve and eval count by it.
  return { ...p, output: policy.output, confidence: p.confidence, abstained: true, withheld: p.output };
}

export function abstaining(predictor: Predictor, policy: AbstainPolicy): Predictor {
  checkAbstainPolicy(policy);
  return {
    ...(predictor.generator ? { generator: predictor.generator } : {}),
    async predict(input: Input) {
      return apply(await predictor.predict(input), policy);
    },
    async predictBatch(inputs: readonly Input[]) {
      return (await predictor.predictBatch(inputs)).map((p) => apply(p, policy));
    },
    ...(predictor.close ? { close: () => predictor.close!() } : {}),
  };
}
