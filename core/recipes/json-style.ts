// How JSON outputs are written in the training data (JSON strings or objects; key order; Python json.dumps
// or compact separators; \u escaping; how an absent field is written), learned once and used to render
// predictions that look like the gold outputs. Shared by the extract and composite recipes.
import type { Example, Input } from '../runtime/types.ts';

export type OutMode = 'string' | 'json-string' | 'json-object';
export type KeyOrder = 'sorted' | 'input' | 'rank';
export type Absent = 'omit' | 'null' | 'empty';

export interface OutputStyle {
  mode: OutMode;
  order: KeyOrder;
  /** Between items and between key and value in rendered JSON strings (Python json.dumps: ", " and ": "). */
  itemSep: string;
  keySep: string;
  /** Escape non-ASCII as \uXXXX (Python's ensure_ascii default). */
  ascii: boolean;
  /** Per field, how a field with no span is written. */
  absent: Absent[];
  /** Fields in their learned order (used when order is 'rank'). */
  rank: string[];
}


/** An output as a JSON object (parsing JSON strings), or null when it is not one. */
export function parseObject(output: unknown): Record<string, unknown> | null {
  let v = output;
  if (typeof v === 'string') {
    const t = v.trim();
    if (!t.startsWith('{')) return null;
    try {
      v = JSON.parse(t);
    } catch {
      return null;
    }
  }
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/**
 * The style the training outputs are written in, so predictions look like them. `inputPos` says where a
 * value sits in an input (for the "order of appearance" key order); recipes without spans pass () => 0.
 */
export function learnStyle(
  train: readonly Example[],
  mode: OutMode,
  fields: string[],
  objects: (Record<string, unknown> | null)[],
  inputPos: (input: Input, value: string) => number,
): OutputStyle {
  // Absent fields: omitted, null, or "" — whichever the training outputs use for a field most.
  const absent: Absent[] = fields.map((f) => {
    let omit = 0;
    let nul = 0;
    let empty = 0;
    for (const o of objects) {
      if (!o) continue;
      if (!(f in o)) omit++;
      else if (o[f] === null) nul++;
      else if (o[f] === '') empty++;
    }
    return nul > omit && nul >= empty ? 'null' : empty > omit && empty > nul ? 'empty' : 'omit';
  });
  const base: OutputStyle = { mode, order: 'sorted', itemSep: ', ', keySep: ': ', ascii: false, absent, rank: fields.slice() };
  if (mode === 'string') return base;

  // Learned rank: mean relative position of each key in the training outputs.
  const posSum = new Map<string, number>();
  const posN = new Map<string, number>();
  for (const o of objects) {
    const keys = Object.keys(o ?? {});
    keys.forEach((k, i) => {
      posSum.set(k, (posSum.get(k) ?? 0) + (keys.length > 1 ? i / (keys.length - 1) : 0.5));
      posN.set(k, (posN.get(k) ?? 0) + 1);
    });
  }
  const rank = fields.slice().sort((a, b) => (posSum.get(a)! / posN.get(a)!) - (posSum.get(b)! / posN.get(b)!) || (a < b ? -1 : 1));
  const rankOf = new Map(rank.map((f, i) => [f, i]));

  // Key order: the rule that reproduces the most multi-key training outputs; ties prefer sorted.
  const orders: KeyOrder[] = ['sorted', 'rank', 'input'];
  const orderHits = [0, 0, 0];
  train.forEach((e, i) => {
    const o = objects[i];
    if (!o) return;
    const keys = Object.keys(o).filter((k) => typeof o[k] === 'string' && o[k] !== '');
    if (keys.length < 2) return;
    const byInput = keys.slice().sort((a, b) => inputPos(e.input, o[a] as string) - inputPos(e.input, o[b] as string));
    const candidates = [keys.slice().sort(), keys.slice().sort((a, b) => rankOf.get(a)! - rankOf.get(b)!), byInput];
    candidates.forEach((c, j) => {
      if (c.join('\u0000') === keys.join('\u0000')) orderHits[j]!++;
    });
  });
  let order: KeyOrder = 'sorted';
  let best = orderHits[0]!;
  orderHits.forEach((h, j) => {
    if (h > best) {
      best = h;
      order = orders[j]!;
    }
  });
  const style: OutputStyle = { ...base, order, rank };
  if (mode === 'json-object') return style;

  // Separators and escaping: the combination that re-renders the most raw training strings exactly.
  let bestStyle = style;
  let bestMatch = -1;
  for (const itemSep of [', ', ',']) {
    for (const keySep of [': ', ':']) {
      for (const ascii of [false, true]) {
        const s: OutputStyle = { ...style, itemSep, keySep, ascii };
        let match = 0;
        train.forEach((e, i) => {
          const o = objects[i];
          if (!o || typeof e.output !== 'string') return;
          if (renderJsonString(Object.keys(o), (k) => o[k], s) === e.output.trim()) match++;
        });
        if (match > bestMatch) {
          bestMatch = match;
          bestStyle = s;
        }
      }
    }
  }
  return bestStyle;
}

function quote(s: string, ascii: boolean): string {
  const q = JSON.stringify(s);
  return ascii ? q.replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')) : q;
}

/** Renders keys in the given order as a JSON object string in `style`'s separators. */
export function renderJsonString(keys: readonly string[], value: (k: string) => unknown, style: OutputStyle): string {
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const v = value(k);
    if (i > 0) out += style.itemSep;
    out += quote(k, style.ascii) + style.keySep + (typeof v === 'string' ? quote(v, style.ascii) : JSON.stringify(v ?? null));
  }
  return out + '}';
}
