// Reading spec.json from disk: the one reader every face uses (kolm compile, seeds validate, the Action,
// the build service), so a missing or bad spec reads the same everywhere.
import { readFile } from 'node:fs/promises';
import { KolmError } from '../errors.ts';
import { parseSpecText, type Spec } from './schema.ts';

/**
 * The spec at `path`, validated. `shown` is how messages name it (the path as the user typed it); when it
 * differs from `path`, a missing file's message also gives the resolved path.
 */
export async function readSpecFile(path: string, shown: string = path): Promise<Spec> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    const message = missing
      ? `no spec at ${shown}${shown === path ? '' : ` (${path} does not exist)`}`
      : `could not read ${shown}: ${(err as Error).message}`;
    throw new KolmError(missing ? 'E_PATH_NOT_FOUND' : 'E_PATH_UNREADABLE', message, {
      hint: 'write one with `kolm migrate spec --config config.yaml --out spec.json`',
      place: { file: shown },
      cause: err,
    });
  }
  return parseSpecText(text, shown);
}
