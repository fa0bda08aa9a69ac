// The input and output features of a Ludwig config, read and checked once for every route; and the
// feature-level keys that do not survive the move to text-to-text, each warned by name.
import { closestName } from '../errors.ts';
import { sanitizeColumnName } from '../prompt/index.ts';
import { isObj, type LocatedReader, type Obj } from './located.ts';
import type { YamlPath } from './yaml.ts';

const FEATURE_TYPES = [
  'audio', 'bag', 'binary', 'category', 'category_distribution', 'date', 'h3', 'image', 'number',
  'sequence', 'set', 'text', 'timeseries', 'vector', 'anomaly',
];

export interface Feature {
  index: number;
  path: YamlPath;
  raw: Obj;
  name: string;
  type: string;
  /** Sanitized column name (Ludwig renames dataset columns the same way). */
  column: string;
}

export function readFeatures(ctx: LocatedReader, root: Obj, key: 'input_features' | 'output_features'): Feature[] {
  const list = root[key];
  if (!Array.isArray(list) || list.length === 0) {
    throw ctx.error([key], `must be a non-empty list of features, got ${list === undefined ? 'nothing' : JSON.stringify(list)}`,
      `list the ${key === 'input_features' ? 'input' : 'output'} columns, e.g. ${key}: [{name: ${key === 'input_features' ? 'prompt' : 'response'}, type: text}]`);
  }
  return list.map((raw, index) => {
    const path = [key, index];
    if (!isObj(raw)) throw ctx.error(path, 'must be a mapping with name and type', 'write each feature as {name: column, type: text}');
    const name = ctx.str([...path, 'name'], raw.name);
    const type = ctx.str([...path, 'type'], raw.type);
    if (!FEATURE_TYPES.includes(type)) {
      const near = closestName(type, FEATURE_TYPES);
      throw ctx.error([...path, 'type'], `unknown feature type ${JSON.stringify(type)}`, near ? `did you mean ${near}?` : `use one of ${FEATURE_TYPES.join(', ')}`);
    }
    const column = raw.column === undefined || raw.column === null ? name : ctx.str([...path, 'column'], raw.column);
    return { index, path, raw, name, type, column: sanitizeColumnName(column) };
  });
}

/** How messages name a feature: `input_features[0] (prompt: text)`. */
export const featureLabel = (f: Feature, key: 'input_features' | 'output_features') => `${key}[${f.index}] (${f.name}: ${f.type})`;

/** Feature-level keys that do not survive the move to text-to-text. */
export function featureWarnings(ctx: LocatedReader, input: Feature | Feature[], output: Feature, modelType: 'llm' | 'ecd'): void {
  const inputs = Array.isArray(input) ? input : [input];
  for (const f of inputs) {
    for (const [k, v] of Object.entries(f.raw)) {
      if (['name', 'type', 'column', 'proc_column', 'active', 'preprocessing'].includes(k) || v === null || v === undefined) continue;
      if (k === 'encoder') {
        const type = isObj(v) ? v.type : v;
        ctx.warn([...f.path, 'encoder'], `dropped${type ? ` (type: ${String(type)})` : ''}: encoder weights are not transferable`);
      } else if (k === 'tied') ctx.warn([...f.path, 'tied'], 'dropped: weight tying between features has no text-to-text equivalent');
      else ctx.warn([...f.path, k], 'not carried');
    }
    const pre = f.raw.preprocessing;
    if (isObj(pre)) {
      for (const [k, v] of Object.entries(pre)) {
        if (k === 'prompt' || v === null || v === undefined) continue;
        if (k === 'lowercase' && v === true) ctx.warn([...f.path, 'preprocessing', k], 'not carried: Ludwig lowercased this input; kolm keeps the case (lowercase the data first to match)');
        else if (modelType === 'llm' && k === 'max_sequence_length') ctx.warn([...f.path, 'preprocessing', k], `not carried (${String(v)}): inputs are not truncated`);
        else ctx.warn([...f.path, 'preprocessing', k], `not carried (${JSON.stringify(v)})`);
      }
    }
  }
  for (const [k, v] of Object.entries(output.raw)) {
    if (['name', 'type', 'column', 'proc_column', 'active', 'preprocessing'].includes(k) || v === null || v === undefined) continue;
    if (modelType === 'llm' && output.type === 'category' && k === 'decoder') continue; // warned with the category output
    ctx.warn([...output.path, k], k === 'decoder' || k === 'loss' ? 'dropped: the output head is not transferable' : 'not carried');
  }
  const pre = output.raw.preprocessing;
  if (isObj(pre)) {
    for (const [k, v] of Object.entries(pre)) {
      if (v === null || v === undefined) continue;
      if (k === 'max_sequence_length' && modelType === 'llm') continue; // used for max_new_tokens
      if (k === 'fallback_label' && modelType === 'llm') continue; // warned with the category output
      ctx.warn([...output.path, 'preprocessing', k], `not carried (${JSON.stringify(v)})`);
    }
  }
}
