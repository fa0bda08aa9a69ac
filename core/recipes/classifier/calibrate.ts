// Temperature scaling (Guo et al. 2017): one scalar T, fitted on held-out logits to minimize NLL, so the
// max probability can be read as "chance this answer is right" and a cascade can defer low-confidence cases.
import { calibration } from '../../kscore/calibration.ts';

/** Mean negative log-likelihood of `y` under softmax(logits / T). logits: [n, C] row-major. */
export function nll(logits: Float64Array, y: Int32Array, C: number, T: number): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const o = i * C;
    let max = -Infinity;
    for (let c = 0; c < C; c++) max = Math.max(max, logits[o + c]! / T);
    let sum = 0;
    for (let c = 0; c < C; c++) sum += Math.exp(logits[o + c]! / T - max);
    total -= logits[o + y[i]!]! / T - max - Math.log(sum);
  }
  return y.length ? total / y.length : 0;
}

/** The T in [0.01, 20] minimizing NLL (golden-section search on log T; NLL is unimodal in T). SVM margins sit
 * near ±1, so spreading them over many classes takes a T well below 1. */
export function fitTemperature(logits: Float64Array, y: Int32Array, C: number): number {
  if (y.length === 0 || C < 2) return 1;
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = Math.log(0.01);
  let b = Math.log(20);
  let x1 = b - phi * (b - a);
  let x2 = a + phi * (b - a);
  let f1 = nll(logits, y, C, Math.exp(x1));
  let f2 = nll(logits, y, C, Math.exp(x2));
  for (let i = 0; i < 28; i++) {
    if (f1 < f2) {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - phi * (b - a);
      f1 = nll(logits, y, C, Math.exp(x1));
    } else {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + phi * (b - a);
      f2 = nll(logits, y, C, Math.exp(x2));
    }
  }
  return Math.exp((a + b) / 2);
}

/** Expected calibration error of the max probability under temperature T (K-score's ECE, `bins` bins). */
export function expectedCalibrationError(logits: Float64Array, y: Int32Array, C: number, T: number, bins = 15): number {
  const { p, correct } = maxProbabilities(logits, y, C, T);
  return calibration(Array.from(p, (confidence, i) => ({ confidence, s: correct[i]! })), bins).ece;
}

/** The max probability under softmax(logits / T) of each row, and whether its argmax is `y`. */
export function maxProbabilities(logits: Float64Array, y: Int32Array, C: number, T: number): { p: Float64Array; correct: Uint8Array } {
  const p = new Float64Array(y.length);
  const correct = new Uint8Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const o = i * C;
    let max = -Infinity;
    let arg = 0;
    for (let c = 0; c < C; c++) {
      if (logits[o + c]! > max) {
        max = logits[o + c]!;
        arg = c;
      }
    }
    let sum = 0;
    for (let c = 0; c < C; c++) sum += Math.exp((logits[o + c]! - max) / T);
    p[i] = 1 / sum;
    correct[i] = arg === y[i] ? 1 : 0;
  }
  return { p, correct };
}
