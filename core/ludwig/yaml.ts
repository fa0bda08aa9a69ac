// Read a Ludwig config.yaml keeping where every value came from, so that errors and refusals can name the
// line and column. Invalid YAML is E_BAD_YAML with the file, line and column of the first problem.
import { LineCounter, parseDocument, isMap, isSeq, isScalar, visit, type Document, type Node } from 'yaml';
import { KolmError } from '../errors.ts';

export type YamlPath = readonly (string | number)[];

export interface YamlPosition {
  line: number;
  column: number;
}

export interface LudwigYaml {
  /** The plain value (mappings are objects, sequences arrays). */
  value: unknown;
  /** The file name used in messages. */
  file: string;
  /** Where the value (or, failing that, the nearest parent that exists) at `path` starts; 1-based. */
  locate(path: YamlPath): YamlPosition | undefined;
}

/** `input_features[1].encoder.type`: how paths are written in messages. */
export function formatPath(path: YamlPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out || '(top level)';
}

/**
 * Parse YAML text. We use the YAML 1.2 core schema (`yes`/`on` stay strings, unlike PyYAML's 1.1 reading);
 * the translator accepts PyYAML's boolean spellings where a boolean is expected, so nothing is lost, and
 * keys such as `y` or `n` are never turned into booleans.
 */
export function parseLudwigYaml(text: string, file = 'config.yaml'): LudwigYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    const what = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new KolmError('E_BAD_YAML', `${file} is not valid YAML: ${what}${pos ? ` (line ${pos.line}, column ${pos.col})` : ''}`, {
      hint: 'fix the YAML at that line (indentation, an unclosed bracket or quote, a duplicate key)',
      place: { file, ...(pos ? { line: pos.line, column: pos.col } : {}) },
      details: doc.errors.map((e) => ({ code: e.code, line: e.linePos?.[0]?.line, column: e.linePos?.[0]?.col })),
    });
  }
  const value = toPlain(doc, lineCounter, file);

  const locate = (path: YamlPath): YamlPosition | undefined => {
    let node: unknown = doc.contents;
    let found: Node | undefined = isNodeLike(node) ? (node as Node) : undefined;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === seg);
        if (!pair) break;
        // Point at the key (`encoder:`), not at the first line of a block value under it.
        node = pair.value;
        if (isNodeLike(pair.key)) found = pair.key as Node;
        else if (isNodeLike(node)) found = node as Node;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg];
        if (item === undefined) break;
        node = item;
        if (isNodeLike(node)) found = node as Node;
      } else break;
    }
    const offset = found?.range?.[0];
    if (offset === undefined) return undefined;
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };

  return { value, file, locate };
}

// Aliases are YAML's own: `toJS` expands them, refusing an expansion past maxAliasCount (a "billion laughs"
// bomb) or an alias with no anchor by throwing plain errors; an alias inside its own anchor gives a cyclic
// value that every later step would choke on. All three are the user's YAML, so all three are E_BAD_YAML.
function toPlain(doc: Document, lineCounter: LineCounter, file: string): unknown {
  const refuse = (what: string) => {
    const pos = firstAliasPosition(doc, lineCounter);
    return new KolmError('E_BAD_YAML', `${file} is not a config kolm reads: ${what}${pos ? ` (line ${pos.line}, column ${pos.column})` : ''}`, {
      hint: 'write the values out instead of using YAML anchors and aliases (&name / *name)',
      place: { file, ...(pos ? { line: pos.line, column: pos.column } : {}) },
    });
  };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    const msg = (err as Error).message ?? String(err);
    throw refuse(/Excessive alias count/i.test(msg) ? 'its aliases expand to too many values (an alias bomb?)' : msg.split('\n')[0]!);
  }
  if (isCyclic(value)) throw refuse('an alias refers to a value that contains it, so the config never ends');
  return value;
}

function firstAliasPosition(doc: Document, lineCounter: LineCounter): YamlPosition | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  if (offset === undefined) return undefined;
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

function isCyclic(root: unknown): boolean {
  const onPath = new Set<object>();
  const done = new Set<object>(); // shared by aliases and already walked: each value is walked once
  const walk = (v: unknown): boolean => {
    if (v === null || typeof v !== 'object' || done.has(v)) return false;
    if (onPath.has(v)) return true;
    onPath.add(v);
    const children = v instanceof Map ? [...v.values()] : Object.values(v);
    const found = children.some(walk);
    onPath.delete(v);
    done.add(v);
    return found;
  };
  return walk(root);
}

function isNodeLike(x: unknown): boolean {
  return typeof x === 'object' && x !== null && 'range' in x;
}
