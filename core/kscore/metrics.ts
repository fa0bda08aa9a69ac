// The per-case metrics of K-score version 1 (DESIGN §6), each a pure function returning s in [0, 1].
// They take already-built normalizers so that a scorer pays for setup once, not per case.
import { normalizeKeepCase, type Normalizer } from './normalize.ts';

// ── short: SQuAD token F1 ───────────────────────────────────────────────────────────────────────────────

// SQuAD's normalize_answer: lowercase, drop ASCII punctuation (Python's string.punctuation), drop the
// articles a/an/the, split on whitespace. We apply NFKC first so full-width text compares like ASCII.
// Articles are dropped as whole tokens (SQuAD's \b regex does the same for whitespace-separated words).
const SQUAD_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
const ARTICLES = new Set(['a', 'an', 'the']);

export function squadTokens(text: string): string[] {
  const s = text.normalize('NFKC').toLowerCase().replace(SQUAD_PUNCTUATION, '');
  return s.split(/\s+/).filter((t) => t.length > 0 && !ARTICLES.has(t));
}

/** SQuAD v1.1 token F1: both empty is 1, one empty is 0; otherwise the F1 of the token multisets. */
export function tokenF1(prediction: string, reference: string): number {
  const p = squadTokens(prediction);
  const g = squadTokens(reference);
  if (p.length === 0 || g.length === 0) return p.length === g.length ? 1 : 0;
  const same = multisetOverlap(p, g);
  if (same === 0) return 0;
  const precision = same / p.length;
  const recall = same / g.length;
  return (2 * precision * recall) / (precision + recall);
}

function multisetOverlap(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const t of b) counts.set(t, (counts.get(t) ?? 0) + 1);
  let same = 0;
  for (const t of a) {
    const c = counts.get(t);
    if (c) {
      same++;
      counts.set(t, c - 1);
    }
  }
  return same;
}

// ── long: ROUGE-L F1 ────────────────────────────────────────────────────────────────────────────────────

// Tokens as rouge_score makes them (lowercase, runs of letters/digits), Unicode-aware and after NFKC.
const WORD = /[\p{L}\p{N}]+/gu;

export function rougeTokens(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(WORD) ?? [];
}

/** Length of the longest common subsequence of two token lists: O(m·n) time, O(min(m, n)) memory. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  if (a.length < b.length) [a, b] = [b, a];
  // Intern tokens to integers so the inner loop compares numbers.
  const ids = new Map<string, number>();
  const id = (t: string) => {
    let v = ids.get(t);
    if (v === undefined) ids.set(t, (v = ids.size));
    return v;
  };
  const ai = Int32Array.from(a, id);
  const bi = Int32Array.from(b, id);
  let prev = new Int32Array(bi.length + 1);
  let curr = new Int32Array(bi.length + 1);
  for (let i = 1; i <= ai.length; i++) {
    const x = ai[i - 1]!;
    for (let j = 1; j <= bi.length; j++) {
      curr[j] = x === bi[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, curr[j - 1]!);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[bi.length]!;
}

/** ROUGE-L F1 (β = 1): both empty is 1, one empty is 0. */
export function rougeL(prediction: string, reference: string): number {
  const p = rougeTokens(prediction);
  const g = rougeTokens(reference);
  if (p.length === 0 || g.length === 0) return p.length === g.length ? 1 : 0;
  const lcs = lcsLength(p, g);
  if (lcs === 0) return 0;
  const precision = lcs / p.length;
  const recall = lcs / g.length;
  return (2 * precision * recall) / (precision + recall);
}

// ── number ──────────────────────────────────────────────────────────────────────────────────────────────

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** A number from a JSON number or a numeric string ("1,234.5", " 42. ", "\"7\""); null when it is not one. */
export function parseNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const s = normalizeKeepCase(value);
  if (NUMBER.test(s)) return Number(s);
  if (GROUPED.test(s)) return Number(s.replace(/,/g, ''));
  return null;
}

export const NUMBER_RELATIVE_TOLERANCE = 1e-6;
export const NUMBER_ABSOLUTE_TOLERANCE = 1e-9;

/**
 * 1 when the prediction is the reference's number, else 0. Integers must match exactly (a relative
 * tolerance would let 10,000,001 pass for 10,000,000); other numbers within max(1e-6·|ref|, 1e-9).
 */
export function numberMatch(prediction: unknown, reference: unknown): number {
  const g = parseNumber(reference);
  const p = parseNumber(prediction);
  if (g === null || p === null) return 0;
  if (Number.isInteger(g)) return p === g ? 1 : 0;
  return Math.abs(p - g) <= Math.max(NUMBER_RELATIVE_TOLERANCE * Math.abs(g), NUMBER_ABSOLUTE_TOLERANCE) ? 1 : 0;
}

// ── json ────────────────────────────────────────────────────────────────────────────────────────────────

/** A JSON value from an object/array/scalar or from JSON text; undefined when text is not valid JSON. */
export function parseJsonValue(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/**
 * The multiset of (path, N(leaf)) pairs of a JSON value, as "path\u0000leaf" strings. Object keys join with
 * "."; array elements share the path "name[]" (a multiset: order-free, count-sensitive, so list-valued slots
 * score by content); empty objects/arrays below the root are leaves ("{}", "[]"), so {"a": {}} differs
 * from {}. Scalars become text: strings through N, numbers and booleans by JSON, null as "null".
 */
export function jsonPairs(value: unknown, normalize: Normalizer): string[] {
  const out: string[] = [];
  const walk = (v: unknown, path: string, root: boolean) => {
    if (Array.isArray(v)) {
      if (v.length === 0 && !root) out.push(`${path}\u0000[]`);
      for (const item of v) walk(item, `${path}[]`, false);
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      if (keys.length === 0 && !root) out.push(`${path}\u0000{}`);
      for (const k of keys) walk((v as Record<string, unknown>)[k], path === '' ? k : `${path}.${k}`, false);
    } else {
      out.push(`${path}\u0000${typeof v === 'string' ? normalize(v) : JSON.stringify(v)}`);
    }
  };
  walk(value, '', true);
  return out;
}

/**
 * F1 over (path, N(leaf)) pairs. 0 when the prediction is not valid JSON (never scored as a string); a
 * reference that is not JSON text is taken as a string leaf. Both empty ({} vs {}) is 1; one empty is 0.
 */
export function jsonF1(prediction: unknown, reference: unknown, normalize: Normalizer): number {
  const p = parseJsonValue(prediction);
  if (p === undefined) return 0;
  const gParsed = parseJsonValue(reference);
  const g = gParsed === undefined ? reference : gParsed;
  const pp = jsonPairs(p, normalize);
  const gp = jsonPairs(g, normalize);
  if (pp.length === 0 || gp.length === 0) return pp.length === gp.length ? 1 : 0;
  const same = multisetOverlap(pp, gp);
  return (2 * same) / (pp.length + gp.length);
}
