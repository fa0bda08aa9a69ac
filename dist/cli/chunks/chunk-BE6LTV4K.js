import {
  readExamples
} from "./chunk-KIDQGF2E.js";
import {
  evaluatePredictor
} from "./chunk-VXLLJYN6.js";
import {
  EVAL_REPORT_VERSION,
  buildReport,
  checkGates
} from "./chunk-KQIU45A5.js";
import {
  promptRenderer,
  remoteParameters,
  resolveEndpoint,
  runRemote
} from "./chunk-P6XBHVKH.js";
import {
  abstaining,
  loadArtifact
} from "./chunk-4K3U4TX7.js";
import {
  Z_95,
  createScorer,
  labelSet
} from "./chunk-TNBATMMU.js";
import {
  printable
} from "./chunk-BLKCQOPR.js";
import {
  readUserText
} from "./chunk-LIGPPG57.js";
import {
  KolmError
} from "./chunk-AYSNEYKG.js";

// core/eval/read.ts
var HINT = "give an eval.json an earlier run wrote (`kolm eval ... --out report.json`, or the Action's OUT/eval.json)";
async function readEvalReport(path, shown = path) {
  const text = await readUserText(path, { shown, hint: HINT, missing: `cannot read eval report ${shown}: it does not exist` });
  let value;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new KolmError("E_BAD_INPUT", `${shown} is not a kolm eval report (version ${EVAL_REPORT_VERSION}): ${err.message}`, { hint: HINT, place: { file: shown } });
  }
  const r = value;
  if (r?.version !== EVAL_REPORT_VERSION || typeof r.K !== "number" || !Array.isArray(r.results)) {
    throw new KolmError("E_BAD_INPUT", `${shown} is not a kolm eval report (version ${EVAL_REPORT_VERSION})`, { hint: HINT, place: { file: shown } });
  }
  return r;
}

// core/eval/compare.ts
var SHOWN = 5;
function pairedDelta(a, b) {
  const n = Math.min(a.results.length, b.results.length);
  const paired = a.results.length === b.results.length && a.results.every((r, i) => JSON.stringify(r.reference) === JSON.stringify(b.results[i].reference));
  if (!paired || n < 2) {
    const d2 = a.K - b.K;
    return { mean: d2, ci: [d2, d2], paired: false };
  }
  let sum = 0;
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    d[i] = a.results[i].s - b.results[i].s;
    sum += d[i];
  }
  const mean = sum / n;
  let sq = 0;
  for (const x of d) sq += (x - mean) * (x - mean);
  const half = Z_95 * Math.sqrt(sq / (n - 1) / n);
  return { mean, ci: [mean - half, mean + half], paired: true };
}
function compareReports(a, b, gates = a.gates ?? []) {
  const { mean, ci, paired } = pairedDelta(a, b);
  const verdict = !paired ? Math.abs(mean) < 0.01 ? "on par" : mean > 0 ? "better" : "worse" : ci[0] > 0 ? "better" : ci[1] < 0 ? "worse" : "on par";
  const sign = (x) => x >= 0 ? `+${x.toFixed(3)}` : `\u2212${Math.abs(x).toFixed(3)}`;
  const an = a.system.name;
  const bn = b.system.name;
  const verdict_line = verdict === "on par" ? `${an} is on par with ${bn}: K ${a.K.toFixed(3)} vs ${b.K.toFixed(3)} (${sign(mean)}${paired ? `, 95 % CI ${sign(ci[0])} to ${sign(ci[1])}` : ""})` : `${an} is ${verdict === "better" ? "better than" : "worse than"} ${bn}: K ${a.K.toFixed(3)} vs ${b.K.toFixed(3)} (${sign(mean)}${paired ? `, 95 % CI ${sign(ci[0])} to ${sign(ci[1])}` : ""})`;
  const row = (metric, x, y, unit, higherIsBetter) => ({
    metric,
    a: x ?? null,
    b: y ?? null,
    delta: x !== null && x !== void 0 && y !== null && y !== void 0 ? x - y : null,
    unit,
    higherIsBetter
  });
  const rows = [
    row("K", a.K, b.K, "score", true),
    row("pass rate", a.pass_rate, b.pass_rate, "rate", true),
    row("p50 latency", a.latency_ms?.p50, b.latency_ms?.p50, "ms", false),
    row("p95 latency", a.latency_ms?.p95, b.latency_ms?.p95, "ms", false),
    row("cases", a.cases, b.cases, "count", true),
    row("errors", a.errors, b.errors, "count", false)
  ];
  const all = [];
  if (paired) {
    a.results.forEach((ra, i) => {
      const rb = b.results[i];
      if (ra.pass === rb.pass) return;
      all.push({ index: i, input: ra.input, reference: ra.reference, a: ra.prediction, b: rb.prediction, a_s: ra.s, b_s: rb.s });
    });
  }
  all.sort((x, y) => x.a_s - x.b_s - (y.a_s - y.b_s) || x.index - y.index);
  return {
    version: 1,
    a: { name: an, K: a.K, cases: a.cases },
    b: { name: bn, K: b.K, cases: b.cases },
    K_delta: mean,
    K_delta_ci95: ci,
    verdict,
    verdict_line,
    paired,
    rows,
    disagreements: { total: all.length, shown: all.slice(0, SHOWN) },
    gates
  };
}
function fmt(v, unit) {
  if (v === null) return "\u2013";
  if (unit === "score") return v.toFixed(3);
  if (unit === "rate") return `${(v * 100).toFixed(1)} %`;
  if (unit === "ms") return v < 1 ? `${v.toFixed(3)} ms` : `${v.toFixed(1)} ms`;
  return String(v);
}
function fmtDelta(r) {
  if (r.delta === null || r.unit === "count") return r.delta === null || r.delta === 0 ? "" : `${r.delta > 0 ? "+" : "\u2212"}${Math.abs(r.delta)}`;
  const d = r.delta;
  const abs = Math.abs(d);
  const body = r.unit === "score" ? abs.toFixed(3) : r.unit === "rate" ? `${(abs * 100).toFixed(1)} pt` : abs < 1 ? `${abs.toFixed(3)} ms` : `${abs.toFixed(1)} ms`;
  return `${d >= 0 ? "+" : "\u2212"}${body}`;
}
var clip = (v, n = 80) => {
  const s = v === void 0 ? "(no answer)" : typeof v === "string" ? v : JSON.stringify(v);
  const one = printable(s.replace(/\s+/g, " "), { newlines: false });
  return one.length > n ? `${one.slice(0, n - 1)}\u2026` : one;
};
var mdCell = (s) => s.replace(/\|/g, "\\|").replace(/</g, "&lt;");
function renderComparisonMarkdown(c) {
  const icon = c.verdict === "worse" ? "\u26A0\uFE0F" : "\u2705";
  const lines = [`### ${icon} ${c.verdict_line}`, "", `| | ${c.a.name} | ${c.b.name} | \u0394 |`, "|---|---:|---:|---:|"];
  for (const r of c.rows) lines.push(`| ${r.metric} | ${fmt(r.a, r.unit)} | ${fmt(r.b, r.unit)} | ${fmtDelta(r)} |`);
  if (c.gates.length) {
    lines.push("", `| gate | limit | ${c.a.name} | |`, "|---|---:|---:|---|");
    for (const g of c.gates) lines.push(`| ${g.gate} | ${g.limit} | ${g.value === null ? "\u2013" : Number(g.value.toFixed(4))} | ${g.pass ? "\u2705 pass" : `\u274C ${mdCell(g.detail)}`} |`);
  }
  if (c.disagreements.total) {
    lines.push(
      "",
      `<details><summary>Cases where they disagree (${c.disagreements.shown.length} of ${c.disagreements.total})</summary>`,
      "",
      `| # | input | gold | ${c.a.name} | ${c.b.name} |`,
      "|---:|---|---|---|---|"
    );
    for (const d of c.disagreements.shown) {
      lines.push(`| ${d.index + 1} | ${mdCell(clip(d.input))} | ${mdCell(clip(d.reference, 40))} | ${mdCell(clip(d.a, 40))} ${d.a_s >= 1 ? "\u2705" : "\u274C"} | ${mdCell(clip(d.b, 40))} ${d.b_s >= 1 ? "\u2705" : "\u274C"} |`);
    }
    lines.push("", "</details>");
  }
  return printable(`${lines.join("\n")}
`);
}
function renderComparisonText(c) {
  const table = [["", c.a.name, c.b.name, "\u0394"], ...c.rows.map((r) => [r.metric, fmt(r.a, r.unit), fmt(r.b, r.unit), fmtDelta(r)])];
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
  const out = [c.verdict_line, "", ...table.map((r) => r.map((cell2, i) => i === 0 ? cell2.padEnd(widths[i]) : cell2.padStart(widths[i])).join("  "))];
  for (const g of c.gates) out.push(`gate ${g.gate}: ${g.pass ? "pass" : "FAIL"} (${g.detail})`);
  if (c.disagreements.total) {
    out.push("", `disagreements: ${c.disagreements.total} (showing ${c.disagreements.shown.length})`);
    for (const d of c.disagreements.shown) out.push(`  #${d.index + 1} ${clip(d.input, 60)}
     gold ${clip(d.reference, 40)} \xB7 ${c.a.name} ${clip(d.a, 40)} \xB7 ${c.b.name} ${clip(d.b, 40)}`);
  }
  return printable(out.join("\n"));
}

// core/eval/ab.ts
async function evaluateArtifact(input) {
  const kind = input.outputKind;
  const scorer = createScorer(kind, { labels: kind === "label" ? labelSet(input.examples.map((e) => e.output)) : void 0 });
  const kolm = await evaluatePredictor(input.predictor, input.examples, scorer, { system: { name: "kolm", artifact: input.artifact }, reporter: input.reporter });
  kolm.gates = checkGates(kolm, input.gates ?? input.spec.gates);
  await input.onLocalReport?.(kolm);
  const result = { kolm };
  if (input.remote) {
    result.remote = await evaluateRemote(input.spec, input.examples, scorer, input.remote, input.reporter);
    result.comparison = compareReports(kolm, result.remote);
  }
  if (input.baseline) {
    const named = { ...input.baseline.report, system: { ...input.baseline.report.system, name: input.baseline.name } };
    result.baseline = compareReports(kolm, named);
  }
  return result;
}
async function evaluateRemote(spec, examples, scorer, target, reporter) {
  const endpoint = resolveEndpoint(target.url);
  if (endpoint.kind === "predibase" && !target.token) {
    throw new KolmError("E_USAGE", "a Predibase endpoint needs a token", { hint: "set PREDIBASE_API_TOKEN (or pass --token; in the Action: predibase-token)" });
  }
  const render = promptRenderer(spec);
  const overrides = {
    ...target.adapterId ? { adapter_id: target.adapterId } : {},
    ...target.maxNewTokens !== void 0 ? { max_new_tokens: target.maxNewTokens } : {},
    ...target.temperature !== void 0 ? { temperature: target.temperature } : {}
  };
  const results = await runRemote({
    endpoint,
    cases: examples.map((e, i) => ({ id: String(i + 1), prompt: render(e.input) })),
    parameters: remoteParameters(spec, overrides),
    token: target.token,
    concurrency: target.concurrency,
    timeoutMs: target.timeoutMs,
    retries: target.retries,
    ...target.deadlineMs !== void 0 ? { deadlineMs: target.deadlineMs } : {},
    cachePath: target.cachePath,
    reporter,
    ...target.fetch ? { fetch: target.fetch } : {}
  });
  const byId = new Map(results.map((r) => [r.id, r]));
  return buildReport(
    { name: endpoint.kind === "predibase" ? "Predibase" : "LoRAX", endpoint: endpoint.display, ...target.adapterId ? { adapter_id: target.adapterId } : {} },
    examples.map((e, i) => {
      const r = byId.get(String(i + 1));
      return { input: e.input, reference: e.output, prediction: r.output, latency_ms: r.latency_ms, ...r.error ? { error: `${r.error.status ?? ""} ${r.error.message}`.trim() } : {} };
    }),
    scorer
  );
}
var pct = (x) => `${(x * 100).toFixed(1)} %`;
var ms = (x) => x === void 0 ? "\u2013" : x < 1 ? `${x.toFixed(3)} ms` : `${x.toFixed(1)} ms`;
var cell = (s) => s.replace(/\|/g, "\\|").replace(/</g, "&lt;");
function renderReportMarkdown(r, gates = r.gates ?? []) {
  const missed = gates.filter((g) => !g.pass);
  const head = missed.length ? `### \u274C ${r.system.name} missed ${missed.length} gate${missed.length > 1 ? "s" : ""}: K ${r.K.toFixed(3)}` : `### \u2705 ${r.system.name}: K ${r.K.toFixed(3)}`;
  const lines = [
    head,
    "",
    `| | ${r.system.name} |`,
    "|---|---:|",
    `| K (95 % CI) | ${r.K.toFixed(3)} (${r.K_ci95[0].toFixed(3)}\u2013${r.K_ci95[1].toFixed(3)}) |`,
    `| pass rate | ${pct(r.pass_rate)} |`,
    `| p50 latency | ${ms(r.latency_ms?.p50)} |`,
    `| p95 latency | ${ms(r.latency_ms?.p95)} |`,
    `| cases | ${r.cases} |`,
    `| errors | ${r.errors} |`
  ];
  const c = r.cascade;
  if (c) {
    lines.push(
      `| answered locally | ${pct(c.local_share)} (${c.local} of ${r.cases}; K ${c.K_local?.toFixed(3) ?? "\u2013"}, p50 ${ms(c.latency_ms.local?.p50)}) |`,
      `| sent to the fallback | ${c.fallback} (K ${c.K_fallback?.toFixed(3) ?? "\u2013"}, p50 ${ms(c.latency_ms.fallback?.p50)}) |`,
      `| GPU requests saved | ${c.requests_saved}${c.fallback_ms_saved === null ? "" : ` (\u2248 ${ms(c.fallback_ms_saved)} of fallback time)`} |`
    );
  }
  if (gates.length) {
    lines.push("", "| gate | limit | value | |", "|---|---:|---:|---|");
    for (const g of gates) lines.push(`| ${g.gate} | ${g.limit} | ${g.value === null ? "\u2013" : Number(g.value.toFixed(4))} | ${g.pass ? "\u2705 pass" : `\u274C ${cell(g.detail)}`} |`);
  }
  return printable(`${lines.join("\n")}
`);
}
function renderEvalMarkdown(result) {
  const parts = [];
  if (result.comparison) parts.push(renderComparisonMarkdown(result.comparison));
  if (result.baseline) parts.push(renderComparisonMarkdown({ ...result.baseline, gates: result.comparison ? [] : result.baseline.gates }));
  if (parts.length === 0) parts.push(renderReportMarkdown(result.kolm));
  return parts.join("\n");
}

// core/eval/file.ts
async function evaluateArtifactFile(input) {
  const { artifactPath, shown, load, examplesPath, abstain, ...rest } = input;
  const loaded = await loadArtifact(artifactPath, { ...load, ...shown ? { name: shown } : {} });
  const { contents } = loaded;
  const predictor = abstain ? abstaining(loaded.predictor, abstain) : loaded.predictor;
  try {
    const { manifest } = contents;
    const cases = await readExamples(examplesPath, manifest.spec.shape);
    const result = await evaluateArtifact({
      ...rest,
      spec: manifest.spec,
      outputKind: manifest.output_kind,
      predictor,
      artifact: shown ?? artifactPath,
      examples: cases.examples
    });
    return { ...result, manifest, examplesFile: cases.file };
  } finally {
    await predictor.close?.();
  }
}

export {
  readEvalReport,
  compareReports,
  renderComparisonMarkdown,
  renderComparisonText,
  evaluateArtifact,
  evaluateRemote,
  renderReportMarkdown,
  renderEvalMarkdown,
  evaluateArtifactFile
};
