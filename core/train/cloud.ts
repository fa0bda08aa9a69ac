// The cloud runtime (SkyPilot): one task YAML and the sky commands around it (pure). The job folder goes up
// as a file mount, setup builds the pinned venv, run launches the trainer; outputs come back over the
// cluster's SSH alias (SkyPilot writes it into ~/.ssh/config), then `sky down`. The YAML's autostop with
// down: true is the net under it: a cluster kolm could not tear down still goes away when idle.
import { stringify } from 'yaml';
import type { Command, SshTarget } from './ssh.ts';

/** Where the job lands on the cluster (namespaced: a reused cluster keeps other jobs apart). */
export function remoteJob(cluster: string): string {
  return `~/.kolm/sky/${cluster}`;
}

export interface CloudOptions {
  cluster: string;
  gpus: { name: string; count: number };
  spot: boolean;
  idleMinutes: number;
  /** The local job folder (file_mounts source). */
  jobDir: string;
  /** Pass the hub token through SkyPilot's secrets (redacted in its logs) when the base comes from a hub. */
  hubToken: boolean;
  diskGb?: number;
  /** `--python`: a Python on the cluster's image that has the trainer's packages (no venv is built). */
  python?: string;
}

export function clusterName(jobId: string): string {
  return `kolm-${jobId.slice(0, 10)}`;
}

export function skyTask(o: CloudOptions): Record<string, unknown> {
  return {
    name: `kolm-train-${o.cluster.replace(/^kolm-/, '')}`,
    resources: {
      accelerators: `${o.gpus.name}:${o.gpus.count}`,
      use_spot: o.spot,
      disk_size: o.diskGb ?? 100,
      autostop: { idle_minutes: o.idleMinutes, down: true },
    },
    ...(o.python ? { envs: { KOLM_PYTHON: o.python } } : {}),
    ...(o.hubToken ? { secrets: { HF_TOKEN: null } } : {}),
    file_mounts: { [remoteJob(o.cluster)]: o.jobDir },
    // The pinned venv is built once per cluster (venv.sh caches it), unless the image's Python is named.
    setup: `cd ${remoteJob(o.cluster)} && if [ -z "\${KOLM_PYTHON:-}" ]; then bash venv.sh >/dev/null; fi\n`,
    run: `cd ${remoteJob(o.cluster)} && rm -rf out && exec "\${KOLM_PYTHON:-$(bash venv.sh)}" kolm_train.py --job . --out out\n`,
  };
}

export function skyTaskYaml(o: CloudOptions): string {
  return `# kolm's SkyPilot task: train a LoRA adapter on a rented GPU (sky launch runs it; kolm tears it down)\n${stringify(skyTask(o), { lineWidth: 0 })}`;
}

/** The commands of one cloud run, in order. `down` runs whatever happened before it. */
export function cloudPlan(o: CloudOptions, yamlPath: string, localOut: string, sshConfigFile?: string): { launch: Command; fetch: Command; down: Command; status: Command } {
  const ssh: SshTarget = { host: o.cluster, port: 22, ...(sshConfigFile ? { configFile: sshConfigFile } : {}) };
  const scp = [...(ssh.configFile ? ['-F', ssh.configFile] : []), '-o', 'BatchMode=yes', '-q', '-r'];
  const remote = remoteJob(o.cluster).replace(/^~\//, '');
  return {
    launch: {
      what: `rent ${o.gpus.name}:${o.gpus.count}${o.spot ? ' (spot)' : ''} and train`,
      cmd: 'sky',
      args: ['launch', '-y', '-c', o.cluster, '-i', String(o.idleMinutes), ...(o.hubToken ? ['--secret', 'HF_TOKEN'] : []), yamlPath],
    },
    fetch: { what: 'bring the adapter and the record back', cmd: 'scp', args: [...scp, `${o.cluster}:${remote}/out/adapter`, `${o.cluster}:${remote}/out/result.json`, `${localOut}/`] },
    down: { what: 'tear the cluster down', cmd: 'sky', args: ['down', '-y', o.cluster] },
    status: { what: 'check nothing is left running', cmd: 'sky', args: ['status', o.cluster] },
  };
}
