// Reading spec.json from disk: the one reader every face uses (kolm compile, seeds validate, the Action,
// the build service), so a missing or bad spec reads the same everywhere.
import { readUserText } from '../fs/read.ts';
import { parseSpecText, type Spec } from './schema.ts';

/**
 * The spec at `path`, validated. `shown` is how messages name it (the path as the user typed it); when it
 * differs from `path`, a missing file's message also gives the resolved path.
 */
export async function readSpecFile(path: string, shown: string = path): Promise<Spec> {
  const text = await readUserText(path, {
    shown,
    hint: 'write one with `kolm migrate spec --config config.yaml --out spec.json`',
    missing: `no spec at ${shown}${shown === path ? '' : ` (${path} does not exist)`}`,
  });
  return parseSpecText(text, shown);
}
