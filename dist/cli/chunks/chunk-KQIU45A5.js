import {
  isCascadePrediction
} from "./chunk-27DNCZ6H.js";
import {
  aggregate,
  calibration,
  coverageCurve,
  jsonPairs,
  parseJsonValue
} from "./chunk-TNBATMMU.js";
import {
  KolmError
} from "./chunk-AYSNEYKG.js";

// core/eval/report.ts
var EVAL_REPORT_VERSION = 1;
var WORST = 10;
var CONFUSIONS = 10;
function latencyStats(values) {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  let sum = 0;
  for (const v of sorted) sum += v;
  const r = (x) => Number(x.toFixed(4));
  return { p50: r(at(0.5)), p95: r(at(0.95)), p99: r(at(0.99)), mean: r(sum / sorted.length), n: sorted.length };
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
      ...c.confidence !== void 0 ? { confidence: c.confidence } : {},
      s: c.s,
      pass: c.pass,
      ...c.latency_ms !== void 0 ? { latency_ms: Number(c.latency_ms.toFixed(4)) } : {},
      ...c.error !== void 0 ? { error: c.error } : {}
    }))
  };
  const confidence = confidenceFigures(cases);
  if (confidence) Object.assign(report, confidence);
  if (scorer.kind === "label") Object.assign(report, labelBreakdown(cases, scorer));
  if (scorer.kind === "json") report.fields = fieldBreakdown(cases, scorer);
  return report;
}
function confidenceFigures(cases) {
  const answered = cases.filter((c) => c.prediction !== void 0);
  if (answered.length === 0 || answered.some((c) => typeof c.confidence !== "number" || !(c.confidence >= 0 && c.confidence <= 1))) return void 0;
  const points = cases.map((c) => ({ confidence: c.prediction === void 0 ? 0 : c.confidence, s: c.s }));
  return { calibration: calibration(points), coverage: coverageCurve(points) };
}

// core/cascade/report.ts
var r4 = (x) => Number(x.toFixed(4));
var mean = (xs) => xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
function cascadeReport(predictions, s, latency) {
  if (predictions.length === 0 || !predictions.every(isCascadePrediction)) return void 0;
  const local = [];
  const fallback = [];
  predictions.forEach((p, i) => (isCascadePrediction(p) && p.path === "fallback" ? fallback : local).push(i));
  const lat = (idx) => latencyStats(idx.flatMap((i) => latency[i] === void 0 ? [] : [latency[i]]));
  const k = (idx) => idx.length ? r4(idx.reduce((a, i) => a + s[i], 0) / idx.length) : null;
  const fallbackMs = mean(fallback.flatMap((i) => {
    const ms = predictions[i].fallback_ms;
    return ms === void 0 ? [] : [ms];
  }));
  return {
    local: local.length,
    fallback: fallback.length,
    local_share: r4(local.length / predictions.length),
    low_confidence: predictions.filter((p) => p.low_confidence).length,
    K_local: k(local),
    K_fallback: k(fallback),
    latency_ms: { local: lat(local), fallback: lat(fallback) },
    requests_saved: local.length,
    fallback_ms_saved: fallbackMs === null ? null : r4(fallbackMs * local.length)
  };
}

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

export {
  EVAL_REPORT_VERSION,
  latencyStats,
  scoreCases,
  buildReport,
  confidenceFigures,
  cascadeReport,
  parseGates,
  checkGates,
  firstMissedGate,
  gateFailure
};
