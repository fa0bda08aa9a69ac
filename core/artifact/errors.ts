// The errors of reading an artifact: every one names the artifact file and, where there is one, the entry.
import { KolmError } from '../errors.ts';

/** What to do when the .kolm a user named cannot be found or read. */
export const ARTIFACT_HINT = 'check the path of the .kolm file (`kolm compile` writes one)';

export const REBUILD_HINT = 'the file was altered or truncated; rebuild it with `kolm compile` or fetch it again';

export function badArtifact(file: string, message: string, options: { entry?: string; hint?: string; cause?: unknown; details?: unknown } = {}): KolmError {
  const where = options.entry === undefined ? file : `${file}: entry "${options.entry}"`;
  return new KolmError('E_BAD_ARTIFACT', `${where}: ${message}`, {
    hint: options.hint ?? REBUILD_HINT,
    place: { file, ...(options.entry !== undefined ? { path: options.entry } : {}) },
    cause: options.cause,
    details: options.details,
  });
}

export function digestMismatch(file: string, entry: string, expected: string, actual: string): KolmError {
  return new KolmError('E_DIGEST_MISMATCH', `${file}: entry "${entry}" does not match its digest in kolm.json (expected ${expected}, got ${actual})`, {
    hint: REBUILD_HINT,
    place: { file, path: entry },
    details: { entry, expected, actual },
  });
}
