// The ssh:// runtime's commands (pure): copy the job to ~/.kolm/jobs/<id> on the host, run it through a
// launcher that keeps one trainer per host (a re-run of the same job stops the old one and starts clean;
// another job's live trainer is refused), bring out/adapter and out/result.json back.
import type { Runtime } from './runtime.ts';

export const REMOTE_LAUNCHER = 'run-remote.sh';

/** The launcher, run with sh on the host from the job folder. Its pid (kept through exec) is the lock. */
export const remoteLauncher = `#!/bin/sh
# kolm's launcher on a training host: one kolm trainer per host at a time. A re-run of the same job stops
# the trainer it left (a dropped connection) and starts clean; another job's live trainer is refused.
set -eu
cd "$(dirname "$0")"
job=$(basename "$PWD")
lock="$HOME/.kolm/train.lock"
if [ -f "$lock" ]; then
  pid=""; other=""
  read -r pid other < "$lock" || true
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    if [ "$other" != "$job" ]; then
      echo "{\\"kolm_train\\": 1, \\"event\\": \\"error\\", \\"type\\": \\"Busy\\", \\"message\\": \\"another kolm trainer (pid $pid, job $other) is running on this host\\"}"
      exit 75
    fi
    kill "$pid" 2>/dev/null || true
    i=0
    while kill -0 "$pid" 2>/dev/null && [ "$i" -lt 50 ]; do sleep 0.2; i=$((i + 1)); done
    kill -9 "$pid" 2>/dev/null || true
    echo "kolm: stopped the trainer a previous run left (pid $pid)" >&2
  fi
fi
rm -rf out
py="\${KOLM_PYTHON:-}"
if [ -z "$py" ]; then py=$(bash venv.sh); fi
echo "$$ $job" > "$lock"
exec "$py" kolm_train.py --job . --out out
`;

export interface SshTarget {
  user?: string;
  host: string;
  port: number;
  /** `-F FILE` for ssh and scp (KOLM_SSH_CONFIG): host aliases, keys, known hosts. */
  configFile?: string;
}

export interface Command {
  what: string;
  cmd: string;
  args: string[];
}

export function sshTarget(r: Extract<Runtime, { kind: 'ssh' }>, configFile?: string): SshTarget {
  return { ...(r.user ? { user: r.user } : {}), host: r.host, port: r.port, ...(configFile ? { configFile } : {}) };
}

function dest(t: SshTarget): string {
  const host = t.host.includes(':') ? `[${t.host}]` : t.host;
  return t.user ? `${t.user}@${host}` : host;
}

// BatchMode: never hang on a password prompt; keepalives: a dead link is noticed in about a minute.
function common(t: SshTarget): string[] {
  return [...(t.configFile ? ['-F', t.configFile] : []), '-o', 'BatchMode=yes', '-o', 'ServerAliveInterval=15', '-o', 'ServerAliveCountMax=4'];
}

export function sshArgs(t: SshTarget, remoteCommand: string): string[] {
  return [...common(t), '-p', String(t.port), dest(t), remoteCommand];
}

export function remoteJobDir(jobId: string): string {
  return `.kolm/jobs/${jobId}`;
}

/** The commands of one ssh run, in order: prepare, upload, train (streamed), download. */
export function sshPlan(t: SshTarget, jobId: string, localJobDir: string, files: readonly string[], localOut: string, python?: string): Command[] {
  const dir = remoteJobDir(jobId);
  const host = dest(t);
  const scp = [...common(t), '-P', String(t.port), '-q'];
  const env = python ? `KOLM_PYTHON=${shq(python)} ` : '';
  return [
    { what: 'prepare the job folder on the host', cmd: 'ssh', args: sshArgs(t, `mkdir -p ${dir}`) },
    { what: 'copy the job (data, config, trainer)', cmd: 'scp', args: [...scp, ...files.map((f) => `${localJobDir}/${f}`), `${host}:${dir}/`] },
    { what: 'train (progress streams back)', cmd: 'ssh', args: sshArgs(t, `${env}sh ${dir}/${REMOTE_LAUNCHER}`) },
    { what: 'bring the adapter and the record back', cmd: 'scp', args: [...scp, '-r', `${host}:${dir}/out/adapter`, `${host}:${dir}/out/result.json`, `${localOut}/`] },
  ];
}

function shq(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
