// Ctrl-C during `kolm migrate convert`, the real command in a real child process: interrupted while its temp
// JSONL is being written, it leaves no temp file in the out folder and ends by the signal (exit as SIGINT).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from '../../../_util/tmp.ts';
import { bigCsv } from '../../../_util/big-csv.ts';

const test = suite('kolm migrate convert: Ctrl-C');
const cli = new URL('../../../../tui/cli-main.ts', import.meta.url).pathname;

test('SIGINT while the temp JSONL is written: nothing half-written is left, and the process ends by the signal', async () => {
  const root = tmpdir();
  const data = join(root, 'export');
  mkdirSync(data);
  await bigCsv(join(data, 'train.csv'), 1_500_000);
  writeFileSync(join(data, 'config.yaml'), 'input_features:\n  - name: q\n    type: text\noutput_features:\n  - name: a\n    type: category\n');
  const outDir = join(root, 'out');
  mkdirSync(outDir);
  const tmp = join(root, 'tmp');
  mkdirSync(tmp);
  const p = spawn(process.execPath, ['--import', 'tsx', cli, 'migrate', 'convert', '--export', data, '--out', outDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TMPDIR: tmp },
  });
  let stderr = '';
  p.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => p.on('exit', (code, signal) => r({ code, signal })));
  let sent = false;
  const watcher = watch(outDir, () => {
    if (!sent && readdirSync(outDir).some((n) => n.endsWith('.tmp'))) {
      sent = true;
      p.kill('SIGINT');
    }
  });
  const end = await exited;
  watcher.close();
  assert.ok(sent, `the convert finished before a temp file was seen: ${stderr.slice(-500)}`);
  assert.is(end.signal, 'SIGINT', `ended by the signal (got code ${end.code}): ${stderr.slice(-500)}`);
  assert.equal(readdirSync(outDir).filter((n) => n.endsWith('.tmp')), [], 'no temp JSONL left');
  assert.equal(readdirSync(tmp).filter((n) => /duckdb|kolm/i.test(n)), [], 'no DuckDB spill folder left');
});

test.run();
