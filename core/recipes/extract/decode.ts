// The span tagger's decoding: one BIO tag set over all fields (O, B-f, I-f), learned tag transitions, Viterbi
// decoding that never lets I-f follow anything but B-f/I-f, the partition function for confidences, and the
// spans read off a tag path.

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
