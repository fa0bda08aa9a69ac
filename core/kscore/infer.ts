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
// Missing outputs (null, undefined, blank strings) are ignored; with none left the kind is "short".
import type { OutputKind } from '../spec/index.ts';
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

/** The output kind of a task from its training outputs; `override` (the spec's `output_kind`) wins. */
export function inferOutputKind(outputs: readonly unknown[], override?: OutputKind): OutputKind {
  if (override) return override;
  const present = outputs.filter((o) => o !== null && o !== undefined && !(typeof o === 'string' && o.trim() === ''));
  const n = present.length;
  if (n === 0) return 'short';

  let json = 0;
  for (const o of present) if (isJsonOutput(o)) json++;
  if (json >= JSON_MIN_SHARE * n) return 'json';

  if (present.every((o) => parseNumber(o) !== null)) return 'number';

  const texts = present.map((o) => asText(o).trim());
  const distinct = new Set(texts);
  const allShort = texts.every((t) => t.length <= LABEL_MAX_CHARS && wordCount(t) <= LABEL_MAX_WORDS);
  if (distinct.size <= LABEL_MAX_DISTINCT && n >= LABEL_MIN_ROWS_PER_LABEL * distinct.size && allShort) return 'label';

  const words = texts.map(wordCount).sort((a, b) => a - b);
  const median = n % 2 ? words[(n - 1) / 2]! : (words[n / 2 - 1]! + words[n / 2]!) / 2;
  return median <= SHORT_MAX_MEDIAN_WORDS ? 'short' : 'long';
}

/** The distinct training outputs as label strings (for the normalizer's case decision). */
export function labelSet(outputs: readonly unknown[]): string[] {
  const set = new Set<string>();
  for (const o of outputs) if (o !== null && o !== undefined) set.add(asText(o));
  return [...set];
}
