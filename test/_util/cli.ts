// Run the real `kolm` / `kolm-migrate` command lines in-process with captured streams (the same code path
// as bin/kolm.mjs and bin/kolm-migrate.mjs).
import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../tui/cli.ts';
import type { KolmContext } from '../../tui/base-command.ts';
import { runWizardCli } from '../../tui/wizard/cli.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  stdin?: string;
  env?: Record<string, string>;
  cwd?: string;
}

type Runner = (args: string[], ctx: Partial<KolmContext>) => Promise<number>;

async function captured(run: Runner, args: string[], opts: CliOptions): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await run(args, {
    stdin: Readable.from([opts.stdin ?? '']),
    stdout,
    stderr,
    env: { NO_COLOR: '1', ...(opts.env ?? {}) },
    cwd: opts.cwd ?? process.cwd(),
  });
  return { code, stdout: out, stderr: err };
}

export const kolm = (args: string[], opts: CliOptions = {}): Promise<CliResult> => captured(runCli, args, opts);
export const kolmMigrate = (args: string[], opts: CliOptions = {}): Promise<CliResult> => captured(runWizardCli, args, opts);
