// Values written the way Python's `str.format` writes them for Ludwig: `str(cell)`, `json.dumps` for
// `{__sample__}`, `float(cell)` and the `f` format type, exact (round half to even on the binary value).
import { KolmError } from '../errors.ts';
import type { FloatSpec } from './template.ts';

/** `str(value)` as Python would write the cell Ludwig holds. */
export function pythonStr(value: unknown, nullText: string): string {
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
export function pythonJsonSample(value: unknown): string {
  const json = value === undefined ? 'null' : JSON.stringify(value, null, 2);
  const ascii = json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return ascii.replace(/^"+|"+$/g, '');
}

const PY_FLOAT = /^[+-]?(?:(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?|nan|inf(?:inity)?)$/i;

/** Python's `float(value)` for the values a row can hold. */
export function toPythonFloat(value: unknown, field: string): number {
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
