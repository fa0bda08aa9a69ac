// The span tagger's saved form: a compact sparse table (feature hash -> non-zero tag weights, int16) and
// the reader that scores from it without unpacking.
import { maskTransitions } from './decode.ts';

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
