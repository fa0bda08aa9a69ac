// The K-score normalizer N (DESIGN §6): NFKC, trim, strip wrapping quotes and one trailing period, collapse
// whitespace, lowercase unless the label set has labels that differ only by case (then case carries meaning
// and is kept). Built once from the label set, applied to every prediction and reference.

export interface Normalizer {
  (text: string): string;
  /** True when the label set made case significant. */
  readonly caseSensitive: boolean;
}

const QUOTE_PAIRS: Record<string, string> = { '"': '"', "'": "'", '`': '`', '“': '”', '‘': '’', '«': '»', '„': '“' };
const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;
const WHITESPACE_RUN = /\s+/g;
const CACHE_LIMIT = 10_000;

/** N without the case step: NFKC, trim, wrapping quotes and a trailing period off, whitespace collapsed. */
export function normalizeKeepCase(text: string): string {
  // NFKC is the identity on printable ASCII; skipping it there is most of the normalizer's speed.
  let s = ASCII_PRINTABLE.test(text) ? text.trim() : text.normalize('NFKC').trim();
  // Quotes and the period may nest either way ("Paris." and "Paris".): strip the period on either side.
  let periodGone = false;
  if (s.endsWith('.')) {
    s = s.slice(0, -1).trimEnd();
    periodGone = true;
  }
  if (s.length >= 2 && QUOTE_PAIRS[s[0]!] === s[s.length - 1]) s = s.slice(1, -1).trim();
  if (!periodGone && s.endsWith('.')) s = s.slice(0, -1).trimEnd();
  return s.replace(WHITESPACE_RUN, ' ');
}

/** True when two distinct labels become equal once lowercased (e.g. "US" / "us"): case then matters. */
export function labelsDifferOnlyByCase(labels: Iterable<string>): boolean {
  const byLower = new Map<string, string>();
  for (const label of labels) {
    const kept = normalizeKeepCase(label);
    const lower = kept.toLowerCase();
    const seen = byLower.get(lower);
    if (seen !== undefined && seen !== kept) return true;
    byLower.set(lower, kept);
  }
  return false;
}

/** Build N for one task. `labels` (training outputs of a label task) decide whether case is kept. */
export function createNormalizer(options: { labels?: Iterable<string> } = {}): Normalizer {
  const caseSensitive = options.labels ? labelsDifferOnlyByCase(options.labels) : false;
  // Predictions and references repeat (a label set, a classifier's answers): cache them, bounded.
  const cache = new Map<string, string>();
  const normalize = (text: string): string => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const kept = normalizeKeepCase(text);
    const out = caseSensitive ? kept : kept.toLowerCase();
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, out);
    return out;
  };
  return Object.assign(normalize, { caseSensitive });
}

/** Any prediction or reference as text: strings as they are, other values as JSON. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
