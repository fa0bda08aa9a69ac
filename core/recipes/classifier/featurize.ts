// Text → hashed sparse features for the classifier. Two groups of features, each L2-normalized on its own
// (so long texts' many char n-grams do not drown the words):
//   words: lowercased word unigrams and bigrams, with start/end markers (a question's first word matters);
//          punctuation and emoji are tokens of their own ("?" tells a question apart).
//   chars: char n-grams inside word boundaries (sklearn "char_wb": each token padded with spaces).
// Each feature string is hashed with FNV-1a (32-bit, over UTF-16 code units) plus a murmur3 finalizer for
// the low bits, seeded per group and per input field, into one of 2^hashBits buckets: words in the lower
// half, chars in the upper half. Hashing is unsigned (no ±1 sign bit): each kept bucket gets its own weight row,
// so a sign would only matter for colliding features, which are few at 2^18 buckets and the tens of
// thousands of features label tasks have (not measured separately).
// No strings are built per n-gram: hashes are computed incrementally on the token's code units.

export interface FeaturizerSpec {
  /** D = 2^hashBits buckets. */
  hashBits: number;
  charMin: number;
  charMax: number;
  wordBigrams: boolean;
}

// char 2-grams and 2^20 buckets: +0.5 to +1 point of held-out accuracy on the dev label fixtures against 3-grams
// at 2^18 (fewer collisions; short words and emoji pairs count). Old artifacts keep the spec they recorded.
export const DEFAULT_FEATURIZER: FeaturizerSpec = { hashBits: 20, charMin: 2, charMax: 5, wordBigrams: true };

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
// Letters, marks, digits, underscore and apostrophe form words; any other non-space character is a token.
const TOKEN_RE = /[\p{L}\p{M}\p{N}_']+|[^\s\p{L}\p{M}\p{N}_']/gu;
const NON_ASCII = /[^\x00-\x7f]/;

function fnvString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The text a field contributes: strings as they are, other values as JSON. */
export function fieldText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  return JSON.stringify(v);
}

export function normalizeText(s: string): string {
  return (NON_ASCII.test(s) ? s.normalize('NFKC') : s).toLowerCase();
}

export function tokenize(text: string): string[] {
  return normalizeText(text).match(TOKEN_RE) ?? [];
}

/** A growable list of bucket ids, reused across calls so featurizing allocates nothing in steady state. */
export class BucketList {
  data = new Int32Array(1024);
  length = 0;
  push(b: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = b;
  }
}

/** Hashes inputs into bucket ids (with repeats: a feature seen twice is pushed twice). */
export class Hasher {
  readonly buckets: number;
  private readonly half: number;
  private readonly mask: number;
  private readonly seeds = new Map<string, [number, number]>();

  constructor(readonly spec: FeaturizerSpec) {
    this.buckets = 2 ** spec.hashBits;
    this.half = this.buckets >>> 1;
    this.mask = this.half - 1;
  }

  /** The group the bucket belongs to: 0 words, 1 chars. */
  group(bucket: number): number {
    return bucket >= this.half ? 1 : 0;
  }

  private seedsFor(field: string): [number, number] {
    let s = this.seeds.get(field);
    if (!s) {
      s = [fnvString(FNV_OFFSET, `w\u0000${field}\u0000`), fnvString(FNV_OFFSET, `c\u0000${field}\u0000`)];
      this.seeds.set(field, s);
    }
    return s;
  }

  /** Push every feature bucket of `input` (string, or object of fields featurized with a field prefix). */
  hash(input: unknown, out: BucketList): void {
    out.length = 0;
    if (typeof input === 'string') this.hashText(input, '', out);
    else if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
      for (const key of Object.keys(input).sort()) this.hashText(fieldText((input as Record<string, unknown>)[key]), key, out);
    } else this.hashText(fieldText(input), '', out);
  }

  private hashText(text: string, field: string, out: BucketList): void {
    const [seedW, seedC] = this.seedsFor(field);
    const { charMin, charMax, wordBigrams } = this.spec;
    const mask = this.mask;
    const half = this.half;
    const tokens = tokenize(text);
    let prev = seedW ^ 0x2f; // start marker
    for (const tok of tokens) {
      const h = fnvString(seedW, tok);
      out.push(fmix(h) & mask);
      if (wordBigrams) out.push(fmix(Math.imul(prev ^ 0x9e3779b9, FNV_PRIME) ^ h) & mask);
      prev = h;
      // char n-grams of " tok ": position -1 and tok.length are the padding spaces.
      const L = tok.length;
      for (let i = -1; i <= L; i++) {
        let c = seedC;
        for (let j = i, n = 1; j <= L && n <= charMax; j++, n++) {
          c = Math.imul(c ^ (j < 0 || j === L ? 32 : tok.charCodeAt(j)), FNV_PRIME);
          if (n >= charMin) out.push(half | (fmix(c) & mask));
        }
      }
    }
    if (wordBigrams && tokens.length > 0) out.push(fmix(Math.imul(prev ^ 0x9e3779b9, FNV_PRIME) ^ (seedW ^ 0x3d)) & mask);
  }
}
