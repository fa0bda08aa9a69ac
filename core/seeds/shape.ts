// The shape of a seed row's `input` / `output` (spec §4 `shape`): checking a value against it, inferring it
// from a first row when there is no spec, and printing it. Pure functions over parsed JSON.
import type { Shape } from '../spec/index.ts';

type FieldType = Exclude<Shape, Record<string, unknown>>;

/** What a JSON value is, in the words of the spec's field types (plus "null"). */
export function jsonTypeOf(value: unknown): FieldType | 'null' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return Number.isInteger(value) ? 'integer' : 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'object';
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function matchesType(value: unknown, type: FieldType): boolean {
  const actual = jsonTypeOf(value);
  if (type === 'number') return actual === 'number' || actual === 'integer';
  return actual === type;
}

function isBlank(value: unknown): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Problems of one side of a row (`key` is "input" or "output") against `shape`, each naming the field.
 * Rules: a top-level string must not be empty or whitespace-only; inside an object shape a field may be
 * null or empty (CSV columns have gaps, e.g. bus-slots' `requested_slots`) but not every field at once;
 * fields the shape does not name are errors, since compile reads exactly the named fields.
 */
export function checkShape(key: string, value: unknown, shape: Shape): string[] {
  if (typeof shape === 'string') {
    if (!matchesType(value, shape)) return [`${key} is ${describe(value)}, expected ${shape}`];
    if (shape === 'string' && isBlank(value)) return [`${key} is an empty string`];
    return [];
  }
  if (!isPlainObject(value)) return [`${key} is ${describe(value)}, expected an object with fields ${Object.keys(shape).join(', ')}`];
  const problems: string[] = [];
  for (const [field, type] of Object.entries(shape)) {
    if (!(field in value)) {
      problems.push(`${key}.${field} is missing`);
      continue;
    }
    const v = value[field];
    if (v !== null && !matchesType(v, type)) problems.push(`${key}.${field} is ${describe(v)}, expected ${type}`);
  }
  for (const field of Object.keys(value)) {
    if (!(field in shape)) problems.push(`${key}.${field} is not a field of the shape (${Object.keys(shape).join(', ')})`);
  }
  if (problems.length === 0 && Object.keys(shape).length > 0 && Object.keys(shape).every((f) => isBlank(value[f]))) {
    problems.push(`${key} has every field empty`);
  }
  return problems;
}

function describe(value: unknown): string {
  const t = jsonTypeOf(value);
  if (t === 'null') return 'null';
  if (t === 'integer' || t === 'number') return `a number (${String(value)})`;
  return t === 'array' || t === 'object' ? `an ${t}` : `a ${t}`;
}

/**
 * The shape a first valid row implies. Inputs that are objects keep their field names (inputs are dataset
 * columns, the same on every row); outputs that are objects infer as "object", because their keys vary by
 * row (slot maps). Numbers infer as "number" so that 3 then 3.5 is not a deviation. `null` fields infer as
 * "string" (the common case: an empty CSV cell); null itself is accepted in any object field.
 */
export function inferShape(side: 'input' | 'output', value: unknown): Shape {
  const widen = (v: unknown): FieldType => {
    const t = jsonTypeOf(v);
    if (t === 'null') return 'string';
    return t === 'integer' ? 'number' : t;
  };
  if (side === 'input' && isPlainObject(value)) {
    const fields: Record<string, FieldType> = {};
    for (const [k, v] of Object.entries(value)) fields[k] = widen(v);
    return fields;
  }
  return widen(value);
}

/** `string`, or `{utterance: string, requested_slots: string}`. */
export function formatShape(shape: Shape): string {
  if (typeof shape === 'string') return shape;
  return `{${Object.entries(shape).map(([k, t]) => `${k}: ${t}`).join(', ')}}`;
}
