// The file edge of seeds validation: open a JSONL file as a stream (never read whole) and name the file in
// every error a user can fix.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { KolmError } from '../errors.ts';
import { validateSeedsStream, type SeedsReport, type ValidateSeedsOptions } from './validate.ts';

const CHUNK_BYTES = 1024 * 1024;

/** Validate a JSONL file in constant memory. Throws E_PATH_NOT_FOUND / E_PATH_UNREADABLE / E_EMPTY_FILE. */
export async function validateSeedsFile(path: string, options: ValidateSeedsOptions = {}): Promise<SeedsReport> {
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) {
      throw new KolmError('E_PATH_UNREADABLE', `${path} is a folder, not a JSONL file`, {
        hint: 'pass the file itself, e.g. out/train.jsonl',
        place: { file: path },
      });
    }
    size = st.size;
  } catch (err) {
    if (err instanceof KolmError) throw err;
    throw pathError(path, err);
  }
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  try {
    return await validateSeedsStream(stream, path, { ...options, totalBytes: options.totalBytes ?? size });
  } catch (err) {
    if (err instanceof KolmError) throw err;
    throw pathError(path, err);
  } finally {
    stream.destroy();
  }
}

function pathError(path: string, err: unknown): KolmError {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') {
    return new KolmError('E_PATH_NOT_FOUND', `${path} does not exist`, {
      hint: 'check the path; `kolm migrate convert` writes train.jsonl into its --out folder',
      place: { file: path },
      cause: err,
    });
  }
  return new KolmError('E_PATH_UNREADABLE', `could not read ${path}: ${(err as Error)?.message ?? String(err)}`, {
    hint: 'check the file permissions',
    place: { file: path },
    cause: err,
  });
}
