// `kolm-migrate`: the guided migration. On a terminal it starts the Ink wizard (loaded lazily, so `--yes`
// never loads Ink or React); `--yes` runs the same steps with their defaults, for scripts and CI. Without
// `--yes` and without a terminal it fails at once with a hint instead of waiting for a key.
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { Cli, Command, Option } from 'clipanion';
import { KolmError } from '../../core/errors.ts';
import { KolmCommand, runCommandLine, type KolmContext } from '../base-command.ts';
import { value } from '../options.ts';
import { formatBytes } from '../render/units.ts';
import { VERSION } from '../../core/version.ts';

export class MigrateWizardCommand extends KolmCommand {
  static override paths = [Command.Default];
  static override usage = Command.Usage({
    description: 'Migrate a Predibase export to a .kolm artifact you own',
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
      ['Walk through the migration in the terminal', '$0'],
      ['Migrate the export found in the current folder into kolm-out/<name>/', '$0 --yes'],
      ['Migrate a given export into migrated/', '$0 --yes --export predibase-export/ --out migrated/'],
    ],
  });

  yes = Option.Boolean('--yes,-y', false, { description: 'Run every step with its defaults, without asking' });
  exportPath = value('dir', Option.String('--export', { description: 'The export folder (default: search the current folder)' }));
  output = value('dir', Option.String('--out', { description: 'Where to write (default: kolm-out/<name>)' }));
  name = value('name', Option.String('--name', { description: 'Artifact name (default: the export folder name)' }));

  async run(): Promise<number> {
    const cwd = this.context.cwd;
    if (!this.yes) return this.interactive();
    const [{ specNameFromConfigPath }, { buildArtifact, getExport, migrateExport }, { formatCandidateTable }, { renderEvalReport }, { renderReport }, { onInterrupt }] = await Promise.all([
      import('../../core/ludwig/index.ts'),
      import('../../core/migrate/index.ts'),
      import('../../core/compile/index.ts'),
      import('../render/eval.ts'),
      import('../render/convert-report.ts'),
      import('../../core/fs/cleanup.ts'),
    ]);
    const found = getExport(resolve(cwd, this.exportPath ?? '.'));
    const outDir = resolve(cwd, this.output ?? join('kolm-out', this.name ?? specNameFromConfigPath(found.config) ?? 'migration'));
    const reporter = this.reporter();
    // Ctrl-C removes half-written files and DuckDB's spill folder, then ends the process as the signal would.
    const stopCleanup = onInterrupt(process);
    let result: Awaited<ReturnType<typeof migrateExport>>;
    let built: Awaited<ReturnType<typeof buildArtifact>>;
    try {
      result = await migrateExport({ found, outDir, name: this.name, tmpDir: tmpdir() }, reporter);
      built = await buildArtifact(result, reporter);
    } finally {
      stopCleanup();
    }
    if (this.json) {
      const { snakeKeys } = await import('../render/json.ts');
      this.outJson(snakeKeys({ ok: true, ...result, build: { ...built, evaluation: built.evaluation && { file: built.evaluation.file, reportPath: built.evaluation.reportPath, K: built.evaluation.report.K, pass_rate: built.evaluation.report.pass_rate } } }));
      return 0;
    }
    const show = (p: string) => relative(cwd, p) || '.';
    this.out(renderReport(result.report, show));
    this.out(`wrote ${show(result.specPath)} (task: ${result.spec.task})\n`);
    this.out(formatCandidateTable(built.outcome.table));
    this.out(`\nwrote ${show(built.artifactPath)} (${formatBytes(built.bytes)}, ${built.outcome.winner} recipe)`);
    if (built.evaluation) this.out(`\n${renderEvalReport(built.evaluation.report)}`);
    const cases = built.evaluation ? show(built.evaluation.file) : 'cases.jsonl';
    this.out(`\nnext: kolm run ${show(built.artifactPath)} < ${cases}  ·  kolm inspect ${show(built.artifactPath)}`);
    return 0;
  }

  private async interactive(): Promise<number> {
    const { stdin, stdout, stderr, env, cwd } = this.context;
    const tty = (s: unknown) => Boolean((s as { isTTY?: boolean }).isTTY);
    if (this.json) throw new KolmError('E_USAGE', '--json is for scripts: it needs --yes', { hint: 'run kolm-migrate --yes --json [--export DIR]' });
    if (!tty(stdin) || !tty(stdout)) {
      throw new KolmError('E_USAGE', 'kolm-migrate asks questions, but stdin/stdout is not a terminal', {
        hint: 'run with --yes to take every default without asking: kolm-migrate --yes [--export DIR] [--json]',
      });
    }
    // Ink decides at import, from CI/CONTINUOUS_INTEGRATION, to draw only the last frame. A person at a
    // terminal who started the wizard wants it drawn, so those are cleared before Ink is first loaded.
    delete process.env.CI;
    delete process.env.CONTINUOUS_INTEGRATION;
    const { runInkWizard } = await import('./render.tsx');
    return runInkWizard({
      stdin,
      stdout,
      stderr,
      env,
      cwd,
      ...(this.exportPath ? { exportPath: this.exportPath } : {}),
      ...(this.output ? { outDir: resolve(cwd, this.output) } : {}),
      ...(this.name ? { name: this.name } : {}),
    });
  }
}

const WIZARD_INFO = { binaryName: 'kolm-migrate', label: 'kolm-migrate: move a Predibase fine-tune onto a signed artifact you own', version: VERSION };

export async function runWizardCli(args: string[], ctx: Partial<KolmContext> = {}): Promise<number> {
  const cli = new Cli<KolmContext & import('clipanion').BaseContext>({ binaryLabel: WIZARD_INFO.label, binaryName: WIZARD_INFO.binaryName, binaryVersion: VERSION, enableColors: false });
  cli.register(MigrateWizardCommand);
  const context = {
    stdin: ctx.stdin ?? process.stdin,
    stdout: ctx.stdout ?? process.stdout,
    stderr: ctx.stderr ?? process.stderr,
    env: ctx.env ?? process.env,
    cwd: ctx.cwd ?? process.cwd(),
    colorDepth: 1,
  } as KolmContext & import('clipanion').BaseContext;
  return runCommandLine(cli, args, context, { info: WIZARD_INFO, commands: [MigrateWizardCommand] });
}
