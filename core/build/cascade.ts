// Building a cascade (`kolm compile --cascade`, issue 18): the recipe is compiled by buildFromFiles with no
// gate of its own (the gates hold for the whole), its winning type is refitted per validation fold for
// honest confidences, the fallback answers those held-out cases ONCE (through the A/B client's resume
// cache for an endpoint; the loaded .kolm for an artifact), and the threshold is chosen on them. With
// --eval, the whole is then scored on the eval cases at that threshold (never used to choose).
//
// Why the validation folds and not --eval: the eval set stays a clean report of the whole; and a threshold
// chosen on the cases it is then scored on would overstate K. Caveat, said in the report: a fallback
// fine-tuned on these same training rows scores them better than it would unseen cases, so the eval
// figures are the ones to trust for the fallback's side.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { readArtifact, sha256Hex, writeArtifact } from '../artifact/index.ts';
import { CASCADE_ENTRY, CASCADE_FORMAT, serializeCascadeConfig, type CascadeConfig, type FallbackErrorPolicy, type FallbackRef } from '../cascade/config.ts';
import { artifactFallback, endpointFallback, type Fallback, type FallbackAnswer } from '../cascade/fallback.ts';
import { cascadeCases, outOfFold, type RecipeAnswer } from '../cascade/held-out.ts';
import { cascadeAt, chooseThreshold, type CascadePoint, type ThresholdChoice } from '../cascade/threshold.ts';
import { KolmError } from '../errors.ts';
import { checkGates } from '../eval/gates.ts';
import { latencyStats, type GateResult, type LatencyStats } from '../eval/report.ts';
import { createScorer, labelSet } from '../kscore/index.ts';
import type { Reporter } from '../progress.ts';
import { silentReporter } from '../progress.ts';
import { resolveEndpoint } from '../remote/index.ts';
import { loadArtifact, type PredictorOptions } from '../runtime/index.ts';
import type { Example } from '../runtime/types.ts';
import { readExamples } from '../seeds/index.ts';
import type { Gates } from '../spec/index.ts';
import { buildFromFiles, type BuildInput, type Built } from './build.ts';

export type CascadeFallbackInput =
  | { type: 'artifact'; path: string; load?: PredictorOptions }
  | {
      type: 'endpoint';
      url: string;
      adapterId?: string;
      /** From the environment (PREDIBASE_API_TOKEN); never written to the artifact. */
      token?: string;
      /** The A/B client's resume cache: the held-out answers are fetched once, and a rerun sends none again. */
      cachePath?: string;
      concurrency?: number;
      timeoutMs?: number;
      retries?: number;
    };

export interface CascadeBuildInput extends Omit<BuildInput, 'recipeGates'> {
  fallback: CascadeFallbackInput;
  /** The gates for the whole (default the spec's; `--gates`). */
  gates?: Gates;
  maxFallbackShare?: number;
  /** What the artifact does at run time when the fallback fails a case (default 'error'). */
  onFallbackError?: FallbackErrorPolicy;
}

/** The whole on the eval cases at the chosen threshold, beside each side alone. */
export interface CascadeEval {
  whole: CascadePoint;
  recipeOnly: { K: number; pass_rate: number; p50_ms?: number };
  fallbackOnly: { K: number; pass_rate: number; p50_ms?: number };
  gates: GateResult[];
  latency_ms: { local: LatencyStats | null; fallback: LatencyStats | null };
  /** Eval cases the fallback would not see at run time (requests no longer sent to the GPU). */
  requests_saved: number;
  /** Their summed fallback time, ms: the GPU time the recipe took off it. */
  fallback_ms_saved: number;
}

export interface BuiltCascade extends Built {
  choice: ThresholdChoice;
  config: CascadeConfig;
  /** Held-out cases the fallback answered (sent, or read back from the resume cache). */
  fallbackCases: number;
  cascadeEval?: CascadeEval;
}

async function openFallback(input: CascadeBuildInput, spec: Built['spec']): Promise<{ fallback: Fallback; ref: FallbackRef }> {
  const f = input.fallback;
  if (f.type === 'endpoint') {
    const endpoint = resolveEndpoint(f.url);
    if (endpoint.kind === 'predibase' && !f.token) {
      throw new KolmError('E_USAGE', 'a Predibase fallback needs a token', { hint: 'set PREDIBASE_API_TOKEN (the token is used at compile and run time, never stored)' });
    }
    const fallback = endpointFallback({
      endpoint,
      spec,
      ...(f.adapterId ? { adapterId: f.adapterId } : {}),
      ...(f.token ? { token: f.token } : {}),
      // Compile time: the A/B client's own bounds (a long fetch of every held-out case), resumable.
      timeoutMs: f.timeoutMs ?? 60_000,
      retries: f.retries ?? 4,
      ...(f.concurrency ? { concurrency: f.concurrency } : {}),
      ...(f.cachePath ? { cachePath: f.cachePath } : {}),
    });
    return { fallback, ref: { type: 'endpoint', url: endpoint.url, kind: endpoint.kind, ...(f.adapterId ? { adapter_id: f.adapterId } : {}) } };
  }
  const bytes = new Uint8Array(await readFile(f.path).catch((err: NodeJS.ErrnoException) => {
    throw new KolmError(err.code === 'ENOENT' ? 'E_PATH_NOT_FOUND' : 'E_PATH_UNREADABLE', `cannot read the fallback ${f.path}: ${err.message}`, { hint: 'give the adapter .kolm to fall back on', place: { file: f.path } });
  }));
  const loaded = await loadArtifact(bytes, { ...(f.load ?? {}), name: f.path });
  if (loaded.contents.manifest.kind === 'cascade') {
    await loaded.predictor.close?.();
    throw new KolmError('E_USAGE', `the fallback ${f.path} is itself a cascade`, { hint: 'fall back on an adapter (or recipe) artifact' });
  }
  const name = basename(f.path).replace(/\.kolm$/, '');
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    await loaded.predictor.close?.();
    throw new KolmError('E_USAGE', `the fallback file name "${name}" is not a plain artifact name`, { hint: 'rename it to letters, digits, ".", "_" and "-", ending in .kolm' });
  }
  return { fallback: artifactFallback(loaded.predictor, name), ref: { type: 'artifact', name, sha256: sha256Hex(bytes) } };
}

/** Every answer, or the first failure: a threshold chosen on a partial set would be chosen on other cases. */
function refuseErrors(answers: readonly FallbackAnswer[], what: string, input: CascadeBuildInput): void {
  const failed = answers.filter((a) => a.error);
  if (failed.length === 0) return;
  const first = failed[0]!.error!;
  const cache = input.fallback.type === 'endpoint' && input.fallback.cachePath;
  throw new KolmError('E_REMOTE', `the fallback failed ${failed.length} of ${answers.length} ${what}: ${first.message}`, {
    hint: cache ? `${first.hint ?? 'check the fallback'}; then run again: answered cases are kept in ${cache}` : (first.hint ?? 'check the fallback and run again'),
    cause: first,
  });
}

/** The median of the measured values, as `{p50_ms}`, or nothing when none was measured. */
function p50(xs: readonly (number | undefined)[]): { p50_ms?: number } {
  const stats = latencyStats(xs.flatMap((x) => (x === undefined ? [] : [x])));
  return stats ? { p50_ms: stats.p50 } : {};
}

const summed = (xs: readonly (number | undefined)[]) => xs.reduce<number>((s, x) => s + (x ?? 0), 0);

export async function buildCascadeFromFiles(input: CascadeBuildInput, reporter: Reporter = silentReporter): Promise<BuiltCascade> {
  const built = await buildFromFiles({ ...input, recipeGates: {} }, reporter);
  const { spec } = built;
  const gates = input.gates ?? spec.gates;
  const shape = { input: spec.shape.input, output: spec.shape.output };
  const train = (await readExamples(built.files.train, shape)).examples;
  const kind = built.outcome.kind;
  const scorer = createScorer(kind, { labels: kind === 'label' ? labelSet(train.map((e) => e.output)) : undefined });

  const recipe = await outOfFold({ train, type: built.outcome.winner, kind, scorer, spec, seed: input.seed, reporter });
  if (!recipe.some((a) => a.confidence !== undefined)) {
    throw new KolmError('E_NO_CANDIDATE', `the ${built.outcome.winner} recipe gives no confidence, so a cascade cannot tell which cases to send to the fallback`, {
      hint: 'a cascade needs a recipe with calibrated confidence: try --recipe classifier (labels) or extract (spans)',
    });
  }
  const { fallback, ref } = await openFallback(input, spec);
  let fallbackCases = 0;
  let choice: ThresholdChoice;
  let cascadeEval: CascadeEval | undefined;
  try {
    reporter.progress({ stage: 'cascade:fallback', message: `the fallback ${fallback.name} answers ${recipe.length} held-out cases` });
    const answers = await fallback.answer(recipe.map((a) => train[a.index]!.input), recipe.map((a) => `train:${a.index}`));
    refuseErrors(answers, 'held-out cases', input);
    fallbackCases = recipe.length;
    choice = chooseThreshold(cascadeCases(train, recipe, answers, scorer), gates, { maxFallbackShare: input.maxFallbackShare });
    if (input.evalPath && built.evalReport) {
      const held = (await readExamples(input.evalPath, shape)).examples;
      cascadeEval = await evaluateWhole(held, built, fallback, choice.threshold, gates, input, createScorer(kind, { labels: kind === 'label' ? labelSet(held.map((e) => e.output)) : undefined }));
    }
  } finally {
    await fallback.close?.();
  }

  const config: CascadeConfig = {
    format: CASCADE_FORMAT,
    threshold: choice.threshold,
    chosen: choice.chosen,
    curve: choice.curve,
    recipe_only: choice.recipeOnly,
    fallback_only: choice.fallbackOnly,
    held_out: { source: 'validation', n: recipe.length },
    fallback: ref,
    on_fallback_error: input.onFallbackError ?? 'error',
  };
  // The recipe artifact, re-kinded: same entries and manifest, its figures those of the whole, plus cascade.json.
  const contents = await readArtifact(built.bytes, { name: built.name });
  const { files: _f, sizes: _s, ...manifest } = contents.manifest;
  const entries = new Map(contents.entries);
  entries.set(CASCADE_ENTRY, serializeCascadeConfig(config));
  const metric = (p: CascadePoint, n: number) => ({ K: p.K, pass_rate: p.pass_rate, n });
  const bytes = await writeArtifact({
    manifest: {
      ...manifest,
      kind: 'cascade',
      metrics: { validation: metric(choice.chosen, recipe.length), ...(cascadeEval ? { eval: metric(cascadeEval.whole, built.evalReport!.cases) } : {}) },
    },
    entries,
  });
  return { ...built, bytes, choice, config, fallbackCases, ...(cascadeEval ? { cascadeEval } : {}) };
}

/** The whole on --eval: the recipe's answers from compile's own eval of it, the fallback's fetched once. */
async function evaluateWhole(held: readonly Example[], built: Built, fallback: Fallback, threshold: number, gates: Gates | undefined, input: CascadeBuildInput, scorer: ReturnType<typeof createScorer>): Promise<CascadeEval> {
  const results = built.evalReport!.results;
  // Compile times single calls on a sample; the rest take the sample's median (a recipe's time hardly varies).
  const typical = latencyStats(results.flatMap((r) => (r.latency_ms === undefined ? [] : [r.latency_ms])))?.p50;
  const recipe: RecipeAnswer[] = results.map((r) => {
    const ms = r.latency_ms ?? typical;
    return { index: r.index, output: r.prediction, ...(r.confidence !== undefined ? { confidence: r.confidence } : {}), ...(ms !== undefined ? { ms } : {}) };
  });
  const answers = await fallback.answer(recipe.map((a) => held[a.index]!.input), recipe.map((a) => `eval:${a.index}`));
  refuseErrors(answers, 'eval cases', input);
  const cases = cascadeCases(held, recipe, answers, scorer);
  const whole = cascadeAt(cases, threshold);
  const local = cases.map((c, k) => (c.confidence >= threshold ? k : -1)).filter((k) => k >= 0);
  const deferred = cases.map((c, k) => (c.confidence < threshold ? k : -1)).filter((k) => k >= 0);
  const n = cases.length;
  const r4 = (x: number) => Number(x.toFixed(4));
  return {
    whole,
    recipeOnly: { K: r4(summed(cases.map((c) => c.sRecipe)) / n), pass_rate: r4(cases.filter((c) => c.passRecipe).length / n), ...p50(recipe.map((a) => a.ms)) },
    fallbackOnly: { K: r4(summed(cases.map((c) => c.sFallback)) / n), pass_rate: r4(cases.filter((c) => c.passFallback).length / n), ...p50(answers.map((a) => a.latency_ms)) },
    gates: checkGates({ K: whole.K, pass_rate: whole.pass_rate, latency_ms: whole.p50_ms === undefined ? null : { p50: whole.p50_ms, p95: whole.p95_ms } }, gates),
    latency_ms: {
      local: latencyStats(local.flatMap((k) => (recipe[k]!.ms === undefined ? [] : [recipe[k]!.ms!]))),
      fallback: latencyStats(deferred.flatMap((k) => (answers[k]!.latency_ms === undefined ? [] : [answers[k]!.latency_ms! + (recipe[k]!.ms ?? 0)]))),
    },
    requests_saved: local.length,
    fallback_ms_saved: r4(summed(local.map((k) => answers[k]!.latency_ms))),
  };
}
