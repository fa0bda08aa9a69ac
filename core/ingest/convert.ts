// Ingestion: a Predibase export (CSV / Parquet / JSON lines; files or folders) plus the InputMapping that
// translation made from config.yaml become train/validation/test JSONL of {input, output} and a report.
// All row work happens inside DuckDB (read, drop, sample, split, stats, write); JS only sees counts.
// This file runs the four stages in order: load the rows, classify them, summarize them, write the outputs.
import { KolmError } from '../errors.ts';
import type { InputMapping } from '../ludwig/types.ts';
import { silentReporter, type Reporter } from '../progress.ts';
import { classifyRows } from './classify-rows.ts';
import type { IngestConnection, IngestDb } from './duckdb.ts';
import { loadRows } from './load-rows.ts';
import type { ConvertReport } from './report.ts';
import { resolveDataFiles, type DataFile } from './sources.ts';
import { summarizeRows } from './summarize-rows.ts';
import { writeOutputs } from './write-outputs.ts';

export interface ConvertOptions {
  /** An open DuckDB (openIngestDb). Required: the face owns its lifetime and its memory limit. */
  db: IngestDb;
  /** Files and/or folders of the export, in the order their rows should appear. */
  exportPaths: string[];
  mapping: InputMapping;
  outDir: string;
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
  const rows = await loadRows(conn, files, mapping, warn, reporter);
  const classified = await classifyRows(conn, rows, mapping, reporter);
  const report: ConvertReport = { ...(await summarizeRows(conn, rows, classified, mapping, outDir, warn)), warnings };
  await writeOutputs(conn, rows, classified, mapping, report, outDir, reporter);
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
