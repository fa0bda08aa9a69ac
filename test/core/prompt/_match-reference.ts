// The forward-scan matcher as it was before the linear rewrite (O(text × literal)): the oracle the linear
// one must agree with on small generated inputs.
// The template's inverse: given text that a client rendered with the spec's prompt template, read back
// the text each field rendered as. `kolm serve` uses it to turn LoRAX's already-rendered `inputs` back
// into the artifact's input fields.
//
// Tolerant of whitespace the template does not make meaningful: a run of whitespace inside a literal
// ("\nSlots: ") matches any run of whitespace (newlines for spaces, two spaces for one), and the text may
// carry extra whitespace at its start and end. A literal that is only whitespace, between two fields, is
// the fields' separator, so it must appear as written. No regular expression runs on the text: each
// literal is found by a forward scan, so matching costs O(text length × literal length), never backtracks.
import { SPECIAL_FIELDS, type ParsedTemplate } from '../../../core/prompt/template.ts';

/** A literal as segments: text that must appear exactly, and whitespace runs (any run of ≥ 1 matches). */
type Segment = string | null;

interface Literal {
  segments: Segment[];
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

/**
 * Each place at or after `from` where a match of `lit` may start, in order: where its first text occurs,
 * or the start of a whitespace run when it opens with whitespace (so a long run is walked once, not once
 * per character).
 */
function* starts(lit: Literal, text: string, from: number): Generator<number> {
  const first = lit.segments[0];
  if (first === undefined) return;
  if (first !== null) {
    for (let i = text.indexOf(first, from); i >= 0; i = text.indexOf(first, i + 1)) yield i;
    return;
  }
  for (let i = from; i < text.length; i++) {
    if (isWs(text.charCodeAt(i)) && (i === from || !isWs(text.charCodeAt(i - 1)))) yield i;
  }
}

/** The first match of `lit` at or after `from`: [start, end], or null. */
function findFirst(lit: Literal, text: string, from: number): [number, number] | null {
  for (const s of starts(lit, text, from)) {
    const e = matchAt(lit, text, s);
    if (e >= 0) return [s, e];
  }
  return null;
}

/** The last start at or after `from` where `lit` matches up to exactly `end` (= text.length), or -1. */
function findLastTo(lit: Literal, text: string, from: number, end: number): number {
  let found = -1;
  for (const s of starts(lit, text, from)) {
    if (s > end) break;
    if (matchAt(lit, text, s) === end) found = s;
  }
  return found;
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
    if (segments.length) parts.push({ kind: 'literal', lit: { segments } });
  });

  return (input) => {
    let begin = 0;
    while (begin < input.length && isWs(input.charCodeAt(begin))) begin++;
    let end = input.length;
    while (end > begin && isWs(input.charCodeAt(end - 1))) end--;
    const text = input.slice(0, end);
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
        const s = findLastTo(next.lit, text, pos, end);
        if (s < 0) return null;
        valueEnd = s;
      } else {
        const m = findFirst(next.lit, text, pos);
        if (!m) return null;
        valueEnd = m[0];
      }
      if (!SPECIAL_FIELDS.includes(part.name)) out[part.name] = text.slice(pos, valueEnd);
      pos = valueEnd;
    }
    return pos === end ? out : null;
  };
}
