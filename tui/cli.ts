// The `kolm` command line: every command is one file under tui/commands/, its path matching the CLI path.
import { Cli, type BaseContext } from 'clipanion';
import { commands } from './commands/index.ts';
import { runCommandLine, type KolmContext } from './base-command.ts';
import { VERSION } from '../core/version.ts';

export const KOLM_INFO = {
  binaryName: 'kolm',
  label: 'kolm: migrate Predibase fine-tunes to signed artifacts you own',
  version: VERSION,
  footer: 'The guided migration of a Predibase export, every step at once: `kolm-migrate` (`npx kolm-migrate`).',
};

export function buildCli(binaryName = 'kolm'): Cli<KolmContext & BaseContext> {
  const cli = new Cli<KolmContext & BaseContext>({ binaryLabel: KOLM_INFO.label, binaryName, binaryVersion: VERSION, enableColors: false });
  for (const c of commands) cli.register(c);
  return cli;
}

/** Run the CLI with explicit streams and env (tests pass their own); returns the exit code. */
export async function runCli(args: string[], ctx: Partial<KolmContext> = {}): Promise<number> {
  const cli = buildCli();
  const context = {
    stdin: ctx.stdin ?? process.stdin,
    stdout: ctx.stdout ?? process.stdout,
    stderr: ctx.stderr ?? process.stderr,
    env: ctx.env ?? process.env,
    cwd: ctx.cwd ?? process.cwd(),
    colorDepth: ctx.colorDepth ?? 1,
  } as KolmContext & BaseContext;
  return runCommandLine(cli, args, context, { info: KOLM_INFO, commands });
}
