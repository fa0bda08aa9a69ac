// `kolm compile --runtime`: spec + examples → a trained PEFT adapter (trainAdapter) → the adapter artifact
// through the import route every adapter takes (buildAdapterFromFiles: GGUF LoRA on the pinned base,
// quantized per the spec), scored on --eval with the spec's gates; the manifest records the training run.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ManifestTraining } from '../artifact/index.ts';
import { buildAdapterFromFiles, type AdapterBuildInput } from '../build/index.ts';
import type { ArtifactFileEvalResult } from '../eval/index.ts';
import type { LoadArtifactOptions } from '../runtime/index.ts';
import { readExamples } from '../seeds/index.ts';
import { readSpecFile } from '../spec/index.ts';
import type { TrainRecord } from './events.ts';
import { buildJob, type TrainerConfig } from './job.ts';
import { trainAdapter, type TrainDeps, type TrainOptions, type TrainPlan, type Trained } from './train.ts';
import { trainerFiles } from './venv.ts';

export interface TrainCompileInput extends Omit<TrainOptions, 'job'> {
  specPath: string;
  examplesPath: string;
  evalPath?: string;
  /** `--base-weights`: a Hugging Face model folder on the machine that trains. */
  baseWeights?: string;
  seed: number;
  cpuThreads?: number;
  /** Everything the adapter route needs but the adapter itself (name, base GGUF, dtype, dates). */
  build: Omit<AdapterBuildInput, 'specPath' | 'adapterPath' | 'examplesPath' | 'evalPath' | 'training'>;
  /** Options to load the built artifact for the --eval scoring (base GGUF, llama.cpp runtime). */
  load: Omit<LoadArtifactOptions, 'name'>;
}

export type TrainCompiled =
  | { dryRun: true; plan: TrainPlan }
  | {
      dryRun: false;
      trained: Trained;
      bytes: Uint8Array;
      built: Awaited<ReturnType<typeof buildAdapterFromFiles>>;
      eval?: ArtifactFileEvalResult;
    };

/** The manifest's training record from the trainer's own. */
export function trainingRecord(t: { record: TrainRecord; runtime: string; config: TrainerConfig }): ManifestTraining {
  const r = t.record;
  return {
    engine: r.versions,
    runtime: t.runtime,
    device: r.device,
    config: { lora: { ...t.config.lora }, train: { ...t.config.train } },
    base: { ...t.config.base },
    steps: r.steps,
    seconds: r.seconds,
    max_length: r.max_length,
    train_loss: r.train_loss,
    eval_loss: r.eval_loss,
    eval_loss_start: r.eval_loss_start,
    loss_curve: r.loss_curve.map((c) => [c.step, c.loss] as [number, number | null]),
    peak_memory: r.peak_memory,
  };
}

export async function trainAndBuild(input: TrainCompileInput, deps: TrainDeps): Promise<TrainCompiled> {
  const spec = await readSpecFile(input.specPath);
  const shape = { input: spec.shape.input, output: spec.shape.output };
  const train = await readExamples(input.examplesPath, shape);
  const held = input.evalPath ? await readExamples(input.evalPath, shape) : undefined;
  const job = buildJob(
    {
      spec,
      specFile: input.specPath,
      train: train.examples,
      ...(held ? { eval: held.examples } : {}),
      ...(input.baseWeights ? { baseWeights: input.baseWeights } : {}),
      seed: input.seed,
      ...(input.cpuThreads ? { cpuThreads: input.cpuThreads } : {}),
    },
    trainerFiles(),
  );
  const { specPath: _s, examplesPath: _e, evalPath: _v, baseWeights: _b, seed: _seed, cpuThreads: _c, build, load, ...options } = input;
  if (input.dryRun) return { dryRun: true, plan: await trainAdapter({ ...options, job, dryRun: true }, deps) };
  const trained = await trainAdapter({ ...options, job }, deps);
  deps.reporter.progress({ stage: 'convert', message: 'PEFT adapter → GGUF LoRA on the pinned base' });
  const built = await buildAdapterFromFiles({
    ...build,
    specPath: input.specPath,
    adapterPath: trained.adapterDir,
    examplesPath: input.examplesPath,
    ...(input.evalPath ? { evalPath: input.evalPath } : {}),
    training: trainingRecord(trained),
  });
  if (!input.evalPath) return { dryRun: false, trained, bytes: built.bytes, built };
  // Scored from the very bytes that will be written, loaded as `kolm eval` loads a file.
  const candidate = join(input.workDir, 'candidate.kolm');
  writeFileSync(candidate, built.bytes);
  const { evaluateArtifactFile } = await import('../eval/index.ts');
  const evaluated = await evaluateArtifactFile({ artifactPath: candidate, shown: 'trained adapter', load, examplesPath: input.evalPath, reporter: deps.reporter });
  return { dryRun: false, trained, bytes: built.bytes, built, eval: evaluated };
}
