// The scans behind the report's numbers: rows per (file, drop code, split), distinct and conflicting inputs,
// distinct outputs and the length histograms, each a lean pass over the in-memory rows table.
import type { IngestConnection, SqlRow } from './duckdb.ts';
import type { FilePlan } from './file-split.ts';
import type { LengthStats } from './report.ts';

export interface RowDescription {
  /** Rows per (file, drop code, split), as the report counts them. */
  counts: { f: number; drop_code: number | null; split: number | null; n: number }[];
  distinctInputs: number;
  distinctOutputs: number;
  /** Inputs seen with more than one output, and the rows they cover. */
  conflictingInputs: number;
  conflictingRows: number;
  severalSplits: number;
  /** Kept rows whose input column i was null (several input columns). */
  nullCells: number[];
  inputLength: LengthStats;
  outputLength: LengthStats;
}

/**
 * Everything the report says about the rows. Lean scans of the in-memory table, one per question,
 * beat one GROUPING SETS query (measured: ~200 ms against ~400 ms for 1M rows): the (file, drop, split)
 * counts; a group per input hash, whose min/max output hash and min/max split tell conflicts and leakage
 * exactly; the distinct output hashes; and the two length histograms, which give exact percentiles. Only kept rows
 * are described; the drop test is skipped when the counts show nothing was dropped. Hashes are 64-bit:
 * collisions are negligible at these sizes. `severalSplits` false: every row is in one split, so no input
 * can be in two and that check is skipped.
 */
export async function describeRows(
  conn: IngestConnection,
  /** The file plans; undefined when rows were sampled out (then every row must be classified). */
  plans: FilePlan[] | undefined,
  inputKey: string,
  inputLength: string,
  nullable: string[],
  severalSplits: boolean,
): Promise<RowDescription> {
  const nullSums = nullable.map((c, i) => `, count(*) FILTER (WHERE ${c} IS NULL) AS null${i}`).join('');
  let rows: SqlRow[] | undefined;
  if (plans?.every((p) => p.fixedSplit !== undefined)) {
    // Files carry the split and nothing is sampled out: unless some cell is null or starts below '!'
    // (every drop reason implies one), no row is dropped, and the counts are the file sizes. This
    // byte-compare scan is ~6x cheaper than classifying every row.
    const quick = await conn.all(`SELECT f, count(*) AS n, count(*) FILTER (WHERE o IS NULL OR o < '!' OR i0 IS NULL OR i0 < '!') AS maybe${nullSums}
      FROM kolm_rows GROUP BY f`);
    if (quick.every((q) => Number(q.maybe) === 0)) {
      rows = quick.map((q) => ({ ...q, drop_code: null, split: plans![Number(q.f)]!.fixedSplit! }));
    }
  }
  rows ??= await conn.all(`SELECT f, drop_code, split, count(*) AS n${nullSums} FROM kolm_v GROUP BY ALL`);
  const counts = rows.map((c) => ({
    f: Number(c.f),
    drop_code: c.drop_code === null ? null : Number(c.drop_code),
    split: c.split === null ? null : Number(c.split),
    n: Number(c.n),
    nulls: nullable.map((_, i) => Number(c[`null${i}`])),
  }));
  const kept = counts.filter((c) => c.drop_code === null);
  const from = counts.some((c) => c.drop_code !== null) ? 'FROM kolm_v WHERE drop_code IS NULL' : 'FROM kolm_v';
  const [inputs] = await conn.all(`SELECT count(*) AS distinct_in,
      count(*) FILTER (WHERE ho_min <> ho_max) AS conflicting_inputs,
      coalesce(sum(n) FILTER (WHERE ho_min <> ho_max), 0) AS conflicting_rows,
      ${severalSplits ? 'count(*) FILTER (WHERE split_min <> split_max)' : '0'} AS several_splits
    FROM (SELECT hash(${inputKey}) AS hi, count(*) AS n, min(hash(o)) AS ho_min, max(hash(o)) AS ho_max
      ${severalSplits ? ', min(split) AS split_min, max(split) AS split_max' : ''} ${from} GROUP BY hi)`);
  const [outputs] = await conn.all(`SELECT count(DISTINCT hash(o)) AS distinct_out ${from}`);
  const hist = await conn.all(`SELECT 0 AS side, ${inputLength} AS l, count(*) AS n ${from} GROUP BY l
    UNION ALL SELECT 1 AS side, length(o) AS l, count(*) AS n ${from} GROUP BY l`);
  return {
    counts,
    distinctInputs: Number(inputs!.distinct_in),
    distinctOutputs: Number(outputs!.distinct_out),
    conflictingInputs: Number(inputs!.conflicting_inputs),
    conflictingRows: Number(inputs!.conflicting_rows),
    severalSplits: Number(inputs!.several_splits),
    nullCells: nullable.map((_, i) => sum(kept.map((c) => c.nulls[i]!))),
    inputLength: histogramStats(hist.filter((h) => Number(h.side) === 0) as { l: unknown; n: unknown }[]),
    outputLength: histogramStats(hist.filter((h) => Number(h.side) === 1) as { l: unknown; n: unknown }[]),
  };
}

/**
 * Length statistics from a (length, rows) histogram. Percentiles are DuckDB's quantile_disc: the value at
 * 1-based rank ceil(q·n) of the sorted lengths (the same floating-point arithmetic).
 */
export function histogramStats(histogram: { l: unknown; n: unknown }[] | null): LengthStats {
  const bins = (histogram ?? []).map((b) => ({ l: Number(b.l), n: Number(b.n) })).sort((a, b) => a.l - b.l);
  const total = sum(bins.map((b) => b.n));
  if (total === 0) return { min: 0, p50: 0, p90: 0, p99: 0, max: 0, mean: 0 };
  const at = (q: number) => {
    const scaled = q * total;
    const rank = Math.max(1, Math.ceil(scaled));
    let seen = 0;
    for (const b of bins) {
      seen += b.n;
      if (seen >= rank) return b.l;
    }
    return bins[bins.length - 1]!.l;
  };
  const mean = sum(bins.map((b) => b.l * b.n)) / total;
  return { min: bins[0]!.l, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: bins[bins.length - 1]!.l, mean: Math.round(mean * 10) / 10 };
}

export function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
