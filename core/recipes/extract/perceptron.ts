// Training the span tagger: an averaged structured perceptron over per-token feature rows, decoded with
// the same Viterbi as prediction.
import { seededRandom, shuffled } from '../../util/random.ts';
import { DecodeScratch, maskTransitions, viterbi } from './decode.ts';

/** One training sequence: feature rows per token (rows[offs[i] .. offs[i+1]), -1 = unknown) and gold tags. */
export interface Sequence {
  n: number;
  rows: Int32Array;
  offs: Int32Array;
  gold: Int32Array;
}

/** Emission scores of a sequence under dense weights W (row-major, T per row). */
export function denseEmissions(seq: Sequence, W: Float64Array, T: number, em: Float64Array): void {
  em.fill(0, 0, seq.n * T);
  for (let i = 0; i < seq.n; i++) {
    const base = i * T;
    for (let k = seq.offs[i]!; k < seq.offs[i + 1]!; k++) {
      const r = seq.rows[k]!;
      if (r < 0) continue;
      const wb = r * T;
      for (let t = 0; t < T; t++) em[base + t]! += W[wb + t]!;
    }
  }
}

/**
 * Averaged structured perceptron. Weights: featureRows rows of T, then T + 1 transition rows. Calls
 * `onEpoch` with the averaged weights after each epoch; returns the final averaged weights.
 */
export function trainPerceptron(
  data: readonly Sequence[],
  featureRows: number,
  T: number,
  epochs: number,
  seed: number,
  /** Called after each epoch with fresh averaged weights; returning false stops training. */
  onEpoch?: (epoch: number, avg: Float64Array) => boolean | void,
): Float64Array {
  const size = (featureRows + T + 1) * T;
  const w = new Float64Array(size);
  const u = new Float64Array(size);
  const transBase = featureRows * T;
  const sc = new DecodeScratch();
  const rand = seededRandom(seed);
  let c = 1;
  const order = data.map((_, i) => i);
  const masked = maskTransitions(new Float64Array((T + 1) * T), T);
  const average = (): Float64Array => {
    const avg = new Float64Array(size);
    for (let k = 0; k < size; k++) avg[k] = w[k]! - u[k]! / c;
    return avg;
  };
  const bump = (k: number, d: number): void => {
    w[k]! += d;
    u[k]! += c * d;
  };
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (const idx of shuffled(order, rand)) {
      const seq = data[idx]!;
      const n = seq.n;
      if (n === 0) continue;
      sc.ensure(n, T);
      denseEmissions(seq, w, T, sc.em);
      viterbi(sc.em, n, T, masked, sc);
      const pred = sc.tags;
      let wrong = false;
      for (let i = 0; i < n; i++) if (pred[i] !== seq.gold[i]) wrong = true;
      if (wrong) {
        for (let i = 0; i < n; i++) {
          const g = seq.gold[i]!;
          const p = pred[i]!;
          const gp = i === 0 ? T : seq.gold[i - 1]!;
          const pp = i === 0 ? T : pred[i - 1]!;
          if (g !== p) {
            for (let k = seq.offs[i]!; k < seq.offs[i + 1]!; k++) {
              const r = seq.rows[k]!;
              if (r < 0) continue;
              bump(r * T + g, 1);
              bump(r * T + p, -1);
            }
          }
          if (g !== p || gp !== pp) {
            bump(transBase + gp * T + g, 1);
            bump(transBase + pp * T + p, -1);
            masked[gp * T + g]! += 1; // both are allowed moves, so never -Infinity
            masked[pp * T + p]! -= 1;
          }
        }
      }
      c++;
    }
    if (onEpoch && onEpoch(epoch, average()) === false) break;
  }
  return average();
}
