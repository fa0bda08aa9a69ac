// What the real-client suite serves: three artifacts compiled through the real CLI, each with the Predibase
// adapter id it replaces (--adapter-id), and `kolm serve` over them as a child process on a loopback port,
// run from source (tui/cli-main.ts), as a user runs the binary.
//   - trec-questions/1: the trec-questions example's classifier (a label task; the default artifact)
//   - bus-slots/2: a slot extraction with an object input read back from a prompt template
//   - tiny-adapter/3: an adapter artifact on a tiny generated llama base (llama.cpp)
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { adapterFixture } from '../_util/adapter-fixture.ts';
import { kolm } from '../_util/cli.ts';
import { convertedExample } from '../_util/examples.ts';
import { slotLines } from '../_util/slot-task.ts';
import { repoRoot, tmpdir } from '../_util/tmp.ts';

export const BUS_TEMPLATE = 'Utterance: {utterance}\nSlots: {requested_slots}\n### Response:';

export interface Served {
  url: string;
  /** The classifier's labels, as its training data has them. */
  labels: string[];
  /** The artifacts' own names. */
  names: { trec: string; bus: string; adapter: string };
  close(): Promise<void>;
}

async function compile(args: string[], env: Record<string, string> = {}): Promise<void> {
  const r = await kolm(['compile', ...args], { env: { SOURCE_DATE_EPOCH: '1700000000', ...env } });
  if (r.code !== 0) throw new Error(`kolm compile ${args.join(' ')} failed: ${r.stderr}`);
}

export async function serveClientArtifacts(): Promise<Served> {
  const trec = await convertedExample('trec-questions');
  const dir = tmpdir();
  const trecOut = join(dir, 'trec.kolm');
  await compile(['--spec', trec.specPath, '--examples', join(trec.dir, 'train.jsonl'), '--out', trecOut, '--name', 'trec-classifier', '--adapter-id', 'trec-questions/1']);

  const busLines = slotLines(300, 5).map((l) => {
    const row = JSON.parse(l);
    return JSON.stringify({ input: { utterance: row.input, requested_slots: 'from_location,to_location' }, output: row.output });
  });
  writeFileSync(join(dir, 'bus.jsonl'), `${busLines.join('\n')}\n`);
  writeFileSync(join(dir, 'bus.json'), JSON.stringify({
    kolm: 1, name: 'bus', task: 'extract slots',
    shape: { input: { utterance: 'string', requested_slots: 'string' }, output: 'string' },
    prompt: { template: BUS_TEMPLATE },
  }));
  const busOut = join(dir, 'bus.kolm');
  await compile(['--spec', join(dir, 'bus.json'), '--examples', join(dir, 'bus.jsonl'), '--out', busOut, '--adapter-id', 'bus-slots/2']);

  const f = adapterFixture();
  const adapterOut = join(f.dir, 'tiny.kolm');
  await compile(['--spec', f.specPath, '--adapter', f.adapters.a!, '--name', 'tiny', '--out', adapterOut, '--adapter-id', 'tiny-adapter/3'], f.env);

  const labels = [...new Set(trec.train.map((e) => String(e.output)))].sort();
  const proc = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'tui/cli-main.ts'), 'serve', trecOut, busOut, adapterOut, '--port', '0', '--quiet'], {
    cwd: repoRoot, env: { ...process.env, ...f.env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await listening(proc);
  return {
    url,
    labels,
    names: { trec: 'trec-classifier', bus: 'bus', adapter: 'tiny' },
    close: () => stop(proc),
  };
}

function listening(proc: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buf = '';
    let err = '';
    proc.stderr!.on('data', (d) => (err += d));
    const onData = (d: Buffer) => {
      buf += d;
      for (const line of buf.split('\n')) {
        if (!line.startsWith('{')) continue;
        try {
          const l = JSON.parse(line) as { msg?: string; url?: string };
          if (l.msg === 'listening' && l.url) {
            proc.stdout!.off('data', onData);
            proc.stdout!.resume();
            return resolve(l.url);
          }
        } catch {
          /* a partial line */
        }
      }
    };
    proc.stdout!.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`kolm serve exited ${code} before listening: ${err}`)));
  });
}

function stop(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null) return resolve();
    proc.on('exit', () => resolve());
    proc.kill('SIGTERM');
  });
}

/**
 * The clients' venv, where test/clients/venv.sh makes it: keyed by the SHA-256 of requirements.txt, so a
 * changed pin makes a new one ($KOLM_CLIENTS_VENV overrides).
 */
export function clientsVenv(): string {
  if (process.env.KOLM_CLIENTS_VENV) return process.env.KOLM_CLIENTS_VENV;
  const hash = createHash('sha256').update(readFileSync(join(repoRoot, 'test/clients/requirements.txt'))).digest('hex').slice(0, 16);
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'kolm-ci', `venv-clients-${hash}`);
}
