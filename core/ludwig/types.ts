// What translation of a Ludwig config hands to ingestion: which dataset columns form {input, output},
// how rows are split and sampled. Names here are Ludwig's *sanitized* column names (ludwig-peft.md §1):
// ingestion sanitizes each file's column names the same way before matching.

export type SplitPlan =
  /** Ludwig `fixed` split: the column holds 0 (train), 1 (validation), 2 (test); other values are dropped. */
  | { type: 'fixed'; column: string }
  /** Ludwig `random` split with [train, validation, test] probabilities, seeded (Ludwig's seed is 42). */
  | { type: 'random'; probabilities: [number, number, number]; seed: number };

export interface SamplingPlan {
  /** Keep this fraction of rows (0 < ratio < 1). */
  ratio?: number;
  /** Keep at most this many rows. */
  size?: number;
  seed: number;
}

export interface InputMapping {
  /** Columns that form the input, in the order the template reads them (one: input is a string). */
  inputColumns: string[];
  /** The output feature's column. */
  outputColumn: string;
  /** The prompt template (Python str.format subset), when the config has one. */
  template?: string;
  /**
   * Which input column the template's `{__sample__}` reads, when the input is an object (several columns);
   * absent when the input is one string (the sample is that string) or the template has no `{__sample__}`.
   */
  sampleColumn?: string;
  /**
   * How to split. Undefined: use a `split` column when the data has one, else the file names
   * (train.* / validation.* / test.*), else everything is train.
   */
  split?: SplitPlan;
  sampling?: SamplingPlan;
}
