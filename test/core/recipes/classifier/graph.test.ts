import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as ort from 'onnxruntime-node';
import { fitClassifier } from '../../../../core/recipes/classifier/fit.ts';
import { buildClassifierOnnx, INPUT_ROWS, INPUT_VALUES, OUTPUT_PROBS, weightsFromOnnx } from '../../../../core/recipes/classifier/graph.ts';
import { Vectorizer } from '../../../../core/recipes/classifier/vectorize.ts';
import { storeWeights, TsScorer, unscaledWeights, type Storage } from '../../../../core/recipes/classifier/weights.ts';
import type { LinearModel } from '../../../../core/recipes/classifier/train.ts';
import { generateTopics } from './_gen.ts';

const train = generateTopics(240, 1, 0.1);
const cases = generateTopics(150, 2).map((e) => e.input);
const fit = fitClassifier(train, { quantization: 'f16', seed: 3 });
const vec = new Vectorizer(fit.spec, fit.vocab, { sublinearTf: true, idf: true });
const C = fit.labels.length;
// Rebuild a float model from the stored f16 weights so each storage can be exercised from one fit.
const model: LinearModel = { features: fit.weights.rows - 1, classes: C, W: Float64Array.from(unscaledWeights(fit.weights).subarray(0, (fit.weights.rows - 1) * C)), b: Float64Array.from(fit.weights.bias) };

async function ortProbabilities(bytes: Uint8Array, padRow: number): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(bytes, { logSeverityLevel: 3 });
  const rows: number[][] = [];
  const values: number[][] = [];
  for (const input of cases) {
    const n = vec.vectorize(input);
    rows.push([...vec.outRows.subarray(0, n)]);
    values.push([...vec.outValues.subarray(0, n)]);
  }
  const K = Math.max(1, ...rows.map((r) => r.length));
  const idx = new BigInt64Array(cases.length * K).fill(BigInt(padRow));
  const val = new Float32Array(cases.length * K);
  rows.forEach((r, i) => r.forEach((x, j) => ((idx[i * K + j] = BigInt(x)), (val[i * K + j] = values[i]![j]!))));
  const out = await session.run({ [INPUT_ROWS]: new ort.Tensor('int64', idx, [cases.length, K]), [INPUT_VALUES]: new ort.Tensor('float32', val, [cases.length, K]) });
  await session.release();
  return out[OUTPUT_PROBS]!.data as Float32Array;
}

for (const storage of ['f32', 'f16', 'int8'] as Storage[]) {
  test(`${storage}: onnxruntime and the TypeScript scorer agree on every case (argmax, probabilities within 1e-5)`, async () => {
    const stored = storeWeights(model, storage);
    const bytes = buildClassifierOnnx(stored, 0.8, 'test');
    const back = weightsFromOnnx(bytes);
    assert.is(back.weights.storage, storage);
    assert.ok(Math.abs(back.temperature - 0.8) < 1e-7);
    const scorer = new TsScorer(back.weights, back.temperature);
    const probs = await ortProbabilities(bytes, stored.rows - 1);
    const p = new Float64Array(C);
    let maxDiff = 0;
    cases.forEach((input, i) => {
      const n = vec.vectorize(input);
      scorer.probabilities(vec.outRows, vec.outValues, n, p);
      let a = 0;
      let b = 0;
      for (let c = 0; c < C; c++) {
        maxDiff = Math.max(maxDiff, Math.abs(p[c]! - probs[i * C + c]!));
        if (p[c]! > p[a]!) a = c;
        if (probs[i * C + c]! > probs[i * C + b]!) b = c;
      }
      assert.is(a, b, `case ${i}`);
    });
    assert.ok(maxDiff < 1e-5, `max probability difference ${maxDiff}`);
  });
}

test('int8 weights are a quarter of f32 and predict the same labels on nearly every case', async () => {
  const f32 = buildClassifierOnnx(storeWeights(model, 'f32'), 1, 'test');
  const int8 = buildClassifierOnnx(storeWeights(model, 'int8'), 1, 'test');
  assert.ok(int8.length < f32.length / 3, `${int8.length} vs ${f32.length}`);
  const a = await ortProbabilities(f32, model.features);
  const b = await ortProbabilities(int8, model.features);
  let same = 0;
  for (let i = 0; i < cases.length; i++) {
    const am = [...a.subarray(i * C, i * C + C)];
    const bm = [...b.subarray(i * C, i * C + C)];
    if (am.indexOf(Math.max(...am)) === bm.indexOf(Math.max(...bm))) same++;
  }
  assert.ok(same / cases.length >= 0.98, `agreement ${same}/${cases.length}`);
});

test.run();
