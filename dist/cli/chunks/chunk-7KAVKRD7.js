import {
  DROP_REASONS,
  DROP_REASON_TEXT,
  convertExport,
  openIngestDb,
  translateLudwigFiles
} from "./chunk-26UZAA2T.js";
import {
  KolmError,
  formatPlace,
  isKolmError
} from "./chunk-HCB5U3V4.js";

// tui/base-command.ts
import { Command, Option, UsageError } from "clipanion";

// core/errors-format.ts
var ISSUES_URL = "https://github.com/kolm-dev/kolm-migrate/issues/new";
function formatError(err, { color = false } = {}) {
  const red = (s) => color ? `\x1B[31m${s}\x1B[39m` : s;
  const dim = (s) => color ? `\x1B[2m${s}\x1B[22m` : s;
  const report = `This is a bug in kolm-migrate; please report it with the lines above: ${ISSUES_URL}`;
  if (isKolmError(err)) {
    const lines = [`${red(`error[${err.code}]`)}: ${err.message}`];
    const place = formatPlace(err.place);
    if (place) lines.push(`  ${dim("at:")}   ${place}`);
    if (err.hint) lines.push(`  ${dim("hint:")} ${err.hint}`);
    if (err.code === "E_INTERNAL") lines.push(report);
    return lines.join("\n");
  }
  const e = err;
  return `${red("internal error")}: ${e?.message ?? String(err)}
${dim(e?.stack ?? "")}
${report}`;
}
function errorJson(err) {
  if (isKolmError(err)) return { ...err.toJSON(), code: err.code };
  return { code: "E_INTERNAL", message: String(err?.message ?? err) };
}

// tui/render/errors.ts
function exitCodeFor(err) {
  if (!isKolmError(err)) return 1;
  if (err.code === "E_USAGE") return 2;
  if (err.code === "E_GATE_FAILED") return 3;
  return 1;
}

// tui/render/progress.ts
function createCliReporter(stream, { quiet = false, now = () => Date.now() } = {}) {
  const tty = Boolean(stream.isTTY) && !quiet;
  let lastStage = "";
  let lastDecile = -1;
  let lastDraw = 0;
  let barShown = false;
  const clearBar = () => {
    if (barShown) {
      stream.write("\r\x1B[2K");
      barShown = false;
    }
  };
  return {
    progress(e) {
      if (quiet) return;
      const fraction = e.total ? Math.min(1, (e.done ?? 0) / e.total) : void 0;
      if (tty) {
        const t = now();
        if (t - lastDraw < 50 && e.stage === lastStage && fraction !== 1) return;
        lastDraw = t;
        lastStage = e.stage;
        const width = 24;
        const bar = fraction === void 0 ? "" : `[${"\u2588".repeat(Math.round(fraction * width)).padEnd(width, "\u2591")}] ${Math.round(fraction * 100)}% `;
        stream.write(`\r\x1B[2K${e.stage} ${bar}${e.message ?? ""}`.slice(0, (stream.columns || 100) - 1));
        barShown = true;
        return;
      }
      const decile = fraction === void 0 ? -1 : Math.floor(fraction * 10);
      if (e.stage !== lastStage || decile > lastDecile) {
        lastStage = e.stage;
        lastDecile = decile;
        const pct2 = fraction === void 0 ? "" : ` ${Math.round(fraction * 100)}%`;
        stream.write(`${e.stage}${pct2}${e.message ? ` ${e.message}` : ""}
`);
      }
    },
    info(m) {
      if (quiet) return;
      clearBar();
      stream.write(`${m}
`);
    },
    warn(m) {
      clearBar();
      stream.write(`warning: ${m}
`);
    }
  };
}

// tui/base-command.ts
var KolmCommand = class extends Command {
  json = Option.Boolean("--json", false, { description: "Print the result as JSON on stdout" });
  async execute() {
    try {
      return await this.run();
    } catch (err) {
      if (err instanceof UsageError) throw err;
      this.printError(err);
      return exitCodeFor(err);
    }
  }
  /** Progress on stderr: a bar on a TTY, plain lines otherwise, nothing under --json. */
  reporter() {
    return createCliReporter(this.context.stderr, { quiet: this.json });
  }
  out(text) {
    this.context.stdout.write(text.endsWith("\n") ? text : `${text}
`);
  }
  outJson(value) {
    this.context.stdout.write(`${JSON.stringify(value, null, 2)}
`);
  }
  printError(err) {
    if (this.json) {
      this.context.stdout.write(`${JSON.stringify({ ok: false, error: errorJson(err) }, null, 2)}
`);
    }
    this.context.stderr.write(`${formatError(err, { color: colorEnabled(this.context) })}
`);
  }
};
function colorEnabled(ctx) {
  if (ctx.env.NO_COLOR !== void 0 && ctx.env.NO_COLOR !== "") return false;
  if (ctx.env.FORCE_COLOR) return true;
  return Boolean(ctx.stderr.isTTY);
}
async function runCommandLine(cli, args, context) {
  let command;
  try {
    command = cli.process(args, context);
  } catch (err) {
    context.stderr.write(cli.error(err, { colored: colorEnabled(context) }));
    return 2;
  }
  return cli.run(command, context);
}

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
    `${r.system.name}: ${r.cases} cases (${r.kind}) \xB7 K ${r.K.toFixed(3)} [${r.K_ci95[0].toFixed(3)}, ${r.K_ci95[1].toFixed(3)}] \xB7 pass ${r.passed}/${r.cases} ${pct(r.pass_rate)} [${pct(r.pass_rate_ci95[0])}, ${pct(r.pass_rate_ci95[1])}]${r.errors ? ` \xB7 ${r.errors} errors` : ""}`
  ];
  if (r.latency_ms) {
    const l = r.latency_ms;
    out.push(`latency per case: p50 ${l.p50} ms \xB7 p95 ${l.p95} ms \xB7 p99 ${l.p99} ms${r.throughput_cases_per_s ? ` \xB7 batched ${r.throughput_cases_per_s.toLocaleString("en-US")} cases/s` : ""}`);
  }
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
  return out.join("\n");
}

// tui/commands/migrate/convert.ts
import { tmpdir } from "node:os";
import { existsSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { Command as Command2, Option as Option2 } from "clipanion";
var MigrateConvertCommand = class extends KolmCommand {
  static paths = [["migrate", "convert"]];
  static usage = Command2.Usage({
    category: "Migrate",
    description: "Convert a Predibase export (CSV, Parquet, JSON lines) into train/validation/test JSONL",
    details: `
      Reads the dataset files of an export (a folder such as \`predibase-export/\`, or files) and maps them to
      \`{"input": ..., "output": ...}\` lines the way the Ludwig config does: the columns the prompt template
      reads (or the input features' columns) form the input, a string for one column and an object keyed by
      column for several; the output feature's column is the output, kept as text.

      Splits: a Ludwig \`split\` column (0 train, 1 validation, 2 test), else file names (train.*,
      validation.*/val.*/eval.*/dev.*, test.*), else everything is train. \`preprocessing.sample_ratio\` and
      \`sample_size\` are applied here, seeded. Rows with a null or empty input or output are dropped and
      counted. The report lists rows per file, drops, duplicates, conflicting duplicates and lengths; it is
      also written as report.json. Nothing is written when the input is bad.
    `,
    examples: [
      ["Convert an export folder", "$0 migrate convert --export predibase-export/ --config predibase-export/config.yaml --out data/"],
      ["Convert files, print the report as JSON", "$0 migrate convert --export train.parquet --export test.parquet --config config.yaml --out data/ --json"]
    ]
  });
  exports = Option2.Array("--export", { required: true, description: "Export folder or data file (repeatable)" });
  config = Option2.String("--config", { description: "Ludwig config.yaml (default: config.yaml in the first export folder)" });
  output = Option2.String("--out", { required: true, description: "Folder for train.jsonl, validation.jsonl, test.jsonl and report.json" });
  async run() {
    const cwd = this.context.cwd;
    const exportPaths = this.exports.map((p) => resolve(cwd, p));
    const outDir = resolve(cwd, this.output);
    const reporter = this.reporter();
    const translated = await translateLudwigFiles({ config: this.configPath(exportPaths) });
    for (const w of translated.warnings) reporter.warn(w);
    const db = await openIngestDb({ tmpDir: tmpdir() });
    let report;
    try {
      report = await convertExport({ db, exportPaths, mapping: translated.mapping, outDir }, reporter);
    } finally {
      db.close();
    }
    if (this.json) this.outJson(report);
    else this.out(renderReport(report, (p) => relative(cwd, p) || "."));
    return 0;
  }
  configPath(exportPaths) {
    if (this.config) return resolve(this.context.cwd, this.config);
    const first = exportPaths[0];
    const folder = existsSync(first) && statSync(first).isDirectory() ? first : dirname(first);
    const guess = join(folder, "config.yaml");
    if (existsSync(guess)) return guess;
    throw new KolmError("E_USAGE", `no --config given and no config.yaml in ${folder}`, {
      hint: "pass the Ludwig config of the export: --config predibase-export/config.yaml"
    });
  }
};
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
  KolmCommand,
  runCommandLine,
  renderEvalReport,
  MigrateConvertCommand,
  renderReport
};
