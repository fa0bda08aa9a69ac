// How each file of an export is split: by its split column, its file name, the config's random split or
// by default (all train), in that precedence; and the check that a split column holds numbers.
import { KolmError } from '../errors.ts';
import type { InputMapping } from '../ludwig/types.ts';
import { sanitizeColumnName } from '../prompt/template.ts';
import type { IngestConnection } from './duckdb.ts';
import type { SplitSource } from './report.ts';
import { SPLIT_NAMES, type DataFile, type SplitIndex } from './sources.ts';

/** Ludwig's default split column (ludwig-peft.md §3). */
const DEFAULT_SPLIT_COLUMN = 'split';

/** One file in the rows table: where its rows start, how many, and how they are split. */
export interface FilePlan {
  file: DataFile;
  index: number;
  firstPos: number;
  rows: number;
  splitSource: SplitSource;
  splitColumn?: string;
  /** For 'file name' and default: the split every row of the file goes to. */
  fixedSplit?: SplitIndex;
}

/** How one file's rows are split (see InputMapping.split for the precedence). */
export function planSplit(file: DataFile, columns: string[], mapping: InputMapping, warn: (m: string) => void): Pick<FilePlan, 'file' | 'splitSource' | 'splitColumn' | 'fixedSplit'> {
  const split = mapping.split;
  if (split?.type === 'random') {
    if (file.splitFromName !== undefined) {
      warn(`${file.path}: the config's random split re-splits its rows; its name (${SPLIT_NAMES[file.splitFromName]}) is ignored`);
    }
    return { file, splitSource: 'random' };
  }
  const wantedColumn = split?.type === 'fixed' ? split.column : DEFAULT_SPLIT_COLUMN;
  const column = columns.find((c) => sanitizeColumnName(c) === wantedColumn);
  if (column !== undefined) return { file, splitSource: 'column', splitColumn: column };
  if (split?.type === 'fixed') {
    // Ludwig only warns when the fixed split column is missing (ludwig-peft.md §3); so do we.
    warn(`${file.path} has no split column "${wantedColumn}"; its rows are split by ${file.splitFromName !== undefined ? 'its file name' : 'default (all train)'}`);
  }
  if (file.splitFromName !== undefined) return { file, splitSource: 'file name', fixedSplit: file.splitFromName };
  return { file, splitSource: 'default (all train)', fixedSplit: 0 };
}

/** Ludwig fails on a split value that is not a number; we fail too, naming the first such row. */
export async function checkSplitValues(conn: IngestConnection, plans: FilePlan[], rowInFile: string): Promise<void> {
  if (!plans.some((p) => p.splitSource === 'column')) return;
  const [bad] = await conn.all(`SELECT f, ${rowInFile} AS row_num, s FROM kolm_rows
    WHERE s IS NOT NULL AND NOT kolm_blank(s) AND TRY_CAST(trim(s) AS DOUBLE) IS NULL ORDER BY rowid LIMIT 1`);
  if (!bad) return;
  const plan = plans[Number(bad.f)]!;
  const value = String(bad.s);
  const word = /^(train(ing)?|val(id(ation)?)?|eval|dev|test(ing)?)$/i.test(value.trim());
  throw new KolmError('E_BAD_SPLIT', `${plan.file.path} row ${bad.row_num}: split column "${plan.splitColumn}" holds "${value.length > 40 ? `${value.slice(0, 37)}...` : value}", not 0, 1 or 2`, {
    place: { file: plan.file.path, row: Number(bad.row_num), column: plan.splitColumn },
    hint: word
      ? "Ludwig's split column holds numbers: write 0 for train, 1 for validation, 2 for test"
      : 'use 0 (train), 1 (validation) or 2 (test) in the split column; rows with other numbers are dropped',
  });
}
