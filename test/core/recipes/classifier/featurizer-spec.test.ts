// The featurizer's parameters travel in the artifact's config: an artifact built with other parameters than
// today's defaults (those of artifacts built before the defaults moved to char 2-grams at 2^20 buckets)
// loads with the parameters it recorded and scores exactly as its own featurizer did.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { KolmError } from '../../../../core/errors.ts';
import { WEIGHTING, fitClassifier } from '../../../../core/recipes/classifier/fit.ts';
import { DEFAULT_FEATURIZER, type FeaturizerSpec } from '../../../../core/recipes/classifier/featurize.ts';
import { buildClassifierOnnx, OPSET } from '../../../../core/recipes/classifier/graph.ts';
import { loadClassifier, type ClassifierConfig } from '../../../../core/recipes/classifier/index.ts';
import { encodeVocabulary, Vectorizer } from '../../../../core/recipes/classifier/vectorize.ts';
import { TsScorer } from '../../../../core/recipes/classifier/weights.ts';
import { generateTopics } from './_gen.ts';

const train = generateTopics(240, 11, 0.05);
const held = generateTopics(80, 12);

function saved(spec: FeaturizerSpec): { config: ClassifierConfig; files: Map<string, Uint8Array>; expected: number[] } {
  const fit = fitClassifier(train, { quantization: 'f16', seed: 1 }, spec);
  const config: ClassifierConfig = {
    version: 1,
    model: 'recipe/model.onnx',
    vocabulary: 'recipe/features.vocab',
    labels: fit.labels,
    featurizer: fit.spec,
    weighting: WEIGHTING,
    storage: fit.weights.storage,
    temperature: fit.temperature,
    opset: OPSET,
    fit: fit.report,
  };
  const files = new Map([
    [config.model, buildClassifierOnnx(fit.weights, fit.temperature, '1')],
    [config.vocabulary, encodeVocabulary(fit.vocab)],
  ]);
  // What the fit's own featurizer and weights say for each held-out case.
  const vec = new Vectorizer(spec, fit.vocab, WEIGHTING);
  const scorer = new TsScorer(fit.weights, fit.temperature);
  const p = new Float64Array(fit.labels.length);
  const expected = held.map((e) => {
    scorer.probabilities(vec.outRows, vec.outValues, vec.vectorize(e.input), p);
    return p.indexOf(Math.max(...p));
  });
  return { config, files, expected };
}

for (const spec of [
  { hashBits: 18, charMin: 3, charMax: 5, wordBigrams: true },
  { hashBits: 16, charMin: 2, charMax: 4, wordBigrams: false },
  DEFAULT_FEATURIZER,
]) {
  test(`an artifact loads with the featurizer it recorded: ${JSON.stringify(spec)}`, async () => {
    const { config, files, expected } = saved(spec);
    const loaded = await loadClassifier(JSON.parse(JSON.stringify(config)), files, { classifierRuntime: 'ts' });
    const got = await loaded.predictBatch(held.map((e) => e.input));
    assert.equal(got.map((g) => config.labels.indexOf(g.output)), expected);
  });
}

test('a recorded featurizer that does not fit its vocabulary table is E_BAD_ARTIFACT', async () => {
  const { config, files } = saved({ hashBits: 18, charMin: 3, charMax: 5, wordBigrams: true });
  // The table's bucket ids run up to 2^18; a featurizer of 2^10 buckets cannot have produced them.
  const wrong = { ...config, featurizer: { ...config.featurizer, hashBits: 10 } };
  try {
    await loadClassifier(JSON.parse(JSON.stringify(wrong)), files, { classifierRuntime: 'ts' });
    assert.unreachable('loaded');
  } catch (err) {
    assert.instance(err, KolmError);
    assert.is((err as KolmError).code, 'E_BAD_ARTIFACT');
  }
});

test.run();
