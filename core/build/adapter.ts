// The build service's adapter route: spec + a PEFT LoRA export (+ training examples, for the output kind and
// the dataset digest) → the adapter .kolm bytes. `kolm compile --adapter` builds through here and saves
// through saveBuilt, like the recipe route. Reads files, writes nothing.
import type { AdapterCompileResult } from '../adapter/artifact.ts';
import type { ResolveOptions } from '../adapter/base.ts';
import type { AdapterDtype } from '../adapter/convert.ts';
import { createdFromInputs } from '../compile/index.ts';
import { outputKindFor } from '../kscore/index.ts';
import { readExamples } from '../seeds/index.ts';
import { readSpecFile, type Spec } from '../spec/index.ts';
import type { ManifestTraining } from '../artifact/index.ts';
import { originFromAdapterId } from './origin.ts';

export interface AdapterBuildInput {
  specPath: string;
  /** Replaces the spec's base model id (`--base`). */
  baseId?: string;
  adapterPath: string;
  examplesPath?: string;
  base: ResolveOptions;
  dtype?: AdapterDtype;
  name?: string;
  /** Required: the name when neither `name` nor the spec gives one. */
  defaultName: string;
  /** The caller's SOURCE_DATE_EPOCH, as data. */
  sourceDateEpoch?: string;
  /** The Predibase adapter id it came from (`--adapter-id`, REPO or REPO/VERSION), recorded in the manifest. */
  adapterId?: string;
  /** A held-out file to digest into the manifest's datasets (role eval). */
  evalPath?: string;
  /** The training run, when kolm trained the adapter (core/train), recorded in the manifest. */
  training?: ManifestTraining;
}

export async function buildAdapterFromFiles(input: AdapterBuildInput): Promise<AdapterCompileResult & { spec: Spec }> {
  const origin = originFromAdapterId(input.adapterId);
  const read = await readSpecFile(input.specPath);
  const spec = input.baseId ? { ...read, base: input.baseId } : read;
  const train = input.examplesPath ? await readExamples(input.examplesPath, { input: spec.shape.input, output: spec.shape.output }) : undefined;
  const held = input.evalPath ? await readExamples(input.evalPath, { input: spec.shape.input, output: spec.shape.output }) : undefined;
  // Loaded on demand: the recipe route and the rest of the CLI never pay for the adapter converter.
  const { compileAdapterArtifact } = await import('../adapter/artifact.ts');
  const result = await compileAdapterArtifact({
    spec,
    specFile: input.specPath,
    adapterPath: input.adapterPath,
    base: input.base,
    ...(input.dtype ? { dtype: input.dtype } : {}),
    name: input.name ?? spec.name ?? input.defaultName,
    created: await createdFromInputs([input.specPath, input.adapterPath, ...(train ? [train.file] : [])], input.sourceDateEpoch),
    datasets: [
      ...(train ? [{ role: 'train' as const, sha256: train.sha256, rows: train.examples.length }] : []),
      ...(held ? [{ role: 'eval' as const, sha256: held.sha256, rows: held.examples.length }] : []),
    ],
    outputKind: outputKindFor(spec, train?.examples.map((e) => e.output)),
    ...(origin ? { origin } : {}),
    ...(input.training ? { training: input.training } : {}),
  });
  return { ...result, spec };
}
