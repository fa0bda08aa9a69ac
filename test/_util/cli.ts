// Run the real `kolm` CLI in-process with captured streams (same code path as bin/kolm.mjs).
import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../tui/cli.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function kolm(args: string[], opts: { stdin?: string; env?: Record<string, string>; cwd?: string } = {}): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await runCli(args, {
    stdin: Readable.from([opts.stdin ?? '']),
    stdout,
    stderr,
    env: { NO_COLOR: '1', ...(opts.env ?? {}) },
    cwd: opts.cwd ?? process.cwd(),
  });
  return { code, stdout: out, stderr: err };
}
