// Token features for the span tagger, as 32-bit hashes: the word and its neighbours (±3), bigrams, word
// shapes, prefixes and suffixes, position, gazetteer hits (values seen in training, per field), and the
// context input fields as global features conjoined with the token. A hash is mix(template, value), so
// featurizing reuses buffers and builds no strings.
import { hashLower, hashShape, hashShortShape, mix, tokenFlags, tokenize, emptyTokens, type Tokens } from './tokenize.ts';

const enum Tpl {
  Bias = 1, W0, Wm1, Wm2, Wm3, Wp1, Wp2, Wp3, Bm1, Bp1, Bm2, Bp2, Sh0, Shm1, Shp1, Ssh0, Ssh3, Pre1, Pre2, Pre3,
  Suf1, Suf2, Suf3, Suf4, Flags, FlagsNb, Len, Pos, RelPos, Gaz, GazAny, GazNb, G, GxSsh, GxW0, GxWm1, GxPos,
}

const PAD = 0x5bd1e995;
const MAX_GLOBALS = 16;
const MAX_PIECES = 8;
const GAZ_SEED = 0x2545f491;

/** Values seen in training, per field, as hashes of their lowercased token sequences. */
export class Gazetteer {
  readonly counts = new Map<number, Int32Array>();
  maxLen = 0;
  constructor(readonly fields: number) {}

  add(value: string, field: number): number | null {
    const t = tokenize(value);
    if (t.count === 0 || t.count > 8) return null;
    const h = seqHash(value, t, 0, t.count - 1);
    let c = this.counts.get(h);
    if (!c) this.counts.set(h, (c = new Int32Array(this.fields)));
    c[field]!++;
    this.maxLen = Math.max(this.maxLen, t.count);
    return h;
  }
}

function seqHash(text: string, t: Tokens, a: number, b: number): number {
  let h = GAZ_SEED;
  for (let k = a; k <= b; k++) h = mix(h, hashLower(text, t.start[k]!, t.end[k]!));
  return h;
}

/** Reusable buffers for one featurization; `hashes[offs[i] .. offs[i+1])` are token i's features. */
export class FeatureScratch {
  tokens: Tokens = emptyTokens();
  lower = new Uint32Array(64);
  shape = new Uint32Array(64);
  sshape = new Uint32Array(64);
  flags = new Int32Array(64);
  gaz = new Uint8Array(64 * 4);
  hashes = new Uint32Array(4096);
  offs = new Int32Array(65);
  globals = new Uint32Array(MAX_GLOBALS * 2);
  nGlobals = 0;

  ensure(n: number, fields: number): void {
    if (this.lower.length < n) {
      const cap = Math.max(n, this.lower.length * 2);
      this.lower = new Uint32Array(cap);
      this.shape = new Uint32Array(cap);
      this.sshape = new Uint32Array(cap);
      this.flags = new Int32Array(cap);
      this.offs = new Int32Array(cap + 1);
    }
    if (this.gaz.length < n * fields) this.gaz = new Uint8Array(Math.max(n * fields, this.gaz.length * 2));
  }
}

/** Hashes of the context fields' pieces (split on commas, spaces, ;, |), as global features. */
function globalsOf(context: readonly string[], sc: FeatureScratch): void {
  let g = 0;
  for (let ci = 0; ci < context.length && g < MAX_GLOBALS; ci++) {
    const s = context[ci]!;
    const field = Math.imul(ci + 1, 0x27d4eb2d);
    let pieces = 0;
    let i = 0;
    while (i < s.length && pieces < MAX_PIECES && g < MAX_GLOBALS) {
      while (i < s.length && isSep(s.charCodeAt(i))) i++;
      if (i >= s.length) break;
      const st = i;
      while (i < s.length && !isSep(s.charCodeAt(i))) i++;
      sc.globals[g++] = mix(field, hashLower(s, st, i));
      pieces++;
    }
    if (pieces === 0) sc.globals[g++] = mix(field, 0x0e3779b1); // the field is empty: a signal of its own
  }
  sc.nGlobals = g;
}

function isSep(c: number): boolean {
  return c === 44 || c === 32 || c === 59 || c === 124 || c === 9 || c === 10 || c === 13;
}

/**
 * Featurizes `text` into `sc`. `exclude` holds gazetteer hashes → per-field counts to subtract (the
 * example's own values while training, so the tagger does not learn to trust the gazetteer blindly).
 */
export function featurize(
  text: string,
  context: readonly string[],
  gaz: Gazetteer,
  sc: FeatureScratch,
  exclude?: Map<number, Int32Array>,
): number {
  const t = tokenize(text, sc.tokens);
  sc.tokens = t;
  const n = t.count;
  const F = gaz.fields;
  sc.ensure(n, F);
  for (let i = 0; i < n; i++) {
    const s = t.start[i]!;
    const e = t.end[i]!;
    sc.lower[i] = hashLower(text, s, e);
    sc.shape[i] = hashShape(text, s, e);
    sc.sshape[i] = hashShortShape(text, s, e);
    sc.flags[i] = tokenFlags(text, s, e);
  }
  markGazetteer(text, t, gaz, sc, exclude);
  globalsOf(context, sc);

  const perToken = 40 + 2 * F + 5 * sc.nGlobals;
  if (sc.hashes.length < n * perToken) sc.hashes = new Uint32Array(Math.max(n * perToken, sc.hashes.length * 2));
  const h = sc.hashes;
  const lw = (j: number): number => (j < 0 ? PAD ^ j : j >= n ? PAD + j - n + 1 : sc.lower[j]!);
  let k = 0;
  for (let i = 0; i < n; i++) {
    sc.offs[i] = k;
    const s = t.start[i]!;
    const e = t.end[i]!;
    const len = e - s;
    const w0 = sc.lower[i]!;
    const wm1 = lw(i - 1);
    const wp1 = lw(i + 1);
    const wm2 = lw(i - 2);
    const wp2 = lw(i + 2);
    h[k++] = Tpl.Bias;
    h[k++] = mix(Tpl.W0, w0);
    h[k++] = mix(Tpl.Wm1, wm1);
    h[k++] = mix(Tpl.Wm2, wm2);
    h[k++] = mix(Tpl.Wm3, lw(i - 3));
    h[k++] = mix(Tpl.Wp1, wp1);
    h[k++] = mix(Tpl.Wp2, wp2);
    h[k++] = mix(Tpl.Wp3, lw(i + 3));
    h[k++] = mix(mix(Tpl.Bm1, wm1), w0);
    h[k++] = mix(mix(Tpl.Bp1, w0), wp1);
    h[k++] = mix(mix(Tpl.Bm2, wm2), wm1);
    h[k++] = mix(mix(Tpl.Bp2, wp1), wp2);
    h[k++] = mix(Tpl.Sh0, sc.shape[i]!);
    h[k++] = mix(Tpl.Shm1, i > 0 ? sc.shape[i - 1]! : PAD);
    h[k++] = mix(Tpl.Shp1, i + 1 < n ? sc.shape[i + 1]! : PAD);
    const ss = sc.sshape[i]!;
    h[k++] = mix(Tpl.Ssh0, ss);
    h[k++] = mix(mix(mix(Tpl.Ssh3, i > 0 ? sc.sshape[i - 1]! : PAD), ss), i + 1 < n ? sc.sshape[i + 1]! : PAD);
    h[k++] = mix(Tpl.Pre1, hashLower(text, s, Math.min(e, s + 1)));
    if (len > 1) h[k++] = mix(Tpl.Pre2, hashLower(text, s, Math.min(e, s + 2)));
    if (len > 2) h[k++] = mix(Tpl.Pre3, hashLower(text, s, Math.min(e, s + 3)));
    h[k++] = mix(Tpl.Suf1, hashLower(text, Math.max(s, e - 1), e));
    if (len > 1) h[k++] = mix(Tpl.Suf2, hashLower(text, Math.max(s, e - 2), e));
    if (len > 2) h[k++] = mix(Tpl.Suf3, hashLower(text, Math.max(s, e - 3), e));
    if (len > 3) h[k++] = mix(Tpl.Suf4, hashLower(text, Math.max(s, e - 4), e));
    const fl = sc.flags[i]!;
    h[k++] = mix(Tpl.Flags, fl);
    h[k++] = mix(Tpl.FlagsNb, ((i > 0 ? sc.flags[i - 1]! : 32) << 6) | (i + 1 < n ? sc.flags[i + 1]! : 32));
    h[k++] = mix(Tpl.Len, Math.min(len, 12));
    const pos = i === 0 ? 0 : i === 1 ? 1 : i === n - 1 ? 3 : i === n - 2 ? 4 : 2;
    h[k++] = mix(Tpl.Pos, pos);
    h[k++] = mix(Tpl.RelPos, Math.floor((4 * i) / n));
    let any = 0;
    for (let f = 0; f < F; f++) {
      const g = sc.gaz[i * F + f]!;
      if (g === 0) continue;
      any |= g;
      h[k++] = mix(Tpl.Gaz, f * 8 + g);
    }
    if (any) h[k++] = mix(Tpl.GazAny, any);
    for (let f = 0; f < F; f++) {
      const inside = sc.gaz[i * F + f]!;
      if (inside) continue;
      // Next to a known value of f (e.g. the word before a city): context of that field.
      const before = i + 1 < n && (sc.gaz[(i + 1) * F + f]! & 1) !== 0;
      const after = i > 0 && (sc.gaz[(i - 1) * F + f]! & 4) !== 0;
      if (before || after) h[k++] = mix(Tpl.GazNb, f * 4 + (before ? 1 : 0) + (after ? 2 : 0));
    }
    for (let g = 0; g < sc.nGlobals; g++) {
      const gh = sc.globals[g]!;
      h[k++] = mix(Tpl.G, gh);
      h[k++] = mix(mix(Tpl.GxSsh, gh), ss);
      h[k++] = mix(mix(Tpl.GxW0, gh), w0);
      h[k++] = mix(mix(Tpl.GxWm1, gh), wm1);
      h[k++] = mix(mix(Tpl.GxPos, gh), pos);
    }
  }
  sc.offs[n] = k;
  return n;
}

/** Gazetteer bits per (token, field): 1 starts a known value, 2 inside one, 4 ends one. */
function markGazetteer(text: string, t: Tokens, gaz: Gazetteer, sc: FeatureScratch, exclude?: Map<number, Int32Array>): void {
  const n = t.count;
  const F = gaz.fields;
  sc.gaz.fill(0, 0, n * F);
  if (gaz.counts.size === 0) return;
  for (let a = 0; a < n; a++) {
    if (sc.flags[a]! & 16) continue; // values do not start with punctuation
    let hsh = GAZ_SEED;
    for (let b = a; b < n && b - a < gaz.maxLen; b++) {
      hsh = mix(hsh, sc.lower[b]!);
      const c = gaz.counts.get(hsh);
      if (!c) continue;
      const ex = exclude?.get(hsh);
      for (let f = 0; f < F; f++) {
        if (c[f]! - (ex ? ex[f]! : 0) <= 0) continue;
        sc.gaz[a * F + f]! |= 1;
        for (let m = a + 1; m <= b; m++) sc.gaz[m * F + f]! |= 2;
        sc.gaz[b * F + f]! |= 4;
      }
    }
  }
}

