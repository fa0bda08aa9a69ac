// Writes are atomic: a temp file beside the target, then a rename. A failed run leaves nothing half-written.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { KolmError } from '../errors.ts';

/** A temp path in the same folder as `target`, so the final rename never crosses file systems. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const tmp = tempPathFor(target);
  try {
    await writeFile(tmp, data);
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw new KolmError('E_WRITE_FAILED', `could not write ${target}: ${(err as Error).message}`, {
      hint: 'check that the folder exists, is writable and the disk has space',
      place: { file: target },
      cause: err,
    });
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
  for (const t of targets) await mkdir(dirname(t), { recursive: true });
  const temps = targets.map(tempPathFor);
  try {
    const result = await produce(temps);
    for (let i = 0; i < targets.length; i++) await rename(temps[i]!, targets[i]!);
    return result;
  } catch (err) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    throw err;
  }
}
