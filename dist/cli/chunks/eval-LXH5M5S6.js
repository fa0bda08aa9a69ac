import {
  formatConfidence
} from "./chunk-TZ2GOD5U.js";
import {
  formatCount,
  formatMs
} from "./chunk-7B5IITYI.js";
import {
  printable
} from "./chunk-BLKCQOPR.js";

// tui/render/eval.ts
var pct = (x) => `${(x * 100).toFixed(1)}%`;
var clip = (v, n) => {
  const s = (v === void 0 ? "(no answer)" : typeof v === "string" ? v : JSON.stringify(v)).replace(/\s+/g, " ");
  return s.length > n ? `${s.slice(0, n - 1)}\u2026` : s;
};
function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])).join("  ").trimEnd());
}
function renderEvalReport(r) {
  const out = [
    `${r.system.name}: ${formatCount(r.cases)} cases (${r.kind}) \xB7 K ${r.K.toFixed(3)} [${r.K_ci95[0].toFixed(3)}, ${r.K_ci95[1].toFixed(3)}] \xB7 pass ${formatCount(r.passed)}/${formatCount(r.cases)} ${pct(r.pass_rate)} [${pct(r.pass_rate_ci95[0])}, ${pct(r.pass_rate_ci95[1])}]${r.errors ? ` \xB7 ${r.errors} errors` : ""}`
  ];
  if (r.latency_ms) {
    const l = r.latency_ms;
    out.push(`latency per case: p50 ${formatMs(l.p50)} \xB7 p95 ${formatMs(l.p95)} \xB7 p99 ${formatMs(l.p99)}${r.throughput_cases_per_s ? ` \xB7 batched ${formatCount(Math.round(r.throughput_cases_per_s))} cases/s` : ""}`);
  }
  const confidence = formatConfidence(r.calibration?.ece, r.coverage);
  if (confidence) out.push(confidence);
  if (r.cascade) out.push(...cascadeLines(r.cascade));
  if (r.labels?.length) {
    out.push("", ...table([["label", "support", "precision", "recall", "f1"], ...r.labels.map((l) => [l.label, String(l.support), l.precision.toFixed(3), l.recall.toFixed(3), l.f1.toFixed(3)])]));
    if (r.confusions?.length) out.push("", `costliest confusions: ${r.confusions.slice(0, 5).map((c) => `${c.reference}\u2192${c.prediction} \xD7${c.count}`).join(", ")}`);
  }
  if (r.fields?.length) {
    out.push("", ...table([["field", "support", "precision", "recall", "f1"], ...r.fields.map((f) => [f.field, String(f.support), f.precision.toFixed(3), f.recall.toFixed(3), f.f1.toFixed(3)])]));
  }
  if (r.worst.length) {
    out.push("", `worst ${r.worst.length} cases:`);
    for (const w of r.worst) out.push(`  #${w.index + 1} s=${w.s.toFixed(2)} ${clip(w.input, 60)}
      gold ${clip(w.reference, 50)} \xB7 got ${clip(w.prediction, 50)}`);
  }
  for (const g of r.gates ?? []) out.push(`gate ${g.gate}: ${g.pass ? "pass" : "FAIL"} (${g.detail})`);
  return printable(out.join("\n"));
}
function cascadeLines(c) {
  const k = (x) => x === null ? "\u2013" : x.toFixed(3);
  const lat = (l) => l ? ` \xB7 p50 ${formatMs(l.p50)} p95 ${formatMs(l.p95)}` : "";
  return [
    `cascade: local ${formatCount(c.local)} (${pct(c.local_share)}) K ${k(c.K_local)}${lat(c.latency_ms.local)} | fallback ${formatCount(c.fallback)} K ${k(c.K_fallback)}${lat(c.latency_ms.fallback)}`,
    `         ${formatCount(c.requests_saved)} requests not sent to the fallback${c.fallback_ms_saved === null ? "" : ` (${formatMs(c.fallback_ms_saved)} of its time)`}${c.low_confidence ? ` \xB7 ${c.low_confidence} answered locally after a fallback error` : ""}`
  ];
}
export {
  renderEvalReport
};
