// The whole migration as one call, for `kolm-migrate --yes` and the wizard: translate the Ludwig config to
// spec.json, convert the data to JSONL, then build and score through the one build service (core/build).
// Each step is the same core function the single `kolm` commands call; this only sequences them and names
// the outputs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildFromFiles, saveBuilt, type CompileSummary } from '../build/index.ts';
import type { EvalReport } from '../eval/index.ts';
import { writeFileAtomic } from '../fs/atomic.ts';
import { convertExport, openIngestDb, type ConvertReport } from '../ingest/index.ts';
import { translateLudwigFiles, type InputMapping } from '../ludwig/index.ts';
import type { Reporter } from '../progress.ts';
import { silentReporter } from '../progress.ts';
import type { Spec } from '../spec/index.ts';
import type { FoundExport } from './find.ts';
import { applyColumnFixes } from './mapping.ts';

export interface MigrateOptions {
  found: FoundExport;
  outDir: string;
  name?: string;
  /** Config column name → data column, for columns the data lacks (the wizard asks). */
  columnFixes?: Record<string, string>;
  /** The host's temp folder, from the entry point: where DuckDB spills (see openIngestDb). */
  tmpDir: string;
}

export interface MigrateResult {
  outDir: string;
  specPath: string;
  spec: Spec;
  warnings: string[];
  report: ConvertReport;
}

/** The translated config and the converted data, before spec.json is written. */
export interface TranslatedExport {
  spec: Spec;
  mapping: InputMapping;
  warnings: string[];
  report: ConvertReport;
}

export interface BuildResult {
  artifactPath: string;
  bytes: number;
  outcome: CompileSummary;
  /** The eval on validation.jsonl (or test.jsonl), when the export has one. */
  evaluation?: { file: string; report: EvalReport; reportPath: string };
}

export function specFileText(spec: Spec): string {
  return `${JSON.stringify(spec, null, 2)}\n`;
}

/** Translate config.yaml (with the column fixes) and convert the data into `outDir`, all-or-nothing. */
export async function translateAndConvert(opts: MigrateOptions, reporter: Reporter = silentReporter): Promise<TranslatedExport> {
  const { found, outDir } = opts;
  reporter.progress({ stage: 'spec', message: `translating ${found.config}` });
  const translated = await translateLudwigFiles({ config: found.config, adapter: found.adapterDir, name: opts.name });
  for (const w of translated.warnings) reporter.warn(w);
  const { mapping, spec } = applyColumnFixes(translated.mapping, translated.spec, opts.columnFixes ?? {});

  reporter.progress({ stage: 'convert', message: `converting ${found.dataFiles.length} data file(s)` });
  const db = await openIngestDb({ tmpDir: opts.tmpDir });
  try {
    const report = await convertExport({ db, exportPaths: [found.exportDir], mapping, outDir }, reporter);
    return { spec, mapping, warnings: translated.warnings, report };
  } finally {
    db.close();
  }
}

export async function migrateExport(opts: MigrateOptions, reporter: Reporter = silentReporter): Promise<MigrateResult> {
  const { spec, warnings, report } = await translateAndConvert(opts, reporter);
  // spec.json last: a failed conversion leaves no spec that points at data that is not there.
  const specPath = join(opts.outDir, 'spec.json');
  await writeFileAtomic(specPath, specFileText(spec));
  return { outDir: opts.outDir, specPath, spec, warnings, report };
}

/**
 * Build the converted data into `<outDir>/<name>.kolm`, scored on the held-out split the export came with
 * (validation, else test) and that report written as eval.json. `created` is taken from the input files,
 * so reruns give the same bytes.
 */
export async function buildArtifact(migrated: MigrateResult, reporter: Reporter = silentReporter): Promise<BuildResult> {
  const { outDir } = migrated;
  const heldFile = ['validation.jsonl', 'test.jsonl'].map((f) => join(outDir, f)).find((f) => existsSync(f));
  const built = await buildFromFiles({ specPath: migrated.specPath, examplesPath: join(outDir, 'train.jsonl'), evalPath: heldFile, defaultName: 'model' }, reporter);
  let evaluation: BuildResult['evaluation'];
  if (built.evalReport && built.files.eval) {
    const reportPath = join(outDir, 'eval.json');
    await writeFileAtomic(reportPath, `${JSON.stringify(built.evalReport, null, 2)}\n`);
    evaluation = { file: built.files.eval, report: built.evalReport, reportPath };
  }
  const saved = await saveBuilt(join(outDir, `${built.name}.kolm`), built.bytes);
  return { artifactPath: saved.path, bytes: saved.bytes.length, outcome: built.outcome, ...(evaluation ? { evaluation } : {}) };
}
