import {
  evaluatePredictor,
  timeSingleCalls
} from "./chunk-VXLLJYN6.js";
import {
  checkGates,
  confidenceFigures,
  firstMissedGate,
  latencyStats,
  scoreCases
} from "./chunk-KQIU45A5.js";
import {
  candidates,
  loadRecipe,
  seededRandom,
  shuffled
} from "./chunk-634HSXJB.js";
import {
  countOutputs,
  createScorer,
  labelSet,
  outputKindFor
} from "./chunk-TNBATMMU.js";
import {
  silentReporter
} from "./chunk-4NIWZNTF.js";
import {
  writeArtifact
} from "./chunk-KACU67E6.js";
import {
  VERSION
} from "./chunk-NAXT4SUI.js";
import {
  KolmError
} from "./chunk-AYSNEYKG.js";

// core/compile/compile.ts
import { performance } from "node:perf_hooks";

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
async function scoreOn(predictor, examples, scorer) {
  return metricsOfReport(await evaluateOn(predictor, examples, scorer, void 0, silentReporter));
}
function metricsOfReport(r) {
  return {
    K: r.K,
    K_low: r.K_ci95[0],
    K_high: r.K_ci95[1],
    pass_rate: r.pass_rate,
    n: r.cases,
    p50_ms: r.latency_ms?.p50 ?? 0,
    p99_ms: r.latency_ms?.p99 ?? 0,
    ...r.calibration ? { ece: r.calibration.ece } : {},
    ...r.coverage ? { coverage: r.coverage } : {}
  };
}
function confidenceOf(cases) {
  const figures = confidenceFigures(cases);
  return figures ? { ece: figures.calibration.ece, coverage: figures.coverage } : {};
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
function majorityOutput(examples) {
  const present = examples.map((e) => e.output).filter((o) => o !== null && o !== void 0);
  let best;
  for (const c of countOutputs(present)) if (!best || c.count > best.count) best = c;
  return best?.value;
}
function majorityBaseline(train, folds, scorer) {
  const outcomes = [];
  for (const fold of folds) {
    const answer = majorityOutput(fold.train);
    for (const e of fold.validation) outcomes.push({ input: e.input, reference: e.output, prediction: answer });
  }
  const s = scoreCases(outcomes, scorer).summary;
  return { output: majorityOutput(train), K: s.K, K_low: s.K_ci95[0], K_high: s.K_ci95[1], pass_rate: s.pass_rate, n: s.n };
}
function beatsBaseline(m, baseline) {
  return m.K_low > baseline.K;
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
  const baseline = majorityBaseline(train, folds, scorer);
  const ctx = (prefix) => ({
    kind,
    quantization: spec.quantization ?? "int8",
    seed,
    reporter,
    prefix,
    classifierRuntime: "ts"
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
      const started = performance.now();
      const outcomes = [];
      let latency = { p50: 0, p95: 0, p99: 0 };
      for (const fold of folds) {
        const fitted2 = await candidate.fit(fold.train, ctx("recipe/"));
        const predictions = await fitted2.predictor.predictBatch(fold.validation.map((e) => e.input));
        predictions.forEach(
          (p, i) => outcomes.push({ input: fold.validation[i].input, reference: fold.validation[i].output, prediction: p.output, ...p.confidence !== void 0 ? { confidence: p.confidence } : {} })
        );
        if (fold === folds[folds.length - 1]) latency = await measureLatency(fitted2.predictor, fold.validation);
        await fitted2.predictor.close?.();
      }
      const scored = scoreCases(outcomes, scorer);
      const m = { ...metricsOf(scored.summary, latency), ...confidenceOf(scored.cases) };
      const gate = firstMissedGate(checkGates({ K: m.K, pass_rate: m.pass_rate, latency_ms: latency }, spec.gates));
      const below = !gate && !beatsBaseline(m, baseline) ? `K_low ${m.K_low.toFixed(3)} \u2264 majority baseline K ${baseline.K.toFixed(3)}` : void 0;
      table.push({
        type: candidate.type,
        status: gate ? "below gate" : below ? "below baseline" : "passed",
        ...gate || below ? { reason: gate ?? below } : {},
        K: m.K,
        pass_rate: m.pass_rate,
        n: m.n,
        p50_ms: m.p50_ms,
        p99_ms: m.p99_ms,
        metrics: m,
        fit_seconds: (performance.now() - started) / 1e3 / folds.length
      });
    } catch (err) {
      if (!(err instanceof KolmError)) throw err;
      table.push({ type: candidate.type, status: "failed", reason: err.message });
    }
    reporter.progress({ stage, done: ++step, total, message: `${candidate.type} scored` });
  }
  let best;
  for (const row of table) if (row.status === "passed" && (!best || row.K > best.K)) best = row;
  if (!best) throw noCandidateError(table, baseline, spec, kind, train.length);
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
  let predictor = fitted.predictor;
  if (input.classifierRuntime && input.classifierRuntime !== "ts") {
    await predictor.close?.();
    predictor = await loadRecipe(fitted.saved.type, fitted.saved.config, fitted.saved.files, { classifierRuntime: input.classifierRuntime });
  }
  return {
    kind,
    winner: best.type,
    saved: fitted.saved,
    predictor,
    table,
    baseline,
    validation,
    ...evalReport ? { eval: metricsOfReport(evalReport), evalReport } : {},
    folds: folds.length
  };
}
function noCandidateError(table, baseline, spec, kind, rows) {
  const hints = [];
  if (spec.base) {
    hints.push(`the adapter route on the spec's base model (${spec.base}) can learn what no recipe does: kolm compile --spec spec.json --adapter predibase-adapter/ --base-gguf base.gguf --out my.kolm`);
  } else {
    hints.push('add a "base" model to the spec for the adapter route (a LoRA fine-tune) when the task needs a real LLM');
  }
  if (rows < 2e3) hints.push(`add more training data (${rows} rows now)`);
  const scored = table.filter((r) => r.K !== void 0);
  if (spec.gates?.K_min !== void 0 && scored.some((r) => r.status === "below gate")) {
    const top = Math.max(...scored.map((r) => r.K));
    hints.push(`or lower gates.K_min (${spec.gates.K_min}) to at most ${top.toFixed(3)}, the best a recipe reached`);
  }
  const why = table.some((r) => r.status === "below baseline") ? `no recipe beats answering the most common output by a clear margin for this ${kind} task` : `no recipe passes the gates for this ${kind} task`;
  return new KolmError("E_NO_CANDIDATE", `${why}:
${formatCandidateTable(table, baseline)}`, {
    hint: hints.join("; "),
    details: { table, baseline }
  });
}
function formatCandidateTable(table, baseline) {
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
  if (baseline) {
    const answer = typeof baseline.output === "string" ? baseline.output : JSON.stringify(baseline.output ?? null);
    const shown = answer.length > 40 ? `${answer.slice(0, 37)}...` : answer;
    rows.push(["majority", baseline.K.toFixed(3), `${(baseline.pass_rate * 100).toFixed(1)}%`, "-", `baseline: always answers ${JSON.stringify(shown)}`]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => c === r.length - 1 ? cell : cell.padEnd(widths[c])).join("  ")).join("\n");
}

// core/compile/artifact.ts
var RECIPE_CONFIG_ENTRY = "recipe/config.json";
var round = (x, digits = 6) => Number(x.toFixed(digits));
function manifestMetrics(m, recordLatency) {
  return {
    K: round(m.K),
    pass_rate: round(m.pass_rate),
    n: m.n,
    ...recordLatency ? { p50_ms: round(m.p50_ms, 4) } : {},
    ...m.ece !== void 0 ? { ece: round(m.ece, 4) } : {},
    ...m.coverage ? { coverage: m.coverage.map((p) => ({ threshold: round(p.threshold), answered: p.answered, K: p.K })) } : {}
  };
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
    ...meta.origin ? { origin: meta.origin } : {},
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

export {
  carveFolds,
  measureLatency,
  scoreOn,
  compileRecipe,
  formatCandidateTable,
  RECIPE_CONFIG_ENTRY,
  recipeManifest,
  recipeArtifactBytes,
  createdFromInputs
};
