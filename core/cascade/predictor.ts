// A cascade at run time: every case goes to the recipe (microseconds, no GPU); those whose confidence is
// under the threshold go on to the fallback. Each prediction says which path answered it. A fallback that
// fails a case: E_REMOTE on that case, or (policy 'local') the recipe's answer flagged low-confidence.
import type { Input, Prediction, Predictor } from '../runtime/types.ts';
import type { FallbackErrorPolicy } from './config.ts';
import type { Fallback } from './fallback.ts';

export type CascadePath = 'local' | 'fallback';

export interface CascadePrediction extends Prediction {
  path: CascadePath;
  /** The recipe's confidence, whichever path answered (`confidence` is the answering side's, when it gives one). */
  recipe_confidence?: number;
  /** Time the fallback took on this case, in ms. */
  fallback_ms?: number;
  /** Set when the fallback failed and policy 'local' answered with the recipe anyway. */
  low_confidence?: true;
  fallback_error?: string;
}

export interface CascadeRouting {
  threshold: number;
  onFallbackError: FallbackErrorPolicy;
}

export function isCascadePrediction(p: Prediction): p is CascadePrediction {
  return (p as CascadePrediction).path === 'local' || (p as CascadePrediction).path === 'fallback';
}

/** A case without a confidence counts as confidence 0, as when the threshold was chosen (held-out.ts). */
const isLocal = (p: Prediction, threshold: number) => (typeof p.confidence === 'number' ? p.confidence : 0) >= threshold;

export function cascadePredictor(recipe: Predictor, fallback: Fallback, routing: CascadeRouting): Predictor {
  const route = async (inputs: readonly Input[], local: Prediction[]): Promise<CascadePrediction[]> => {
    const out: CascadePrediction[] = local.map((p) => ({
      output: p.output,
      ...(p.confidence !== undefined ? { confidence: p.confidence, recipe_confidence: p.confidence } : {}),
      path: 'local',
    }));
    const deferred = local.flatMap((p, i) => (isLocal(p, routing.threshold) ? [] : [i]));
    if (deferred.length === 0) return out;
    const answers = await fallback.answer(deferred.map((i) => inputs[i]!));
    deferred.forEach((i, k) => {
      const a = answers[k]!;
      if (a.error) {
        if (routing.onFallbackError !== 'local') throw a.error;
        out[i] = { ...out[i]!, low_confidence: true, fallback_error: a.error.message };
        return;
      }
      const recipeConfidence = local[i]!.confidence;
      out[i] = {
        output: a.output,
        ...(a.confidence !== undefined ? { confidence: a.confidence } : {}),
        ...(recipeConfidence !== undefined ? { recipe_confidence: recipeConfidence } : {}),
        path: 'fallback',
        ...(a.latency_ms !== undefined ? { fallback_ms: a.latency_ms } : {}),
      };
    });
    return out;
  };
  return {
    async predict(input: Input) {
      const [p] = await route([input], [await recipe.predict(input)]);
      return p!;
    },
    async predictBatch(inputs: readonly Input[]) {
      return route(inputs, await recipe.predictBatch(inputs));
    },
    async close() {
      await recipe.close?.();
      await fallback.close?.();
    },
  };
}
