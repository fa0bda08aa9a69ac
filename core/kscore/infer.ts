// Which metric a task is scored with (DESIGN §6): inferred once from the training outputs, overridden by
// the spec's `output_kind`. The rules, in order (first match wins):
//
//   json    at least 95 % of outputs are JSON objects/arrays, or strings that parse as one (bus-slots'
//           outputs are strings like "{\"to_location\": \"New York\"}"); a few non-JSON stragglers are data
//           noise, not a different task;
//   number  every output is a number or a numeric string ("3", "-0.25", "1,200");
//   label   a closed set: at most 50 distinct outputs, at least 3 rows per distinct output on average
//           (n ≥ 3·d, so the set is small relative to the rows and values repeat), and every output short
//           (≤ 5 words and ≤ 64 characters) so free text that happens to repeat is not mistaken for labels;
//   short   the median output is at most 8 words (SQuAD-style answers, names, dates);
//   long    everything else (generation), scored with ROUGE-L.
//
// Missing outputs (null, undefined, blank strings) are ignored; with none left the kind is "short" (or
// "json" when the spec's output shape is an object: outputKindFor).
import type { OutputKind, Shape, Spec } from '../spec/index.ts';
import { parseNumber } from './metrics.ts';
import { asText } from './normalize.ts';

export const JSON_MIN_SHARE = 0.95;
export const LABEL_MAX_DISTINCT = 50;
export const LABEL_MIN_ROWS_PER_LABEL = 3;
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
  const distinct = new Set(texts.map((t) => t.text));
  const allShort = texts.every(({ text }) => text.length <= LABEL_MAX_CHARS && wordCount(text) <= LABEL_MAX_WORDS);
  if (distinct.size <= LABEL_MAX_DISTINCT && n >= LABEL_MIN_ROWS_PER_LABEL * distinct.size && allShort) return 'label';

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

/** The distinct training outputs as label strings (for the normalizer's case decision). */
export function labelSet(outputs: readonly unknown[]): string[] {
  const set = new Set<string>();
  for (const o of outputs) if (o !== null && o !== undefined) set.add(asText(o));
  return [...set];
}
