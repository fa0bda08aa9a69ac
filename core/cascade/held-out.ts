// The held-out cases a cascade's threshold is chosen on: the validation folds of the training data (the
// same carving as compile's, never --eval), each answered by the winning recipe type refitted on the rest,
// so every confidence is one the recipe gave a case it had not seen. Then both sides scored per case.
import { carveFolds } from '../compile/index.ts';
import { timeSingleCalls } from '../eval/latency.ts';
import { scoreCases } from '../eval/report.ts';
import type { Scorer } from '../kscore/index.ts';
import type { Reporter } from '../progress.ts';
import { candidates, type RecipeType } from '../recipes/index.ts';
import type { ClassifierRuntime, Example } from '../runtime/types.ts';
import type { OutputKind, Spec } from '../spec/index.ts';
import type { FallbackAnswer } from './fallback.ts';
import type { CascadeCase } from './threshold.ts';

export interface RecipeAnswer {
  /** Index into the examples it came from. */
  index: number;
  output: unknown;
  confidence?: number;
  ms?: number;
}

export interface OutOfFoldInput {
  train: readonly Example[];
  type: RecipeType;
  kind: OutputKind;
  scorer: Scorer;
  spec: Spec;
  seed?: number;
  classifierRuntime?: ClassifierRuntime;
  reporter: Reporter;
}

/** Latency is timed on at most this many cases per fold (recipes answer in microseconds; a sample is enough). */
const LATENCY_SAMPLE = 300;

/** The recipe's answers on the validation folds, in example order. */
export async function outOfFold(input: OutOfFoldInput): Promise<RecipeAnswer[]> {
  const seed = input.seed ?? 42;
  const candidate = candidates.find((c) => c.type === input.type)!;
  // Stratified by label, as compile carves its folds.
  const stratum = (i: number) => (input.kind === 'label' ? input.scorer.normalize(String(input.train[i]!.output ?? '')) : '');
  const folds = carveFolds(input.train.map((_, i) => i), stratum, { seed });
  const out: RecipeAnswer[] = [];
  let done = 0;
  for (const fold of folds) {
    input.reporter.progress({ stage: 'cascade:folds', done, total: folds.length, message: `refitting ${input.type} on fold ${done + 1} of ${folds.length}` });
    const fitted = await candidate.fit(fold.train.map((i) => input.train[i]!), {
      kind: input.kind,
      quantization: input.spec.quantization ?? 'int8',
      seed,
      reporter: input.reporter,
      prefix: 'recipe/',
      ...(input.classifierRuntime ? { classifierRuntime: input.classifierRuntime } : {}),
    });
    try {
      const inputs = fold.validation.map((i) => input.train[i]!.input);
      const predictions = await fitted.predictor.predictBatch(inputs);
      const ms = await timeSingleCalls(fitted.predictor, inputs.slice(0, LATENCY_SAMPLE));
      const median = [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)] ?? 0;
      predictions.forEach((p, k) =>
        out.push({ index: fold.validation[k]!, output: p.output, ...(p.confidence !== undefined ? { confidence: p.confidence } : {}), ms: ms[k] ?? median }),
      );
    } finally {
      await fitted.predictor.close?.();
    }
    done++;
  }
  input.reporter.progress({ stage: 'cascade:folds', done, total: folds.length });
  return out.sort((a, b) => a.index - b.index);
}

/**
 * Both sides scored on the same cases. A case without a recipe confidence counts as confidence 0 (the
 * runtime defers it too); a fallback answer missing is scored 0 (the caller refuses errors before this).
 */
export function cascadeCases(examples: readonly Example[], recipe: readonly RecipeAnswer[], fallback: readonly FallbackAnswer[], scorer: Scorer): CascadeCase[] {
  const r = scoreCases(recipe.map((a) => ({ input: examples[a.index]!.input, reference: examples[a.index]!.output, prediction: a.output })), scorer).cases;
  const f = scoreCases(recipe.map((a, k) => ({ input: examples[a.index]!.input, reference: examples[a.index]!.output, prediction: fallback[k]!.output })), scorer).cases;
  return recipe.map((a, k) => ({
    confidence: Math.min(1, Math.max(0, a.confidence ?? 0)),
    sRecipe: r[k]!.s,
    sFallback: f[k]!.s,
    passRecipe: r[k]!.pass,
    passFallback: f[k]!.pass,
    ...(a.ms !== undefined && fallback[k]!.latency_ms !== undefined ? { msRecipe: a.ms, msFallback: fallback[k]!.latency_ms } : {}),
  }));
}
