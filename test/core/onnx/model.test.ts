import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as ort from 'onnxruntime-node';
import { DataType, encodeModel, irVersionFor, readInitializers, type ModelDef } from '../../../core/onnx/index.ts';

// y = Softmax(x · W + b) over the last axis, with a negative attribute (axis -1) and int64 initializers.
function tinyModel(): ModelDef {
  return {
    graphName: 'tiny',
    nodes: [
      { opType: 'MatMul', inputs: ['x', 'W'], outputs: ['xw'] },
      { opType: 'Add', inputs: ['xw', 'b'], outputs: ['z'] },
      { opType: 'Softmax', inputs: ['z'], outputs: ['y'], attributes: { axis: -1 } },
    ],
    initializers: [
      { name: 'W', dataType: DataType.FLOAT, dims: [2, 3], data: Float32Array.of(1, 0, -1, 0.5, 2, 0) },
      { name: 'b', dataType: DataType.FLOAT, dims: [3], data: Float32Array.of(0.1, 0.2, 0.3) },
      { name: 'unused_ids', dataType: DataType.INT64, dims: [2], data: BigInt64Array.of(-5n, 7n) },
      { name: 'unused_q', dataType: DataType.INT8, dims: [3], data: Int8Array.of(-127, 0, 127) },
    ],
    inputs: [{ name: 'x', elemType: DataType.FLOAT, shape: ['N', 2] }],
    outputs: [{ name: 'y', elemType: DataType.FLOAT, shape: ['N', 3] }],
    opset: 13,
    irVersion: irVersionFor(13),
    producer: { name: 'kolm-test', version: '1' },
    metadata: [['k', 'v']],
  };
}

test('onnxruntime loads and runs an encoded model, with the math it describes', async () => {
  const session = await ort.InferenceSession.create(encodeModel(tinyModel()), { logSeverityLevel: 3 });
  const out = await session.run({ x: new ort.Tensor('float32', Float32Array.of(1, 2, 0, 0), [2, 2]) });
  const y = out.y!.data as Float32Array;
  const softmax = (z: number[]) => z.map((v) => Math.exp(v) / z.reduce((s, u) => s + Math.exp(u), 0));
  const expect = [...softmax([1 + 1 + 0.1, 0 + 4 + 0.2, -1 + 0 + 0.3]), ...softmax([0.1, 0.2, 0.3])];
  expect.forEach((v, i) => assert.ok(Math.abs(v - y[i]!) < 1e-6, `y[${i}] = ${y[i]} ~> ${v}`));
  await session.release();
});

test('the same model gives the same bytes', () => {
  assert.equal(encodeModel(tinyModel()), encodeModel(tinyModel()));
});

test('initializers read back with their names, types, dims and bytes', () => {
  const init = readInitializers(encodeModel(tinyModel()));
  assert.equal([...init.keys()], ['W', 'b', 'unused_ids', 'unused_q']);
  const W = init.get('W')!;
  assert.is(W.dataType, DataType.FLOAT);
  assert.equal(W.dims, [2, 3]);
  assert.equal([...new Float32Array(W.raw.buffer)], [1, 0, -1, 0.5, 2, 0]);
  assert.equal([...new BigInt64Array(init.get('unused_ids')!.raw.buffer)], [-5n, 7n]);
  assert.equal([...new Int8Array(init.get('unused_q')!.raw.buffer)], [-127, 0, 127]);
});

test.run();
