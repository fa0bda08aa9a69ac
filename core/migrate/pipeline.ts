// The whole migration as one call, for `kolm-migrate --yes` and the wizard: translate the Ludwig config to
// spec.json, convert the data to JSONL, then compile and score when the data allows. Each step is the same
// core function the single `kolm` commands call; this only sequences them and names the outputs.
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic.ts';
import { convertExport, openIngestDb, type ConvertReport } from '../ingest/index.ts';
import { translateLudwigFiles, type TranslateResult } from '../ludwig/index.ts';
import type { Reporter } from '../progress.ts';
import { silentReporter } from '../progress.ts';
import type { Spec } from '../spec/index.ts';
import type { FoundExport } from './find.ts';

export interface MigrateOptions {
  found: FoundExport;
  outDir: string;
  name?: string;
}

export interface MigrateResult {
  outDir: string;
  specPath: string;
  spec: Spec;
  warnings: string[];
  report: ConvertReport;
}

export function specFileText(spec: Spec): string {
  return `${JSON.stringify(spec, null, 2)}\n`;
}

export async function migrateExport(opts: MigrateOptions, reporter: Reporter = silentReporter): Promise<MigrateResult> {
  const { found, outDir } = opts;
  reporter.progress({ stage: 'spec', message: `translating ${found.config}` });
  const translated: TranslateResult = await translateLudwigFiles({ config: found.config, adapter: found.adapterDir, name: opts.name });
  for (const w of translated.warnings) reporter.warn(w);

  reporter.progress({ stage: 'convert', message: `converting ${found.dataFiles.length} data file(s)` });
  const db = await openIngestDb();
  let report: ConvertReport;
  try {
    report = await convertExport({ db, exportPaths: [found.exportDir], mapping: translated.mapping, outDir }, reporter);
  } finally {
    db.close();
  }
  // spec.json last: a failed conversion leaves no spec that points at data that is not there.
  const specPath = join(outDir, 'spec.json');
  await writeFileAtomic(specPath, specFileText(translated.spec));
  return { outDir, specPath, spec: translated.spec, warnings: translated.warnings, report };
}
