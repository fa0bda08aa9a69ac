// `kolm serve` as users run it: a child process on a loopback port, real signals, files replaced on disk.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { kolm } from '../../_util/cli.ts';
import { repoRoot, tmpdir } from '../../_util/tmp.ts';
import { artifacts, postJson } from '../../core/serve/_serve.ts';

const test = suite('kolm serve');

interface Child {
  proc: ChildProcess;
  url: string;
  lines: Record<string, unknown>[];
  exited: Promise<number>;
  waitFor(pred: (l: Record<string, unknown>) => boolean, ms?: number): Promise<Record<string, unknown>>;
}

async function startServe(args: string[]): Promise<Child> {
  const proc = spawn(process.execPath, [join(repoRoot, 'bin/kolm.mjs'), 'serve', ...args, '--port', '0'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Record<string, unknown>[] = [];
  let buf = '';
  let stderr = '';
  const waiters: (() => void)[] = [];
  proc.stdout!.on('data', (d) => {
    buf += d;
    let nl;
    while ((nl = buf.indexOf('\n')) >= 0) {
      lines.push(JSON.parse(buf.slice(0, nl)));
      buf = buf.slice(nl + 1);
    }
    waiters.forEach((w) => w());
  });
  proc.stderr!.on('data', (d) => (stderr += d));
  proc.on('exit', (code, sig) => { if (process.env.DEBUG_SERVE) console.error('child exit', code, sig, stderr); });
  const exited = new Promise<number>((resolve) => proc.on('exit', (code) => resolve(code ?? -1)));
  const waitFor = (pred: (l: Record<string, unknown>) => boolean, ms = 20_000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out; stdout: ${JSON.stringify(lines)} stderr: ${stderr}`)), ms);
      const check = () => {
        const hit = lines.find(pred);
        if (hit) {
          clearTimeout(timer);
          resolve(hit);
        }
      };
      waiters.push(check);
      check();
      void exited.then(() => setTimeout(() => reject(new Error(`exited; stderr: ${stderr}`)), 50));
    });
  const listening = await waitFor((l) => l.msg === 'listening');
  return { proc, url: listening.url as string, lines, exited, waitFor };
}

test('a tampered artifact is refused before the port opens; --require-signature refuses an unsigned one', async () => {
  const { slots } = await artifacts();
  const dir = tmpdir();
  const bad = join(dir, 'bad.kolm');
  const bytes = Buffer.from(readFileSync(slots));
  // Change a byte inside kolm.json's text (stored entries are compressed; the manifest names every digest).
  const at = bytes.indexOf(Buffer.from('"task"'));
  assert.ok(at > 0 || bytes.length > 100);
  const i = at > 0 ? at + 2 : Math.floor(bytes.length / 2);
  bytes[i] = bytes[i]! ^ 0x01;
  writeFileSync(bad, bytes);
  const r = await kolm(['serve', bad, '--port', '0']);
  assert.is(r.code, 1);
  assert.match(r.stderr, /error\[E_(BAD_ARTIFACT|DIGEST_MISMATCH)\]/);
  assert.not.match(r.stdout, /listening/);

  const unsigned = await kolm(['serve', slots, '--port', '0', '--require-signature']);
  assert.is(unsigned.code, 1);
  assert.match(unsigned.stderr, /error\[E_UNSIGNED\].*no kolm\.sig/);
  assert.not.match(unsigned.stdout, /listening/);

  const twins = await kolm(['serve', slots, slots, '--port', '0']);
  assert.is(twins.code, 2, 'two artifacts with one name is a usage error');
  assert.match(twins.stderr, /two artifacts are named "slots"/);
});

test('SIGTERM: in-flight requests are answered, then the process exits 0; logs are JSON lines', async () => {
  const { slots, other } = await artifacts();
  const s = await startServe([slots, other]);
  const ok = await postJson(`${s.url}/generate`, { inputs: 'Book me a bus to Reno.', parameters: { adapter_id: 'other' } });
  assert.is(ok.status, 200);
  await s.waitFor((l) => l.path === '/generate' && l.status === 200 && l.artifact === 'other');

  const { port } = new URL(s.url);
  const body = JSON.stringify({ inputs: 'Leaving from Tulsa please.' });
  const req = request({ port: Number(port), host: '127.0.0.1', method: 'POST', path: '/generate', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
  const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, text }));
    });
    req.on('error', reject);
  });
  req.write(body.slice(0, 8));
  await new Promise((r) => setTimeout(r, 100));
  s.proc.kill('SIGTERM');
  await s.waitFor((l) => l.msg === 'shutting down');
  req.end(body.slice(8));
  const r = await answered;
  assert.is(r.status, 200, 'answered after the signal');
  assert.equal(JSON.parse(JSON.parse(r.text).generated_text), { from_location: 'Tulsa' });
  assert.is(await s.exited, 0);
  assert.ok(s.lines.some((l) => l.msg === 'stopped'));
});

test('--quiet leaves out request lines; --watch swaps in a replaced artifact without dropping requests, and keeps the old one when the new is bad', async () => {
  const { slots, other, bus } = await artifacts();
  const dir = tmpdir();
  const served = join(dir, 'second.kolm');
  copyFileSync(other, served);
  const s = await startServe([slots, served, '--watch', '--quiet']);
  let stop = false;
  try {
    const statuses: number[] = [];
    const load = (async () => {
      while (!stop) {
        try {
          const r = await postJson(`${s.url}/generate`, { inputs: 'Book me a bus to Reno.' });
          statuses.push(r.status);
          await r.arrayBuffer();
        } catch (err) {
          statuses.push(-1);
          if (!stop) console.error('request failed during reload:', (err as Error & { cause?: unknown }).cause ?? err);
        }
      }
    })();
    // Atomic replace, as kolm compile writes: temp file + rename.
    copyFileSync(bus, join(dir, 'tmp.kolm'));
    renameSync(join(dir, 'tmp.kolm'), served);
    await s.waitFor((l) => l.msg === 'artifact reloaded' && l.artifact === 'bus-slots');
    const r = await postJson(`${s.url}/generate`, { inputs: JSON.stringify({ utterance: 'Book me a bus to Miami.', requested_slots: 'to_location' }), parameters: { adapter_id: 'bus-slots' } });
    assert.is(r.status, 200);
    const gone = await postJson(`${s.url}/generate`, { inputs: 'x', parameters: { adapter_id: 'other' } });
    assert.is(gone.status, 424, 'the replaced name is no longer served');

    writeFileSync(join(dir, 'tmp.kolm'), 'not a zip');
    renameSync(join(dir, 'tmp.kolm'), served);
    await s.waitFor((l) => l.msg === 'artifact reload refused; still serving the loaded version');
    const still = await postJson(`${s.url}/generate`, { inputs: JSON.stringify({ utterance: 'Book me a bus to Miami.', requested_slots: 'to_location' }), parameters: { adapter_id: 'bus-slots' } });
    assert.is(still.status, 200, 'a bad replacement keeps the loaded version');
    stop = true;
    await load;
    assert.ok(statuses.length > 0);
    assert.ok(statuses.every((x) => x === 200), `every request during the reloads answered 200: ${statuses.filter((x) => x !== 200)}`);
    assert.not.ok(s.lines.some((l) => 'path' in l && 'status' in l && !('msg' in l)), '--quiet: no request lines');
  } finally {
    stop = true;
    s.proc.kill('SIGINT');
    assert.is(await s.exited, 0);
  }
});

test.run();
