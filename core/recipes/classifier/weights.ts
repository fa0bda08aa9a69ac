// The stored form of the linear model and the TypeScript scorer over it. The scorer computes what the ONNX
// graph computes, in the same order (gather, weight by value, sum over features, per-class scale, bias,
// temperature, softmax), so the two agree to float rounding; it proves the graph and is a fallback runtime.
import { f16ToF32 as fromHalf, f32ToF16 as toHalf } from '../../util/half.ts';
import type { LinearModel } from './train.ts';

/** How weights are stored: int8 with a per-class scale, IEEE half, or float32. */
export type Storage = 'int8' | 'f16' | 'f32';

export interface StoredWeights {
  storage: Storage;
  /** Feature rows plus one all-zero padding row at index `rows - 1`. */
  rows: number;
  classes: number;
  /** [rows, classes] row-major: Int8Array (int8), Uint16Array half bits (f16), Float32Array (f32). */
  data: Int8Array | Uint16Array | Float32Array;
  /** Per-class scale (int8 only): weight = q · scale[c]. */
  scale?: Float32Array;
  bias: Float32Array;
}

/** Store a trained model (float64) in the given form, appending the zero padding row. */
export function storeWeights(m: LinearModel, storage: Storage): StoredWeights {
  const C = m.classes;
  const rows = m.features + 1;
  const bias = Float32Array.from(m.b);
  if (storage === 'f32') {
    const data = new Float32Array(rows * C);
    data.set(m.W);
    return { storage, rows, classes: C, data, bias };
  }
  if (storage === 'f16') {
    const data = new Uint16Array(rows * C);
    for (let i = 0; i < m.W.length; i++) data[i] = toHalf(m.W[i]!);
    return { storage, rows, classes: C, data, bias };
  }
  const scale = new Float32Array(C);
  for (let c = 0; c < C; c++) {
    let max = 0;
    for (let f = 0; f < m.features; f++) max = Math.max(max, Math.abs(m.W[f * C + c]!));
    scale[c] = max > 0 ? max / 127 : 1;
  }
  const data = new Int8Array(rows * C);
  for (let f = 0; f < m.features; f++) {
    for (let c = 0; c < C; c++) data[f * C + c] = Math.max(-127, Math.min(127, Math.round(m.W[f * C + c]! / scale[c]!)));
  }
  return { storage, rows, classes: C, data, scale, bias };
}

/** Weights as float32 [rows, classes] before the per-class scale (int8: the integers themselves). */
export function unscaledWeights(w: StoredWeights): Float32Array {
  if (w.data instanceof Float32Array) return w.data;
  if (w.data instanceof Int8Array) return Float32Array.from(w.data);
  return Float32Array.from(w.data, fromHalf);
}

/** Softmax(((Σ_k v_k · W[r_k]) · scale + bias) / T) for one sparse row, written into `out`. */
export class TsScorer {
  private readonly W: Float32Array;
  private readonly acc: Float64Array;

  constructor(
    readonly weights: StoredWeights,
    readonly temperature: number,
  ) {
    this.W = unscaledWeights(weights);
    this.acc = new Float64Array(weights.classes);
  }

  /** Raw logits (before temperature) into `out`. */
  logits(rows: Int32Array, values: Float32Array, n: number, out: Float64Array): void {
    const C = this.weights.classes;
    const W = this.W;
    const acc = this.acc.fill(0);
    for (let k = 0; k < n; k++) {
      const v = values[k]!;
      const o = rows[k]! * C;
      for (let c = 0; c < C; c++) acc[c]! += v * W[o + c]!;
    }
    const { scale, bias } = this.weights;
    for (let c = 0; c < C; c++) out[c] = (scale ? acc[c]! * scale[c]! : acc[c]!) + bias[c]!;
  }

  probabilities(rows: Int32Array, values: Float32Array, n: number, out: Float64Array): void {
    this.logits(rows, values, n, out);
    softmaxInPlace(out, this.weights.classes, 1 / this.temperature);
  }
}

export function softmaxInPlace(z: Float64Array, C: number, invT: number, offset = 0): void {
  let max = -Infinity;
  for (let c = 0; c < C; c++) max = Math.max(max, z[offset + c]! * invT);
  let sum = 0;
  for (let c = 0; c < C; c++) sum += z[offset + c] = Math.exp(z[offset + c]! * invT - max);
  for (let c = 0; c < C; c++) z[offset + c] = z[offset + c]! / sum;
}

export { fromHalf, toHalf };
