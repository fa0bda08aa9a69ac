// The classifier as an ONNX graph (opset 13):
//   rows int64 [N, K] (padded with the all-zero row), values float [N, K]
//   Gather(W, rows) → [N, K, C] → Cast to float (int8/f16) → Mul by values[..., None] → ReduceSum over K
//   → Mul per-class scale (int8) → Add bias → Div temperature → Softmax → probabilities [N, C]
import { DataType, encodeModel, irVersionFor, readInitializers, type NodeDef, type TensorDef } from '../../onnx/index.ts';
import type { StoredWeights } from './weights.ts';

export const OPSET = 13;
export const INPUT_ROWS = 'rows';
export const INPUT_VALUES = 'values';
export const OUTPUT_PROBS = 'probabilities';

const STORAGE_TYPE = { int8: DataType.INT8, f16: DataType.FLOAT16, f32: DataType.FLOAT } as const;

export function buildClassifierOnnx(w: StoredWeights, temperature: number, producerVersion: string): Uint8Array {
  const C = w.classes;
  const initializers: TensorDef[] = [
    { name: 'W', dataType: STORAGE_TYPE[w.storage], dims: [w.rows, C], data: w.data },
    { name: 'bias', dataType: DataType.FLOAT, dims: [C], data: w.bias },
    { name: 'temperature', dataType: DataType.FLOAT, dims: [], data: Float32Array.of(temperature) },
    { name: 'axis_k', dataType: DataType.INT64, dims: [1], data: BigInt64Array.of(1n) },
    { name: 'axis_last', dataType: DataType.INT64, dims: [1], data: BigInt64Array.of(2n) },
  ];
  if (w.scale) initializers.push({ name: 'scale', dataType: DataType.FLOAT, dims: [C], data: w.scale });
  const nodes: NodeDef[] = [{ opType: 'Gather', inputs: ['W', INPUT_ROWS], outputs: ['gathered'], attributes: { axis: 0 } }];
  let gathered = 'gathered';
  if (w.storage !== 'f32') {
    nodes.push({ opType: 'Cast', inputs: [gathered], outputs: ['gathered_f'], attributes: { to: DataType.FLOAT } });
    gathered = 'gathered_f';
  }
  nodes.push(
    { opType: 'Unsqueeze', inputs: [INPUT_VALUES, 'axis_last'], outputs: ['values3'] },
    { opType: 'Mul', inputs: [gathered, 'values3'], outputs: ['weighted'] },
    { opType: 'ReduceSum', inputs: ['weighted', 'axis_k'], outputs: ['summed'], attributes: { keepdims: 0 } },
  );
  let summed = 'summed';
  if (w.scale) {
    nodes.push({ opType: 'Mul', inputs: [summed, 'scale'], outputs: ['scaled'] });
    summed = 'scaled';
  }
  nodes.push(
    { opType: 'Add', inputs: [summed, 'bias'], outputs: ['logits'] },
    { opType: 'Div', inputs: ['logits', 'temperature'], outputs: ['calibrated'] },
    { opType: 'Softmax', inputs: ['calibrated'], outputs: [OUTPUT_PROBS], attributes: { axis: -1 } },
  );
  return encodeModel({
    graphName: 'kolm_classifier',
    nodes,
    initializers,
    inputs: [
      { name: INPUT_ROWS, elemType: DataType.INT64, shape: ['N', 'K'] },
      { name: INPUT_VALUES, elemType: DataType.FLOAT, shape: ['N', 'K'] },
    ],
    outputs: [{ name: OUTPUT_PROBS, elemType: DataType.FLOAT, shape: ['N', C] }],
    opset: OPSET,
    irVersion: irVersionFor(OPSET),
    producer: { name: 'kolm-migrate', version: producerVersion },
    docString: 'hashed word/char n-gram features, multinomial logistic regression, temperature-calibrated',
  });
}

/** The weights and temperature held by a graph built above (for the TypeScript scorer). */
export function weightsFromOnnx(model: Uint8Array): { weights: StoredWeights; temperature: number } {
  const init = readInitializers(model);
  const get = (name: string) => {
    const t = init.get(name);
    if (!t) throw new Error(`initializer "${name}" is missing`);
    return t;
  };
  const aligned = (raw: Uint8Array) => raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength);
  const W = get('W');
  const [rows, classes] = W.dims as [number, number];
  if (W.dims.length !== 2 || rows * classes === 0) throw new Error('W is not a [rows, classes] matrix');
  const storage = W.dataType === DataType.INT8 ? 'int8' : W.dataType === DataType.FLOAT16 ? 'f16' : W.dataType === DataType.FLOAT ? 'f32' : null;
  if (!storage) throw new Error(`W has unsupported data type ${W.dataType}`);
  const data = storage === 'int8' ? new Int8Array(aligned(W.raw)) : storage === 'f16' ? new Uint16Array(aligned(W.raw)) : new Float32Array(aligned(W.raw));
  if (data.length !== rows * classes) throw new Error(`W holds ${data.length} values, expected ${rows * classes}`);
  const bias = new Float32Array(aligned(get('bias').raw));
  const scale = init.has('scale') ? new Float32Array(aligned(get('scale').raw)) : undefined;
  const temperature = new Float32Array(aligned(get('temperature').raw))[0]!;
  if (bias.length !== classes || (scale && scale.length !== classes)) throw new Error('bias/scale length differs from the class count');
  return { weights: { storage, rows, classes, data, bias, ...(scale ? { scale } : {}) }, temperature };
}
