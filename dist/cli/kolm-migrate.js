import {
  KolmCommand,
  runCommandLine,
  value
} from "./chunks/chunk-3BNMR3I5.js";
import {
  formatBytes
} from "./chunks/chunk-7B5IITYI.js";
import {
  VERSION
} from "./chunks/chunk-NAXT4SUI.js";
import "./chunks/chunk-BLKCQOPR.js";
import {
  KolmError
} from "./chunks/chunk-AYSNEYKG.js";

// tui/wizard/cli.ts
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { Cli, Command, Option } from "clipanion";
var MigrateWizardCommand = class extends KolmCommand {
  static paths = [Command.Default];
  static usage = Command.Usage({
    description: "Migrate a Predibase export to a .kolm artifact you own",
    details: `
      Finds the export (a \`predibase-export/\` folder with the data files and the Ludwig config.yaml, and a
      \`predibase-adapter/\` folder beside it when there is one), translates the config to spec.json and
      converts the data to train/validation/test JSONL in the --out folder, compiles the best recipe into
      <name>.kolm there and scores it on the export's validation (or test) split (eval.json).

      Without --yes, on a terminal, a wizard walks through the same steps and asks: which export, the column
      mapping when the data lacks a column, the name and gates of the spec, what to do when no recipe passes,
      an optional A/B against the Predibase endpoint, and whether to write a GitHub workflow. Esc goes back one
      step; Ctrl-C leaves (every file is written atomically). NO_COLOR turns colours off.
    `,
    examples: [
      ["Walk through the migration in the terminal", "$0"],
      ["Migrate the export found in the current folder into kolm-out/<name>/", "$0 --yes"],
      ["Migrate a given export into migrated/", "$0 --yes --export predibase-export/ --out migrated/"]
    ]
  });
  yes = Option.Boolean("--yes,-y", false, { description: "Run every step with its defaults, without asking" });
  exportPath = value("dir", Option.String("--export", { description: "The export folder (default: search the current folder)" }));
  output = value("dir", Option.String("--out", { description: "Where to write (default: kolm-out/<name>)" }));
  name = value("name", Option.String("--name", { description: "Artifact name (default: the export folder name)" }));
  async run() {
    const cwd = this.context.cwd;
    if (!this.yes) return this.interactive();
    const [{ specNameFromConfigPath }, { buildArtifact, getExport, migrateExport }, { formatCandidateTable }, { renderEvalReport }, { renderReport }, { onInterrupt }] = await Promise.all([
      import("./chunks/ludwig-2PVYWFTI.js"),
      import("./chunks/migrate-VWBKYOXP.js"),
      import("./chunks/compile-2CYL5OOU.js"),
      import("./chunks/eval-LXH5M5S6.js"),
      import("./chunks/convert-report-LVMOGXY5.js"),
      import("./chunks/cleanup-JWLIN4KO.js")
    ]);
    const found = getExport(resolve(cwd, this.exportPath ?? "."));
    const outDir = resolve(cwd, this.output ?? join("kolm-out", this.name ?? specNameFromConfigPath(found.config) ?? "migration"));
    const reporter = this.reporter();
    const stopCleanup = onInterrupt(process);
    let result;
    let built;
    try {
      result = await migrateExport({ found, outDir, name: this.name, tmpDir: tmpdir() }, reporter);
      built = await buildArtifact(result, reporter);
    } finally {
      stopCleanup();
    }
    if (this.json) {
      const { snakeKeys } = await import("./chunks/json-A5WD4XJA.js");
      this.outJson(snakeKeys({ ok: true, ...result, build: { ...built, evaluation: built.evaluation && { file: built.evaluation.file, reportPath: built.evaluation.reportPath, K: built.evaluation.report.K, pass_rate: built.evaluation.report.pass_rate } } }));
      return 0;
    }
    const show = (p) => relative(cwd, p) || ".";
    this.out(renderReport(result.report, show));
    this.out(`wrote ${show(result.specPath)} (task: ${result.spec.task})
`);
    this.out(formatCandidateTable(built.outcome.table));
    this.out(`
wrote ${show(built.artifactPath)} (${formatBytes(built.bytes)}, ${built.outcome.winner} recipe)`);
    if (built.evaluation) this.out(`
${renderEvalReport(built.evaluation.report)}`);
    const cases = built.evaluation ? show(built.evaluation.file) : "cases.jsonl";
    this.out(`
next: kolm run ${show(built.artifactPath)} < ${cases}  \xB7  kolm inspect ${show(built.artifactPath)}`);
    return 0;
  }
  async interactive() {
    const { stdin, stdout, stderr, env, cwd } = this.context;
    const tty = (s) => Boolean(s.isTTY);
    if (this.json) throw new KolmError("E_USAGE", "--json is for scripts: it needs --yes", { hint: "run kolm-migrate --yes --json [--export DIR]" });
    if (!tty(stdin) || !tty(stdout)) {
      throw new KolmError("E_USAGE", "kolm-migrate asks questions, but stdin/stdout is not a terminal", {
        hint: "run with --yes to take every default without asking: kolm-migrate --yes [--export DIR] [--json]"
      });
    }
    delete process.env.CI;
    delete process.env.CONTINUOUS_INTEGRATION;
    const { runInkWizard } = await import("./chunks/render-KISFWBVV.js");
    return runInkWizard({
      stdin,
      stdout,
      stderr,
      env,
      cwd,
      ...this.exportPath ? { exportPath: this.exportPath } : {},
      ...this.output ? { outDir: resolve(cwd, this.output) } : {},
      ...this.name ? { name: this.name } : {}
    });
  }
};
var WIZARD_INFO = { binaryName: "kolm-migrate", label: "kolm-migrate: move a Predibase fine-tune onto a signed artifact you own", version: VERSION };
async function runWizardCli(args, ctx = {}) {
  const cli = new Cli({ binaryLabel: WIZARD_INFO.label, binaryName: WIZARD_INFO.binaryName, binaryVersion: VERSION, enableColors: false });
  cli.register(MigrateWizardCommand);
  const context = {
    stdin: ctx.stdin ?? process.stdin,
    stdout: ctx.stdout ?? process.stdout,
    stderr: ctx.stderr ?? process.stderr,
    env: ctx.env ?? process.env,
    cwd: ctx.cwd ?? process.cwd(),
    colorDepth: 1
  };
  return runCommandLine(cli, args, context, { info: WIZARD_INFO, commands: [MigrateWizardCommand] });
}

// tui/wizard/cli-main.ts
process.exitCode = await runWizardCli(process.argv.slice(2));
