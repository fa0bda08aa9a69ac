// ssh://: a real OpenSSH server on loopback (key made here), the job copied over, the tiny random Llama
// trained on the host, the adapter brought back; a connection cut mid-run is E_REMOTE, and the re-run stops
// what the cut left and trains clean, never two trainers at once.
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { recordingReporter } from '../../../core/progress.ts';
import { buildJob, nodeSpawner, parseRuntime, trainAdapter, trainerFiles, type Trained } from '../../../core/train/index.ts';
import { errorOf } from '../../_util/errors.ts';
import { startSshd, toyExamples, toySpec, venvPython, writeTinyBase, type Sshd } from './_util/train-fixtures.ts';

const work = mkdtempSync(join(tmpdir(), 'kolm-ssh-'));
const examples = toyExamples(12);
const base = join(work, 'base');
writeTinyBase(base, examples.map((e) => `colour of ${e.input}:${e.output}`).concat(['colour of ']));
const python = venvPython();
let sshd: Sshd;

const deps = (reporter = recordingReporter()) => ({ spawn: nodeSpawner, env: { ...process.env, HF_TOKEN: 'hf_never_shown_123' }, home: homedir(), reporter, now: () => Date.now() });
const runtime = () => parseRuntime(`ssh://${sshd.user}@127.0.0.1:${sshd.port}`);

test.before(async () => {
  sshd = await startSshd(join(work, 'sshd'));
});
const jobs: string[] = [];
test.after(() => {
  sshd?.stop();
  for (const id of jobs) rmSync(join(homedir(), '.kolm', 'jobs', id), { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

test('trains on the host over ssh and brings the PEFT adapter and the record back', async () => {
  const job = buildJob({ spec: toySpec(), train: examples, eval: examples.slice(0, 4), seed: 3, baseWeights: base, cpuThreads: 1 }, trainerFiles());
  jobs.push(job.id);
  const reporter = recordingReporter();
  const r = (await trainAdapter({ job, workDir: join(work, 'run1'), runtime: runtime(), python, sshConfigFile: sshd.clientConfig }, deps(reporter))) as Trained;
  const cfg = JSON.parse(readFileSync(join(r.adapterDir, 'adapter_config.json'), 'utf8'));
  assert.is(cfg.r, 4);
  assert.ok(existsSync(join(r.adapterDir, 'adapter_model.safetensors')));
  const curve = r.record.loss_curve.map((c) => c.loss!);
  assert.ok(curve.at(-1)! < curve[0]! / 3, `loss ${curve[0]} -> ${curve.at(-1)}`);
  const bars = reporter.events.filter((e) => e.stage === 'train');
  assert.is(bars.at(-1)!.done, job.steps);
  assert.is(bars.at(-1)!.total, job.steps);
  assert.ok(reporter.infos.some((l) => /^training on .* 12 examples, 72 steps/.test(l)), reporter.infos.join('\n'));
  assert.ok(![...reporter.infos, ...reporter.events.map((e) => e.message ?? '')].some((l) => l.includes('hf_never_shown_123')));
  // The job landed in its own folder in the login's home on the host.
  assert.ok(existsSync(join(homedir(), '.kolm', 'jobs', job.id, 'out', 'result.json')));
});

test('a connection cut mid-run is E_REMOTE; the re-run stops what the cut left and trains clean, one trainer at a time', async () => {
  const job = buildJob({ spec: toySpec({ epochs: 40 }), train: examples, seed: 4, baseWeights: base, cpuThreads: 1 }, trainerFiles());
  jobs.push(job.id);
  const reporter = recordingReporter();
  let cut = false;
  const cutting = {
    ...reporter,
    progress(e: { stage: string; done?: number }) {
      // At the second step, kill the sshd processes serving our session: the link drops as a cable would.
      if (!cut && (e.done ?? 0) >= 2) {
        cut = true;
        for (const pid of sshd.sessionPids()) process.kill(pid, 'SIGKILL');
      }
    },
  };
  const err = await errorOf(() => trainAdapter({ job, workDir: join(work, 'cut'), runtime: runtime(), python, sshConfigFile: sshd.clientConfig }, { ...deps(), reporter: cutting }));
  assert.ok(cut, 'the run reached training');
  assert.is(err.code, 'E_REMOTE');
  assert.match(err.message, /SSH connection to ssh:\/\/.*127\.0\.0\.1.* dropped/);
  assert.match(err.hint ?? '', /run the same command again/);
  const leftover = Number(readFileSync(join(homedir(), '.kolm', 'train.lock'), 'utf8').split(' ')[0]);

  const seen: number[] = [];
  const watching = { ...recordingReporter(), progress: () => void seen.push(countTrainers(job.id)) };
  const again = (await trainAdapter({ job, workDir: join(work, 'again'), runtime: runtime(), python, sshConfigFile: sshd.clientConfig }, { ...deps(), reporter: watching })) as Trained;
  assert.is(again.record.steps, job.steps, 'the re-run trained from the start to the end');
  assert.ok(seen.length > 10 && seen.every((n) => n === 1), `trainers running during the re-run: ${[...new Set(seen)].join(', ')}`);
  assert.not.ok(isAlive(leftover), `the trainer the cut left (pid ${leftover}) is gone`);
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Trainers of this job on this machine (the "host" is loopback): python processes whose cwd is its folder. */
function countTrainers(jobId: string): number {
  const dir = join(homedir(), '.kolm', 'jobs', jobId);
  let n = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.includes('kolm_train.py') && readlinkSync(`/proc/${pid}/cwd`) === dir) n++;
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return n;
}

test.run();
