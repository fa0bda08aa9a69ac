// Writes are atomic: a temp file beside the target, then a rename. A failed run leaves nothing half-written.
// Every failure is E_WRITE_FAILED saying which path is in the way and why (a file where a folder must be, a
// folder where the file goes, no permission), since `--out` names any path a user types.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isKolmError, KolmError } from '../errors.ts';
import { tempPaths } from './cleanup.ts';

/** A temp path in the same folder as `target`, so the final rename never crosses file systems. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  await ensureFolder(dirname(target));
  const tmp = tempPathFor(target);
  tempPaths.add(tmp); // removed on Ctrl-C (see cleanup.ts)
  try {
    await writeFile(tmp, data);
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw await writeError(target, err);
  } finally {
    tempPaths.delete(tmp);
  }
}

/**
 * Produce several files as one unit: `produce` writes to the temp paths it is given, and only when every
 * one succeeded are they renamed into place. On any failure all temp files are removed.
 */
export async function commitFilesAtomic<T>(
  targets: readonly string[],
  produce: (tempPaths: string[]) => Promise<T>,
): Promise<T> {
  for (const t of targets) await ensureFolder(dirname(t));
  // A folder where a file goes would only fail at the rename, after all the work: say so first.
  for (const t of targets) await refuseFolderAt(t);
  const temps = targets.map(tempPathFor);
  for (const t of temps) tempPaths.add(t); // removed on Ctrl-C (see cleanup.ts)
  let current = targets[0] ?? '';
  try {
    const result = await produce(temps);
    for (let i = 0; i < targets.length; i++) {
      current = targets[i]!;
      await rename(temps[i]!, targets[i]!);
    }
    return result;
  } catch (err) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    // Only the file system's own failures are write errors; anything else from `produce` is left as it is.
    if (isKolmError(err) || typeof (err as NodeJS.ErrnoException)?.code !== 'string') throw err;
    throw await writeError(current, err);
  } finally {
    for (const t of temps) tempPaths.delete(t);
  }
}

/** mkdir -p, with the error naming the part of the path that is a file. */
export async function ensureFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') {
      const file = await firstFileOnPath(dir);
      throw new KolmError('E_WRITE_FAILED', `cannot write into ${dir}: ${file ?? dir} is a file, not a folder`, {
        hint: 'pass a folder to --out (a new one, or an existing folder), not a file',
        place: { path: file ?? dir },
        cause: err,
      });
    }
    throw await writeError(dir, err);
  }
}

async function refuseFolderAt(target: string): Promise<void> {
  const st = await stat(target).catch(() => undefined);
  if (st?.isDirectory()) {
    throw new KolmError('E_WRITE_FAILED', `cannot write ${target}: a folder of that name is in the way`, {
      hint: 'remove or rename that folder, or write somewhere else',
      place: { path: target },
    });
  }
}

async function firstFileOnPath(dir: string): Promise<string | undefined> {
  for (let p = dir; ; p = dirname(p)) {
    const st = await stat(p).catch(() => undefined);
    if (st && !st.isDirectory()) return p;
    if (dirname(p) === p) return undefined;
  }
}

async function writeError(target: string, err: unknown): Promise<KolmError> {
  const code = (err as NodeJS.ErrnoException)?.code;
  const st = await stat(target).catch(() => undefined);
  if (st?.isDirectory() || code === 'EISDIR') {
    return new KolmError('E_WRITE_FAILED', `cannot write ${target}: it is a folder, and kolm writes a file there`, {
      hint: 'pass a file path (e.g. out/model.kolm), or remove or rename that folder',
      place: { path: target },
      cause: err,
    });
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new KolmError('E_WRITE_FAILED', `cannot write ${target}: permission denied${code === 'EROFS' ? ' (read-only file system)' : ''}`, {
      hint: 'write somewhere you may write, or fix the folder permissions',
      place: { path: target },
      cause: err,
    });
  }
  return new KolmError('E_WRITE_FAILED', `could not write ${target}: ${(err as Error)?.message ?? String(err)}`, {
    hint: 'check that the folder exists, is writable and the disk has space',
    place: { file: target },
    cause: err,
  });
}
