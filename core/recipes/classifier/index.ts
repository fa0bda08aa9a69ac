// The classifier recipe (DESIGN §5): outputs from a closed label set. Hashed word + char n-gram features,
// multinomial logistic regression trained here in TypeScript, weights in an ONNX graph (int8 when the spec
// asks for it and held-out accuracy holds) scored by the TypeScript scorer, or by onnxruntime-node when
// `classifierRuntime: 'onnx'` asks for it, and a calibrated max
// probability as `confidence`, so a cascade can defer the cases it is unsure of.
import { KolmError } from '../../errors.ts';
import type { Candidate, FitContext, FittedRecipe } from '../types.ts';
import { DEFAULT_CLASSIFIER_RUNTIME, type Example, type Predictor, type RecipeLoadOptions } from '../../runtime/types.ts';
import { fitClassifier, WEIGHTING, type FitReport } from './fit.ts';
import { confidenceMapProblem, type ConfidenceMap } from './confidence-map.ts';
import type { FeaturizerSpec } from './featurize.ts';
import { buildClassifierOnnx, OPSET, weightsFromOnnx } from './graph.ts';
import { createOnnxSession, OnnxClassifier, TsClassifier, type ClassifierParts } from './predictor.ts';
import { decodeVocabulary, encodeVocabulary, Vectorizer, type Weighting } from './vectorize.ts';
import { TsScorer, type Storage } from './weights.ts';

export { fitClassifier } from './fit.ts';
export { OnnxClassifier, TsClassifier } from './predictor.ts';

/** recipe/config.json of a classifier. */
export interface ClassifierConfig {
  version: 1;
  /** Payload entries. */
  model: string;
  vocabulary: string;
  /** Outputs exactly as they appear in the training data, in class order. */
  labels: unknown[];
  featurizer: FeaturizerSpec;
  weighting: Weighting;
  /** How W is stored in the graph: int8 (per-class scale), f16 or f32. */
  storage: Storage;
  temperature: number;
  /** Max probability → calibrated confidence, fitted on the internal holdout (absent: identity). */
  confidence_map?: ConfidenceMap;
  opset: number;
  /** What fitting measured on its internal holdout (accuracy, NLL and ECE before/after calibration). */
  fit: FitReport;
}

const FORMAT_VERSION = '1';

export function fitClassifierRecipe(train: readonly Example[], ctx: Pick<FitContext, 'quantization' | 'seed' | 'prefix'>): { config: ClassifierConfig; files: Map<string, Uint8Array> } {
  const fit = fitClassifier(train, ctx);
  const config: ClassifierConfig = {
    version: 1,
    model: `${ctx.prefix}model.onnx`,
    vocabulary: `${ctx.prefix}features.vocab`,
    labels: fit.labels,
    featurizer: fit.spec,
    weighting: WEIGHTING,
    storage: fit.weights.storage,
    temperature: fit.temperature,
    ...(fit.confidenceMap.length ? { confidence_map: fit.confidenceMap } : {}),
    opset: OPSET,
    fit: fit.report,
  };
  const files = new Map<string, Uint8Array>([
    [config.model, buildClassifierOnnx(fit.weights, fit.temperature, FORMAT_VERSION)],
    [config.vocabulary, encodeVocabulary(fit.vocab)],
  ]);
  return { config, files };
}

export const classifierCandidate: Candidate = {
  type: 'classifier',
  unsuitable(train, ctx) {
    if (train.length === 0) return 'no training examples';
    if (ctx.kind !== 'label') return `outputs look ${ctx.kind}, not labels from a closed set`;
    const distinct = new Set(train.map((e) => JSON.stringify(e.output ?? null)));
    if (distinct.size < 2) return 'every training output is the same label: nothing to classify';
    return null;
  },
  async fit(train, ctx): Promise<FittedRecipe> {
    if (train.length === 0) throw new KolmError('E_NO_ROWS', 'the classifier was given no training examples', { hint: 'check the --examples file' });
    ctx.reporter.progress({ stage: 'compile:classifier', message: `training on ${train.length} examples` });
    const { config, files } = fitClassifierRecipe(train, ctx);
    const saved = { type: 'classifier' as const, config: config as unknown as Record<string, unknown>, files };
    // Built from the saved bytes on the runtime the caller chose, so compile-time scores are the artifact's.
    return { saved, predictor: await loadClassifier(saved.config, files, { classifierRuntime: ctx.classifierRuntime }) };
  },
};

function badArtifact(what: string): KolmError {
  return new KolmError('E_BAD_ARTIFACT', `classifier recipe: ${what}`, { hint: 'rebuild the artifact with kolm compile' });
}

function runtimeOf(c: ClassifierConfig, files: ReadonlyMap<string, Uint8Array>): { rt: ClassifierParts; model: Uint8Array } {
  if (c.version !== 1 || typeof c.model !== 'string' || typeof c.vocabulary !== 'string' || !Array.isArray(c.labels) || c.labels.length === 0) {
    throw badArtifact('config is not version 1 or lacks model/vocabulary/labels');
  }
  const model = files.get(c.model);
  const table = files.get(c.vocabulary);
  if (!model) throw badArtifact(`${c.model} is missing from the artifact`);
  if (!table) throw badArtifact(`${c.vocabulary} is missing from the artifact`);
  const spec = c.featurizer;
  if (!spec || !Number.isInteger(spec.hashBits) || spec.hashBits < 4 || spec.hashBits > 24) throw badArtifact('featurizer.hashBits is missing or out of range 4..24');
  let vectorizer: Vectorizer;
  try {
    vectorizer = new Vectorizer(spec, decodeVocabulary(table, 2 ** spec.hashBits), c.weighting ?? WEIGHTING);
  } catch (err) {
    throw badArtifact(`${c.vocabulary}: ${(err as Error).message}`);
  }
  if (c.confidence_map !== undefined) {
    const problem = confidenceMapProblem(c.confidence_map);
    if (problem) throw badArtifact(problem);
  }
  return { rt: { vectorizer, labels: c.labels, padRow: vectorizer.rows, confidenceMap: c.confidence_map ?? [] }, model };
}

/**
 * Rebuild the predictor from a saved config and its payload, on the TypeScript scorer unless
 * `classifierRuntime: 'onnx'` asks for onnxruntime-node (same math; E_RUNTIME_MISSING when it is absent).
 */
export async function loadClassifier(
  config: Record<string, unknown>,
  files: ReadonlyMap<string, Uint8Array>,
  options: RecipeLoadOptions = {},
): Promise<Predictor> {
  const c = config as unknown as ClassifierConfig;
  const { rt, model } = runtimeOf(c, files);
  let stored: ReturnType<typeof weightsFromOnnx>;
  try {
    stored = weightsFromOnnx(model);
  } catch (err) {
    throw badArtifact(`${c.model}: ${(err as Error).message}`);
  }
  if (stored.weights.classes !== c.labels.length || stored.weights.rows !== rt.vectorizer.rows + 1) {
    throw badArtifact(`${c.model} has a [${stored.weights.rows}, ${stored.weights.classes}] weight matrix; the config needs [${rt.vectorizer.rows + 1}, ${c.labels.length}]`);
  }
  const runtime = options.classifierRuntime ?? DEFAULT_CLASSIFIER_RUNTIME;
  if (runtime === 'ts') return new TsClassifier(new TsScorer(stored.weights, stored.temperature), rt);
  let session: Awaited<ReturnType<typeof createOnnxSession>>;
  try {
    session = await createOnnxSession(model);
  } catch (err) {
    if (err instanceof KolmError) throw err; // E_RUNTIME_MISSING
    throw badArtifact(`onnxruntime could not load ${c.model}: ${(err as Error).message}`);
  }
  return new OnnxClassifier(session.ort, session.session, rt);
}
