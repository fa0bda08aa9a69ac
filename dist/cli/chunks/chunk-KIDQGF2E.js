import {
  DEFAULT_MAX_LINE_BYTES,
  LineSplitter,
  firstInvalidUtf8Offset
} from "./chunk-5PASBJYA.js";
import {
  silentReporter
} from "./chunk-4NIWZNTF.js";
import {
  KolmError
} from "./chunk-AYSNEYKG.js";

// core/seeds/shape.ts
function jsonTypeOf(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  switch (typeof value) {
    case "string":
      return "string";
    case "number":
      return Number.isInteger(value) ? "integer" : "number";
    case "boolean":
      return "boolean";
    default:
      return "object";
  }
}
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function matchesType(value, type) {
  const actual = jsonTypeOf(value);
  if (type === "number") return actual === "number" || actual === "integer";
  return actual === type;
}
function isBlank(value) {
  return value === null || typeof value === "string" && value.trim() === "";
}
function checkShape(key, value, shape) {
  if (typeof shape === "string") {
    if (!matchesType(value, shape)) return [`${key} is ${describe(value)}, expected ${shape}`];
    if (shape === "string" && isBlank(value)) return [`${key} is an empty string`];
    return [];
  }
  if (!isPlainObject(value)) return [`${key} is ${describe(value)}, expected an object with fields ${Object.keys(shape).join(", ")}`];
  const problems = [];
  for (const [field, type] of Object.entries(shape)) {
    if (!(field in value)) {
      problems.push(`${key}.${field} is missing`);
      continue;
    }
    const v = value[field];
    if (v !== null && !matchesType(v, type)) problems.push(`${key}.${field} is ${describe(v)}, expected ${type}`);
  }
  for (const field of Object.keys(value)) {
    if (!(field in shape)) problems.push(`${key}.${field} is not a field of the shape (${Object.keys(shape).join(", ")})`);
  }
  if (problems.length === 0 && Object.keys(shape).length > 0 && Object.keys(shape).every((f) => isBlank(value[f]))) {
    problems.push(`${key} has every field empty`);
  }
  return problems;
}
function describe(value) {
  const t = jsonTypeOf(value);
  if (t === "null") return "null";
  if (t === "integer" || t === "number") return `a number (${String(value)})`;
  return t === "array" || t === "object" ? `an ${t}` : `a ${t}`;
}
function inferShape(side, value) {
  const widen = (v) => {
    const t = jsonTypeOf(v);
    if (t === "null") return "string";
    return t === "integer" ? "number" : t;
  };
  if (side === "input" && isPlainObject(value)) {
    const fields = {};
    for (const [k, v] of Object.entries(value)) fields[k] = widen(v);
    return fields;
  }
  return widen(value);
}
function formatShape(shape) {
  if (typeof shape === "string") return shape;
  return `{${Object.entries(shape).map(([k, t]) => `${k}: ${t}`).join(", ")}}`;
}

// core/seeds/validate.ts
var ROW_KEYS = /* @__PURE__ */ new Set(["input", "output"]);
var MAX_TRACKED_KEYS = 50;
var PROGRESS_EVERY_BYTES = 8 * 1024 * 1024;
function createSeedsChecker(options = {}) {
  const limit = options.limit ?? 50;
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let shape = options.shape ?? null;
  const shapeSource = options.shape ? "spec" : null;
  let inferred = false;
  const bad = [];
  let badCount = 0;
  let rows = 0;
  let pendingBlankFrom = 0;
  let pendingBlankCount = 0;
  const unknownKeys = /* @__PURE__ */ new Map();
  const report = (issue) => {
    badCount++;
    if (bad.length < limit) bad.push(issue);
  };
  const flushBlanks = () => {
    for (let i = 0; i < pendingBlankCount && bad.length < limit; i++) bad.push({ line: pendingBlankFrom + i, reason: "empty line" });
    rows += pendingBlankCount;
    badCount += pendingBlankCount;
    pendingBlankCount = 0;
  };
  function line(raw) {
    if (raw.tooLong) {
      flushBlanks();
      rows++;
      report({ line: raw.line, reason: `line is ${raw.length} bytes, longer than the ${options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES}-byte limit` });
      return;
    }
    let text;
    try {
      text = decoder.decode(raw.bytes);
    } catch {
      flushBlanks();
      rows++;
      const at = firstInvalidUtf8Offset(raw.bytes);
      report({ line: raw.line, reason: `invalid UTF-8 at byte ${at + 1} of the line`, column: at + 1 });
      return;
    }
    if (raw.line === 1 && text.charCodeAt(0) === 65279) text = text.slice(1);
    if (text.trim() === "") {
      if (pendingBlankCount === 0) pendingBlankFrom = raw.line;
      pendingBlankCount++;
      return;
    }
    flushBlanks();
    rows++;
    checkRow(text, raw.line);
  }
  function checkRow(text, lineNo) {
    let value;
    try {
      value = JSON.parse(text);
    } catch (err) {
      const message = err.message;
      const position = /at position (\d+)/.exec(message);
      report({ line: lineNo, reason: `not JSON: ${message}`, ...position ? { column: Number(position[1]) + 1 } : {} });
      return;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      report({ line: lineNo, reason: `not an object: the row is ${value === null ? "null" : Array.isArray(value) ? "an array" : `a ${typeof value}`}, expected {"input": ..., "output": ...}` });
      return;
    }
    const row = value;
    for (const key of Object.keys(row)) {
      if (ROW_KEYS.has(key)) continue;
      const seen = unknownKeys.get(key);
      if (seen) seen.count++;
      else if (unknownKeys.size < MAX_TRACKED_KEYS) unknownKeys.set(key, { line: lineNo, reason: `unknown key "${key}" (ignored)`, count: 1 });
    }
    const missing = ["input", "output"].filter((k) => !(k in row));
    if (missing.length > 0) {
      report({ line: lineNo, reason: `missing key ${missing.map((k) => `"${k}"`).join(" and ")}` });
      return;
    }
    const candidate = shape ?? { input: inferShape("input", row.input), output: inferShape("output", row.output) };
    const problems = [...checkShape("input", row.input, candidate.input), ...checkShape("output", row.output, candidate.output)];
    if (problems.length > 0) {
      report({ line: lineNo, reason: problems.join("; ") });
      return;
    }
    if (!shape) {
      shape = candidate;
      inferred = true;
    }
    options.onRow?.({ input: row.input, output: row.output }, lineNo);
  }
  function finish() {
    pendingBlankCount = 0;
    return {
      ok: rows > 0 && badCount === 0,
      rows,
      valid: rows - badCount,
      badCount,
      bad,
      warnings: [...unknownKeys.values()].map((w) => ({ ...w, reason: `${w.reason} on ${w.count} row${w.count === 1 ? "" : "s"}` })),
      shape,
      shapeSource: shapeSource ?? (inferred ? "inferred" : null)
    };
  }
  return { line, finish };
}
async function validateSeedsStream(source, name, options = {}) {
  const reporter = options.reporter ?? silentReporter;
  const checker = createSeedsChecker(options);
  const splitter = new LineSplitter(checker.line, options.maxLineBytes);
  let read = 0;
  let nextProgress = PROGRESS_EVERY_BYTES;
  reporter.progress({ stage: "seeds:validate", done: 0, total: options.totalBytes, message: name });
  for await (const chunk of source) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    splitter.push(bytes);
    read += bytes.length;
    if (read >= nextProgress) {
      reporter.progress({ stage: "seeds:validate", done: read, total: options.totalBytes, message: name });
      nextProgress = read + PROGRESS_EVERY_BYTES;
    }
  }
  splitter.end();
  reporter.progress({ stage: "seeds:validate", done: read, total: options.totalBytes ?? read, message: name });
  const result = checker.finish();
  if (result.rows === 0) {
    throw new KolmError("E_EMPTY_FILE", `${name} has no rows`, {
      hint: 'seed files hold one {"input": ..., "output": ...} object per line; `kolm migrate convert` writes one',
      place: { file: name }
    });
  }
  return { ...result, bytes: read };
}

// core/seeds/read.ts
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
var CHUNK_BYTES = 1024 * 1024;
async function validateSeedsFile(path, options = {}) {
  let size;
  try {
    const st = await stat(path);
    if (st.isDirectory()) {
      throw new KolmError("E_PATH_UNREADABLE", `${path} is a folder, not a JSONL file`, {
        hint: "pass the file itself, e.g. out/train.jsonl",
        place: { file: path }
      });
    }
    size = st.size;
  } catch (err) {
    if (err instanceof KolmError) throw err;
    throw pathError(path, err);
  }
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  try {
    return await validateSeedsStream(stream, path, { ...options, totalBytes: options.totalBytes ?? size });
  } catch (err) {
    if (err instanceof KolmError) throw err;
    throw pathError(path, err);
  } finally {
    stream.destroy();
  }
}
function pathError(path, err) {
  const code = err?.code;
  if (code === "ENOENT") {
    return new KolmError("E_PATH_NOT_FOUND", `${path} does not exist`, {
      hint: "check the path; `kolm migrate convert` writes train.jsonl into its --out folder",
      place: { file: path },
      cause: err
    });
  }
  return new KolmError("E_PATH_UNREADABLE", `could not read ${path}: ${err?.message ?? String(err)}`, {
    hint: "check the file permissions",
    place: { file: path },
    cause: err
  });
}

// core/seeds/examples.ts
import { createHash } from "node:crypto";
import { createReadStream as createReadStream2 } from "node:fs";
var SHOWN = 10;
async function readExamples(file, shape) {
  const examples = [];
  const hash = createHash("sha256");
  const report = await validateSeedsFile(file, {
    shape,
    limit: SHOWN,
    onRow: (row) => examples.push({ input: row.input, output: row.output })
  });
  if (!report.ok) {
    const lines = report.bad.map((b) => `  line ${b.line}: ${b.reason}`).join("\n");
    const more = report.badCount > report.bad.length ? `
  and ${report.badCount - report.bad.length} more` : "";
    throw new KolmError("E_BAD_SEEDS", `${file} has ${report.badCount} bad line(s):
${lines}${more}`, {
      hint: `fix or drop those lines; \`kolm seeds validate ${file}\` lists them all`,
      place: { file, line: report.bad[0]?.line }
    });
  }
  for await (const chunk of createReadStream2(file)) hash.update(chunk);
  return { file, examples, sha256: hash.digest("hex") };
}

export {
  jsonTypeOf,
  checkShape,
  inferShape,
  formatShape,
  createSeedsChecker,
  validateSeedsStream,
  validateSeedsFile,
  readExamples
};
