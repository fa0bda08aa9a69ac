// What an extract task looks like, read off the training examples: which input field the spans come from,
// which other fields are context, the output fields, and how outputs are written (so predictions look like
// the training outputs). `analyzeTask` returns a reason string when the data is not a span task.
import type { Example, Input } from '../../runtime/types.ts';
import { tokenize, type Tokens } from './tokenize.ts';
import { learnStyle, parseObject, type OutMode, type OutputStyle } from '../json-style.ts';

export { renderJsonString, type OutputStyle } from '../json-style.ts';

export interface TaskShape {
  inputMode: 'string' | 'object';
  /** The input field the spans are cut from ('' for string inputs). */
  source: string;
  /** Other input fields, used as global context features. */
  context: string[];
  /** Output fields; one field named '' for plain string outputs. */
  fields: string[];
  style: OutputStyle;
}

/** An example as the learner sees it: source text, context strings, and gold value per field ('' = none). */
export interface Labeled {
  text: string;
  context: string[];
  values: string[];
}

/** Shares of values that must be spans; below these the data is not an extract task. */
const MIN_SPAN_SHARE = 0.9;
const MIN_FIELD_SPAN_SHARE = 0.8;
const MAX_FIELDS = 120;
const MAX_CONTEXT_FIELDS = 8;

export function fieldText(input: Input, name: string): string {
  if (typeof input === 'string') return name === '' ? input : '';
  const v = (input as Record<string, unknown>)[name];
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

/** Finds `value` in `text`: exact first, then ignoring case. Returns [start, end) or null. */
export function locate(text: string, value: string, from = 0): [number, number] | null {
  let i = text.indexOf(value, from);
  if (i < 0) {
    const lt = text.toLowerCase();
    const lv = value.toLowerCase();
    if (lt.length === text.length && lv.length === value.length) i = lt.indexOf(lv, from);
  }
  return i < 0 ? null : [i, i + value.length];
}

/** Token index range [first, last] exactly covering [s, e), or null when the span cuts a token. */
export function alignSpan(tokens: Tokens, s: number, e: number): [number, number] | null {
  let first = -1;
  let last = -1;
  for (let k = 0; k < tokens.count; k++) {
    if (tokens.start[k] === s) first = k;
    if (tokens.end[k] === e) {
      last = k;
      break;
    }
  }
  return first >= 0 && last >= first ? [first, last] : null;
}

function isSpanOf(text: string, value: string): boolean {
  const loc = locate(text, value);
  if (!loc) return false;
  return alignSpan(tokenize(text), loc[0], loc[1]) !== null;
}

/** Reads the task off the examples, or says why extract does not apply. */
export function analyzeTask(train: readonly Example[]): TaskShape | string {
  if (train.length === 0) return 'no training examples';
  const inputMode = train.every((e) => typeof e.input === 'string')
    ? 'string'
    : train.every((e) => e.input !== null && typeof e.input === 'object')
      ? 'object'
      : null;
  if (!inputMode) return 'inputs mix plain strings and objects';
  const inputFields = new Set<string>();
  if (inputMode === 'object') {
    for (const e of train) for (const [k, v] of Object.entries(e.input as Record<string, unknown>)) {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null) inputFields.add(k);
    }
    if (inputFields.size === 0) return 'input objects have no text fields';
  } else inputFields.add('');
  const names = [...inputFields].sort();

  // Output mode: objects, JSON strings of objects, or plain strings.
  const objects = train.map((e) => parseObject(e.output));
  const nObjects = objects.filter((o) => o !== null).length;
  let mode: OutMode;
  if (nObjects >= 0.95 * train.length) {
    mode = train.every((e) => typeof e.output === 'string' || parseObject(e.output) === null) ? 'json-string' : 'json-object';
    if (train.some((e) => typeof e.output === 'string') && train.some((e) => typeof e.output === 'object' && e.output !== null)) {
      return 'outputs mix JSON strings and objects';
    }
  } else if (nObjects > 0.05 * train.length) {
    return `only ${nObjects} of ${train.length} outputs are JSON objects`;
  } else if (train.every((e) => typeof e.output === 'string' || e.output === null || e.output === undefined)) {
    mode = 'string';
  } else return 'outputs are neither strings nor JSON objects of strings';

  // Gold values per example per field.
  const fieldSet = new Set<string>();
  const rows: Map<string, string>[] = [];
  if (mode === 'string') {
    fieldSet.add('');
    for (const e of train) rows.push(new Map(typeof e.output === 'string' && e.output.trim() !== '' ? [['', e.output]] : []));
  } else {
    const nonString = new Map<string, number>();
    for (const o of objects) {
      const m = new Map<string, string>();
      for (const [k, v] of Object.entries(o ?? {})) {
        fieldSet.add(k);
        if (v === null || v === '') continue;
        if (typeof v !== 'string') {
          nonString.set(k, (nonString.get(k) ?? 0) + 1);
          continue;
        }
        m.set(k, v);
      }
      rows.push(m);
    }
    for (const [k, n] of nonString) {
      return `field "${k}" holds ${n} non-string value(s) (numbers, lists or objects); extract only cuts text spans`;
    }
  }
  const fields = [...fieldSet].sort();
  if (fields.length > MAX_FIELDS) return `${fields.length} output fields; extract handles at most ${MAX_FIELDS}`;
  const nValues = rows.reduce((a, m) => a + m.size, 0);
  if (nValues === 0) return 'every training output is empty: nothing to learn spans from';

  // Source field: the input field holding the most values as token-aligned spans.
  let source = names[0]!;
  let bestHits = -1;
  for (const name of names) {
    let hits = 0;
    train.forEach((e, i) => {
      const text = fieldText(e.input, name);
      for (const v of rows[i]!.values()) if (isSpanOf(text, v.trim())) hits++;
    });
    if (hits > bestHits) {
      bestHits = hits;
      source = name;
    }
  }
  const where = source === '' ? 'the input' : `input field "${source}"`;
  // A field that is mostly not a span is named first: the most useful thing to tell the user.
  for (const f of mode === 'string' ? [] : fields) {
    let n = 0;
    let hit = 0;
    train.forEach((e, i) => {
      const v = rows[i]!.get(f);
      if (v === undefined) return;
      n++;
      if (isSpanOf(fieldText(e.input, source), v.trim())) hit++;
    });
    if (n >= 5 && hit / n < MIN_FIELD_SPAN_SHARE) {
      return `field "${f}" is a span of ${where} in only ${hit} of ${n} rows: it looks like a label (the composite recipe handles those)`;
    }
  }
  const share = bestHits / nValues;
  if (share < MIN_SPAN_SHARE) {
    return `only ${bestHits} of ${nValues} output values (${(share * 100).toFixed(0)}%) are spans of ${where}; extract needs ${MIN_SPAN_SHARE * 100}%`;
  }
  const context = names.filter((n) => n !== source).slice(0, MAX_CONTEXT_FIELDS);
  return {
    inputMode,
    source,
    context,
    fields,
    style: learnStyle(train, mode, fields, objects, inputPos),
  };
}

/** The learner's view of one example under `shape`. */
export function labelExample(e: Example, shape: TaskShape): Labeled {
  const values = shape.fields.map(() => '');
  if (shape.style.mode === 'string') {
    if (typeof e.output === 'string') values[0] = e.output.trim();
  } else {
    const o = parseObject(e.output) ?? {};
    shape.fields.forEach((f, k) => {
      const v = o[f];
      if (typeof v === 'string') values[k] = v.trim();
    });
  }
  return { text: fieldText(e.input, shape.source), context: shape.context.map((c) => fieldText(e.input, c)), values };
}

function inputPos(input: Input, value: string): number {
  const texts = typeof input === 'string' ? [input] : Object.values(input).filter((v): v is string => typeof v === 'string');
  for (const t of texts) {
    const loc = locate(t, value);
    if (loc) return loc[0];
  }
  return Number.MAX_SAFE_INTEGER;
}
