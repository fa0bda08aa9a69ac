import {
  DROP_REASONS,
  DROP_REASON_TEXT
} from "./chunk-WTY55LNG.js";
import "./chunk-5PASBJYA.js";
import "./chunk-3BN23YBG.js";
import "./chunk-TNBATMMU.js";
import "./chunk-4NIWZNTF.js";
import "./chunk-WBWVS4MC.js";
import "./chunk-QMXGNTLL.js";
import "./chunk-AYSNEYKG.js";

// tui/render/convert-report.ts
import { join } from "node:path";
var num = (n) => n.toLocaleString("en-US");
var lengths = (l) => `length p50 ${l.p50} \xB7 p90 ${l.p90} \xB7 p99 ${l.p99} \xB7 max ${l.max}`;
function renderReport(r, show) {
  const t = r.totals;
  const kept = t.rowsOut.train + t.rowsOut.validation + t.rowsOut.test;
  const droppedOf = (d2) => Object.values(d2).reduce((a, b) => a + b, 0);
  const header = ["file", "format", "rows in", "sampled out", "dropped", "train", "validation", "test", "split by"];
  const rows = r.files.map((f) => [
    show(f.file),
    f.format,
    num(f.rowsIn),
    num(f.sampledOut),
    num(droppedOf(f.dropped)),
    num(f.rowsOut.train),
    num(f.rowsOut.validation),
    num(f.rowsOut.test),
    f.splitSource === "column" ? `column "${f.splitColumn}"` : f.splitSource
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => i === 0 || i === 1 || i === 8 ? c.padEnd(widths[i]) : c.padStart(widths[i])).join("  ").trimEnd();
  const out = [
    `${num(t.rowsIn)} rows in \u2192 ${num(kept)} out (train ${num(t.rowsOut.train)} \xB7 validation ${num(t.rowsOut.validation)} \xB7 test ${num(t.rowsOut.test)})`,
    "",
    line(header),
    ...rows.map(line),
    ""
  ];
  const drops = DROP_REASONS.filter((d2) => t.dropped[d2] > 0).map((d2) => `${num(t.dropped[d2])} ${DROP_REASON_TEXT[d2]}`);
  if (drops.length) out.push(`dropped: ${drops.join("; ")}`);
  if (r.sampling) out.push(`sampled: kept ${num(r.sampling.kept)} of ${num(t.rowsIn)} rows (seed ${r.sampling.seed})`);
  const nulls = r.input.nullCells ? Object.entries(r.input.nullCells).filter(([, c]) => c > 0) : [];
  out.push(
    `input:   ${r.input.columns.join(", ")} (${r.input.kind}); ${lengths(r.input.length)}` + (nulls.length ? `; null cells written as "": ${nulls.map(([c, k]) => `${c} ${num(k)}`).join(", ")}` : "")
  );
  const top = r.output.top ? `: ${r.output.top.map((o) => `${o.value} ${num(o.count)}`).join(", ")}` : "";
  out.push(`output:  ${r.output.column}; ${lengths(r.output.length)}; ${num(r.output.distinct)} distinct${r.output.labelLike ? " (looks like a label task)" : ""}${top}`);
  const d = r.duplicates;
  out.push(
    `duplicates: ${num(d.exact)} exact \xB7 ${num(d.conflictingInputs)} inputs with different outputs (${num(d.conflictingRows)} rows) \xB7 ${num(d.inputsInSeveralSplits)} inputs in more than one split`
  );
  for (const ex of d.examples) out.push(`  conflict: ${JSON.stringify(ex.input)} \u2192 ${ex.outputs.map((o) => JSON.stringify(o)).join(" | ")}`);
  out.push(`wrote ${[...r.outputs.map((o) => `${show(join(r.outDir, o.file))} (${num(o.rows)} rows)`), show(join(r.outDir, "report.json"))].join(", ")}`);
  return out.join("\n");
}
export {
  renderReport
};
