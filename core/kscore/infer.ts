// Which metric a task is scored with (DESIGN §6): inferred once from the training outputs, overridden by
// the spec's `output_kind`. The rules, in order (first match wins):
//
//   json    at least 95 % of outputs are JSON objects/arrays, or strings that parse as one (bus-slots'
//           outputs are strings like "{\"to_location\": \"New York\"}"); a few non-JSON stragglers are data
//           noise, not a different task;
//   number  every output is a number or a numeric string ("3", "-0.25", "1,200");
//   label   a closed set (isClosedSet), judged by how the outputs repeat, not by how many there are, so 6,
//           77, 151 or 500 intents are all labels:
//             - every output is short (≤ 5 words and ≤ 64 characters): free text that repeats is not a label;
//             - at least 3 rows per distinct output on average (n ≥ 3·d): the values repeat;
//             - at most 10 % of rows carry an output seen nowhere else. That share is exactly the
//               leave-one-out estimate of how many held-out cases would have an output never seen in
//               training (Good-Turing's missing mass, N1/n): ~0 for a closed set, large for SQuAD-like
//               answers where most appear once or twice. It needs only the counts, so the ingestion
//               report (a GROUP BY) and compile reach the same answer on the same rows;
//   short   the median output is at most 8 words (SQuAD-style answers, names, dates);
//   long    everything else (generation), scored with ROUGE-L.
//
// Missing outputs (null, undefined, blank strings) are ignored; with none left the kind is "short" (or
// "json" when the spec's output shape is an object: outputKindFor).
import type { OutputKind, Shape, Spec } from '../spec/index.ts';
import { parseNumber } from './metrics.ts';
import { asText } from './normalize.ts';

export const JSON_MIN_SHARE = 0.95;
export const LABEL_MIN_ROWS_PER_LABEL = 3;
/** The largest share of rows whose output occurs once (the leave-one-out unseen share) in a closed set. */
export const LABEL_MAX_UNSEEN_SHARE = 0.1;
export const LABEL_MAX_WORDS = 5;
export const LABEL_MAX_CHARS = 64;
export const SHORT_MAX_MEDIAN_WORDS = 8;

/** True for an object/array, or a string holding a JSON object/array. */
export function isJsonOutput(value: unknown): boolean {
  if (typeof value === 'object' && value !== null) return true;
  if (typeof value !== 'string') return false;
  const s = value.trim();
  const first = s[0];
  if (first !== '{' && first !== '[') return false;
  try {
    const parsed: unknown = JSON.parse(s);
    return typeof parsed === 'object' && parsed !== null;
  } catch {
    return false;
  }
}

function wordCount(text: string): number {
  const t = text.trim();
  return t === '' ? 0 : t.split(/\s+/).length;
}

/** One distinct output and how many rows have it. */
export interface OutputCount {
  value: unknown;
  count: number;
}

/** The output kind of a task from its training outputs; `override` (the spec's `output_kind`) wins. */
export function inferOutputKind(outputs: readonly unknown[], override?: OutputKind): OutputKind {
  if (override) return override;
  return inferOutputKindFromCounts(countOutputs(outputs));
}

/**
 * The output kind of a spec's task: its `output_kind`, else inferred from the training outputs, else (no
 * outputs to read, e.g. an imported adapter without --examples) "json" for an object output shape and
 * "short" for a string. Compile and the adapter import both decide here.
 */
export function outputKindFor(spec: Pick<Spec, 'output_kind' | 'shape'>, outputs: readonly unknown[] = []): OutputKind {
  return inferOutputKindFromCounts(countOutputs(outputs), spec.output_kind, spec.shape.output);
}

/** Outputs grouped by value (type-aware: 4 and "4" stay apart), in first-seen order. */
export function countOutputs(outputs: readonly unknown[]): OutputCount[] {
  const groups = new Map<string, OutputCount>();
  for (const value of outputs) {
    const key = typeof value === 'string' ? `s${value}` : `${typeof value}${JSON.stringify(value)}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { value, count: 1 });
  }
  return [...groups.values()];
}

/**
 * The same decision from distinct outputs with their counts: what a caller that only has counts (the
 * ingestion report, from a GROUP BY) uses, so it and compile cannot disagree on the same rows.
 */
export function inferOutputKindFromCounts(counts: readonly OutputCount[], override?: OutputKind, shapeOutput?: Shape): OutputKind {
  if (override) return override;
  const present = counts.filter(({ value: o, count }) => count > 0 && o !== null && o !== undefined && !(typeof o === 'string' && o.trim() === ''));
  let n = 0;
  for (const c of present) n += c.count;
  if (n === 0) return shapeOutput !== undefined && typeof shapeOutput !== 'string' ? 'json' : 'short';

  let json = 0;
  for (const c of present) if (isJsonOutput(c.value)) json += c.count;
  if (json >= JSON_MIN_SHARE * n) return 'json';

  if (present.every((c) => parseNumber(c.value) !== null)) return 'number';

  const texts = present.map((c) => ({ text: asText(c.value).trim(), count: c.count }));
  if (isClosedSet(texts.map((t) => ({ value: t.text, count: t.count })))) return 'label';

  const words = texts.map((t) => ({ words: wordCount(t.text), count: t.count })).sort((a, b) => a.words - b.words);
  // The k-th (0-based) row's word count in sorted order, walking the counts.
  const nth = (k: number) => {
    for (const w of words) {
      if (k < w.count) return w.words;
      k -= w.count;
    }
    return words[words.length - 1]!.words;
  };
  const median = n % 2 ? nth((n - 1) / 2) : (nth(n / 2 - 1) + nth(n / 2)) / 2;
  return median <= SHORT_MAX_MEDIAN_WORDS ? 'short' : 'long';
}

/**
 * The label rule on its own (see the header): short values that repeat, with few seen only once. Values
 * are compared as text, so 4 and "4" are one label. The composite recipe asks it of each JSON field too,
 * where numbers count as classes (a seat count is a class to a classifier).
 */
export function isClosedSet(counts: readonly OutputCount[]): boolean {
  const merged = new Map<string, number>();
  for (const { value, count } of counts) {
    if (count <= 0 || value === null || value === undefined) continue;
    const text = asText(value).trim();
    if (text === '') continue;
    if (text.length > LABEL_MAX_CHARS || wordCount(text) > LABEL_MAX_WORDS) return false;
    merged.set(text, (merged.get(text) ?? 0) + count);
  }
  let n = 0;
  let once = 0;
  for (const count of merged.values()) {
    n += count;
    if (count === 1) once++;
  }
  const d = merged.size;
  return d > 0 && n >= LABEL_MIN_ROWS_PER_LABEL * d && once <= LABEL_MAX_UNSEEN_SHARE * n;
}

/** The distinct training outputs as label strings (for the normalizer's case decision). */
export function labelSet(outputs: readonly unknown[]): string[] {
  const set = new Set<string>();
  for (const o of outputs) if (o !== null && o !== undefined) set.add(asText(o));
  return [...set];
}
