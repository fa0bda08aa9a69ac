// `--runtime`: where the trainer runs. `local` (this machine), `ssh://user@host[:port]` (the user's GPU
// box), `cloud` or its alias `skypilot` (a GPU rented through SkyPilot).
import { KolmError } from '../errors.ts';

export type Runtime =
  | { kind: 'local' }
  | { kind: 'ssh'; user?: string; host: string; port: number }
  | { kind: 'cloud' };

export function parseRuntime(text: string): Runtime {
  if (text === 'local') return { kind: 'local' };
  if (text === 'cloud' || text === 'skypilot') return { kind: 'cloud' };
  const m = /^ssh:\/\/(?:([A-Za-z0-9._-]+)@)?([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\])(?::(\d{1,5}))?\/?$/.exec(text);
  if (m) {
    const port = m[3] ? Number(m[3]) : 22;
    if (port < 1 || port > 65535) throw new KolmError('E_USAGE', `--runtime ${text}: port ${port} is out of range`, { hint: 'use ssh://user@host:PORT with 1-65535' });
    return { kind: 'ssh', ...(m[1] ? { user: m[1] } : {}), host: m[2]!.replace(/^\[|\]$/g, ''), port };
  }
  throw new KolmError('E_USAGE', `unknown --runtime "${text}"`, {
    hint: 'use local, ssh://user@host[:port] or cloud (alias skypilot)',
  });
}

export function formatRuntime(r: Runtime): string {
  return r.kind === 'ssh' ? `ssh://${r.user ? `${r.user}@` : ''}${r.host.includes(':') ? `[${r.host}]` : r.host}${r.port !== 22 ? `:${r.port}` : ''}` : r.kind;
}

/** `--gpus H100:1` (SkyPilot's accelerator syntax: NAME[:COUNT]). */
export function parseGpus(text: string): { name: string; count: number } {
  const m = /^([A-Za-z0-9][A-Za-z0-9_-]*)(?::(\d+))?$/.exec(text);
  const count = m?.[2] ? Number(m[2]) : 1;
  if (!m || count < 1) throw new KolmError('E_USAGE', `--gpus "${text}" is not NAME[:COUNT]`, { hint: 'e.g. --gpus H100:1, --gpus A100-80GB:2, --gpus L4' });
  return { name: m[1]!, count };
}
