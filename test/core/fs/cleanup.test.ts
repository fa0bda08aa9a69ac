// Ctrl-C during convert: a real child process running a real conversion gets a real SIGINT (or SIGTERM)
// while its temp JSONL is being written, or while DuckDB's spill folder exists; afterwards neither the out
// folder nor the temp folder holds anything, and the process ended by the signal, as it would have.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, watch } from 'node:fs';
import { join } from 'node:path';
import { createTempRegistry, onInterrupt, type SignalTarget } from '../../../core/fs/cleanup.ts';
import { tmpdir } from '../../_util/tmp.ts';
import { bigCsv } from '../../_util/big-csv.ts';

const test = suite('fs: cleanup on SIGINT / SIGTERM');
const child = new URL('./_interrupt-child.ts', import.meta.url).pathname;

function run(args: string[], env: Record<string, string> = {}) {
  const p = spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  p.stdout.on('data', (d) => (stdout += d));
  p.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => p.on('exit', (code, signal) => r({ code, signal })));
  const said = (word: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => (stdout.includes(word) ? resolve() : undefined);
      p.stdout.on('data', check);
      p.on('exit', () => reject(new Error(`child exited before "${word}": ${stderr}`)));
      check();
    });
  return { p, exited, said, output: () => ({ stdout, stderr }) };
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  test(`${signal} while the temp JSONL is being written: no temp JSONL, no DuckDB folder, ended by the signal`, async () => {
    const root = tmpdir();
    const data = join(root, 'train.csv');
    await bigCsv(data, 1_500_000);
    const outDir = join(root, 'out');
    const tmp = join(root, 'tmp');
    mkdirSync(outDir);
    mkdirSync(tmp);
    const c = run([data, outDir, tmp]);
    // The moment a temp file appears in the out folder, interrupt.
    let sent = false;
    const watcher = watch(outDir, () => {
      if (!sent && readdirSync(outDir).some((n) => n.endsWith('.tmp'))) {
        sent = true;
        c.p.kill(signal);
      }
    });
    const { code, signal: got } = await c.exited;
    watcher.close();
    assert.ok(sent, `the temp file was seen before the convert finished (${JSON.stringify(c.output())})`);
    assert.is(got, signal, `ended by ${signal} (code ${code}): ${c.output().stderr}`);
    assert.equal(readdirSync(outDir), [], 'no temp JSONL, and no half-committed output');
    assert.equal(readdirSync(tmp), [], "DuckDB's spill folder is gone");
  });
}

test('SIGINT while DuckDB is open and idle: its spill folder is removed', async () => {
  const root = tmpdir({ 'train.csv': 'q,a\nx,y\n' });
  const tmp = join(root, 'tmp');
  mkdirSync(tmp);
  const c = run([join(root, 'train.csv'), join(root, 'out'), tmp], { KOLM_TEST_HOLD: '1' });
  await c.said('ready');
  assert.is(readdirSync(tmp).length, 1, 'the spill folder exists while DuckDB is open');
  c.p.kill('SIGINT');
  const { signal } = await c.exited;
  assert.is(signal, 'SIGINT');
  assert.equal(readdirSync(tmp), []);
  assert.not.ok(existsSync(join(root, 'out')));
});

test('the handler removes registered paths, uninstalls itself, and re-raises the same signal', () => {
  const root = tmpdir({ 'a.tmp': 'x', 'dir/b': 'y' });
  const registry = createTempRegistry();
  registry.add(join(root, 'a.tmp'));
  registry.add(join(root, 'dir'));
  registry.add(join(root, 'never-existed'));
  const listeners = new Map<string, ((s: NodeJS.Signals) => void)[]>();
  const raised: string[] = [];
  const target: SignalTarget = {
    pid: 4242,
    on: (s, l) => listeners.set(s, [...(listeners.get(s) ?? []), l]),
    off: (s, l) => listeners.set(s, (listeners.get(s) ?? []).filter((x) => x !== l)),
    kill: (pid, s) => raised.push(`${pid}:${s}`),
  };
  onInterrupt(target, registry);
  assert.is(listeners.get('SIGINT')!.length, 1);
  listeners.get('SIGTERM')![0]!('SIGTERM');
  assert.equal(readdirSync(root), []);
  assert.is(registry.size, 0);
  assert.equal(raised, ['4242:SIGTERM']);
  assert.is(listeners.get('SIGINT')!.length + listeners.get('SIGTERM')!.length, 0, 'uninstalled');
});

test.run();
