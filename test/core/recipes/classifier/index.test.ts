import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { KolmError } from '../../../../core/errors.ts';
import { silentReporter } from '../../../../core/progress.ts';
import { classifierCandidate, loadClassifier, type ClassifierConfig } from '../../../../core/recipes/classifier/index.ts';
import type { FitContext } from '../../../../core/recipes/types.ts';
import type { Prediction } from '../../../../core/runtime/types.ts';
import { generateTopics, TOPIC_LABELS } from './_gen.ts';

const ctx: FitContext = { kind: 'label', quantization: 'int8', seed: 7, reporter: silentReporter, prefix: 'recipe/' };
const train = generateTopics(300, 1, 0.05);
const held = generateTopics(200, 2);
const fitted = await classifierCandidate.fit(train, ctx);
const config = fitted.saved.config as unknown as ClassifierConfig;

function accuracy(predictions: Prediction[]): number {
  return predictions.filter((p, i) => p.output === held[i]!.output).length / held.length;
}

test('learns the generated topics and answers with the training labels', async () => {
  const predictions = await fitted.predictor.predictBatch(held.map((e) => e.input));
  assert.ok(accuracy(predictions) >= 0.95, `accuracy ${accuracy(predictions)}`);
  assert.ok(predictions.every((p) => TOPIC_LABELS.includes(p.output as string)));
  assert.ok(predictions.every((p) => p.confidence! > 1 / 3 && p.confidence! <= 1));
});

test('int8 was asked for, held accuracy, and is what the config records', () => {
  assert.is(config.storage, 'int8');
  assert.is(config.fit.quantization_requested, 'int8');
  const h = config.fit.holdout!;
  assert.ok(h.accuracy - h.accuracy_int8! <= 0.005);
  assert.ok(h.nll_calibrated <= h.nll + 1e-9, 'calibration does not raise held-out NLL');
  assert.ok(config.temperature > 0);
});

test('f16 is used when the spec asks for f16', async () => {
  const f16 = await classifierCandidate.fit(train, { ...ctx, quantization: 'f16' });
  assert.is((f16.saved.config as unknown as ClassifierConfig).storage, 'f16');
  await f16.predictor.close?.();
});

test('predictBatch gives what predict gives, one by one', async () => {
  const inputs = held.slice(0, 40).map((e) => e.input);
  const batch = await fitted.predictor.predictBatch(inputs);
  for (let i = 0; i < inputs.length; i++) {
    const one = await fitted.predictor.predict(inputs[i]!);
    assert.is(one.output, batch[i]!.output);
    assert.ok(Math.abs(one.confidence! - batch[i]!.confidence!) < 1e-6);
  }
});

test('onnxruntime and the default TypeScript runtime agree on every held-out case', async () => {
  const onnx = await loadClassifier(fitted.saved.config, fitted.saved.files, { classifierRuntime: 'onnx' });
  const a = await onnx.predictBatch(held.map((e) => e.input));
  const b = await fitted.predictor.predictBatch(held.map((e) => e.input));
  a.forEach((p, i) => {
    assert.is(p.output, b[i]!.output);
    assert.ok(Math.abs(p.confidence! - b[i]!.confidence!) < 1e-5);
  });
  await onnx.close?.();
});

test('save → load from bytes → the same predictions, and the same data gives the same bytes', async () => {
  const files = new Map([...fitted.saved.files].map(([k, v]) => [k, Uint8Array.from(v)]));
  const loaded = await loadClassifier(JSON.parse(JSON.stringify(fitted.saved.config)), files);
  const inputs = held.map((e) => e.input);
  assert.equal(await loaded.predictBatch(inputs), await fitted.predictor.predictBatch(inputs));
  await loaded.close?.();
  const again = await classifierCandidate.fit(train, ctx);
  for (const [k, v] of fitted.saved.files) assert.equal(again.saved.files.get(k), v, k);
  assert.equal(again.saved.config, fitted.saved.config);
  await again.predictor.close?.();
});

test('object inputs, empty inputs and non-string labels', async () => {
  const rows = generateTopics(200, 5).map((e, i) => ({ input: { text: e.input as string, id: String(i % 3) }, output: { topic: e.output } }));
  const f = await classifierCandidate.fit(rows, ctx);
  const p = await f.predictor.predict({ text: 'the striker scored a goal in the league match', id: '1' });
  assert.equal(p.output, { topic: 'sports' });
  const empty = await f.predictor.predict({ text: '', id: '' });
  assert.ok(typeof empty.output === 'object' && empty.confidence! > 0);
  assert.ok((await fitted.predictor.predict('')).confidence! > 0);
  await f.predictor.close?.();
});

test('too few rows to hold any out: fits on all of them with temperature 1 and no holdout report', async () => {
  const tiny = await classifierCandidate.fit(train.slice(0, 12), ctx);
  const c = tiny.saved.config as unknown as ClassifierConfig;
  assert.is(c.temperature, 1);
  assert.is(c.fit.holdout, undefined);
  assert.ok(TOPIC_LABELS.includes((await tiny.predictor.predict(held[0]!.input)).output as string));
  await tiny.predictor.close?.();
});

test('unsuitable for non-label outputs and a single label', () => {
  assert.match(classifierCandidate.unsuitable(train, { ...ctx, kind: 'long' })!, /not labels/);
  assert.match(classifierCandidate.unsuitable(train.map((e) => ({ ...e, output: 'x' })), ctx)!, /same label/);
  assert.is(classifierCandidate.unsuitable(train, ctx), null);
});

test('a damaged artifact is a KolmError that names the entry', async () => {
  const files = new Map(fitted.saved.files);
  files.delete(config.vocabulary);
  const err = await loadClassifier(fitted.saved.config, files).catch((e) => e);
  assert.instance(err, KolmError);
  assert.is(err.code, 'E_BAD_ARTIFACT');
  assert.match(err.message, /features\.vocab/);
  const cut = new Map(fitted.saved.files);
  cut.set(config.model, fitted.saved.files.get(config.model)!.subarray(0, 100));
  const err2 = await loadClassifier(fitted.saved.config, cut).catch((e) => e);
  assert.instance(err2, KolmError);
  assert.match(err2.message, /model\.onnx/);
});

test.after(async () => {
  await fitted.predictor.close?.();
});

test.run();
