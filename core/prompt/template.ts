// Ludwig prompt templates: the subset of Python `str.format` that Ludwig accepts (ludwig-peft.md §1.3, §7.3).
// A template is parsed once into literal and field parts and then rendered per row (at serve time, per
// request), so rendering is a single pass over pre-parsed parts with no regex work.
import { KolmError } from '../errors.ts';

/** Fields Ludwig fills itself rather than from a dataset column. */
export const SAMPLE_FIELD = '__sample__';
export const TASK_FIELD = '__task__';
export const CONTEXT_FIELD = '__context__';
export const SPECIAL_FIELDS: readonly string[] = [SAMPLE_FIELD, TASK_FIELD, CONTEXT_FIELD];

/** Ludwig's template when `prompt.task` is set without `prompt.template` (zero-shot, no retrieval). */
export const DEFAULT_ZERO_SHOT_PROMPT_TEMPLATE =
  'SAMPLE INPUT: {__sample__}\n\nUSER: Complete the following task: {__task__}\n\nASSISTANT:\n';

/** A `{name:.2f}`-style spec: Ludwig casts the value to float and formats it with Python's `f` type. */
export interface FloatSpec {
  source: string;
  fill: string;
  align: '<' | '>' | '=' | '^' | undefined;
  sign: '+' | '-' | ' ';
  noNegativeZero: boolean;
  alternate: boolean;
  width: number;
  grouping: ',' | '_' | undefined;
  precision: number;
  upper: boolean;
}

export type TemplatePart =
  | { kind: 'literal'; text: string }
  | { kind: 'field'; name: string; offset: number; spec?: FloatSpec };

export interface ParsedTemplate {
  source: string;
  parts: TemplatePart[];
  /** Every distinct field, in order of first use (special fields included). */
  fields: string[];
  /** The fields that are dataset columns (special fields excluded), in order of first use. */
  columns: string[];
}

// Ludwig's get_sanitized_feature_name: re.sub(r"[(){}.:\"\"\'\'\[\]]", "_", name). Dataset columns and
// feature names are renamed with it before templates are rendered; template text is not.
const SANITIZE = /[(){}.:"'[\]]/g;
const NEEDS_SANITIZING = /[(){}.:"'[\]]/;

/** A column name as Ludwig renames it before formatting prompts (`a.b` → `a_b`). */
export function sanitizeColumnName(name: string): string {
  return name.replace(SANITIZE, '_');
}

/** Text that renders as itself inside a template (braces doubled). */
export function escapeTemplateLiteral(text: string): string {
  return text.replace(/[{}]/g, (c) => c + c);
}

function templateError(message: string, offset: number, hint: string): KolmError {
  return new KolmError('E_BAD_TEMPLATE', message, { hint, place: { column: offset }, details: { offset } });
}

const FLOAT_SPEC = /^(?:([\s\S])?([<>=^]))?([+\- ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([fF])$/;

function parseFloatSpec(spec: string, name: string, offset: number): FloatSpec {
  const m = FLOAT_SPEC.exec(spec);
  if (!m) {
    throw templateError(
      `template field {${name}:${spec}} at offset ${offset} has format spec "${spec}"; Ludwig only accepts float specs such as ".2f"`,
      offset,
      `write {${name}} to insert the value as is, or {${name}:.2f} for a number with 2 decimals`,
    );
  }
  const zero = m[6] !== undefined;
  return {
    source: spec,
    fill: m[1] ?? (zero && !m[2] ? '0' : ' '),
    align: (m[2] as FloatSpec['align']) ?? (zero ? '=' : undefined),
    sign: (m[3] as FloatSpec['sign']) ?? '-',
    noNegativeZero: m[4] !== undefined,
    alternate: m[5] !== undefined,
    width: m[7] ? Number(m[7]) : 0,
    grouping: m[8] as FloatSpec['grouping'],
    precision: m[9] !== undefined ? Number(m[9]) : 6,
    upper: m[10] === 'F',
  };
}

/** Check one field body (`name[:spec]`) and return the part; `offset` is where its `{` is. */
function parseField(body: string, offset: number): TemplatePart {
  let end = body.length;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === ':' || c === '!') {
      end = i;
      break;
    }
  }
  const name = body.slice(0, end);
  const shown = `{${body}}`;
  if (name === '' || /^\d+$/.test(name)) {
    throw templateError(
      `template field ${shown} at offset ${offset} is positional; Ludwig fills fields by column name`,
      offset,
      'name the column inside the braces, e.g. {question}; write {{ or }} for a literal brace',
    );
  }
  const dot = name.indexOf('.');
  const bracket = name.search(/[[\]]/);
  if (dot >= 0 || bracket >= 0) {
    const kind = dot >= 0 && (bracket < 0 || dot < bracket) ? 'attribute' : 'index';
    const renamed = sanitizeColumnName(name);
    throw templateError(
      `template field ${shown} at offset ${offset} uses ${kind} syntax, which Ludwig templates do not support, so it cannot resolve`,
      offset,
      `if "${name}" is a column name, Ludwig renames it to "${renamed}": write {${renamed}}`,
    );
  }
  if (NEEDS_SANITIZING.test(name)) {
    const renamed = sanitizeColumnName(name);
    throw templateError(
      `template field ${shown} at offset ${offset} can never resolve: Ludwig renames a column "${name}" to "${renamed}" before formatting`,
      offset,
      `write {${renamed}}`,
    );
  }
  if (end < body.length && body[end] === '!') {
    throw templateError(
      `template field ${shown} at offset ${offset} uses a conversion ("!${body.slice(end + 1, end + 2)}"), which Ludwig templates do not support`,
      offset,
      `write {${name}}`,
    );
  }
  if (end < body.length) {
    const spec = body.slice(end + 1);
    if (spec.includes('{') || spec.includes('}')) {
      throw templateError(
        `template field ${shown} at offset ${offset} nests a field inside its format spec, which is not supported`,
        offset,
        'write the format spec literally, e.g. {price:.2f}',
      );
    }
    if (spec === '') return { kind: 'field', name, offset };
    return { kind: 'field', name, offset, spec: parseFloatSpec(spec, name, offset) };
  }
  return { kind: 'field', name, offset };
}

/**
 * Parse a template the way Python's `string.Formatter().parse` does, keeping only what Ludwig accepts:
 * `{column}`, `{column:.Nf}`, `{{`, `}}` and the special fields. Anything else is E_BAD_TEMPLATE naming the
 * field and the 0-based character offset of its `{`.
 */
export function parseTemplate(source: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const fields: string[] = [];
  let literal = '';
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i];
    if (c === '{') {
      if (source[i + 1] === '{') {
        literal += '{';
        i += 2;
        continue;
      }
      // Python lets a format spec nest one level of braces; find the matching close brace first.
      let depth = 1;
      let j = i + 1;
      while (j < n && depth > 0) {
        if (source[j] === '{') depth++;
        else if (source[j] === '}') depth--;
        j++;
      }
      if (depth > 0) {
        throw templateError(
          `template has an unclosed "{" at offset ${i}`,
          i,
          'close the field with "}", or write "{{" for a literal brace',
        );
      }
      const part = parseField(source.slice(i + 1, j - 1), i);
      if (literal) parts.push({ kind: 'literal', text: literal });
      literal = '';
      parts.push(part);
      if (part.kind === 'field' && !fields.includes(part.name)) fields.push(part.name);
      i = j;
    } else if (c === '}') {
      if (source[i + 1] === '}') {
        literal += '}';
        i += 2;
        continue;
      }
      throw templateError(`template has a single "}" at offset ${i}`, i, 'write "}}" for a literal brace');
    } else {
      // Copy a run of ordinary characters at once.
      let j = i + 1;
      while (j < n && source[j] !== '{' && source[j] !== '}') j++;
      literal += source.slice(i, j);
      i = j;
    }
  }
  if (literal) parts.push({ kind: 'literal', text: literal });
  return { source, parts, fields, columns: fields.filter((f) => !SPECIAL_FIELDS.includes(f)) };
}

/** The distinct fields a template reads, in order of first use. */
export function templateFields(source: string): string[] {
  return parseTemplate(source).fields;
}

/**
 * The value of one input row: one value (usually a string) when the template reads one column, else an
 * object keyed by column.
 */
export type TemplateInput = string | number | boolean | null | Readonly<Record<string, unknown>>;

export interface RenderOptions {
  /** Value of `{__task__}` (Ludwig's `prompt.task`). */
  task?: string;
  /** Value of `{__context__}` (retrieved examples); Ludwig renders it empty without retrieval. */
  context?: string;
  /** Which field of an object input `{__sample__}` reads (a string input is the sample itself). */
  sampleField?: string;
  /**
   * Text for a null or undefined cell. Ludwig reads CSV cells as pandas objects where an empty cell is NaN,
   * which `str.format` writes as "nan"; that is what an imported adapter saw in training.
   */
  nullText?: string;
}

export type RenderFn = (input: TemplateInput) => string;

/**
 * Pre-compile a template into a render function. Fields are resolved against the input at render time;
 * a missing field is E_BAD_INPUT naming it.
 */
export function compileTemplate(template: string | ParsedTemplate, options: RenderOptions = {}): RenderFn {
  const parsed = typeof template === 'string' ? parseTemplate(template) : template;
  const nullText = options.nullText ?? 'nan';
  const columns = parsed.columns;
  const singleColumn = columns.length === 1 ? columns[0]! : undefined;
  const parts = parsed.parts;
  const count = parts.length;

  const valueOf = (input: TemplateInput, name: string): unknown => {
    if (name === TASK_FIELD) {
      if (options.task === undefined) throw missing(name, 'the template reads {__task__} but no task was given');
      return options.task;
    }
    if (name === CONTEXT_FIELD) return options.context ?? '';
    if (name === SAMPLE_FIELD) {
      if (!isRecord(input)) return pythonJsonSample(input);
      const raw = input[options.sampleField ?? singleColumn ?? ''];
      if (!(options.sampleField ?? singleColumn)) {
        throw missing(name, 'the template reads {__sample__} from an object input but no sample field was given');
      }
      return pythonJsonSample(raw);
    }
    if (!isRecord(input)) {
      if (singleColumn !== undefined) return input;
      throw missing(name, `the input is one value but the template reads ${columns.length} columns (${columns.join(', ')})`);
    }
    if (!Object.prototype.hasOwnProperty.call(input, name)) {
      throw missing(name, `the input has no field "${name}" (it has: ${Object.keys(input).join(', ') || 'no fields'})`);
    }
    return input[name];
  };

  return (input: TemplateInput): string => {
    let out = '';
    for (let k = 0; k < count; k++) {
      const part = parts[k]!;
      if (part.kind === 'literal') {
        out += part.text;
        continue;
      }
      const value = valueOf(input, part.name);
      out += part.spec ? formatFloat(toPythonFloat(value, part.name), part.spec) : pythonStr(value, nullText);
    }
    return out;
  };
}

/** Render a template once. For many rows, use `compileTemplate` and call the result. */
export function renderTemplate(template: string | ParsedTemplate, input: TemplateInput, options: RenderOptions = {}): string {
  return compileTemplate(template, options)(input);
}

function isRecord(input: TemplateInput): input is Readonly<Record<string, unknown>> {
  return typeof input === 'object' && input !== null;
}

function missing(field: string, why: string): KolmError {
  return new KolmError('E_BAD_INPUT', `cannot render template field {${field}}: ${why}`, {
    hint: 'give the input the fields the spec prompt template reads',
    details: { field },
  });
}

/** `str(value)` as Python would write the cell Ludwig holds. */
function pythonStr(value: unknown, nullText: string): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return nullText;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'nan';
    if (value === Infinity) return 'inf';
    if (value === -Infinity) return '-inf';
    return String(value);
  }
  if (typeof value === 'bigint') return value.toString();
  return JSON.stringify(value);
}

/**
 * Ludwig's `{__sample__}`: `json.dumps(value, indent=2).strip('"')`. Python's json.dumps escapes every
 * non-ASCII character (ensure_ascii), JSON.stringify does not, so escape those afterwards.
 */
function pythonJsonSample(value: unknown): string {
  const json = value === undefined ? 'null' : JSON.stringify(value, null, 2);
  const ascii = json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return ascii.replace(/^"+|"+$/g, '');
}

const PY_FLOAT = /^[+-]?(?:(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?|nan|inf(?:inity)?)$/i;

/** Python's `float(value)` for the values a row can hold. */
function toPythonFloat(value: unknown, field: string): number {
  if (typeof value === 'number') return value;
  if (value === null || value === undefined) return NaN; // pandas holds a missing cell as NaN
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') {
    const s = value.trim();
    if (PY_FLOAT.test(s)) {
      const lower = s.toLowerCase().replace(/^[+-]/, '');
      const negative = s.startsWith('-');
      if (lower === 'nan') return NaN;
      if (lower.startsWith('inf')) return negative ? -Infinity : Infinity;
      return Number(s.replace(/_/g, ''));
    }
  }
  throw new KolmError('E_BAD_INPUT', `template field {${field}} has a float format spec but the value ${JSON.stringify(value)} is not a number`, {
    hint: `give {${field}} a numeric value, or drop the ":…f" spec from the template`,
    details: { field },
  });
}

// ---- Python float formatting with the `f` type, exact (round half to even on the binary value) ----

const F64 = new DataView(new ArrayBuffer(8));

/** Exact fixed-point digits of a finite, non-negative double, as Python's `format(x, '.{p}f')` writes them. */
export function fixedDigits(x: number, precision: number): string {
  F64.setFloat64(0, x);
  const hi = F64.getUint32(0);
  const lo = F64.getUint32(4);
  const expBits = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (expBits === 0) e = -1074;
  else {
    m |= 1n << 52n;
    e = expBits - 1075;
  }
  const scale = 10n ** BigInt(precision);
  let q: bigint;
  if (e >= 0) q = (m << BigInt(e)) * scale;
  else {
    const num = m * scale;
    const den = 1n << BigInt(-e);
    q = num / den;
    const twice = (num % den) * 2n;
    if (twice > den || (twice === den && (q & 1n) === 1n)) q += 1n;
  }
  if (precision === 0) return q.toString();
  const digits = q.toString().padStart(precision + 1, '0');
  return `${digits.slice(0, -precision)}.${digits.slice(-precision)}`;
}

function group(intPart: string, sep: string): string {
  let out = '';
  for (let i = 0; i < intPart.length; i++) {
    if (i > 0 && (intPart.length - i) % 3 === 0) out += sep;
    out += intPart[i];
  }
  return out;
}

/** `format(x, spec)` for a float spec of type `f`/`F`. */
export function formatFloat(x: number, spec: FloatSpec): string {
  let negative = x < 0 || Object.is(x, -0);
  let body: string;
  if (Number.isNaN(x)) {
    body = 'nan';
    negative = false;
  } else if (!Number.isFinite(x)) body = 'inf';
  else {
    body = fixedDigits(Math.abs(x), spec.precision);
    if (spec.alternate && spec.precision === 0) body += '.';
    if (spec.grouping) {
      const dot = body.indexOf('.');
      const intPart = dot < 0 ? body : body.slice(0, dot);
      body = group(intPart, spec.grouping) + (dot < 0 ? '' : body.slice(dot));
    }
    if (negative && spec.noNegativeZero && /^[0.,_]*$/.test(body)) negative = false;
  }
  if (spec.upper) body = body.toUpperCase();
  const sign = negative ? '-' : spec.sign === '+' ? '+' : spec.sign === ' ' ? ' ' : '';
  const len = sign.length + body.length;
  if (len >= spec.width) return sign + body;
  const pad = spec.width - len;
  const fill = (k: number) => spec.fill.repeat(k);
  switch (spec.align ?? '>') {
    case '<':
      return sign + body + fill(pad);
    case '^':
      return fill(Math.floor(pad / 2)) + sign + body + fill(pad - Math.floor(pad / 2));
    case '=':
      return sign + fill(pad) + body;
    default:
      return fill(pad) + sign + body;
  }
}

/**
 * Write a parsed template back as template text, with some fields replaced by fixed text (escaped so it
 * renders as itself). Used to inline `{__task__}` and `{__context__}` so a spec's template reads only columns.
 */
export function rebuildTemplate(parsed: ParsedTemplate, replacements: Readonly<Record<string, string>> = {}): string {
  let out = '';
  for (const part of parsed.parts) {
    if (part.kind === 'literal') out += escapeTemplateLiteral(part.text);
    else if (Object.prototype.hasOwnProperty.call(replacements, part.name)) out += escapeTemplateLiteral(replacements[part.name]!);
    else out += `{${part.name}${part.spec ? `:${part.spec.source}` : ''}}`;
  }
  return out;
}
