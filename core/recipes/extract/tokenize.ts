// Tokens with character offsets, and the 32-bit hashes every extract feature is built from. Features are
// hashed straight from the text (no per-token strings), so predicting allocates almost nothing.

/** A tokenization: token k is text.slice(start[k], end[k]). Arrays may be longer than `count` (reused). */
export interface Tokens {
  count: number;
  start: Int32Array;
  end: Int32Array;
}

export function emptyTokens(capacity = 64): Tokens {
  return { count: 0, start: new Int32Array(capacity), end: new Int32Array(capacity) };
}

const WORDISH = /[\p{L}\p{N}\p{M}]/u;

/** Letters, digits and combining marks form words; each other non-space character is a token of its own. */
export function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xd800 && c <= 0xdfff) return false; // emoji and other astral symbols: punctuation-like
  return WORDISH.test(String.fromCharCode(c));
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Kana and Han: written without spaces, so each character is a token. */
function isCjk(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200b);
}

/**
 * Splits `text` into runs of letters or of digits, and single characters for punctuation, kana and Han,
 * reusing `into` when given.
 */
export function tokenize(text: string, into: Tokens = emptyTokens()): Tokens {
  let n = 0;
  const len = text.length;
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
      continue;
    }
    if (n === into.start.length) grow(into);
    into.start[n] = i;
    if (isWordCode(c) && !isCjk(c)) {
      // A word run ends at a letter/digit boundary too ("5pm" → "5" "pm"), so values cut there still align.
      const digit = isDigitCode(c);
      i++;
      while (i < len) {
        const d = text.charCodeAt(i);
        if (!isWordCode(d) || isCjk(d) || isDigitCode(d) !== digit) break;
        i++;
      }
    } else {
      // Keep a surrogate pair together so a token never splits a code point.
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < len ? 2 : 1;
    }
    into.end[n] = i;
    n++;
  }
  into.count = n;
  return into;
}

function grow(t: Tokens): void {
  const s = new Int32Array(t.start.length * 2);
  const e = new Int32Array(t.start.length * 2);
  s.set(t.start);
  e.set(t.end);
  t.start = s;
  t.end = e;
}

export function lowerCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 128) return c;
  const l = String.fromCharCode(c).toLowerCase();
  return l.length === 1 ? l.charCodeAt(0) : c;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a of text[s, e) lowercased. */
export function hashLower(text: string, s: number, e: number): number {
  let h = FNV_OFFSET;
  for (let i = s; i < e; i++) {
    h ^= lowerCode(text.charCodeAt(i));
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

export function hashString(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** Word shape: X/x/d per character, other characters as themselves; at most 8 characters. */
export function hashShape(text: string, s: number, e: number): number {
  let h = FNV_OFFSET;
  const stop = Math.min(e, s + 8);
  for (let i = s; i < stop; i++) h = Math.imul(h ^ shapeCode(text.charCodeAt(i)), FNV_PRIME);
  if (e > stop) h = Math.imul(h ^ 43, FNV_PRIME); // '+': longer than 8
  return h >>> 0;
}

/** Short shape: runs of the same class collapsed (Xx, d, dx, X.X). */
export function hashShortShape(text: string, s: number, e: number): number {
  let h = FNV_OFFSET;
  let prev = -1;
  for (let i = s; i < e; i++) {
    const k = shapeCode(text.charCodeAt(i));
    if (k !== prev) h = Math.imul(h ^ k, FNV_PRIME);
    prev = k;
  }
  return h >>> 0;
}

function shapeCode(c: number): number {
  if (c >= 48 && c <= 57) return 100; // d
  if (c >= 65 && c <= 90) return 88; // X
  if (c >= 97 && c <= 122) return 120; // x
  if (c < 128) return c;
  const l = String.fromCharCode(c);
  if (l !== l.toLowerCase()) return 88;
  if (l !== l.toUpperCase()) return 120;
  return WORDISH.test(l) ? 120 : 42;
}

/** Bit flags of a token: 1 initial capital, 2 all capitals, 4 has digit, 8 all digits, 16 punctuation. */
export function tokenFlags(text: string, s: number, e: number): number {
  let upper = 0;
  let lower = 0;
  let digit = 0;
  let word = 0;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    const k = shapeCode(c);
    if (k === 88) upper++;
    else if (k === 120) lower++;
    else if (k === 100) digit++;
    if (k === 88 || k === 120 || k === 100) word++;
  }
  const first = shapeCode(text.charCodeAt(s));
  let f = 0;
  if (first === 88) f |= 1;
  if (upper > 0 && lower === 0 && digit === 0) f |= 2;
  if (digit > 0) f |= 4;
  if (digit === e - s) f |= 8;
  if (word === 0) f |= 16;
  return f;
}

/** Combines two 32-bit values into one well-mixed hash (murmur3 finalizer). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}
