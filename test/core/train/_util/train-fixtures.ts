// Shared by the training tests: the cached trainer venv's python, a tiny random HF Llama written by the
// trainer's own pytest helper (tiny_hf.py), the toy task, and a real OpenSSH server on loopback.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../../../../core/util/random.ts';
import { freePort } from '../../../_util/http.ts';
import type { Spec } from '../../../../core/spec/index.ts';
import { kolmCacheDir, requirementsHash, trainerFiles, tryVenvPython } from '../../../../core/train/index.ts';

const PY_TESTS = new URL('../python/', import.meta.url).pathname;

export function venvPython(): string {
  const py = tryVenvPython(kolmCacheDir(process.env, homedir()), requirementsHash(trainerFiles(), true));
  if (!py) throw new Error('no trainer venv: run `bash core/train/python/venv.sh --test` first (.ci/run does)');
  return py;
}

/** The toy task of the pytest: each thing has one colour, in a random but seeded assignment. */
export function toyExamples(n = 12, seed = 3): { input: string; output: string }[] {
  const colours = ['red', 'green', 'blue', 'gold'];
  const rand = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => ({ input: `item${String.fromCharCode(97 + i)}`, output: colours[Math.floor(rand() * colours.length)]! }));
}

export function toySpec(over: Partial<NonNullable<Spec['train']>> = {}): Spec {
  return {
    kolm: 1,
    task: 'the colour of each item',
    shape: { input: 'string', output: 'string' },
    base: 'kolm-test/tiny-llama',
    train: { adapter: 'lora', rank: 4, alpha: 8, dropout: 0, target_modules: ['q_proj', 'k_proj', 'v_proj', 'o_proj', 'gate_proj', 'up_proj', 'down_proj'], epochs: 24, learning_rate: 0.01, batch_size: 4, gradient_accumulation_steps: 1, ...over },
    prompt: { template: 'colour of {thing}:' },
  } as Spec;
}

/** A tiny random Llama (HF folder) whose tokenizer was trained on the toy corpus. */
export function writeTinyBase(dir: string, corpus: string[]): void {
  const code = `import sys, json; sys.path.insert(0, ${JSON.stringify(PY_TESTS)}); from tiny_hf import write_tiny_llama; write_tiny_llama(sys.argv[1], json.loads(sys.argv[2]))`;
  const r = spawnSync(venvPython(), ['-c', code, dir, JSON.stringify(corpus)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tiny base failed: ${r.stderr}`);
}

export interface Sshd {
  port: number;
  /** An ssh client config (-F) with the key and host settings; also gets aliases appended. */
  clientConfig: string;
  user: string;
  proc: ChildProcess;
  /** Pids of the per-connection sshd processes (to cut a connection mid-run). */
  sessionPids(): number[];
  stop(): void;
}

/** A real OpenSSH server on 127.0.0.1 with a host key and an authorized key made here. */
export async function startSshd(dir: string): Promise<Sshd> {
  mkdirSync(dir, { recursive: true });
  mkdirSync('/run/sshd', { recursive: true }); // privilege separation directory sshd insists on
  for (const k of ['host_key', 'client_key']) {
    const r = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, k)]);
    if (r.status !== 0) throw new Error(`ssh-keygen: ${r.stderr}`);
  }
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'client_key.pub')));
  chmodSync(join(dir, 'authorized_keys'), 0o600);
  const port = await freePort();
  const user = spawnSync('id', ['-un'], { encoding: 'utf8' }).stdout.trim();
  writeFileSync(
    join(dir, 'sshd_config'),
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(dir, 'host_key')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      'StrictModes no',
      'Subsystem sftp internal-sftp',
      '',
    ].join('\n'),
  );
  const clientConfig = join(dir, 'ssh_config');
  writeFileSync(
    clientConfig,
    [`Host *`, `  IdentityFile ${join(dir, 'client_key')}`, '  IdentitiesOnly yes', '  StrictHostKeyChecking no', '  UserKnownHostsFile /dev/null', '  LogLevel ERROR', ''].join('\n'),
  );
  const proc = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', join(dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  proc.stderr!.on('data', (d) => (log += d));
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const c = connect(port, '127.0.0.1', () => (c.end(), resolve(true)));
      c.on('error', () => resolve(false));
    });
    if (ok) break;
    if (proc.exitCode !== null) throw new Error(`sshd exited: ${log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    clientConfig,
    user,
    proc,
    sessionPids: () =>
      spawnSync('pgrep', ['-P', String(proc.pid)], { encoding: 'utf8' })
        .stdout.split('\n')
        .filter(Boolean)
        .map(Number),
    stop: () => void proc.kill('SIGTERM'),
  };
}

/** The pinned SkyPilot venv's python (venv.sh --sky), whose sky.Task.from_yaml the fake sky uses. */
export function skyVenvPython(): string {
  const reqs = readFileSync(new URL('../../../../core/train/python/requirements-sky.txt', import.meta.url));
  const hash = createHash('sha256').update(reqs).digest('hex').slice(0, 16);
  const py = join(kolmCacheDir(process.env, homedir()), `venv-sky-${hash}`, 'bin', 'python');
  if (!existsSync(py)) throw new Error('no SkyPilot venv: run `bash core/train/python/venv.sh --sky` first (.ci/run does)');
  return py;
}

/** A `sky` on a PATH of its own: the fake CLI (fake-sky.py) run by SkyPilot's venv python. */
export function fakeSkyBin(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const script = new URL('./fake-sky.py', import.meta.url).pathname;
  writeFileSync(join(dir, 'sky'), `#!/bin/sh\nexec ${skyVenvPython()} ${script} "$@"\n`, { mode: 0o755 });
  return dir;
}
