// What the wizard's steps do, as plain async functions over core (no Ink, no React): each takes data and a
// Reporter and returns data, so a step component only renders state and asks. `kolm-migrate --yes` runs the
// same core calls through core/migrate/pipeline.ts.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { homedir, tmpdir } from 'node:os';
import { defaultModelsDir } from '../../core/adapter/base.ts';
import { KolmError } from '../../core/errors.ts';
import { evaluateArtifactFile } from '../../core/eval/index.ts';
import type { Gates } from '../../core/spec/index.ts';
import { writeFileAtomic } from '../../core/fs/atomic.ts';
import { readLudwigConfig } from '../../core/ludwig/index.ts';
import { specFileText, translateAndConvert, tryExportAt, type BuildResult, type FoundExport } from '../../core/migrate/index.ts';
import { WORKFLOW_PATH, workflowYaml } from '../../core/migrate/workflow.ts';
import type { Reporter } from '../../core/progress.ts';
import { silentReporter } from '../../core/progress.ts';
import { parseSpec, type Spec } from '../../core/spec/index.ts';
import type { AbResult, Converted } from './state.ts';
import { compileInWorker, type CompileJob } from './compile-job.ts';

const PREVIEW_ROWS = 3;

/** Step 1, typing a path: what the path is, said while the user types it. */
export type PathCheck = { ok: true; found: FoundExport } | { ok: false; message: string };

export function checkExportPath(text: string, cwd: string): PathCheck {
  if (text.trim() === '') return { ok: false, message: 'type the folder that holds config.yaml and the data files' };
  const path = resolve(cwd, text.trim());
  if (!existsSync(path)) return { ok: false, message: `${text.trim()} does not exist` };
  if (!statSync(path).isDirectory()) return { ok: false, message: `${text.trim()} is a file: give its folder` };
  const found = tryExportAt(path);
  if (found) return { ok: true, found };
  const names = readdirSync(path);
  const hasConfig = names.some((n) => /^(config\.ya?ml|model_hyperparameters\.yaml)$/.test(n));
  return { ok: false, message: hasConfig ? 'config.yaml but no CSV/Parquet/JSONL data files here' : 'no config.yaml here (Tab completes folder names)' };
}

/**
 * Tab completion for a folder path: extends `text` to the longest prefix shared by the matching sub-folders
 * (adding a separator when exactly one matches). Returns the matches so the screen can list them.
 */
export function completePath(text: string, cwd: string): { text: string; matches: string[] } {
  const endsWithSep = text === '' || text.endsWith('/') || text.endsWith(sep);
  const dirPart = endsWithSep ? text : dirname(text) === '.' && !text.startsWith('.') ? '' : `${dirname(text)}/`;
  const stem = endsWithSep ? '' : basename(text);
  const dir = resolve(cwd, dirPart || '.');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { text, matches: [] };
  const matches = readdirSync(dir)
    .filter((n) => n.startsWith(stem) && !(n.startsWith('.') && !stem.startsWith('.')))
    .filter((n) => statSync(join(dir, n)).isDirectory())
    .sort();
  if (matches.length === 0) return { text, matches };
  let common = matches[0]!;
  for (const m of matches) while (!m.startsWith(common)) common = common.slice(0, -1);
  return { text: `${dirPart}${common}${matches.length === 1 ? '/' : ''}`, matches };
}

async function firstLines(file: string, n: number): Promise<string[]> {
  const fh = await open(file, 'r');
  try {
    const lines: string[] = [];
    for await (const line of fh.readLines()) {
      if (line.trim() === '') continue;
      lines.push(line);
      if (lines.length >= n) break;
    }
    return lines;
  } finally {
    await fh.close();
  }
}

function featureList(value: unknown): { name: string; type: string }[] {
  if (!Array.isArray(value)) return [];
  return value.map((f) => ({ name: String((f as { name?: unknown })?.name ?? '?'), type: String((f as { type?: unknown })?.type ?? '?') }));
}

/**
 * Step 2: translate config.yaml, convert the data into `outDir` (train/validation/test JSONL + report.json,
 * all-or-nothing), read back the first rows. `columnFixes` replaces config column names the data lacks.
 * Throws E_MISSING_COLUMN (with `.data.columnsFound`, `.data.closest`) when a column is still missing.
 */
export async function convertStep(
  opts: { found: FoundExport; outDir: string; name?: string; columnFixes?: Record<string, string> },
  reporter: Reporter = silentReporter,
): Promise<Converted> {
  const columnFixes = opts.columnFixes ?? {};
  const { spec, mapping, warnings, report } = await translateAndConvert({ ...opts, columnFixes, tmpDir: tmpdir() }, reporter);
  const cfg = ((await readLudwigConfig(opts.found.config)).value ?? {}) as Record<string, unknown>;
  const trainFile = join(opts.outDir, 'train.jsonl');
  const preview = existsSync(trainFile) ? (await firstLines(trainFile, PREVIEW_ROWS)).map((l) => JSON.parse(l) as { input: unknown; output: unknown }) : [];
  return {
    spec,
    mapping,
    warnings,
    report,
    preview,
    features: { inputs: featureList(cfg.input_features), outputs: featureList(cfg.output_features) },
    columnFixes,
  };
}

/** Step 3's edits, as typed: empty removes a gate. Returns the edited spec (validated) or throws E_BAD_SPEC. */
export function editSpec(spec: Spec, field: 'name' | 'K_min' | 'p50_ms_max', text: string): Spec {
  const value = text.trim();
  if (field === 'name') {
    if (value === '') throw new KolmError('E_BAD_SPEC', 'the name is empty', { hint: 'letters, digits, ".", "_" and "-"' });
    return parseSpec({ ...spec, name: value });
  }
  const gates: Gates = { ...(spec.gates ?? {}) };
  if (value === '') delete gates[field];
  else {
    const n = Number(value);
    if (!Number.isFinite(n)) throw new KolmError('E_BAD_SPEC', `${field} must be a number, not "${value}"`, { hint: field === 'K_min' ? 'a K-score between 0 and 1, e.g. 0.85' : 'milliseconds, e.g. 200' });
    gates[field] = n;
  }
  const { gates: _old, ...rest } = spec;
  return parseSpec(Object.keys(gates).length ? { ...rest, gates } : rest);
}

export async function writeSpec(outDir: string, spec: Spec): Promise<string> {
  const specPath = join(outDir, 'spec.json');
  await writeFileAtomic(specPath, specFileText(parseSpec(spec)));
  return specPath;
}

/** Step 4: compile, package and score (the same buildArtifact call `--yes` makes), in a worker thread. */
export function compileStep(opts: { outDir: string; spec: Spec; specPath: string; converted: Converted }, reporter: Reporter): CompileJob {
  return compileInWorker({ outDir: opts.outDir, specPath: opts.specPath, spec: opts.spec, warnings: opts.converted.warnings, report: opts.converted.report }, reporter);
}

/**
 * "No recipe passes": the gates relaxed to what the best candidate reached (K and pass rate floored to
 * 3 decimals, latency ceiled), so the next compile passes with that candidate.
 */
export function relaxGates(spec: Spec, table: readonly { K?: number; pass_rate?: number; p50_ms?: number }[]): Spec {
  const scored = table.filter((r) => r.K !== undefined);
  if (!scored.length || !spec.gates) return spec;
  const best = scored.reduce((a, b) => (b.K! > a.K! ? b : a));
  const floor3 = (x: number) => Math.floor(x * 1000) / 1000;
  const g: Gates = { ...spec.gates };
  if (g.K_min !== undefined && best.K! < g.K_min) g.K_min = floor3(best.K!);
  if (g.pass_min !== undefined && best.pass_rate !== undefined && best.pass_rate < g.pass_min) g.pass_min = floor3(best.pass_rate);
  if (g.p50_ms_max !== undefined && best.p50_ms !== undefined && best.p50_ms > g.p50_ms_max) g.p50_ms_max = Math.ceil(best.p50_ms * 10) / 10;
  return parseSpec({ ...spec, gates: g });
}

/** Step 5's A/B: the artifact and the old endpoint on the same held-out cases. The token stays in memory. */
export async function abStep(
  opts: { built: BuildResult; spec: Spec; outDir: string; url: string; adapterId?: string; token?: string },
  reporter: Reporter,
): Promise<AbResult> {
  const evaluation = opts.built.evaluation;
  if (!evaluation) throw new KolmError('E_USAGE', 'there is no held-out split to A/B on', { hint: 'export a validation or test split from Predibase' });
  const result = await evaluateArtifactFile({
    artifactPath: opts.built.artifactPath,
    examplesPath: evaluation.file,
    load: { adapter: { modelsDir: defaultModelsDir(process.env, homedir()), tmpDir: tmpdir() } },
    reporter,
    remote: {
      url: opts.url,
      ...(opts.adapterId ? { adapterId: opts.adapterId } : {}),
      ...(opts.token ? { token: opts.token } : {}),
      // The resume cache holds outputs and latencies only, never the token (core/remote/cache.ts).
      cachePath: join(opts.outDir, 'remote-cache.jsonl'),
    },
  });
  const remotePath = join(opts.outDir, 'remote-eval.json');
  await writeFileAtomic(remotePath, `${JSON.stringify(result.remote, null, 2)}\n`);
  return { remote: result.remote!, comparison: result.comparison!, remotePath };
}

/** Step 6: `.github/workflows/kolm.yml` under `root`, with paths relative to it. */
export async function writeWorkflow(opts: { root: string; specPath: string; outDir: string; built: BuildResult; spec: Spec; endpoint?: string; adapterId?: string }): Promise<string> {
  const rel = (p: string) => relative(opts.root, p).split(sep).join('/');
  const text = workflowYaml({
    spec: rel(opts.specPath),
    examples: rel(join(opts.outDir, 'train.jsonl')),
    ...(opts.built.evaluation ? { eval: rel(opts.built.evaluation.file) } : {}),
    ...(opts.spec.gates ? { gates: opts.spec.gates } : {}),
    ...(opts.endpoint ? { predibaseEndpoint: opts.endpoint } : {}),
    ...(opts.adapterId ? { predibaseAdapterId: opts.adapterId } : {}),
  });
  const path = join(opts.root, WORKFLOW_PATH);
  await writeFileAtomic(path, text);
  return path;
}
