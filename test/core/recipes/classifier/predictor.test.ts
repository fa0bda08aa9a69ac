// The classifier's two runtimes: the TypeScript scorer (the default, nothing to install) and onnxruntime-node
// (asked for with classifierRuntime: 'onnx'). Both run the same saved graph, so on every case they must give
// the same label and the same confidence to float rounding, one by one and in batches, at several shapes.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { silentReporter } from '../../../../core/progress.ts';
import { classifierCandidate, loadClassifier, OnnxClassifier, TsClassifier } from '../../../../core/recipes/classifier/index.ts';
import type { FitContext } from '../../../../core/recipes/types.ts';
import type { Input, Prediction } from '../../../../core/runtime/types.ts';
import { generateClasses } from './_gen.ts';

const ctx: FitContext = { kind: 'label', quantization: 'int8', seed: 3, reporter: silentReporter, prefix: 'recipe/' };

function assertSame(a: Prediction[], b: Prediction[], what: string): void {
  assert.is(a.length, b.length, what);
  a.forEach((p, i) => {
    assert.is(p.output, b[i]!.output, `${what}: case ${i}`);
    assert.ok(Math.abs(p.confidence! - b[i]!.confidence!) < 1e-5, `${what}: case ${i} confidence ${p.confidence} vs ${b[i]!.confidence}`);
  });
}

test('the default runtime is the TypeScript scorer, at compile time and at load time', async () => {
  const train = generateClasses(200, 3, 1);
  const fitted = await classifierCandidate.fit(train, ctx);
  assert.instance(fitted.predictor, TsClassifier);
  assert.instance(await loadClassifier(fitted.saved.config, fitted.saved.files), TsClassifier);
  const onnx = await classifierCandidate.fit(train, { ...ctx, classifierRuntime: 'onnx' });
  assert.instance(onnx.predictor, OnnxClassifier);
  // The runtime does not change what is saved.
  for (const [k, v] of fitted.saved.files) assert.equal(onnx.saved.files.get(k), v, k);
  await onnx.predictor.close?.();
});

// Two to forty classes, every storage, object inputs and empty inputs among them.
const shapes: { classes: number; rows: number; quantization: FitContext['quantization']; objects?: boolean }[] = [
  { classes: 2, rows: 150, quantization: 'int8' },
  { classes: 7, rows: 600, quantization: 'f16' },
  { classes: 40, rows: 1600, quantization: 'int8', objects: true },
];

for (const shape of shapes) {
  const what = `${shape.classes} classes, ${shape.rows} rows, ${shape.quantization}${shape.objects ? ', object inputs' : ''}`;
  test(`${what}: both runtimes give the same labels and confidences, loaded from bytes, batched and one by one`, async () => {
    const wrap = (e: { input: Input; output: unknown }) => (shape.objects ? { input: { text: e.input, tag: 'x' }, output: e.output } : e);
    const train = generateClasses(shape.rows, shape.classes, shape.classes).map(wrap);
    const held = generateClasses(300, shape.classes, shape.classes + 100).map(wrap);
    const inputs: Input[] = [...held.map((e) => e.input), shape.objects ? { text: '', tag: '' } : '', 'nothing known here at all'];
    const fitted = await classifierCandidate.fit(train, { ...ctx, quantization: shape.quantization });
    // From copies of the saved bytes, as an artifact reader hands them over.
    const config = JSON.parse(JSON.stringify(fitted.saved.config)) as Record<string, unknown>;
    const files = new Map([...fitted.saved.files].map(([k, v]) => [k, Uint8Array.from(v)]));
    const ts = await loadClassifier(config, files, { classifierRuntime: 'ts' });
    const onnx = await loadClassifier(config, files, { classifierRuntime: 'onnx' });
    assert.instance(ts, TsClassifier);
    assert.instance(onnx, OnnxClassifier);
    const tsBatch = await ts.predictBatch(inputs);
    const onnxBatch = await onnx.predictBatch(inputs);
    assertSame(tsBatch, onnxBatch, `${what} batch`);
    const tsOne: Prediction[] = [];
    const onnxOne: Prediction[] = [];
    for (const x of inputs.slice(0, 60)) {
      tsOne.push(await ts.predict(x));
      onnxOne.push(await onnx.predict(x));
    }
    assertSame(tsOne, onnxBatch.slice(0, 60), `${what} ts one by one`);
    assertSame(onnxOne, onnxBatch.slice(0, 60), `${what} onnx one by one`);
    // A real task, not a degenerate one: most held-out cases right, and confidences spread below 1.
    const right = held.filter((e, i) => tsBatch[i]!.output === e.output).length;
    assert.ok(right / held.length > 0.6, `${what}: ${right}/${held.length} right`);
    assert.ok(tsBatch.some((p) => p.confidence! < 0.9), `${what}: every confidence ≥ 0.9`);
    await onnx.close?.();
    await fitted.predictor.close?.();
  });
}

test('a batch reuses buffers without mixing cases: each answer is the one its input gets alone', async () => {
  const fitted = await classifierCandidate.fit(generateClasses(400, 5, 9), ctx);
  const inputs = generateClasses(120, 5, 10).map((e) => e.input);
  const batch = await fitted.predictor.predictBatch([...inputs, ...inputs.slice().reverse()]);
  for (let i = 0; i < inputs.length; i++) {
    const alone = await fitted.predictor.predict(inputs[i]!);
    assert.equal(batch[i], alone);
    assert.equal(batch[2 * inputs.length - 1 - i], alone);
  }
  assert.equal(await fitted.predictor.predictBatch([]), []);
});

test.run();
