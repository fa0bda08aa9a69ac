// Stage 4 of ingestion: every non-empty split to its JSONL through DuckDB and the report to report.json, all
// or nothing; a split file that an earlier run left in the folder, and this run did not produce, is removed.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KolmError } from '../errors.ts';
import { commitFilesAtomic } from '../fs/atomic.ts';
import type { InputMapping } from '../ludwig/types.ts';
import type { Reporter } from '../progress.ts';
import type { ClassifiedRows } from './classify-rows.ts';
import type { IngestConnection } from './duckdb.ts';
import type { LoadedRows } from './load-rows.ts';
import { DROP_REASONS, type ConvertReport } from './report.ts';
import { SPLIT_NAMES, type SplitIndex } from './sources.ts';
import { ident, literal } from './sql.ts';

export async function writeOutputs(
  conn: IngestConnection,
  rows: LoadedRows,
  classified: ClassifiedRows,
  mapping: InputMapping,
  report: ConvertReport,
  outDir: string,
  reporter: Reporter,
): Promise<void> {
  const { plans } = rows;
  const { outputs, files: fileReports } = report;
  const inputs = mapping.inputColumns;
  const inputExpr = inputs.length > 1 ? `struct_pack(${inputs.map((n, i) => `${ident(n)} := coalesce(i${i}, '')`).join(', ')})` : 'i0';
  // A scan of kolm_rows through filters and projections keeps the table's order (preserve_insertion_order),
  // so no sort is needed; sampling and a random split look rows up in another table, a join whose output
  // order DuckDB does not promise.
  const keepsOrder = !classified.sampled && mapping.split?.type !== 'random';
  // Each filter costs a pass over 1M cells, so only the ones that can remove a row are written: no drop
  // test when nothing is dropped, and a file test (a rowid range) when files, not rows, carry the split.
  const whereFor = (split: SplitIndex): string => {
    const name = SPLIT_NAMES[split];
    const mine = fileReports.filter((f) => f.rowsOut[name] > 0);
    const conds: string[] = [];
    const dropsAny = mine.some((f) => f.sampledOut > 0 || DROP_REASONS.some((r) => f.dropped[r] > 0));
    if (dropsAny) conds.push('drop_code IS NULL');
    const rowSplit = mine.some((f) => SPLIT_NAMES.some((s) => s !== name && f.rowsOut[s] > 0));
    if (rowSplit) conds.push(`split = ${split}`);
    else if (mine.length < fileReports.length) {
      const ranges = plans.filter((p) => mine.some((f) => f === fileReports[p.index])).map((p) => `pos BETWEEN ${p.firstPos} AND ${p.firstPos + p.rows - 1}`);
      conds.push(`(${ranges.join(' OR ')})`);
    }
    return conds.length ? ` WHERE ${conds.join(' AND ')}` : '';
  };
  const targets = [...outputs.map((o) => join(outDir, o.file)), join(outDir, 'report.json')];
  await commitFilesAtomic(targets, async (temps) => {
    for (const [i, o] of outputs.entries()) {
      reporter.progress({ stage: 'ingest:write', done: i, total: outputs.length, message: o.file });
      const split = SPLIT_NAMES.indexOf(o.file.replace('.jsonl', '') as (typeof SPLIT_NAMES)[number]) as SplitIndex;
      try {
        await conn.run(
          `COPY (SELECT ${inputExpr} AS input, o AS output FROM kolm_v${whereFor(split)}${keepsOrder ? '' : ' ORDER BY pos'}) TO ${literal(temps[i]!)} (FORMAT json)`,
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
}
