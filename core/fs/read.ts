// Reading a file the user named: one translation of the OS's failure into our errors, so a spec, an eval
// report, a key or a .kolm that is missing says E_PATH_NOT_FOUND and one that cannot be read says
// E_PATH_UNREADABLE, on every face, with the path as the user gave it.
import { readFile } from 'node:fs/promises';
import { KolmError } from '../errors.ts';

export interface UserFile {
  /** How messages name the file (the path as the user gave it). */
  shown: string;
  /** What to do about it. */
  hint: string;
  /** The message when the file is missing; default "<shown> does not exist". */
  missing?: string;
}

/** The KolmError for an fs failure on a file the user named; `err` is what node:fs threw. */
export function userFileError(err: unknown, { shown, hint, missing }: UserFile): KolmError {
  const notFound = (err as NodeJS.ErrnoException)?.code === 'ENOENT';
  const message = notFound ? (missing ?? `${shown} does not exist`) : `${shown} could not be read: ${(err as Error)?.message ?? String(err)}`;
  return new KolmError(notFound ? 'E_PATH_NOT_FOUND' : 'E_PATH_UNREADABLE', message, { hint, place: { file: shown }, cause: err });
}

export async function readUserText(path: string, file: UserFile): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw userFileError(err, file);
  }
}

export async function readUserBytes(path: string, file: UserFile): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    throw userFileError(err, file);
  }
}
