import {
  CONTEXT_FIELD,
  SAMPLE_FIELD,
  SPECIAL_FIELDS,
  TASK_FIELD,
  needsSanitizing,
  sanitizeColumnName
} from "./chunk-3BN23YBG.js";
import {
  KolmError
} from "./chunk-AYSNEYKG.js";

// core/prompt/parse.ts
function templateError(message, offset, hint) {
  return new KolmError("E_BAD_TEMPLATE", message, { hint, place: { column: offset }, details: { offset } });
}
var FLOAT_SPEC = /^(?:([\s\S])?([<>=^]))?([+\- ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([fF])$/;
function parseFloatSpec(spec, name, offset) {
  const m = FLOAT_SPEC.exec(spec);
  if (!m) {
    throw templateError(
      `template field {${name}:${spec}} at offset ${offset} has format spec "${spec}"; Ludwig only accepts float specs such as ".2f"`,
      offset,
      `write {${name}} to insert the value as is, or {${name}:.2f} for a number with 2 decimals`
    );
  }
  const zero = m[6] !== void 0;
  return {
    source: spec,
    fill: m[1] ?? (zero && !m[2] ? "0" : " "),
    align: m[2] ?? (zero ? "=" : void 0),
    sign: m[3] ?? "-",
    noNegativeZero: m[4] !== void 0,
    alternate: m[5] !== void 0,
    width: m[7] ? Number(m[7]) : 0,
    grouping: m[8],
    precision: m[9] !== void 0 ? Number(m[9]) : 6,
    upper: m[10] === "F"
  };
}
function parseField(body, offset) {
  let end = body.length;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === ":" || c === "!") {
      end = i;
      break;
    }
  }
  const name = body.slice(0, end);
  const shown = `{${body}}`;
  if (name === "" || /^\d+$/.test(name)) {
    throw templateError(
      `template field ${shown} at offset ${offset} is positional; Ludwig fills fields by column name`,
      offset,
      "name the column inside the braces, e.g. {question}; write {{ or }} for a literal brace"
    );
  }
  const dot = name.indexOf(".");
  const bracket = name.search(/[[\]]/);
  if (dot >= 0 || bracket >= 0) {
    const kind = dot >= 0 && (bracket < 0 || dot < bracket) ? "attribute" : "index";
    const renamed = sanitizeColumnName(name);
    throw templateError(
      `template field ${shown} at offset ${offset} uses ${kind} syntax, which Ludwig templates do not support, so it cannot resolve`,
      offset,
      `if "${name}" is a column name, Ludwig renames it to "${renamed}": write {${renamed}}`
    );
  }
  if (needsSanitizing(name)) {
    const renamed = sanitizeColumnName(name);
    throw templateError(
      `template field ${shown} at offset ${offset} can never resolve: Ludwig renames a column "${name}" to "${renamed}" before formatting`,
      offset,
      `write {${renamed}}`
    );
  }
  if (end < body.length && body[end] === "!") {
    throw templateError(
      `template field ${shown} at offset ${offset} uses a conversion ("!${body.slice(end + 1, end + 2)}"), which Ludwig templates do not support`,
      offset,
      `write {${name}}`
    );
  }
  if (end < body.length) {
    const spec = body.slice(end + 1);
    if (spec.includes("{") || spec.includes("}")) {
      throw templateError(
        `template field ${shown} at offset ${offset} nests a field inside its format spec, which is not supported`,
        offset,
        "write the format spec literally, e.g. {price:.2f}"
      );
    }
    if (spec === "") return { kind: "field", name, offset };
    return { kind: "field", name, offset, spec: parseFloatSpec(spec, name, offset) };
  }
  return { kind: "field", name, offset };
}
function parseTemplate(source) {
  const parts = [];
  const fields = [];
  let literal2 = "";
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i];
    if (c === "{") {
      if (source[i + 1] === "{") {
        literal2 += "{";
        i += 2;
        continue;
      }
      let depth = 1;
      let j = i + 1;
      while (j < n && depth > 0) {
        if (source[j] === "{") depth++;
        else if (source[j] === "}") depth--;
        j++;
      }
      if (depth > 0) {
        throw templateError(
          `template has an unclosed "{" at offset ${i}`,
          i,
          'close the field with "}", or write "{{" for a literal brace'
        );
      }
      const part = parseField(source.slice(i + 1, j - 1), i);
      if (literal2) parts.push({ kind: "literal", text: literal2 });
      literal2 = "";
      parts.push(part);
      if (part.kind === "field" && !fields.includes(part.name)) fields.push(part.name);
      i = j;
    } else if (c === "}") {
      if (source[i + 1] === "}") {
        literal2 += "}";
        i += 2;
        continue;
      }
      throw templateError(`template has a single "}" at offset ${i}`, i, 'write "}}" for a literal brace');
    } else {
      let j = i + 1;
      while (j < n && source[j] !== "{" && source[j] !== "}") j++;
      literal2 += source.slice(i, j);
      i = j;
    }
  }
  if (literal2) parts.push({ kind: "literal", text: literal2 });
  return { source, parts, fields, columns: fields.filter((f) => !SPECIAL_FIELDS.includes(f)) };
}

// core/prompt/python-format.ts
function pythonStr(value, nullText) {
  if (typeof value === "string") return value;
  if (value === null || value === void 0) return nullText;
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "nan";
    if (value === Infinity) return "inf";
    if (value === -Infinity) return "-inf";
    return String(value);
  }
  if (typeof value === "bigint") return value.toString();
  return JSON.stringify(value);
}
function pythonJsonSample(value) {
  const json = value === void 0 ? "null" : JSON.stringify(value, null, 2);
  const ascii = json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return ascii.replace(/^"+|"+$/g, "");
}
var PY_FLOAT = /^[+-]?(?:(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?|nan|inf(?:inity)?)$/i;
function toPythonFloat(value, field) {
  if (typeof value === "number") return value;
  if (value === null || value === void 0) return NaN;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string") {
    const s = value.trim();
    if (PY_FLOAT.test(s)) {
      const lower = s.toLowerCase().replace(/^[+-]/, "");
      const negative = s.startsWith("-");
      if (lower === "nan") return NaN;
      if (lower.startsWith("inf")) return negative ? -Infinity : Infinity;
      return Number(s.replace(/_/g, ""));
    }
  }
  throw new KolmError("E_BAD_INPUT", `template field {${field}} has a float format spec but the value ${JSON.stringify(value)} is not a number`, {
    hint: `give {${field}} a numeric value, or drop the ":\u2026f" spec from the template`,
    details: { field }
  });
}
var F64 = new DataView(new ArrayBuffer(8));
function fixedDigits(x, precision) {
  F64.setFloat64(0, x);
  const hi = F64.getUint32(0);
  const lo = F64.getUint32(4);
  const expBits = hi >>> 20 & 2047;
  let m = BigInt(hi & 1048575) << 32n | BigInt(lo);
  let e;
  if (expBits === 0) e = -1074;
  else {
    m |= 1n << 52n;
    e = expBits - 1075;
  }
  const scale = 10n ** BigInt(precision);
  let q;
  if (e >= 0) q = (m << BigInt(e)) * scale;
  else {
    const num = m * scale;
    const den = 1n << BigInt(-e);
    q = num / den;
    const twice = num % den * 2n;
    if (twice > den || twice === den && (q & 1n) === 1n) q += 1n;
  }
  if (precision === 0) return q.toString();
  const digits = q.toString().padStart(precision + 1, "0");
  return `${digits.slice(0, -precision)}.${digits.slice(-precision)}`;
}
function group(intPart, sep) {
  let out = "";
  for (let i = 0; i < intPart.length; i++) {
    if (i > 0 && (intPart.length - i) % 3 === 0) out += sep;
    out += intPart[i];
  }
  return out;
}
function formatFloat(x, spec) {
  let negative = x < 0 || Object.is(x, -0);
  let body;
  if (Number.isNaN(x)) {
    body = "nan";
    negative = false;
  } else if (!Number.isFinite(x)) body = "inf";
  else {
    body = fixedDigits(Math.abs(x), spec.precision);
    if (spec.alternate && spec.precision === 0) body += ".";
    if (spec.grouping) {
      const dot = body.indexOf(".");
      const intPart = dot < 0 ? body : body.slice(0, dot);
      body = group(intPart, spec.grouping) + (dot < 0 ? "" : body.slice(dot));
    }
    if (negative && spec.noNegativeZero && /^[0.,_]*$/.test(body)) negative = false;
  }
  if (spec.upper) body = body.toUpperCase();
  const sign = negative ? "-" : spec.sign === "+" ? "+" : spec.sign === " " ? " " : "";
  const len = sign.length + body.length;
  if (len >= spec.width) return sign + body;
  const pad = spec.width - len;
  const fill = (k) => spec.fill.repeat(k);
  switch (spec.align ?? ">") {
    case "<":
      return sign + body + fill(pad);
    case "^":
      return fill(Math.floor(pad / 2)) + sign + body + fill(pad - Math.floor(pad / 2));
    case "=":
      return sign + fill(pad) + body;
    default:
      return fill(pad) + sign + body;
  }
}

// core/prompt/render.ts
function compileTemplate(template, options = {}) {
  const parsed = typeof template === "string" ? parseTemplate(template) : template;
  const nullText = options.nullText ?? "nan";
  const columns = parsed.columns;
  const singleColumn = columns.length === 1 ? columns[0] : void 0;
  const parts = parsed.parts;
  const count = parts.length;
  const valueOf = (input, name) => {
    if (name === TASK_FIELD) {
      if (options.task === void 0) throw missing(name, "the template reads {__task__} but no task was given");
      return options.task;
    }
    if (name === CONTEXT_FIELD) return options.context ?? "";
    if (name === SAMPLE_FIELD) {
      if (!isRecord(input)) return pythonJsonSample(input);
      const raw = input[options.sampleField ?? singleColumn ?? ""];
      if (!(options.sampleField ?? singleColumn)) {
        throw missing(name, "the template reads {__sample__} from an object input but no sample field was given");
      }
      return pythonJsonSample(raw);
    }
    if (!isRecord(input)) {
      if (singleColumn !== void 0) return input;
      throw missing(name, `the input is one value but the template reads ${columns.length} columns (${columns.join(", ")})`);
    }
    if (!Object.prototype.hasOwnProperty.call(input, name)) {
      throw missing(name, `the input has no field "${name}" (it has: ${Object.keys(input).join(", ") || "no fields"})`);
    }
    return input[name];
  };
  return (input) => {
    let out = "";
    for (let k = 0; k < count; k++) {
      const part = parts[k];
      if (part.kind === "literal") {
        out += part.text;
        continue;
      }
      const value = valueOf(input, part.name);
      out += part.spec ? formatFloat(toPythonFloat(value, part.name), part.spec) : pythonStr(value, nullText);
    }
    return out;
  };
}
function isRecord(input) {
  return typeof input === "object" && input !== null;
}
function missing(field, why) {
  return new KolmError("E_BAD_INPUT", `cannot render template field {${field}}: ${why}`, {
    hint: "give the input the fields the spec prompt template reads",
    details: { field }
  });
}

// core/prompt/match.ts
function failure(needle) {
  const fail = new Int32Array(needle.length);
  for (let i = 1, k = 0; i < needle.length; i++) {
    while (k > 0 && needle.charCodeAt(i) !== needle.charCodeAt(k)) k = fail[k - 1];
    if (needle.charCodeAt(i) === needle.charCodeAt(k)) k++;
    fail[i] = k;
  }
  return fail;
}
function kmp(hay, needle, fail, from) {
  const m = needle.length;
  if (m === 0) return from <= hay.length ? from : -1;
  for (let i = from, k = 0; i < hay.length; i++) {
    const c = hay.charCodeAt(i);
    while (k > 0 && c !== needle.charCodeAt(k)) k = fail[k - 1];
    if (c === needle.charCodeAt(k)) k++;
    if (k === m) return i - m + 1;
  }
  return -1;
}
function literal(segments, exact) {
  const needle = segments.map((s) => s ?? " ").join("");
  return { segments, exact, needle, fail: failure(needle) };
}
function collapse(text) {
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
  const parts = [];
  for (let i = 0; i < k; i += 8192) parts.push(String.fromCharCode(...codes.subarray(i, Math.min(k, i + 8192))));
  return { text: parts.join(""), orig: orig.subarray(0, k + 1) };
}
function collapsedAt(c, pos) {
  let lo = 0;
  let hi = c.orig.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if (c.orig[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
var isWs = (c) => c === 32 || c >= 9 && c <= 13 || c === 160 || c === 8232 || c === 8233 || c === 65279 || c >= 8192 && c <= 8202 || c === 12288 || c === 5760 || c === 8239 || c === 8287 || c === 133;
function segmentsOf(text, exact) {
  if (exact) return text ? [text] : [];
  const out = [];
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
function matchAt(lit, text, pos) {
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
var collapsedOf = (hay) => hay.collapsed ??= collapse(hay.text);
function findFirst(lit, hay, from) {
  const { text } = hay;
  if (lit.exact) {
    const s = kmp(text, lit.needle, lit.fail, from);
    return s < 0 ? null : [s, s + lit.needle.length];
  }
  if (from >= text.length) return null;
  const c = collapsedOf(hay);
  const k = kmp(c.text, lit.needle, lit.fail, collapsedAt(c, from));
  if (k < 0) return null;
  return [Math.max(c.orig[k], from), c.orig[k + lit.needle.length]];
}
function findLastTo(lit, hay, from) {
  const { text } = hay;
  const n = lit.needle.length;
  if (lit.exact) {
    const s = text.length - n;
    return s >= from && text.startsWith(lit.needle, s) ? s : -1;
  }
  if (from >= text.length) return -1;
  const c = collapsedOf(hay);
  const k = c.text.length - n;
  if (k < collapsedAt(c, from) || !c.text.startsWith(lit.needle, k)) return -1;
  return Math.max(c.orig[k], from);
}
function emptyBefore(lit, text, pos, begin, mustEnd) {
  if (lit.segments[0] !== null || pos <= begin || !isWs(text.charCodeAt(pos - 1))) return false;
  const e = matchAt({ segments: lit.segments.slice(1) }, text, pos);
  return e >= 0 && (mustEnd < 0 || e === mustEnd);
}
function templateMatcher(template) {
  const raw = template.parts;
  const parts = [];
  const seen = /* @__PURE__ */ new Set();
  raw.forEach((part, i) => {
    if (part.kind === "field") {
      const repeat = seen.has(part.name) && !SPECIAL_FIELDS.includes(part.name);
      seen.add(part.name);
      parts.push({ kind: "field", name: part.name, repeat });
      return;
    }
    let text = part.text;
    if (i === 0) text = text.replace(/^\s+/, "");
    if (i === raw.length - 1) text = text.replace(/\s+$/, "");
    const exact = /^\s+$/.test(text) && i > 0 && i < raw.length - 1;
    const segments = segmentsOf(text, exact);
    if (segments.length) parts.push({ kind: "literal", lit: literal(segments, exact) });
  });
  return (input) => {
    let begin = 0;
    while (begin < input.length && isWs(input.charCodeAt(begin))) begin++;
    let end = input.length;
    while (end > begin && isWs(input.charCodeAt(end - 1))) end--;
    const text = input.slice(0, end);
    const hay = { text };
    const out = {};
    let pos = begin;
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k];
      if (part.kind === "literal") {
        let e = matchAt(part.lit, text, pos);
        if (e < 0 && part.lit.segments[0] === null && pos > begin && isWs(text.charCodeAt(pos - 1))) e = matchAt({ segments: part.lit.segments.slice(1) }, text, pos);
        if (e < 0) return null;
        pos = e;
        continue;
      }
      if (part.repeat) {
        const again = matchAt({ segments: segmentsOf(out[part.name], false) }, text, pos);
        if (again < 0) return null;
        pos = again;
        continue;
      }
      const next = parts[k + 1];
      const last = k + 1 === parts.length - 1;
      let valueEnd;
      if (next === void 0) valueEnd = end;
      else if (next.kind === "field") valueEnd = pos;
      else if (emptyBefore(next.lit, text, pos, begin, last ? end : -1)) valueEnd = pos;
      else if (last) {
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

export {
  parseTemplate,
  compileTemplate,
  templateMatcher
};
