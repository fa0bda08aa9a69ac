// The span tagger: one BIO tag set over all fields (O, B-f, I-f), linear scores per (feature, tag), learned
// tag transitions, Viterbi decoding that never lets I-f follow anything but B-f/I-f. Trained as an averaged
// structured perceptron; saved as a compact sparse table (feature hash → non-zero tag weights, int16).
import { seededRandom, shuffled } from '../../util/random.ts';

/** Tag ids: 0 = O, 1 + 2f = B-field f, 2 + 2f = I-field f. */
export const tagCount = (fields: number): number => 1 + 2 * fields;

function allowed(prev: number, tag: number): boolean {
  if (tag === 0 || tag % 2 === 1) return true;
  return prev === tag - 1 || prev === tag;
}

/** Transition scores (T + 1 rows: the last is "start"), -Infinity where not allowed. */
export function maskTransitions(raw: ArrayLike<number>, T: number): Float64Array {
  const out = new Float64Array((T + 1) * T);
  for (let p = 0; p <= T; p++) {
    for (let t = 0; t < T; t++) out[p * T + t] = (p === T ? t === 0 || t % 2 === 1 : allowed(p, t)) ? raw[p * T + t]! : -Infinity;
  }
  return out;
}

/** Reusable decode buffers. */
export class DecodeScratch {
  em = new Float64Array(64 * 8);
  vit = new Float64Array(64 * 8);
  bp = new Int32Array(64 * 8);
  tags = new Int32Array(64);
  alpha = new Float64Array(16);
  next = new Float64Array(16);
  ensure(n: number, T: number): void {
    if (this.em.length < n * T) {
      const cap = Math.max(n * T, this.em.length * 2);
      this.em = new Float64Array(cap);
      this.vit = new Float64Array(cap);
      this.bp = new Int32Array(cap);
    }
    if (this.tags.length < n) this.tags = new Int32Array(Math.max(n, this.tags.length * 2));
    if (this.alpha.length < T) {
      this.alpha = new Float64Array(T);
      this.next = new Float64Array(T);
    }
  }
}

/** Best tag sequence into sc.tags; returns its score. */
export function viterbi(em: Float64Array, n: number, T: number, trans: Float64Array, sc: DecodeScratch): number {
  if (n === 0) return 0;
  const { vit, bp, tags } = sc;
  const start = T * T;
  for (let t = 0; t < T; t++) vit[t] = trans[start + t]! + em[t]!;
  for (let i = 1; i < n; i++) {
    const base = i * T;
    const prevBase = base - T;
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let arg = 0;
      // I-f can only follow B-f or I-f: two predecessors instead of T (matters with many fields).
      const p0 = t > 0 && t % 2 === 0 ? t - 1 : 0;
      const p1 = t > 0 && t % 2 === 0 ? t + 1 : T;
      for (let p = p0; p < p1; p++) {
        const v = vit[prevBase + p]! + trans[p * T + t]!;
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      vit[base + t] = best + em[base + t]!;
      bp[base + t] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  const last = (n - 1) * T;
  for (let t = 0; t < T; t++) {
    if (vit[last + t]! > best) {
      best = vit[last + t]!;
      arg = t;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = arg;
    if (i > 0) arg = bp[i * T + arg]!;
  }
  return best;
}

/** exp(trans / tau) for the forward pass (0 where not allowed). */
export function expTransitions(trans: Float64Array, tau: number): Float64Array {
  const out = new Float64Array(trans.length);
  for (let k = 0; k < trans.length; k++) out[k] = trans[k] === -Infinity ? 0 : Math.exp(trans[k]! / tau);
  return out;
}

/**
 * log Σ over all allowed tag sequences of exp(score / tau): the normalizer that turns the Viterbi score
 * into a path probability. Scaled forward pass: T² multiply-adds and T exps per token.
 */
export function logPartition(em: Float64Array, n: number, T: number, trans: Float64Array, expTrans: Float64Array, tau: number, sc: DecodeScratch): number {
  if (n === 0) return 0;
  const a = sc.alpha;
  const b = sc.next;
  const start = T * T;
  let m = -Infinity;
  for (let t = 0; t < T; t++) {
    a[t] = (trans[start + t]! + em[t]!) / tau;
    if (a[t]! > m) m = a[t]!;
  }
  let sum = 0;
  for (let t = 0; t < T; t++) sum += a[t] = Math.exp(a[t]! - m);
  for (let t = 0; t < T; t++) a[t]! /= sum;
  let logZ = m + Math.log(sum);
  for (let i = 1; i < n; i++) {
    const base = i * T;
    let mm = -Infinity;
    for (let t = 0; t < T; t++) if (em[base + t]! > mm) mm = em[base + t]!;
    let s = 0;
    for (let t = 0; t < T; t++) {
      let acc = 0;
      const p0 = t > 0 && t % 2 === 0 ? t - 1 : 0;
      const p1 = t > 0 && t % 2 === 0 ? t + 1 : T;
      for (let p = p0; p < p1; p++) acc += a[p]! * expTrans[p * T + t]!;
      const v = acc * Math.exp((em[base + t]! - mm) / tau);
      b[t] = v;
      s += v;
    }
    for (let t = 0; t < T; t++) a[t] = b[t]! / s;
    logZ += mm / tau + Math.log(s);
  }
  return logZ;
}

/**
 * Spans per field from decoded tags: for each field the segment (B then I*) with the highest summed margin
 * over O. Writes token indices into first/last (-1: none).
 */
export function pickSpans(tags: Int32Array, em: Float64Array, n: number, T: number, first: Int32Array, last: Int32Array, score: Float64Array): void {
  const F = (T - 1) / 2;
  first.fill(-1, 0, F);
  last.fill(-1, 0, F);
  score.fill(-Infinity, 0, F);
  let i = 0;
  while (i < n) {
    const t = tags[i]!;
    if (t === 0 || t % 2 === 0) {
      i++;
      continue;
    }
    const f = (t - 1) >> 1;
    let j = i;
    let s = em[i * T + t]! - em[i * T]!;
    while (j + 1 < n && tags[j + 1] === t + 1) {
      j++;
      s += em[j * T + t + 1]! - em[j * T]!;
    }
    if (s > score[f]!) {
      score[f] = s;
      first[f] = i;
      last[f] = j;
    }
    i = j + 1;
  }
}

// ---- training ---------------------------------------------------------------------------------------

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

// ---- the saved form ---------------------------------------------------------------------------------

const MAGIC = 0x3154584b; // "KXT1"

/**
 * Quantizes averaged weights to int16 and keeps, per feature, only its non-zero tag weights. When the
 * table would pass `budgetBytes`, the features with the smallest L1 norm are dropped first.
 */
export function packWeights(hashes: Uint32Array, W: Float64Array, T: number, budgetBytes: number): Uint8Array {
  const R = hashes.length;
  let maxAbs = 1e-9;
  for (let k = 0; k < W.length; k++) if (Math.abs(W[k]!) > maxAbs) maxAbs = Math.abs(W[k]!);
  const scale = maxAbs / 32767;
  const q = (x: number): number => Math.max(-32767, Math.min(32767, Math.round(x / scale)));
  const kept: { row: number; nnz: number; l1: number }[] = [];
  for (let r = 0; r < R; r++) {
    let nnz = 0;
    let l1 = 0;
    for (let t = 0; t < T; t++) {
      const v = q(W[r * T + t]!);
      if (v !== 0) {
        nnz++;
        l1 += Math.abs(v);
      }
    }
    if (nnz > 0) kept.push({ row: r, nnz, l1 });
  }
  const header = 24;
  const transBytes = (T + 1) * T * 2;
  let total = header + transBytes + 4 + kept.reduce((a, k) => a + 8 + 3 * k.nnz + 1, 0);
  if (total > budgetBytes) {
    kept.sort((a, b) => b.l1 - a.l1 || a.row - b.row);
    while (kept.length && total > budgetBytes) total -= 8 + 3 * kept.pop()!.nnz + 1;
  }
  kept.sort((a, b) => hashes[a.row]! - hashes[b.row]!);
  const nRows = kept.length;
  const nEntries = kept.reduce((a, k) => a + k.nnz, 0);
  // Layout (little-endian, every array 4-aligned): header, keys u32[n], offs u32[n+1], weights i16[e],
  // transitions i16[(T+1)T], tags u8[e].
  const wBytes = align4(nEntries * 2);
  const tBytes = align4(transBytes);
  const size = header + 4 * nRows + 4 * (nRows + 1) + wBytes + tBytes + align4(nEntries);
  const buf = new ArrayBuffer(size);
  const dv = new DataView(buf);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, nRows, true);
  dv.setUint32(8, nEntries, true);
  dv.setUint32(12, T, true);
  dv.setFloat64(16, scale, true);
  let o = header;
  const keys = new Uint32Array(buf, o, nRows);
  o += 4 * nRows;
  const offs = new Uint32Array(buf, o, nRows + 1);
  o += 4 * (nRows + 1);
  const weights = new Int16Array(buf, o, nEntries);
  o += wBytes;
  const trans = new Int16Array(buf, o, (T + 1) * T);
  o += tBytes;
  const tags = new Uint8Array(buf, o, nEntries);
  let e = 0;
  kept.forEach((k, i) => {
    keys[i] = hashes[k.row]!;
    offs[i] = e;
    for (let t = 0; t < T; t++) {
      const v = q(W[k.row * T + t]!);
      if (v === 0) continue;
      tags[e] = t;
      weights[e] = v;
      e++;
    }
  });
  offs[nRows] = e;
  for (let k = 0; k < (T + 1) * T; k++) trans[k] = q(W[R * T + k]!);
  return new Uint8Array(buf);
}

const align4 = (n: number): number => (n + 3) & ~3;

/** The saved weights, ready to score: an open-addressing table hash → row, sparse rows, masked transitions. */
export class PackedModel {
  readonly T: number;
  readonly trans: Float64Array;
  readonly rows: number;
  private readonly slotKey: Uint32Array;
  private readonly slotRow: Int32Array;
  private readonly mask: number;
  private readonly offs: Uint32Array;
  private readonly tags: Uint8Array;
  private readonly weights: Float32Array;

  constructor(bytes: Uint8Array) {
    // A copy with its own aligned buffer (Buffer#slice would share the pool, so not bytes.slice()).
    const copy = new Uint8Array(bytes);
    const buf = copy.buffer;
    if (copy.length < 24) throw new Error('payload too short');
    const dv = new DataView(buf);
    if (dv.getUint32(0, true) !== MAGIC) throw new Error('not an extract weight table (bad magic)');
    const nRows = dv.getUint32(4, true);
    const nEntries = dv.getUint32(8, true);
    const T = dv.getUint32(12, true);
    const scale = dv.getFloat64(16, true);
    const need = 24 + 4 * nRows + 4 * (nRows + 1) + align4(nEntries * 2) + align4((T + 1) * T * 2) + align4(nEntries);
    if (copy.length !== need) throw new Error(`payload is ${copy.length} bytes, header says ${need}`);
    let o = 24;
    const keys = new Uint32Array(buf, o, nRows);
    o += 4 * nRows;
    this.offs = new Uint32Array(buf, o, nRows + 1);
    o += 4 * (nRows + 1);
    const w16 = new Int16Array(buf, o, nEntries);
    o += align4(nEntries * 2);
    const t16 = new Int16Array(buf, o, (T + 1) * T);
    o += align4((T + 1) * T * 2);
    this.tags = new Uint8Array(buf, o, nEntries);
    this.weights = new Float32Array(nEntries);
    for (let k = 0; k < nEntries; k++) this.weights[k] = w16[k]! * scale;
    const raw = new Float64Array((T + 1) * T);
    for (let k = 0; k < raw.length; k++) raw[k] = t16[k]! * scale;
    this.trans = maskTransitions(raw, T);
    this.T = T;
    this.rows = nRows;
    let cap = 16;
    while (cap < nRows * 2) cap *= 2;
    this.mask = cap - 1;
    this.slotKey = new Uint32Array(cap);
    this.slotRow = new Int32Array(cap).fill(-1);
    for (let r = 0; r < nRows; r++) {
      let s = keys[r]! & this.mask;
      while (this.slotRow[s] !== -1) s = (s + 1) & this.mask;
      this.slotKey[s] = keys[r]!;
      this.slotRow[s] = r;
    }
  }

  /** Adds the weights of feature `hash` to em[base .. base+T). */
  addFeature(hash: number, em: Float64Array, base: number): void {
    let s = hash & this.mask;
    for (;;) {
      const r = this.slotRow[s]!;
      if (r === -1) return;
      if (this.slotKey[s] === hash) {
        for (let e = this.offs[r]!; e < this.offs[r + 1]!; e++) em[base + this.tags[e]!]! += this.weights[e]!;
        return;
      }
      s = (s + 1) & this.mask;
    }
  }
}
