// Stage 3 of ingestion: the classified rows counted and described for the report: rows in and out per file,
// drops with their reasons, duplicates and conflicts, lengths and the commonest outputs. A run that keeps
// no row fails here, before anything is written.
import { KolmError } from '../errors.ts';
import type { InputMapping } from '../ludwig/types.ts';
import { DROP_CODE, type ClassifiedRows } from './classify-rows.ts';
import { describeRows, sum, type RowDescription } from './describe-rows.ts';
import type { IngestConnection } from './duckdb.ts';
import type { FilePlan } from './file-split.ts';
import type { LoadedRows } from './load-rows.ts';
import {
  DROP_REASON_TEXT,
  DROP_REASONS,
  emptyDropCounts,
  LABEL_COUNTS_MAX,
  looksLikeLabels,
  type ConflictExample,
  type ConvertReport,
  type DropReason,
  type FileReport,
  type SplitCounts,
} from './report.ts';
import { SPLIT_NAMES, type SplitIndex } from './sources.ts';

const EXAMPLE_CHARS = 200;

/** The report but its warnings: the entry adds those once every stage has warned. */
export type RowSummary = Omit<ConvertReport, 'warnings'>;

export async function summarizeRows(
  conn: IngestConnection,
  rows: LoadedRows,
  classified: ClassifiedRows,
  mapping: InputMapping,
  outDir: string,
  warn: (m: string) => void,
): Promise<RowSummary> {
  const { plans, inputCols } = rows;
  const { sampled, keepCount } = classified;
  const inputs = mapping.inputColumns;
  const multi = inputs.length > 1;

  // describeRows: four or five scans of the table, no sort.
  const inputKey = multi ? `[${inputCols.map((c) => `coalesce(${c}, '')`).join(', ')}]` : 'i0';
  const inputLength = multi ? inputCols.map((c) => `length(coalesce(${c}, ''))`).join(' + ') : 'length(i0)';
  const fixedSplits = new Set(plans.map((p) => p.fixedSplit));
  const severalSplits = fixedSplits.size > 1 || fixedSplits.has(undefined);
  const described = await describeRows(conn, sampled ? undefined : plans, inputKey, inputLength, multi ? inputCols : [], severalSplits);
  const fileReports = countPerFile(plans, described.counts);
  const totals = totalsOf(fileReports);
  const kept = totals.rowsOut.train + totals.rowsOut.validation + totals.rowsOut.test;
  if (kept === 0) throw noRowsError(totals, plans, mapping);
  if (totals.rowsOut.train === 0) warn('no rows went to train: every kept row is validation or test');
  for (const r of DROP_REASONS) {
    if (totals.dropped[r] > 0) warn(`${totals.dropped[r]} row(s) dropped: ${DROP_REASON_TEXT[r]}`);
  }

  const duplicates = await findDuplicates(conn, described, kept, inputKey, inputs);
  const distinctOut = described.distinctOutputs;
  // Every output's count when a bounded read: the report's "looks like a label task" is compile's own
  // output-kind decision on these counts, and the ten commonest are shown.
  const counts = distinctOut <= LABEL_COUNTS_MAX ? await outputCounts(conn) : [];
  const top = distinctOut <= LABEL_COUNTS_MAX ? counts.slice(0, 10) : undefined;
  if (duplicates.conflictingInputs > 0) {
    warn(`${duplicates.conflictingInputs} input(s) appear with different outputs (${duplicates.conflictingRows} rows)`);
  }
  if (duplicates.inputsInSeveralSplits > 0) {
    warn(`${duplicates.inputsInSeveralSplits} input(s) appear in more than one split (train/validation/test leakage)`);
  }

  return {
    version: 1,
    outDir,
    outputs: SPLIT_NAMES.map((name) => ({ file: `${name}.jsonl`, rows: totals.rowsOut[name] })).filter((o) => o.rows > 0),
    files: fileReports,
    totals,
    ...(sampled ? { sampling: { ...mapping.sampling!, kept: keepCount } } : {}),
    input: {
      columns: [...inputs],
      kind: multi ? 'object' : 'string',
      ...(multi ? { nullCells: Object.fromEntries(inputs.map((n, i) => [n, described.nullCells[i]!])) } : {}),
      length: described.inputLength,
    },
    output: {
      column: mapping.outputColumn,
      length: described.outputLength,
      distinct: distinctOut,
      ...(top ? { top } : {}),
      labelLike: looksLikeLabels(distinctOut, counts),
    },
    duplicates,
  };
}

/** Each file's rows in, sampled out, dropped by reason and written per split. */
function countPerFile(plans: FilePlan[], counts: RowDescription['counts']): FileReport[] {
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
  return fileReports;
}

function totalsOf(fileReports: FileReport[]): ConvertReport['totals'] {
  return {
    rowsIn: sum(fileReports.map((f) => f.rowsIn)),
    sampledOut: sum(fileReports.map((f) => f.sampledOut)),
    dropped: Object.fromEntries(DROP_REASONS.map((r) => [r, sum(fileReports.map((f) => f.dropped[r]))])) as Record<DropReason, number>,
    rowsOut: Object.fromEntries(SPLIT_NAMES.map((s) => [s, sum(fileReports.map((f) => f.rowsOut[s]))])) as unknown as SplitCounts,
  };
}

function noRowsError(totals: ConvertReport['totals'], plans: FilePlan[], mapping: InputMapping): KolmError {
  const reasons = DROP_REASONS.filter((r) => totals.dropped[r] > 0).map((r) => `${totals.dropped[r]} ${DROP_REASON_TEXT[r]}`);
  return new KolmError('E_NO_ROWS', `no rows left to write: ${totals.rowsIn} read${reasons.length ? `, dropped: ${reasons.join('; ')}` : ''}`, {
    place: { path: plans.map((p) => p.file.path).join(', ') },
    hint: `check that "${mapping.outputColumn}" and ${mapping.inputColumns.map((c) => `"${c}"`).join(', ')} are the right columns and hold text`,
  });
}

const KEPT = 'FROM kolm_v WHERE drop_code IS NULL';

/** Exact duplicates, and inputs seen with several outputs (the first five as examples) or in several splits. */
async function findDuplicates(
  conn: IngestConnection,
  described: RowDescription,
  kept: number,
  inputKey: string,
  inputs: string[],
): Promise<ConvertReport['duplicates']> {
  let exact: number;
  let conflictRows: Record<string, unknown>[] = [];
  if (described.conflictingInputs === 0) {
    // Every input has one output: distinct (input, output) pairs are the distinct inputs.
    exact = kept - described.distinctInputs;
  } else {
    const [pairs] = await conn.all(`SELECT count(DISTINCT hash(${inputKey}, o)) AS n ${KEPT}`);
    exact = kept - Number(pairs!.n);
    conflictRows = await conn.all(`SELECT ${inputKey} AS k, list(DISTINCT o ORDER BY o) AS outs, count(*) AS n, min(pos) AS first
        ${KEPT} GROUP BY k HAVING count(DISTINCT o) > 1 ORDER BY first LIMIT 5`);
  }
  return {
    exact,
    conflictingInputs: described.conflictingInputs,
    conflictingRows: described.conflictingRows,
    examples: conflictRows.map((r) => conflictExample(r, inputs)),
    inputsInSeveralSplits: described.severalSplits,
  };
}

/** Each distinct output with its rows, commonest first: asked only up to LABEL_COUNTS_MAX distinct ones. */
async function outputCounts(conn: IngestConnection): Promise<{ value: string; count: number }[]> {
  return (await conn.all(`SELECT o AS value, count(*) AS count ${KEPT} GROUP BY o ORDER BY count DESC, o`)).map((r) => ({
    value: String(r.value),
    count: Number(r.count),
  }));
}

function conflictExample(row: Record<string, unknown>, inputs: string[]): ConflictExample {
  const cut = (s: string) => (s.length > EXAMPLE_CHARS ? `${s.slice(0, EXAMPLE_CHARS - 3)}...` : s);
  const key = row.k;
  const input = Array.isArray(key) ? Object.fromEntries(inputs.map((n, i) => [n, cut(String(key[i]))])) : cut(String(key));
  return { input, outputs: (row.outs as string[]).map(cut), rows: Number(row.n) };
}
