// Hashed buckets → the sparse rows the model reads. Only buckets seen in training (and kept) have a row,
// so the weight matrix holds [rows, C] instead of [2^hashBits, C]. The vocabulary is stored compactly in the
// artifact: sorted bucket ids as varint gaps, then each row's document frequency as a varint, from which
// idf is recomputed exactly at load.
import { BucketList, Hasher, type FeaturizerSpec } from './featurize.ts';

export interface Weighting {
  /** 1 + ln(tf) instead of tf. */
  sublinearTf: boolean;
  /** Multiply by smooth idf, ln((1 + docs) / (1 + df)) + 1. */
  idf: boolean;
}

export interface Vocabulary {
  /** Sorted bucket ids; row r is buckets[r]. */
  buckets: Int32Array;
  /** Document frequency of each row in the training data. */
  df: Int32Array;
  /** Training documents counted. */
  docs: number;
}

/** One input's features: distinct buckets (sorted) and their counts. */
export interface BucketCounts {
  buckets: Int32Array;
  counts: Int32Array;
}

/** Count repeats in buckets[0..n): sorts in place, writes distinct ids and counts. */
export function countBuckets(list: BucketList): BucketCounts {
  const a = list.data.subarray(0, list.length).sort();
  let distinct = 0;
  for (let i = 0; i < a.length; i++) if (i === 0 || a[i] !== a[i - 1]) distinct++;
  const buckets = new Int32Array(distinct);
  const counts = new Int32Array(distinct);
  let k = -1;
  for (let i = 0; i < a.length; i++) {
    if (i === 0 || a[i] !== a[i - 1]) buckets[++k] = a[i]!;
    counts[k]!++;
  }
  return { buckets, counts };
}

/**
 * The vocabulary of a training set: buckets in at least `minDf` documents; when more than `maxRows` remain,
 * the most frequent (ties to the lower bucket id), so the artifact stays within its size budget.
 */
export function buildVocabulary(docs: readonly BucketCounts[], bucketCount: number, minDf: number, maxRows: number): Vocabulary {
  const df = new Int32Array(bucketCount);
  for (const d of docs) for (let i = 0; i < d.buckets.length; i++) df[d.buckets[i]!]!++;
  let kept: number[] = [];
  for (let b = 0; b < bucketCount; b++) if (df[b]! >= minDf) kept.push(b);
  if (kept.length > maxRows) {
    kept = kept
      .slice()
      .sort((a, b) => df[b]! - df[a]! || a - b)
      .slice(0, maxRows)
      .sort((a, b) => a - b);
  }
  const buckets = Int32Array.from(kept);
  return { buckets, df: Int32Array.from(kept, (b) => df[b]!), docs: docs.length };
}

/** Turns inputs into (row, value) pairs with reused buffers; not re-entrant. */
export class Vectorizer {
  readonly hasher: Hasher;
  readonly rows: number;
  private readonly rowOf: Int32Array;
  private readonly rowWeight: Float32Array;
  private readonly scratch = new BucketList();
  /** Output of the last vectorize(): rows[0..n) and values[0..n). */
  outRows = new Int32Array(512);
  outValues = new Float32Array(512);

  constructor(
    spec: FeaturizerSpec,
    readonly vocab: Vocabulary,
    readonly weighting: Weighting,
  ) {
    this.hasher = new Hasher(spec);
    this.rows = vocab.buckets.length;
    this.rowOf = new Int32Array(this.hasher.buckets).fill(-1);
    this.rowWeight = new Float32Array(this.rows);
    for (let r = 0; r < this.rows; r++) {
      this.rowOf[vocab.buckets[r]!] = r;
      this.rowWeight[r] = weighting.idf ? Math.log((1 + vocab.docs) / (1 + vocab.df[r]!)) + 1 : 1;
    }
  }

  /** Buckets and counts of one input (used at training time, before the vocabulary exists). */
  static bucketsOf(hasher: Hasher, input: unknown, scratch: BucketList): BucketCounts {
    hasher.hash(input, scratch);
    return countBuckets(scratch);
  }

  // State of the row being built (see begin/add/finish).
  private n = 0;
  private norm0 = 0;
  private norm1 = 0;
  private split = -1;

  /** Featurize `input` into outRows/outValues; returns how many entries were written. */
  vectorize(input: unknown): number {
    this.hasher.hash(input, this.scratch);
    const list = this.scratch;
    const a = list.data.subarray(0, list.length).sort();
    this.begin(a.length);
    for (let i = 0; i < a.length; ) {
      const b = a[i]!;
      let tf = 1;
      while (i + tf < a.length && a[i + tf] === b) tf++;
      i += tf;
      this.add(b, tf);
    }
    return this.finish();
  }

  /** The same as vectorize() from already counted buckets (training re-vectorizes without re-hashing). */
  vectorizeCounts(d: BucketCounts): number {
    this.begin(d.buckets.length);
    for (let i = 0; i < d.buckets.length; i++) this.add(d.buckets[i]!, d.counts[i]!);
    return this.finish();
  }

  private begin(size: number): void {
    if (this.outRows.length < size) {
      this.outRows = new Int32Array(size * 2);
      this.outValues = new Float32Array(size * 2);
    }
    this.n = 0;
    this.norm0 = 0;
    this.norm1 = 0;
    this.split = -1; // first entry of group 1 (buckets come sorted, so word buckets come first)
  }

  private add(b: number, tf: number): void {
    const r = this.rowOf[b]!;
    if (r < 0) return;
    const v = (this.weighting.sublinearTf ? 1 + Math.log(tf) : tf) * this.rowWeight[r]!;
    if (this.hasher.group(b) === 0) this.norm0 += v * v;
    else {
      if (this.split < 0) this.split = this.n;
      this.norm1 += v * v;
    }
    this.outRows[this.n] = r;
    this.outValues[this.n++] = v;
  }

  private finish(): number {
    const { n, norm0, norm1 } = this;
    const values = this.outValues;
    const split = this.split < 0 ? n : this.split;
    // Each present group gets unit norm, and the whole vector unit norm: groups weigh the same.
    const groups = (norm0 > 0 ? 1 : 0) + (norm1 > 0 ? 1 : 0);
    const g = groups > 0 ? 1 / Math.sqrt(groups) : 0;
    const s0 = norm0 > 0 ? g / Math.sqrt(norm0) : 0;
    const s1 = norm1 > 0 ? g / Math.sqrt(norm1) : 0;
    for (let i = 0; i < split; i++) values[i] = values[i]! * s0;
    for (let i = split; i < n; i++) values[i] = values[i]! * s1;
    return n;
  }
}

function pushVarint(out: number[], v: number): void {
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
}

/** Table bytes: "KCV1", docs, rows, then `rows` bucket gaps and `rows` dfs, all varints. */
export function encodeVocabulary(v: Vocabulary): Uint8Array {
  const out: number[] = [0x4b, 0x43, 0x56, 0x31];
  pushVarint(out, v.docs);
  pushVarint(out, v.buckets.length);
  let prev = 0;
  for (let r = 0; r < v.buckets.length; r++) {
    pushVarint(out, v.buckets[r]! - prev);
    prev = v.buckets[r]!;
  }
  for (let r = 0; r < v.df.length; r++) pushVarint(out, v.df[r]!);
  return Uint8Array.from(out);
}

export function decodeVocabulary(bytes: Uint8Array, bucketCount: number): Vocabulary {
  if (bytes.length < 4 || bytes[0] !== 0x4b || bytes[1] !== 0x43 || bytes[2] !== 0x56 || bytes[3] !== 0x31) {
    throw new Error('not a classifier vocabulary table (bad magic)');
  }
  let pos = 4;
  const next = (): number => {
    let v = 0;
    let mul = 1;
    for (;;) {
      if (pos >= bytes.length) throw new Error('vocabulary table is truncated');
      const b = bytes[pos++]!;
      v += (b & 0x7f) * mul;
      if ((b & 0x80) === 0) return v;
      mul *= 128;
    }
  };
  const docs = next();
  const rows = next();
  const buckets = new Int32Array(rows);
  const df = new Int32Array(rows);
  let prev = 0;
  for (let r = 0; r < rows; r++) {
    prev += next();
    if (prev >= bucketCount || (r > 0 && prev <= buckets[r - 1]!)) throw new Error(`vocabulary bucket ${prev} at row ${r} is out of order or range`);
    buckets[r] = prev;
  }
  for (let r = 0; r < rows; r++) df[r] = next();
  if (pos !== bytes.length) throw new Error('vocabulary table has trailing bytes');
  return { buckets, df, docs };
}
