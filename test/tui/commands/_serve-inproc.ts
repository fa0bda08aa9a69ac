// `kolm serve` run in-process through the real CLI entry (tui/cli.ts, not the built dist/): started on a
// free loopback port, its URL read from the "listening" log line, stopped the way a signal stops it.
import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../../tui/cli.ts';

export interface InProcessServe {
  url: string;
  /** SIGTERM's graceful stop; resolves with the exit code and what went to stderr. */
  stop(): Promise<{ code: number; stderr: string }>;
}

export async function serveInProcess(args: string[], env: Record<string, string> = {}): Promise<InProcessServe> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let buf = '';
  let err = '';
  stderr.on('data', (d) => (err += d));
  let url: string | undefined;
  const listening = new Promise<string>((ok) => stdout.on('data', (d) => {
    buf += d;
    const m = /"msg":"listening","url":"([^"]+)"/.exec(buf);
    if (m && !url) ok((url = m[1]!));
  }));
  const done = runCli(['serve', ...args, '--port', '0', '--quiet'], { stdin: Readable.from(['']), stdout, stderr, env: { NO_COLOR: '1', ...env }, cwd: process.cwd() });
  const first = await Promise.race([listening, done.then((code) => ({ code }))]);
  if (typeof first !== 'string') throw new Error(`kolm serve exited ${first.code} before listening: ${err}`);
  return {
    url: first,
    async stop() {
      // The command's own SIGTERM handler (process.emit calls it without signalling the test process).
      process.emit('SIGTERM');
      return { code: await done, stderr: err };
    },
  };
}
