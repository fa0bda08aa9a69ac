import {
  KolmError
} from "./chunk-HCB5U3V4.js";

// core/prompt/template.ts
var SAMPLE_FIELD = "__sample__";
var TASK_FIELD = "__task__";
var CONTEXT_FIELD = "__context__";
var SPECIAL_FIELDS = [SAMPLE_FIELD, TASK_FIELD, CONTEXT_FIELD];
var DEFAULT_ZERO_SHOT_PROMPT_TEMPLATE = "SAMPLE INPUT: {__sample__}\n\nUSER: Complete the following task: {__task__}\n\nASSISTANT:\n";
var SANITIZE = /[(){}.:"'[\]]/g;
var NEEDS_SANITIZING = /[(){}.:"'[\]]/;
function sanitizeColumnName(name) {
  return name.replace(SANITIZE, "_");
}
function needsSanitizing(name) {
  return NEEDS_SANITIZING.test(name);
}
function escapeTemplateLiteral(text) {
  return text.replace(/[{}]/g, (c) => c + c);
}
function rebuildTemplate(parsed, replacements = {}) {
  let out = "";
  for (const part of parsed.parts) {
    if (part.kind === "literal") out += escapeTemplateLiteral(part.text);
    else if (Object.prototype.hasOwnProperty.call(replacements, part.name)) out += escapeTemplateLiteral(replacements[part.name]);
    else out += `{${part.name}${part.spec ? `:${part.spec.source}` : ""}}`;
  }
  return out;
}

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
  let literal = "";
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i];
    if (c === "{") {
      if (source[i + 1] === "{") {
        literal += "{";
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
      if (literal) parts.push({ kind: "literal", text: literal });
      literal = "";
      parts.push(part);
      if (part.kind === "field" && !fields.includes(part.name)) fields.push(part.name);
      i = j;
    } else if (c === "}") {
      if (source[i + 1] === "}") {
        literal += "}";
        i += 2;
        continue;
      }
      throw templateError(`template has a single "}" at offset ${i}`, i, 'write "}}" for a literal brace');
    } else {
      let j = i + 1;
      while (j < n && source[j] !== "{" && source[j] !== "}") j++;
      literal += source.slice(i, j);
      i = j;
    }
  }
  if (literal) parts.push({ kind: "literal", text: literal });
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
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function templateMatcher(template) {
  const names = [];
  let source = "^";
  const parts = template.parts;
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    if (part.kind === "literal") {
      source += last ? `${escapeRegExp(part.text.replace(/\s+$/, ""))}\\s*` : escapeRegExp(part.text);
    } else {
      const seen = names.indexOf(part.name);
      if (seen >= 0 && !SPECIAL_FIELDS.includes(part.name)) {
        source += `\\${seen + 1}`;
        return;
      }
      names.push(SPECIAL_FIELDS.includes(part.name) ? null : part.name);
      source += last ? "([\\s\\S]*)" : "([\\s\\S]*?)";
    }
  });
  const re = new RegExp(`${source}$`);
  return (text) => {
    const m = re.exec(text);
    if (!m) return null;
    const out = {};
    names.forEach((name, i) => {
      if (name !== null) out[name] = m[i + 1];
    });
    return out;
  };
}

export {
  SAMPLE_FIELD,
  TASK_FIELD,
  CONTEXT_FIELD,
  DEFAULT_ZERO_SHOT_PROMPT_TEMPLATE,
  sanitizeColumnName,
  rebuildTemplate,
  parseTemplate,
  compileTemplate,
  templateMatcher
};
