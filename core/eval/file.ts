// Evaluating a .kolm on disk against a JSONL of cases: load (digests and signature checked), read the
// cases in the artifact's own shape, evaluate and A/B (evaluateArtifact), close. `kolm eval`, the Action
// and the wizard's A/B step all run through here, so none of them repeats the steps.
import type { Manifest } from '../artifact/index.ts';
import { abstaining, loadArtifact, type AbstainPolicy, type LoadArtifactOptions } from '../runtime/index.ts';
import { readExamples } from '../seeds/index.ts';
import { evaluateArtifact, type ArtifactEvalInput, type ArtifactEvalResult } from './ab.ts';

export interface ArtifactFileEvalInput extends Omit<ArtifactEvalInput, 'spec' | 'outputKind' | 'predictor' | 'examples' | 'artifact'> {
  artifactPath: string;
  /** How the report and messages name the artifact; default artifactPath. */
  shown?: string;
  /** Adapter runtime, signature requirements (see loadArtifact). */
  load?: Omit<LoadArtifactOptions, 'name'>;
  /** JSONL of {input, output} in the artifact's spec shape. */
  examplesPath: string;
  /** Score the artifact as `--abstain-below` runs it: under `below`, it answers `output`. */
  abstain?: AbstainPolicy;
}

export interface ArtifactFileEvalResult extends ArtifactEvalResult {
  manifest: Manifest;
  /** The cases file as read. */
  examplesFile: string;
}

export async function evaluateArtifactFile(input: ArtifactFileEvalInput): Promise<ArtifactFileEvalResult> {
  const { artifactPath, shown, load, examplesPath, abstain, ...rest } = input;
  const loaded = await loadArtifact(artifactPath, { ...load, ...(shown ? { name: shown } : {}) });
  const { contents } = loaded;
  const predictor = abstain ? abstaining(loaded.predictor, abstain) : loaded.predictor;
  try {
    const { manifest } = contents;
    const cases = await readExamples(examplesPath, manifest.spec.shape);
    const result = await evaluateArtifact({
      ...rest,
      spec: manifest.spec,
      outputKind: manifest.output_kind,
      predictor,
      artifact: shown ?? artifactPath,
      examples: cases.examples,
    });
    return { ...result, manifest, examplesFile: cases.file };
  } finally {
    await predictor.close?.();
  }
}
