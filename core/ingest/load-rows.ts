// Stage 1 of ingestion: every file's needed columns, as text, into one table (kolm_rows) in file order, with
// each file's split plan; and the SQL that later stages use to name a row by its file and row number.
import { basename } from 'node:path';
import { KolmError } from '../errors.ts';
import type { InputMapping } from '../ludwig/types.ts';
import type { Reporter } from '../progress.ts';
import { resolveColumns } from './columns.ts';
import type { IngestConnection } from './duckdb.ts';
import { checkSplitValues, planSplit, type FilePlan } from './file-split.ts';
import { openSource } from './read.ts';
import type { DataFile } from './sources.ts';
import { literal } from './sql.ts';

/** What stage 1 leaves for the others: the kolm_rows table, its file plans and how to address its rows. */
export interface LoadedRows {
  plans: FilePlan[];
  /** Rows read over all files. */
  total: number;
  /** kolm_rows' input columns: i0, i1, … for mapping.inputColumns in order. */
  inputCols: string[];
  /** SQL: a row's number within its file. With fileName, what sampling and random splits are seeded on. */
  rowInFile: string;
  /** SQL: the name of a row's file. */
  fileName: string;
}

export async function loadRows(
  conn: IngestConnection,
  files: DataFile[],
  mapping: InputMapping,
  warn: (m: string) => void,
  reporter: Reporter,
): Promise<LoadedRows> {
  const inputs = mapping.inputColumns;
  const inputCols = inputs.map((_, i) => `i${i}`);

  // One table of every row's text, in file order (a plain INSERT keeps it); rows are classified in the
  // kolm_v view. Every later scan of it reads the text from memory instead of parsing the file again.
  await conn.run(`CREATE TEMP TABLE kolm_rows (f INTEGER, ${inputCols.map((c) => `${c} VARCHAR`).join(', ')}, o VARCHAR, s VARCHAR)`);
  // Python's str.strip() ASCII whitespace, so "empty after trim" means what it means to Ludwig's users.
  // The first test is a cheap byte compare: only '' and cells starting below '!' (space, tab, CR, LF...)
  // can be blank, so the usual cell never reaches trim.
  await conn.run(`CREATE TEMP MACRO kolm_blank(x) AS x < '!' AND trim(x, ${literal(' \t\n\v\f\r')}) = ''`);

  // Read every file's needed columns, as text, in file order.
  const plans: FilePlan[] = [];
  let pos = 0;
  for (const [index, file] of files.entries()) {
    reporter.progress({ stage: 'ingest:read', done: index, total: files.length, message: file.path });
    const source = await openSource(conn, file);
    const wanted = [
      ...inputs.map((name) => ({ name, role: 'input' })),
      { name: mapping.outputColumn, role: 'output' },
    ];
    const originals = resolveColumns(file.path, source.columns, wanted);
    const plan = planSplit(file, source.columns, mapping, warn);
    const fromColumn = plan.splitColumn !== undefined;
    const cells = [
      ...inputs.map((n, i) => `${source.text(originals.get(n)!)} AS i${i}`),
      `${source.text(originals.get(mapping.outputColumn)!)} AS o`,
      `${fromColumn ? source.text(plan.splitColumn!) : 'NULL'} AS s`,
    ];
    let rows: number;
    try {
      rows = await conn.run(
        `INSERT INTO kolm_rows SELECT ${index}, ${cells.join(', ')} FROM ${source.from}`,
      );
    } catch (err) {
      throw await source.readError(err);
    }
    if (rows === 0) {
      throw new KolmError('E_EMPTY_FILE', `${file.path} has no data rows`, {
        place: { file: file.path },
        hint: 'export the dataset again, or leave this file out of --export',
      });
    }
    plans.push({ ...plan, index, firstPos: pos, rows });
    pos += rows;
  }
  reporter.progress({ stage: 'ingest:read', done: files.length, total: files.length });
  // Row number within its file, and the file's name: what sampling and random splits are seeded on.
  const rowInFile = `(rowid - CASE f ${plans.map((p) => `WHEN ${p.index} THEN ${p.firstPos - 1}`).join(' ')} END)`;
  const fileName = `CASE f ${plans.map((p) => `WHEN ${p.index} THEN ${literal(basename(p.file.path))}`).join(' ')} END`;

  await checkSplitValues(conn, plans, rowInFile);
  return { plans, total: pos, inputCols, rowInFile, fileName };
}
