// The Spawner on Node's child_process: the edge the faces pass into core/train.
import { spawn } from 'node:child_process';
import type { Proc, SpawnSpec, Spawner } from './process.ts';

export const nodeSpawner: Spawner = (spec: SpawnSpec): Proc => {
  const child = spawn(spec.cmd, [...spec.args], {
    cwd: spec.cwd,
    env: spec.env as NodeJS.ProcessEnv | undefined,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const listeners: ((stream: 'stdout' | 'stderr', line: string) => void)[] = [];
  const split = (stream: 'stdout' | 'stderr') => {
    let rest = '';
    return {
      data(chunk: Buffer) {
        rest += chunk.toString('utf8');
        let nl: number;
        while ((nl = rest.indexOf('\n')) >= 0) {
          const line = rest.slice(0, nl).replace(/\r$/, '');
          rest = rest.slice(nl + 1);
          for (const l of listeners) l(stream, line);
        }
      },
      end() {
        if (rest) for (const l of listeners) l(stream, rest);
        rest = '';
      },
    };
  };
  const out = split('stdout');
  const err = split('stderr');
  child.stdout!.on('data', out.data);
  child.stderr!.on('data', err.data);
  const exit = new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    // A command that cannot start (ENOENT) reports as exit 127, as a shell would.
    child.on('error', (e: NodeJS.ErrnoException) => {
      for (const l of listeners) l('stderr', `${spec.cmd}: ${e.code === 'ENOENT' ? 'command not found' : e.message}`);
      resolve({ code: 127, signal: null });
    });
    child.on('close', (code, signal) => {
      out.end();
      err.end();
      resolve({ code, signal });
    });
  });
  return {
    onLine: (l) => void listeners.push(l),
    exit,
    kill: (signal = 'SIGTERM') => void child.kill(signal),
  };
};
