import {
  CONTEXT_FIELD,
  DEFAULT_ZERO_SHOT_PROMPT_TEMPLATE,
  SAMPLE_FIELD,
  TASK_FIELD,
  parseTemplate,
  rebuildTemplate,
  sanitizeColumnName
} from "./chunk-TSLRCPRA.js";
import {
  ARTIFACT_HINT,
  MANIFEST_ENTRY,
  SIGNATURE_ENTRY,
  VERSION,
  buildManifest,
  commitFilesAtomic,
  compareNames,
  f16ToF32,
  f32ToF16,
  parseSpec,
  readArtifact,
  readSpecFile,
  readUserBytes,
  rootDigest,
  saveArtifact,
  sha256Hex,
  tempPathFor,
  writeArtifact
} from "./chunk-MJ5SRUD2.js";
import {
  KolmError,
  closestName,
  crossCheckAdapter,
  parsePeftAdapterConfig,
  resolveBaseModel
} from "./chunk-HCB5U3V4.js";

// core/compile/compile.ts
import { performance as performance3 } from "node:perf_hooks";

// core/eval/gates.ts
var GATES = [
  { gate: "K_min", label: "K", short: "K", bound: "min", read: (m) => m.K },
  { gate: "pass_min", label: "pass rate", short: "pass", bound: "min", read: (m) => m.pass_rate },
  { gate: "p50_ms_max", label: "p50", short: "p50", bound: "max", read: (m) => m.latency_ms?.p50 },
  { gate: "p95_ms_max", label: "p95", short: "p95", bound: "max", read: (m) => m.latency_ms?.p95 }
];
var GATE_NAMES = GATES.map((g) => g.gate);
function parseGates(text) {
  const gates = {};
  for (const part of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    const m = /^([A-Za-z0-9_]+)\s*=\s*([0-9.eE+-]+)$/.exec(part);
    if (!m || !GATE_NAMES.includes(m[1]) || !Number.isFinite(Number(m[2]))) {
      throw new KolmError("E_USAGE", `bad gate "${part}"`, { hint: `write NAME=NUMBER, comma-separated; names: ${GATE_NAMES.join(", ")}` });
    }
    gates[m[1]] = Number(m[2]);
  }
  return gates;
}
var f3 = (x) => x.toFixed(3);
function checkGates(measured, gates) {
  if (!gates) return [];
  const out = [];
  for (const { gate, label, bound, read } of GATES) {
    const limit = gates[gate];
    if (limit === void 0) continue;
    const value = read(measured);
    if (value === void 0) {
      out.push({ gate, limit, value: null, pass: false, detail: `${label} was not measured` });
    } else if (bound === "min") {
      const pass = value >= limit;
      out.push({ gate, limit, value, pass, detail: pass ? `${label} ${f3(value)} \u2265 ${limit}` : `${label} ${f3(value)} is ${f3(limit - value)} under ${gate} ${limit}` });
    } else {
      const pass = value <= limit;
      out.push({ gate, limit, value, pass, detail: pass ? `${label} ${value} ms \u2264 ${limit}` : `${label} ${value} ms is ${f3(value - limit)} ms over ${gate} ${limit}` });
    }
  }
  return out;
}
function firstMissedGate(results) {
  const g = results.find((r) => !r.pass);
  if (!g) return null;
  const { short, bound } = GATES.find((d) => d.gate === g.gate);
  if (g.value === null) return `${short} not measured (${g.gate} ${g.limit})`;
  return bound === "min" ? `${short} ${f3(g.value)} < ${g.gate} ${g.limit}` : `${short} ${g.value.toFixed(2)} ms > ${g.gate} ${g.limit}`;
}
function gateFailure(results) {
  const missed = results.filter((g) => !g.pass);
  if (missed.length === 0) return null;
  return new KolmError("E_GATE_FAILED", `gate${missed.length > 1 ? "s" : ""} failed: ${missed.map((g) => g.detail).join("; ")}`, {
    hint: "improve the artifact (more data, a base model) or change the gates in the spec / --gates",
    details: { gates: results }
  });
}

// core/eval/latency.ts
import { performance } from "node:perf_hooks";
var WARM_UP = 20;
async function timeSingleCalls(predictor, inputs, onProgress) {
  for (let i = 0; i < Math.min(WARM_UP, inputs.length); i++) await predictor.predict(inputs[i]);
  const times = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    const t0 = performance.now();
    await predictor.predict(inputs[i]);
    times[i] = performance.now() - t0;
    if (onProgress && i % 500 === 0) onProgress(i);
  }
  return times;
}

// core/eval/local.ts
import { performance as performance2 } from "node:perf_hooks";

// core/progress.ts
var silentReporter = {
  progress() {
  },
  info() {
  },
  warn() {
  }
};

// core/kscore/normalize.ts
var QUOTE_PAIRS = { '"': '"', "'": "'", "`": "`", "\u201C": "\u201D", "\u2018": "\u2019", "\xAB": "\xBB", "\u201E": "\u201C" };
var ASCII_PRINTABLE = /^[\x20-\x7e]*$/;
var WHITESPACE_RUN = /\s+/g;
var CACHE_LIMIT = 1e4;
function normalizeKeepCase(text) {
  let s = ASCII_PRINTABLE.test(text) ? text.trim() : text.normalize("NFKC").trim();
  let periodGone = false;
  if (s.endsWith(".")) {
    s = s.slice(0, -1).trimEnd();
    periodGone = true;
  }
  if (s.length >= 2 && QUOTE_PAIRS[s[0]] === s[s.length - 1]) s = s.slice(1, -1).trim();
  if (!periodGone && s.endsWith(".")) s = s.slice(0, -1).trimEnd();
  return s.replace(WHITESPACE_RUN, " ");
}
function labelsDifferOnlyByCase(labels) {
  const byLower = /* @__PURE__ */ new Map();
  for (const label of labels) {
    const kept = normalizeKeepCase(label);
    const lower = kept.toLowerCase();
    const seen = byLower.get(lower);
    if (seen !== void 0 && seen !== kept) return true;
    byLower.set(lower, kept);
  }
  return false;
}
function createNormalizer(options = {}) {
  const caseSensitive = options.labels ? labelsDifferOnlyByCase(options.labels) : false;
  const cache = /* @__PURE__ */ new Map();
  const normalize = (text) => {
    const hit = cache.get(text);
    if (hit !== void 0) return hit;
    const kept = normalizeKeepCase(text);
    const out = caseSensitive ? kept : kept.toLowerCase();
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, out);
    return out;
  };
  return Object.assign(normalize, { caseSensitive });
}
function asText(value) {
  if (typeof value === "string") return value;
  if (value === void 0 || value === null) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

// core/kscore/metrics.ts
var SQUAD_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
var ARTICLES = /* @__PURE__ */ new Set(["a", "an", "the"]);
function squadTokens(text) {
  const s = text.normalize("NFKC").toLowerCase().replace(SQUAD_PUNCTUATION, "");
  return s.split(/\s+/).filter((t) => t.length > 0 && !ARTICLES.has(t));
}
function tokenF1(prediction, reference) {
  const p = squadTokens(prediction);
  const g = squadTokens(reference);
  if (p.length === 0 || g.length === 0) return p.length === g.length ? 1 : 0;
  const same = multisetOverlap(p, g);
  if (same === 0) return 0;
  const precision = same / p.length;
  const recall = same / g.length;
  return 2 * precision * recall / (precision + recall);
}
function multisetOverlap(a, b) {
  const counts = /* @__PURE__ */ new Map();
  for (const t of b) counts.set(t, (counts.get(t) ?? 0) + 1);
  let same = 0;
  for (const t of a) {
    const c = counts.get(t);
    if (c) {
      same++;
      counts.set(t, c - 1);
    }
  }
  return same;
}
var WORD = /[\p{L}\p{N}]+/gu;
function rougeTokens(text) {
  return text.normalize("NFKC").toLowerCase().match(WORD) ?? [];
}
function lcsLength(a, b) {
  if (a.length < b.length) [a, b] = [b, a];
  const ids = /* @__PURE__ */ new Map();
  const id = (t) => {
    let v = ids.get(t);
    if (v === void 0) ids.set(t, v = ids.size);
    return v;
  };
  const ai = Int32Array.from(a, id);
  const bi = Int32Array.from(b, id);
  let prev = new Int32Array(bi.length + 1);
  let curr = new Int32Array(bi.length + 1);
  for (let i = 1; i <= ai.length; i++) {
    const x = ai[i - 1];
    for (let j = 1; j <= bi.length; j++) {
      curr[j] = x === bi[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], curr[j - 1]);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[bi.length];
}
function rougeL(prediction, reference) {
  const p = rougeTokens(prediction);
  const g = rougeTokens(reference);
  if (p.length === 0 || g.length === 0) return p.length === g.length ? 1 : 0;
  const lcs = lcsLength(p, g);
  if (lcs === 0) return 0;
  const precision = lcs / p.length;
  const recall = lcs / g.length;
  return 2 * precision * recall / (precision + recall);
}
var NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
var GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
function parseNumber(value) {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const s = normalizeKeepCase(value);
  if (NUMBER.test(s)) return Number(s);
  if (GROUPED.test(s)) return Number(s.replace(/,/g, ""));
  return null;
}
var NUMBER_RELATIVE_TOLERANCE = 1e-6;
var NUMBER_ABSOLUTE_TOLERANCE = 1e-9;
function numberMatch(prediction, reference) {
  const g = parseNumber(reference);
  const p = parseNumber(prediction);
  if (g === null || p === null) return 0;
  if (Number.isInteger(g)) return p === g ? 1 : 0;
  return Math.abs(p - g) <= Math.max(NUMBER_RELATIVE_TOLERANCE * Math.abs(g), NUMBER_ABSOLUTE_TOLERANCE) ? 1 : 0;
}
function parseJsonValue(value) {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return void 0;
  }
}
function jsonPairs(value, normalize) {
  const out = [];
  const walk = (v, path, root) => {
    if (Array.isArray(v)) {
      if (v.length === 0 && !root) out.push(`${path}\0[]`);
      for (const item of v) walk(item, `${path}[]`, false);
    } else if (v !== null && typeof v === "object") {
      const keys = Object.keys(v);
      if (keys.length === 0 && !root) out.push(`${path}\0{}`);
      for (const k of keys) walk(v[k], path === "" ? k : `${path}.${k}`, false);
    } else {
      out.push(`${path}\0${typeof v === "string" ? normalize(v) : JSON.stringify(v)}`);
    }
  };
  walk(value, "", true);
  return out;
}
function jsonF1(prediction, reference, normalize) {
  const p = parseJsonValue(prediction);
  if (p === void 0) return 0;
  const gParsed = parseJsonValue(reference);
  const g = gParsed === void 0 ? reference : gParsed;
  const pp = jsonPairs(p, normalize);
  const gp = jsonPairs(g, normalize);
  if (pp.length === 0 || gp.length === 0) return pp.length === gp.length ? 1 : 0;
  const same = multisetOverlap(pp, gp);
  return 2 * same / (pp.length + gp.length);
}

// core/kscore/infer.ts
var JSON_MIN_SHARE = 0.95;
var LABEL_MAX_DISTINCT = 50;
var LABEL_MIN_ROWS_PER_LABEL = 3;
var LABEL_MAX_WORDS = 5;
var LABEL_MAX_CHARS = 64;
var SHORT_MAX_MEDIAN_WORDS = 8;
function isJsonOutput(value) {
  if (typeof value === "object" && value !== null) return true;
  if (typeof value !== "string") return false;
  const s = value.trim();
  const first = s[0];
  if (first !== "{" && first !== "[") return false;
  try {
    const parsed = JSON.parse(s);
    return typeof parsed === "object" && parsed !== null;
  } catch {
    return false;
  }
}
function wordCount(text) {
  const t = text.trim();
  return t === "" ? 0 : t.split(/\s+/).length;
}
function outputKindFor(spec, outputs = []) {
  return inferOutputKindFromCounts(countOutputs(outputs), spec.output_kind, spec.shape.output);
}
function countOutputs(outputs) {
  const groups = /* @__PURE__ */ new Map();
  for (const value of outputs) {
    const key = typeof value === "string" ? `s${value}` : `${typeof value}${JSON.stringify(value)}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { value, count: 1 });
  }
  return [...groups.values()];
}
function inferOutputKindFromCounts(counts, override, shapeOutput) {
  if (override) return override;
  const present = counts.filter(({ value: o, count }) => count > 0 && o !== null && o !== void 0 && !(typeof o === "string" && o.trim() === ""));
  let n = 0;
  for (const c of present) n += c.count;
  if (n === 0) return shapeOutput !== void 0 && typeof shapeOutput !== "string" ? "json" : "short";
  let json = 0;
  for (const c of present) if (isJsonOutput(c.value)) json += c.count;
  if (json >= JSON_MIN_SHARE * n) return "json";
  if (present.every((c) => parseNumber(c.value) !== null)) return "number";
  const texts = present.map((c) => ({ text: asText(c.value).trim(), count: c.count }));
  const distinct = new Set(texts.map((t) => t.text));
  const allShort = texts.every(({ text }) => text.length <= LABEL_MAX_CHARS && wordCount(text) <= LABEL_MAX_WORDS);
  if (distinct.size <= LABEL_MAX_DISTINCT && n >= LABEL_MIN_ROWS_PER_LABEL * distinct.size && allShort) return "label";
  const words = texts.map((t) => ({ words: wordCount(t.text), count: t.count })).sort((a, b) => a.words - b.words);
  const nth = (k) => {
    for (const w of words) {
      if (k < w.count) return w.words;
      k -= w.count;
    }
    return words[words.length - 1].words;
  };
  const median = n % 2 ? nth((n - 1) / 2) : (nth(n / 2 - 1) + nth(n / 2)) / 2;
  return median <= SHORT_MAX_MEDIAN_WORDS ? "short" : "long";
}
function labelSet(outputs) {
  const set = /* @__PURE__ */ new Set();
  for (const o of outputs) if (o !== null && o !== void 0) set.add(asText(o));
  return [...set];
}

// core/kscore/scorer.ts
var PASS_THRESHOLD = { label: 1, json: 1, number: 1, short: 0.8, long: 0.8 };
var EPSILON = 1e-9;
function createScorer(kind, options = {}) {
  const normalize = createNormalizer({ labels: options.labels });
  const threshold = PASS_THRESHOLD[kind] - EPSILON;
  const score = scoreFunction(kind, normalize);
  const scoreBest = (prediction, references) => {
    let best = 0;
    for (const ref of references) {
      const s = score(prediction, ref);
      if (s > best) best = s;
      if (best >= 1) break;
    }
    return best;
  };
  return {
    kind,
    normalize,
    score,
    scoreBest,
    judge(prediction, references) {
      const s = scoreBest(prediction, references);
      return { s, pass: s >= threshold };
    },
    passes: (s) => s >= threshold
  };
}
function scoreFunction(kind, normalize) {
  switch (kind) {
    case "label":
      return (p, r) => normalize(asText(p)) === normalize(asText(r)) ? 1 : 0;
    case "number":
      return numberMatch;
    case "json":
      return (p, r) => jsonF1(p, r, normalize);
    case "short":
      return (p, r) => tokenF1(asText(p), asText(r));
    case "long":
      return (p, r) => rougeL(asText(p), asText(r));
  }
}

// core/kscore/aggregate.ts
var Z_95 = 1.959963984540054;
var clip = (x) => Math.min(1, Math.max(0, x));
function wilsonInterval(successes, n, z = Z_95) {
  if (n === 0) return [0, 1];
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = z / denom * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
  return [clip(center - half), clip(center + half)];
}
function meanInterval(values, z = Z_95) {
  const n = values.length;
  if (n < 2) return [0, 1];
  let sum2 = 0;
  for (const v of values) sum2 += v;
  const mean = sum2 / n;
  let squares = 0;
  for (const v of values) squares += (v - mean) * (v - mean);
  const half = z * Math.sqrt(squares / (n - 1) / n);
  return [clip(mean - half), clip(mean + half)];
}
function aggregate(cases) {
  const n = cases.length;
  if (n === 0) return { n: 0, K: 0, K_ci95: [0, 1], passed: 0, pass_rate: 0, pass_rate_ci95: [0, 1] };
  let sum2 = 0;
  let passed = 0;
  const values = new Array(n);
  for (let i = 0; i < n; i++) {
    const c = cases[i];
    values[i] = c.s;
    sum2 += c.s;
    if (c.pass) passed++;
  }
  return {
    n,
    K: sum2 / n,
    K_ci95: meanInterval(values),
    passed,
    pass_rate: passed / n,
    pass_rate_ci95: wilsonInterval(passed, n)
  };
}

// core/eval/report.ts
var EVAL_REPORT_VERSION = 1;
var WORST = 10;
var CONFUSIONS = 10;
function latencyStats(values) {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  let sum2 = 0;
  for (const v of sorted) sum2 += v;
  const r = (x) => Number(x.toFixed(4));
  return { p50: r(at(0.5)), p95: r(at(0.95)), p99: r(at(0.99)), mean: r(sum2 / sorted.length), n: sorted.length };
}
function labelBreakdown(cases, scorer) {
  const norm = (v) => scorer.normalize(typeof v === "string" ? v : JSON.stringify(v ?? ""));
  const display = /* @__PURE__ */ new Map();
  const support = /* @__PURE__ */ new Map();
  const predicted = /* @__PURE__ */ new Map();
  const correct = /* @__PURE__ */ new Map();
  const confusion = /* @__PURE__ */ new Map();
  for (const c of cases) {
    const gold = norm(c.reference);
    display.set(gold, String(c.reference));
    support.set(gold, (support.get(gold) ?? 0) + 1);
    if (c.prediction === void 0) continue;
    const pred = norm(c.prediction);
    if (!display.has(pred)) display.set(pred, String(c.prediction));
    predicted.set(pred, (predicted.get(pred) ?? 0) + 1);
    if (pred === gold) correct.set(gold, (correct.get(gold) ?? 0) + 1);
    else confusion.set(`${gold}\0${pred}`, (confusion.get(`${gold}\0${pred}`) ?? 0) + 1);
  }
  const labels = [...support.keys()].sort().map((l) => {
    const tp = correct.get(l) ?? 0;
    const p = predicted.get(l) ?? 0;
    const s = support.get(l);
    const precision = p ? tp / p : 0;
    const recall = s ? tp / s : 0;
    return { label: display.get(l), support: s, predicted: p, precision, recall, f1: precision + recall ? 2 * precision * recall / (precision + recall) : 0 };
  });
  const confusions = [...confusion.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, CONFUSIONS).map(([k, count]) => {
    const [g, p] = k.split("\0");
    return { reference: display.get(g), prediction: display.get(p), count };
  });
  return { labels, confusions };
}
function fieldBreakdown(cases, scorer) {
  const tp = /* @__PURE__ */ new Map();
  const fp = /* @__PURE__ */ new Map();
  const fn = /* @__PURE__ */ new Map();
  const fieldOf = (pair) => pair.slice(0, pair.indexOf("\0")).split(/[.[]/)[0] || "$";
  const bump = (m, k) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const c of cases) {
    const gold = jsonPairsOf(c.reference, scorer);
    const pred = c.prediction === void 0 ? [] : jsonPairsOf(c.prediction, scorer);
    const left = /* @__PURE__ */ new Map();
    for (const p of gold) left.set(p, (left.get(p) ?? 0) + 1);
    for (const p of pred) {
      const n = left.get(p) ?? 0;
      if (n > 0) {
        left.set(p, n - 1);
        bump(tp, fieldOf(p));
      } else bump(fp, fieldOf(p));
    }
    for (const [p, n] of left) for (let i = 0; i < n; i++) bump(fn, fieldOf(p));
  }
  const fields = /* @__PURE__ */ new Set([...tp.keys(), ...fp.keys(), ...fn.keys()]);
  return [...fields].sort().map((field) => {
    const t = tp.get(field) ?? 0;
    const precision = t + (fp.get(field) ?? 0) ? t / (t + (fp.get(field) ?? 0)) : 0;
    const recall = t + (fn.get(field) ?? 0) ? t / (t + (fn.get(field) ?? 0)) : 0;
    return { field, support: t + (fn.get(field) ?? 0), precision, recall, f1: precision + recall ? 2 * precision * recall / (precision + recall) : 0 };
  });
}
function jsonPairsOf(value, scorer) {
  const parsed = parseJsonValue(value);
  return parsed === void 0 ? [] : jsonPairs(parsed, scorer.normalize);
}
function scoreCases(outcomes, scorer) {
  const cases = outcomes.map((o, index) => {
    const judged = o.prediction === void 0 ? { s: 0, pass: false } : scorer.judge(o.prediction, [o.reference]);
    return { ...o, index, s: judged.s, pass: judged.pass };
  });
  return { cases, summary: aggregate(cases) };
}
function buildReport(system, outcomes, scorer, extra = {}) {
  const { cases, summary } = scoreCases(outcomes, scorer);
  const latencies = cases.flatMap((c) => c.latency_ms === void 0 || c.error ? [] : [c.latency_ms]);
  const worst = cases.filter((c) => !c.pass).sort((a, b) => a.s - b.s || a.index - b.index).slice(0, WORST);
  const report = {
    version: EVAL_REPORT_VERSION,
    system,
    kind: scorer.kind,
    cases: summary.n,
    passed: summary.passed,
    pass_rate: summary.pass_rate,
    pass_rate_ci95: summary.pass_rate_ci95,
    K: summary.K,
    K_ci95: summary.K_ci95,
    errors: cases.filter((c) => c.error !== void 0).length,
    latency_ms: latencyStats(latencies),
    ...extra.throughput_cases_per_s !== void 0 ? { throughput_cases_per_s: Math.round(extra.throughput_cases_per_s) } : {},
    worst,
    results: cases.map((c) => ({
      index: c.index,
      input: c.input,
      reference: c.reference,
      ...c.prediction !== void 0 ? { prediction: c.prediction } : {},
      s: c.s,
      pass: c.pass,
      ...c.latency_ms !== void 0 ? { latency_ms: Number(c.latency_ms.toFixed(4)) } : {},
      ...c.error !== void 0 ? { error: c.error } : {}
    }))
  };
  if (scorer.kind === "label") Object.assign(report, labelBreakdown(cases, scorer));
  if (scorer.kind === "json") report.fields = fieldBreakdown(cases, scorer);
  return report;
}

// core/eval/local.ts
var BATCH = 1024;
async function evaluatePredictor(predictor, examples, scorer, opts) {
  const reporter = opts.reporter ?? silentReporter;
  const inputs = examples.map((e) => e.input);
  const outputs = new Array(inputs.length);
  const started = performance2.now();
  for (let i = 0; i < inputs.length; i += BATCH) {
    const batch = await predictor.predictBatch(inputs.slice(i, i + BATCH));
    batch.forEach((p, k) => outputs[i + k] = p.output);
    reporter.progress({ stage: "eval:predict", done: Math.min(i + BATCH, inputs.length), total: inputs.length });
  }
  const seconds = (performance2.now() - started) / 1e3;
  const sample = Math.min(inputs.length, opts.latencySample ?? inputs.length);
  const latency = await timeSingleCalls(
    predictor,
    inputs.slice(0, sample),
    (done) => reporter.progress({ stage: "eval:latency", done, total: sample })
  );
  reporter.progress({ stage: "eval:latency", done: sample, total: sample });
  return buildReport(
    opts.system,
    examples.map((e, i) => ({ input: e.input, reference: e.output, prediction: outputs[i], latency_ms: latency[i] })),
    scorer,
    { throughput_cases_per_s: seconds > 0 ? inputs.length / seconds : void 0 }
  );
}

// core/util/random.ts
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function shuffled(items, rand) {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// core/recipes/classifier/calibrate.ts
function nll(logits, y, C, T) {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const o = i * C;
    let max = -Infinity;
    for (let c = 0; c < C; c++) max = Math.max(max, logits[o + c] / T);
    let sum2 = 0;
    for (let c = 0; c < C; c++) sum2 += Math.exp(logits[o + c] / T - max);
    total -= logits[o + y[i]] / T - max - Math.log(sum2);
  }
  return y.length ? total / y.length : 0;
}
function fitTemperature(logits, y, C) {
  if (y.length === 0 || C < 2) return 1;
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = Math.log(0.05);
  let b = Math.log(20);
  let x1 = b - phi * (b - a);
  let x2 = a + phi * (b - a);
  let f1 = nll(logits, y, C, Math.exp(x1));
  let f2 = nll(logits, y, C, Math.exp(x2));
  for (let i = 0; i < 40; i++) {
    if (f1 < f2) {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - phi * (b - a);
      f1 = nll(logits, y, C, Math.exp(x1));
    } else {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + phi * (b - a);
      f2 = nll(logits, y, C, Math.exp(x2));
    }
  }
  return Math.exp((a + b) / 2);
}
function expectedCalibrationError(logits, y, C, T, bins = 15) {
  const conf = new Float64Array(bins);
  const hits = new Float64Array(bins);
  const count = new Float64Array(bins);
  for (let i = 0; i < y.length; i++) {
    const o = i * C;
    let max = -Infinity;
    let arg = 0;
    for (let c = 0; c < C; c++) {
      if (logits[o + c] > max) {
        max = logits[o + c];
        arg = c;
      }
    }
    let sum2 = 0;
    for (let c = 0; c < C; c++) sum2 += Math.exp((logits[o + c] - max) / T);
    const p = 1 / sum2;
    const b = Math.min(bins - 1, Math.floor(p * bins));
    conf[b] += p;
    hits[b] += arg === y[i] ? 1 : 0;
    count[b]++;
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) if (count[b]) ece += Math.abs(hits[b] - conf[b]) / y.length;
  return ece;
}

// core/recipes/classifier/featurize.ts
var DEFAULT_FEATURIZER = { hashBits: 18, charMin: 3, charMax: 5, wordBigrams: true };
var FNV_OFFSET = 2166136261;
var FNV_PRIME = 16777619;
var TOKEN_RE = /[\p{L}\p{M}\p{N}_']+|[^\s\p{L}\p{M}\p{N}_']/gu;
var NON_ASCII = /[^\x00-\x7f]/;
function fnvString(h, s) {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}
function fmix(h) {
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  return (h ^ h >>> 16) >>> 0;
}
function fieldText(v) {
  if (typeof v === "string") return v;
  if (v === null || v === void 0) return "";
  return JSON.stringify(v);
}
function normalizeText(s) {
  return (NON_ASCII.test(s) ? s.normalize("NFKC") : s).toLowerCase();
}
function tokenize(text) {
  return normalizeText(text).match(TOKEN_RE) ?? [];
}
var BucketList = class {
  data = new Int32Array(1024);
  length = 0;
  push(b) {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = b;
  }
};
var Hasher = class {
  constructor(spec) {
    this.spec = spec;
    this.buckets = 2 ** spec.hashBits;
    this.half = this.buckets >>> 1;
    this.mask = this.half - 1;
  }
  spec;
  buckets;
  half;
  mask;
  seeds = /* @__PURE__ */ new Map();
  /** The group the bucket belongs to: 0 words, 1 chars. */
  group(bucket) {
    return bucket >= this.half ? 1 : 0;
  }
  seedsFor(field) {
    let s = this.seeds.get(field);
    if (!s) {
      s = [fnvString(FNV_OFFSET, `w\0${field}\0`), fnvString(FNV_OFFSET, `c\0${field}\0`)];
      this.seeds.set(field, s);
    }
    return s;
  }
  /** Push every feature bucket of `input` (string, or object of fields featurized with a field prefix). */
  hash(input, out) {
    out.length = 0;
    if (typeof input === "string") this.hashText(input, "", out);
    else if (input !== null && typeof input === "object" && !Array.isArray(input)) {
      for (const key of Object.keys(input).sort()) this.hashText(fieldText(input[key]), key, out);
    } else this.hashText(fieldText(input), "", out);
  }
  hashText(text, field, out) {
    const [seedW, seedC] = this.seedsFor(field);
    const { charMin, charMax, wordBigrams } = this.spec;
    const mask = this.mask;
    const half = this.half;
    const tokens = tokenize(text);
    let prev = seedW ^ 47;
    for (const tok of tokens) {
      const h = fnvString(seedW, tok);
      out.push(fmix(h) & mask);
      if (wordBigrams) out.push(fmix(Math.imul(prev ^ 2654435769, FNV_PRIME) ^ h) & mask);
      prev = h;
      const L = tok.length;
      for (let i = -1; i <= L; i++) {
        let c = seedC;
        for (let j = i, n = 1; j <= L && n <= charMax; j++, n++) {
          c = Math.imul(c ^ (j < 0 || j === L ? 32 : tok.charCodeAt(j)), FNV_PRIME);
          if (n >= charMin) out.push(half | fmix(c) & mask);
        }
      }
    }
    if (wordBigrams && tokens.length > 0) out.push(fmix(Math.imul(prev ^ 2654435769, FNV_PRIME) ^ (seedW ^ 61)) & mask);
  }
};

// core/recipes/classifier/train.ts
function emptyModel(features, classes) {
  return { features, classes, W: new Float64Array(features * classes), b: new Float64Array(classes) };
}
function cloneModel(m) {
  return { features: m.features, classes: m.classes, W: m.W.slice(), b: m.b.slice() };
}
function logitsOf(m, X) {
  const C = m.classes;
  const out = new Float64Array(X.n * C);
  const z = new Float64Array(C);
  for (let i = 0; i < X.n; i++) {
    const o = i * C;
    for (let c = 0; c < C; c++) z[c] = m.b[c];
    rowLogits(X, X.ptr[i], X.ptr[i + 1], m.W, C, z);
    out.set(z, o);
  }
  return out;
}
function rowLogits(X, start, end, P, C, z) {
  const { cols, vals } = X;
  let c0 = 0;
  for (; c0 + 4 <= C; c0 += 4) {
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
    for (let k = start; k < end; k++) {
      const v = vals[k];
      const w = cols[k] * C + c0;
      a0 += v * P[w];
      a1 += v * P[w + 1];
      a2 += v * P[w + 2];
      a3 += v * P[w + 3];
    }
    z[c0] += a0;
    z[c0 + 1] += a1;
    z[c0 + 2] += a2;
    z[c0 + 3] += a3;
  }
  if (c0 + 2 <= C) {
    let a0 = 0, a1 = 0;
    for (let k = start; k < end; k++) {
      const v = vals[k];
      const w = cols[k] * C + c0;
      a0 += v * P[w];
      a1 += v * P[w + 1];
    }
    z[c0] += a0;
    z[c0 + 1] += a1;
    c0 += 2;
  }
  if (c0 < C) {
    let a0 = 0;
    for (let k = start; k < end; k++) a0 += vals[k] * P[cols[k] * C + c0];
    z[c0] += a0;
  }
}
function rowGradient(X, start, end, d, C, G) {
  const { cols, vals } = X;
  let c0 = 0;
  for (; c0 + 4 <= C; c0 += 4) {
    const d0 = d[c0], d1 = d[c0 + 1], d2 = d[c0 + 2], d3 = d[c0 + 3];
    for (let k = start; k < end; k++) {
      const v = vals[k];
      const w = cols[k] * C + c0;
      G[w] += v * d0;
      G[w + 1] += v * d1;
      G[w + 2] += v * d2;
      G[w + 3] += v * d3;
    }
  }
  if (c0 + 2 <= C) {
    const d0 = d[c0], d1 = d[c0 + 1];
    for (let k = start; k < end; k++) {
      const v = vals[k];
      const w = cols[k] * C + c0;
      G[w] += v * d0;
      G[w + 1] += v * d1;
    }
    c0 += 2;
  }
  if (c0 < C) {
    const d0 = d[c0];
    for (let k = start; k < end; k++) G[cols[k] * C + c0] += vals[k] * d0;
  }
}
function objective(X, y, C, lambda, params, grad) {
  const F = X.features;
  const nb = F * C;
  grad.fill(0);
  const p = new Float64Array(C);
  let loss = 0;
  const inv = 1 / X.n;
  for (let i = 0; i < X.n; i++) {
    const start = X.ptr[i];
    const end = X.ptr[i + 1];
    for (let c = 0; c < C; c++) p[c] = params[nb + c];
    rowLogits(X, start, end, params, C, p);
    let max = -Infinity;
    for (let c = 0; c < C; c++) if (p[c] > max) max = p[c];
    let sum2 = 0;
    for (let c = 0; c < C; c++) sum2 += p[c] = Math.exp(p[c] - max);
    const yi = y[i];
    loss -= Math.log(p[yi] / sum2);
    for (let c = 0; c < C; c++) p[c] = (p[c] / sum2 - (c === yi ? 1 : 0)) * inv;
    rowGradient(X, start, end, p, C, grad);
    for (let c = 0; c < C; c++) grad[nb + c] += p[c];
  }
  let reg = 0;
  for (let j = 0; j < nb; j++) {
    const w = params[j];
    reg += w * w;
    grad[j] += lambda * w;
  }
  return loss * inv + 0.5 * lambda * reg;
}
function dot(a, b) {
  let s0 = 0;
  let s1 = 0;
  const n = a.length;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    s0 += a[i] * b[i];
    s1 += a[i + 1] * b[i + 1];
  }
  if (i < n) s0 += a[i] * b[i];
  return s0 + s1;
}
function axpy(a, x, y) {
  for (let i = 0; i < y.length; i++) y[i] += a * x[i];
}
function trainLogistic(X, y, classes, opts, init) {
  const C = classes;
  const F = X.features;
  const dim = F * C + C;
  const x = new Float64Array(dim);
  if (init) {
    x.set(init.W);
    x.set(init.b, F * C);
  }
  const g = new Float64Array(dim);
  let f = objective(X, y, C, opts.lambda, x, g);
  const m = opts.memory ?? 6;
  const S = [];
  const Y = [];
  const rho = [];
  const d = new Float64Array(dim);
  const xNew = new Float64Array(dim);
  const gNew = new Float64Array(dim);
  const alpha = new Float64Array(m);
  const history = [f];
  let it = 0;
  for (; it < opts.maxIterations; it++) {
    d.set(g);
    for (let j = S.length - 1; j >= 0; j--) {
      const a = rho[j] * dot(S[j], d);
      alpha[j] = a;
      axpy(-a, Y[j], d);
    }
    const last = S.length - 1;
    const gamma = last >= 0 ? dot(S[last], Y[last]) / dot(Y[last], Y[last]) : 1 / Math.sqrt(dot(g, g) || 1);
    for (let i = 0; i < dim; i++) d[i] = -gamma * d[i];
    for (let j = 0; j < S.length; j++) {
      const beta = rho[j] * -dot(Y[j], d);
      axpy(-(alpha[j] - beta), S[j], d);
    }
    let slope = dot(g, d);
    if (!(slope < 0)) {
      S.length = Y.length = rho.length = 0;
      for (let i = 0; i < dim; i++) d[i] = -g[i];
      slope = -dot(g, g);
      if (slope === 0) break;
    }
    let step = 1;
    let fNew = 0;
    let accepted = false;
    for (let ls = 0; ls < 30; ls++) {
      for (let i = 0; i < dim; i++) xNew[i] = x[i] + step * d[i];
      fNew = objective(X, y, C, opts.lambda, xNew, gNew);
      if (fNew <= f + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) break;
    let s;
    let yy;
    if (S.length === m) {
      s = S.shift();
      yy = Y.shift();
      rho.shift();
    } else {
      s = new Float64Array(dim);
      yy = new Float64Array(dim);
    }
    for (let i = 0; i < dim; i++) {
      s[i] = xNew[i] - x[i];
      yy[i] = gNew[i] - g[i];
    }
    const sy = dot(s, yy);
    if (sy > 1e-12) {
      S.push(s);
      Y.push(yy);
      rho.push(1 / sy);
    }
    x.set(xNew);
    g.set(gNew);
    f = fNew;
    history.push(f);
    const back = history.length > 3 ? history[history.length - 4] : Infinity;
    if ((back - f) / Math.max(Math.abs(f), 1e-12) < opts.tolerance) {
      it++;
      break;
    }
  }
  const model = emptyModel(F, C);
  model.W.set(x.subarray(0, F * C));
  model.b.set(x.subarray(F * C));
  return { model, iterations: it, loss: f };
}
function sgdStart(X, y, classes, epochs, eta, rand) {
  const C = classes;
  const m = emptyModel(X.features, C);
  const order = Int32Array.from({ length: X.n }, (_, i) => i);
  const p = new Float64Array(C);
  for (let e = 0; e < epochs; e++) {
    for (let i = X.n - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    const step = eta / (1 + e);
    for (let t = 0; t < X.n; t++) {
      const i = order[t];
      const start = X.ptr[i];
      const end = X.ptr[i + 1];
      for (let c = 0; c < C; c++) p[c] = m.b[c];
      rowLogits(X, start, end, m.W, C, p);
      let max = -Infinity;
      for (let c = 0; c < C; c++) if (p[c] > max) max = p[c];
      let sum2 = 0;
      for (let c = 0; c < C; c++) sum2 += p[c] = Math.exp(p[c] - max);
      const yi = y[i];
      for (let c = 0; c < C; c++) p[c] = -step * (p[c] / sum2 - (c === yi ? 1 : 0));
      rowGradient(X, start, end, p, C, m.W);
      for (let c = 0; c < C; c++) m.b[c] += p[c];
    }
  }
  return m;
}

// core/recipes/classifier/vectorize.ts
function countBuckets(list) {
  const a = list.data.subarray(0, list.length).sort();
  let distinct = 0;
  for (let i = 0; i < a.length; i++) if (i === 0 || a[i] !== a[i - 1]) distinct++;
  const buckets = new Int32Array(distinct);
  const counts = new Int32Array(distinct);
  let k = -1;
  for (let i = 0; i < a.length; i++) {
    if (i === 0 || a[i] !== a[i - 1]) buckets[++k] = a[i];
    counts[k]++;
  }
  return { buckets, counts };
}
function buildVocabulary(docs, bucketCount, minDf, maxRows) {
  const df = new Int32Array(bucketCount);
  for (const d of docs) for (let i = 0; i < d.buckets.length; i++) df[d.buckets[i]]++;
  let kept = [];
  for (let b = 0; b < bucketCount; b++) if (df[b] >= minDf) kept.push(b);
  if (kept.length > maxRows) {
    kept = kept.slice().sort((a, b) => df[b] - df[a] || a - b).slice(0, maxRows).sort((a, b) => a - b);
  }
  const buckets = Int32Array.from(kept);
  return { buckets, df: Int32Array.from(kept, (b) => df[b]), docs: docs.length };
}
var Vectorizer = class {
  constructor(spec, vocab, weighting) {
    this.vocab = vocab;
    this.weighting = weighting;
    this.hasher = new Hasher(spec);
    this.rows = vocab.buckets.length;
    this.rowOf = new Int32Array(this.hasher.buckets).fill(-1);
    this.rowWeight = new Float32Array(this.rows);
    for (let r = 0; r < this.rows; r++) {
      this.rowOf[vocab.buckets[r]] = r;
      this.rowWeight[r] = weighting.idf ? Math.log((1 + vocab.docs) / (1 + vocab.df[r])) + 1 : 1;
    }
  }
  vocab;
  weighting;
  hasher;
  rows;
  rowOf;
  rowWeight;
  scratch = new BucketList();
  /** Output of the last vectorize(): rows[0..n) and values[0..n). */
  outRows = new Int32Array(512);
  outValues = new Float32Array(512);
  /** Buckets and counts of one input (used at training time, before the vocabulary exists). */
  static bucketsOf(hasher, input, scratch) {
    hasher.hash(input, scratch);
    return countBuckets(scratch);
  }
  /** Featurize `input` into outRows/outValues; returns how many entries were written. */
  vectorize(input) {
    this.hasher.hash(input, this.scratch);
    const list = this.scratch;
    const a = list.data.subarray(0, list.length).sort();
    if (this.outRows.length < a.length) {
      this.outRows = new Int32Array(a.length * 2);
      this.outValues = new Float32Array(a.length * 2);
    }
    const rows = this.outRows;
    const values = this.outValues;
    const sub = this.weighting.sublinearTf;
    let n = 0;
    let norm0 = 0;
    let norm1 = 0;
    let split = -1;
    for (let i = 0; i < a.length; ) {
      const b = a[i];
      let tf = 1;
      while (i + tf < a.length && a[i + tf] === b) tf++;
      i += tf;
      const r = this.rowOf[b];
      if (r < 0) continue;
      const v = (sub ? 1 + Math.log(tf) : tf) * this.rowWeight[r];
      if (this.hasher.group(b) === 0) norm0 += v * v;
      else {
        if (split < 0) split = n;
        norm1 += v * v;
      }
      rows[n] = r;
      values[n++] = v;
    }
    if (split < 0) split = n;
    const groups = (norm0 > 0 ? 1 : 0) + (norm1 > 0 ? 1 : 0);
    const g = groups > 0 ? 1 / Math.sqrt(groups) : 0;
    const s0 = norm0 > 0 ? g / Math.sqrt(norm0) : 0;
    const s1 = norm1 > 0 ? g / Math.sqrt(norm1) : 0;
    for (let i = 0; i < split; i++) values[i] = values[i] * s0;
    for (let i = split; i < n; i++) values[i] = values[i] * s1;
    return n;
  }
};
function pushVarint(out, v) {
  while (v >= 128) {
    out.push(v & 127 | 128);
    v >>>= 7;
  }
  out.push(v);
}
function encodeVocabulary(v) {
  const out = [75, 67, 86, 49];
  pushVarint(out, v.docs);
  pushVarint(out, v.buckets.length);
  let prev = 0;
  for (let r = 0; r < v.buckets.length; r++) {
    pushVarint(out, v.buckets[r] - prev);
    prev = v.buckets[r];
  }
  for (let r = 0; r < v.df.length; r++) pushVarint(out, v.df[r]);
  return Uint8Array.from(out);
}
function decodeVocabulary(bytes, bucketCount) {
  if (bytes.length < 4 || bytes[0] !== 75 || bytes[1] !== 67 || bytes[2] !== 86 || bytes[3] !== 49) {
    throw new Error("not a classifier vocabulary table (bad magic)");
  }
  let pos = 4;
  const next = () => {
    let v = 0;
    let mul = 1;
    for (; ; ) {
      if (pos >= bytes.length) throw new Error("vocabulary table is truncated");
      const b = bytes[pos++];
      v += (b & 127) * mul;
      if ((b & 128) === 0) return v;
      mul *= 128;
    }
  };
  const docs = next();
  const rows = next();
  const buckets = new Int32Array(rows);
  const df = new Int32Array(rows);
  let prev = 0;
  for (let r = 0; r < rows; r++) {
    prev += next();
    if (prev >= bucketCount || r > 0 && prev <= buckets[r - 1]) throw new Error(`vocabulary bucket ${prev} at row ${r} is out of order or range`);
    buckets[r] = prev;
  }
  for (let r = 0; r < rows; r++) df[r] = next();
  if (pos !== bytes.length) throw new Error("vocabulary table has trailing bytes");
  return { buckets, df, docs };
}

// core/recipes/classifier/weights.ts
function storeWeights(m, storage) {
  const C = m.classes;
  const rows = m.features + 1;
  const bias = Float32Array.from(m.b);
  if (storage === "f32") {
    const data2 = new Float32Array(rows * C);
    data2.set(m.W);
    return { storage, rows, classes: C, data: data2, bias };
  }
  if (storage === "f16") {
    const data2 = new Uint16Array(rows * C);
    for (let i = 0; i < m.W.length; i++) data2[i] = f32ToF16(m.W[i]);
    return { storage, rows, classes: C, data: data2, bias };
  }
  const scale = new Float32Array(C);
  for (let c = 0; c < C; c++) {
    let max = 0;
    for (let f = 0; f < m.features; f++) max = Math.max(max, Math.abs(m.W[f * C + c]));
    scale[c] = max > 0 ? max / 127 : 1;
  }
  const data = new Int8Array(rows * C);
  for (let f = 0; f < m.features; f++) {
    for (let c = 0; c < C; c++) data[f * C + c] = Math.max(-127, Math.min(127, Math.round(m.W[f * C + c] / scale[c])));
  }
  return { storage, rows, classes: C, data, scale, bias };
}
function unscaledWeights(w) {
  if (w.data instanceof Float32Array) return w.data;
  if (w.data instanceof Int8Array) return Float32Array.from(w.data);
  return Float32Array.from(w.data, f16ToF32);
}
var TsScorer = class {
  constructor(weights, temperature) {
    this.weights = weights;
    this.temperature = temperature;
    this.W = unscaledWeights(weights);
    this.acc = new Float64Array(weights.classes);
  }
  weights;
  temperature;
  W;
  acc;
  /** Raw logits (before temperature) into `out`. */
  logits(rows, values, n, out) {
    const C = this.weights.classes;
    const W = this.W;
    const acc = this.acc.fill(0);
    for (let k = 0; k < n; k++) {
      const v = values[k];
      const o = rows[k] * C;
      for (let c = 0; c < C; c++) acc[c] += v * W[o + c];
    }
    const { scale, bias } = this.weights;
    for (let c = 0; c < C; c++) out[c] = (scale ? acc[c] * scale[c] : acc[c]) + bias[c];
  }
  probabilities(rows, values, n, out) {
    this.logits(rows, values, n, out);
    softmaxInPlace(out, this.weights.classes, 1 / this.temperature);
  }
};
function softmaxInPlace(z, C, invT, offset = 0) {
  let max = -Infinity;
  for (let c = 0; c < C; c++) max = Math.max(max, z[offset + c] * invT);
  let sum2 = 0;
  for (let c = 0; c < C; c++) sum2 += z[offset + c] = Math.exp(z[offset + c] * invT - max);
  for (let c = 0; c < C; c++) z[offset + c] = z[offset + c] / sum2;
}

// core/recipes/classifier/fit.ts
var WEIGHTING = { sublinearTf: true, idf: true };
var C_GRID = [3, 10, 30];
var C_DEFAULT = 10;
var MIN_ROWS_FOR_SPLIT = 40;
var HOLDOUT = 0.2;
var INT8_TOLERANCE = 5e-3;
var WEIGHT_BUDGET_BYTES = 14e5;
var ITER_FIRST = 15;
var ITER_WARM = 10;
var ITER_FINAL = 40;
var SGD_EPOCHS = 3;
var SGD_ETA = 1;
var TOLERANCE = 1e-4;
function labelIndex(train) {
  const byKey = /* @__PURE__ */ new Map();
  for (const e of train) {
    const k = JSON.stringify(e.output ?? null);
    if (!byKey.has(k)) byKey.set(k, e.output);
  }
  const keys = [...byKey.keys()].sort();
  const index = new Map(keys.map((k, i) => [k, i]));
  return { labels: keys.map((k) => byKey.get(k)), y: Int32Array.from(train, (e) => index.get(JSON.stringify(e.output ?? null))) };
}
function toCsr(vec, inputs) {
  const ptr = new Int32Array(inputs.length + 1);
  let cols = new Int32Array(inputs.length * 64);
  let vals = new Float32Array(inputs.length * 64);
  let nnz = 0;
  inputs.forEach((input, i) => {
    const n = vec.vectorize(input);
    if (nnz + n > cols.length) {
      const size = Math.max(nnz + n, cols.length * 2);
      const c2 = new Int32Array(size);
      c2.set(cols.subarray(0, nnz));
      cols = c2;
      const v2 = new Float32Array(size);
      v2.set(vals.subarray(0, nnz));
      vals = v2;
    }
    cols.set(vec.outRows.subarray(0, n), nnz);
    vals.set(vec.outValues.subarray(0, n), nnz);
    nnz += n;
    ptr[i + 1] = nnz;
  });
  return { n: inputs.length, features: vec.rows, ptr, cols: cols.slice(0, nnz), vals: vals.slice(0, nnz) };
}
function subset(X, idx) {
  const ptr = new Int32Array(idx.length + 1);
  let nnz = 0;
  idx.forEach((i, j) => {
    nnz += X.ptr[i + 1] - X.ptr[i];
    ptr[j + 1] = nnz;
  });
  const cols = new Int32Array(nnz);
  const vals = new Float32Array(nnz);
  idx.forEach((i, j) => {
    cols.set(X.cols.subarray(X.ptr[i], X.ptr[i + 1]), ptr[j]);
    vals.set(X.vals.subarray(X.ptr[i], X.ptr[i + 1]), ptr[j]);
  });
  return { n: idx.length, features: X.features, ptr, cols, vals };
}
function stratifiedSplit(y, share, seed) {
  const rand = seededRandom(seed);
  const groups = /* @__PURE__ */ new Map();
  y.forEach((c, i) => {
    const g = groups.get(c);
    if (g) g.push(i);
    else groups.set(c, [i]);
  });
  const train = [];
  const validation = [];
  for (const c of [...groups.keys()].sort((a, b) => a - b)) {
    const members = shuffled(groups.get(c), rand);
    const held = members.length < 2 ? 0 : Math.max(1, Math.round(members.length * share));
    members.forEach((i, j) => (j < held ? validation : train).push(i));
  }
  return { train: train.sort((a, b) => a - b), validation: validation.sort((a, b) => a - b) };
}
function accuracyOf(logits, y, C) {
  let ok = 0;
  for (let i = 0; i < y.length; i++) {
    let best = 0;
    for (let c = 1; c < C; c++) if (logits[i * C + c] > logits[i * C + best]) best = c;
    if (best === y[i]) ok++;
  }
  return y.length ? ok / y.length : 0;
}
function storedLogits(w, X) {
  const scorer = new TsScorer(w, 1);
  const out = new Float64Array(X.n * w.classes);
  const row = new Float64Array(w.classes);
  for (let i = 0; i < X.n; i++) {
    const s = X.ptr[i];
    const n = X.ptr[i + 1] - s;
    scorer.logits(X.cols.subarray(s), X.vals.subarray(s), n, row);
    out.set(row, i * w.classes);
  }
  return out;
}
function fitClassifier(train, ctx, spec = DEFAULT_FEATURIZER) {
  const { labels, y } = labelIndex(train);
  const C = labels.length;
  const hasher = new Hasher(spec);
  const scratch = new BucketList();
  const docs = train.map((e) => Vectorizer.bucketsOf(hasher, e.input, scratch));
  const minDf = train.length >= 500 ? 2 : 1;
  const maxRows = Math.max(1e3, Math.floor(WEIGHT_BUDGET_BYTES / (2 * Math.max(C, 1))));
  const vocab = buildVocabulary(docs, hasher.buckets, minDf, maxRows);
  const vec = new Vectorizer(spec, vocab, WEIGHTING);
  const X = toCsr(vec, train.map((e) => e.input));
  const wantInt8 = ctx.quantization === "int8" || ctx.quantization === "int4";
  const grid = [];
  let chosenC = C_DEFAULT;
  let start;
  let temperature = 1;
  let holdout;
  let storage = wantInt8 ? "int8" : "f16";
  let iterations = 0;
  const split = train.length >= MIN_ROWS_FOR_SPLIT && C >= 2 ? stratifiedSplit(y, HOLDOUT, ctx.seed) : null;
  if (split && split.validation.length > 0) {
    const Xa = subset(X, split.train);
    const ya = Int32Array.from(split.train, (i) => y[i]);
    const Xb = subset(X, split.validation);
    const yb = Int32Array.from(split.validation, (i) => y[i]);
    let best;
    let warm = sgdStart(Xa, ya, C, SGD_EPOCHS, SGD_ETA, seededRandom(ctx.seed ^ 24301));
    let first = true;
    for (const c of C_GRID) {
      const r = trainLogistic(Xa, ya, C, { lambda: 1 / (c * Xa.n), maxIterations: first ? ITER_FIRST : ITER_WARM, tolerance: TOLERANCE }, warm);
      first = false;
      iterations += r.iterations;
      warm = r.model;
      const logits = logitsOf(r.model, Xb);
      const acc = accuracyOf(logits, yb, C);
      const loss = nll(logits, yb, C, 1);
      grid.push({ C: c, accuracy: round(acc), nll: round(loss) });
      if (!best || loss < best.nll) best = { C: c, acc, nll: loss, model: cloneModel(r.model), logits };
    }
    chosenC = best.C;
    start = best.model;
    temperature = fitTemperature(best.logits, yb, C);
    let accInt8;
    if (wantInt8) {
      accInt8 = accuracyOf(storedLogits(storeWeights(best.model, "int8"), Xb), yb, C);
      if (best.acc - accInt8 > INT8_TOLERANCE) storage = "f16";
    }
    holdout = {
      n: yb.length,
      accuracy: round(best.acc),
      ...accInt8 !== void 0 ? { accuracy_int8: round(accInt8) } : {},
      nll: round(best.nll),
      nll_calibrated: round(nll(best.logits, yb, C, temperature)),
      ece: round(expectedCalibrationError(best.logits, yb, C, 1)),
      ece_calibrated: round(expectedCalibrationError(best.logits, yb, C, temperature))
    };
  }
  const lambda = 1 / (chosenC * X.n);
  start ??= sgdStart(X, y, C, SGD_EPOCHS, SGD_ETA, seededRandom(ctx.seed ^ 24301));
  const final = trainLogistic(X, y, C, { lambda, maxIterations: ITER_FINAL, tolerance: TOLERANCE / 10 }, start);
  iterations += final.iterations;
  return {
    labels,
    spec,
    vocab,
    weights: storeWeights(final.model, storage),
    temperature,
    report: {
      rows: train.length,
      features: vocab.buckets.length,
      classes: C,
      min_df: minDf,
      C: chosenC,
      lambda,
      grid,
      storage,
      quantization_requested: ctx.quantization,
      ...holdout ? { holdout } : {},
      iterations
    }
  };
}
var round = (x) => Number(x.toFixed(6));

// core/onnx/proto.ts
var WIRE_VARINT = 0;
var WIRE_FIXED32 = 5;
var WIRE_BYTES = 2;
var utf8 = new TextEncoder();
var utf8Decoder = new TextDecoder("utf-8", { fatal: true });
var ProtoWriter = class _ProtoWriter {
  buf = new Uint8Array(256);
  len = 0;
  reserve(n) {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
  rawVarint(value) {
    let v = BigInt.asUintN(64, BigInt(value));
    this.reserve(10);
    while (v >= 0x80n) {
      this.buf[this.len++] = Number(v & 0x7fn) | 128;
      v >>= 7n;
    }
    this.buf[this.len++] = Number(v);
  }
  tag(field, wire) {
    this.rawVarint(field << 3 | wire);
  }
  varint(field, value) {
    this.tag(field, WIRE_VARINT);
    this.rawVarint(value);
    return this;
  }
  float(field, value) {
    this.tag(field, WIRE_FIXED32);
    this.reserve(4);
    new DataView(this.buf.buffer).setFloat32(this.len, value, true);
    this.len += 4;
    return this;
  }
  bytes(field, data) {
    this.tag(field, WIRE_BYTES);
    this.rawVarint(data.length);
    this.reserve(data.length);
    this.buf.set(data, this.len);
    this.len += data.length;
    return this;
  }
  string(field, value) {
    return this.bytes(field, utf8.encode(value));
  }
  message(field, w) {
    return this.bytes(field, w.finish());
  }
  /** A packed repeated int64 field. */
  packedVarints(field, values) {
    const inner = new _ProtoWriter();
    for (const v of values) inner.rawVarint(v);
    return this.bytes(field, inner.finish());
  }
  finish() {
    return this.buf.slice(0, this.len);
  }
};
function readFields(data) {
  const out = [];
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let pos = 0;
  const varint = () => {
    let result = 0n;
    let shift = 0n;
    for (; ; ) {
      if (pos >= data.length) throw new Error("truncated varint");
      const b = data[pos++];
      result |= BigInt(b & 127) << shift;
      if ((b & 128) === 0) return result;
      shift += 7n;
      if (shift > 63n) throw new Error("varint longer than 10 bytes");
    }
  };
  while (pos < data.length) {
    const key = Number(varint());
    const field = key >>> 3;
    const wire = key & 7;
    if (wire === WIRE_VARINT) out.push({ field, wire, int: varint() });
    else if (wire === WIRE_BYTES) {
      const n = Number(varint());
      if (pos + n > data.length) throw new Error(`field ${field} runs past the end of the message`);
      out.push({ field, wire, bytes: data.subarray(pos, pos + n) });
      pos += n;
    } else if (wire === WIRE_FIXED32) {
      if (pos + 4 > data.length) throw new Error("truncated fixed32");
      out.push({ field, wire, float: view.getFloat32(pos, true) });
      pos += 4;
    } else if (wire === 1) {
      pos += 8;
    } else throw new Error(`unsupported wire type ${wire} for field ${field}`);
  }
  return out;
}
function decodeString(bytes) {
  return utf8Decoder.decode(bytes);
}

// core/onnx/model.ts
var DataType = { FLOAT: 1, UINT8: 2, INT8: 3, INT32: 6, INT64: 7, FLOAT16: 10 };
function irVersionFor(opset) {
  if (opset <= 8) return 3;
  if (opset <= 10) return 5;
  if (opset <= 11) return 6;
  if (opset <= 14) return 7;
  if (opset <= 18) return 8;
  if (opset <= 20) return 9;
  return 10;
}
function littleEndianBytes(data) {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
function tensor(t) {
  const w = new ProtoWriter();
  for (const d of t.dims) w.varint(1, d);
  w.varint(2, t.dataType);
  w.string(8, t.name);
  w.bytes(9, littleEndianBytes(t.data));
  return w;
}
function attribute(name, value, forceFloat) {
  const w = new ProtoWriter().string(1, name);
  if (typeof value === "string") return w.string(4, value).varint(20, 3);
  if (typeof value === "number") {
    if (!forceFloat && Number.isInteger(value)) return w.varint(3, value).varint(20, 2);
    return w.float(2, value).varint(20, 1);
  }
  return w.packedVarints(8, value).varint(20, 7);
}
function node(n) {
  const w = new ProtoWriter();
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  if (n.name) w.string(3, n.name);
  w.string(4, n.opType);
  for (const [k, v] of Object.entries(n.attributes ?? {})) w.message(5, attribute(k, v, n.floatAttrs?.includes(k) ?? false));
  return w;
}
function valueInfo(v) {
  const shape = new ProtoWriter();
  for (const d of v.shape) shape.message(1, typeof d === "number" ? new ProtoWriter().varint(1, d) : new ProtoWriter().string(2, d));
  const tensorType = new ProtoWriter().varint(1, v.elemType).message(2, shape);
  return new ProtoWriter().string(1, v.name).message(2, new ProtoWriter().message(1, tensorType));
}
function encodeModel(m) {
  const graph = new ProtoWriter();
  for (const n of m.nodes) graph.message(1, node(n));
  graph.string(2, m.graphName);
  for (const t of m.initializers) graph.message(5, tensor(t));
  for (const i of m.inputs) graph.message(11, valueInfo(i));
  for (const o of m.outputs) graph.message(12, valueInfo(o));
  const model = new ProtoWriter();
  model.varint(1, m.irVersion);
  model.string(2, m.producer.name);
  model.string(3, m.producer.version);
  if (m.docString) model.string(6, m.docString);
  model.message(7, graph);
  model.message(8, new ProtoWriter().string(1, "").varint(2, m.opset));
  for (const [k, v] of m.metadata ?? []) model.message(14, new ProtoWriter().string(1, k).string(2, v));
  return model.finish();
}
function readInitializers(model) {
  const out = /* @__PURE__ */ new Map();
  const graph = readFields(model).find((f) => f.field === 7 && f.bytes);
  if (!graph) throw new Error("the model has no graph");
  for (const f of readFields(graph.bytes)) {
    if (f.field !== 5 || !f.bytes) continue;
    const t = { name: "", dataType: 0, dims: [], raw: new Uint8Array(0) };
    for (const g of readFields(f.bytes)) {
      if (g.field === 1 && g.int !== void 0) t.dims.push(Number(g.int));
      else if (g.field === 1 && g.bytes) for (const x of readFields(packedAsFields(g.bytes))) t.dims.push(Number(x.int));
      else if (g.field === 2 && g.int !== void 0) t.dataType = Number(g.int);
      else if (g.field === 8 && g.bytes) t.name = decodeString(g.bytes);
      else if (g.field === 9 && g.bytes) t.raw = g.bytes.slice();
    }
    out.set(t.name, t);
  }
  return out;
}
function packedAsFields(packed) {
  const out = [];
  let start = 0;
  for (let i = 0; i < packed.length; i++) {
    if ((packed[i] & 128) === 0) {
      out.push(8, ...packed.subarray(start, i + 1));
      start = i + 1;
    }
  }
  return Uint8Array.from(out);
}

// core/recipes/classifier/graph.ts
var OPSET = 13;
var INPUT_ROWS = "rows";
var INPUT_VALUES = "values";
var OUTPUT_PROBS = "probabilities";
var STORAGE_TYPE = { int8: DataType.INT8, f16: DataType.FLOAT16, f32: DataType.FLOAT };
function buildClassifierOnnx(w, temperature, producerVersion) {
  const C = w.classes;
  const initializers = [
    { name: "W", dataType: STORAGE_TYPE[w.storage], dims: [w.rows, C], data: w.data },
    { name: "bias", dataType: DataType.FLOAT, dims: [C], data: w.bias },
    { name: "temperature", dataType: DataType.FLOAT, dims: [], data: Float32Array.of(temperature) },
    { name: "axis_k", dataType: DataType.INT64, dims: [1], data: BigInt64Array.of(1n) },
    { name: "axis_last", dataType: DataType.INT64, dims: [1], data: BigInt64Array.of(2n) }
  ];
  if (w.scale) initializers.push({ name: "scale", dataType: DataType.FLOAT, dims: [C], data: w.scale });
  const nodes = [{ opType: "Gather", inputs: ["W", INPUT_ROWS], outputs: ["gathered"], attributes: { axis: 0 } }];
  let gathered = "gathered";
  if (w.storage !== "f32") {
    nodes.push({ opType: "Cast", inputs: [gathered], outputs: ["gathered_f"], attributes: { to: DataType.FLOAT } });
    gathered = "gathered_f";
  }
  nodes.push(
    { opType: "Unsqueeze", inputs: [INPUT_VALUES, "axis_last"], outputs: ["values3"] },
    { opType: "Mul", inputs: [gathered, "values3"], outputs: ["weighted"] },
    { opType: "ReduceSum", inputs: ["weighted", "axis_k"], outputs: ["summed"], attributes: { keepdims: 0 } }
  );
  let summed = "summed";
  if (w.scale) {
    nodes.push({ opType: "Mul", inputs: [summed, "scale"], outputs: ["scaled"] });
    summed = "scaled";
  }
  nodes.push(
    { opType: "Add", inputs: [summed, "bias"], outputs: ["logits"] },
    { opType: "Div", inputs: ["logits", "temperature"], outputs: ["calibrated"] },
    { opType: "Softmax", inputs: ["calibrated"], outputs: [OUTPUT_PROBS], attributes: { axis: -1 } }
  );
  return encodeModel({
    graphName: "kolm_classifier",
    nodes,
    initializers,
    inputs: [
      { name: INPUT_ROWS, elemType: DataType.INT64, shape: ["N", "K"] },
      { name: INPUT_VALUES, elemType: DataType.FLOAT, shape: ["N", "K"] }
    ],
    outputs: [{ name: OUTPUT_PROBS, elemType: DataType.FLOAT, shape: ["N", C] }],
    opset: OPSET,
    irVersion: irVersionFor(OPSET),
    producer: { name: "kolm-migrate", version: producerVersion },
    docString: "hashed word/char n-gram features, multinomial logistic regression, temperature-calibrated"
  });
}
function weightsFromOnnx(model) {
  const init = readInitializers(model);
  const get = (name) => {
    const t = init.get(name);
    if (!t) throw new Error(`initializer "${name}" is missing`);
    return t;
  };
  const aligned = (raw) => raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength);
  const W = get("W");
  const [rows, classes] = W.dims;
  if (W.dims.length !== 2 || rows * classes === 0) throw new Error("W is not a [rows, classes] matrix");
  const storage = W.dataType === DataType.INT8 ? "int8" : W.dataType === DataType.FLOAT16 ? "f16" : W.dataType === DataType.FLOAT ? "f32" : null;
  if (!storage) throw new Error(`W has unsupported data type ${W.dataType}`);
  const data = storage === "int8" ? new Int8Array(aligned(W.raw)) : storage === "f16" ? new Uint16Array(aligned(W.raw)) : new Float32Array(aligned(W.raw));
  if (data.length !== rows * classes) throw new Error(`W holds ${data.length} values, expected ${rows * classes}`);
  const bias = new Float32Array(aligned(get("bias").raw));
  const scale = init.has("scale") ? new Float32Array(aligned(get("scale").raw)) : void 0;
  const temperature = new Float32Array(aligned(get("temperature").raw))[0];
  if (bias.length !== classes || scale && scale.length !== classes) throw new Error("bias/scale length differs from the class count");
  return { weights: { storage, rows, classes, data, bias, ...scale ? { scale } : {} }, temperature };
}

// core/recipes/classifier/predictor.ts
var BATCH_CHUNK = 2048;
var ortModule;
function loadOrt() {
  ortModule ??= import("onnxruntime-node");
  return ortModule;
}
function argmaxOf(p, offset, C) {
  let best = 0;
  for (let c = 1; c < C; c++) if (p[offset + c] > p[offset + best]) best = c;
  return best;
}
var RowBuffer = class _RowBuffer {
  big;
  words;
  values;
  constructor(size) {
    this.big = new BigInt64Array(size);
    this.words = new Int32Array(this.big.buffer);
    this.values = new Float32Array(size);
  }
  ensure(size) {
    if (size <= this.big.length) return;
    const next = new _RowBuffer(Math.max(size, this.big.length * 2));
    this.big = next.big;
    this.words = next.words;
    this.values = next.values;
  }
};
var OnnxClassifier = class {
  constructor(ort, session, rt) {
    this.ort = ort;
    this.session = session;
    this.rt = rt;
    this.C = rt.labels.length;
  }
  ort;
  session;
  rt;
  single = new RowBuffer(1024);
  batch = new RowBuffer(BATCH_CHUNK * 64);
  C;
  async run(buf, n, k) {
    const { Tensor } = this.ort;
    const feeds = {
      [INPUT_ROWS]: new Tensor("int64", buf.big.subarray(0, n * k), [n, k]),
      [INPUT_VALUES]: new Tensor("float32", buf.values.subarray(0, n * k), [n, k])
    };
    const out = await this.session.run(feeds);
    return out[OUTPUT_PROBS].data;
  }
  prediction(probs, offset) {
    const best = argmaxOf(probs, offset, this.C);
    return { output: this.rt.labels[best], confidence: probs[offset + best] };
  }
  async predict(input) {
    const vec = this.rt.vectorizer;
    const n = vec.vectorize(input);
    const k = Math.max(1, n);
    const buf = this.single;
    buf.ensure(k);
    for (let i = 0; i < n; i++) {
      buf.words[2 * i] = vec.outRows[i];
      buf.words[2 * i + 1] = 0;
      buf.values[i] = vec.outValues[i];
    }
    if (n === 0) {
      buf.words[0] = this.rt.padRow;
      buf.words[1] = 0;
      buf.values[0] = 0;
    }
    return this.prediction(await this.run(buf, 1, k), 0);
  }
  async predictBatch(inputs) {
    const out = [];
    for (let start = 0; start < inputs.length; start += BATCH_CHUNK) {
      const chunk = inputs.slice(start, start + BATCH_CHUNK);
      const rows = [];
      const values = [];
      let k = 1;
      for (const input of chunk) {
        const n = this.rt.vectorizer.vectorize(input);
        rows.push(this.rt.vectorizer.outRows.slice(0, n));
        values.push(this.rt.vectorizer.outValues.slice(0, n));
        k = Math.max(k, n);
      }
      const buf = this.batch;
      buf.ensure(chunk.length * k);
      const pad = this.rt.padRow;
      for (let i = 0; i < chunk.length; i++) {
        const r = rows[i];
        const v = values[i];
        const base = i * k;
        for (let j = 0; j < k; j++) {
          buf.words[2 * (base + j)] = j < r.length ? r[j] : pad;
          buf.words[2 * (base + j) + 1] = 0;
          buf.values[base + j] = j < r.length ? v[j] : 0;
        }
      }
      const probs = await this.run(buf, chunk.length, k);
      for (let i = 0; i < chunk.length; i++) out.push(this.prediction(probs, i * this.C));
    }
    return out;
  }
  async close() {
    await this.session.release();
  }
};
var TsClassifier = class {
  constructor(scorer, rt) {
    this.scorer = scorer;
    this.rt = rt;
    this.probs = new Float64Array(rt.labels.length);
  }
  scorer;
  rt;
  probs;
  /** Probabilities of one input (a copy). */
  probabilities(input) {
    const vec = this.rt.vectorizer;
    const n = vec.vectorize(input);
    this.scorer.probabilities(vec.outRows, vec.outValues, n, this.probs);
    return this.probs.slice();
  }
  async predict(input) {
    const p = this.probabilities(input);
    const best = argmaxOf(p, 0, p.length);
    return { output: this.rt.labels[best], confidence: p[best] };
  }
  async predictBatch(inputs) {
    const out = [];
    for (const input of inputs) out.push(await this.predict(input));
    return out;
  }
};
async function createOnnxSession(model) {
  const ort = await loadOrt();
  const session = await ort.InferenceSession.create(model, {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: "sequential",
    graphOptimizationLevel: "all"
  });
  return { ort, session };
}

// core/recipes/classifier/index.ts
var FORMAT_VERSION = "1";
function fitClassifierRecipe(train, ctx) {
  const fit = fitClassifier(train, ctx);
  const config = {
    version: 1,
    model: `${ctx.prefix}model.onnx`,
    vocabulary: `${ctx.prefix}features.vocab`,
    labels: fit.labels,
    featurizer: fit.spec,
    weighting: WEIGHTING,
    storage: fit.weights.storage,
    temperature: fit.temperature,
    opset: OPSET,
    fit: fit.report
  };
  const files = /* @__PURE__ */ new Map([
    [config.model, buildClassifierOnnx(fit.weights, fit.temperature, FORMAT_VERSION)],
    [config.vocabulary, encodeVocabulary(fit.vocab)]
  ]);
  return { config, files };
}
var classifierCandidate = {
  type: "classifier",
  unsuitable(train, ctx) {
    if (train.length === 0) return "no training examples";
    if (ctx.kind !== "label") return `outputs look ${ctx.kind}, not labels from a closed set`;
    const distinct = new Set(train.map((e) => JSON.stringify(e.output ?? null)));
    if (distinct.size < 2) return "every training output is the same label: nothing to classify";
    return null;
  },
  async fit(train, ctx) {
    if (train.length === 0) throw new KolmError("E_NO_ROWS", "the classifier was given no training examples", { hint: "check the --examples file" });
    ctx.reporter.progress({ stage: "compile:classifier", message: `training on ${train.length} examples` });
    const { config, files } = fitClassifierRecipe(train, ctx);
    const saved = { type: "classifier", config, files };
    return { saved, predictor: await loadClassifier(saved.config, files) };
  }
};
function badArtifact(what) {
  return new KolmError("E_BAD_ARTIFACT", `classifier recipe: ${what}`, { hint: "rebuild the artifact with kolm compile" });
}
function runtimeOf(c, files) {
  if (c.version !== 1 || typeof c.model !== "string" || typeof c.vocabulary !== "string" || !Array.isArray(c.labels) || c.labels.length === 0) {
    throw badArtifact("config is not version 1 or lacks model/vocabulary/labels");
  }
  const model = files.get(c.model);
  const table = files.get(c.vocabulary);
  if (!model) throw badArtifact(`${c.model} is missing from the artifact`);
  if (!table) throw badArtifact(`${c.vocabulary} is missing from the artifact`);
  const spec = c.featurizer;
  if (!spec || !Number.isInteger(spec.hashBits) || spec.hashBits < 4 || spec.hashBits > 24) throw badArtifact("featurizer.hashBits is missing or out of range 4..24");
  let vectorizer;
  try {
    vectorizer = new Vectorizer(spec, decodeVocabulary(table, 2 ** spec.hashBits), c.weighting ?? WEIGHTING);
  } catch (err) {
    throw badArtifact(`${c.vocabulary}: ${err.message}`);
  }
  return { rt: { vectorizer, labels: c.labels, padRow: vectorizer.rows }, model };
}
async function loadClassifier(config, files, options = {}) {
  const c = config;
  const { rt, model } = runtimeOf(c, files);
  let stored;
  try {
    stored = weightsFromOnnx(model);
  } catch (err) {
    throw badArtifact(`${c.model}: ${err.message}`);
  }
  if (stored.weights.classes !== c.labels.length || stored.weights.rows !== rt.vectorizer.rows + 1) {
    throw badArtifact(`${c.model} has a [${stored.weights.rows}, ${stored.weights.classes}] weight matrix; the config needs [${rt.vectorizer.rows + 1}, ${c.labels.length}]`);
  }
  if (options.runtime === "ts") return new TsClassifier(new TsScorer(stored.weights, stored.temperature), rt);
  let session;
  try {
    session = await createOnnxSession(model);
  } catch (err) {
    throw badArtifact(`onnxruntime could not load ${c.model}: ${err.message}`);
  }
  return new OnnxClassifier(session.ort, session.session, rt);
}

// core/recipes/extract/tokenize.ts
function emptyTokens(capacity = 64) {
  return { count: 0, start: new Int32Array(capacity), end: new Int32Array(capacity) };
}
var WORDISH = /[\p{L}\p{N}\p{M}]/u;
function isWordCode(c) {
  if (c < 128) return c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122;
  if (c >= 55296 && c <= 57343) return false;
  return WORDISH.test(String.fromCharCode(c));
}
function isDigitCode(c) {
  return c >= 48 && c <= 57;
}
function isCjk(c) {
  return c >= 12352 && c <= 12543 || c >= 13312 && c <= 40959 || c >= 63744 && c <= 64255;
}
function isSpaceCode(c) {
  return c === 32 || c >= 9 && c <= 13 || c === 160 || c === 12288 || c === 8232 || c === 8233 || c >= 8192 && c <= 8203;
}
function tokenize2(text, into = emptyTokens()) {
  let n = 0;
  const len = text.length;
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
      continue;
    }
    if (n === into.start.length) grow(into);
    into.start[n] = i;
    if (isWordCode(c) && !isCjk(c)) {
      const digit = isDigitCode(c);
      i++;
      while (i < len) {
        const d = text.charCodeAt(i);
        if (!isWordCode(d) || isCjk(d) || isDigitCode(d) !== digit) break;
        i++;
      }
    } else {
      i += c >= 55296 && c <= 56319 && i + 1 < len ? 2 : 1;
    }
    into.end[n] = i;
    n++;
  }
  into.count = n;
  return into;
}
function grow(t) {
  const s = new Int32Array(t.start.length * 2);
  const e = new Int32Array(t.start.length * 2);
  s.set(t.start);
  e.set(t.end);
  t.start = s;
  t.end = e;
}
function lowerCode(c) {
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 128) return c;
  const l = String.fromCharCode(c).toLowerCase();
  return l.length === 1 ? l.charCodeAt(0) : c;
}
var FNV_OFFSET2 = 2166136261;
var FNV_PRIME2 = 16777619;
function hashLower(text, s, e) {
  let h = FNV_OFFSET2;
  for (let i = s; i < e; i++) {
    h ^= lowerCode(text.charCodeAt(i));
    h = Math.imul(h, FNV_PRIME2);
  }
  return h >>> 0;
}
function hashShape(text, s, e) {
  let h = FNV_OFFSET2;
  const stop = Math.min(e, s + 8);
  for (let i = s; i < stop; i++) h = Math.imul(h ^ shapeCode(text.charCodeAt(i)), FNV_PRIME2);
  if (e > stop) h = Math.imul(h ^ 43, FNV_PRIME2);
  return h >>> 0;
}
function hashShortShape(text, s, e) {
  let h = FNV_OFFSET2;
  let prev = -1;
  for (let i = s; i < e; i++) {
    const k = shapeCode(text.charCodeAt(i));
    if (k !== prev) h = Math.imul(h ^ k, FNV_PRIME2);
    prev = k;
  }
  return h >>> 0;
}
function shapeCode(c) {
  if (c >= 48 && c <= 57) return 100;
  if (c >= 65 && c <= 90) return 88;
  if (c >= 97 && c <= 122) return 120;
  if (c < 128) return c;
  const l = String.fromCharCode(c);
  if (l !== l.toLowerCase()) return 88;
  if (l !== l.toUpperCase()) return 120;
  return WORDISH.test(l) ? 120 : 42;
}
function tokenFlags(text, s, e) {
  let upper = 0;
  let lower = 0;
  let digit = 0;
  let word = 0;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    const k = shapeCode(c);
    if (k === 88) upper++;
    else if (k === 120) lower++;
    else if (k === 100) digit++;
    if (k === 88 || k === 120 || k === 100) word++;
  }
  const first = shapeCode(text.charCodeAt(s));
  let f = 0;
  if (first === 88) f |= 1;
  if (upper > 0 && lower === 0 && digit === 0) f |= 2;
  if (digit > 0) f |= 4;
  if (digit === e - s) f |= 8;
  if (word === 0) f |= 16;
  return f;
}
function mix(a, b) {
  let h = Math.imul(a ^ 2654435769, 2246822507) ^ b;
  h = Math.imul(h ^ h >>> 16, 2146121005);
  h ^= h >>> 15;
  h = Math.imul(h, 2221713035);
  h ^= h >>> 16;
  return h >>> 0;
}

// core/recipes/extract/features.ts
var PAD = 1540483477;
var MAX_GLOBALS = 16;
var MAX_PIECES = 8;
var GAZ_SEED = 625341585;
var Gazetteer = class {
  constructor(fields) {
    this.fields = fields;
  }
  fields;
  counts = /* @__PURE__ */ new Map();
  maxLen = 0;
  add(value, field) {
    const t = tokenize2(value);
    if (t.count === 0 || t.count > 8) return null;
    const h = seqHash(value, t, 0, t.count - 1);
    let c = this.counts.get(h);
    if (!c) this.counts.set(h, c = new Int32Array(this.fields));
    c[field]++;
    this.maxLen = Math.max(this.maxLen, t.count);
    return h;
  }
};
function seqHash(text, t, a, b) {
  let h = GAZ_SEED;
  for (let k = a; k <= b; k++) h = mix(h, hashLower(text, t.start[k], t.end[k]));
  return h;
}
var FeatureScratch = class {
  tokens = emptyTokens();
  lower = new Uint32Array(64);
  shape = new Uint32Array(64);
  sshape = new Uint32Array(64);
  flags = new Int32Array(64);
  gaz = new Uint8Array(64 * 4);
  hashes = new Uint32Array(4096);
  offs = new Int32Array(65);
  globals = new Uint32Array(MAX_GLOBALS * 2);
  nGlobals = 0;
  ensure(n, fields) {
    if (this.lower.length < n) {
      const cap = Math.max(n, this.lower.length * 2);
      this.lower = new Uint32Array(cap);
      this.shape = new Uint32Array(cap);
      this.sshape = new Uint32Array(cap);
      this.flags = new Int32Array(cap);
      this.offs = new Int32Array(cap + 1);
    }
    if (this.gaz.length < n * fields) this.gaz = new Uint8Array(Math.max(n * fields, this.gaz.length * 2));
  }
};
function globalsOf(context, sc) {
  let g = 0;
  for (let ci = 0; ci < context.length && g < MAX_GLOBALS; ci++) {
    const s = context[ci];
    const field = Math.imul(ci + 1, 668265261);
    let pieces = 0;
    let i = 0;
    while (i < s.length && pieces < MAX_PIECES && g < MAX_GLOBALS) {
      while (i < s.length && isSep(s.charCodeAt(i))) i++;
      if (i >= s.length) break;
      const st = i;
      while (i < s.length && !isSep(s.charCodeAt(i))) i++;
      sc.globals[g++] = mix(field, hashLower(s, st, i));
      pieces++;
    }
    if (pieces === 0) sc.globals[g++] = mix(field, 238516657);
  }
  sc.nGlobals = g;
}
function isSep(c) {
  return c === 44 || c === 32 || c === 59 || c === 124 || c === 9 || c === 10 || c === 13;
}
function featurize(text, context, gaz, sc, exclude) {
  const t = tokenize2(text, sc.tokens);
  sc.tokens = t;
  const n = t.count;
  const F = gaz.fields;
  sc.ensure(n, F);
  for (let i = 0; i < n; i++) {
    const s = t.start[i];
    const e = t.end[i];
    sc.lower[i] = hashLower(text, s, e);
    sc.shape[i] = hashShape(text, s, e);
    sc.sshape[i] = hashShortShape(text, s, e);
    sc.flags[i] = tokenFlags(text, s, e);
  }
  markGazetteer(text, t, gaz, sc, exclude);
  globalsOf(context, sc);
  const perToken = 40 + 2 * F + 5 * sc.nGlobals;
  if (sc.hashes.length < n * perToken) sc.hashes = new Uint32Array(Math.max(n * perToken, sc.hashes.length * 2));
  const h = sc.hashes;
  const lw = (j) => j < 0 ? PAD ^ j : j >= n ? PAD + j - n + 1 : sc.lower[j];
  let k = 0;
  for (let i = 0; i < n; i++) {
    sc.offs[i] = k;
    const s = t.start[i];
    const e = t.end[i];
    const len = e - s;
    const w0 = sc.lower[i];
    const wm1 = lw(i - 1);
    const wp1 = lw(i + 1);
    const wm2 = lw(i - 2);
    const wp2 = lw(i + 2);
    h[k++] = 1 /* Bias */;
    h[k++] = mix(2 /* W0 */, w0);
    h[k++] = mix(3 /* Wm1 */, wm1);
    h[k++] = mix(4 /* Wm2 */, wm2);
    h[k++] = mix(5 /* Wm3 */, lw(i - 3));
    h[k++] = mix(6 /* Wp1 */, wp1);
    h[k++] = mix(7 /* Wp2 */, wp2);
    h[k++] = mix(8 /* Wp3 */, lw(i + 3));
    h[k++] = mix(mix(9 /* Bm1 */, wm1), w0);
    h[k++] = mix(mix(10 /* Bp1 */, w0), wp1);
    h[k++] = mix(mix(11 /* Bm2 */, wm2), wm1);
    h[k++] = mix(mix(12 /* Bp2 */, wp1), wp2);
    h[k++] = mix(13 /* Sh0 */, sc.shape[i]);
    h[k++] = mix(14 /* Shm1 */, i > 0 ? sc.shape[i - 1] : PAD);
    h[k++] = mix(15 /* Shp1 */, i + 1 < n ? sc.shape[i + 1] : PAD);
    const ss = sc.sshape[i];
    h[k++] = mix(16 /* Ssh0 */, ss);
    h[k++] = mix(mix(mix(17 /* Ssh3 */, i > 0 ? sc.sshape[i - 1] : PAD), ss), i + 1 < n ? sc.sshape[i + 1] : PAD);
    h[k++] = mix(18 /* Pre1 */, hashLower(text, s, Math.min(e, s + 1)));
    if (len > 1) h[k++] = mix(19 /* Pre2 */, hashLower(text, s, Math.min(e, s + 2)));
    if (len > 2) h[k++] = mix(20 /* Pre3 */, hashLower(text, s, Math.min(e, s + 3)));
    h[k++] = mix(21 /* Suf1 */, hashLower(text, Math.max(s, e - 1), e));
    if (len > 1) h[k++] = mix(22 /* Suf2 */, hashLower(text, Math.max(s, e - 2), e));
    if (len > 2) h[k++] = mix(23 /* Suf3 */, hashLower(text, Math.max(s, e - 3), e));
    if (len > 3) h[k++] = mix(24 /* Suf4 */, hashLower(text, Math.max(s, e - 4), e));
    const fl = sc.flags[i];
    h[k++] = mix(25 /* Flags */, fl);
    h[k++] = mix(26 /* FlagsNb */, (i > 0 ? sc.flags[i - 1] : 32) << 6 | (i + 1 < n ? sc.flags[i + 1] : 32));
    h[k++] = mix(27 /* Len */, Math.min(len, 12));
    const pos = i === 0 ? 0 : i === 1 ? 1 : i === n - 1 ? 3 : i === n - 2 ? 4 : 2;
    h[k++] = mix(28 /* Pos */, pos);
    h[k++] = mix(29 /* RelPos */, Math.floor(4 * i / n));
    let any = 0;
    for (let f = 0; f < F; f++) {
      const g = sc.gaz[i * F + f];
      if (g === 0) continue;
      any |= g;
      h[k++] = mix(30 /* Gaz */, f * 8 + g);
    }
    if (any) h[k++] = mix(31 /* GazAny */, any);
    for (let f = 0; f < F; f++) {
      const inside = sc.gaz[i * F + f];
      if (inside) continue;
      const before = i + 1 < n && (sc.gaz[(i + 1) * F + f] & 1) !== 0;
      const after = i > 0 && (sc.gaz[(i - 1) * F + f] & 4) !== 0;
      if (before || after) h[k++] = mix(32 /* GazNb */, f * 4 + (before ? 1 : 0) + (after ? 2 : 0));
    }
    for (let g = 0; g < sc.nGlobals; g++) {
      const gh = sc.globals[g];
      h[k++] = mix(33 /* G */, gh);
      h[k++] = mix(mix(34 /* GxSsh */, gh), ss);
      h[k++] = mix(mix(35 /* GxW0 */, gh), w0);
      h[k++] = mix(mix(36 /* GxWm1 */, gh), wm1);
      h[k++] = mix(mix(37 /* GxPos */, gh), pos);
    }
  }
  sc.offs[n] = k;
  return n;
}
function markGazetteer(text, t, gaz, sc, exclude) {
  const n = t.count;
  const F = gaz.fields;
  sc.gaz.fill(0, 0, n * F);
  if (gaz.counts.size === 0) return;
  for (let a = 0; a < n; a++) {
    if (sc.flags[a] & 16) continue;
    let hsh = GAZ_SEED;
    for (let b = a; b < n && b - a < gaz.maxLen; b++) {
      hsh = mix(hsh, sc.lower[b]);
      const c = gaz.counts.get(hsh);
      if (!c) continue;
      const ex = exclude?.get(hsh);
      for (let f = 0; f < F; f++) {
        if (c[f] - (ex ? ex[f] : 0) <= 0) continue;
        sc.gaz[a * F + f] |= 1;
        for (let m = a + 1; m <= b; m++) sc.gaz[m * F + f] |= 2;
        sc.gaz[b * F + f] |= 4;
      }
    }
  }
}

// core/recipes/extract/decode.ts
var tagCount = (fields) => 1 + 2 * fields;
function allowed(prev, tag) {
  if (tag === 0 || tag % 2 === 1) return true;
  return prev === tag - 1 || prev === tag;
}
function maskTransitions(raw, T) {
  const out = new Float64Array((T + 1) * T);
  for (let p = 0; p <= T; p++) {
    for (let t = 0; t < T; t++) out[p * T + t] = (p === T ? t === 0 || t % 2 === 1 : allowed(p, t)) ? raw[p * T + t] : -Infinity;
  }
  return out;
}
var DecodeScratch = class {
  em = new Float64Array(64 * 8);
  vit = new Float64Array(64 * 8);
  bp = new Int32Array(64 * 8);
  tags = new Int32Array(64);
  alpha = new Float64Array(16);
  next = new Float64Array(16);
  ensure(n, T) {
    if (this.em.length < n * T) {
      const cap = Math.max(n * T, this.em.length * 2);
      this.em = new Float64Array(cap);
      this.vit = new Float64Array(cap);
      this.bp = new Int32Array(cap);
    }
    if (this.tags.length < n) this.tags = new Int32Array(Math.max(n, this.tags.length * 2));
    if (this.alpha.length < T) {
      this.alpha = new Float64Array(T);
      this.next = new Float64Array(T);
    }
  }
};
function viterbi(em, n, T, trans, sc) {
  if (n === 0) return 0;
  const { vit, bp, tags } = sc;
  const start = T * T;
  for (let t = 0; t < T; t++) vit[t] = trans[start + t] + em[t];
  for (let i = 1; i < n; i++) {
    const base = i * T;
    const prevBase = base - T;
    for (let t = 0; t < T; t++) {
      let best2 = -Infinity;
      let arg2 = 0;
      const p0 = t > 0 && t % 2 === 0 ? t - 1 : 0;
      const p1 = t > 0 && t % 2 === 0 ? t + 1 : T;
      for (let p = p0; p < p1; p++) {
        const v = vit[prevBase + p] + trans[p * T + t];
        if (v > best2) {
          best2 = v;
          arg2 = p;
        }
      }
      vit[base + t] = best2 + em[base + t];
      bp[base + t] = arg2;
    }
  }
  let best = -Infinity;
  let arg = 0;
  const last = (n - 1) * T;
  for (let t = 0; t < T; t++) {
    if (vit[last + t] > best) {
      best = vit[last + t];
      arg = t;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = arg;
    if (i > 0) arg = bp[i * T + arg];
  }
  return best;
}
function expTransitions(trans, tau) {
  const out = new Float64Array(trans.length);
  for (let k = 0; k < trans.length; k++) out[k] = trans[k] === -Infinity ? 0 : Math.exp(trans[k] / tau);
  return out;
}
function logPartition(em, n, T, trans, expTrans, tau, sc) {
  if (n === 0) return 0;
  const a = sc.alpha;
  const b = sc.next;
  const start = T * T;
  let m = -Infinity;
  for (let t = 0; t < T; t++) {
    a[t] = (trans[start + t] + em[t]) / tau;
    if (a[t] > m) m = a[t];
  }
  let sum2 = 0;
  for (let t = 0; t < T; t++) sum2 += a[t] = Math.exp(a[t] - m);
  for (let t = 0; t < T; t++) a[t] /= sum2;
  let logZ = m + Math.log(sum2);
  for (let i = 1; i < n; i++) {
    const base = i * T;
    let mm = -Infinity;
    for (let t = 0; t < T; t++) if (em[base + t] > mm) mm = em[base + t];
    let s = 0;
    for (let t = 0; t < T; t++) {
      let acc = 0;
      const p0 = t > 0 && t % 2 === 0 ? t - 1 : 0;
      const p1 = t > 0 && t % 2 === 0 ? t + 1 : T;
      for (let p = p0; p < p1; p++) acc += a[p] * expTrans[p * T + t];
      const v = acc * Math.exp((em[base + t] - mm) / tau);
      b[t] = v;
      s += v;
    }
    for (let t = 0; t < T; t++) a[t] = b[t] / s;
    logZ += mm / tau + Math.log(s);
  }
  return logZ;
}
function pickSpans(tags, em, n, T, first, last, score) {
  const F = (T - 1) / 2;
  first.fill(-1, 0, F);
  last.fill(-1, 0, F);
  score.fill(-Infinity, 0, F);
  let i = 0;
  while (i < n) {
    const t = tags[i];
    if (t === 0 || t % 2 === 0) {
      i++;
      continue;
    }
    const f = t - 1 >> 1;
    let j = i;
    let s = em[i * T + t] - em[i * T];
    while (j + 1 < n && tags[j + 1] === t + 1) {
      j++;
      s += em[j * T + t + 1] - em[j * T];
    }
    if (s > score[f]) {
      score[f] = s;
      first[f] = i;
      last[f] = j;
    }
    i = j + 1;
  }
}

// core/recipes/extract/packed.ts
var MAGIC = 827611211;
function packWeights(hashes, W, T, budgetBytes) {
  const R = hashes.length;
  let maxAbs = 1e-9;
  for (let k = 0; k < W.length; k++) if (Math.abs(W[k]) > maxAbs) maxAbs = Math.abs(W[k]);
  const scale = maxAbs / 32767;
  const q = (x) => Math.max(-32767, Math.min(32767, Math.round(x / scale)));
  const kept = [];
  for (let r = 0; r < R; r++) {
    let nnz = 0;
    let l1 = 0;
    for (let t = 0; t < T; t++) {
      const v = q(W[r * T + t]);
      if (v !== 0) {
        nnz++;
        l1 += Math.abs(v);
      }
    }
    if (nnz > 0) kept.push({ row: r, nnz, l1 });
  }
  const header = 24;
  const transBytes = (T + 1) * T * 2;
  let total = header + transBytes + 4 + kept.reduce((a, k) => a + 8 + 3 * k.nnz + 1, 0);
  if (total > budgetBytes) {
    kept.sort((a, b) => b.l1 - a.l1 || a.row - b.row);
    while (kept.length && total > budgetBytes) total -= 8 + 3 * kept.pop().nnz + 1;
  }
  kept.sort((a, b) => hashes[a.row] - hashes[b.row]);
  const nRows = kept.length;
  const nEntries = kept.reduce((a, k) => a + k.nnz, 0);
  const wBytes = align4(nEntries * 2);
  const tBytes = align4(transBytes);
  const size = header + 4 * nRows + 4 * (nRows + 1) + wBytes + tBytes + align4(nEntries);
  const buf = new ArrayBuffer(size);
  const dv = new DataView(buf);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, nRows, true);
  dv.setUint32(8, nEntries, true);
  dv.setUint32(12, T, true);
  dv.setFloat64(16, scale, true);
  let o = header;
  const keys = new Uint32Array(buf, o, nRows);
  o += 4 * nRows;
  const offs = new Uint32Array(buf, o, nRows + 1);
  o += 4 * (nRows + 1);
  const weights = new Int16Array(buf, o, nEntries);
  o += wBytes;
  const trans = new Int16Array(buf, o, (T + 1) * T);
  o += tBytes;
  const tags = new Uint8Array(buf, o, nEntries);
  let e = 0;
  kept.forEach((k, i) => {
    keys[i] = hashes[k.row];
    offs[i] = e;
    for (let t = 0; t < T; t++) {
      const v = q(W[k.row * T + t]);
      if (v === 0) continue;
      tags[e] = t;
      weights[e] = v;
      e++;
    }
  });
  offs[nRows] = e;
  for (let k = 0; k < (T + 1) * T; k++) trans[k] = q(W[R * T + k]);
  return new Uint8Array(buf);
}
var align4 = (n) => n + 3 & ~3;
var PackedModel = class {
  T;
  trans;
  rows;
  slotKey;
  slotRow;
  mask;
  offs;
  tags;
  weights;
  constructor(bytes) {
    const copy = new Uint8Array(bytes);
    const buf = copy.buffer;
    if (copy.length < 24) throw new Error("payload too short");
    const dv = new DataView(buf);
    if (dv.getUint32(0, true) !== MAGIC) throw new Error("not an extract weight table (bad magic)");
    const nRows = dv.getUint32(4, true);
    const nEntries = dv.getUint32(8, true);
    const T = dv.getUint32(12, true);
    const scale = dv.getFloat64(16, true);
    const need = 24 + 4 * nRows + 4 * (nRows + 1) + align4(nEntries * 2) + align4((T + 1) * T * 2) + align4(nEntries);
    if (copy.length !== need) throw new Error(`payload is ${copy.length} bytes, header says ${need}`);
    let o = 24;
    const keys = new Uint32Array(buf, o, nRows);
    o += 4 * nRows;
    this.offs = new Uint32Array(buf, o, nRows + 1);
    o += 4 * (nRows + 1);
    const w16 = new Int16Array(buf, o, nEntries);
    o += align4(nEntries * 2);
    const t16 = new Int16Array(buf, o, (T + 1) * T);
    o += align4((T + 1) * T * 2);
    this.tags = new Uint8Array(buf, o, nEntries);
    this.weights = new Float32Array(nEntries);
    for (let k = 0; k < nEntries; k++) this.weights[k] = w16[k] * scale;
    const raw = new Float64Array((T + 1) * T);
    for (let k = 0; k < raw.length; k++) raw[k] = t16[k] * scale;
    this.trans = maskTransitions(raw, T);
    this.T = T;
    this.rows = nRows;
    let cap = 16;
    while (cap < nRows * 2) cap *= 2;
    this.mask = cap - 1;
    this.slotKey = new Uint32Array(cap);
    this.slotRow = new Int32Array(cap).fill(-1);
    for (let r = 0; r < nRows; r++) {
      let s = keys[r] & this.mask;
      while (this.slotRow[s] !== -1) s = s + 1 & this.mask;
      this.slotKey[s] = keys[r];
      this.slotRow[s] = r;
    }
  }
  /** Adds the weights of feature `hash` to em[base .. base+T). */
  addFeature(hash, em, base) {
    let s = hash & this.mask;
    for (; ; ) {
      const r = this.slotRow[s];
      if (r === -1) return;
      if (this.slotKey[s] === hash) {
        for (let e = this.offs[r]; e < this.offs[r + 1]; e++) em[base + this.tags[e]] += this.weights[e];
        return;
      }
      s = s + 1 & this.mask;
    }
  }
};

// core/recipes/extract/perceptron.ts
function denseEmissions(seq, W, T, em) {
  em.fill(0, 0, seq.n * T);
  for (let i = 0; i < seq.n; i++) {
    const base = i * T;
    for (let k = seq.offs[i]; k < seq.offs[i + 1]; k++) {
      const r = seq.rows[k];
      if (r < 0) continue;
      const wb = r * T;
      for (let t = 0; t < T; t++) em[base + t] += W[wb + t];
    }
  }
}
function trainPerceptron(data, featureRows, T, epochs, seed, onEpoch) {
  const size = (featureRows + T + 1) * T;
  const w = new Float64Array(size);
  const u = new Float64Array(size);
  const transBase = featureRows * T;
  const sc = new DecodeScratch();
  const rand = seededRandom(seed);
  let c = 1;
  const order = data.map((_, i) => i);
  const masked = maskTransitions(new Float64Array((T + 1) * T), T);
  const average = () => {
    const avg = new Float64Array(size);
    for (let k = 0; k < size; k++) avg[k] = w[k] - u[k] / c;
    return avg;
  };
  const bump = (k, d) => {
    w[k] += d;
    u[k] += c * d;
  };
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (const idx of shuffled(order, rand)) {
      const seq = data[idx];
      const n = seq.n;
      if (n === 0) continue;
      sc.ensure(n, T);
      denseEmissions(seq, w, T, sc.em);
      viterbi(sc.em, n, T, masked, sc);
      const pred = sc.tags;
      let wrong = false;
      for (let i = 0; i < n; i++) if (pred[i] !== seq.gold[i]) wrong = true;
      if (wrong) {
        for (let i = 0; i < n; i++) {
          const g = seq.gold[i];
          const p = pred[i];
          const gp = i === 0 ? T : seq.gold[i - 1];
          const pp = i === 0 ? T : pred[i - 1];
          if (g !== p) {
            for (let k = seq.offs[i]; k < seq.offs[i + 1]; k++) {
              const r = seq.rows[k];
              if (r < 0) continue;
              bump(r * T + g, 1);
              bump(r * T + p, -1);
            }
          }
          if (g !== p || gp !== pp) {
            bump(transBase + gp * T + g, 1);
            bump(transBase + pp * T + p, -1);
            masked[gp * T + g] += 1;
            masked[pp * T + p] -= 1;
          }
        }
      }
      c++;
    }
    if (onEpoch && onEpoch(epoch, average()) === false) break;
  }
  return average();
}

// core/runtime/types.ts
async function predictEach(p, inputs) {
  const out = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) out[i] = await p.predict(inputs[i]);
  return out;
}
function textGenerator(p) {
  return p.generator;
}

// core/recipes/json-style.ts
function parseObject(output) {
  let v = output;
  if (typeof v === "string") {
    const t = v.trim();
    if (!t.startsWith("{")) return null;
    try {
      v = JSON.parse(t);
    } catch {
      return null;
    }
  }
  return v !== null && typeof v === "object" && !Array.isArray(v) ? v : null;
}
function learnStyle(train, mode, fields, objects, inputPos2) {
  const absent = fields.map((f) => {
    let omit = 0;
    let nul = 0;
    let empty = 0;
    for (const o of objects) {
      if (!o) continue;
      if (!(f in o)) omit++;
      else if (o[f] === null) nul++;
      else if (o[f] === "") empty++;
    }
    return nul > omit && nul >= empty ? "null" : empty > omit && empty > nul ? "empty" : "omit";
  });
  const base = { mode, order: "sorted", itemSep: ", ", keySep: ": ", ascii: false, absent, rank: fields.slice() };
  if (mode === "string") return base;
  const posSum = /* @__PURE__ */ new Map();
  const posN = /* @__PURE__ */ new Map();
  for (const o of objects) {
    const keys = Object.keys(o ?? {});
    keys.forEach((k, i) => {
      posSum.set(k, (posSum.get(k) ?? 0) + (keys.length > 1 ? i / (keys.length - 1) : 0.5));
      posN.set(k, (posN.get(k) ?? 0) + 1);
    });
  }
  const rank = fields.slice().sort((a, b) => posSum.get(a) / posN.get(a) - posSum.get(b) / posN.get(b) || (a < b ? -1 : 1));
  const rankOf = new Map(rank.map((f, i) => [f, i]));
  const orders = ["sorted", "rank", "input"];
  const orderHits = [0, 0, 0];
  train.forEach((e, i) => {
    const o = objects[i];
    if (!o) return;
    const keys = Object.keys(o).filter((k) => typeof o[k] === "string" && o[k] !== "");
    if (keys.length < 2) return;
    const byInput = keys.slice().sort((a, b) => inputPos2(e.input, o[a]) - inputPos2(e.input, o[b]));
    const candidates2 = [keys.slice().sort(), keys.slice().sort((a, b) => rankOf.get(a) - rankOf.get(b)), byInput];
    candidates2.forEach((c, j) => {
      if (c.join("\0") === keys.join("\0")) orderHits[j]++;
    });
  });
  let order = "sorted";
  let best = orderHits[0];
  orderHits.forEach((h, j) => {
    if (h > best) {
      best = h;
      order = orders[j];
    }
  });
  const style = { ...base, order, rank };
  if (mode === "json-object") return style;
  let bestStyle = style;
  let bestMatch = -1;
  for (const itemSep of [", ", ","]) {
    for (const keySep of [": ", ":"]) {
      for (const ascii of [false, true]) {
        const s = { ...style, itemSep, keySep, ascii };
        let match = 0;
        train.forEach((e, i) => {
          const o = objects[i];
          if (!o || typeof e.output !== "string") return;
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
function quote(s, ascii) {
  const q = JSON.stringify(s);
  return ascii ? q.replace(/[\u007f-\uffff]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0")) : q;
}
function renderJsonString(keys, value, style) {
  let out = "{";
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const v = value(k);
    if (i > 0) out += style.itemSep;
    out += quote(k, style.ascii) + style.keySep + (typeof v === "string" ? quote(v, style.ascii) : JSON.stringify(v ?? null));
  }
  return out + "}";
}

// core/recipes/extract/task.ts
var MIN_SPAN_SHARE = 0.9;
var MIN_FIELD_SPAN_SHARE = 0.8;
var MAX_FIELDS = 120;
var MAX_CONTEXT_FIELDS = 8;
function fieldText2(input, name) {
  if (typeof input === "string") return name === "" ? input : "";
  const v = input[name];
  if (v === void 0 || v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return "";
}
function locate(text, value, from = 0) {
  let i = text.indexOf(value, from);
  if (i < 0) {
    const lt = text.toLowerCase();
    const lv = value.toLowerCase();
    if (lt.length === text.length && lv.length === value.length) i = lt.indexOf(lv, from);
  }
  return i < 0 ? null : [i, i + value.length];
}
function alignSpan(tokens, s, e) {
  let first = -1;
  let last = -1;
  for (let k = 0; k < tokens.count; k++) {
    if (tokens.start[k] === s) first = k;
    if (tokens.end[k] === e) {
      last = k;
      break;
    }
  }
  return first >= 0 && last >= first ? [first, last] : null;
}
function isSpanOf(text, value) {
  const loc = locate(text, value);
  if (!loc) return false;
  return alignSpan(tokenize2(text), loc[0], loc[1]) !== null;
}
function analyzeTask(train) {
  if (train.length === 0) return "no training examples";
  const inputMode = train.every((e) => typeof e.input === "string") ? "string" : train.every((e) => e.input !== null && typeof e.input === "object") ? "object" : null;
  if (!inputMode) return "inputs mix plain strings and objects";
  const inputFields = /* @__PURE__ */ new Set();
  if (inputMode === "object") {
    for (const e of train) for (const [k, v] of Object.entries(e.input)) {
      if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v === null) inputFields.add(k);
    }
    if (inputFields.size === 0) return "input objects have no text fields";
  } else inputFields.add("");
  const names = [...inputFields].sort();
  const objects = train.map((e) => parseObject(e.output));
  const nObjects = objects.filter((o) => o !== null).length;
  let mode;
  if (nObjects >= 0.95 * train.length) {
    mode = train.every((e) => typeof e.output === "string" || parseObject(e.output) === null) ? "json-string" : "json-object";
    if (train.some((e) => typeof e.output === "string") && train.some((e) => typeof e.output === "object" && e.output !== null)) {
      return "outputs mix JSON strings and objects";
    }
  } else if (nObjects > 0.05 * train.length) {
    return `only ${nObjects} of ${train.length} outputs are JSON objects`;
  } else if (train.every((e) => typeof e.output === "string" || e.output === null || e.output === void 0)) {
    mode = "string";
  } else return "outputs are neither strings nor JSON objects of strings";
  const fieldSet = /* @__PURE__ */ new Set();
  const rows = [];
  if (mode === "string") {
    fieldSet.add("");
    for (const e of train) rows.push(new Map(typeof e.output === "string" && e.output.trim() !== "" ? [["", e.output]] : []));
  } else {
    const nonString = /* @__PURE__ */ new Map();
    for (const o of objects) {
      const m = /* @__PURE__ */ new Map();
      for (const [k, v] of Object.entries(o ?? {})) {
        fieldSet.add(k);
        if (v === null || v === "") continue;
        if (typeof v !== "string") {
          nonString.set(k, (nonString.get(k) ?? 0) + 1);
          continue;
        }
        m.set(k, v);
      }
      rows.push(m);
    }
    for (const [k, n] of nonString) {
      return `field "${k}" holds ${n} non-string value(s) (numbers, lists or objects); extract only cuts text spans`;
    }
  }
  const fields = [...fieldSet].sort();
  if (fields.length > MAX_FIELDS) return `${fields.length} output fields; extract handles at most ${MAX_FIELDS}`;
  const nValues = rows.reduce((a, m) => a + m.size, 0);
  if (nValues === 0) return "every training output is empty: nothing to learn spans from";
  let source = names[0];
  let bestHits = -1;
  for (const name of names) {
    let hits = 0;
    train.forEach((e, i) => {
      const text = fieldText2(e.input, name);
      for (const v of rows[i].values()) if (isSpanOf(text, v.trim())) hits++;
    });
    if (hits > bestHits) {
      bestHits = hits;
      source = name;
    }
  }
  const where = source === "" ? "the input" : `input field "${source}"`;
  for (const f of mode === "string" ? [] : fields) {
    let n = 0;
    let hit = 0;
    train.forEach((e, i) => {
      const v = rows[i].get(f);
      if (v === void 0) return;
      n++;
      if (isSpanOf(fieldText2(e.input, source), v.trim())) hit++;
    });
    if (n >= 5 && hit / n < MIN_FIELD_SPAN_SHARE) {
      return `field "${f}" is a span of ${where} in only ${hit} of ${n} rows: it looks like a label (the composite recipe handles those)`;
    }
  }
  const share = bestHits / nValues;
  if (share < MIN_SPAN_SHARE) {
    return `only ${bestHits} of ${nValues} output values (${(share * 100).toFixed(0)}%) are spans of ${where}; extract needs ${MIN_SPAN_SHARE * 100}%`;
  }
  const context = names.filter((n) => n !== source).slice(0, MAX_CONTEXT_FIELDS);
  return {
    inputMode,
    source,
    context,
    fields,
    style: learnStyle(train, mode, fields, objects, inputPos)
  };
}
function labelExample(e, shape) {
  const values = shape.fields.map(() => "");
  if (shape.style.mode === "string") {
    if (typeof e.output === "string") values[0] = e.output.trim();
  } else {
    const o = parseObject(e.output) ?? {};
    shape.fields.forEach((f, k) => {
      const v = o[f];
      if (typeof v === "string") values[k] = v.trim();
    });
  }
  return { text: fieldText2(e.input, shape.source), context: shape.context.map((c) => fieldText2(e.input, c)), values };
}
function inputPos(input, value) {
  const texts = typeof input === "string" ? [input] : Object.values(input).filter((v) => typeof v === "string");
  for (const t of texts) {
    const loc = locate(t, value);
    if (loc) return loc[0];
  }
  return Number.MAX_SAFE_INTEGER;
}

// core/recipes/extract/predictor.ts
function buildGazetteer(lists) {
  const g = new Gazetteer(lists.length);
  lists.forEach((values, f) => {
    for (const v of values) g.add(v, f);
  });
  return g;
}
function pathLogit(logP) {
  const p = Math.min(Math.max(Math.exp(logP), 1e-9), 1 - 1e-9);
  return Math.log(p / (1 - p));
}
var sigmoid = (x) => 1 / (1 + Math.exp(-x));
var ExtractPredictor = class {
  constructor(config, weights) {
    this.config = config;
    this.model = new PackedModel(weights);
    this.F = config.fields.length;
    this.T = tagCount(this.F);
    if (this.model.T !== this.T) throw new Error(`weight table has ${this.model.T} tags, config ${this.T}`);
    this.gaz = buildGazetteer(config.gazetteer);
    this.expTrans = expTransitions(this.model.trans, config.calibration.tau);
    this.first = new Int32Array(this.F);
    this.last = new Int32Array(this.F);
    this.spanScore = new Float64Array(this.F);
    this.ctx = config.context.map(() => "");
  }
  config;
  model;
  gaz;
  fs = new FeatureScratch();
  ds = new DecodeScratch();
  expTrans;
  first;
  last;
  spanScore;
  ctx;
  F;
  T;
  /** Field values (null: no span) and the calibrated probability that all of them are right. */
  extract(input) {
    const { config, T, F, fs, ds } = this;
    const text = fieldText2(input, config.source);
    for (let c = 0; c < this.ctx.length; c++) this.ctx[c] = fieldText2(input, config.context[c]);
    const n = featurize(text, this.ctx, this.gaz, fs);
    ds.ensure(n, T);
    const em = ds.em;
    em.fill(0, 0, n * T);
    for (let i = 0; i < n; i++) {
      const base = i * T;
      for (let k = fs.offs[i]; k < fs.offs[i + 1]; k++) this.model.addFeature(fs.hashes[k], em, base);
    }
    const best = viterbi(em, n, T, this.model.trans, ds);
    pickSpans(ds.tags, em, n, T, this.first, this.last, this.spanScore);
    const values = new Array(F);
    const starts = new Array(F);
    for (let f = 0; f < F; f++) {
      const a2 = this.first[f];
      values[f] = a2 < 0 ? null : text.slice(fs.tokens.start[a2], fs.tokens.end[this.last[f]]);
      starts[f] = a2 < 0 ? Number.MAX_SAFE_INTEGER : fs.tokens.start[a2];
    }
    const { tau, a, b } = config.calibration;
    const logP = n === 0 ? 0 : best / tau - logPartition(em, n, T, this.model.trans, this.expTrans, tau, ds);
    return { values, starts, confidence: sigmoid(a * pathLogit(logP) + b) };
  }
  render(values, starts) {
    const { style, fields } = this.config;
    if (style.mode === "string") return values[0] ?? "";
    const keys = [];
    for (let f = 0; f < fields.length; f++) if (values[f] !== null || style.absent[f] !== "omit") keys.push(f);
    if (style.order === "rank") {
      const rank = new Map(style.rank.map((name, i) => [name, i]));
      keys.sort((x, y) => rank.get(fields[x]) - rank.get(fields[y]));
    } else if (style.order === "input") {
      keys.sort((x, y) => starts[x] - starts[y] || x - y);
    }
    const valueOf = (f) => values[f] ?? (style.absent[f] === "empty" ? "" : null);
    if (style.mode === "json-object") {
      const out = {};
      for (const f of keys) out[fields[f]] = valueOf(f);
      return out;
    }
    const names = keys.map((f) => fields[f]);
    const byName = new Map(keys.map((f) => [fields[f], valueOf(f)]));
    return renderJsonString(names, (k) => byName.get(k) ?? null, style);
  }
  predictSync(input) {
    const r = this.extract(input);
    return { output: this.render(r.values, r.starts), confidence: r.confidence };
  }
  async predict(input) {
    return this.predictSync(input);
  }
  predictBatch(inputs) {
    return predictEach(this, inputs);
  }
};

// core/recipes/extract/score.ts
var normalizeValue = createNormalizer();
function fieldF1(gold, pred) {
  let g = 0;
  let p = 0;
  let hit = 0;
  for (let k = 0; k < gold.length; k++) {
    const gv = gold[k] ? normalizeValue(gold[k]) : "";
    const pv = pred[k] ? normalizeValue(pred[k]) : "";
    if (gv) g++;
    if (pv) p++;
    if (gv && gv === pv) hit++;
  }
  if (g === 0 && p === 0) return 1;
  if (hit === 0) return 0;
  return 2 * hit / (g + p);
}

// core/recipes/extract/learn.ts
var TAUS = [0.25, 0.5, 1, 2, 4, 8, 16];
var MIN_SPLIT = 20;
var RIDGE = 1;
var PATIENCE = 5;
function goldTags(ex, tokens, F) {
  const tags = new Int32Array(tokens.count);
  const spans = [];
  for (let f = 0; f < F; f++) {
    const v = ex.values[f];
    if (!v) continue;
    let from = 0;
    for (; ; ) {
      const loc = locate(ex.text, v, from);
      if (!loc) break;
      const al = alignSpan(tokens, loc[0], loc[1]);
      if (al && !tags.subarray(al[0], al[1] + 1).some((t) => t !== 0)) {
        tags[al[0]] = 1 + 2 * f;
        for (let k = al[0] + 1; k <= al[1]; k++) tags[k] = 2 + 2 * f;
        spans.push([loc[0], loc[1]]);
        break;
      }
      from = loc[0] + 1;
    }
  }
  return { tags, spans };
}
function gazetteerOf(items, F) {
  const gaz = new Gazetteer(F);
  const own = items.map((ex) => {
    const m = /* @__PURE__ */ new Map();
    ex.values.forEach((v, f) => {
      if (!v) return;
      const h = gaz.add(v.toLowerCase(), f);
      if (h === null) return;
      let c = m.get(h);
      if (!c) m.set(h, c = new Int32Array(F));
      c[f]++;
    });
    return m;
  });
  return { gaz, own };
}
var MAX_CELLS = 4e6;
function prepare(items, F, gaz, rowOf, grow2, own) {
  const T = tagCount(F);
  const sc = new FeatureScratch();
  const raw = [];
  const tokens = [];
  const seen = /* @__PURE__ */ new Map();
  items.forEach((ex, idx) => {
    const n = featurize(ex.text, ex.context, gaz, sc, own?.[idx]);
    const hashes2 = sc.hashes.slice(0, sc.offs[n]);
    if (grow2) for (const h of hashes2) seen.set(h, (seen.get(h) ?? 0) + 1);
    raw.push({ n, hashes: hashes2, offs: sc.offs.slice(0, n + 1), gold: goldTags(ex, sc.tokens, F).tags });
    tokens.push({ start: sc.tokens.start.slice(0, n), end: sc.tokens.end.slice(0, n) });
  });
  let minCount = 1;
  if (grow2) {
    const byCount = /* @__PURE__ */ new Map();
    for (const c of seen.values()) byCount.set(c, (byCount.get(c) ?? 0) + 1);
    let kept = seen.size;
    while (kept * T > MAX_CELLS) kept -= byCount.get(minCount++) ?? 0;
    for (const r of raw) for (const h of r.hashes) if (!rowOf.has(h) && seen.get(h) >= minCount) rowOf.set(h, rowOf.size);
  }
  const seqs = raw.map((r) => {
    const rows = new Int32Array(r.hashes.length);
    for (let k = 0; k < rows.length; k++) rows[k] = rowOf.get(r.hashes[k]) ?? -1;
    return { n: r.n, rows, offs: r.offs, gold: r.gold };
  });
  const hashes = new Uint32Array(rowOf.size);
  for (const [h, r] of rowOf) hashes[r] = h;
  return { seqs, hashes, tokens };
}
function evaluate(held, items, W, R, T) {
  const F = (T - 1) / 2;
  const trans = maskTransitions(W.subarray(R * T), T);
  const ds = new DecodeScratch();
  const first = new Int32Array(F);
  const last = new Int32Array(F);
  const score = new Float64Array(F);
  return held.seqs.map((seq, i) => {
    ds.ensure(seq.n, T);
    denseEmissions(seq, W, T, ds.em);
    viterbi(ds.em, seq.n, T, trans, ds);
    pickSpans(ds.tags, ds.em, seq.n, T, first, last, score);
    const tk = held.tokens[i];
    const text = items[i].text;
    const pred = [];
    for (let f = 0; f < F; f++) pred.push(first[f] < 0 ? "" : text.slice(tk.start[first[f]], tk.end[last[f]]));
    return fieldF1(items[i].values, pred);
  });
}
function pathLogits(held, W, R, T) {
  const trans = maskTransitions(W.subarray(R * T), T);
  const ds = new DecodeScratch();
  return TAUS.map((tau) => {
    const exps = expTransitions(trans, tau);
    return held.seqs.map((seq) => {
      if (seq.n === 0) return pathLogit(0);
      ds.ensure(seq.n, T);
      denseEmissions(seq, W, T, ds.em);
      const best = viterbi(ds.em, seq.n, T, trans, ds);
      return pathLogit(best / tau - logPartition(ds.em, seq.n, T, trans, exps, tau, ds));
    });
  });
}
function platt(x, correct) {
  const pos = correct.filter(Boolean).length;
  const neg = correct.length - pos;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  let a = 1;
  let b = 0;
  for (let it = 0; it < 50; it++) {
    let ga = RIDGE * (a - 1), gb = RIDGE * b, haa = RIDGE, hab = 0, hbb = RIDGE;
    x.forEach((xi, i) => {
      const p = sigmoid(a * xi + b);
      const d = p - (correct[i] ? hi : lo);
      const w = p * (1 - p);
      ga += d * xi;
      gb += d;
      haa += w * xi * xi;
      hab += w * xi;
      hbb += w;
    });
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  let loss = RIDGE / 2 * ((a - 1) ** 2 + b * b);
  x.forEach((xi, i) => {
    const p = Math.min(Math.max(sigmoid(a * xi + b), 1e-12), 1 - 1e-12);
    loss -= correct[i] ? Math.log(p) : Math.log(1 - p);
  });
  return { a, b, loss };
}
function learnExtract(train, shape, ctx, opts = {}) {
  const F = shape.fields.length;
  const T = tagCount(F);
  const items = train.map((e) => labelExample(e, shape));
  const maxEpochs = opts.maxEpochs ?? Math.max(5, Math.min(30, Math.round(4e5 / Math.max(1, items.length))));
  const stage = "compile:extract";
  let epochs = Math.min(10, maxEpochs);
  let calibration = { tau: 1, a: 1, b: 0 };
  let internal = null;
  if (items.length >= MIN_SPLIT) {
    const order = shuffled(items.map((_, i) => i), seededRandom(ctx.seed));
    const cut = Math.max(1, Math.round(items.length * 0.2));
    const heldItems = order.slice(0, cut).map((i) => items[i]);
    const fitItems = order.slice(cut).map((i) => items[i]);
    const { gaz: gaz2, own: own2 } = gazetteerOf(fitItems, F);
    const rowOf2 = /* @__PURE__ */ new Map();
    const fitP = prepare(fitItems, F, gaz2, rowOf2, true, own2);
    const R = rowOf2.size;
    const heldP = prepare(heldItems, F, gaz2, rowOf2, false);
    const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const ks = [];
    const f1s = [];
    let prevAvg = null;
    let bestAvg = null;
    let bestSmooth = -1;
    let bestI = 0;
    const consider = (i, avg) => {
      const sm = mean(ks.slice(Math.max(0, i - 1), i + 2));
      if (sm >= bestSmooth - 1e-9) {
        if (sm > bestSmooth + 1e-9 || i > bestI) bestI = i;
        bestSmooth = Math.max(bestSmooth, sm);
        bestAvg = avg;
      }
    };
    let stale = 0;
    trainPerceptron(fitP.seqs, R, T, maxEpochs, ctx.seed, (epoch, avg) => {
      const f1 = evaluate(heldP, heldItems, avg, R, T);
      f1s.push(f1);
      ks.push(mean(f1));
      const before = bestSmooth;
      if (epoch >= 2) consider(epoch - 2, prevAvg);
      stale = bestSmooth > before + 1e-9 ? 0 : stale + 1;
      prevAvg = avg;
      ctx.reporter.progress({ stage, done: epoch, total: maxEpochs + 1, message: "choosing epochs" });
      return stale < PATIENCE;
    });
    consider(ks.length - 1, prevAvg);
    epochs = bestI + 1;
    internal = { K: ks[bestI], cases: heldItems.length };
    const chosen = { f1: f1s[bestI], logits: pathLogits(heldP, bestAvg, R, T) };
    const correct = chosen.f1.map((f) => f >= 1);
    let bestLoss = Infinity;
    TAUS.forEach((tau, j) => {
      const p = platt(chosen.logits[j], correct);
      if (p.loss < bestLoss - 1e-9) {
        bestLoss = p.loss;
        calibration = { tau, a: p.a, b: p.b };
      }
    });
  }
  const { gaz, own } = gazetteerOf(items, F);
  const rowOf = /* @__PURE__ */ new Map();
  const all = prepare(items, F, gaz, rowOf, true, own);
  const W = trainPerceptron(all.seqs, rowOf.size, T, epochs, ctx.seed);
  ctx.reporter.progress({ stage, done: maxEpochs + 1, total: maxEpochs + 1, message: "fitted" });
  const weights = packWeights(all.hashes, W, T, opts.budgetBytes ?? 15e5);
  const config = {
    version: 1,
    payload: `${ctx.prefix}extract.bin`,
    inputMode: shape.inputMode,
    source: shape.source,
    context: shape.context,
    fields: shape.fields,
    style: shape.style,
    gazetteer: gazetteerLists(items, F, opts.gazetteerCap ?? 5e3),
    calibration,
    epochs,
    internal
  };
  return { config, weights };
}
function gazetteerLists(items, F, cap) {
  const counts = Array.from({ length: F }, () => /* @__PURE__ */ new Map());
  for (const ex of items) ex.values.forEach((v, f) => {
    if (v) counts[f].set(v.toLowerCase(), (counts[f].get(v.toLowerCase()) ?? 0) + 1);
  });
  return counts.map(
    (m) => [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, cap).map(([v]) => v).sort()
  );
}

// core/recipes/extract/index.ts
async function fitExtract(train, ctx, opts = {}) {
  const shape = analyzeTask(train);
  if (typeof shape === "string") {
    throw new KolmError("E_NO_CANDIDATE", `extract cannot fit this data: ${shape}`, {
      hint: "check extractCandidate.unsuitable() before fitting"
    });
  }
  const { config, weights } = learnExtract(train, shape, ctx, opts);
  const files = /* @__PURE__ */ new Map([[config.payload, weights]]);
  const saved = { type: "extract", config, files };
  return { saved, predictor: await loadExtract(saved.config, files) };
}
var extractCandidate = {
  type: "extract",
  unsuitable(train) {
    const shape = analyzeTask(train);
    return typeof shape === "string" ? shape : null;
  },
  fit: (train, ctx) => fitExtract(train, ctx)
};
async function loadExtract(config, files) {
  const c = config;
  if (c.version !== 1 || typeof c.payload !== "string" || !Array.isArray(c.fields)) {
    throw new KolmError("E_BAD_ARTIFACT", 'extract recipe config is not version 1 or lacks "payload"/"fields"', {
      hint: "rebuild the artifact with this version of kolm"
    });
  }
  const bytes = files.get(c.payload);
  if (!bytes) {
    throw new KolmError("E_BAD_ARTIFACT", `extract recipe payload "${c.payload}" is missing from the artifact`, {
      place: { path: c.payload },
      hint: "the artifact is incomplete; rebuild it"
    });
  }
  try {
    return new ExtractPredictor(c, bytes);
  } catch (err) {
    throw new KolmError("E_BAD_ARTIFACT", `extract weight table "${c.payload}" is unreadable: ${err.message}`, {
      place: { path: c.payload },
      hint: "the artifact is damaged; rebuild it",
      cause: err
    });
  }
}

// core/recipes/composite.ts
var SPAN_SHARE = 0.8;
var ABSENT = "\u2205";
function inputTexts(input) {
  if (typeof input === "string") return [input];
  return Object.keys(input).map((k) => fieldText2(input, k)).filter((t) => t !== "");
}
function isSpan(input, value) {
  return typeof value === "string" && value.trim() !== "" && inputTexts(input).some((t) => locate(t, value.trim()) !== null);
}
function planFields(train) {
  if (train.length === 0) return "no training examples";
  const objects = [];
  for (const e of train) {
    const o = parseObject(e.output);
    if (!o) return "outputs are not all JSON objects";
    objects.push(o);
  }
  const names = [...new Set(objects.flatMap((o) => Object.keys(o)))].sort();
  if (names.length === 0) return "every output is an empty object";
  const fields = [];
  for (const name of names) {
    let present = 0;
    let spans = 0;
    const distinct = /* @__PURE__ */ new Map();
    objects.forEach((o, i) => {
      if (!(name in o) || o[name] === null || o[name] === "") return;
      const v = o[name];
      if (typeof v === "object") return;
      present++;
      if (isSpan(train[i].input, v)) spans++;
      const key = JSON.stringify(v);
      distinct.set(key, (distinct.get(key) ?? 0) + 1);
    });
    if (objects.some((o) => o[name] !== null && typeof o[name] === "object")) return `field "${name}" holds nested objects or lists`;
    if (present > 0 && spans / present >= SPAN_SHARE) fields.push({ name, role: "span" });
    else if (distinct.size <= LABEL_MAX_DISTINCT && distinct.size < Math.max(2, present / 2)) fields.push({ name, role: "label" });
    else return `field "${name}" is neither a span of the input nor a closed label set (${distinct.size} distinct values in ${present} rows)`;
  }
  if (!fields.some((f) => f.role === "label")) return "every field is a span of the input: the extract recipe covers it";
  return { objects, fields };
}
function labelExamples(train, objects, field) {
  return train.map((e, i) => {
    const v = objects[i][field];
    return { input: e.input, output: v === void 0 || v === null || v === "" ? ABSENT : JSON.stringify(v) };
  });
}
function spanExamples(train, objects, fields) {
  return train.map((e, i) => {
    const o = {};
    for (const f of fields) if (typeof objects[i][f] === "string" && objects[i][f] !== "") o[f] = objects[i][f];
    return { input: e.input, output: o };
  });
}
function assemble(config, spans, labels) {
  const labelFields = config.labels.map((l) => l.field);
  const render = (values) => {
    const keys = config.order.filter((k) => values.has(k));
    if (config.style.mode === "json-object") return Object.fromEntries(keys.map((k) => [k, values.get(k)]));
    return renderJsonString(keys, (k) => values.get(k), config.style);
  };
  const combine = (spanPrediction, labelPredictions) => {
    const values = /* @__PURE__ */ new Map();
    let confidence = 1;
    if (spanPrediction) {
      for (const [k, v] of Object.entries(parseObject(spanPrediction.output) ?? {})) values.set(k, v);
      confidence *= spanPrediction.confidence ?? 1;
    }
    labelPredictions.forEach((p, i) => {
      if (p.output !== ABSENT && typeof p.output === "string") values.set(labelFields[i], JSON.parse(p.output));
      confidence *= p.confidence ?? 1;
    });
    return { output: render(values), confidence };
  };
  return {
    async predict(input) {
      const s = spans ? await spans.predict(input) : void 0;
      const ls = await Promise.all(labels.map((p) => p.predict(input)));
      return combine(s, ls);
    },
    async predictBatch(inputs) {
      const s = spans ? await spans.predictBatch(inputs) : void 0;
      const ls = await Promise.all(labels.map((p) => p.predictBatch(inputs)));
      return inputs.map((_, i) => combine(s?.[i], ls.map((l) => l[i])));
    },
    async close() {
      await Promise.all([spans, ...labels].map((p) => p?.close?.()));
    }
  };
}
var compositeCandidate = {
  type: "composite",
  unsuitable(train) {
    const plan = planFields(train);
    return typeof plan === "string" ? plan : null;
  },
  async fit(train, ctx) {
    const plan = planFields(train);
    if (typeof plan === "string") throw new KolmError("E_NO_CANDIDATE", `composite cannot fit this data: ${plan}`);
    const { objects, fields } = plan;
    const names = fields.map((f) => f.name);
    const mode = train.every((e) => typeof e.output === "string") ? "json-string" : "json-object";
    const style = learnStyle(train, mode, names, objects, () => 0);
    const order = style.order === "sorted" ? names.slice().sort() : style.rank;
    const files = /* @__PURE__ */ new Map();
    const spanFields = fields.filter((f) => f.role === "span").map((f) => f.name);
    let spans;
    if (spanFields.length) {
      spans = await extractCandidate.fit(spanExamples(train, objects, spanFields), { ...ctx, prefix: `${ctx.prefix}spans/` });
      for (const [k, v] of spans.saved.files) files.set(k, v);
    }
    const labels = [];
    for (const [i, f] of fields.entries()) {
      if (f.role !== "label") continue;
      const sub = labelExamples(train, objects, f.name);
      const fitted = await classifierCandidate.fit(sub, { ...ctx, kind: "label", prefix: `${ctx.prefix}fields/${i}/` });
      for (const [k, v] of fitted.saved.files) files.set(k, v);
      labels.push({ field: f.name, fitted });
    }
    const config = {
      version: 1,
      style,
      fields,
      order,
      ...spans ? { spans: { type: "extract", config: spans.saved.config } } : {},
      labels: labels.map((l) => ({ field: l.field, type: "classifier", config: l.fitted.saved.config }))
    };
    return {
      saved: { type: "composite", config, files },
      predictor: assemble(config, spans?.predictor, labels.map((l) => l.fitted.predictor))
    };
  }
};
async function loadComposite(raw, files, load) {
  const config = raw;
  if (config.version !== 1 || !Array.isArray(config.labels) || !Array.isArray(config.order)) {
    throw new KolmError("E_BAD_ARTIFACT", "composite recipe config is not version 1", { hint: "rebuild it with kolm compile" });
  }
  const spans = config.spans ? await load(config.spans.type, config.spans.config, files) : void 0;
  const labels = await Promise.all(config.labels.map((l) => load(l.type, l.config, files)));
  return assemble(config, spans, labels);
}

// core/recipes/lookup.ts
var ENTRY = "recipe/lookup.json";
function lookupKey(input) {
  const norm = (v) => String(v ?? "").normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
  if (typeof input === "string") return norm(input);
  return JSON.stringify(Object.keys(input).sort().map((k) => [k, norm(input[k])]));
}
function buildTable(train) {
  const outputIndex = /* @__PURE__ */ new Map();
  const outputs = [];
  const counts = /* @__PURE__ */ new Map();
  const totals = /* @__PURE__ */ new Map();
  for (const ex of train) {
    const outKey = JSON.stringify(ex.output);
    let o = outputIndex.get(outKey);
    if (o === void 0) {
      o = outputs.length;
      outputIndex.set(outKey, o);
      outputs.push(ex.output);
    }
    totals.set(o, (totals.get(o) ?? 0) + 1);
    const key = lookupKey(ex.input);
    let c = counts.get(key);
    if (!c) counts.set(key, c = /* @__PURE__ */ new Map());
    c.set(o, (c.get(o) ?? 0) + 1);
  }
  const argmax = (m) => {
    let best = -1;
    let bestN = -1;
    for (const [o, n] of m) if (n > bestN || n === bestN && o < best) [best, bestN] = [o, n];
    return [best, bestN];
  };
  const keys = [...counts.keys()].sort();
  const values = [];
  const agreement = [];
  for (const k of keys) {
    const c = counts.get(k);
    const [o, n] = argmax(c);
    values.push(o);
    let total = 0;
    for (const v of c.values()) total += v;
    agreement.push(Number((n / total).toFixed(4)));
  }
  return { keys, values, outputs, fallback: argmax(totals)[0], agreement };
}
function predictorFromTable(t) {
  const index = /* @__PURE__ */ new Map();
  t.keys.forEach((k, i) => index.set(k, i));
  const predictor = {
    async predict(input) {
      const i = index.get(lookupKey(input));
      if (i === void 0) return { output: t.outputs[t.fallback], confidence: 0 };
      return { output: t.outputs[t.values[i]], confidence: t.agreement[i] };
    },
    predictBatch: (inputs) => predictEach(predictor, inputs)
  };
  return predictor;
}
var lookupCandidate = {
  type: "lookup",
  unsuitable(train) {
    return train.length === 0 ? "no training examples" : null;
  },
  async fit(train, ctx) {
    const table = buildTable(train);
    const entry = `${ctx.prefix}lookup.json`;
    return {
      saved: {
        type: "lookup",
        config: { entry },
        files: /* @__PURE__ */ new Map([[entry, new TextEncoder().encode(JSON.stringify(table))]])
      },
      predictor: predictorFromTable(table)
    };
  }
};
async function loadLookup(config, files) {
  const entry = typeof config.entry === "string" ? config.entry : ENTRY;
  const bytes = files.get(entry);
  if (!bytes) throw new KolmError("E_BAD_ARTIFACT", `lookup table ${entry} is missing from the artifact`, { hint: "rebuild it with kolm compile" });
  return predictorFromTable(JSON.parse(new TextDecoder().decode(bytes)));
}

// core/recipes/index.ts
var candidates = [lookupCandidate, extractCandidate, classifierCandidate, compositeCandidate];
var loaders = {
  lookup: loadLookup,
  extract: loadExtract,
  classifier: loadClassifier,
  composite: (config, files) => loadComposite(config, files, loadRecipe)
};
async function loadRecipe(type, config, files) {
  const load = loaders[type];
  if (!load) {
    throw new KolmError("E_BAD_ARTIFACT", `unknown recipe type "${type}"`, {
      hint: "this artifact was made by a newer kolm; upgrade kolm-migrate"
    });
  }
  return load(config, files);
}

// core/compile/split.ts
var HOLDOUT_MIN_ROWS = 1e3;
function carveFolds(items, stratum, { seed, holdout = 0.2, k = 5 }) {
  const rand = seededRandom(seed);
  const groups = /* @__PURE__ */ new Map();
  items.forEach((item, i) => {
    const key = stratum(item);
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  });
  const foldCount = items.length >= HOLDOUT_MIN_ROWS ? Math.round(1 / holdout) : Math.min(k, Math.max(2, items.length));
  const foldOf = new Int32Array(items.length);
  let offset = 0;
  for (const key of [...groups.keys()].sort()) {
    for (const idx of shuffled(groups.get(key), rand)) foldOf[idx] = offset++ % foldCount;
  }
  const foldsUsed = items.length >= HOLDOUT_MIN_ROWS ? 1 : foldCount;
  const folds = [];
  for (let f = 0; f < foldsUsed; f++) {
    const train = [];
    const validation = [];
    items.forEach((item, i) => (foldOf[i] === f ? validation : train).push(item));
    folds.push({ train, validation });
  }
  return folds;
}

// core/compile/compile.ts
var LATENCY_SAMPLE = 300;
async function measureLatency(predictor, examples) {
  const stats = latencyStats(await timeSingleCalls(predictor, examples.slice(0, LATENCY_SAMPLE).map((e) => e.input)));
  return { p50: stats?.p50 ?? 0, p95: stats?.p95 ?? 0, p99: stats?.p99 ?? 0 };
}
async function evaluateOn(predictor, examples, scorer, gates, reporter) {
  const report = await evaluatePredictor(predictor, examples, scorer, { system: { name: "kolm" }, reporter, latencySample: LATENCY_SAMPLE });
  report.gates = checkGates(report, gates);
  return report;
}
function metricsOfReport(r) {
  return { K: r.K, K_low: r.K_ci95[0], K_high: r.K_ci95[1], pass_rate: r.pass_rate, n: r.cases, p50_ms: r.latency_ms?.p50 ?? 0, p99_ms: r.latency_ms?.p99 ?? 0 };
}
function metricsOf(summary, latency) {
  return {
    K: summary.K,
    K_low: summary.K_ci95[0],
    K_high: summary.K_ci95[1],
    pass_rate: summary.pass_rate,
    n: summary.n,
    p50_ms: latency.p50,
    p99_ms: latency.p99
  };
}
function stratumFor(kind, scorer) {
  if (kind !== "label") return () => "";
  return (e) => scorer.normalize(String(e.output ?? ""));
}
async function compileRecipe(input, reporter = silentReporter) {
  const { spec, train } = input;
  const seed = input.seed ?? 42;
  if (train.length === 0) {
    throw new KolmError("E_NO_ROWS", "there are no training examples to compile from", {
      hint: "check the --examples file: `kolm seeds validate train.jsonl`"
    });
  }
  const outputs = train.map((e) => e.output);
  const kind = outputKindFor(spec, outputs);
  const scorer = createScorer(kind, { labels: kind === "label" ? labelSet(outputs) : void 0 });
  const folds = carveFolds(train, stratumFor(kind, scorer), { seed });
  const ctx = (prefix) => ({
    kind,
    quantization: spec.quantization ?? "int8",
    seed,
    reporter,
    prefix
  });
  const pool = input.only ? candidates.filter((c) => input.only.includes(c.type)) : candidates;
  const table = [];
  const total = pool.length;
  let step = 0;
  for (const candidate of pool) {
    const stage = `compile:${candidate.type}`;
    reporter.progress({ stage, done: step, total, message: `trying ${candidate.type}` });
    const reason = candidate.unsuitable(train, ctx("recipe/"));
    if (reason) {
      table.push({ type: candidate.type, status: "unsuitable", reason });
      reporter.progress({ stage, done: ++step, total, message: `${candidate.type}: unsuitable` });
      continue;
    }
    try {
      const started = performance3.now();
      const outcomes = [];
      let latency = { p50: 0, p95: 0, p99: 0 };
      for (const fold of folds) {
        const fitted2 = await candidate.fit(fold.train, ctx("recipe/"));
        const predictions = await fitted2.predictor.predictBatch(fold.validation.map((e) => e.input));
        predictions.forEach((p, i) => outcomes.push({ input: fold.validation[i].input, reference: fold.validation[i].output, prediction: p.output }));
        if (fold === folds[folds.length - 1]) latency = await measureLatency(fitted2.predictor, fold.validation);
        await fitted2.predictor.close?.();
      }
      const m = metricsOf(scoreCases(outcomes, scorer).summary, latency);
      const gate = firstMissedGate(checkGates({ K: m.K, pass_rate: m.pass_rate, latency_ms: latency }, spec.gates));
      table.push({
        type: candidate.type,
        status: gate ? "below gate" : "passed",
        ...gate ? { reason: gate } : {},
        K: m.K,
        pass_rate: m.pass_rate,
        n: m.n,
        p50_ms: m.p50_ms,
        p99_ms: m.p99_ms,
        metrics: m,
        fit_seconds: (performance3.now() - started) / 1e3 / folds.length
      });
    } catch (err) {
      if (!(err instanceof KolmError)) throw err;
      table.push({ type: candidate.type, status: "failed", reason: err.message });
    }
    reporter.progress({ stage, done: ++step, total, message: `${candidate.type} scored` });
  }
  let best;
  for (const row of table) if (row.status === "passed" && (!best || row.K > best.K)) best = row;
  if (!best) throw noCandidateError(table, spec, kind, train.length);
  best.status = "winner";
  reporter.progress({ stage: `compile:refit`, message: `refitting ${best.type} on all ${train.length} examples` });
  const winner = pool.find((c) => c.type === best.type);
  const fitted = await winner.fit(train, ctx("recipe/"));
  const validation = best.metrics;
  let evalReport;
  if (input.eval && input.eval.length > 0) {
    reporter.progress({ stage: "compile:eval", message: `scoring the winner on ${input.eval.length} eval cases` });
    evalReport = await evaluateOn(fitted.predictor, input.eval, scorer, spec.gates, reporter);
  }
  return {
    kind,
    winner: best.type,
    saved: fitted.saved,
    predictor: fitted.predictor,
    table,
    validation,
    ...evalReport ? { eval: metricsOfReport(evalReport), evalReport } : {},
    folds: folds.length
  };
}
function noCandidateError(table, spec, kind, rows) {
  const hints = [];
  if (!spec.base) hints.push('add a "base" model to the spec for the adapter route (a LoRA fine-tune) when the task needs a real LLM');
  if (rows < 2e3) hints.push(`add more training data (${rows} rows now)`);
  const scored = table.filter((r) => r.K !== void 0);
  if (spec.gates?.K_min !== void 0 && scored.length) {
    const top = Math.max(...scored.map((r) => r.K));
    hints.push(`or lower gates.K_min (${spec.gates.K_min}) to at most ${top.toFixed(3)}, the best a recipe reached`);
  }
  return new KolmError("E_NO_CANDIDATE", `no recipe passes the gates for this ${kind} task:
${formatCandidateTable(table)}`, {
    hint: hints.join("; "),
    details: { table }
  });
}
function formatCandidateTable(table) {
  const rows = [["candidate", "K", "pass", "p50 ms", "status"]];
  for (const r of table) {
    rows.push([
      r.type,
      r.K === void 0 ? "-" : r.K.toFixed(3),
      r.pass_rate === void 0 ? "-" : `${(r.pass_rate * 100).toFixed(1)}%`,
      r.p50_ms === void 0 ? "-" : r.p50_ms.toFixed(3),
      r.reason ? `${r.status}: ${r.reason}` : r.status
    ]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => c === r.length - 1 ? cell : cell.padEnd(widths[c])).join("  ")).join("\n");
}

// core/compile/artifact.ts
var RECIPE_CONFIG_ENTRY = "recipe/config.json";
var round2 = (x, digits = 6) => Number(x.toFixed(digits));
function manifestMetrics(m, recordLatency) {
  return { K: round2(m.K), pass_rate: round2(m.pass_rate), n: m.n, ...recordLatency ? { p50_ms: round2(m.p50_ms, 4) } : {} };
}
function storedQuantization(type, config) {
  const storages = type === "composite" ? (config.labels ?? []).map((l) => l.config.storage) : [config.storage];
  if (storages.includes("int8")) return "int8";
  if (storages.includes("f16")) return "f16";
  return "none";
}
function recipeManifest(outcome, meta) {
  return {
    name: meta.name,
    created: meta.created,
    spec: meta.spec,
    kind: "recipe",
    recipe: { type: outcome.winner, entry: RECIPE_CONFIG_ENTRY },
    quantization: storedQuantization(outcome.winner, outcome.saved.config),
    metrics: {
      validation: manifestMetrics(outcome.validation, meta.recordLatency),
      ...outcome.eval ? { eval: manifestMetrics(outcome.eval, meta.recordLatency) } : {}
    },
    compiler: { name: "kolm-migrate", version: VERSION },
    datasets: meta.datasets,
    output_kind: outcome.kind
  };
}
async function recipeArtifactBytes(outcome, meta) {
  const entries = new Map(outcome.saved.files);
  entries.set(RECIPE_CONFIG_ENTRY, new TextEncoder().encode(`${JSON.stringify(outcome.saved.config)}
`));
  return writeArtifact({ manifest: recipeManifest(outcome, meta), entries });
}

// core/compile/created.ts
import { stat } from "node:fs/promises";
async function createdFromInputs(inputs, sourceDateEpoch) {
  if (sourceDateEpoch && /^\d+$/.test(sourceDateEpoch)) return new Date(Number(sourceDateEpoch) * 1e3).toISOString();
  let newest = 0;
  for (const p of inputs) newest = Math.max(newest, Math.floor((await stat(p)).mtimeMs / 1e3) * 1e3);
  return new Date(newest).toISOString();
}

// core/ludwig/load.ts
import { readFile, stat as stat2 } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";

// core/ludwig/spec-draft.ts
function objectShape(ctx, columns, path) {
  const shape = {};
  for (const c of columns) {
    if (/\s/.test(c)) {
      throw ctx.error(path, `column "${c}" has whitespace, which spec field names cannot hold`, `rename the column (e.g. "${c.replace(/\s+/g, "_")}") in the data and the config`);
    }
    shape[c] = "string";
  }
  return shape;
}
function specName(text) {
  const slug = text.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[^A-Za-z0-9]+/, "").replace(/-+$/, "");
  return slug || "spec";
}

// core/ludwig/yaml.ts
import { LineCounter, parseDocument, isMap, isSeq, isScalar } from "yaml";
function formatPath(path) {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out || "(top level)";
}
function parseLudwigYaml(text, file = "config.yaml") {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    const what = first.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
    throw new KolmError("E_BAD_YAML", `${file} is not valid YAML: ${what}${pos ? ` (line ${pos.line}, column ${pos.col})` : ""}`, {
      hint: "fix the YAML at that line (indentation, an unclosed bracket or quote, a duplicate key)",
      place: { file, ...pos ? { line: pos.line, column: pos.col } : {} },
      details: doc.errors.map((e) => ({ code: e.code, line: e.linePos?.[0]?.line, column: e.linePos?.[0]?.col }))
    });
  }
  const value = doc.toJS({ maxAliasCount: 1e3 });
  const locate2 = (path) => {
    let node2 = doc.contents;
    let found = isNodeLike(node2) ? node2 : void 0;
    for (const seg of path) {
      if (isMap(node2)) {
        const pair = node2.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === seg);
        if (!pair) break;
        node2 = pair.value;
        if (isNodeLike(pair.key)) found = pair.key;
        else if (isNodeLike(node2)) found = node2;
      } else if (isSeq(node2) && typeof seg === "number") {
        const item = node2.items[seg];
        if (item === void 0) break;
        node2 = item;
        if (isNodeLike(node2)) found = node2;
      } else break;
    }
    const offset = found?.range?.[0];
    if (offset === void 0) return void 0;
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  return { value, file, locate: locate2 };
}
function isNodeLike(x) {
  return typeof x === "object" && x !== null && "range" in x;
}

// core/ludwig/located.ts
var isObj = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var LocatedReader = class {
  constructor(y) {
    this.y = y;
  }
  y;
  warnings = [];
  refusals = [];
  line(path) {
    return this.y.locate(path)?.line;
  }
  where(path) {
    const line = this.line(path);
    return `${formatPath(path)}${line !== void 0 ? ` (line ${line})` : ""}`;
  }
  warn(path, message) {
    this.warnings.push(`${this.where(path)}: ${message}`);
  }
  refuse(path, label, reason) {
    this.refusals.push({ path: label, line: this.line(path), reason });
  }
  error(path, message, hint, code = "E_BAD_CONFIG") {
    const pos = this.y.locate(path);
    return new KolmError(code, `${this.y.file}: ${formatPath(path)}: ${message}`, {
      hint,
      place: { file: this.y.file, ...pos ? { line: pos.line, column: pos.column } : {}, path: formatPath(path) }
    });
  }
  num(path, value, opts = {}) {
    const n = typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value)) ? Number(value) : value;
    const want = `${opts.int ? "an integer" : "a number"}${opts.gt !== void 0 ? ` > ${opts.gt}` : ""}${opts.min !== void 0 ? ` \u2265 ${opts.min}` : ""}${opts.max !== void 0 ? ` \u2264 ${opts.max}` : ""}`;
    if (typeof n !== "number" || !Number.isFinite(n) || opts.int && !Number.isInteger(n) || opts.min !== void 0 && n < opts.min || opts.gt !== void 0 && n <= opts.gt || opts.max !== void 0 && n > opts.max) {
      throw this.error(path, `must be ${want}, got ${JSON.stringify(value)}`, `set ${formatPath(path)} to ${want}`);
    }
    return n;
  }
  bool(path, value) {
    if (typeof value === "boolean") return value;
    if (typeof value === "string") {
      if (/^(yes|true|on)$/i.test(value)) return true;
      if (/^(no|false|off)$/i.test(value)) return false;
    }
    throw this.error(path, `must be true or false, got ${JSON.stringify(value)}`, `set ${formatPath(path)} to true or false`);
  }
  str(path, value) {
    if (typeof value === "string" && value !== "") return value;
    throw this.error(path, `must be a non-empty string, got ${JSON.stringify(value)}`, `set ${formatPath(path)} to a string`);
  }
};

// core/ludwig/data-plan.ts
var LUDWIG_SEED = 42;
function readDataPlan(ctx, root) {
  const p = root.preprocessing;
  if (p === void 0 || p === null) return {};
  if (!isObj(p)) throw ctx.error(["preprocessing"], "must be a mapping", "write preprocessing: {split: {type: fixed}}");
  const at = (...k) => ["preprocessing", ...k];
  const out = {};
  const probs = (path, v) => {
    if (!Array.isArray(v) || v.length !== 3) throw ctx.error(path, "must be three numbers [train, validation, test]", "write probabilities: [0.7, 0.1, 0.2]");
    const nums = v.map((x, i) => ctx.num([...path, i], x, { min: 0, max: 1 }));
    if (Math.abs(nums[0] + nums[1] + nums[2] - 1) > 1e-6) throw ctx.error(path, `must sum to 1, got ${nums.join(" + ")}`, "make the three probabilities sum to 1");
    return nums;
  };
  let split = p.split;
  let splitPath = at("split");
  if ((split === void 0 || split === null) && p.split_probabilities !== void 0) {
    split = { type: "random", probabilities: p.split_probabilities };
    splitPath = at("split_probabilities");
  }
  if ((split === void 0 || split === null) && typeof p.stratify === "string") {
    split = { type: "stratify", column: p.stratify };
    splitPath = at("stratify");
  }
  if ((split === void 0 || split === null) && p.force_split !== void 0) {
    split = { type: "random" };
    splitPath = at("force_split");
  }
  if (split !== void 0 && split !== null) {
    if (!isObj(split)) throw ctx.error(splitPath, "must be a mapping", "write split: {type: fixed, column: split}");
    const type = split.type ?? "random";
    const sp = (k) => splitPath === at("split") ? [...splitPath, k] : splitPath;
    if (type === "fixed") {
      const column = split.column === void 0 || split.column === null ? "split" : ctx.str(sp("column"), split.column);
      out.split = { type: "fixed", column: sanitizeColumnName(column) };
    } else if (type === "random") {
      out.split = { type: "random", probabilities: split.probabilities === void 0 ? [0.7, 0.1, 0.2] : probs(sp("probabilities"), split.probabilities), seed: LUDWIG_SEED };
    } else if (type === "stratify" || type === "datetime" || type === "hash") {
      const probabilities = split.probabilities === void 0 ? [0.7, 0.1, 0.2] : probs(sp("probabilities"), split.probabilities);
      out.split = { type: "random", probabilities, seed: LUDWIG_SEED };
      ctx.warn(splitPath, `a ${String(type)} split${split.column ? ` on ${String(split.column)}` : ""} becomes a seeded random split with the same probabilities (${probabilities.join("/")}); the rows in each split will differ`);
    } else {
      throw ctx.error(sp("type"), `unknown split type ${JSON.stringify(type)}`, "use fixed, random, stratify, datetime or hash");
    }
  }
  const ratio = p.sample_ratio === void 0 || p.sample_ratio === null ? 1 : ctx.num(at("sample_ratio"), p.sample_ratio, { gt: 0, max: 1 });
  const size = p.sample_size === void 0 || p.sample_size === null ? void 0 : ctx.num(at("sample_size"), p.sample_size, { int: true, gt: 0 });
  if (size !== void 0 && ratio < 1) {
    throw ctx.error(at("sample_size"), "cannot be used together with sample_ratio < 1 (Ludwig rejects it)", "keep one of sample_ratio and sample_size");
  }
  if (ratio < 1 || size !== void 0) out.sampling = { ...ratio < 1 ? { ratio } : {}, ...size !== void 0 ? { size } : {}, seed: LUDWIG_SEED };
  for (const k of ["oversample_minority", "undersample_majority"]) {
    if (p[k] !== void 0 && p[k] !== null) ctx.warn(at(k), `not carried (${JSON.stringify(p[k])}): kolm trains on the rows as they are; rebalance the data first if it matters`);
  }
  if (p.global_max_sequence_length !== void 0 && p.global_max_sequence_length !== null) {
    ctx.warn(at("global_max_sequence_length"), `not carried (${String(p.global_max_sequence_length)}): examples are not truncated`);
  }
  const handled = /* @__PURE__ */ new Set(["split", "split_probabilities", "stratify", "force_split", "sample_ratio", "sample_size", "oversample_minority", "undersample_majority", "global_max_sequence_length", "random_seed"]);
  for (const k of Object.keys(p)) {
    if (handled.has(k) || p[k] === null || p[k] === void 0) continue;
    ctx.warn(at(k), "not carried");
  }
  if (p.random_seed !== void 0 && p.random_seed !== 42) {
    ctx.warn(at("random_seed"), `not carried: sampling and random splits use seed 42 (Ludwig's default), so rows may differ from Ludwig's ${String(p.random_seed)}`);
  }
  return out;
}

// core/ludwig/features.ts
var FEATURE_TYPES = [
  "audio",
  "bag",
  "binary",
  "category",
  "category_distribution",
  "date",
  "h3",
  "image",
  "number",
  "sequence",
  "set",
  "text",
  "timeseries",
  "vector",
  "anomaly"
];
function readFeatures(ctx, root, key) {
  const list = root[key];
  if (!Array.isArray(list) || list.length === 0) {
    throw ctx.error(
      [key],
      `must be a non-empty list of features, got ${list === void 0 ? "nothing" : JSON.stringify(list)}`,
      `list the ${key === "input_features" ? "input" : "output"} columns, e.g. ${key}: [{name: ${key === "input_features" ? "prompt" : "response"}, type: text}]`
    );
  }
  return list.map((raw, index) => {
    const path = [key, index];
    if (!isObj(raw)) throw ctx.error(path, "must be a mapping with name and type", "write each feature as {name: column, type: text}");
    const name = ctx.str([...path, "name"], raw.name);
    const type = ctx.str([...path, "type"], raw.type);
    if (!FEATURE_TYPES.includes(type)) {
      const near = closestName(type, FEATURE_TYPES);
      throw ctx.error([...path, "type"], `unknown feature type ${JSON.stringify(type)}`, near ? `did you mean ${near}?` : `use one of ${FEATURE_TYPES.join(", ")}`);
    }
    const column = raw.column === void 0 || raw.column === null ? name : ctx.str([...path, "column"], raw.column);
    return { index, path, raw, name, type, column: sanitizeColumnName(column) };
  });
}
var featureLabel = (f, key) => `${key}[${f.index}] (${f.name}: ${f.type})`;
function featureWarnings(ctx, input, output, modelType) {
  const inputs = Array.isArray(input) ? input : [input];
  for (const f of inputs) {
    for (const [k, v] of Object.entries(f.raw)) {
      if (["name", "type", "column", "proc_column", "active", "preprocessing"].includes(k) || v === null || v === void 0) continue;
      if (k === "encoder") {
        const type = isObj(v) ? v.type : v;
        ctx.warn([...f.path, "encoder"], `dropped${type ? ` (type: ${String(type)})` : ""}: encoder weights are not transferable`);
      } else if (k === "tied") ctx.warn([...f.path, "tied"], "dropped: weight tying between features has no text-to-text equivalent");
      else ctx.warn([...f.path, k], "not carried");
    }
    const pre2 = f.raw.preprocessing;
    if (isObj(pre2)) {
      for (const [k, v] of Object.entries(pre2)) {
        if (k === "prompt" || v === null || v === void 0) continue;
        if (k === "lowercase" && v === true) ctx.warn([...f.path, "preprocessing", k], "not carried: Ludwig lowercased this input; kolm keeps the case (lowercase the data first to match)");
        else if (modelType === "llm" && k === "max_sequence_length") ctx.warn([...f.path, "preprocessing", k], `not carried (${String(v)}): inputs are not truncated`);
        else ctx.warn([...f.path, "preprocessing", k], `not carried (${JSON.stringify(v)})`);
      }
    }
  }
  for (const [k, v] of Object.entries(output.raw)) {
    if (["name", "type", "column", "proc_column", "active", "preprocessing"].includes(k) || v === null || v === void 0) continue;
    if (modelType === "llm" && output.type === "category" && k === "decoder") continue;
    ctx.warn([...output.path, k], k === "decoder" || k === "loss" ? "dropped: the output head is not transferable" : "not carried");
  }
  const pre = output.raw.preprocessing;
  if (isObj(pre)) {
    for (const [k, v] of Object.entries(pre)) {
      if (v === null || v === void 0) continue;
      if (k === "max_sequence_length" && modelType === "llm") continue;
      if (k === "fallback_label" && modelType === "llm") continue;
      ctx.warn([...output.path, "preprocessing", k], `not carried (${JSON.stringify(v)})`);
    }
  }
}

// core/ludwig/ecd.ts
var ECD_TEXTUALIZED_INPUTS = {
  category: "the category value becomes text in the input",
  number: "the number becomes text in the input",
  binary: "the true/false value becomes text in the input",
  sequence: "the token sequence becomes text in the input"
};
function translateEcd(ctx, root, inputs, outputs, options) {
  if (options.adapter) {
    throw new KolmError("E_BAD_CONFIG", `${ctx.y.file} is an ECD config (no model_type: llm), but an adapter was given`, {
      hint: "an adapter export belongs to an LLM fine-tune: pass that config, or drop --adapter",
      place: { file: ctx.y.file, path: "model_type" }
    });
  }
  const output = outputs[0];
  const seen = /* @__PURE__ */ new Set();
  for (const f of inputs) {
    if (f.type !== "text") ctx.warn(f.path, `carried with loss: ${ECD_TEXTUALIZED_INPUTS[f.type] ?? "the value becomes text"}, where Ludwig encoded it as ${f.type}`);
    if (seen.has(f.column)) throw ctx.error(f.path, `column ${f.column} is read by two input features`, "keep one feature per column");
    seen.add(f.column);
  }
  if (seen.has(output.column)) throw ctx.error(output.path, `the output column ${output.column} is also an input`, "an output column cannot be an input too");
  let outputKind;
  if (output.type === "category") outputKind = "label";
  else if (output.type === "binary") {
    outputKind = "label";
    ctx.warn(output.path, 'carried as a label: the target is the cell text as written ("true"/"false", "1"/"0", "yes"/"no")');
  } else if (output.type === "number") {
    outputKind = "number";
    ctx.warn(output.path, "carried with loss: regression becomes generating the number as text; metrics change");
  } else if (output.type === "sequence") {
    ctx.warn(output.path, "carried with loss: the token sequence is generated as text");
  }
  if (root.combiner !== void 0 && root.combiner !== null) ctx.warn(["combiner"], "dropped (concat): it joins encoded features; kolm reads the columns directly");
  if (root.trainer !== void 0 && root.trainer !== null) ctx.warn(["trainer"], "dropped: ECD training settings do not apply; kolm compiles a recipe (or add a base model to the spec to train an adapter)");
  const inputColumns = inputs.map((f) => f.column);
  const spec = {
    kolm: 1,
    name: specName(options.name ?? output.column),
    task: `map ${inputColumns.join(" and ")} to ${output.column}`,
    shape: { input: inputColumns.length === 1 ? "string" : objectShape(ctx, inputColumns, ["input_features"]), output: "string" },
    ...outputKind ? { output_kind: outputKind } : {}
  };
  featureWarnings(ctx, inputs, output, "ecd");
  return { spec, mapping: { inputColumns, outputColumn: output.column, ...readDataPlan(ctx, root) } };
}

// core/ludwig/llm-generation.ts
var GENERATION_DEFAULTS = {
  max_new_tokens: 32,
  max_length: 32,
  min_new_tokens: null,
  temperature: 0.1,
  top_k: 50,
  top_p: 1,
  num_beams: 1,
  repetition_penalty: 1,
  no_repeat_ngram_size: 0,
  use_cache: true,
  pad_token_id: null,
  bos_token_id: null,
  eos_token_id: null
};
function readGeneration(ctx, root, output, legacy, versionNote) {
  const g = root.generation;
  if (g !== void 0 && g !== null && !isObj(g)) throw ctx.error(["generation"], "must be a mapping", "write generation: {max_new_tokens: 64, temperature: 0.1}");
  const gen = isObj(g) ? g : {};
  const has = (k) => gen[k] !== void 0 && gen[k] !== null;
  const path = (k) => ["generation", k];
  const out = {};
  let maxNew = has("max_new_tokens") ? ctx.num(path("max_new_tokens"), gen.max_new_tokens, { int: true, gt: 0 }) : 32;
  if (maxNew === 32 && output.type === "text") {
    const outPre = isObj(output.raw.preprocessing) ? output.raw.preprocessing : {};
    const pre = isObj(root.preprocessing) ? root.preprocessing : {};
    if (typeof outPre.max_sequence_length === "number") {
      maxNew = Math.max(32, outPre.max_sequence_length);
      if (maxNew !== 32) ctx.warn(path("max_new_tokens"), `${maxNew}: Ludwig raises 32 to the output's max_sequence_length`);
    } else if (typeof pre.global_max_sequence_length === "number") {
      maxNew = Math.max(32, pre.global_max_sequence_length);
      if (maxNew !== 32) ctx.warn(path("max_new_tokens"), `${maxNew}: Ludwig raises 32 to preprocessing.global_max_sequence_length`);
    } else {
      ctx.warn(path("max_new_tokens"), "kept at 32, but Ludwig replaces 32 with half the base model's context length; raise it if outputs are long");
    }
  }
  out.max_new_tokens = maxNew;
  out.temperature = has("temperature") ? ctx.num(path("temperature"), gen.temperature, { min: 0 }) : 0.1;
  if (has("top_p")) out.top_p = ctx.num(path("top_p"), gen.top_p, { gt: 0, max: 1 });
  if (has("top_k")) {
    const k = ctx.num(path("top_k"), gen.top_k, { int: true, min: 0 });
    if (k > 0) out.top_k = k;
    else ctx.warn(path("top_k"), "0 (no top-k filtering) is not carried");
  }
  out.do_sample = has("do_sample") ? ctx.bool(path("do_sample"), gen.do_sample) : !legacy;
  if (!has("do_sample") && legacy) ctx.warn(path("do_sample"), `not set: false (Ludwig 0.8 default; ${versionNote})`);
  if (has("repetition_penalty")) out.repetition_penalty = ctx.num(path("repetition_penalty"), gen.repetition_penalty, { gt: 0 });
  const carried = /* @__PURE__ */ new Set(["max_new_tokens", "temperature", "top_p", "top_k", "do_sample", "repetition_penalty", "max_length", "use_cache", "pad_token_id", "bos_token_id", "eos_token_id"]);
  for (const [k, v] of Object.entries(gen)) {
    if (carried.has(k) || v === null || v === void 0 || v === GENERATION_DEFAULTS[k]) continue;
    ctx.warn(path(k), `not carried (${JSON.stringify(v)})`);
  }
  return out;
}

// core/ludwig/llm-prompt.ts
function resolvePrompt(ctx, root, input, output) {
  const featurePre = isObj(input.raw.preprocessing) ? input.raw.preprocessing : void 0;
  const candidates2 = [
    [[...input.path, "preprocessing", "prompt"], featurePre?.prompt],
    [["prompt"], root.prompt]
  ];
  let path = ["prompt"];
  let prompt;
  for (const [p, value] of candidates2) {
    if (value === void 0 || value === null) continue;
    if (!isObj(value)) throw ctx.error(p, "must be a mapping with template and/or task", 'write prompt: {template: "\u2026{column}\u2026"}');
    if ((value.template ?? null) !== null || (value.task ?? null) !== null) {
      path = p;
      prompt = value;
      break;
    }
  }
  if (prompt && path !== candidates2[1][0] && isObj(root.prompt) && (root.prompt.template ?? root.prompt.task ?? null) !== null) {
    ctx.warn(["prompt"], `ignored: ${formatPath(path)} takes priority (Ludwig applies the feature's own prompt)`);
  }
  const templateRaw = prompt?.template ?? null;
  const taskRaw = prompt?.task ?? null;
  const task = taskRaw === null ? void 0 : ctx.str([...path, "task"], taskRaw);
  if (templateRaw === null && task === void 0) {
    return { inputColumns: [input.column] };
  }
  const templatePath = [...path, "template"];
  const source = templateRaw === null ? DEFAULT_ZERO_SHOT_PROMPT_TEMPLATE : ctx.str(templatePath, templateRaw);
  if (templateRaw === null) ctx.warn([...path, "task"], "no template: Ludwig's zero-shot default template is used");
  let parsed;
  try {
    parsed = parseTemplate(source);
  } catch (err) {
    if (err instanceof KolmError && err.code === "E_BAD_TEMPLATE") {
      const pos = ctx.y.locate(templatePath);
      throw new KolmError("E_BAD_TEMPLATE", `${ctx.y.file}: ${formatPath(templatePath)}: ${err.message}`, {
        hint: err.hint,
        place: { file: ctx.y.file, ...pos ? { line: pos.line } : {}, path: formatPath(templatePath) },
        details: err.data
      });
    }
    throw err;
  }
  const bad = (message, hint) => ctx.error(templatePath, message, hint, "E_BAD_TEMPLATE");
  if (parsed.fields.length === 0) {
    throw bad("the template reads no column, so every example would get the same prompt", 'put the input column in braces, e.g. "Question: {question}"');
  }
  if (task !== void 0 && !parsed.fields.includes(TASK_FIELD)) {
    throw bad("prompt.task is set but the template has no {__task__} (Ludwig requires it)", "add {__task__} where the task goes, or remove prompt.task");
  }
  if (task === void 0 && parsed.fields.includes(TASK_FIELD)) {
    throw bad("the template reads {__task__} but prompt.task is not set", "set prompt.task, or remove {__task__}");
  }
  if (parsed.columns.includes(output.column)) {
    throw bad(`the template reads the output column {${output.column}}; Ludwig appends the output itself`, `remove {${output.column}} from the template`);
  }
  if (parsed.fields.includes(CONTEXT_FIELD)) {
    ctx.warn(templatePath, "{__context__} renders empty without retrieval, as in Ludwig");
  }
  const inputColumns = [...parsed.columns];
  let sampleColumn;
  if (parsed.fields.includes(SAMPLE_FIELD)) {
    sampleColumn = input.column;
    if (!inputColumns.includes(sampleColumn)) inputColumns.unshift(sampleColumn);
    if (inputColumns.length > 1) {
      ctx.warn(templatePath, `{__sample__} reads column ${sampleColumn} (the input feature) alongside other columns`);
    }
  }
  const template = rebuildTemplate(parsed, { [TASK_FIELD]: task ?? "", [CONTEXT_FIELD]: "" });
  return { template, templatePath, task, inputColumns, ...sampleColumn && inputColumns.length > 1 ? { sampleColumn } : {} };
}

// core/ludwig/llm-training.ts
function readLora(ctx, a, at, legacy, versionNote) {
  const explicit = /* @__PURE__ */ new Set();
  const has = (k) => a[k] !== void 0 && a[k] !== null;
  let r;
  if (a.type === "adalora") {
    r = has("target_r") ? ctx.num(at("target_r"), a.target_r, { int: true, gt: 0 }) : 8;
    ctx.warn(at("type"), `adalora becomes lora with r = target_r (${r}); the adaptive rank schedule is not carried`);
  } else {
    r = has("r") ? ctx.num(at("r"), a.r, { int: true, gt: 0 }) : 8;
  }
  if (has("r")) explicit.add("r");
  let alpha;
  if (has("alpha")) {
    alpha = ctx.num(at("alpha"), a.alpha, { gt: 0 });
    explicit.add("alpha");
  } else {
    alpha = legacy ? 16 : 2 * r;
    ctx.warn(at("alpha"), `not set: using ${alpha} (${legacy ? "Ludwig 0.8 default 16" : "Ludwig's default 2 \xD7 r"}; ${versionNote})`);
  }
  const dropout = has("dropout") ? ctx.num(at("dropout"), a.dropout, { min: 0, max: 1 }) : 0.05;
  if (has("dropout")) explicit.add("dropout");
  const bias = has("bias_type") ? ctx.str(at("bias_type"), a.bias_type) : "none";
  if (has("bias_type")) explicit.add("bias_type");
  if (bias !== "none") ctx.warn(at("bias_type"), `"${bias}" also trains bias terms; the spec carries LoRA matrices only`);
  if (has("bias")) ctx.warn(at("bias"), 'Ludwig calls this key bias_type; "bias" is ignored by Ludwig and here');
  let targetModules;
  if (has("target_modules")) {
    const tm = a.target_modules;
    if (typeof tm === "string") targetModules = tm;
    else if (Array.isArray(tm) && tm.length && tm.every((x) => typeof x === "string")) targetModules = tm;
    else throw ctx.error(at("target_modules"), "must be a list of module names or a string", "write target_modules: [q_proj, v_proj]");
    explicit.add("target_modules");
  }
  const useRslora = has("use_rslora") ? ctx.bool(at("use_rslora"), a.use_rslora) : false;
  if (has("use_rslora")) explicit.add("use_rslora");
  const carried = /* @__PURE__ */ new Set(["type", "r", "alpha", "dropout", "bias_type", "bias", "target_modules", "use_rslora", "use_dora", "pretrained_adapter_weights", "postprocessor", "target_r"]);
  if (typeof a === "object") {
    for (const k of Object.keys(a)) {
      if (carried.has(k) || a[k] === null || a[k] === void 0) continue;
      if (k === "rank_pattern" || k === "alpha_pattern") {
        if (isObj(a[k]) && Object.keys(a[k]).length) ctx.warn(at(k), "per-module values are not carried; one rank and alpha are");
        continue;
      }
      ctx.warn(at(k), "not carried");
    }
  }
  return { r, alpha, dropout, bias, targetModules, useRslora, explicit };
}
function ludwigDefaultLora() {
  return { r: 8, alpha: 16, dropout: 0.05, bias: "none", useRslora: false, explicit: /* @__PURE__ */ new Set() };
}
function loraToTrain(s) {
  return {
    rank: s.r,
    alpha: s.alpha,
    dropout: s.dropout,
    ...s.targetModules !== void 0 ? { target_modules: s.targetModules } : {},
    ...s.useRslora ? { use_rslora: true } : {}
  };
}
function readTrainer(ctx, t) {
  const has = (k) => t[k] !== void 0 && t[k] !== null;
  const out = {};
  if (has("epochs")) out.epochs = ctx.num(["trainer", "epochs"], t.epochs, { gt: 0 });
  else {
    out.epochs = 100;
    ctx.warn(["trainer", "epochs"], "not set: using Ludwig's finetune default of 100 epochs (Ludwig inherits it from the ECD trainer); set it if that is not what ran");
  }
  if (has("learning_rate") && t.learning_rate !== "auto") out.learning_rate = ctx.num(["trainer", "learning_rate"], t.learning_rate, { gt: 0 });
  else {
    out.learning_rate = 1e-3;
    ctx.warn(["trainer", "learning_rate"], `${t.learning_rate === "auto" ? '"auto" (a learning-rate search) is not carried' : "not set"}: using Ludwig's finetune default 0.001`);
  }
  if (has("batch_size") && t.batch_size !== "auto") out.batch_size = ctx.num(["trainer", "batch_size"], t.batch_size, { int: true, gt: 0 });
  else if (t.batch_size === "auto") ctx.warn(["trainer", "batch_size"], '"auto" is not carried: kolm picks the batch size for the GPU it trains on');
  else out.batch_size = 1;
  if (has("gradient_accumulation_steps") && t.gradient_accumulation_steps !== "auto") {
    out.gradient_accumulation_steps = ctx.num(["trainer", "gradient_accumulation_steps"], t.gradient_accumulation_steps, { int: true, gt: 0 });
  }
  const carried = /* @__PURE__ */ new Set(["type", "epochs", "learning_rate", "batch_size", "gradient_accumulation_steps", "eval_batch_size"]);
  const dropped = Object.keys(t).filter((k) => !carried.has(k) && t[k] !== null && t[k] !== void 0 && t[k] !== "auto");
  for (const k of dropped) {
    const why = k === "train_steps" ? "not carried: training length is set by epochs" : "not carried: kolm's trainer uses its own optimizer, schedule and checkpointing";
    ctx.warn(["trainer", k], why);
  }
  return out;
}

// core/ludwig/llm.ts
function ludwigVersion(root) {
  const v = root.ludwig_version;
  if (v === void 0 || v === null) return { legacy: root.base_model === void 0 && root.model_name !== void 0 };
  const m = /^(\d+)\.(\d+)/.exec(String(v));
  if (!m) return { legacy: false, text: String(v) };
  return { legacy: Number(m[1]) === 0 && Number(m[2]) < 9, text: String(v) };
}
function translateLlm(ctx, root, inputs, outputs, options) {
  const version = ludwigVersion(root);
  const versionNote = version.text ? `ludwig_version ${version.text}` : "no ludwig_version (legacy model_name key)";
  let baseKey = "base_model";
  let baseRaw = root.base_model;
  if ((baseRaw === void 0 || baseRaw === null) && root.model_name !== void 0) {
    baseKey = "model_name";
    baseRaw = root.model_name;
    ctx.warn(["model_name"], "read as base_model (model_name is its name before Ludwig 0.8)");
  }
  let base;
  if (baseRaw !== void 0 && baseRaw !== null) {
    const given = ctx.str([baseKey], baseRaw);
    base = resolveBaseModel(given);
    if (base !== given) ctx.warn([baseKey], `Ludwig preset "${given}" resolved to ${base}`);
  } else if (!options.adapter?.base || options.adapter.baseIsLocalPath) {
    throw ctx.error([], "base_model is missing", "add base_model: <Hugging Face id> (e.g. meta-llama/Llama-3.1-8B-Instruct)");
  }
  if (inputs.length !== 1 || inputs[0].type !== "text") {
    throw ctx.error(
      ["input_features"],
      `LLM requires exactly one text input feature; found ${inputs.map((f) => `${f.name} (${f.type})`).join(", ")}`,
      "keep one text input (e.g. a placeholder named prompt) and read the other columns in prompt.template"
    );
  }
  const input = inputs[0];
  const output = outputs[0];
  if (output.type !== "text" && output.type !== "category") {
    throw ctx.error([...output.path, "type"], `an LLM output feature is text or category, not ${output.type}`, "set the output feature type to text");
  }
  const trainerRaw = root.trainer;
  const trainer = isObj(trainerRaw) ? trainerRaw : typeof trainerRaw === "string" ? { type: trainerRaw } : {};
  if (trainerRaw !== void 0 && trainerRaw !== null && !isObj(trainerRaw) && typeof trainerRaw !== "string") {
    throw ctx.error(["trainer"], "must be a mapping", "write trainer: {type: finetune, epochs: 3, learning_rate: 0.0002}");
  }
  const trainerType = trainer.type ?? "none";
  if (trainerType !== "none" && trainerType !== "finetune") {
    throw ctx.error(["trainer", "type"], `unknown LLM trainer type ${JSON.stringify(trainerType)}`, "use trainer.type: finetune (or none for zero-shot)");
  }
  if (output.type === "category") {
    if (trainerType === "finetune") {
      throw ctx.error([...output.path, "type"], "fine-tuning an LLM needs a text output feature (Ludwig allows category only for zero-shot)", "set the output feature type to text");
    }
    ctx.warn(output.path, "a category output on an LLM is zero-shot label extraction; the decoder match rules and fallback_label are dropped and the label column is the target");
  }
  const { template, templatePath, task, inputColumns, sampleColumn } = resolvePrompt(ctx, root, input, output);
  const adapterRaw = root.adapter;
  const adapter = typeof adapterRaw === "string" ? { type: adapterRaw } : isObj(adapterRaw) ? adapterRaw : void 0;
  const adapterPath = (k) => typeof adapterRaw === "string" ? ["adapter"] : ["adapter", k];
  const lora = adapter ? readLora(ctx, adapter, adapterPath, version.legacy, versionNote) : void 0;
  if (adapter?.pretrained_adapter_weights !== void 0 && adapter.pretrained_adapter_weights !== null) {
    ctx.warn(adapterPath("pretrained_adapter_weights"), "not carried: pass the adapter folder with --adapter to import weights");
  }
  let train;
  if (trainerType === "finetune") {
    let settings = lora;
    if (!settings) {
      settings = ludwigDefaultLora();
      ctx.warn(["trainer"], "no adapter: this was a full fine-tune; kolm trains a LoRA adapter instead (r 8, alpha 16, dropout 0.05)");
    }
    train = { adapter: "lora", ...loraToTrain(settings), ...readTrainer(ctx, trainer) };
  } else {
    if (adapter && (adapter.pretrained_adapter_weights === void 0 || adapter.pretrained_adapter_weights === null)) {
      throw ctx.error(
        ["adapter"],
        "an adapter needs trainer.type: finetune (Ludwig rejects an adapter with trainer none)",
        "add trainer: {type: finetune, epochs: \u2026, learning_rate: \u2026}, or remove the adapter for zero-shot"
      );
    }
    ctx.warn(["trainer"], `trainer type is none (${trainerRaw === void 0 ? "no trainer section" : "zero-shot"}): the spec has a base model but no training settings`);
  }
  const exported = options.adapter ? applyExportedAdapter(ctx, options.adapter, base, baseKey, lora, train) : void 0;
  if (exported) base = exported.base;
  const baseRevision = exported?.revision;
  const quantization = readQuantization(ctx, root, adapter);
  const generation = readGeneration(ctx, root, output, version.legacy, versionNote);
  const inputShape = inputColumns.length === 1 ? "string" : objectShape(ctx, inputColumns, templatePath ?? ["input_features"]);
  const spec = {
    kolm: 1,
    name: specName(options.name ?? output.column),
    task: task ?? `map ${inputColumns.join(" and ")} to ${output.column}`,
    shape: { input: inputShape, output: "string" },
    ...output.type === "category" ? { output_kind: "label" } : {},
    ...base ? { base } : {},
    ...baseRevision ? { base_revision: baseRevision } : {},
    ...train ? { train } : {},
    ...template ? { prompt: { template } } : {},
    generation,
    quantization
  };
  const mapping = {
    inputColumns,
    outputColumn: output.column,
    ...template ? { template } : {},
    ...sampleColumn ? { sampleColumn } : {},
    ...readDataPlan(ctx, root)
  };
  featureWarnings(ctx, input, output, "llm");
  return { spec, mapping };
}
function applyExportedAdapter(ctx, peft, yamlBase, baseKey, lora, train) {
  let base = yamlBase;
  ctx.warnings.push(...peft.warnings);
  if (peft.base && !peft.baseIsLocalPath) {
    if (base && base !== peft.base) {
      ctx.warnings.push(`base model mismatch: ${ctx.y.file} ${baseKey} is ${base}, ${peft.file} base_model_name_or_path is ${peft.base}; using ${peft.base} (the weights were trained on it)`);
    }
    base = peft.base;
  } else if (peft.base) {
    ctx.warnings.push(`${peft.file}: base_model_name_or_path is a local path (${peft.base}); using ${base} from ${ctx.y.file}`);
  }
  if (train) {
    const settings = lora ?? ludwigDefaultLora();
    if (lora) ctx.warnings.push(...crossCheckAdapter(lora, peft, ctx.y.file));
    else ctx.warnings.push(`${peft.file}: the config has no adapter (full fine-tune) but a LoRA adapter was given; using its settings`);
    Object.assign(train, loraToTrain({
      ...settings,
      r: peft.r,
      alpha: peft.alpha,
      dropout: peft.dropout,
      targetModules: peft.targetModules ?? settings.targetModules,
      useRslora: peft.useRslora
    }));
  } else {
    ctx.warnings.push(`${peft.file}: trainer type is none, so the spec has no train section; the adapter's r ${peft.r} / alpha ${peft.alpha} are not recorded`);
  }
  return { base, revision: peft.revision };
}
function readQuantization(ctx, root, adapter) {
  let quantization = "f16";
  const q = root.quantization;
  if (q !== void 0 && q !== null) {
    if (!isObj(q)) throw ctx.error(["quantization"], "must be a mapping", "write quantization: {bits: 4}");
    const bits = q.bits === void 0 || q.bits === null ? 4 : ctx.num(["quantization", "bits"], q.bits, { int: true });
    if (bits !== 4 && bits !== 8) throw ctx.error(["quantization", "bits"], `must be 4 or 8, got ${bits}`, "set quantization.bits to 4 or 8");
    quantization = bits === 4 ? "int4" : "int8";
    const defaults = { bits: void 0, llm_int8_threshold: 6, llm_int8_has_fp16_weight: false, bnb_4bit_compute_dtype: "float16", bnb_4bit_use_double_quant: true, bnb_4bit_quant_type: "nf4" };
    for (const [k, v] of Object.entries(q)) {
      if (k === "bits") continue;
      if (!(k in defaults)) ctx.warn(["quantization", k], "not carried");
      else if (v !== defaults[k]) ctx.warn(["quantization", k], `not carried (${JSON.stringify(v)}; kolm picks its own ${quantization} kernels)`);
    }
    if (isObj(adapter?.postprocessor) && adapter.postprocessor.merge_adapter_into_base_model === true) {
      ctx.warn(["adapter", "postprocessor", "merge_adapter_into_base_model"], `not carried: kolm keeps the adapter separate${bits === 4 ? " (Ludwig also refuses to merge into a 4-bit base)" : ""}`);
    }
  } else if (isObj(adapter?.postprocessor) && adapter.postprocessor.merge_adapter_into_base_model === true) {
    ctx.warn(["adapter", "postprocessor", "merge_adapter_into_base_model"], "not carried: kolm keeps the adapter separate");
  }
  return quantization;
}

// core/ludwig/portability.ts
var RE_ARCHITECTURE = "This is a re-architecture, not a port.";
var REFUSED_TYPES = {
  image: "image inputs have no text form",
  audio: "audio inputs have no text form",
  timeseries: "a time series is a numeric array, meaningless as prompt text",
  vector: "a vector is a numeric array, meaningless as prompt text",
  h3: "an H3 cell id is meaningless as prompt text",
  date: "Ludwig encodes dates as numeric components a text model never sees",
  bag: "a bag feature is a weighted token set encoded by Ludwig, not text",
  set: "a set feature is a multi-hot vector encoded by Ludwig, not text",
  category_distribution: "a distribution output is a vector of probabilities, not one text target",
  anomaly: "anomaly outputs are scores from an encoder, not a text target"
};
function scanNotPortable(ctx, root, modelType, inputs, outputs) {
  for (const [key, list] of [["input_features", inputs], ["output_features", outputs]]) {
    for (const f of list) {
      if (REFUSED_TYPES[f.type]) ctx.refuse(f.path, featureLabel(f, key), REFUSED_TYPES[f.type]);
      for (const nested of ["input_features", "output_features", "features"]) {
        if (f.raw[nested] !== void 0) {
          ctx.refuse([...f.path, nested], `${formatPath([...f.path, nested])} (nested feature config)`, "a feature built from other features is an architecture, not a column");
        }
      }
      const enc = f.raw.encoder;
      if (Array.isArray(enc)) {
        ctx.refuse([...f.path, "encoder"], `${formatPath([...f.path, "encoder"])} (encoder ensemble)`, "several encoders over one feature are an architecture with no text-to-text equivalent");
      } else if (isObj(enc) && enc.type === "llm") {
        ctx.refuse([...f.path, "encoder", "type"], `${formatPath([...f.path, "encoder", "type"])}: llm`, "an LLM nested as an ECD encoder feeds a combiner, not a generator; write it as model_type: llm");
      }
    }
  }
  outputs.slice(1).forEach((f) => ctx.refuse(f.path, featureLabel(f, "output_features"), "a second output feature is multi-task; one adapter learns one target (split it into one spec per output)"));
  const out = outputs[0];
  const deps = out.raw.dependencies;
  if (Array.isArray(deps) && deps.length) {
    ctx.refuse([...out.path, "dependencies"], formatPath([...out.path, "dependencies"]), "output dependencies chain several heads together");
  }
  if (out.type === "sequence" && isObj(out.raw.decoder) && out.raw.decoder.type === "tagger") {
    ctx.refuse([...out.path, "decoder", "type"], `${formatPath([...out.path, "decoder", "type"])}: tagger`, "a tagger labels every token; its target is not one text");
  }
  if (modelType === "ecd" && root.combiner !== void 0 && root.combiner !== null) {
    const c = root.combiner;
    const type = isObj(c) ? c.type ?? "concat" : c;
    if (type !== "concat") ctx.refuse(["combiner"], `combiner (type: ${String(type)})`, "a combiner that mixes encoded features is an architecture with no text-to-text equivalent");
  }
  if (modelType === "llm") {
    const adapter = root.adapter;
    const type = typeof adapter === "string" ? adapter : isObj(adapter) ? adapter.type : void 0;
    if (adapter !== void 0 && adapter !== null && type !== "lora" && type !== "adalora") {
      ctx.refuse(
        typeof adapter === "string" ? ["adapter"] : ["adapter", "type"],
        `adapter.type: ${String(type)}`,
        type === void 0 ? "the adapter has no type" : `the ${String(type)} adapter type has no LoRA equivalent; kolm trains and imports LoRA only`
      );
    }
    if (isObj(adapter) && adapter.use_dora !== void 0 && ctx.bool(["adapter", "use_dora"], adapter.use_dora)) {
      ctx.refuse(["adapter", "use_dora"], "adapter.use_dora: true", "DoRA adds magnitude vectors that plain LoRA does not have");
    }
    const trainer = root.trainer;
    const ttype = isObj(trainer) ? trainer.type : typeof trainer === "string" ? trainer : void 0;
    if (typeof ttype === "string" && ["dpo", "kto", "orpo", "grpo"].includes(ttype)) {
      ctx.refuse(isObj(trainer) ? ["trainer", "type"] : ["trainer"], `trainer.type: ${ttype}`, "preference/reward training is not supervised input\u2192output training");
    }
    const prompts = [[["prompt"], root.prompt]];
    const pre = inputs[0]?.raw.preprocessing;
    if (isObj(pre)) prompts.push([[...inputs[0].path, "preprocessing", "prompt"], pre.prompt]);
    for (const [path, p] of prompts) {
      if (isObj(p) && isObj(p.retrieval) && p.retrieval.type !== void 0 && p.retrieval.type !== null) {
        ctx.refuse(
          [...path, "retrieval"],
          `${formatPath([...path, "retrieval"])} (type: ${String(p.retrieval.type)})`,
          "few-shot prompts built from a retrieval index over the training set cannot be reproduced per request"
        );
      }
    }
  }
}
function notPortableError(file, items) {
  const lines = items.map((i) => `  - ${i.path}${i.line !== void 0 ? `, line ${i.line}` : ""}: ${i.reason}`);
  return new KolmError(
    "E_NOT_PORTABLE",
    `${file} has ${items.length} item${items.length === 1 ? "" : "s"} that cannot be carried to a text-to-text spec. ${RE_ARCHITECTURE}
${lines.join("\n")}`,
    {
      hint: "kolm carries one text (or several text columns) in, one text out; rebuild the task in that shape (drop or textualize these features) and run again",
      place: { file },
      details: items
    }
  );
}

// core/ludwig/translate.ts
var LLM_KEYS = [
  "model_type",
  "base_model",
  "model_name",
  "input_features",
  "output_features",
  "preprocessing",
  "defaults",
  "hyperopt",
  "prompt",
  "trainer",
  "generation",
  "adapter",
  "quantization",
  "model_parameters",
  "backend",
  "ludwig_version"
];
var ECD_KEYS = [
  "model_type",
  "input_features",
  "output_features",
  "combiner",
  "trainer",
  "preprocessing",
  "defaults",
  "hyperopt",
  "backend",
  "ludwig_version"
];
function translateLudwigConfig(y, options = {}) {
  const ctx = new LocatedReader(y);
  const root = readRoot(ctx);
  const modelType = readModelType(ctx, root);
  const inputs = readFeatures(ctx, root, "input_features");
  const outputs = readFeatures(ctx, root, "output_features");
  scanNotPortable(ctx, root, modelType, inputs, outputs);
  if (ctx.refusals.length) throw notPortableError(y.file, ctx.refusals);
  warnTopLevelKeys(ctx, root, modelType);
  const result = modelType === "llm" ? translateLlm(ctx, root, inputs, outputs, options) : translateEcd(ctx, root, inputs, outputs, options);
  const spec = parseSpec(result.spec, "the translated spec");
  return { spec, mapping: result.mapping, warnings: [...ctx.warnings] };
}
function readRoot(ctx) {
  const { y } = ctx;
  const root = y.value;
  if (root === null || root === void 0) {
    throw new KolmError("E_BAD_CONFIG", `${y.file} is empty`, {
      hint: "pass the config.yaml from the Predibase export (it lists input_features and output_features)",
      place: { file: y.file }
    });
  }
  if (!isObj(root)) {
    throw ctx.error([], "must be a mapping of keys (model_type, input_features, \u2026)", "pass a Ludwig config.yaml");
  }
  return root;
}
function readModelType(ctx, root) {
  const mt = root.model_type;
  if (mt === void 0 || mt === null) {
    if (root.base_model !== void 0 || root.model_name !== void 0) {
      ctx.warn([], "model_type is missing, which Ludwig reads as ECD; translated as model_type: llm because a base model is set");
      return "llm";
    }
    return "ecd";
  }
  if (mt === "llm" || mt === "ecd") return mt;
  if (mt === "gbm") {
    ctx.refuse(["model_type"], "model_type: gbm", "a gradient-boosted tree model over tabular features has no text-to-text equivalent");
    return "ecd";
  }
  throw ctx.error(["model_type"], `unknown model_type ${JSON.stringify(mt)}`, "use model_type: llm or ecd");
}
function warnTopLevelKeys(ctx, root, modelType) {
  const known = modelType === "llm" ? LLM_KEYS : ECD_KEYS;
  for (const key of Object.keys(root)) {
    if (known.includes(key)) continue;
    const near = closestName(key, known);
    ctx.warn([key], `unknown ${modelType.toUpperCase()} config key, ignored${near ? ` (did you mean ${near}?)` : ""}`);
  }
  for (const key of ["backend", "hyperopt", "defaults", "model_parameters"]) {
    if (root[key] === void 0 || root[key] === null) continue;
    const why = {
      backend: "where Ludwig trained (local/ray/deepspeed) is not part of the spec; kolm trains where you run it",
      hyperopt: "the search space is not carried; the spec keeps the values the config itself sets",
      defaults: "per-type feature defaults are not carried",
      model_parameters: "model overrides (rope_scaling, neftune_noise_alpha) are not carried"
    }[key];
    ctx.warn([key], `dropped: ${why}`);
  }
}

// core/ludwig/load.ts
async function readText(path, what, hint) {
  try {
    return await readFile(path, "utf8");
  } catch (err) {
    const code = err.code;
    if (code === "ENOENT") throw new KolmError("E_PATH_NOT_FOUND", `${what} not found: ${path}`, { hint, place: { file: path } });
    throw new KolmError("E_PATH_UNREADABLE", `cannot read ${what} ${path}: ${err.message}`, { hint: "check the file permissions", place: { file: path }, cause: err });
  }
}
async function isDirectory(path) {
  try {
    return (await stat2(path)).isDirectory();
  } catch {
    return false;
  }
}
async function readLudwigConfig(path) {
  const file = await isDirectory(path) ? join(path, "config.yaml") : path;
  const text = await readText(file, "Ludwig config", "pass the config.yaml from the Predibase export, e.g. --config predibase-export/config.yaml");
  return parseLudwigYaml(text, file);
}
async function readPeftAdapterConfig(path) {
  const file = await isDirectory(path) ? join(path, "adapter_config.json") : path;
  const text = await readText(file, "adapter config", "pass the adapter folder (it holds adapter_config.json) or the adapter_config.json itself");
  return parsePeftAdapterConfig(text, file);
}
var GENERIC_FOLDERS = /* @__PURE__ */ new Set(["predibase-export", "export", "model", "config", "configs", ".", ""]);
function specNameFromConfigPath(configPath) {
  let dir = dirname(resolve(configPath));
  for (let i = 0; i < 2; i++) {
    const name = basename(dir);
    if (!GENERIC_FOLDERS.has(name.toLowerCase())) return specName(name);
    dir = dirname(dir);
  }
  return void 0;
}
async function translateLudwigFiles(opts) {
  const yaml = await readLudwigConfig(opts.config);
  const adapter = opts.adapter ? await readPeftAdapterConfig(opts.adapter) : void 0;
  return translateLudwigConfig(yaml, { adapter, name: opts.name ?? specNameFromConfigPath(yaml.file) });
}

// core/seeds/lines.ts
var DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;
var LineSplitter = class {
  constructor(onLine, maxLineBytes = DEFAULT_MAX_LINE_BYTES) {
    this.onLine = onLine;
    this.maxLineBytes = maxLineBytes;
  }
  onLine;
  maxLineBytes;
  parts = [];
  partBytes = 0;
  overflow = false;
  lineNo = 0;
  /** Lines emitted so far. */
  get lines() {
    return this.lineNo;
  }
  push(chunk) {
    let start = 0;
    while (start < chunk.length) {
      const nl = chunk.indexOf(10, start);
      if (nl === -1) {
        this.keep(chunk.subarray(start));
        return;
      }
      if (this.partBytes === 0 && !this.overflow) {
        this.emit(chunk.subarray(start, nl), nl - start);
      } else {
        this.keep(chunk.subarray(start, nl));
        this.emitKept();
      }
      start = nl + 1;
    }
  }
  end() {
    if (this.partBytes > 0 || this.overflow) this.emitKept();
  }
  keep(bytes) {
    if (bytes.length === 0) return;
    this.partBytes += bytes.length;
    if (this.overflow) return;
    if (this.partBytes > this.maxLineBytes) {
      this.overflow = true;
      this.parts = [];
      return;
    }
    this.parts.push(Uint8Array.prototype.slice.call(bytes));
  }
  emitKept() {
    const length = this.partBytes;
    if (this.overflow) {
      this.lineNo++;
      this.onLine({ line: this.lineNo, bytes: new Uint8Array(0), tooLong: true, length });
    } else {
      const bytes = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, length);
      this.emit(bytes, length);
    }
    this.parts = [];
    this.partBytes = 0;
    this.overflow = false;
  }
  emit(bytes, length) {
    this.lineNo++;
    if (length > this.maxLineBytes) {
      this.onLine({ line: this.lineNo, bytes: new Uint8Array(0), tooLong: true, length });
      return;
    }
    const trimmed = bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.subarray(0, bytes.length - 1) : bytes;
    this.onLine({ line: this.lineNo, bytes: trimmed, tooLong: false, length });
  }
};
function firstInvalidUtf8Offset(bytes) {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 128) {
      i++;
      continue;
    }
    let need;
    let lo = 128;
    let hi = 191;
    if (b >= 194 && b <= 223) need = 1;
    else if (b >= 224 && b <= 239) {
      need = 2;
      if (b === 224) lo = 160;
      if (b === 237) hi = 159;
    } else if (b >= 240 && b <= 244) {
      need = 3;
      if (b === 240) lo = 144;
      if (b === 244) hi = 143;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === void 0) return i;
      if (k === 1 ? c < lo || c > hi : c < 128 || c > 191) return i;
    }
    i += need + 1;
  }
  return -1;
}

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
import { stat as stat3 } from "node:fs/promises";
var CHUNK_BYTES = 1024 * 1024;
async function validateSeedsFile(path, options = {}) {
  let size;
  try {
    const st = await stat3(path);
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

// core/build/build.ts
async function buildFromFiles(input, reporter = silentReporter) {
  const spec = await readSpecFile(input.specPath, input.specShown ?? input.specPath);
  const shape = { input: spec.shape.input, output: spec.shape.output };
  const train = await readExamples(input.examplesPath, shape);
  const held = input.evalPath ? await readExamples(input.evalPath, shape) : void 0;
  const outcome = await compileRecipe({ spec, train: train.examples, eval: held?.examples, seed: input.seed, only: input.only }, reporter);
  const datasets = [{ role: "train", sha256: train.sha256, rows: train.examples.length }];
  if (held) datasets.push({ role: "eval", sha256: held.sha256, rows: held.examples.length });
  const name = input.name ?? spec.name ?? input.defaultName;
  let bytes;
  try {
    bytes = await recipeArtifactBytes(outcome, {
      spec,
      name,
      created: await createdFromInputs([input.specPath, train.file, ...held ? [held.file] : []], input.sourceDateEpoch),
      datasets,
      recordLatency: input.recordLatency
    });
  } finally {
    await outcome.predictor.close?.();
  }
  const { predictor: _p, saved: _s, evalReport, ...summary } = outcome;
  return {
    spec,
    name,
    bytes,
    outcome: summary,
    ...evalReport ? { evalReport } : {},
    datasets,
    files: { spec: input.specPath, train: train.file, ...held ? { eval: held.file } : {} }
  };
}

// core/build/save.ts
import { basename as basename3 } from "node:path";

// core/sign/statement.ts
var STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
var INTOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";
var KOLM_PREDICATE_TYPE = "https://kolm.dev/kolm-manifest/v1";
function artifactResources(contents) {
  const list = [{ name: MANIFEST_ENTRY, algorithm: "sha256", digest: sha256Hex(contents.manifestBytes) }];
  for (const [name, digest] of Object.entries(contents.manifest.files)) {
    list.push({ name, algorithm: "sha256", digest: digest.slice("sha256:".length) });
  }
  return list.sort((a, b) => compareNames(a.name, b.name));
}
function buildStatement(contents, subject) {
  const root = rootDigest(contents.manifestBytes, contents.manifest.files);
  const subjects = subject.placement === "embedded" ? [{ name: contents.manifest.name, digest: { sha256: root } }] : [{ name: subject.fileName, digest: { sha256: subject.fileSha256 } }];
  return {
    _type: STATEMENT_TYPE,
    subject: subjects,
    predicateType: KOLM_PREDICATE_TYPE,
    predicate: {
      serialization: { method: "files", hash_type: "sha256", allow_symlinks: false, ignore_paths: ["kolm.sig"] },
      root_digest: root,
      resources: artifactResources(contents)
    }
  };
}
function statementBytes(statement) {
  return Buffer.from(JSON.stringify(statement), "utf8");
}
function statementMismatches(signed, expected) {
  const problems = [];
  const s = signed;
  if (!s || typeof s !== "object") return ["the signed payload is not a JSON object"];
  if (s._type !== STATEMENT_TYPE) problems.push(`the signed payload is not an in-toto v1 statement (_type ${JSON.stringify(s._type)})`);
  if (s.predicateType !== KOLM_PREDICATE_TYPE) problems.push(`the predicate type is ${JSON.stringify(s.predicateType)}, not ${KOLM_PREDICATE_TYPE}`);
  const subjects = Array.isArray(s.subject) ? s.subject : [];
  const digests = subjects.map((x) => x?.digest?.sha256);
  if (!digests.includes(expected.subjectSha256)) {
    problems.push(`the signed subject is sha256:${digests[0] ?? "(none)"}, but ${expected.subjectWhat} is sha256:${expected.subjectSha256}`);
  }
  const signedResources = Array.isArray(s.predicate?.resources) ? s.predicate.resources : [];
  const signedByName = /* @__PURE__ */ new Map();
  for (const r of signedResources) if (r && typeof r.name === "string") signedByName.set(r.name, String(r.digest));
  const actualByName = new Map(expected.resources.map((r) => [r.name, r.digest]));
  for (const [name, digest] of actualByName) {
    const want = signedByName.get(name);
    if (want === void 0) problems.push(`entry "${name}" is in the artifact but not in the signed list`);
    else if (want !== digest) problems.push(`entry "${name}" does not match the signature (signed sha256:${want}, artifact has sha256:${digest})`);
  }
  for (const name of signedByName.keys()) {
    if (!actualByName.has(name)) problems.push(`entry "${name}" is signed but missing from the artifact`);
  }
  return problems;
}

// core/sign/keys.ts
import { createHash as createHash2, createPrivateKey, createPublicKey, generateKeyPairSync } from "node:crypto";
import { mkdir, open, rename, rm, stat as stat4 } from "node:fs/promises";
import { dirname as dirname2 } from "node:path";
var PASSPHRASE_ENV = "KOLM_KEY_PASSPHRASE";
var CURVE = "prime256v1";
function generateKeyPair(options = {}) {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: CURVE });
  const encrypted = Boolean(options.passphrase);
  const privateKeyPem = privateKey.export(
    encrypted ? { format: "pem", type: "pkcs8", cipher: "aes-256-cbc", passphrase: options.passphrase } : { format: "pem", type: "pkcs8" }
  );
  const publicKeyPem = publicKeyToPem(publicKey);
  return { privateKeyPem, publicKeyPem, hint: keyHint(publicKeyPem), encrypted };
}
function publicKeyToPem(key) {
  const pub = key.type === "private" ? createPublicKey(key) : key;
  return pub.export({ format: "pem", type: "spki" });
}
function keyHint(publicKeyPem) {
  return createHash2("sha256").update(publicKeyPem, "utf8").digest("hex");
}
function parsePrivateKey(pem, file, passphrase) {
  const text = typeof pem === "string" ? pem : Buffer.from(pem).toString("utf8");
  const encrypted = text.includes("ENCRYPTED PRIVATE KEY");
  if (encrypted && !passphrase) {
    throw new KolmError("E_BAD_KEY", `${file} is encrypted and no passphrase was given`, {
      hint: `set ${PASSPHRASE_ENV} to the passphrase used with \`kolm keygen\``,
      place: { file }
    });
  }
  let key;
  try {
    key = createPrivateKey(encrypted ? { key: text, format: "pem", passphrase } : { key: text, format: "pem" });
  } catch (err) {
    throw new KolmError("E_BAD_KEY", encrypted ? `${file} could not be decrypted: wrong passphrase?` : `${file} is not a PEM private key (${err.message})`, {
      hint: encrypted ? `check ${PASSPHRASE_ENV}` : "pass the private key `kolm keygen` wrote (kolm.key), not the public one",
      place: { file },
      cause: err
    });
  }
  checkCurve(key, file);
  return key;
}
function parsePublicKey(pem, file) {
  const text = typeof pem === "string" ? pem : Buffer.from(pem).toString("utf8");
  let key;
  try {
    key = createPublicKey({ key: text, format: "pem" });
  } catch (err) {
    throw new KolmError("E_BAD_KEY", `${file} is not a PEM public key (${err.message})`, {
      hint: "pass the public key `kolm keygen` wrote (kolm.pub)",
      place: { file },
      cause: err
    });
  }
  checkCurve(key, file);
  return key;
}
function checkCurve(key, file) {
  if (key.asymmetricKeyType !== "ec" || key.asymmetricKeyDetails?.namedCurve !== CURVE) {
    const what = key.asymmetricKeyType === "ec" ? `an EC ${key.asymmetricKeyDetails?.namedCurve} key` : `a ${key.asymmetricKeyType} key`;
    throw new KolmError("E_BAD_KEY", `${file} is ${what}; kolm signs with ECDSA P-256 keys only`, {
      hint: "make a P-256 key pair with `kolm keygen`",
      place: { file }
    });
  }
}
async function writeKeyPairFiles(pair, paths, options = {}) {
  if (!options.force) {
    for (const p of [paths.privateKey, paths.publicKey]) {
      if (await exists(p)) {
        throw new KolmError("E_WRITE_FAILED", `${p} already exists; not overwriting a key`, { hint: "pass --force to replace it, or choose another --out", place: { file: p } });
      }
    }
  }
  const temps = [];
  try {
    for (const p of [paths.privateKey, paths.publicKey]) await mkdir(dirname2(p), { recursive: true });
    for (const [target, text, mode] of [
      [paths.privateKey, pair.privateKeyPem, 384],
      [paths.publicKey, pair.publicKeyPem, 420]
    ]) {
      const tmp = tempPathFor(target);
      temps.push(tmp);
      const handle = await open(tmp, "wx", mode);
      try {
        await handle.writeFile(text);
        await handle.chmod(mode);
      } finally {
        await handle.close();
      }
    }
    await rename(temps[0], paths.privateKey);
    await rename(temps[1], paths.publicKey);
  } catch (err) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    throw new KolmError("E_WRITE_FAILED", `could not write the key pair: ${err.message}`, {
      hint: "check that the folder exists and is writable",
      place: { file: paths.privateKey },
      cause: err
    });
  }
}
async function exists(p) {
  try {
    await stat4(p);
    return true;
  } catch {
    return false;
  }
}

// core/sign/bundle.ts
import { sign as cryptoSign } from "node:crypto";
import {
  BUNDLE_V03_MEDIA_TYPE,
  bundleFromJSON,
  bundleToJSON,
  isBundleWithDsseEnvelope
} from "@sigstore/bundle";
import { DSSEBundleBuilder, FulcioSigner, RekorWitness, TSAWitness } from "@sigstore/sign";
var DEFAULT_FULCIO_URL = "https://fulcio.sigstore.dev";
var DEFAULT_REKOR_URL = "https://rekor.sigstore.dev";
var LocalKeySigner = class {
  constructor(privateKey) {
    this.privateKey = privateKey;
    this.publicKeyPem = publicKeyToPem(privateKey);
    this.hint = keyHint(this.publicKeyPem);
  }
  privateKey;
  publicKeyPem;
  hint;
  async sign(data) {
    return { signature: cryptoSign("sha256", data, this.privateKey), key: { $case: "publicKey", publicKey: this.publicKeyPem, hint: this.hint } };
  }
};
var trimSlash = (url) => url.replace(/\/+$/, "");
function builderFor(method) {
  if (method.mode === "key") return new DSSEBundleBuilder({ signer: new LocalKeySigner(method.privateKey), witnesses: [] });
  const fetchOptions = { timeout: method.timeoutMs ?? 5e3, retry: { retries: 2 } };
  const signer = new FulcioSigner({ fulcioBaseURL: trimSlash(method.fulcioURL ?? DEFAULT_FULCIO_URL), identityProvider: method.identityProvider, ...fetchOptions });
  const witnesses = [];
  if (method.tlog !== false) witnesses.push(new RekorWitness({ rekorBaseURL: trimSlash(method.rekorURL ?? DEFAULT_REKOR_URL), entryType: "dsse", ...fetchOptions }));
  if (method.tsaURL) witnesses.push(new TSAWitness({ tsaBaseURL: trimSlash(method.tsaURL), ...fetchOptions }));
  if (witnesses.length === 0) {
    throw new KolmError("E_USAGE", "keyless signing without Rekor needs a timestamp authority", {
      hint: "give --tsa-url, or keep the transparency log (drop --no-tlog)"
    });
  }
  return new DSSEBundleBuilder({ signer, witnesses });
}
async function signStatement(payload, method, secrets = []) {
  let bundle;
  try {
    bundle = await builderFor(method).create({ data: payload, type: INTOTO_PAYLOAD_TYPE });
  } catch (err) {
    if (err instanceof KolmError) throw err;
    const cause = err.cause;
    if (cause instanceof KolmError) throw cause;
    throw signingError(err, method, secrets);
  }
  return Buffer.from(`${JSON.stringify(bundleToJSON(bundle), null, 2)}
`, "utf8");
}
function signingError(err, method, secrets) {
  const e = err;
  let message = [e.message, e.cause?.message].filter(Boolean).join(": ");
  for (const s of secrets) if (s) message = message.split(s).join("***");
  const where = method.mode === "keyless" ? "keyless signing failed" : "signing failed";
  const hint = e.code === "IDENTITY_TOKEN_READ_ERROR" || /identity token/i.test(message) ? 'run in GitHub Actions with `permissions: id-token: write`, or set SIGSTORE_ID_TOKEN to an OIDC token for audience "sigstore"' : method.mode === "keyless" ? "check the Fulcio/Rekor/TSA URLs and that they are reachable" : "check the key";
  return new KolmError(method.mode === "keyless" ? "E_REMOTE" : "E_BAD_KEY", `${where}${e.code ? ` (${e.code})` : ""}: ${message}`, { hint, cause: err });
}
function parseBundle(bytes, where) {
  let json;
  try {
    json = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch (err) {
    throw badSignature(where, `is not valid JSON (${err.message})`);
  }
  let bundle;
  try {
    bundle = bundleFromJSON(json);
  } catch (err) {
    throw badSignature(where, `is not a valid Sigstore bundle (${err.message})`);
  }
  if (bundle.mediaType !== BUNDLE_V03_MEDIA_TYPE) throw badSignature(where, `has media type ${bundle.mediaType}; kolm writes and reads ${BUNDLE_V03_MEDIA_TYPE}`);
  if (!isBundleWithDsseEnvelope(bundle)) throw badSignature(where, "holds a message signature, not a DSSE envelope");
  if (bundle.content.dsseEnvelope.payloadType !== INTOTO_PAYLOAD_TYPE) {
    throw badSignature(where, `carries a ${bundle.content.dsseEnvelope.payloadType} payload, not an in-toto statement`);
  }
  return bundle;
}
function bundleStatement(bundle, where) {
  try {
    return JSON.parse(Buffer.from(bundle.content.dsseEnvelope.payload).toString("utf8"));
  } catch (err) {
    throw badSignature(where, `carries a payload that is not JSON (${err.message})`);
  }
}
function badSignature(where, message, hint = "the signature does not belong to this artifact, or one of them was altered; sign it again or fetch both again") {
  return new KolmError("E_BAD_SIGNATURE", `${where} ${message}`, { hint, place: { file: where } });
}

// core/sign/identity.ts
var SIGSTORE_AUDIENCE = "sigstore";
function ambientIdentityProvider(options) {
  return { getToken: () => ambientIdentityToken(options) };
}
async function ambientIdentityToken({ env, token, fetch: doFetch = fetch }) {
  if (token) return token;
  if (env.SIGSTORE_ID_TOKEN) return env.SIGSTORE_ID_TOKEN;
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!url || !bearer) {
    throw new KolmError("E_USAGE", "keyless signing needs an OIDC identity token, and none was found", {
      hint: 'in GitHub Actions add `permissions: id-token: write` to the job; elsewhere set SIGSTORE_ID_TOKEN (audience "sigstore"), or sign with --key'
    });
  }
  const target = new URL(url);
  target.searchParams.set("audience", SIGSTORE_AUDIENCE);
  let response;
  try {
    response = await doFetch(target, { headers: { Authorization: `Bearer ${bearer}`, Accept: "application/json" } });
  } catch (err) {
    throw new KolmError("E_REMOTE", `could not reach the GitHub Actions OIDC endpoint (${target.origin}): ${err.message}`, {
      hint: "this runs inside GitHub Actions only; check the runner network",
      cause: err
    });
  }
  if (!response.ok) {
    throw new KolmError("E_REMOTE", `the GitHub Actions OIDC endpoint answered ${response.status} ${response.statusText}`, {
      hint: "give the job `permissions: id-token: write`"
    });
  }
  const body = await response.json().catch(() => null);
  if (!body || typeof body.value !== "string" || !body.value) {
    throw new KolmError("E_REMOTE", "the GitHub Actions OIDC endpoint answered without a token (`value`)", { hint: "give the job `permissions: id-token: write`" });
  }
  return body.value;
}

// core/sign/trust.ts
import { createRequire } from "node:module";
import { TrustedRoot } from "@sigstore/protobuf-specs";
var PUBLIC_GOOD_TUF = "https://tuf-repo-cdn.sigstore.dev";
var TRUSTED_ROOT_MEDIA_TYPE = "application/vnd.dev.sigstore.trustedroot+json;version=0.1";
function publicGoodTrustedRoot() {
  const seeds = createRequire(import.meta.url)("@sigstore/tuf/seeds.json");
  const encoded = seeds[PUBLIC_GOOD_TUF].targets["trusted_root.json"];
  return TrustedRoot.fromJSON(JSON.parse(Buffer.from(encoded, "base64").toString("utf8")));
}
function emptyTrustedRoot() {
  return TrustedRoot.fromJSON({ mediaType: TRUSTED_ROOT_MEDIA_TYPE, tlogs: [], certificateAuthorities: [], ctlogs: [], timestampAuthorities: [] });
}
function parseTrustedRoot(bytes, file) {
  const text = Buffer.from(bytes).toString("utf8").trim();
  const docs = [];
  try {
    if (text.startsWith("{") && !/}\s*\n\s*{/.test(text)) docs.push(JSON.parse(text));
    else for (const line of text.split("\n")) if (line.trim()) docs.push(JSON.parse(line));
  } catch (err) {
    throw new KolmError("E_BAD_SIGNATURE", `${file} is not a trusted root (JSON or JSONL): ${err.message}`, {
      hint: "pass the trusted_root.json of your Sigstore deployment (or `gh attestation trusted-root` output)",
      place: { file }
    });
  }
  const roots = docs.map((d) => TrustedRoot.fromJSON(d));
  const merged = roots[0] ?? emptyTrustedRoot();
  for (const r of roots.slice(1)) {
    merged.tlogs.push(...r.tlogs);
    merged.certificateAuthorities.push(...r.certificateAuthorities);
    merged.ctlogs.push(...r.ctlogs);
    merged.timestampAuthorities.push(...r.timestampAuthorities);
  }
  if (merged.certificateAuthorities.length === 0) {
    throw new KolmError("E_BAD_SIGNATURE", `${file} lists no certificate authority, so no keyless signature can verify against it`, {
      hint: "pass the trusted_root.json of the Sigstore deployment that signed the artifact",
      place: { file }
    });
  }
  return merged;
}

// core/sign/verify.ts
import { X509Certificate } from "@sigstore/core";
import { Verifier, toSignedEntity, toTrustMaterial } from "@sigstore/verify";
var OID_ISSUER_V2 = "1.3.6.1.4.1.57264.1.8";
var OID_ISSUER_V1 = "1.3.6.1.4.1.57264.1.1";
function describeSigner(bundle) {
  const material = bundle.verificationMaterial.content;
  if (material.$case === "publicKey") return { kind: "key", keyHint: material.publicKey.hint };
  const raw = material.$case === "certificate" ? material.certificate.rawBytes : material.x509CertificateChain.certificates[0]?.rawBytes;
  if (!raw) return { kind: "certificate" };
  try {
    const cert = X509Certificate.parse(Buffer.from(raw));
    const v2 = cert.extension(OID_ISSUER_V2);
    const issuer = v2 ? v2.valueObj.subs?.[0]?.value.toString("ascii") : cert.extension(OID_ISSUER_V1)?.value.toString("ascii");
    return { kind: "certificate", identity: cert.subjectAltName, issuer };
  } catch {
    return { kind: "certificate" };
  }
}
function formatSigner(signer) {
  if (signer.kind === "key") return `key ${signer.keyHint.slice(0, 16)}\u2026 (sha256 of the public key PEM)`;
  return `${signer.identity ?? "an unknown identity"}${signer.issuer ? ` (issuer ${signer.issuer})` : ""}`;
}
function exactIdentityPattern(identity) {
  return `^${identity.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`;
}
function verifyBundleSignature(bundle, trust, where) {
  const claimed = describeSigner(bundle);
  if (trust.mode === "key" && claimed.kind !== "key") {
    throw badSignature(where, `was signed keyless by ${formatSigner(claimed)}, not with a key`, "verify it with --certificate-identity and --certificate-oidc-issuer");
  }
  if (trust.mode === "keyless" && claimed.kind === "key") {
    throw badSignature(where, `was signed with a key (${formatSigner(claimed)}), not keyless`, "verify it with --key and the signer's public key");
  }
  if (trust.mode === "key") {
    const ourHint = keyHint(publicKeyToPem(trust.publicKey));
    const material = toTrustMaterial(emptyTrustedRoot(), () => ({ publicKey: trust.publicKey, validFor: () => true }));
    const verifier2 = new Verifier(material, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 });
    try {
      verifier2.verify(toSignedEntity(bundle));
    } catch (err) {
      const code = err.code ?? "ERROR";
      if (claimed.kind === "key" && claimed.keyHint && claimed.keyHint !== ourHint) {
        throw badSignature(where, `was not signed with ${trust.name}: it names key ${claimed.keyHint.slice(0, 16)}\u2026, ${trust.name} is ${ourHint.slice(0, 16)}\u2026 (${code})`, "verify with the public key of whoever signed it");
      }
      throw badSignature(where, `has a signature that does not verify with ${trust.name} (${code}: ${err.message}): the bundle was altered`);
    }
    return { kind: "key", keyHint: ourHint };
  }
  if (!trust.identity && !trust.identityRegExp) {
    throw new KolmError("E_USAGE", "keyless verification needs the signer identity", {
      hint: "give --certificate-identity (e.g. https://github.com/OWNER/REPO/.github/workflows/release.yml@refs/tags/v1.0.0) and --certificate-oidc-issuer"
    });
  }
  const root = trust.trustedRoot;
  const verifier = new Verifier(toTrustMaterial(root), {
    // A deployment without Rekor (GitHub's private instance) lists no tlog: require what the root provides.
    tlogThreshold: root.tlogs.length > 0 ? 1 : 0,
    ctlogThreshold: root.ctlogs.length > 0 ? 1 : 0,
    timestampThreshold: 1
  });
  const policy = {
    subjectAlternativeName: trust.identity ? exactIdentityPattern(trust.identity) : trust.identityRegExp,
    ...trust.issuer ? { extensions: { issuer: trust.issuer } } : {}
  };
  try {
    const signer = verifier.verify(toSignedEntity(bundle), policy);
    return { kind: "certificate", identity: signer.identity?.subjectAlternativeName, issuer: signer.identity?.extensions?.issuer };
  } catch (err) {
    const code = err.code ?? "ERROR";
    if (code === "UNTRUSTED_SIGNER_ERROR") {
      const wanted = `${trust.identity ?? `/${trust.identityRegExp}/`}${trust.issuer ? ` (issuer ${trust.issuer})` : ""}`;
      throw badSignature(where, `was signed by ${formatSigner(claimed)}, not by ${wanted}`, "check --certificate-identity and --certificate-oidc-issuer against the workflow that signed it");
    }
    throw badSignature(where, `does not verify (${code}: ${err.message})`, "the bundle was altered, or it was signed by a Sigstore deployment not in the trusted root (pass --trusted-root)");
  }
}
function checkBundle(bytes, where, expected, trust) {
  const bundle = parseBundle(bytes, where);
  const signer = trust ? verifyBundleSignature(bundle, trust, where) : describeSigner(bundle);
  const problems = statementMismatches(bundleStatement(bundle, where), expected);
  if (problems.length > 0) {
    throw new KolmError("E_BAD_SIGNATURE", `${where} does not match the artifact:
  - ${problems.join("\n  - ")}`, {
      hint: "the artifact was changed after it was signed; rebuild and sign it again, or fetch both again",
      place: { file: where },
      details: problems
    });
  }
  return { signer, verified: Boolean(trust) };
}

// core/sign/artifact.ts
function sidecarName(artifactFile) {
  return `${artifactFile}.sigstore.json`;
}
async function signArtifact(bytes, method, options) {
  const contents = await readArtifact(bytes, { name: options.name ?? options.fileName });
  const { manifest, manifestBytes } = buildManifest(contents.manifest, contents.entries);
  const embedded = await signStatement(statementBytes(buildStatement({ manifest, manifestBytes }, { placement: "embedded" })), method, options.secrets);
  const artifact = await writeArtifact({ manifest, entries: contents.entries, signature: embedded });
  const fileSha256 = sha256Hex(artifact);
  const sidecar = options.sidecar === false ? void 0 : await signStatement(statementBytes(buildStatement({ manifest, manifestBytes }, { placement: "sidecar", fileName: options.fileName, fileSha256 })), method, options.secrets);
  return {
    artifact,
    ...sidecar ? { sidecar } : {},
    rootDigest: rootDigest(manifestBytes, manifest.files),
    fileSha256,
    signer: describeSigner(parseBundle(embedded, SIGNATURE_ENTRY))
  };
}
function verifyArtifactContents(contents, options) {
  const checks = [];
  const resources = artifactResources(contents);
  if (contents.signature) {
    const where = `${options.file}: ${SIGNATURE_ENTRY}`;
    const check = checkBundle(contents.signature, where, { resources, subjectSha256: contents.rootDigest, subjectWhat: "the artifact's root digest" }, options.trust);
    checks.push({ placement: "embedded", where, ...check });
  }
  if (options.sidecar) {
    const { bytes, where, fileSha256 } = options.sidecar;
    const check = checkBundle(bytes, where, { resources, subjectSha256: fileSha256, subjectWhat: `${options.file}` }, options.trust);
    checks.push({ placement: "sidecar", where, ...check });
  }
  if (checks.length === 0) {
    if (options.requireSignature || options.trust) {
      throw new KolmError("E_UNSIGNED", `${options.file} is not signed (no ${SIGNATURE_ENTRY} inside, no sidecar bundle)`, {
        hint: "sign it with `kolm sign` (or `kolm compile --sign`), or fetch its .sigstore.json bundle too",
        place: { file: options.file }
      });
    }
    return { state: "unsigned", checks };
  }
  return { state: checks.every((c) => c.verified) ? "verified" : "unverified", signer: checks[0].signer, checks };
}

// core/sign/files.ts
import { writeFile } from "node:fs/promises";
import { basename as basename2 } from "node:path";
async function signArtifactFile(path, method, options = {}) {
  const shown = options.shown ?? path;
  const bytes = await readUserBytes(path, { shown, hint: ARTIFACT_HINT });
  const sidecarPath = options.sidecarPath === false ? void 0 : options.sidecarPath ?? sidecarName(path);
  const signed = await signArtifact(bytes, method, { fileName: basename2(path), name: shown, sidecar: sidecarPath !== void 0, secrets: options.secrets });
  await writeSignedFiles(path, signed, sidecarPath, shown);
  return { ...signed, ...sidecarPath ? { sidecarPath } : {} };
}
async function writeSignedFiles(path, signed, sidecarPath, shown = path) {
  const targets = sidecarPath && signed.sidecar ? [path, sidecarPath] : [path];
  await commitFilesAtomic(targets, async (temps) => {
    await writeFile(temps[0], signed.artifact);
    if (temps[1]) await writeFile(temps[1], signed.sidecar);
  }).catch((err) => {
    if (err instanceof KolmError) throw err;
    throw new KolmError("E_WRITE_FAILED", `could not write the signed ${shown}: ${err.message}`, { hint: "check that the folder is writable and the disk has space", place: { file: shown }, cause: err });
  });
}

// core/build/save.ts
async function saveBuilt(path, bytes, signing, shown = path) {
  if (!signing) {
    await saveArtifact(path, bytes);
    return { path, bytes };
  }
  const signed = await signArtifact(bytes, signing.method, { fileName: basename3(path), name: shown, secrets: signing.secrets });
  const bundlePath = sidecarName(path);
  await writeSignedFiles(path, signed, bundlePath, shown);
  return { path, bytes: signed.artifact, signed, bundlePath };
}

// core/build/adapter.ts
async function buildAdapterFromFiles(input) {
  const read = await readSpecFile(input.specPath);
  const spec = input.baseId ? { ...read, base: input.baseId } : read;
  const train = input.examplesPath ? await readExamples(input.examplesPath, { input: spec.shape.input, output: spec.shape.output }) : void 0;
  const { compileAdapterArtifact } = await import("./artifact-Q5ELHJ4W.js");
  const result = await compileAdapterArtifact({
    spec,
    specFile: input.specPath,
    adapterPath: input.adapterPath,
    base: input.base,
    ...input.dtype ? { dtype: input.dtype } : {},
    name: input.name ?? spec.name ?? input.defaultName,
    created: await createdFromInputs([input.specPath, input.adapterPath, ...train ? [train.file] : []], input.sourceDateEpoch),
    datasets: train ? [{ role: "train", sha256: train.sha256, rows: train.examples.length }] : [],
    outputKind: outputKindFor(spec, train?.examples.map((e) => e.output))
  });
  return { ...result, spec };
}

// core/ingest/report.ts
var DROP_REASONS = ["bad_split_value", "null_output", "empty_output", "null_input", "empty_input"];
var DROP_REASON_TEXT = {
  bad_split_value: "split value not 0, 1 or 2",
  null_output: "output is null",
  empty_output: "output is empty after trimming",
  null_input: "input is null",
  empty_input: "input is empty after trimming"
};
function emptyDropCounts() {
  return Object.fromEntries(DROP_REASONS.map((r) => [r, 0]));
}
var LABEL_COUNTS_MAX = LABEL_MAX_DISTINCT;
function looksLikeLabels(distinct, counts, override) {
  if (override) return override === "label";
  if (distinct > LABEL_COUNTS_MAX) return false;
  return inferOutputKindFromCounts(counts) === "label";
}

// core/ingest/sources.ts
import { open as open2, readdir, stat as stat5 } from "node:fs/promises";
import { basename as basename4, dirname as dirname3, join as join2 } from "node:path";
var SPLIT_NAMES = ["train", "validation", "test"];
var EXTENSIONS = [
  [/\.(csv|tsv)(\.gz|\.zst)?$/i, "csv"],
  [/\.(parquet|pq)$/i, "parquet"],
  [/\.(jsonl|ndjson)(\.gz|\.zst)?$/i, "jsonl"],
  [/\.json(\.gz|\.zst)?$/i, "json"]
];
var SUPPORTED_EXTENSIONS = ".csv, .tsv, .parquet, .pq, .jsonl, .ndjson, .json (CSV/JSON also .gz)";
function formatOf(path) {
  return EXTENSIONS.find(([re]) => re.test(path))?.[1];
}
var SPLIT_WORDS = {
  train: 0,
  training: 0,
  validation: 1,
  valid: 1,
  val: 1,
  eval: 1,
  dev: 1,
  test: 2,
  testing: 2
};
function splitFromFileName(path) {
  const stem = basename4(path).replace(/\..*$/, "").toLowerCase();
  const hits = new Set(stem.split(/[-_. ]+/).map((w) => SPLIT_WORDS[w]).filter((s) => s !== void 0));
  return hits.size === 1 ? [...hits][0] : void 0;
}
function folderOrder(a, b) {
  const rank = (n) => splitFromFileName(n) ?? 3;
  return rank(a) - rank(b) || a.localeCompare(b);
}
async function resolveDataFiles(paths) {
  if (paths.length === 0) {
    throw new KolmError("E_USAGE", "no export given", { hint: "pass --export with a folder or data file" });
  }
  const files = [];
  for (const given of paths) {
    const st = await statOrThrow(given);
    if (st.isDirectory()) {
      const names = (await readdir(given)).filter((n) => !n.startsWith(".") && formatOf(n) !== void 0).sort(folderOrder);
      if (names.length === 0) {
        throw new KolmError("E_NO_DATA_FILES", `${given} holds no data files`, {
          place: { path: given },
          hint: `put the dataset (${SUPPORTED_EXTENSIONS}) in the folder, or pass the data file itself`
        });
      }
      for (const name of names) {
        const path = join2(given, name);
        const s = await statOrThrow(path);
        if (s.isFile()) files.push(await describe2(path, s.size));
      }
    } else {
      if (formatOf(given) === void 0) {
        throw new KolmError("E_NO_DATA_FILES", `${given} is not a data file kolm reads`, {
          place: { file: given },
          hint: `give a file ending in ${SUPPORTED_EXTENSIONS}, or the folder that holds it`
        });
      }
      files.push(await describe2(given, st.size));
    }
  }
  return files;
}
async function describe2(path, size) {
  if (size === 0) {
    throw new KolmError("E_EMPTY_FILE", `${path} is empty (0 bytes)`, {
      place: { file: path },
      hint: "export the dataset again, or leave this file out of --export"
    });
  }
  await assertReadable(path);
  return { path, format: formatOf(path), splitFromName: splitFromFileName(path), size };
}
async function statOrThrow(path) {
  try {
    return await stat5(path);
  } catch (err) {
    const code = err.code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      const siblings = await readdir(dirname3(path)).catch(() => []);
      const guess = closestName(basename4(path), siblings);
      throw new KolmError("E_PATH_NOT_FOUND", `${path} does not exist${guess ? ` (did you mean ${join2(dirname3(path), guess)}?)` : ""}`, {
        place: { path },
        hint: "check the --export path; it may be a file or the folder of the Predibase export",
        cause: err
      });
    }
    throw unreadable(path, err);
  }
}
async function assertReadable(path) {
  try {
    const fh = await open2(path, "r");
    await fh.close();
  } catch (err) {
    throw unreadable(path, err);
  }
}
function unreadable(path, err) {
  return new KolmError("E_PATH_UNREADABLE", `${path} cannot be read: ${err.message}`, {
    place: { path },
    hint: "check the file permissions (and that it is a regular file)",
    cause: err
  });
}

// core/ingest/classify-rows.ts
var DROP_CODE = { sampled_out: 0, ...Object.fromEntries(DROP_REASONS.map((r, i) => [r, i + 1])) };
async function classifyRows(conn, rows, mapping, reporter) {
  const { plans, inputCols, rowInFile, fileName } = rows;
  const multi = inputCols.length > 1;
  const nullInput = inputCols.map((c) => `${c} IS NULL`).join(" AND ");
  const emptyInput = multi ? inputCols.map((c) => `(${c} IS NULL OR kolm_blank(${c}))`).join(" AND ") : "kolm_blank(i0)";
  const splitNumber = "TRY_CAST(trim(s) AS DOUBLE)";
  const splitValue = `CASE WHEN ${splitNumber} = 0 OR ${splitNumber} = 1 OR ${splitNumber} = 2 THEN CAST(${splitNumber} AS TINYINT) END`;
  reporter.progress({ stage: "ingest:analyse", message: "sampling, splitting and counting rows" });
  const sampling = mapping.sampling;
  const keepCount = sampleCount(rows.total, sampling);
  const sampled = keepCount < rows.total;
  if (sampled) {
    await conn.run(`CREATE TEMP TABLE kolm_sampled_out AS SELECT rowid AS pos FROM kolm_rows
      QUALIFY row_number() OVER (ORDER BY hash(${fileName}, ${rowInFile}, ${sampling.seed}), rowid) > ${keepCount}`);
  }
  const splitOf = `CASE f ${plans.map((p) => `WHEN ${p.index} THEN ${p.splitSource === "column" ? splitValue : String(p.fixedSplit ?? "NULL")}`).join(" ")} END`;
  const columnFiles = plans.filter((p) => p.splitSource === "column").map((p) => `f = ${p.index}`);
  const fromColumn = columnFiles.length ? `(${columnFiles.join(" OR ")})` : "false";
  const dropCode = `CASE ${sampled ? `WHEN rowid IN (SELECT pos FROM kolm_sampled_out) THEN ${DROP_CODE.sampled_out} ` : ""}WHEN ${fromColumn} AND (${splitValue}) IS NULL THEN ${DROP_CODE.bad_split_value} WHEN o IS NULL THEN ${DROP_CODE.null_output} WHEN kolm_blank(o) THEN ${DROP_CODE.empty_output} WHEN ${nullInput} THEN ${DROP_CODE.null_input} WHEN ${emptyInput} THEN ${DROP_CODE.empty_input} END`;
  const viewOf = (split) => `SELECT rowid AS pos, f, ${rowInFile} AS row_num, ${inputCols.join(", ")}, o, ${split} AS split, ${dropCode} AS drop_code FROM kolm_rows`;
  await conn.run(`CREATE TEMP VIEW kolm_v AS ${viewOf(splitOf)}`);
  if (mapping.split?.type === "random") {
    await assignRandomSplit(conn, mapping.split.probabilities, mapping.split.seed, fileName);
    await conn.run(`CREATE OR REPLACE TEMP VIEW kolm_v AS ${viewOf("(SELECT r.split FROM kolm_random r WHERE r.pos = kolm_rows.rowid)")}`);
  }
  return { sampled, keepCount };
}
function sampleCount(total, sampling) {
  let n = total;
  if (sampling?.ratio !== void 0 && sampling.ratio < 1) n = Math.round(n * sampling.ratio);
  if (sampling?.size !== void 0) n = Math.min(n, sampling.size);
  return n;
}
async function assignRandomSplit(conn, p, seed, fileName) {
  const [row] = await conn.all("SELECT count(*) AS n FROM kolm_v WHERE drop_code IS NULL");
  const n = Number(row.n);
  const train = Math.ceil(Number((p[0] * n).toFixed(9)));
  const validation = Math.min(n - train, Math.floor(Number((p[1] * n).toFixed(9))));
  await conn.run(`CREATE TEMP TABLE kolm_random AS
    SELECT pos, CASE WHEN rnk <= ${train} THEN 0 WHEN rnk <= ${train + validation} THEN 1 ELSE 2 END::TINYINT AS split
    FROM (SELECT pos, row_number() OVER (ORDER BY hash(${fileName.replaceAll("CASE f", "CASE kolm_v.f")}, row_num, ${seed}, 'split'), pos) AS rnk
          FROM kolm_v WHERE drop_code IS NULL)`);
}

// core/ingest/load-rows.ts
import { basename as basename5 } from "node:path";

// core/ingest/columns.ts
function resolveColumns(file, found, wanted) {
  const bySanitized = /* @__PURE__ */ new Map();
  for (const original of found) {
    const key = sanitizeColumnName(original);
    bySanitized.set(key, [...bySanitized.get(key) ?? [], original]);
  }
  const out = /* @__PURE__ */ new Map();
  for (const { name, role } of wanted) {
    const originals = bySanitized.get(name);
    if (!originals) {
      const sanitizedFound = [...bySanitized.keys()];
      const guess = closestName(name, sanitizedFound);
      const guessOriginal = guess === void 0 ? void 0 : bySanitized.get(guess)[0];
      throw new KolmError(
        "E_MISSING_COLUMN",
        `${file} has no column "${name}" (the ${role}). Columns found: ${found.map((c) => `"${c}"`).join(", ") || "(none)"}` + (guessOriginal !== void 0 ? `. Did you mean "${guessOriginal}"?` : ""),
        {
          place: { file, column: name },
          hint: guessOriginal !== void 0 ? `the data has "${guessOriginal}": fix the name in config.yaml, or rename the column in the data` : "check input_features, output_features and prompt.template in config.yaml against the data file",
          details: { columnsFound: [...found], closest: guessOriginal }
        }
      );
    }
    if (originals.length > 1) {
      throw new KolmError(
        "E_MISSING_COLUMN",
        `${file} has several columns that Ludwig would all name "${name}" (the ${role}): ${originals.map((c) => `"${c}"`).join(", ")}`,
        { place: { file, column: name }, hint: `rename the columns so that they differ in more than ( ) { } . : " ' [ ]` }
      );
    }
    out.set(name, originals[0]);
  }
  return out;
}

// core/ingest/file-split.ts
var DEFAULT_SPLIT_COLUMN = "split";
function planSplit(file, columns, mapping, warn) {
  const split = mapping.split;
  if (split?.type === "random") {
    if (file.splitFromName !== void 0) {
      warn(`${file.path}: the config's random split re-splits its rows; its name (${SPLIT_NAMES[file.splitFromName]}) is ignored`);
    }
    return { file, splitSource: "random" };
  }
  const wantedColumn = split?.type === "fixed" ? split.column : DEFAULT_SPLIT_COLUMN;
  const column = columns.find((c) => sanitizeColumnName(c) === wantedColumn);
  if (column !== void 0) return { file, splitSource: "column", splitColumn: column };
  if (split?.type === "fixed") {
    warn(`${file.path} has no split column "${wantedColumn}"; its rows are split by ${file.splitFromName !== void 0 ? "its file name" : "default (all train)"}`);
  }
  if (file.splitFromName !== void 0) return { file, splitSource: "file name", fixedSplit: file.splitFromName };
  return { file, splitSource: "default (all train)", fixedSplit: 0 };
}
async function checkSplitValues(conn, plans, rowInFile) {
  if (!plans.some((p) => p.splitSource === "column")) return;
  const [bad] = await conn.all(`SELECT f, ${rowInFile} AS row_num, s FROM kolm_rows
    WHERE s IS NOT NULL AND NOT kolm_blank(s) AND TRY_CAST(trim(s) AS DOUBLE) IS NULL ORDER BY rowid LIMIT 1`);
  if (!bad) return;
  const plan = plans[Number(bad.f)];
  const value = String(bad.s);
  const word = /^(train(ing)?|val(id(ation)?)?|eval|dev|test(ing)?)$/i.test(value.trim());
  throw new KolmError("E_BAD_SPLIT", `${plan.file.path} row ${bad.row_num}: split column "${plan.splitColumn}" holds "${value.length > 40 ? `${value.slice(0, 37)}...` : value}", not 0, 1 or 2`, {
    place: { file: plan.file.path, row: Number(bad.row_num), column: plan.splitColumn },
    hint: word ? "Ludwig's split column holds numbers: write 0 for train, 1 for validation, 2 for test" : "use 0 (train), 1 (validation) or 2 (test) in the split column; rows with other numbers are dropped"
  });
}

// core/ingest/dialect.ts
import { createReadStream as createReadStream3 } from "node:fs";
import { open as open3 } from "node:fs/promises";

// core/ingest/sql.ts
function ident(name) {
  return `"${name.replaceAll('"', '""')}"`;
}
function literal(value) {
  return `'${value.replaceAll("'", "''")}'`;
}

// core/ingest/dialect.ts
var DELIMITER_CANDIDATES = [",", "	", ";", "|"];
async function detectCsvDialect(conn, path) {
  const header = await readHeaderRecord(path);
  const fromHeader = headerDialect(header);
  let sniffed;
  try {
    const [row] = await conn.all(
      `SELECT "Delimiter" AS d, "Quote" AS q, "Escape" AS e, "Columns" AS c FROM sniff_csv(${literal(path)}, header=true, skip=0, all_varchar=true)`
    );
    if (row) {
      const quote2 = row.q === "(empty)" ? "" : String(row.q);
      const escape = row.e === "(empty)" ? "" : String(row.e);
      sniffed = {
        delimiter: String(row.d),
        // No quote in the sniffed sample does not mean none later: keep RFC 4180 quoting, as pandas does.
        quote: quote2 || '"',
        escape: escape || (quote2 === "" || quote2 === '"' ? '"' : ""),
        columns: row.c.map((c) => c.name)
      };
    }
  } catch {
  }
  if (sniffed && (sniffed.columns.length === fromHeader.columns.length || fromHeader.columns.length === 1)) return sniffed;
  return fromHeader;
}
async function readHeaderRecord(path) {
  const fh = await open3(path, "r");
  try {
    const buf = Buffer.alloc(1 << 20);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    let text = new TextDecoder("utf-8").decode(buf.subarray(0, bytesRead));
    if (text.charCodeAt(0) === 65279) text = text.slice(1);
    let inQuote = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === '"') inQuote = !inQuote;
      else if ((ch === "\n" || ch === "\r") && !inQuote) return text.slice(0, i);
    }
    return text;
  } finally {
    await fh.close();
  }
}
function headerDialect(header) {
  const counts = DELIMITER_CANDIDATES.map((d) => countOutsideQuotes(header, d));
  const best = counts.indexOf(Math.max(...counts));
  const delimiter = counts[best] > 0 ? DELIMITER_CANDIDATES[best] : ",";
  return { delimiter, quote: '"', escape: '"', columns: splitHeader(header, delimiter) };
}
function countOutsideQuotes(s, ch) {
  let n = 0;
  let inQuote = false;
  for (const c of s) {
    if (c === '"') inQuote = !inQuote;
    else if (c === ch && !inQuote) n++;
  }
  return n;
}
function splitHeader(s, delimiter) {
  const out = [];
  let cur = "";
  let inQuote = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') {
      if (inQuote && s[i + 1] === '"') {
        cur += '"';
        i++;
      } else inQuote = !inQuote;
    } else if (c === delimiter && !inQuote) {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out.map((c, i) => c.trim() || `column${i}`);
}
async function physicalLineOfRecord(path, record, dialect) {
  const quote2 = dialect.quote ? dialect.quote.charCodeAt(0) : -1;
  const escape = dialect.escape && dialect.escape !== dialect.quote ? dialect.escape.charCodeAt(0) : -1;
  let line = 1;
  let rec = 1;
  let inQuote = false;
  let skipNext = false;
  if (record <= 1) return 1;
  for await (const chunk of createReadStream3(path)) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (skipNext) {
        skipNext = false;
        if (b !== 10) continue;
      }
      if (inQuote && b === escape) skipNext = true;
      else if (b === quote2) inQuote = !inQuote;
      else if (b === 10) {
        line++;
        if (!inQuote && ++rec === record) return line;
      }
    }
  }
  return line;
}

// core/ingest/read-errors.ts
import { createReadStream as createReadStream4 } from "node:fs";
var excerpt = (s) => s.length > 80 ? `${s.slice(0, 77)}...` : s;
async function csvReadError(err, file, dialect) {
  const msg = String(err?.message ?? err);
  const record = Number(/CSV Error on Line: (\d+)/.exec(msg)?.[1] ?? NaN);
  const original = /Original Line: ([^\n]*)/.exec(msg)?.[1];
  const line = Number.isFinite(record) ? await physicalLineOfRecord(file.path, record, dialect).catch(() => record) : void 0;
  const row = Number.isFinite(record) ? record - 1 : void 0;
  const place = { file: file.path, ...line !== void 0 ? { line } : {}, ...row !== void 0 ? { row } : {} };
  const at = line !== void 0 ? `${file.path} line ${line} (data row ${row})` : file.path;
  if (/Invalid unicode|not utf-8 encoded/i.test(msg)) {
    return new KolmError("E_BAD_ENCODING", `${at} is not valid UTF-8`, {
      place,
      hint: `re-save the file as UTF-8 (e.g. \`iconv -f latin1 -t utf-8 ${file.path} > fixed.csv\`)`,
      cause: err
    });
  }
  const fields = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(msg);
  if (fields) {
    return new KolmError("E_BAD_CSV", `${at} has ${fields[2]} fields but the header has ${fields[1]}${original ? `: ${excerpt(original)}` : ""}`, {
      place,
      hint: `quote fields that contain the delimiter "${printable(dialect.delimiter)}" (or line breaks) with ${dialect.quote}...${dialect.quote}, or fix the row`,
      cause: err
    });
  }
  if (/unterminated quote/i.test(msg)) {
    return new KolmError("E_BAD_CSV", `${at} opens a quote that is never closed${original ? `: ${excerpt(original)}` : ""}`, {
      place,
      hint: `close the quote, or double a quote inside a quoted field (${dialect.quote}${dialect.quote})`,
      cause: err
    });
  }
  return new KolmError("E_BAD_CSV", `${at} cannot be read as CSV: ${firstLine(msg)}`, {
    place,
    hint: "check the file is a CSV with a header row, one record per row",
    cause: err
  });
}
function parquetReadError(err, file) {
  const msg = String(err?.message ?? err);
  if (/magic bytes|not a parquet file|parquet/i.test(msg)) {
    return new KolmError("E_BAD_PARQUET", `${file.path} is not a readable Parquet file: ${firstLine(msg)}`, {
      place: { file: file.path },
      hint: "export it again as Parquet, or give it the extension of what it holds (.csv, .jsonl)",
      cause: err
    });
  }
  if (/utf-?8|unicode/i.test(msg)) {
    return new KolmError("E_BAD_ENCODING", `${file.path} holds text that is not valid UTF-8: ${firstLine(msg)}`, {
      place: { file: file.path },
      hint: "write the string columns as UTF-8",
      cause: err
    });
  }
  return new KolmError("E_BAD_PARQUET", `${file.path} cannot be read: ${firstLine(msg)}`, { place: { file: file.path }, cause: err });
}
async function jsonReadError(err, file) {
  const msg = String(err?.message ?? err);
  const bad = await locateBadJsonLine(file.path).catch(() => void 0);
  const place = { file: file.path, ...bad ? { line: bad.line } : {} };
  const at = bad ? `${file.path} line ${bad.line}` : file.path;
  if (bad?.reason === "encoding" || /invalid UTF-8/i.test(msg)) {
    return new KolmError("E_BAD_ENCODING", `${at} is not valid UTF-8`, { place, hint: "re-save the file as UTF-8", cause: err });
  }
  const what = bad?.reason === "not-object" ? "is not a JSON object" : `is not valid JSON${bad?.detail ? ` (${bad.detail})` : ""}`;
  return new KolmError("E_BAD_JSONL", `${at} ${what}`, {
    place,
    hint: 'each line must be one JSON object such as {"column": "value", ...}',
    cause: err
  });
}
function notObjectError(file, line) {
  return new KolmError("E_BAD_JSONL", `${file.path}${line ? ` line ${line}` : ""} is not a JSON object`, {
    place: { file: file.path, ...line ? { line } : {} },
    hint: 'each line must be one JSON object such as {"column": "value", ...}'
  });
}
async function locateBadJsonLine(path) {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let line = 0;
  let pending = Buffer.alloc(0);
  for await (const chunk of createReadStream4(path)) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    let start = 0;
    for (let nl = pending.indexOf(10, start); nl !== -1; nl = pending.indexOf(10, start)) {
      line++;
      const bad = checkJsonLine(decoder, pending.subarray(start, nl));
      if (bad) return { line, ...bad };
      start = nl + 1;
    }
    pending = pending.subarray(start);
  }
  if (pending.length) {
    const bad = checkJsonLine(decoder, pending);
    if (bad) return { line: line + 1, ...bad };
  }
  return void 0;
}
function checkJsonLine(decoder, bytes) {
  let text;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { reason: "encoding" };
  }
  if (text.trim() === "") return void 0;
  try {
    const v = JSON.parse(text);
    return v !== null && typeof v === "object" && !Array.isArray(v) ? void 0 : { reason: "not-object" };
  } catch (e) {
    return { reason: "syntax", detail: e.message };
  }
}
function firstLine(s) {
  return s.split("\n")[0].replace(/^[A-Za-z ]+Error: /, "");
}
function printable(d) {
  return d === "	" ? "\\t" : d;
}

// core/ingest/read.ts
async function openSource(conn, file) {
  switch (file.format) {
    case "csv":
      return openCsv(conn, file);
    case "parquet":
      return openParquet(conn, file);
    default:
      return openJson(conn, file);
  }
}
async function openCsv(conn, file) {
  const dialect = await detectCsvDialect(conn, file.path);
  const columns = dedupe(dialect.columns);
  const from = `read_csv(${literal(file.path)}, auto_detect=false, header=true, all_varchar=true, strict_mode=true, null_padding=false, delim=${literal(dialect.delimiter)}, quote=${literal(dialect.quote)}, escape=${literal(dialect.escape)}, columns={${columns.map((c) => `${literal(c)}: 'VARCHAR'`).join(", ")}})`;
  return { file, columns, from, text: (name) => ident(name), readError: (err) => csvReadError(err, file, dialect) };
}
async function openParquet(conn, file) {
  const from = `read_parquet(${literal(file.path)})`;
  let described;
  try {
    described = await conn.all(`DESCRIBE SELECT * FROM ${from}`);
  } catch (err) {
    throw parquetReadError(err, file);
  }
  const types = new Map(described.map((d) => [d.column_name, d.column_type]));
  return {
    file,
    columns: described.map((d) => d.column_name),
    from,
    text(name) {
      const type = types.get(name) ?? "VARCHAR";
      if (type === "VARCHAR") return ident(name);
      return /[[\]]|^(STRUCT|MAP|UNION)/.test(type) ? `CAST(to_json(${ident(name)}) AS VARCHAR)` : `CAST(${ident(name)} AS VARCHAR)`;
    },
    readError: async (err) => parquetReadError(err, file)
  };
}
async function openJson(conn, file) {
  const format = file.format === "jsonl" ? "newline_delimited" : "auto";
  const from = `read_json_objects(${literal(file.path)}, format=${literal(format)})`;
  let keys;
  try {
    const [row] = await conn.all(
      `SELECT count(*) FILTER (WHERE json_type(json) <> 'OBJECT') AS not_objects, list_distinct(flatten(list(json_keys(json)))) AS keys FROM ${from}`
    );
    if (Number(row?.not_objects ?? 0) > 0) {
      const bad = file.format === "jsonl" ? await locateBadJsonLine(file.path).catch(() => void 0) : void 0;
      throw notObjectError(file, bad?.line);
    }
    keys = (row?.keys ?? []).slice().sort();
  } catch (err) {
    if (err instanceof KolmError) throw err;
    throw await jsonReadError(err, file);
  }
  return {
    file,
    columns: keys,
    from,
    // json_extract_string keeps a nested value as its JSON text and gives NULL for JSON null or a missing key.
    text: (name) => `json_extract_string(json, [${literal(name)}])[1]`,
    readError: (err) => jsonReadError(err, file)
  };
}
function dedupe(columns) {
  const seen = /* @__PURE__ */ new Set();
  return columns.map((c) => {
    let name = c;
    for (let i = 1; seen.has(name); i++) name = `${c}.${i}`;
    seen.add(name);
    return name;
  });
}

// core/ingest/load-rows.ts
async function loadRows(conn, files, mapping, warn, reporter) {
  const inputs = mapping.inputColumns;
  const inputCols = inputs.map((_, i) => `i${i}`);
  await conn.run(`CREATE TEMP TABLE kolm_rows (f INTEGER, ${inputCols.map((c) => `${c} VARCHAR`).join(", ")}, o VARCHAR, s VARCHAR)`);
  await conn.run(`CREATE TEMP MACRO kolm_blank(x) AS x < '!' AND trim(x, ${literal(" 	\n\v\f\r")}) = ''`);
  const plans = [];
  let pos = 0;
  for (const [index, file] of files.entries()) {
    reporter.progress({ stage: "ingest:read", done: index, total: files.length, message: file.path });
    const source = await openSource(conn, file);
    const wanted = [
      ...inputs.map((name) => ({ name, role: "input" })),
      { name: mapping.outputColumn, role: "output" }
    ];
    const originals = resolveColumns(file.path, source.columns, wanted);
    const plan = planSplit(file, source.columns, mapping, warn);
    const fromColumn = plan.splitColumn !== void 0;
    const cells = [
      ...inputs.map((n, i) => `${source.text(originals.get(n))} AS i${i}`),
      `${source.text(originals.get(mapping.outputColumn))} AS o`,
      `${fromColumn ? source.text(plan.splitColumn) : "NULL"} AS s`
    ];
    let rows;
    try {
      rows = await conn.run(
        `INSERT INTO kolm_rows SELECT ${index}, ${cells.join(", ")} FROM ${source.from}`
      );
    } catch (err) {
      throw await source.readError(err);
    }
    if (rows === 0) {
      throw new KolmError("E_EMPTY_FILE", `${file.path} has no data rows`, {
        place: { file: file.path },
        hint: "export the dataset again, or leave this file out of --export"
      });
    }
    plans.push({ ...plan, index, firstPos: pos, rows });
    pos += rows;
  }
  reporter.progress({ stage: "ingest:read", done: files.length, total: files.length });
  const rowInFile = `(rowid - CASE f ${plans.map((p) => `WHEN ${p.index} THEN ${p.firstPos - 1}`).join(" ")} END)`;
  const fileName = `CASE f ${plans.map((p) => `WHEN ${p.index} THEN ${literal(basename5(p.file.path))}`).join(" ")} END`;
  await checkSplitValues(conn, plans, rowInFile);
  return { plans, total: pos, inputCols, rowInFile, fileName };
}

// core/ingest/describe-rows.ts
async function describeRows(conn, plans, inputKey, inputLength, nullable, severalSplits) {
  const nullSums = nullable.map((c, i) => `, count(*) FILTER (WHERE ${c} IS NULL) AS null${i}`).join("");
  let rows;
  if (plans?.every((p) => p.fixedSplit !== void 0)) {
    const quick = await conn.all(`SELECT f, count(*) AS n, count(*) FILTER (WHERE o IS NULL OR o < '!' OR i0 IS NULL OR i0 < '!') AS maybe${nullSums}
      FROM kolm_rows GROUP BY f`);
    if (quick.every((q) => Number(q.maybe) === 0)) {
      rows = quick.map((q) => ({ ...q, drop_code: null, split: plans[Number(q.f)].fixedSplit }));
    }
  }
  rows ??= await conn.all(`SELECT f, drop_code, split, count(*) AS n${nullSums} FROM kolm_v GROUP BY ALL`);
  const counts = rows.map((c) => ({
    f: Number(c.f),
    drop_code: c.drop_code === null ? null : Number(c.drop_code),
    split: c.split === null ? null : Number(c.split),
    n: Number(c.n),
    nulls: nullable.map((_, i) => Number(c[`null${i}`]))
  }));
  const kept = counts.filter((c) => c.drop_code === null);
  const from = counts.some((c) => c.drop_code !== null) ? "FROM kolm_v WHERE drop_code IS NULL" : "FROM kolm_v";
  const [inputs] = await conn.all(`SELECT count(*) AS distinct_in,
      count(*) FILTER (WHERE ho_min <> ho_max) AS conflicting_inputs,
      coalesce(sum(n) FILTER (WHERE ho_min <> ho_max), 0) AS conflicting_rows,
      ${severalSplits ? "count(*) FILTER (WHERE split_min <> split_max)" : "0"} AS several_splits
    FROM (SELECT hash(${inputKey}) AS hi, count(*) AS n, min(hash(o)) AS ho_min, max(hash(o)) AS ho_max
      ${severalSplits ? ", min(split) AS split_min, max(split) AS split_max" : ""} ${from} GROUP BY hi)`);
  const [outputs] = await conn.all(`SELECT count(DISTINCT hash(o)) AS distinct_out ${from}`);
  const hist = await conn.all(`SELECT 0 AS side, ${inputLength} AS l, count(*) AS n ${from} GROUP BY l
    UNION ALL SELECT 1 AS side, length(o) AS l, count(*) AS n ${from} GROUP BY l`);
  return {
    counts,
    distinctInputs: Number(inputs.distinct_in),
    distinctOutputs: Number(outputs.distinct_out),
    conflictingInputs: Number(inputs.conflicting_inputs),
    conflictingRows: Number(inputs.conflicting_rows),
    severalSplits: Number(inputs.several_splits),
    nullCells: nullable.map((_, i) => sum(kept.map((c) => c.nulls[i]))),
    inputLength: histogramStats(hist.filter((h) => Number(h.side) === 0)),
    outputLength: histogramStats(hist.filter((h) => Number(h.side) === 1))
  };
}
function histogramStats(histogram) {
  const bins = (histogram ?? []).map((b) => ({ l: Number(b.l), n: Number(b.n) })).sort((a, b) => a.l - b.l);
  const total = sum(bins.map((b) => b.n));
  if (total === 0) return { min: 0, p50: 0, p90: 0, p99: 0, max: 0, mean: 0 };
  const at = (q) => {
    const scaled = q * total;
    const rank = Math.max(1, Math.ceil(scaled));
    let seen = 0;
    for (const b of bins) {
      seen += b.n;
      if (seen >= rank) return b.l;
    }
    return bins[bins.length - 1].l;
  };
  const mean = sum(bins.map((b) => b.l * b.n)) / total;
  return { min: bins[0].l, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: bins[bins.length - 1].l, mean: Math.round(mean * 10) / 10 };
}
function sum(xs) {
  return xs.reduce((a, b) => a + b, 0);
}

// core/ingest/summarize-rows.ts
var EXAMPLE_CHARS = 200;
async function summarizeRows(conn, rows, classified, mapping, outDir, warn) {
  const { plans, inputCols } = rows;
  const { sampled, keepCount } = classified;
  const inputs = mapping.inputColumns;
  const multi = inputs.length > 1;
  const inputKey = multi ? `[${inputCols.map((c) => `coalesce(${c}, '')`).join(", ")}]` : "i0";
  const inputLength = multi ? inputCols.map((c) => `length(coalesce(${c}, ''))`).join(" + ") : "length(i0)";
  const fixedSplits = new Set(plans.map((p) => p.fixedSplit));
  const severalSplits = fixedSplits.size > 1 || fixedSplits.has(void 0);
  const described = await describeRows(conn, sampled ? void 0 : plans, inputKey, inputLength, multi ? inputCols : [], severalSplits);
  const fileReports = countPerFile(plans, described.counts);
  const totals = totalsOf(fileReports);
  const kept = totals.rowsOut.train + totals.rowsOut.validation + totals.rowsOut.test;
  if (kept === 0) throw noRowsError(totals, plans, mapping);
  if (totals.rowsOut.train === 0) warn("no rows went to train: every kept row is validation or test");
  for (const r of DROP_REASONS) {
    if (totals.dropped[r] > 0) warn(`${totals.dropped[r]} row(s) dropped: ${DROP_REASON_TEXT[r]}`);
  }
  const duplicates = await findDuplicates(conn, described, kept, inputKey, inputs);
  const distinctOut = described.distinctOutputs;
  const counts = distinctOut <= LABEL_COUNTS_MAX ? await outputCounts(conn) : [];
  const top = distinctOut <= LABEL_COUNTS_MAX ? counts.slice(0, 10) : void 0;
  if (duplicates.conflictingInputs > 0) {
    warn(`${duplicates.conflictingInputs} input(s) appear with different outputs (${duplicates.conflictingRows} rows)`);
  }
  if (duplicates.inputsInSeveralSplits > 0) {
    warn(`${duplicates.inputsInSeveralSplits} input(s) appear in more than one split (train/validation/test leakage)`);
  }
  return {
    version: 1,
    outDir,
    outputs: SPLIT_NAMES.map((name) => ({ file: `${name}.jsonl`, rows: totals.rowsOut[name] })).filter((o) => o.rows > 0),
    files: fileReports,
    totals,
    ...sampled ? { sampling: { ...mapping.sampling, kept: keepCount } } : {},
    input: {
      columns: [...inputs],
      kind: multi ? "object" : "string",
      ...multi ? { nullCells: Object.fromEntries(inputs.map((n, i) => [n, described.nullCells[i]])) } : {},
      length: described.inputLength
    },
    output: {
      column: mapping.outputColumn,
      length: described.outputLength,
      distinct: distinctOut,
      ...top ? { top } : {},
      labelLike: looksLikeLabels(distinctOut, counts)
    },
    duplicates
  };
}
function countPerFile(plans, counts) {
  const fileReports = plans.map((p) => ({
    file: p.file.path,
    format: p.file.format,
    rowsIn: p.rows,
    sampledOut: 0,
    dropped: emptyDropCounts(),
    rowsOut: { train: 0, validation: 0, test: 0 },
    splitSource: p.splitSource,
    ...p.splitColumn !== void 0 ? { splitColumn: p.splitColumn } : {}
  }));
  for (const c of counts) {
    const fr = fileReports[Number(c.f)];
    const n = Number(c.n);
    if (c.drop_code === DROP_CODE.sampled_out) fr.sampledOut += n;
    else if (c.drop_code !== null) fr.dropped[DROP_REASONS[Number(c.drop_code) - 1]] += n;
    else fr.rowsOut[SPLIT_NAMES[Number(c.split)]] += n;
  }
  return fileReports;
}
function totalsOf(fileReports) {
  return {
    rowsIn: sum(fileReports.map((f) => f.rowsIn)),
    sampledOut: sum(fileReports.map((f) => f.sampledOut)),
    dropped: Object.fromEntries(DROP_REASONS.map((r) => [r, sum(fileReports.map((f) => f.dropped[r]))])),
    rowsOut: Object.fromEntries(SPLIT_NAMES.map((s) => [s, sum(fileReports.map((f) => f.rowsOut[s]))]))
  };
}
function noRowsError(totals, plans, mapping) {
  const reasons = DROP_REASONS.filter((r) => totals.dropped[r] > 0).map((r) => `${totals.dropped[r]} ${DROP_REASON_TEXT[r]}`);
  return new KolmError("E_NO_ROWS", `no rows left to write: ${totals.rowsIn} read${reasons.length ? `, dropped: ${reasons.join("; ")}` : ""}`, {
    place: { path: plans.map((p) => p.file.path).join(", ") },
    hint: `check that "${mapping.outputColumn}" and ${mapping.inputColumns.map((c) => `"${c}"`).join(", ")} are the right columns and hold text`
  });
}
var KEPT = "FROM kolm_v WHERE drop_code IS NULL";
async function findDuplicates(conn, described, kept, inputKey, inputs) {
  let exact;
  let conflictRows = [];
  if (described.conflictingInputs === 0) {
    exact = kept - described.distinctInputs;
  } else {
    const [pairs] = await conn.all(`SELECT count(DISTINCT hash(${inputKey}, o)) AS n ${KEPT}`);
    exact = kept - Number(pairs.n);
    conflictRows = await conn.all(`SELECT ${inputKey} AS k, list(DISTINCT o ORDER BY o) AS outs, count(*) AS n, min(pos) AS first
        ${KEPT} GROUP BY k HAVING count(DISTINCT o) > 1 ORDER BY first LIMIT 5`);
  }
  return {
    exact,
    conflictingInputs: described.conflictingInputs,
    conflictingRows: described.conflictingRows,
    examples: conflictRows.map((r) => conflictExample(r, inputs)),
    inputsInSeveralSplits: described.severalSplits
  };
}
async function outputCounts(conn) {
  return (await conn.all(`SELECT o AS value, count(*) AS count ${KEPT} GROUP BY o ORDER BY count DESC, o`)).map((r) => ({
    value: String(r.value),
    count: Number(r.count)
  }));
}
function conflictExample(row, inputs) {
  const cut = (s) => s.length > EXAMPLE_CHARS ? `${s.slice(0, EXAMPLE_CHARS - 3)}...` : s;
  const key = row.k;
  const input = Array.isArray(key) ? Object.fromEntries(inputs.map((n, i) => [n, cut(String(key[i]))])) : cut(String(key));
  return { input, outputs: row.outs.map(cut), rows: Number(row.n) };
}

// core/ingest/write-outputs.ts
import { rm as rm2, writeFile as writeFile2 } from "node:fs/promises";
import { join as join3 } from "node:path";
async function writeOutputs(conn, rows, classified, mapping, report, outDir, reporter) {
  const { plans } = rows;
  const { outputs, files: fileReports } = report;
  const inputs = mapping.inputColumns;
  const inputExpr = inputs.length > 1 ? `struct_pack(${inputs.map((n, i) => `${ident(n)} := coalesce(i${i}, '')`).join(", ")})` : "i0";
  const keepsOrder = !classified.sampled && mapping.split?.type !== "random";
  const whereFor = (split) => {
    const name = SPLIT_NAMES[split];
    const mine = fileReports.filter((f) => f.rowsOut[name] > 0);
    const conds = [];
    const dropsAny = mine.some((f) => f.sampledOut > 0 || DROP_REASONS.some((r) => f.dropped[r] > 0));
    if (dropsAny) conds.push("drop_code IS NULL");
    const rowSplit = mine.some((f) => SPLIT_NAMES.some((s) => s !== name && f.rowsOut[s] > 0));
    if (rowSplit) conds.push(`split = ${split}`);
    else if (mine.length < fileReports.length) {
      const ranges = plans.filter((p) => mine.some((f) => f === fileReports[p.index])).map((p) => `pos BETWEEN ${p.firstPos} AND ${p.firstPos + p.rows - 1}`);
      conds.push(`(${ranges.join(" OR ")})`);
    }
    return conds.length ? ` WHERE ${conds.join(" AND ")}` : "";
  };
  const targets = [...outputs.map((o) => join3(outDir, o.file)), join3(outDir, "report.json")];
  await commitFilesAtomic(targets, async (temps) => {
    for (const [i, o] of outputs.entries()) {
      reporter.progress({ stage: "ingest:write", done: i, total: outputs.length, message: o.file });
      const split = SPLIT_NAMES.indexOf(o.file.replace(".jsonl", ""));
      try {
        await conn.run(
          `COPY (SELECT ${inputExpr} AS input, o AS output FROM kolm_v${whereFor(split)}${keepsOrder ? "" : " ORDER BY pos"}) TO ${literal(temps[i])} (FORMAT json)`
        );
      } catch (err) {
        throw new KolmError("E_WRITE_FAILED", `could not write ${join3(outDir, o.file)}: ${err.message.split("\n")[0]}`, {
          place: { file: join3(outDir, o.file) },
          hint: "check that the folder is writable and the disk has space",
          cause: err
        });
      }
    }
    await writeFile2(temps[temps.length - 1], `${JSON.stringify(report, null, 2)}
`);
  });
  for (const name of SPLIT_NAMES) {
    if (!outputs.some((o) => o.file === `${name}.jsonl`)) await rm2(join3(outDir, `${name}.jsonl`), { force: true });
  }
  reporter.progress({ stage: "ingest:write", done: outputs.length, total: outputs.length });
}

// core/ingest/convert.ts
async function convertExport(options, reporter = silentReporter) {
  const { mapping, outDir } = options;
  checkMapping(mapping);
  const files = await resolveDataFiles(options.exportPaths);
  const conn = await options.db.connect();
  try {
    return await convertWith(conn, files, mapping, outDir, reporter);
  } finally {
    conn.close();
  }
}
async function convertWith(conn, files, mapping, outDir, reporter) {
  const warnings = [];
  const warn = (m) => {
    warnings.push(m);
    reporter.warn(m);
  };
  const rows = await loadRows(conn, files, mapping, warn, reporter);
  const classified = await classifyRows(conn, rows, mapping, reporter);
  const report = { ...await summarizeRows(conn, rows, classified, mapping, outDir, warn), warnings };
  await writeOutputs(conn, rows, classified, mapping, report, outDir, reporter);
  return report;
}
function checkMapping(mapping) {
  if (mapping.inputColumns.length === 0) {
    throw new KolmError("E_BAD_CONFIG", "the config names no input column", { hint: "add an input feature or a prompt.template that reads a column" });
  }
  const s = mapping.sampling;
  if (s?.ratio !== void 0 && !(s.ratio > 0 && s.ratio <= 1)) {
    throw new KolmError("E_BAD_CONFIG", `preprocessing.sample_ratio must be in (0, 1], got ${s.ratio}`, { hint: "set a ratio such as 0.5" });
  }
  if (s?.size !== void 0 && !(Number.isInteger(s.size) && s.size > 0)) {
    throw new KolmError("E_BAD_CONFIG", `preprocessing.sample_size must be a positive whole number, got ${s.size}`, { hint: "set a row count such as 1000" });
  }
  if (mapping.split?.type === "random") {
    const p = mapping.split.probabilities;
    if (p.some((x) => !(x >= 0)) || Math.abs(p[0] + p[1] + p[2] - 1) > 1e-6) {
      throw new KolmError("E_BAD_CONFIG", `preprocessing.split.probabilities must be three numbers summing to 1, got [${p.join(", ")}]`, {
        hint: "for example [0.7, 0.1, 0.2]"
      });
    }
  }
}

// core/ingest/duckdb.ts
import { mkdtempSync, rmSync } from "node:fs";
import { join as join4 } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
async function openIngestDb({ memoryLimit = "256MB", threads, tmpDir }) {
  const spillDir = mkdtempSync(join4(tmpDir, "kolm-duckdb-"));
  const config = { memory_limit: memoryLimit, temp_directory: spillDir };
  if (threads) config.threads = String(threads);
  let instance;
  try {
    instance = await DuckDBInstance.create(":memory:", config);
  } catch (err) {
    rmSync(spillDir, { recursive: true, force: true });
    throw err;
  }
  return {
    async connect() {
      return wrap(await instance.connect());
    },
    close() {
      instance.closeSync();
      rmSync(spillDir, { recursive: true, force: true });
    }
  };
}
function wrap(conn) {
  return {
    async run(sql) {
      const result = await conn.run(sql);
      return result.rowsChanged;
    },
    async all(sql) {
      const reader = await conn.runAndReadAll(sql);
      return reader.getRowObjectsJS().map(plain);
    },
    close() {
      conn.closeSync();
    }
  };
}
function plain(row) {
  const out = {};
  for (const [k, v] of Object.entries(row)) out[k] = toPlain(v);
  return out;
}
function toPlain(v) {
  if (typeof v === "bigint") return Number(v);
  if (Array.isArray(v)) return v.map(toPlain);
  return v;
}

export {
  labelSet,
  createScorer,
  Z_95,
  EVAL_REPORT_VERSION,
  buildReport,
  silentReporter,
  evaluatePredictor,
  parseGates,
  checkGates,
  gateFailure,
  textGenerator,
  loadRecipe,
  PASSPHRASE_ENV,
  generateKeyPair,
  parsePrivateKey,
  parsePublicKey,
  writeKeyPairFiles,
  parseBundle,
  ambientIdentityProvider,
  publicGoodTrustedRoot,
  parseTrustedRoot,
  describeSigner,
  formatSigner,
  sidecarName,
  verifyArtifactContents,
  signArtifactFile,
  LineSplitter,
  checkShape,
  formatShape,
  validateSeedsStream,
  validateSeedsFile,
  readExamples,
  formatCandidateTable,
  buildFromFiles,
  saveBuilt,
  buildAdapterFromFiles,
  DROP_REASONS,
  DROP_REASON_TEXT,
  SUPPORTED_EXTENSIONS,
  formatOf,
  convertExport,
  openIngestDb,
  readLudwigConfig,
  specNameFromConfigPath,
  translateLudwigFiles
};
