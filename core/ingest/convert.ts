// Ingestion: a Predibase export (CSV / Parquet / JSON lines; files or folders) plus the InputMapping that
// translation made from config.yaml become train/validation/test JSONL of {input, output} and a report.
// All row work happens inside DuckDB (read, drop, sample, split, stats, write); JS only sees counts.
import { rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { commitFilesAtomic } from '../fs/atomic.ts';
import { KolmError } from '../errors.ts';
import type { InputMapping } from '../ludwig/types.ts';
import { silentReporter, type Reporter } from '../progress.ts';
import { sanitizeColumnName } from '../prompt/template.ts';
import { resolveColumns } from './columns.ts';
import type { IngestConnection, IngestDb } from './duckdb.ts';
import { openSource } from './read.ts';
import {
  DROP_REASON_TEXT,
  DROP_REASONS,
  emptyDropCounts,
  type ConflictExample,
  type ConvertReport,
  type DropReason,
  type FileReport,
  type LengthStats,
  type SplitCounts,
  type SplitSource,
} from './report.ts';
import { resolveDataFiles, SPLIT_NAMES, type DataFile, type SplitIndex } from './sources.ts';
import { ident, literal } from './sql.ts';

export interface ConvertOptions {
  /** An open DuckDB (openIngestDb). Required: the face owns its lifetime and its memory limit. */
  db: IngestDb;
  /** Files and/or folders of the export, in the order their rows should appear. */
  exportPaths: string[];
  mapping: InputMapping;
  outDir: string;
}

/** Ludwig's default split column (ludwig-peft.md §3). */
const DEFAULT_SPLIT_COLUMN = 'split';
const LABEL_MAX_DISTINCT = 100;
const EXAMPLE_CHARS = 200;
/** kolm_v.drop_code values: 0 sampled out, then DROP_REASONS in order from 1. */
const DROP_CODE = { sampled_out: 0, ...Object.fromEntries(DROP_REASONS.map((r, i) => [r, i + 1])) } as Record<'sampled_out' | DropReason, number>;

interface FilePlan {
  file: DataFile;
  index: number;
  firstPos: number;
  rows: number;
  splitSource: SplitSource;
  splitColumn?: string;
  /** For 'file name' and default: the split every row of the file goes to. */
  fixedSplit?: SplitIndex;
}

/**
 * Convert an export to `train.jsonl` / `validation.jsonl` / `test.jsonl` (only the non-empty ones) and
 * `report.json` in `outDir`, all-or-nothing. Returns the report. Throws KolmError on bad input, before
 * anything is written.
 */
export async function convertExport(options: ConvertOptions, reporter: Reporter = silentReporter): Promise<ConvertReport> {
  const { mapping, outDir } = options;
  checkMapping(mapping);
  const files = await resolveDataFiles(options.exportPaths);
  const conn = await options.db.connect();
  try {
    return await convertWith(conn, files, mapping, outDir, reporter);
  } finally {
    conn.close();
  }
}

async function convertWith(conn: IngestConnection, files: DataFile[], mapping: InputMapping, outDir: string, reporter: Reporter): Promise<ConvertReport> {
  const warnings: string[] = [];
  const warn = (m: string) => {
    warnings.push(m);
    reporter.warn(m);
  };
  const inputs = mapping.inputColumns;
  const multi = inputs.length > 1;
  const inputCols = inputs.map((_, i) => `i${i}`);

  // One table of every row's text, in file order. Rows are classified in the kolm_v view, not while
  // inserting: with some CASE expressions in the INSERT, DuckDB 1.5 stopped keeping the file's row order.
  await conn.run(`CREATE TEMP TABLE kolm_rows (f INTEGER, ${inputCols.map((c) => `${c} VARCHAR`).join(', ')}, o VARCHAR, s VARCHAR)`);
  // Python's str.strip() whitespace, so "empty after trim" means what it means to Ludwig's users. The
  // first-character test skips the trim for the usual non-blank cell.
  await conn.run(
    `CREATE TEMP MACRO kolm_blank(x) AS x = '' OR (ascii(x) IN (9, 10, 11, 12, 13, 32) AND trim(x, ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13)) = '')`,
  );
  const nullInput = inputCols.map((c) => `${c} IS NULL`).join(' AND ');
  const emptyInput = multi ? inputCols.map((c) => `(${c} IS NULL OR kolm_blank(${c}))`).join(' AND ') : 'kolm_blank(i0)';
  const splitValue = `CASE WHEN TRY_CAST(trim(s) AS DOUBLE) IN (0, 1, 2) THEN CAST(TRY_CAST(trim(s) AS DOUBLE) AS TINYINT) END`;

  // 1. Read every file's needed columns, as text, in file order.
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

  // 2. Sampling (before splitting, as Ludwig does), then a random split if the config asks for one.
  reporter.progress({ stage: 'ingest:analyse', message: 'sampling, splitting and counting rows' });
  const sampling = mapping.sampling;
  const keepCount = sampleCount(pos, sampling);
  const sampled = keepCount < pos;
  if (sampled) {
    // Seeded on (file, row, seed), not DuckDB's thread-dependent SAMPLE, so runs reproduce.
    await conn.run(`CREATE TEMP TABLE kolm_sampled_out AS SELECT rowid AS pos FROM kolm_rows
      QUALIFY row_number() OVER (ORDER BY hash(${fileName}, ${rowInFile}, ${sampling!.seed}), rowid) > ${keepCount}`);
  }
  const splitOf = `CASE f ${plans
    .map((p) => `WHEN ${p.index} THEN ${p.splitSource === 'column' ? splitValue : String(p.fixedSplit ?? 'NULL')}`)
    .join(' ')} END`;
  const fromColumn = `f IN (${[-1, ...plans.filter((p) => p.splitSource === 'column').map((p) => p.index)].join(', ')})`;
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

  // 3. Count and describe.
  const counts = await conn.all('SELECT f, drop_code, split, count(*) AS n FROM kolm_v GROUP BY ALL');
  const fileReports: FileReport[] = plans.map((p) => ({
    file: p.file.path,
    format: p.file.format,
    rowsIn: p.rows,
    sampledOut: 0,
    dropped: emptyDropCounts(),
    rowsOut: { train: 0, validation: 0, test: 0 },
    splitSource: p.splitSource,
    ...(p.splitColumn !== undefined ? { splitColumn: p.splitColumn } : {}),
  }));
  for (const c of counts) {
    const fr = fileReports[Number(c.f)]!;
    const n = Number(c.n);
    if (c.drop_code === DROP_CODE.sampled_out) fr.sampledOut += n;
    else if (c.drop_code !== null) fr.dropped[DROP_REASONS[Number(c.drop_code) - 1]!] += n;
    else fr.rowsOut[SPLIT_NAMES[Number(c.split) as SplitIndex]] += n;
  }
  const totals = {
    rowsIn: sum(fileReports.map((f) => f.rowsIn)),
    sampledOut: sum(fileReports.map((f) => f.sampledOut)),
    dropped: Object.fromEntries(DROP_REASONS.map((r) => [r, sum(fileReports.map((f) => f.dropped[r]))])) as Record<DropReason, number>,
    rowsOut: Object.fromEntries(SPLIT_NAMES.map((s) => [s, sum(fileReports.map((f) => f.rowsOut[s]))])) as unknown as SplitCounts,
  };
  const kept = totals.rowsOut.train + totals.rowsOut.validation + totals.rowsOut.test;
  if (kept === 0) {
    const reasons = DROP_REASONS.filter((r) => totals.dropped[r] > 0).map((r) => `${totals.dropped[r]} ${DROP_REASON_TEXT[r]}`);
    throw new KolmError('E_NO_ROWS', `no rows left to write: ${totals.rowsIn} read${reasons.length ? `, dropped: ${reasons.join('; ')}` : ''}`, {
      place: { path: files.map((f) => f.path).join(', ') },
      hint: `check that "${mapping.outputColumn}" and ${inputs.map((c) => `"${c}"`).join(', ')} are the right columns and hold text`,
    });
  }
  if (totals.rowsOut.train === 0) warn('no rows went to train: every kept row is validation or test');
  for (const r of DROP_REASONS) {
    if (totals.dropped[r] > 0) warn(`${totals.dropped[r]} row(s) dropped: ${DROP_REASON_TEXT[r]}`);
  }

  const inputExpr = multi ? `struct_pack(${inputs.map((n, i) => `${ident(n)} := coalesce(i${i}, '')`).join(', ')})` : 'i0';
  const inputKey = multi ? `[${inputCols.map((c) => `coalesce(${c}, '')`).join(', ')}]` : 'i0';
  const inputLength = multi ? inputCols.map((c) => `length(coalesce(${c}, ''))`).join(' + ') : 'length(i0)';
  const KEPT = 'FROM kolm_v WHERE drop_code IS NULL';
  // One scan for lengths and distinct counts. Duplicates are counted on 64-bit hashes (collisions are
  // negligible at these sizes): pairs minus inputs > 0 means some input has several outputs; only then
  // is the slower per-input grouping run.
  const [stats] = await conn.all(`SELECT
      ${lengthSql(inputLength, 'in')}, ${lengthSql('length(o)', 'out')},
      count(*) AS kept,
      count(DISTINCT hash(o)) AS distinct_out,
      count(DISTINCT hash(${inputKey})) AS distinct_in,
      count(DISTINCT hash(${inputKey}, o)) AS distinct_pairs,
      count(DISTINCT hash(${inputKey}, split)) AS distinct_in_split
      ${multi ? `, ${inputCols.map((c) => `count(*) FILTER (WHERE ${c} IS NULL) AS null_${c}`).join(', ')}` : ''}
    ${KEPT}`);
  const st = (k: string) => Number(stats![k]);
  const dup = { exact: st('kept') - st('distinct_pairs'), conflictingInputs: 0, conflictingRows: 0, severalSplits: 0 };
  let conflictRows: Record<string, unknown>[] = [];
  if (st('distinct_pairs') > st('distinct_in') || st('distinct_in_split') > st('distinct_in')) {
    const [g] = await conn.all(`SELECT
        count(*) FILTER (WHERE d > 1) AS conflicting_inputs,
        coalesce(sum(n) FILTER (WHERE d > 1), 0) AS conflicting_rows,
        count(*) FILTER (WHERE sp > 1) AS several_splits
      FROM (SELECT hash(${inputKey}) AS k, count(*) AS n, count(DISTINCT hash(o)) AS d, count(DISTINCT split) AS sp ${KEPT} GROUP BY k)`);
    dup.conflictingInputs = Number(g!.conflicting_inputs);
    dup.conflictingRows = Number(g!.conflicting_rows);
    dup.severalSplits = Number(g!.several_splits);
    if (dup.conflictingInputs > 0) {
      conflictRows = await conn.all(`SELECT ${inputKey} AS k, list(DISTINCT o ORDER BY o) AS outs, count(*) AS n, min(pos) AS first
          ${KEPT} GROUP BY k HAVING count(DISTINCT o) > 1 ORDER BY first LIMIT 5`);
    }
  }
  const distinctOut = st('distinct_out');
  const top = distinctOut <= LABEL_MAX_DISTINCT
    ? (await conn.all(`SELECT o AS value, count(*) AS count ${KEPT} GROUP BY o ORDER BY count DESC, o LIMIT 10`)).map((r) => ({
        value: String(r.value),
        count: Number(r.count),
      }))
    : undefined;
  if (dup.conflictingInputs > 0) {
    warn(`${dup.conflictingInputs} input(s) appear with different outputs (${dup.conflictingRows} rows)`);
  }
  if (dup.severalSplits > 0) {
    warn(`${dup.severalSplits} input(s) appear in more than one split (train/validation/test leakage)`);
  }

  const outputs = SPLIT_NAMES.map((name) => ({ file: `${name}.jsonl`, rows: totals.rowsOut[name] })).filter((o) => o.rows > 0);
  const report: ConvertReport = {
    version: 1,
    outDir,
    outputs,
    files: fileReports,
    totals,
    ...(sampled ? { sampling: { ...sampling!, kept: keepCount } } : {}),
    input: {
      columns: [...inputs],
      kind: multi ? 'object' : 'string',
      ...(multi ? { nullCells: Object.fromEntries(inputs.map((n, i) => [n, Number(stats![`null_i${i}`])])) } : {}),
      length: lengthStats(stats!, 'in'),
    },
    output: {
      column: mapping.outputColumn,
      length: lengthStats(stats!, 'out'),
      distinct: distinctOut,
      ...(top ? { top } : {}),
      labelLike: distinctOut <= LABEL_MAX_DISTINCT && distinctOut * 10 <= kept,
    },
    duplicates: {
      exact: dup.exact,
      conflictingInputs: dup.conflictingInputs,
      conflictingRows: dup.conflictingRows,
      examples: conflictRows.map((r) => conflictExample(r, inputs)),
      inputsInSeveralSplits: dup.severalSplits,
    },
    warnings,
  };

  // 4. Write every output through DuckDB, all-or-nothing.
  const targets = [...outputs.map((o) => join(outDir, o.file)), join(outDir, 'report.json')];
  await commitFilesAtomic(targets, async (temps) => {
    for (const [i, o] of outputs.entries()) {
      reporter.progress({ stage: 'ingest:write', done: i, total: outputs.length, message: o.file });
      const split = SPLIT_NAMES.indexOf(o.file.replace('.jsonl', '') as (typeof SPLIT_NAMES)[number]);
      try {
        await conn.run(
          `COPY (SELECT ${inputExpr} AS input, o AS output ${KEPT} AND split = ${split} ORDER BY pos) TO ${literal(temps[i]!)} (FORMAT json)`,
        );
      } catch (err) {
        throw new KolmError('E_WRITE_FAILED', `could not write ${join(outDir, o.file)}: ${(err as Error).message.split('\n')[0]}`, {
          place: { file: join(outDir, o.file) },
          hint: 'check that the folder is writable and the disk has space',
          cause: err,
        });
      }
    }
    await writeFile(temps[temps.length - 1]!, `${JSON.stringify(report, null, 2)}\n`);
  });
  // A split this run did not produce must not survive from an earlier run into the same folder.
  for (const name of SPLIT_NAMES) {
    if (!outputs.some((o) => o.file === `${name}.jsonl`)) await rm(join(outDir, `${name}.jsonl`), { force: true });
  }
  reporter.progress({ stage: 'ingest:write', done: outputs.length, total: outputs.length });
  return report;
}

function checkMapping(mapping: InputMapping): void {
  if (mapping.inputColumns.length === 0) {
    throw new KolmError('E_BAD_CONFIG', 'the config names no input column', { hint: 'add an input feature or a prompt.template that reads a column' });
  }
  const s = mapping.sampling;
  if (s?.ratio !== undefined && !(s.ratio > 0 && s.ratio <= 1)) {
    throw new KolmError('E_BAD_CONFIG', `preprocessing.sample_ratio must be in (0, 1], got ${s.ratio}`, { hint: 'set a ratio such as 0.5' });
  }
  if (s?.size !== undefined && !(Number.isInteger(s.size) && s.size > 0)) {
    throw new KolmError('E_BAD_CONFIG', `preprocessing.sample_size must be a positive whole number, got ${s.size}`, { hint: 'set a row count such as 1000' });
  }
  if (mapping.split?.type === 'random') {
    const p = mapping.split.probabilities;
    if (p.some((x) => !(x >= 0)) || Math.abs(p[0] + p[1] + p[2] - 1) > 1e-6) {
      throw new KolmError('E_BAD_CONFIG', `preprocessing.split.probabilities must be three numbers summing to 1, got [${p.join(', ')}]`, {
        hint: 'for example [0.7, 0.1, 0.2]',
      });
    }
  }
}

/** How one file's rows are split (see InputMapping.split for the precedence). */
function planSplit(file: DataFile, columns: string[], mapping: InputMapping, warn: (m: string) => void): Pick<FilePlan, 'file' | 'splitSource' | 'splitColumn' | 'fixedSplit'> {
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
async function checkSplitValues(conn: IngestConnection, plans: FilePlan[], rowInFile: string): Promise<void> {
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

function lengthSql(expr: string, prefix: string): string {
  return [
    `min(${expr}) AS ${prefix}_min`,
    `quantile_disc(${expr}, [0.5, 0.9, 0.99]) AS ${prefix}_q`,
    `max(${expr}) AS ${prefix}_max`,
    `avg(${expr}) AS ${prefix}_mean`,
  ].join(', ');
}

function lengthStats(row: Record<string, unknown>, prefix: string): LengthStats {
  const n = (k: string) => Number(row[`${prefix}_${k}`] ?? 0);
  const q = ((row[`${prefix}_q`] as unknown[] | null) ?? [0, 0, 0]).map(Number);
  return { min: n('min'), p50: q[0]!, p90: q[1]!, p99: q[2]!, max: n('max'), mean: Math.round(n('mean') * 10) / 10 };
}

function conflictExample(row: Record<string, unknown>, inputs: string[]): ConflictExample {
  const cut = (s: string) => (s.length > EXAMPLE_CHARS ? `${s.slice(0, EXAMPLE_CHARS - 3)}...` : s);
  const key = row.k;
  const input = Array.isArray(key) ? Object.fromEntries(inputs.map((n, i) => [n, cut(String(key[i]))])) : cut(String(key));
  return { input, outputs: (row.outs as string[]).map(cut), rows: Number(row.n) };
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
