// --dry-run on every runtime: the job folder is written, the plan says what would run (the trainer config,
// the ssh/scp commands, the SkyPilot task YAML), and no process is started.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { recordingReporter } from '../../../core/progress.ts';
import { buildJob, parseRuntime, trainAdapter, trainerFiles, type Spawner, type TrainDeps } from '../../../core/train/index.ts';
import { toyExamples, toySpec } from './_util/train-fixtures.ts';

const work = mkdtempSync(join(tmpdir(), 'kolm-dry-'));
const started: string[] = [];
// The process edge, handed in as the faces do: here it records and refuses, proving nothing starts.
const spawn: Spawner = (s) => {
  started.push(s.cmd);
  throw new Error(`dry run started ${s.cmd}`);
};
const deps: TrainDeps = { spawn, env: {}, home: work, reporter: recordingReporter(), now: () => 0 };
const job = buildJob({ spec: { ...toySpec(), base_revision: 'r1' }, train: toyExamples(12), eval: toyExamples(4, 9), seed: 5 }, trainerFiles());

test('local: the job folder holds data, config and trainer; the plan is the one trainer command', async () => {
  const plan = await trainAdapter({ job, workDir: join(work, 'local'), runtime: parseRuntime('local'), dryRun: true }, deps);
  for (const f of ['config.json', 'train.jsonl', 'eval.jsonl', 'kolm_train.py', 'requirements.txt', 'venv.sh']) assert.ok(existsSync(join(plan.jobDir, f)), f);
  assert.equal(JSON.parse(readFileSync(join(plan.jobDir, 'config.json'), 'utf8')), plan.config);
  assert.is(plan.commands.length, 1);
  assert.match(plan.commands[0]!.line, /^"\$\(bash \S+venv\.sh\)" \S+kolm_train\.py --job \S+ --out \S+out$/);
  const own = await trainAdapter({ job, workDir: join(work, 'local2'), runtime: parseRuntime('local'), python: '/opt/py/bin/python', dryRun: true }, deps);
  assert.match(own.commands[0]!.line, /^\/opt\/py\/bin\/python /);
});

test('ssh://: prepare, copy, train through the launcher, copy back; every ssh/scp names the port and never prompts', async () => {
  const plan = await trainAdapter({ job, workDir: join(work, 'ssh'), runtime: parseRuntime('ssh://trainer@gpu-box:2222'), python: '/usr/bin/python3', dryRun: true, sshConfigFile: '/cfg' }, deps);
  assert.ok(existsSync(join(plan.jobDir, 'run-remote.sh')));
  const [prep, copy, train, back] = plan.commands.map((c) => c.line);
  const dir = `.kolm/jobs/${job.id}`;
  assert.is(prep, `ssh -F /cfg -o BatchMode=yes -o ServerAliveInterval=15 -o ServerAliveCountMax=4 -p 2222 trainer@gpu-box 'mkdir -p ${dir}'`);
  assert.match(copy!, new RegExp(`^scp -F /cfg -o BatchMode=yes .* -P 2222 -q .*/config\\.json .*/train\\.jsonl .* trainer@gpu-box:${dir}/$`));
  for (const f of ['eval.jsonl', 'kolm_train.py', 'requirements.txt', 'run-remote.sh', 'venv.sh']) assert.ok(copy!.includes(`/${f} `), f);
  assert.match(train!, new RegExp(`-p 2222 trainer@gpu-box 'KOLM_PYTHON=/usr/bin/python3 sh ${dir}/run-remote.sh'$`));
  assert.match(back!, new RegExp(`-r trainer@gpu-box:${dir}/out/adapter trainer@gpu-box:${dir}/out/result.json \\S+/out/$`));
});

test('cloud: the SkyPilot task YAML has resources, spot, autostop, the job mount, setup and run; sky launch and sky down name the cluster', async () => {
  const plan = await trainAdapter({ job, workDir: join(work, 'cloud'), runtime: parseRuntime('cloud'), gpus: 'A100-80GB:2', spot: true, idleMinutes: 15, dryRun: true }, deps);
  const task = parse(plan.skyYaml!);
  assert.equal(readFileSync(join(work, 'cloud', 'sky-task.yaml'), 'utf8'), plan.skyYaml);
  assert.equal(task.resources, { accelerators: 'A100-80GB:2', use_spot: true, disk_size: 100, autostop: { idle_minutes: 15, down: true } });
  assert.equal(task.file_mounts, { [`~/.kolm/sky/${plan.cluster}`]: plan.jobDir });
  assert.match(task.setup, /bash venv\.sh/);
  assert.match(task.run, /kolm_train\.py --job \. --out out/);
  assert.is(task.secrets, undefined, 'no hub token in the environment: no secret asked for');
  const [launch, fetch, down, status] = plan.commands.map((c) => c.line);
  assert.is(launch, `sky launch -y -c ${plan.cluster} -i 15 ${join(work, 'cloud', 'sky-task.yaml')}`);
  assert.match(fetch!, new RegExp(`^scp -o BatchMode=yes -q -r ${plan.cluster}:\\.kolm/sky/${plan.cluster}/out/adapter `));
  assert.is(down, `sky down -y ${plan.cluster}`);
  assert.is(status, `sky status ${plan.cluster}`);
  const hub = await trainAdapter({ job, workDir: join(work, 'cloud2'), runtime: parseRuntime('skypilot'), dryRun: true }, { ...deps, env: { HF_TOKEN: 'hf_secret_value' } });
  const t2 = parse(hub.skyYaml!);
  assert.equal(t2.secrets, { HF_TOKEN: null });
  assert.is(t2.resources.accelerators, 'H100:1');
  assert.is(t2.resources.use_spot, false);
  assert.ok(!hub.skyYaml!.includes('hf_secret_value') && !hub.commands.some((c) => c.line.includes('hf_secret_value')), 'the token is never written');
  assert.match(hub.commands[0]!.line, / --secret HF_TOKEN /);
});

test('no dry run started a process', () => {
  assert.equal(started, []);
  rmSync(work, { recursive: true, force: true });
});

test.run();
