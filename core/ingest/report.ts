// What a conversion tells its user: rows in and out per file, every dropped row with its reason, duplicates,
// lengths, and whether the output looks like a label. Faces render it; it is also written as report.json.
import { inferOutputKindFromCounts, type OutputCount } from '../kscore/index.ts';
import type { OutputKind } from '../spec/index.ts';

export const DROP_REASONS = ['bad_split_value', 'null_output', 'empty_output', 'null_input', 'empty_input'] as const;
export type DropReason = (typeof DROP_REASONS)[number];

export const DROP_REASON_TEXT: Record<DropReason, string> = {
  bad_split_value: 'split value not 0, 1 or 2',
  null_output: 'output is null',
  empty_output: 'output is empty after trimming',
  null_input: 'input is null',
  empty_input: 'input is empty after trimming',
};

export interface SplitCounts {
  train: number;
  validation: number;
  test: number;
}

export type SplitSource = 'column' | 'file name' | 'random' | 'default (all train)';

export interface FileReport {
  file: string;
  format: string;
  rowsIn: number;
  /** Rows left out by preprocessing.sample_ratio / sample_size. */
  sampledOut: number;
  dropped: Record<DropReason, number>;
  rowsOut: SplitCounts;
  splitSource: SplitSource;
  /** The split column used, when splitSource is 'column'. */
  splitColumn?: string;
}

/** Lengths in characters (several input columns: the sum of their lengths). */
export interface LengthStats {
  min: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export interface ConflictExample {
  input: string | Record<string, string>;
  outputs: string[];
  rows: number;
}

export interface ConvertReport {
  version: 1;
  outDir: string;
  outputs: { file: string; rows: number }[];
  files: FileReport[];
  totals: {
    rowsIn: number;
    sampledOut: number;
    dropped: Record<DropReason, number>;
    rowsOut: SplitCounts;
  };
  sampling?: { ratio?: number; size?: number; seed: number; kept: number };
  input: {
    columns: string[];
    /** 'string' for one input column, 'object' (keyed by column) for several. */
    kind: 'string' | 'object';
    /** Several columns: cells that were null and written as "" in rows that were kept. */
    nullCells?: Record<string, number>;
    length: LengthStats;
  };
  output: {
    column: string;
    length: LengthStats;
    distinct: number;
    /** The most frequent outputs, when there are few distinct ones. */
    top?: { value: string; count: number }[];
    /** K-score would score these outputs as labels (looksLikeLabels: the same decision compile makes). */
    labelLike: boolean;
  };
  duplicates: {
    /** Rows whose (input, output) already appeared in an earlier row. */
    exact: number;
    /** Distinct inputs that appear with more than one output, and the rows they cover. */
    conflictingInputs: number;
    conflictingRows: number;
    examples: ConflictExample[];
    /** Distinct inputs that appear in more than one split (train/validation/test leakage). */
    inputsInSeveralSplits: number;
  };
  warnings: string[];
}

export function emptyDropCounts(): Record<DropReason, number> {
  return Object.fromEntries(DROP_REASONS.map((r) => [r, 0])) as Record<DropReason, number>;
}

/**
 * The most distinct outputs whose counts the report reads into memory to judge label-likeness (well under
 * a megabyte). The kind rule itself has no maximum: this bounds the report's reading only, so an export with
 * 100k distinct answers is not pulled into JS, while a 500- or 5,000-label task is judged exactly as
 * compile judges it. Above it the report says "not label-like" (compile still decides on its own rows).
 */
export const LABEL_COUNTS_MAX = 10_000;

/**
 * "Looks like a label task": exactly compile's output-kind decision (kscore's inferOutputKind), made from
 * the distinct outputs and their row counts. `distinct` is the number of distinct outputs; `counts` may be
 * empty when it exceeds LABEL_COUNTS_MAX. `override` is the spec's output_kind, when there is one.
 */
export function looksLikeLabels(distinct: number, counts: readonly OutputCount[], override?: OutputKind): boolean {
  if (override) return override === 'label';
  if (distinct > LABEL_COUNTS_MAX) return false;
  return inferOutputKindFromCounts(counts) === 'label';
}
