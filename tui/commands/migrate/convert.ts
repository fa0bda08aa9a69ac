// `kolm migrate convert`: a Predibase export (CSV / Parquet / JSON lines + Ludwig config.yaml) becomes
// train/validation/test JSONL of {input, output} and report.json. Thin: translate the config, convert, render.
import { tmpdir } from 'node:os';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { Command, Option } from 'clipanion';
import { KolmError } from '../../../core/errors.ts';
import type { ConvertReport } from '../../../core/ingest/index.ts';
import { KolmCommand } from '../../base-command.ts';
import { value } from '../../options.ts';
import { snakeKeys } from '../../render/json.ts';

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

  exports = value('path', Option.Array('--export', { required: true, description: 'Export folder or data file' }));
  config = value('file', Option.String('--config', { description: 'Ludwig config.yaml (default: config.yaml in the first export folder)' }));
  output = value('dir', Option.String('--out', { required: true, description: 'Folder for train.jsonl, validation.jsonl, test.jsonl and report.json' }));

  async run(): Promise<number> {
    const cwd = this.context.cwd;
    const exportPaths = this.exports.map((p) => resolve(cwd, p));
    const outDir = resolve(cwd, this.output);
    const [{ convertExport, openIngestDb }, { translateLudwigFiles }, { renderReport }, { onInterrupt }] = await Promise.all([
      import('../../../core/ingest/index.ts'),
      import('../../../core/ludwig/index.ts'),
      import('../../render/convert-report.ts'),
      import('../../../core/fs/cleanup.ts'),
    ]);
    const reporter = this.reporter();
    const translated = await translateLudwigFiles({ config: this.configPath(exportPaths) });
    for (const w of translated.warnings) reporter.warn(w);

    // Ctrl-C removes the temp JSONL and DuckDB's spill folder, then ends the process as the signal would.
    const stopCleanup = onInterrupt(process);
    const db = await openIngestDb({ tmpDir: tmpdir() });
    let report: ConvertReport;
    try {
      report = await convertExport({ db, exportPaths, mapping: translated.mapping, outDir }, reporter);
    } finally {
      db.close();
      stopCleanup();
    }
    if (this.json) this.outJson(snakeKeys({ ...report, warnings: [...translated.warnings, ...report.warnings] }));
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
