// `response_format` on a recipe artifact. A recipe does not sample tokens, so it cannot be steered by a
// grammar as a language model is; instead its output is put in the shape the schema asks for when that is
// possible (a label as a JSON string, or as the one field of an object; an extraction as the object of its
// fields), the result is checked against the schema, and anything else is refused with the reason. Never
// silently ignored.
import type { Manifest } from '../artifact/index.ts';
import { validationError } from './errors.ts';
import type { ResponseFormat } from './params.ts';

type Schema = Record<string, unknown>;

const isObj = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Follow a local `$ref` (`#/$defs/X`, `#/definitions/X`), as pydantic writes nested models and enums. */
function deref(s: unknown, root: unknown): Schema {
  let cur = s;
  for (let hops = 0; hops < 16 && isObj(cur) && typeof cur.$ref === 'string'; hops++) {
    const path = cur.$ref.startsWith('#/') ? cur.$ref.slice(2).split('/') : null;
    if (!path) throw refuse(`its $ref "${cur.$ref}" is not a local reference (#/$defs/...)`);
    let next: unknown = root;
    for (const key of path) next = isObj(next) ? next[key.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    if (next === undefined) throw refuse(`its $ref "${cur.$ref}" points at nothing`);
    cur = next;
  }
  return isObj(cur) ? cur : {};
}

function types(s: Schema): string[] | undefined {
  if (typeof s.type === 'string') return [s.type];
  if (Array.isArray(s.type)) return s.type.filter((t): t is string => typeof t === 'string');
  if (Array.isArray(s.enum)) return [...new Set(s.enum.map(jsonType))];
  if ('const' in s) return [jsonType(s.const)];
  return undefined;
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** The alternatives of an anyOf/oneOf (pydantic's Optional[X] is anyOf [X, null]), or the schema itself. */
function branches(s: Schema, root: unknown): Schema[] {
  const alt = Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : null;
  return alt ? alt.map((b) => deref(b, root)) : [s];
}

function admits(s: Schema, root: unknown, type: string): boolean {
  return branches(s, root).some((b) => {
    const t = types(b);
    return t === undefined || t.includes(type) || (type === 'integer' && t.includes('number'));
  });
}

const refuse = (why: string) => validationError(`\`response_format\` cannot be honoured by this recipe artifact: ${why}`);

/** Why `value` does not validate against `s`, or null when it does (the keywords a plan relies on). */
export function schemaProblem(value: unknown, s0: unknown, root: unknown, at = '(root)'): string | null {
  const s = deref(s0, root);
  const alt = Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : null;
  if (alt) {
    const problems = alt.map((b) => schemaProblem(value, b, root, at));
    if (!problems.includes(null)) return problems[0] ?? `${at}: matches none of the alternatives`;
  }
  const t = types(s);
  const vt = jsonType(value);
  if (t && !t.includes(vt) && !(vt === 'integer' && t.includes('number'))) return `${at} is ${vt}, the schema wants ${t.join(' or ')}`;
  if (Array.isArray(s.enum) && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
    return `${at} is ${JSON.stringify(value)}, not one of the schema's enum ${JSON.stringify(s.enum)}`;
  }
  if ('const' in s && JSON.stringify(s.const) !== JSON.stringify(value)) return `${at} is ${JSON.stringify(value)}, the schema's const is ${JSON.stringify(s.const)}`;
  if (isObj(value)) {
    const props = isObj(s.properties) ? s.properties : {};
    for (const r of Array.isArray(s.required) ? s.required : []) if (typeof r === 'string' && !(r in value)) return `${at} has no \`${r}\`, which the schema requires`;
    for (const [k, v] of Object.entries(value)) {
      if (k in props) {
        const p = schemaProblem(v, props[k], root, at === '(root)' ? k : `${at}.${k}`);
        if (p) return p;
      } else if (s.additionalProperties === false) return `${at} has \`${k}\`, which the schema does not allow`;
    }
  }
  if (Array.isArray(value) && s.items !== undefined) {
    for (let i = 0; i < value.length; i++) {
      const p = schemaProblem(value[i], s.items, root, `${at}[${i}]`);
      if (p) return p;
    }
  }
  return null;
}

/** Turns one prediction's output into the value to answer with (JSON that validates), or throws why not. */
export type FormatPlan = (output: unknown) => unknown;

function objectOutput(output: unknown): Record<string, unknown> {
  let v = output;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      throw refuse(`the prediction ${JSON.stringify(output).slice(0, 80)} is not a JSON object`);
    }
  }
  if (!isObj(v)) throw refuse(`the prediction ${JSON.stringify(output).slice(0, 80)} is not a JSON object`);
  return v;
}

function checked(value: unknown, schema: unknown): unknown {
  const problem = schema === undefined ? null : schemaProblem(value, schema, schema);
  if (problem) throw refuse(`the prediction does not fit the schema: ${problem}`);
  return value;
}

/** A label as the one field of an object schema: the field a label can fill, when there is exactly one. */
function labelField(s: Schema, root: unknown): string {
  const props = isObj(s.properties) ? Object.keys(s.properties) : [];
  const required = (Array.isArray(s.required) ? s.required : []).filter((r): r is string => typeof r === 'string');
  const candidates = required.length > 0 ? required : props;
  if (candidates.length !== 1) {
    throw refuse(`a label task answers one label, and the schema's object has ${candidates.length === 0 ? 'no properties' : `${candidates.length} ${required.length ? 'required ' : ''}properties (${candidates.join(', ')})`}; give it one string property`);
  }
  const field = candidates[0]!;
  const ps = isObj(s.properties) ? deref(s.properties[field], root) : {};
  if (!admits(ps, root, 'string')) throw refuse(`a label is a string, and the schema's \`${field}\` is ${types(ps)?.join(' or ')}`);
  return field;
}

/** The plan for one request's response_format on one recipe artifact; throws (422) when it cannot be honoured. */
export function planResponseFormat(m: Manifest, rf: ResponseFormat): FormatPlan | undefined {
  if (rf.type === 'text') return undefined;
  const schema = rf.schema;
  if (schema !== undefined && !isObj(schema)) throw refuse('its schema is not a JSON object');
  const s = schema === undefined ? ({ type: 'object' } as Schema) : deref(schema, schema);
  const shape = m.spec.shape.output;
  const kind = m.output_kind;
  const wantsObject = admits(s, schema, 'object') && (types(s) !== undefined || isObj(s.properties));

  if (typeof shape === 'string' && kind !== 'json') {
    // One value: a label, a number or a text.
    const type = kind === 'number' ? 'number' : 'string';
    const what = kind === 'label' ? 'a label task answers one label (a string)' : kind === 'number' ? 'a number task answers a number' : 'a text task answers a string';
    if (schema !== undefined && admits(s, schema, type) && !(wantsObject && isObj(s.properties))) {
      return (out) => checked(type === 'number' ? Number(out) : String(out), schema);
    }
    if (kind === 'label' && wantsObject) {
      const field = schema === undefined ? 'label' : labelField(s, schema);
      return (out) => checked({ [field]: String(out) }, schema);
    }
    throw refuse(`${what}, and the schema asks for ${types(s)?.join(' or ') ?? 'something else'}`);
  }

  // An object of fields (extract, composite, or JSON text outputs).
  if (!wantsObject) throw refuse(`this task answers an object of fields${typeof shape === 'object' ? ` (${Object.keys(shape).join(', ')})` : ''}, and the schema asks for ${types(s)?.join(' or ')}`);
  const props = isObj(s.properties) ? s.properties : {};
  const required = (Array.isArray(s.required) ? s.required : []).filter((r): r is string => typeof r === 'string');
  if (typeof shape === 'object') {
    const missing = required.filter((r) => !(r in shape));
    if (missing.length) throw refuse(`the schema requires ${missing.map((f) => `\`${f}\``).join(', ')}, which the output does not have (its fields: ${Object.keys(shape).join(', ')})`);
    for (const [f, t] of Object.entries(shape)) {
      const ps = f in props ? deref(props[f], schema) : undefined;
      if (ps && !admits(ps, schema, t === 'integer' ? 'integer' : t)) throw refuse(`the output's \`${f}\` is a ${t}, and the schema's is ${types(ps)?.join(' or ')}`);
    }
  }
  return (out) => {
    const value = objectOutput(out);
    const picked: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (k in props || s.additionalProperties !== false) picked[k] = v;
    // A field the extraction did not find: null where the schema allows it (pydantic's Optional).
    for (const r of required) if (!(r in picked) && admits(deref(props[r], schema), schema, 'null')) picked[r] = null;
    return checked(picked, schema);
  };
}
