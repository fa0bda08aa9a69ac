// The whole migration as one call, for `kolm-migrate --yes` and the wizard: translate the Ludwig config to
// spec.json, convert the data to JSONL, then compile and score when the data allows. Each step is the same
// core function the single `kolm` commands call; this only sequences them and names the outputs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { saveArtifact } from '../artifact/index.ts';
import { compileRecipe, createdFromInputs, recipeArtifactBytes, type CompileOutcome, type DatasetRef } from '../compile/index.ts';
import { checkGates, evaluatePredictor, type EvalReport } from '../eval/index.ts';
import { writeFileAtomic } from '../fs/atomic.ts';
import { createScorer, labelSet } from '../kscore/index.ts';
import { readExamples } from '../seeds/index.ts';
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

export interface BuildResult {
  artifactPath: string;
  bytes: number;
  outcome: Omit<CompileOutcome, 'predictor' | 'saved'>;
  /** The eval on validation.jsonl (or test.jsonl), when the export has one. */
  evaluation?: { file: string; report: EvalReport; reportPath: string };
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

/**
 * Compile the converted data into `<outDir>/<name>.kolm` and score it on the held-out split the export
 * came with (validation, else test). `created` is taken from the input files, so reruns give the same bytes.
 */
export async function buildArtifact(migrated: MigrateResult, reporter: Reporter = silentReporter): Promise<BuildResult> {
  const { spec, outDir } = migrated;
  const shape = spec.shape;
  const train = await readExamples(join(outDir, 'train.jsonl'), shape);
  const heldFile = ['validation.jsonl', 'test.jsonl'].map((f) => join(outDir, f)).find((f) => existsSync(f));
  const held = heldFile ? await readExamples(heldFile, shape) : undefined;

  const outcome = await compileRecipe({ spec, train: train.examples }, reporter);
  const datasets: DatasetRef[] = [{ role: 'train', sha256: train.sha256, rows: train.examples.length }];
  if (held) datasets.push({ role: 'eval', sha256: held.sha256, rows: held.examples.length });
  let evaluation: BuildResult['evaluation'];
  if (held) {
    reporter.progress({ stage: 'eval', message: `scoring on ${held.examples.length} held-out cases` });
    const scorer = createScorer(outcome.kind, { labels: outcome.kind === 'label' ? labelSet(train.examples.map((e) => e.output)) : undefined });
    const report = await evaluatePredictor(outcome.predictor, held.examples, scorer, { system: { name: 'kolm' }, reporter });
    report.gates = checkGates(report, spec.gates);
    outcome.eval = { K: report.K, K_low: report.K_ci95[0], K_high: report.K_ci95[1], pass_rate: report.pass_rate, n: report.cases, p50_ms: report.latency_ms?.p50 ?? 0, p99_ms: report.latency_ms?.p99 ?? 0 };
    const reportPath = join(outDir, 'eval.json');
    await writeFileAtomic(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    evaluation = { file: held.file, report, reportPath };
  }
  const name = spec.name ?? 'model';
  const bytes = await recipeArtifactBytes(outcome, { spec, name, created: await createdFromInputs([migrated.specPath, train.file, ...(held ? [held.file] : [])]), datasets });
  await outcome.predictor.close?.();
  const artifactPath = join(outDir, `${name}.kolm`);
  await saveArtifact(artifactPath, bytes);
  const { predictor: _p, saved: _s, ...rest } = outcome;
  return { artifactPath, bytes: bytes.length, outcome: rest, ...(evaluation ? { evaluation } : {}) };
}
