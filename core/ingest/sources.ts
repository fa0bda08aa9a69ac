// Which data files an export holds: the paths a user gives (files, or folders such as `predibase-export/`),
// each with its format and, from its name, the split it holds (train.* / validation.* / test.*).
import { open, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { closestName, KolmError } from '../errors.ts';

export type DataFormat = 'csv' | 'parquet' | 'jsonl' | 'json';
export type SplitIndex = 0 | 1 | 2;
export const SPLIT_NAMES = ['train', 'validation', 'test'] as const;

export interface DataFile {
  /** The path as the user would recognise it (given path, or folder joined with the file name). */
  path: string;
  format: DataFormat;
  /** The split the file name implies, if any. */
  splitFromName?: SplitIndex;
  size: number;
}

const EXTENSIONS: [RegExp, DataFormat][] = [
  [/\.(csv|tsv)(\.gz|\.zst)?$/i, 'csv'],
  [/\.(parquet|pq)$/i, 'parquet'],
  [/\.(jsonl|ndjson)(\.gz|\.zst)?$/i, 'jsonl'],
  [/\.json(\.gz|\.zst)?$/i, 'json'],
];
export const SUPPORTED_EXTENSIONS = '.csv, .tsv, .parquet, .pq, .jsonl, .ndjson, .json (CSV/JSON also .gz)';

export function formatOf(path: string): DataFormat | undefined {
  return EXTENSIONS.find(([re]) => re.test(path))?.[1];
}

const SPLIT_WORDS: Record<string, SplitIndex> = {
  train: 0, training: 0,
  validation: 1, valid: 1, val: 1, eval: 1, dev: 1,
  test: 2, testing: 2,
};

/** The split a file's name implies: a word of its stem (split on - _ . space) naming exactly one split. */
export function splitFromFileName(path: string): SplitIndex | undefined {
  const stem = basename(path).replace(/\..*$/, '').toLowerCase();
  const hits = new Set(stem.split(/[-_. ]+/).map((w) => SPLIT_WORDS[w]).filter((s) => s !== undefined));
  return hits.size === 1 ? [...hits][0] : undefined;
}

/** Folder order: train, validation, test, then the rest by name, so output rows follow a stable file order. */
function folderOrder(a: string, b: string): number {
  const rank = (n: string) => splitFromFileName(n) ?? 3;
  return rank(a) - rank(b) || a.localeCompare(b);
}

export async function resolveDataFiles(paths: readonly string[]): Promise<DataFile[]> {
  if (paths.length === 0) {
    throw new KolmError('E_USAGE', 'no export given', { hint: 'pass --export with a folder or data file' });
  }
  const files: DataFile[] = [];
  for (const given of paths) {
    const st = await statOrThrow(given);
    if (st.isDirectory()) {
      const names = (await readdir(given)).filter((n) => !n.startsWith('.') && formatOf(n) !== undefined).sort(folderOrder);
      if (names.length === 0) {
        throw new KolmError('E_NO_DATA_FILES', `${given} holds no data files`, {
          place: { path: given },
          hint: `put the dataset (${SUPPORTED_EXTENSIONS}) in the folder, or pass the data file itself`,
        });
      }
      for (const name of names) {
        const path = join(given, name);
        const s = await statOrThrow(path);
        if (s.isFile()) files.push(await describe(path, s.size));
      }
    } else {
      if (formatOf(given) === undefined) {
        throw new KolmError('E_NO_DATA_FILES', `${given} is not a data file kolm reads`, {
          place: { file: given },
          hint: `give a file ending in ${SUPPORTED_EXTENSIONS}, or the folder that holds it`,
        });
      }
      files.push(await describe(given, st.size));
    }
  }
  return files;
}

async function describe(path: string, size: number): Promise<DataFile> {
  if (size === 0) {
    throw new KolmError('E_EMPTY_FILE', `${path} is empty (0 bytes)`, {
      place: { file: path },
      hint: 'export the dataset again, or leave this file out of --export',
    });
  }
  await assertReadable(path);
  return { path, format: formatOf(path)!, splitFromName: splitFromFileName(path), size };
}

async function statOrThrow(path: string) {
  try {
    return await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      const siblings = await readdir(dirname(path)).catch(() => [] as string[]);
      const guess = closestName(basename(path), siblings);
      throw new KolmError('E_PATH_NOT_FOUND', `${path} does not exist${guess ? ` (did you mean ${join(dirname(path), guess)}?)` : ''}`, {
        place: { path },
        hint: 'check the --export path; it may be a file or the folder of the Predibase export',
        cause: err,
      });
    }
    throw unreadable(path, err);
  }
}

async function assertReadable(path: string): Promise<void> {
  try {
    const fh = await open(path, 'r');
    await fh.close();
  } catch (err) {
    throw unreadable(path, err);
  }
}

function unreadable(path: string, err: unknown): KolmError {
  return new KolmError('E_PATH_UNREADABLE', `${path} cannot be read: ${(err as Error).message}`, {
    place: { path },
    hint: 'check the file permissions (and that it is a regular file)',
    cause: err,
  });
}
