// Stage 2 of ingestion: which rows are kept, and in which split. Sampling first (before splitting, as Ludwig
// does), then every row's split and drop code in the kolm_v view over kolm_rows, then a random split of the
// kept rows when the config asks for one.
import type { InputMapping } from '../ludwig/types.ts';
import type { Reporter } from '../progress.ts';
import type { IngestConnection } from './duckdb.ts';
import type { LoadedRows } from './load-rows.ts';
import { DROP_REASONS, type DropReason } from './report.ts';

/** kolm_v.drop_code values: 0 sampled out, then DROP_REASONS in order from 1. */
export const DROP_CODE = { sampled_out: 0, ...Object.fromEntries(DROP_REASONS.map((r, i) => [r, i + 1])) } as Record<'sampled_out' | DropReason, number>;

/** What stage 2 decided: whether sampling left rows out, and how many rows it kept. */
export interface ClassifiedRows {
  sampled: boolean;
  keepCount: number;
}

export async function classifyRows(conn: IngestConnection, rows: LoadedRows, mapping: InputMapping, reporter: Reporter): Promise<ClassifiedRows> {
  const { plans, inputCols, rowInFile, fileName } = rows;
  const multi = inputCols.length > 1;
  // No `IN (...)` lists in these row expressions: inside a CASE, DuckDB 1.5 turns a long IN list into a hash
  // join, which is slow and does not keep the table's row order (the order loss once blamed on CASE itself;
  // test: "order survives drops").
  const nullInput = inputCols.map((c) => `${c} IS NULL`).join(' AND ');
  const emptyInput = multi ? inputCols.map((c) => `(${c} IS NULL OR kolm_blank(${c}))`).join(' AND ') : 'kolm_blank(i0)';
  const splitNumber = 'TRY_CAST(trim(s) AS DOUBLE)';
  const splitValue = `CASE WHEN ${splitNumber} = 0 OR ${splitNumber} = 1 OR ${splitNumber} = 2 THEN CAST(${splitNumber} AS TINYINT) END`;

  reporter.progress({ stage: 'ingest:analyse', message: 'sampling, splitting and counting rows' });
  const sampling = mapping.sampling;
  const keepCount = sampleCount(rows.total, sampling);
  const sampled = keepCount < rows.total;
  if (sampled) {
    // Seeded on (file, row, seed), not DuckDB's thread-dependent SAMPLE, so runs reproduce.
    await conn.run(`CREATE TEMP TABLE kolm_sampled_out AS SELECT rowid AS pos FROM kolm_rows
      QUALIFY row_number() OVER (ORDER BY hash(${fileName}, ${rowInFile}, ${sampling!.seed}), rowid) > ${keepCount}`);
  }
  const splitOf = `CASE f ${plans
    .map((p) => `WHEN ${p.index} THEN ${p.splitSource === 'column' ? splitValue : String(p.fixedSplit ?? 'NULL')}`)
    .join(' ')} END`;
  const columnFiles = plans.filter((p) => p.splitSource === 'column').map((p) => `f = ${p.index}`);
  const fromColumn = columnFiles.length ? `(${columnFiles.join(' OR ')})` : 'false';
  const dropCode = `CASE ${sampled ? `WHEN rowid IN (SELECT pos FROM kolm_sampled_out) THEN ${DROP_CODE.sampled_out} ` : ''}` +
    `WHEN ${fromColumn} AND (${splitValue}) IS NULL THEN ${DROP_CODE.bad_split_value} ` +
    `WHEN o IS NULL THEN ${DROP_CODE.null_output} WHEN kolm_blank(o) THEN ${DROP_CODE.empty_output} ` +
    `WHEN ${nullInput} THEN ${DROP_CODE.null_input} WHEN ${emptyInput} THEN ${DROP_CODE.empty_input} END`;
  const viewOf = (split: string) =>
    `SELECT rowid AS pos, f, ${rowInFile} AS row_num, ${inputCols.join(', ')}, o, ${split} AS split, ${dropCode} AS drop_code FROM kolm_rows`;
  await conn.run(`CREATE TEMP VIEW kolm_v AS ${viewOf(splitOf)}`);
  if (mapping.split?.type === 'random') {
    await assignRandomSplit(conn, mapping.split.probabilities, mapping.split.seed, fileName);
    await conn.run(`CREATE OR REPLACE TEMP VIEW kolm_v AS ${viewOf('(SELECT r.split FROM kolm_random r WHERE r.pos = kolm_rows.rowid)')}`);
  }
  return { sampled, keepCount };
}

function sampleCount(total: number, sampling: InputMapping['sampling']): number {
  let n = total;
  // pandas df.sample(frac) keeps round(frac * n) rows, then sample_size caps it (Ludwig _get_sampled_dataset_df).
  if (sampling?.ratio !== undefined && sampling.ratio < 1) n = Math.round(n * sampling.ratio);
  if (sampling?.size !== undefined) n = Math.min(n, sampling.size);
  return n;
}

/** Ludwig's random split sizes: train ceil(p0·n), validation int(p1·n), the rest test; order seeded. */
async function assignRandomSplit(conn: IngestConnection, p: [number, number, number], seed: number, fileName: string): Promise<void> {
  const [row] = await conn.all('SELECT count(*) AS n FROM kolm_v WHERE drop_code IS NULL');
  const n = Number(row!.n);
  // Rounded first: 0.7 * 10 is 7.000000000000001 in floating point, and ceil would give 8.
  const train = Math.ceil(Number((p[0] * n).toFixed(9)));
  const validation = Math.min(n - train, Math.floor(Number((p[1] * n).toFixed(9))));
  await conn.run(`CREATE TEMP TABLE kolm_random AS
    SELECT pos, CASE WHEN rnk <= ${train} THEN 0 WHEN rnk <= ${train + validation} THEN 1 ELSE 2 END::TINYINT AS split
    FROM (SELECT pos, row_number() OVER (ORDER BY hash(${fileName.replaceAll('CASE f', 'CASE kolm_v.f')}, row_num, ${seed}, 'split'), pos) AS rnk
          FROM kolm_v WHERE drop_code IS NULL)`);
}
