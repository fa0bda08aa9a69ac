// The training service: write the job folder, run it on the chosen runtime (streaming progress through the
// Reporter), bring the PEFT adapter and the final record home. `dryRun` writes the job and returns what it
// would run, starting nothing. The processes (Spawner), Ctrl-C and the clock come from the face.
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { KolmError } from '../errors.ts';
import type { Reporter } from '../progress.ts';
import { cloudPlan, clusterName, skyTaskYaml } from './cloud.ts';
import { parseTrainerLine, reportTrainerEvent, type TrainRecord, type TrainerEvent } from './events.ts';
import type { Job, TrainerConfig } from './job.ts';
import { runCommand, shellLine, shellQuote, type Ran, type Spawner } from './process.ts';
import { formatRuntime, parseGpus, type Runtime } from './runtime.ts';
import { REMOTE_LAUNCHER, remoteLauncher, sshPlan, sshTarget, type Command } from './ssh.ts';
import { ensureTrainerVenv, TRAINER_ENTRY } from './venv.ts';

export interface TrainOptions {
  job: Job;
  /** A local folder of this run: job/ (what travels) and out/ (what comes back) go under it. */
  workDir: string;
  runtime: Runtime;
  /** A Python with the trainer's packages, instead of the cached venv (on the host for ssh://). */
  python?: string;
  dryRun?: boolean;
  /** cloud: SkyPilot accelerators, NAME[:COUNT] (default H100:1). */
  gpus?: string;
  spot?: boolean;
  /** cloud: autostop (and down) after this many idle minutes, should kolm not get to `sky down`. */
  idleMinutes?: number;
  /** ssh/cloud: an OpenSSH config file for ssh and scp (-F). */
  sshConfigFile?: string;
}

export interface TrainDeps {
  spawn: Spawner;
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  reporter: Reporter;
  /** Milliseconds, for the wall time of the whole run (copies and provisioning included). */
  now: () => number;
  /** Register a Ctrl-C handler; returns its removal. */
  onInterrupt?: (handler: () => void) => () => void;
}

export interface TrainPlan {
  jobDir: string;
  outDir: string;
  config: TrainerConfig;
  commands: { what: string; line: string }[];
  /** cloud: the SkyPilot task YAML (also written to the job's parent folder). */
  skyYaml?: string;
  cluster?: string;
}

export interface Trained extends TrainPlan {
  adapterDir: string;
  record: TrainRecord;
  wallSeconds: number;
  runtime: string;
}

function writeJob(job: Job, jobDir: string, extra: Record<string, string>): string[] {
  rmSync(jobDir, { recursive: true, force: true });
  mkdirSync(jobDir, { recursive: true });
  const names: string[] = [];
  for (const [name, bytes] of job.files) {
    writeFileSync(join(jobDir, name), bytes);
    names.push(name);
  }
  for (const [name, text] of Object.entries(extra)) {
    writeFileSync(join(jobDir, name), text, { mode: 0o755 });
    names.push(name);
  }
  return names.sort();
}

function line(c: Command): { what: string; line: string } {
  return { what: c.what, line: shellLine(c.cmd, c.args) };
}

/** Write the job folder and say what would run; with dryRun that is all. */
export async function trainAdapter(o: TrainOptions & { dryRun: true }, deps: TrainDeps): Promise<TrainPlan>;
export async function trainAdapter(o: TrainOptions, deps: TrainDeps): Promise<Trained>;
export async function trainAdapter(o: TrainOptions, deps: TrainDeps): Promise<TrainPlan | Trained> {
  const started = deps.now();
  const jobDir = join(o.workDir, 'job');
  const outDir = join(o.workDir, 'out');
  const r = o.runtime;
  const files = writeJob(o.job, jobDir, r.kind === 'ssh' ? { [REMOTE_LAUNCHER]: remoteLauncher } : {});
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const plan: TrainPlan = { jobDir, outDir, config: o.job.config, commands: [] };
  let events: Streamed;

  if (r.kind === 'local') {
    const python = o.python ?? (o.dryRun ? null : await ensureTrainerVenv({ spawn: deps.spawn, env: deps.env, home: deps.home, onLine: (l) => deps.reporter.info(l) }));
    const cmd: Command = { what: 'train', cmd: python ?? 'PYTHON', args: [join(jobDir, TRAINER_ENTRY), '--job', jobDir, '--out', outDir] };
    // Without --python the venv is built on first use; the plan shows that as the script that builds it.
    plan.commands = [python ? line(cmd) : { what: 'train (in the cached venv venv.sh builds once per machine)', line: `"$(bash ${shellQuote(join(jobDir, 'venv.sh'))})" ${shellLine(cmd.args[0]!, cmd.args.slice(1))}` }];
    if (o.dryRun) return plan;
    events = await streamTrainer(deps, cmd, 'this machine');
  } else if (r.kind === 'ssh') {
    const target = sshTarget(r, o.sshConfigFile);
    const cmds = sshPlan(target, o.job.id, jobDir, files, outDir, o.python);
    plan.commands = cmds.map(line);
    if (o.dryRun) return plan;
    const where = formatRuntime(r);
    for (const c of cmds) {
      if (c.what.startsWith('train')) {
        events = await streamTrainer(deps, c, where);
      } else {
        const ran = await runCommand(deps.spawn, { cmd: c.cmd, args: c.args, env: deps.env });
        if (ran.code !== 0) throw connectionError(where, c, ran);
      }
    }
  } else {
    const gpus = parseGpus(o.gpus ?? 'H100:1');
    const cluster = clusterName(o.job.id);
    const hubToken = 'id' in o.job.config.base && Boolean(deps.env.HF_TOKEN);
    const copt = { cluster, gpus, spot: o.spot ?? false, idleMinutes: o.idleMinutes ?? 10, jobDir, hubToken, ...(o.python ? { python: o.python } : {}) };
    const yaml = skyTaskYaml(copt);
    const yamlPath = join(o.workDir, 'sky-task.yaml');
    writeFileSync(yamlPath, yaml);
    const c = cloudPlan(copt, yamlPath, outDir, o.sshConfigFile);
    Object.assign(plan, { skyYaml: yaml, cluster, commands: [c.launch, c.fetch, c.down, c.status].map(line) });
    if (o.dryRun) return plan;
    deps.reporter.info(`launching SkyPilot cluster ${cluster} (${gpus.name}:${gpus.count}${copt.spot ? ', spot' : ''}, autostop ${copt.idleMinutes} min); check it any time with: sky status ${cluster}`);
    // Once, whoever asks first (Ctrl-C or the end of the run); everyone after waits for the same teardown.
    let downing: Promise<void> | undefined;
    const down = () => (downing ??= (async () => {
      deps.reporter.info(`tearing down ${cluster}: ${shellLine(c.down.cmd, c.down.args)}`);
      const ran = await runCommand(deps.spawn, { cmd: c.down.cmd, args: c.down.args, env: deps.env });
      if (ran.code !== 0) deps.reporter.warn(`sky down ${cluster} failed (exit ${ran.code}): ${ran.stderrTail.slice(-2).join(' / ')}; run \`sky down -y ${cluster}\` yourself (autostop takes it down after ${copt.idleMinutes} idle minutes)`);
    })());
    try {
      events = await streamTrainer(deps, c.launch, `SkyPilot cluster ${cluster}`, down);
      const ran = await runCommand(deps.spawn, { cmd: c.fetch.cmd, args: c.fetch.args, env: deps.env });
      if (ran.code !== 0) throw connectionError(`SkyPilot cluster ${cluster}`, c.fetch, ran);
    } finally {
      await down();
      const st = await runCommand(deps.spawn, { cmd: c.status.cmd, args: c.status.args, env: deps.env });
      for (const l of st.stdout) deps.reporter.info(`sky status: ${l}`);
    }
  }

  const resultPath = join(outDir, 'result.json');
  const adapterDir = join(outDir, 'adapter');
  if (!events!.done || !existsSync(resultPath) || !existsSync(join(adapterDir, 'adapter_config.json'))) {
    throw new KolmError('E_TRAIN_FAILED', `the trainer on ${formatRuntime(r)} finished without an adapter in ${outDir}`, {
      hint: `look at the job in ${jobDir}; the trainer's last words: ${events!.stderrTail.slice(-3).join(' / ') || 'none'}`,
    });
  }
  const record = JSON.parse(readFileSync(resultPath, 'utf8')) as TrainRecord;
  return { ...plan, adapterDir, record, wallSeconds: (deps.now() - started) / 1000, runtime: formatRuntime(r) };
}

interface Streamed {
  done: boolean;
  stderrTail: string[];
}

/** Run the command that trains, turning its JSON lines into progress; a failure is one clear error. */
async function streamTrainer(deps: TrainDeps, c: Command, where: string, onInterrupt?: () => Promise<void>): Promise<Streamed> {
  const proc = deps.spawn({ cmd: c.cmd, args: c.args, env: deps.env });
  let interrupted = false;
  const off = deps.onInterrupt?.(() => {
    interrupted = true;
    proc.kill('SIGINT');
    void onInterrupt?.();
  });
  let error: Extract<TrainerEvent, { event: 'error' }> | undefined;
  let done = false;
  const stderrTail: string[] = [];
  proc.onLine((stream, text) => {
    // SkyPilot prefixes the job's lines ("(task, pid=…) "): our object starts at the marker.
    const at = text.indexOf('{"kolm_train"');
    const e = at >= 0 ? parseTrainerLine(text.slice(at)) : null;
    if (e) {
      if (e.event === 'error') error = e;
      if (e.event === 'done') done = true;
      reportTrainerEvent(e, deps.reporter);
      return;
    }
    if (stream === 'stderr') {
      stderrTail.push(text);
      if (stderrTail.length > 40) stderrTail.shift();
    }
  });
  const status = await proc.exit.finally(() => off?.());
  if (interrupted) throw new KolmError('E_TRAIN_FAILED', `training on ${where} was interrupted`, { hint: 'run the same command again to start over' });
  if (error) {
    throw new KolmError('E_TRAIN_FAILED', `the trainer on ${where} failed: ${error.type}: ${error.message}`, {
      hint: error.type === 'Busy' ? 'wait for it to finish, or stop it on the host' : `its traceback: ${stderrTail.slice(-3).join(' / ') || 'none'}`,
    });
  }
  if (!done) {
    if (c.cmd === 'ssh' && status.code === 255) throw connectionError(where, c, { ...status, stdout: [], stderrTail });
    throw new KolmError('E_TRAIN_FAILED', `the trainer on ${where} stopped without finishing (exit ${status.code ?? status.signal})`, {
      hint: stderrTail.slice(-3).join(' / ') || `rerun with the same flags; the job is in the folder it names`,
    });
  }
  return { done, stderrTail };
}

function connectionError(where: string, c: Command, ran: Ran): KolmError {
  const dropped = ran.code === 255;
  return new KolmError('E_REMOTE', `${dropped ? 'the SSH connection to' : 'could not'} ${dropped ? `${where} failed or dropped` : `${c.what} on ${where}`} (${c.cmd} exit ${ran.code ?? ran.signal}): ${ran.stderrTail.slice(-2).join(' / ') || 'no message'}`, {
    hint: `check \`${c.cmd === 'scp' ? 'ssh' : c.cmd} ${where.replace(/^ssh:\/\//, '')}\` works without a password prompt, then run the same command again: a re-run stops any trainer the last one left on the host and starts clean`,
  });
}
