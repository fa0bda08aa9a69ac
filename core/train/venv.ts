// Where the trainer's Python files are, and the venv kolm builds for them: cached per machine under
// <cache>/venv-trainer-<first 16 hex of SHA-256(requirements.txt [+ requirements-test.txt])>, the same path
// python/venv.sh computes (it builds the venv; this file only names it and asks the script to run).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KolmError } from '../errors.ts';
import { runCommand, type Spawner } from './process.ts';

export const TRAINER_ENTRY = 'kolm_train.py';
export const TRAINER_FILES = [TRAINER_ENTRY, 'requirements.txt', 'requirements-test.txt', 'venv.sh'] as const;

/**
 * The folder holding kolm_train.py. In the source tree it sits beside this file; a bundle carries it as
 * train-python/ next to the bundled script (scripts/bundle copies it there).
 */
export function trainerDir(): string {
  const candidates = ['./python/', './train-python/', '../train-python/'].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  const found = candidates.find((d) => existsSync(join(d, TRAINER_ENTRY)));
  if (!found) {
    throw new KolmError('E_INTERNAL', `the trainer entry ${TRAINER_ENTRY} is missing from this install (looked in ${candidates.join(', ')})`, {
      hint: 'reinstall kolm-migrate; a bundle must carry core/train/python as train-python/',
    });
  }
  return found;
}

/** The trainer's files by name, as bytes (they travel into every job folder). */
export function trainerFiles(dir = trainerDir()): Map<string, Uint8Array> {
  return new Map(TRAINER_FILES.map((name) => [name, readFileSync(join(dir, name))] as const));
}

export function requirementsHash(files: ReadonlyMap<string, Uint8Array>, withTests = false): string {
  const h = createHash('sha256');
  h.update(files.get('requirements.txt')!);
  if (withTests) h.update(files.get('requirements-test.txt')!);
  return h.digest('hex').slice(0, 16);
}

/** The cache root, as venv.sh resolves it, from an environment given as data. */
export function kolmCacheDir(env: Readonly<Record<string, string | undefined>>, home: string): string {
  return env.KOLM_CACHE || join(env.XDG_CACHE_HOME || join(home, '.cache'), 'kolm');
}

export function venvPython(cacheDir: string, hash: string): string {
  return join(cacheDir, `venv-trainer-${hash}`, 'bin', 'python');
}

/** The venv's python when it is built (venv.sh marks a finished build), else null. */
export function tryVenvPython(cacheDir: string, hash: string): string | null {
  const py = venvPython(cacheDir, hash);
  return existsSync(py) && existsSync(join(cacheDir, `venv-trainer-${hash}`, '.kolm-ready')) ? py : null;
}

export interface EnsureVenv {
  spawn: Spawner;
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  withTests?: boolean;
  /** The interpreter venv.sh builds the venv from (default python3). */
  basePython?: string;
  onLine?: (line: string) => void;
}

/** Build the cached venv if it is not there yet (minutes: torch is large) and return its python. */
export async function ensureTrainerVenv(o: EnsureVenv): Promise<string> {
  const dir = trainerDir();
  const files = trainerFiles(dir);
  const cache = kolmCacheDir(o.env, o.home);
  const hash = requirementsHash(files, o.withTests);
  const ready = tryVenvPython(cache, hash);
  if (ready) return ready;
  const args = [join(dir, 'venv.sh'), ...(o.withTests ? ['--test'] : []), ...(o.basePython ? ['--python', o.basePython] : [])];
  const ran = await runCommand(o.spawn, { cmd: 'bash', args, env: o.env }, undefined, o.onLine);
  const py = ran.code === 0 ? ran.stdout.at(-1)?.trim() : undefined;
  if (!py) {
    throw new KolmError('E_RUNTIME_MISSING', `could not build the trainer's Python venv in ${cache} (exit ${ran.code ?? ran.signal})`, {
      hint: `${ran.stderrTail.slice(-3).join(' / ') || 'see above'}; or pass --python PATH to a Python that has the packages in ${join(dir, 'requirements.txt')}`,
    });
  }
  return py;
}
