// cloud (SkyPilot): `sky` is a stand-in CLI on PATH (no cloud is reachable here) that parses the task with
// SkyPilot's own sky.Task.from_yaml, "provisions" this machine behind the loopback sshd under the cluster's
// SSH alias and runs setup/run. What is real: the YAML against SkyPilot's parser, the flags kolm passes, the
// trainer, the outputs coming back over the alias with scp, and `sky down` on success, failure and Ctrl-C.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { recordingReporter } from '../../../core/progress.ts';
import { buildJob, clusterName, nodeSpawner, parseRuntime, remoteJob, trainAdapter, trainerFiles, type TrainDeps, type Trained } from '../../../core/train/index.ts';
import { errorOf } from '../../_util/errors.ts';
import { fakeSkyBin, startSshd, toyExamples, toySpec, venvPython, writeTinyBase, type Sshd } from './_util/train-fixtures.ts';

const work = mkdtempSync(join(tmpdir(), 'kolm-sky-'));
const examples = toyExamples(12);
const base = join(work, 'base');
writeTinyBase(base, examples.map((e) => `colour of ${e.input}:${e.output}`).concat(['colour of ']));
const python = venvPython();
const bin = fakeSkyBin(join(work, 'bin'));
const state = join(work, 'sky-state');
let sshd: Sshd;
const made: string[] = [];

function deps(reporter = recordingReporter(), onInterrupt?: TrainDeps['onInterrupt']): TrainDeps {
  return {
    spawn: nodeSpawner,
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, FAKE_SKY_STATE: state, FAKE_SKY_SSH: `127.0.0.1 ${sshd.port} ${sshd.user}`, FAKE_SKY_SSH_CONFIG: sshd.clientConfig },
    home: homedir(),
    reporter,
    now: () => Date.now(),
    ...(onInterrupt ? { onInterrupt } : {}),
  };
}
const calls = () => readFileSync(join(state, 'calls.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as string[]);
const clusters = () => JSON.parse(readFileSync(join(state, 'clusters.json'), 'utf8'));

test.before(async () => {
  sshd = await startSshd(join(work, 'sshd'));
});
test.after(() => {
  sshd?.stop();
  for (const c of made) rmSync(join(homedir(), remoteJob(c).replace(/^~\//, '')), { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

test('launches the task on the cluster, brings the adapter back over its SSH alias, tears it down and shows sky status', async () => {
  const job = buildJob({ spec: toySpec(), train: examples, eval: examples.slice(0, 4), seed: 3, baseWeights: base, cpuThreads: 1 }, trainerFiles());
  const cluster = clusterName(job.id);
  made.push(cluster);
  const reporter = recordingReporter();
  const r = (await trainAdapter({ job, workDir: join(work, 'run'), runtime: parseRuntime('cloud'), gpus: 'H100:1', spot: true, python, sshConfigFile: sshd.clientConfig }, deps(reporter))) as Trained;
  assert.ok(existsSync(join(r.adapterDir, 'adapter_model.safetensors')));
  assert.is(JSON.parse(readFileSync(join(r.adapterDir, 'adapter_config.json'), 'utf8')).r, 4);
  assert.is(r.record.steps, job.steps);
  const c = calls();
  assert.equal(c[0], ['launch', '-y', '-c', cluster, '-i', '10', join(work, 'run', 'sky-task.yaml')]);
  assert.equal(c.at(-2), ['down', '-y', cluster]);
  assert.equal(c.at(-1), ['status', cluster]);
  assert.equal(clusters()[cluster], { status: 'TERMINATED', accelerators: { H100: 1 }, spot: true, idle: 10 });
  assert.ok(reporter.infos.some((l) => l.includes(`check it any time with: sky status ${cluster}`)));
  assert.ok(reporter.infos.includes('sky status: No existing clusters.'), reporter.infos.join('\n'));
  assert.is(reporter.events.filter((e) => e.stage === 'train').at(-1)!.done, job.steps, 'progress read through the "(task, pid=N)" prefix');
});

test('a trainer that fails on the cluster is E_TRAIN_FAILED, and the cluster is still torn down', async () => {
  const job = buildJob({ spec: toySpec(), train: examples, seed: 5, baseWeights: join(work, 'no-such-model'), cpuThreads: 1 }, trainerFiles());
  const cluster = clusterName(job.id);
  made.push(cluster);
  const err = await errorOf(() => trainAdapter({ job, workDir: join(work, 'fail'), runtime: parseRuntime('skypilot'), python, sshConfigFile: sshd.clientConfig }, deps()));
  assert.is(err.code, 'E_TRAIN_FAILED');
  assert.match(err.message, new RegExp(`SkyPilot cluster ${cluster} failed`));
  assert.equal(calls().filter((x) => x[0] === 'down').at(-1), ['down', '-y', cluster]);
  assert.is(clusters()[cluster].status, 'TERMINATED');
});

test('Ctrl-C during training stops the launch and tears the cluster down', async () => {
  const job = buildJob({ spec: toySpec({ epochs: 400 }), train: examples, seed: 6, baseWeights: base, cpuThreads: 1 }, trainerFiles());
  const cluster = clusterName(job.id);
  made.push(cluster);
  let handler: (() => void) | undefined;
  const reporter = recordingReporter();
  const pressing = { ...reporter, progress(e: { done?: number }) {
    if ((e.done ?? 0) >= 2 && handler) {
      const h = handler;
      handler = undefined;
      h();
    }
  } };
  const err = await errorOf(() => trainAdapter({ job, workDir: join(work, 'int'), runtime: parseRuntime('cloud'), python, sshConfigFile: sshd.clientConfig }, deps(pressing as never, (h) => ((handler = h), () => (handler = undefined)))));
  assert.is(err.code, 'E_TRAIN_FAILED');
  assert.match(err.message, /interrupted/);
  assert.is(clusters()[cluster].status, 'TERMINATED');
  assert.ok(calls().some((x) => x[0] === 'down' && x.includes(cluster)));
});

test.run();
