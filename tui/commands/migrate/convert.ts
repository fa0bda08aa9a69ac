// `kolm migrate convert`: a Predibase export (CSV / Parquet / JSON lines + Ludwig config.yaml) becomes
// train/validation/test JSONL of {input, output} and report.json. Thin: translate the config, convert, render.
import { tmpdir } from 'node:os';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { Command, Option } from 'clipanion';
import { KolmError } from '../../../core/errors.ts';
import { convertExport, DROP_REASON_TEXT, DROP_REASONS, openIngestDb, type ConvertReport, type LengthStats } from '../../../core/ingest/index.ts';
import { translateLudwigFiles } from '../../../core/ludwig/index.ts';
import { KolmCommand } from '../../base-command.ts';

export class MigrateConvertCommand extends KolmCommand {
  static override paths = [['migrate', 'convert']];
  static override usage = Command.Usage({
    category: 'Migrate',
    description: 'Convert a Predibase export (CSV, Parquet, JSON lines) into train/validation/test JSONL',
    details: `
      Reads the dataset files of an export (a folder such as \`predibase-export/\`, or files) and maps them to
      \`{"input": ..., "output": ...}\` lines the way the Ludwig config does: the columns the prompt template
      reads (or the input features' columns) form the input, a string for one column and an object keyed by
      column for several; the output feature's column is the output, kept as text.

      Splits: a Ludwig \`split\` column (0 train, 1 validation, 2 test), else file names (train.*,
      validation.*/val.*/eval.*/dev.*, test.*), else everything is train. \`preprocessing.sample_ratio\` and
      \`sample_size\` are applied here, seeded. Rows with a null or empty input or output are dropped and
      counted. The report lists rows per file, drops, duplicates, conflicting duplicates and lengths; it is
      also written as report.json. Nothing is written when the input is bad.
    `,
    examples: [
      ['Convert an export folder', '$0 migrate convert --export predibase-export/ --config predibase-export/config.yaml --out data/'],
      ['Convert files, print the report as JSON', '$0 migrate convert --export train.parquet --export test.parquet --config config.yaml --out data/ --json'],
    ],
  });

  exports = Option.Array('--export', { required: true, description: 'Export folder or data file (repeatable)' });
  config = Option.String('--config', { description: 'Ludwig config.yaml (default: config.yaml in the first export folder)' });
  output = Option.String('--out', { required: true, description: 'Folder for train.jsonl, validation.jsonl, test.jsonl and report.json' });

  async run(): Promise<number> {
    const cwd = this.context.cwd;
    const exportPaths = this.exports.map((p) => resolve(cwd, p));
    const outDir = resolve(cwd, this.output);
    const reporter = this.reporter();
    const translated = await translateLudwigFiles({ config: this.configPath(exportPaths) });
    for (const w of translated.warnings) reporter.warn(w);

    const db = await openIngestDb({ tmpDir: tmpdir() });
    let report: ConvertReport;
    try {
      report = await convertExport({ db, exportPaths, mapping: translated.mapping, outDir }, reporter);
    } finally {
      db.close();
    }
    if (this.json) this.outJson(report);
    else this.out(renderReport(report, (p) => relative(cwd, p) || '.'));
    return 0;
  }

  private configPath(exportPaths: string[]): string {
    if (this.config) return resolve(this.context.cwd, this.config);
    const first = exportPaths[0]!;
    const folder = existsSync(first) && statSync(first).isDirectory() ? first : dirname(first);
    const guess = join(folder, 'config.yaml');
    if (existsSync(guess)) return guess;
    throw new KolmError('E_USAGE', `no --config given and no config.yaml in ${folder}`, {
      hint: 'pass the Ludwig config of the export: --config predibase-export/config.yaml',
    });
  }
}

const num = (n: number) => n.toLocaleString('en-US');
const lengths = (l: LengthStats) => `length p50 ${l.p50} · p90 ${l.p90} · p99 ${l.p99} · max ${l.max}`;

/** The report as a terminal table (paths shown relative to the working folder). */
export function renderReport(r: ConvertReport, show: (path: string) => string): string {
  const t = r.totals;
  const kept = t.rowsOut.train + t.rowsOut.validation + t.rowsOut.test;
  const droppedOf = (d: Record<string, number>) => Object.values(d).reduce((a, b) => a + b, 0);
  const header = ['file', 'format', 'rows in', 'sampled out', 'dropped', 'train', 'validation', 'test', 'split by'];
  const rows = r.files.map((f) => [
    show(f.file),
    f.format,
    num(f.rowsIn),
    num(f.sampledOut),
    num(droppedOf(f.dropped)),
    num(f.rowsOut.train),
    num(f.rowsOut.validation),
    num(f.rowsOut.test),
    f.splitSource === 'column' ? `column "${f.splitColumn}"` : f.splitSource,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 || i === 1 || i === 8 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  const out = [
    `${num(t.rowsIn)} rows in → ${num(kept)} out (train ${num(t.rowsOut.train)} · validation ${num(t.rowsOut.validation)} · test ${num(t.rowsOut.test)})`,
    '',
    line(header),
    ...rows.map(line),
    '',
  ];
  const drops = DROP_REASONS.filter((d) => t.dropped[d] > 0).map((d) => `${num(t.dropped[d])} ${DROP_REASON_TEXT[d]}`);
  if (drops.length) out.push(`dropped: ${drops.join('; ')}`);
  if (r.sampling) out.push(`sampled: kept ${num(r.sampling.kept)} of ${num(t.rowsIn)} rows (seed ${r.sampling.seed})`);
  const nulls = r.input.nullCells ? Object.entries(r.input.nullCells).filter(([, c]) => c > 0) : [];
  out.push(
    `input:   ${r.input.columns.join(', ')} (${r.input.kind}); ${lengths(r.input.length)}` +
      (nulls.length ? `; null cells written as "": ${nulls.map(([c, k]) => `${c} ${num(k)}`).join(', ')}` : ''),
  );
  const top = r.output.top ? `: ${r.output.top.map((o) => `${o.value} ${num(o.count)}`).join(', ')}` : '';
  out.push(`output:  ${r.output.column}; ${lengths(r.output.length)}; ${num(r.output.distinct)} distinct${r.output.labelLike ? ' (looks like a label task)' : ''}${top}`);
  const d = r.duplicates;
  out.push(
    `duplicates: ${num(d.exact)} exact · ${num(d.conflictingInputs)} inputs with different outputs (${num(d.conflictingRows)} rows) · ${num(d.inputsInSeveralSplits)} inputs in more than one split`,
  );
  for (const ex of d.examples) out.push(`  conflict: ${JSON.stringify(ex.input)} → ${ex.outputs.map((o) => JSON.stringify(o)).join(' | ')}`);
  out.push(`wrote ${[...r.outputs.map((o) => `${show(join(r.outDir, o.file))} (${num(o.rows)} rows)`), show(join(r.outDir, 'report.json'))].join(', ')}`);
  return out.join('\n');
}
