// Peers benchmark (issue 14): kolm compile + eval beside scikit-learn's TF-IDF linear models, on the same
// machine, the same training rows and the same held-out file, scored by the same K-score rule.
//   node --import tsx scripts/bench/peers/index.ts [trec-questions tweet-emotion bus-slots] [--data DIR ...]
// --data DIR adds a Predibase export folder outside examples/ (e.g. ../shared/fixtures/clinc-intents; a bench is
// not a test, so it may read the shared fixtures). The scikit-learn side runs in a venv this script creates in
// scripts/bench/peers/.venv from requirements.txt (pinned), one thread (kolm fits on one thread too).
// Label fixtures are compiled with output_kind forced to 'label' (the kind decision is another issue's work);
// JSON fixtures (bus-slots) are compiled as they are and have no scikit-learn row.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compileRecipe, measureLatency, recipeArtifactBytes, scoreOn } from '../../../core/compile/index.ts';
import { createScorer, labelSet } from '../../../core/kscore/index.ts';
import { getExport, migrateExport } from '../../../core/migrate/index.ts';
import { fieldText } from '../../../core/recipes/classifier/featurize.ts';
import { loadArtifact } from '../../../core/runtime/index.ts';
import type { Example } from '../../../core/runtime/types.ts';
import { readExamples } from '../../../core/seeds/index.ts';

const here = new URL('./', import.meta.url).pathname;
const root = resolve(here, '../../..');
const LABEL_FIXTURES = new Set(['trec-questions', 'tweet-emotion', 'clinc-intents']);

const args = process.argv.slice(2);
const dirs: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--data') dirs.push(resolve(args[++i]!));
  else dirs.push(join(root, 'examples', args[i]!));
}
if (dirs.length === 0) for (const n of ['trec-questions', 'tweet-emotion', 'bus-slots']) dirs.push(join(root, 'examples', n));

function python(): string {
  const venv = join(here, '.venv');
  const py = join(venv, 'bin', 'python');
  if (!existsSync(py)) {
    console.error(`creating ${venv} (scikit-learn from requirements.txt)`);
    execFileSync('python3', ['-m', 'venv', venv], { stdio: 'inherit' });
    execFileSync(py, ['-m', 'pip', 'install', '-q', '-r', join(here, 'requirements.txt')], { stdio: 'inherit' });
  }
  return py;
}

const textOf = (input: unknown): string =>
  input !== null && typeof input === 'object' && !Array.isArray(input)
    ? Object.keys(input).sort().map((k) => fieldText((input as Record<string, unknown>)[k])).join('\n')
    : fieldText(input);

function writePeerFile(path: string, examples: readonly Example[]): void {
  writeFileSync(path, examples.map((e) => JSON.stringify({ x: textOf(e.input), y: JSON.stringify(e.output ?? null) })).join('\n') + '\n');
}

interface PeerModel { name: string; vectorize_s: number; fit_s: number; fit_cpu_s: number; predictions: string[] }

const rows: string[][] = [['task', 'train/held', 'labels', 'kolm K', 'compile s (cpu)', 'clf fit s', 'SVC K', 'SVC fit s (cpu)', 'LR K', 'LR fit s (cpu)', 'ΔK vs best', 'compile/SVC wall (cpu)']];
const py = python();
for (const dir of dirs) {
  const name = basename(dir);
  const tmp = mkdtempSync(join(tmpdir(), `kolm-peers-${name}-`));
  try {
    const migrated = await migrateExport({ found: getExport(join(dir, 'predibase-export')), outDir: tmp, tmpDir: tmpdir() });
    const isLabel = LABEL_FIXTURES.has(name);
    const spec = isLabel ? { ...migrated.spec, output_kind: 'label' as const } : migrated.spec;
    const train = (await readExamples(join(tmp, 'train.jsonl'), spec.shape)).examples;
    const held = (await readExamples(join(tmp, 'validation.jsonl'), spec.shape)).examples;

    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const outcome = await compileRecipe({ spec, train });
    const bytes = await recipeArtifactBytes(outcome, { spec, name, created: '2026-01-01T00:00:00.000Z', datasets: [] });
    const compileSeconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const compileCpu = (cpu.user + cpu.system) / 1e6;
    await outcome.predictor.close?.();
    const clfRow = outcome.table.find((r) => r.type === 'classifier');
    const { contents, predictor } = await loadArtifact(bytes);
    const kind = contents.manifest.output_kind;
    const scorer = createScorer(kind, { labels: kind === 'label' ? labelSet(train.map((e) => e.output)) : undefined });
    const m = await scoreOn(predictor, held, scorer);
    const latency = await measureLatency(predictor, held);
    await predictor.close?.();
    const fit = outcome.winner === 'classifier' ? (outcome.saved.config as { fit?: unknown }).fit : undefined;
    const candidates = outcome.table.map((r) => `${r.type} ${r.status}${r.fit_seconds !== undefined ? ` ${r.fit_seconds.toFixed(2)} s` : ''}`).join(', ');
    console.log(`${name}: winner ${outcome.winner}, K ${m.K.toFixed(4)}, ${bytes.length} bytes, single-call p50 ${latency.p50.toFixed(4)} ms; candidates: ${candidates}${fit ? `\n  fit ${JSON.stringify(fit)}` : ''}`);

    let peer: PeerModel[] = [];
    if (isLabel) {
      writePeerFile(join(tmp, 'peer-train.jsonl'), train);
      writePeerFile(join(tmp, 'peer-held.jsonl'), held);
      const env = { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
      const r = spawnSync(py, [join(here, 'peer.py'), join(tmp, 'peer-train.jsonl'), join(tmp, 'peer-held.jsonl')], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
      if (r.status !== 0) throw new Error(`peer.py failed: ${r.stderr}`);
      peer = (JSON.parse(r.stdout) as { models: PeerModel[] }).models;
    }
    const kOf = (p: PeerModel) => held.reduce((a, e, i) => a + scorer.judge(JSON.parse(p.predictions[i]!), [e.output]).s, 0) / held.length;
    const svc = peer.find((p) => p.name === 'LinearSVC');
    const lr = peer.find((p) => p.name === 'LogisticRegression');
    const svcK = svc ? kOf(svc) : undefined;
    const lrK = lr ? kOf(lr) : undefined;
    const best = Math.max(svcK ?? -Infinity, lrK ?? -Infinity);
    const f = (x: number | undefined, d = 3) => (x === undefined || !Number.isFinite(x) ? '-' : x.toFixed(d));
    rows.push([
      name,
      `${train.length}/${held.length}`,
      String(new Set(train.map((e) => JSON.stringify(e.output))).size),
      f(m.K, 4),
      `${f(compileSeconds, 2)} (${f(compileCpu, 2)})`,
      f(clfRow?.fit_seconds, 2),
      f(svcK, 4),
      svc ? `${f(svc.fit_s, 2)} (${f(svc.fit_cpu_s, 2)})` : '-',
      f(lrK, 4),
      lr ? `${f(lr.fit_s, 2)} (${f(lr.fit_cpu_s, 2)})` : '-',
      Number.isFinite(best) ? `${m.K - best >= 0 ? '+' : ''}${(m.K - best).toFixed(4)}` : '-',
      svc ? `${(compileSeconds / svc.fit_s).toFixed(2)}× (${(compileCpu / svc.fit_cpu_s).toFixed(2)}×)` : '-',
    ]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
console.log(`\n${rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ')).join('\n')}`);
console.log('\nkolm compile s: the whole compile (every candidate, validation fold + refit); clf fit s: one classifier fit on the fold.');
console.log('SVC/LR fit s: the classifier fit alone (TF-IDF vectorizing not included). (cpu): process CPU seconds, the fairer figure on a shared machine.');
console.log('Targets: kolm K ≥ best peer; compile ≤ 2× SVC fit on clinc-intents.');
console.log(`load: ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')} (1/5/15 min), ${(await import('node:os')).cpus().length} cores`);
