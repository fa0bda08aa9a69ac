// The one build service (issue 12): spec + examples (+ eval) on disk → the .kolm bytes and what was
// measured. `kolm compile`, the Action and `kolm-migrate` (--yes and the wizard) all build through here,
// then save through saveBuilt; no face repeats a step. Reads files, writes nothing.
import { compileRecipe, createdFromInputs, recipeArtifactBytes, type CompileOutcome, type DatasetRef } from '../compile/index.ts';
import type { EvalReport } from '../eval/index.ts';
import type { Reporter } from '../progress.ts';
import { silentReporter } from '../progress.ts';
import type { RecipeType } from '../recipes/index.ts';
import type { ClassifierRuntime } from '../runtime/types.ts';
import { readExamples } from '../seeds/index.ts';
import { readSpecFile, type Gates, type Spec } from '../spec/index.ts';
import { originFromAdapterId } from './origin.ts';

export interface BuildInput {
  specPath: string;
  /** How messages name the spec (the path as the user gave it); default specPath. */
  specShown?: string;
  examplesPath: string;
  /** Held-out cases: the winner is scored on them once (compile's eval), never used to choose. */
  evalPath?: string;
  seed?: number;
  /** Only try these recipes. */
  only?: readonly RecipeType[];
  /** The artifact's name; without it the spec's name, else `defaultName`. */
  name?: string;
  /** Required: each face names an unnamed spec its own way (the --out file, the spec file, "model"). */
  defaultName: string;
  /**
   * The caller's SOURCE_DATE_EPOCH, passed as data (core reads no environment). Without it `created` is
   * the newest input file's time, so the same inputs still give the same bytes.
   */
  sourceDateEpoch?: string;
  /** Write the measured p50 into the manifest (the bytes then differ run to run). */
  recordLatency?: boolean;
  /** The gates the recipe alone must pass (default the spec's); a cascade gives {}, its gates hold for the whole. */
  recipeGates?: Gates;
  /** The Predibase adapter id it replaces (`--adapter-id`, REPO or REPO/VERSION), recorded in the manifest. */
  adapterId?: string;
  /** What scores classifier candidates while compiling (`--classifier-runtime`); the artifact is the same. */
  classifierRuntime?: ClassifierRuntime;
}

/** What a compile measured, without the live predictor or the recipe payload (both are in `bytes`). */
export type CompileSummary = Omit<CompileOutcome, 'predictor' | 'saved' | 'evalReport'>;

export interface Built {
  spec: Spec;
  name: string;
  /** The unsigned .kolm. */
  bytes: Uint8Array;
  outcome: CompileSummary;
  /** The winner's eval report on evalPath, gated by the spec; absent without evalPath. */
  evalReport?: EvalReport;
  datasets: DatasetRef[];
  files: { spec: string; train: string; eval?: string };
}

export async function buildFromFiles(input: BuildInput, reporter: Reporter = silentReporter): Promise<Built> {
  const spec = await readSpecFile(input.specPath, input.specShown ?? input.specPath);
  const shape = { input: spec.shape.input, output: spec.shape.output };
  const train = await readExamples(input.examplesPath, shape);
  const held = input.evalPath ? await readExamples(input.evalPath, shape) : undefined;

  const origin = originFromAdapterId(input.adapterId);
  const recipeSpec = input.recipeGates ? { ...spec, gates: input.recipeGates } : spec;
  const outcome = await compileRecipe({ spec: recipeSpec, train: train.examples, eval: held?.examples, seed: input.seed, only: input.only, classifierRuntime: input.classifierRuntime }, reporter);
  const datasets: DatasetRef[] = [{ role: 'train', sha256: train.sha256, rows: train.examples.length }];
  if (held) datasets.push({ role: 'eval', sha256: held.sha256, rows: held.examples.length });
  const name = input.name ?? spec.name ?? input.defaultName;
  let bytes: Uint8Array;
  try {
    bytes = await recipeArtifactBytes(outcome, {
      spec,
      name,
      created: await createdFromInputs([input.specPath, train.file, ...(held ? [held.file] : [])], input.sourceDateEpoch),
      datasets,
      recordLatency: input.recordLatency,
      ...(origin ? { origin } : {}),
    });
  } finally {
    await outcome.predictor.close?.();
  }
  const { predictor: _p, saved: _s, evalReport, ...summary } = outcome;
  return {
    spec,
    name,
    bytes,
    outcome: summary,
    ...(evalReport ? { evalReport } : {}),
    datasets,
    files: { spec: input.specPath, train: train.file, ...(held ? { eval: held.file } : {}) },
  };
}
