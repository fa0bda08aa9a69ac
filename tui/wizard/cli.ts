// `kolm-migrate`: the guided migration. Until the Ink wizard lands this runs the same steps
// non-interactively (`--yes`), which is also what scripts and CI use.
import { join, relative, resolve } from 'node:path';
import { Builtins, Cli, Command, Option } from 'clipanion';
import { specNameFromConfigPath } from '../../core/ludwig/index.ts';
import { getExport, migrateExport } from '../../core/migrate/index.ts';
import { KolmCommand, type KolmContext } from '../base-command.ts';
import { renderReport } from '../commands/migrate/convert.ts';
import { VERSION } from '../cli.ts';

export class MigrateWizardCommand extends KolmCommand {
  static override paths = [Command.Default];
  static override usage = Command.Usage({
    description: 'Migrate a Predibase export to a .kolm artifact you own',
    details: `
      Finds the export (a \`predibase-export/\` folder with the data files and the Ludwig config.yaml, and a
      \`predibase-adapter/\` folder beside it when there is one), translates the config to spec.json and
      converts the data to train/validation/test JSONL in the --out folder.
    `,
    examples: [
      ['Migrate the export found in the current folder into kolm-out/<name>/', '$0 --yes'],
      ['Migrate a given export into migrated/', '$0 --yes --export predibase-export/ --out migrated/'],
    ],
  });

  yes = Option.Boolean('--yes,-y', false, { description: 'Run every step with its defaults, without asking' });
  exportPath = Option.String('--export', { description: 'The export folder (default: search the current folder)' });
  output = Option.String('--out', { description: 'Where to write (default: kolm-out/<name>)' });
  name = Option.String('--name', { description: 'Artifact name (default: the export folder name)' });

  async run(): Promise<number> {
    const cwd = this.context.cwd;
    const found = getExport(resolve(cwd, this.exportPath ?? '.'));
    const outDir = resolve(cwd, this.output ?? join('kolm-out', this.name ?? specNameFromConfigPath(found.config) ?? 'migration'));
    const reporter = this.reporter();
    const result = await migrateExport({ found, outDir, name: this.name }, reporter);
    if (this.json) {
      this.outJson({ ok: true, ...result });
      return 0;
    }
    const show = (p: string) => relative(cwd, p) || '.';
    this.out(renderReport(result.report, show));
    this.out(`wrote ${show(result.specPath)} (task: ${result.spec.task})`);
    return 0;
  }
}

export async function runWizardCli(args: string[], ctx: Partial<KolmContext> = {}): Promise<number> {
  const cli = new Cli<KolmContext & import('clipanion').BaseContext>({
    binaryLabel: 'kolm-migrate: move a Predibase fine-tune onto a signed artifact you own',
    binaryName: 'kolm-migrate',
    binaryVersion: VERSION,
  });
  cli.register(Builtins.HelpCommand);
  cli.register(Builtins.VersionCommand);
  cli.register(MigrateWizardCommand);
  return cli.run(args, {
    stdin: ctx.stdin ?? process.stdin,
    stdout: ctx.stdout ?? process.stdout,
    stderr: ctx.stderr ?? process.stderr,
    env: ctx.env ?? process.env,
    cwd: ctx.cwd ?? process.cwd(),
    colorDepth: 1,
  } as KolmContext & import('clipanion').BaseContext);
}
