// The template's inverse: given text that a client rendered with the spec's prompt template, read back
// the text each field rendered as. `kolm serve` uses it to turn LoRAX's already-rendered `inputs` back
// into the artifact's input fields.
//
// Tolerant of whitespace the template does not make meaningful: a run of whitespace inside a literal
// ("\nSlots: ") matches any run of whitespace (newlines for spaces, two spaces for one), and the text may
// carry extra whitespace at its start and end. A literal that is only whitespace, between two fields, is
// the fields' separator, so it must appear as written. No regular expression runs on the text, and the
// cost is linear by construction: a literal is looked for (KMP) in the text with each whitespace run
// collapsed to one space, so finding it costs O(text + literal) however many near-matches the text holds
// (a forward scan with a check at each candidate was O(text × literal): minutes for a crafted 2 MB body).
import { SPECIAL_FIELDS, type ParsedTemplate } from './template.ts';

/** A literal as segments: text that must appear exactly, and whitespace runs (any run of ≥ 1 matches). */
type Segment = string | null;

interface Literal {
  segments: Segment[];
  /** Whitespace that must appear as written (a separator between two fields): searched in the text itself. */
  exact?: boolean;
  /** What it looks like in collapsed text (each whitespace segment one space), and its KMP table. */
  needle?: string;
  fail?: Int32Array;
}

function failure(needle: string): Int32Array {
  const fail = new Int32Array(needle.length);
  for (let i = 1, k = 0; i < needle.length; i++) {
    while (k > 0 && needle.charCodeAt(i) !== needle.charCodeAt(k)) k = fail[k - 1]!;
    if (needle.charCodeAt(i) === needle.charCodeAt(k)) k++;
    fail[i] = k;
  }
  return fail;
}

/** The first index at or after `from` where `needle` occurs in `hay` (Knuth–Morris–Pratt: linear), or -1. */
function kmp(hay: string, needle: string, fail: Int32Array, from: number): number {
  const m = needle.length;
  if (m === 0) return from <= hay.length ? from : -1;
  for (let i = from, k = 0; i < hay.length; i++) {
    const c = hay.charCodeAt(i);
    while (k > 0 && c !== needle.charCodeAt(k)) k = fail[k - 1]!;
    if (c === needle.charCodeAt(k)) k++;
    if (k === m) return i - m + 1;
  }
  return -1;
}

function literal(segments: Segment[], exact: boolean): Literal {
  const needle = segments.map((s) => s ?? ' ').join('');
  return { segments, exact, needle, fail: failure(needle) };
}

/** The text with each whitespace run as one space; `orig[k]` is where collapsed char k starts in the text (`orig[length]` = its end). */
interface Collapsed {
  text: string;
  orig: Int32Array;
}

function collapse(text: string): Collapsed {
  const orig = new Int32Array(text.length + 1);
  const codes = new Uint16Array(text.length);
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isWs(c)) {
      codes[k] = c;
      orig[k++] = i;
    } else if (i === 0 || !isWs(text.charCodeAt(i - 1))) {
      codes[k] = 32;
      orig[k++] = i;
    }
  }
  orig[k] = text.length;
  // Code units as they are (lone surrogates too), a block at a time.
  const parts: string[] = [];
  for (let i = 0; i < k; i += 8192) parts.push(String.fromCharCode(...codes.subarray(i, Math.min(k, i + 8192))));
  return { text: parts.join(''), orig: orig.subarray(0, k + 1) };
}

/** The collapsed char holding text position `pos`: the space of its run when `pos` is inside one. */
function collapsedAt(c: Collapsed, pos: number): number {
  let lo = 0;
  let hi = c.orig.length - 1;
  // The last k with orig[k] <= pos.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (c.orig[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const isWs = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x1680 || c === 0x202f || c === 0x205f || c === 0x85;

function segmentsOf(text: string, exact: boolean): Segment[] {
  if (exact) return text ? [text] : [];
  const out: Segment[] = [];
  let i = 0;
  while (i < text.length) {
    const ws = isWs(text.charCodeAt(i));
    let j = i;
    while (j < text.length && isWs(text.charCodeAt(j)) === ws) j++;
    out.push(ws ? null : text.slice(i, j));
    i = j;
  }
  return out;
}

/** Where `lit` ends when it matches `text` starting exactly at `pos`, or -1. */
function matchAt(lit: Literal, text: string, pos: number): number {
  let i = pos;
  for (const seg of lit.segments) {
    if (seg === null) {
      if (i >= text.length || !isWs(text.charCodeAt(i))) return -1;
      while (i < text.length && isWs(text.charCodeAt(i))) i++;
    } else {
      if (!text.startsWith(seg, i)) return -1;
      i += seg.length;
    }
  }
  return i;
}

/** A text to search in: the text, and its collapsed form made on first use. */
interface Hay {
  text: string;
  collapsed?: Collapsed;
}

const collapsedOf = (hay: Hay) => (hay.collapsed ??= collapse(hay.text));

/** The first match of `lit` at or after `from`: [start, end], or null. Linear in text + literal. */
function findFirst(lit: Literal, hay: Hay, from: number): [number, number] | null {
  const { text } = hay;
  if (lit.exact) {
    const s = kmp(text, lit.needle!, lit.fail!, from);
    return s < 0 ? null : [s, s + lit.needle!.length];
  }
  if (from >= text.length) return null;
  const c = collapsedOf(hay);
  const k = kmp(c.text, lit.needle!, lit.fail!, collapsedAt(c, from));
  if (k < 0) return null;
  return [Math.max(c.orig[k]!, from), c.orig[k + lit.needle!.length]!];
}

/** The start (at or after `from`) of the match of `lit` that ends the text, or -1. */
function findLastTo(lit: Literal, hay: Hay, from: number): number {
  const { text } = hay;
  const n = lit.needle!.length;
  if (lit.exact) {
    const s = text.length - n;
    return s >= from && text.startsWith(lit.needle!, s) ? s : -1;
  }
  if (from >= text.length) return -1;
  const c = collapsedOf(hay);
  const k = c.text.length - n;
  if (k < collapsedAt(c, from) || !c.text.startsWith(lit.needle!, k)) return -1;
  return Math.max(c.orig[k]!, from);
}

/**
 * An empty field between a literal that ended in whitespace and one that opens with it: the first literal
 * took the whole run, so the second matches from here without its opening whitespace.
 */
function emptyBefore(lit: Literal, text: string, pos: number, begin: number, mustEnd: number): boolean {
  if (lit.segments[0] !== null || pos <= begin || !isWs(text.charCodeAt(pos - 1))) return false;
  const e = matchAt({ segments: lit.segments.slice(1) }, text, pos);
  return e >= 0 && (mustEnd < 0 || e === mustEnd);
}

type Part = { kind: 'literal'; lit: Literal } | { kind: 'field'; name: string; repeat: boolean };

/**
 * A matcher for text rendered from `template`: field name → the text it rendered as, or null when the
 * text was not rendered from it. Fields match lazily (up to the first place the next literal matches),
 * the last one greedily; a field used twice must render the same text both times.
 */
export function templateMatcher(template: ParsedTemplate): (text: string) => Record<string, string> | null {
  const raw = template.parts;
  const parts: Part[] = [];
  const seen = new Set<string>();
  raw.forEach((part, i) => {
    if (part.kind === 'field') {
      const repeat = seen.has(part.name) && !SPECIAL_FIELDS.includes(part.name);
      seen.add(part.name);
      parts.push({ kind: 'field', name: part.name, repeat });
      return;
    }
    let text = part.text;
    if (i === 0) text = text.replace(/^\s+/, '');
    if (i === raw.length - 1) text = text.replace(/\s+$/, '');
    // Whitespace alone between two fields separates them: it must appear as written.
    const exact = /^\s+$/.test(text) && i > 0 && i < raw.length - 1;
    const segments = segmentsOf(text, exact);
    if (segments.length) parts.push({ kind: 'literal', lit: literal(segments, exact) });
  });

  return (input) => {
    let begin = 0;
    while (begin < input.length && isWs(input.charCodeAt(begin))) begin++;
    let end = input.length;
    while (end > begin && isWs(input.charCodeAt(end - 1))) end--;
    const text = input.slice(0, end);
    const hay: Hay = { text };
    const out: Record<string, string> = {};
    let pos = begin;
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k]!;
      if (part.kind === 'literal') {
        let e = matchAt(part.lit, text, pos);
        // After an empty field, the literal before may have taken the whitespace this one opens with.
        if (e < 0 && part.lit.segments[0] === null && pos > begin && isWs(text.charCodeAt(pos - 1))) e = matchAt({ segments: part.lit.segments.slice(1) }, text, pos);
        if (e < 0) return null;
        pos = e;
        continue;
      }
      if (part.repeat) {
        const again = matchAt({ segments: segmentsOf(out[part.name]!, false) }, text, pos);
        if (again < 0) return null;
        pos = again;
        continue;
      }
      const next = parts[k + 1];
      const last = k + 1 === parts.length - 1;
      let valueEnd: number;
      if (next === undefined) valueEnd = end;
      else if (next.kind === 'field') valueEnd = pos; // two fields with nothing between: the first is empty
      else if (emptyBefore(next.lit, text, pos, begin, last ? end : -1)) valueEnd = pos;
      else if (last) {
        // The last literal ends the text: the field takes everything before it (greedy).
        const s = findLastTo(next.lit, hay, pos);
        if (s < 0) return null;
        valueEnd = s;
      } else {
        const m = findFirst(next.lit, hay, pos);
        if (!m) return null;
        valueEnd = m[0];
      }
      if (!SPECIAL_FIELDS.includes(part.name)) out[part.name] = text.slice(pos, valueEnd);
      pos = valueEnd;
    }
    return pos === end ? out : null;
  };
}
