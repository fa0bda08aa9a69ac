// Compile benchmark (the compile issue's targets): for each example export, convert it with the real
// ingestion, compile from train.jsonl, and print the candidate table, the winner, K and pass rate on its
// validation file, compile seconds, artifact bytes and in-process per-case latency (p50/p99 of single
// predict calls on the loaded artifact). Baseline in the same run: always answering the most common
// training output (the floor a recipe must beat).
//   node --import tsx scripts/bench/compile.ts [trec-questions tweet-emotion bus-slots]
import { performance } from 'node:perf_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileRecipe, formatCandidateTable, measureLatency, recipeArtifactBytes, scoreOn } from '../../core/compile/index.ts';
import { createScorer, inferOutputKind, labelSet } from '../../core/kscore/index.ts';
import { getExport, migrateExport } from '../../core/migrate/index.ts';
import { loadArtifact } from '../../core/runtime/index.ts';
import { readExamples } from '../../core/seeds/index.ts';

const root = new URL('../../', import.meta.url).pathname;
const names = process.argv.slice(2).length ? process.argv.slice(2) : ['trec-questions', 'tweet-emotion', 'bus-slots'];
const rows: string[][] = [['task', 'winner', 'K', 'pass', 'majority K', 'compile s', 'bytes', 'p50 ms', 'p99 ms']];

for (const name of names) {
  const dir = mkdtempSync(join(tmpdir(), `kolm-bench-${name}-`));
  try {
    const migrated = await migrateExport({ found: getExport(join(root, 'examples', name, 'predibase-export')), outDir: dir, tmpDir: tmpdir() });
    const shape = migrated.spec.shape;
    const train = await readExamples(join(dir, 'train.jsonl'), shape);
    const validation = await readExamples(join(dir, 'validation.jsonl'), shape);

    const t0 = performance.now();
    const outcome = await compileRecipe({ spec: migrated.spec, train: train.examples });
    const bytes = await recipeArtifactBytes(outcome, { spec: migrated.spec, name, created: '2026-01-01T00:00:00.000Z', datasets: [] });
    const compileSeconds = (performance.now() - t0) / 1000;
    await outcome.predictor.close?.();

    const { contents, predictor } = await loadArtifact(bytes);
    const kind = contents.manifest.output_kind;
    const outputs = train.examples.map((e) => e.output);
    const scorer = createScorer(kind, { labels: kind === 'label' ? labelSet(outputs) : undefined });
    const m = await scoreOn(predictor, validation.examples, scorer);
    const latency = await measureLatency(predictor, validation.examples);
    await predictor.close?.();

    // Baseline: the most common training output for every case.
    const counts = new Map<string, number>();
    for (const o of outputs) counts.set(JSON.stringify(o), (counts.get(JSON.stringify(o)) ?? 0) + 1);
    const majority = JSON.parse([...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0]);
    const majorityK = validation.examples.reduce((a, e) => a + scorer.judge(majority, [e.output]).s, 0) / validation.examples.length;

    console.log(`\n── ${name} (${inferOutputKind(outputs)}; ${train.examples.length} train / ${validation.examples.length} validation)`);
    console.log(formatCandidateTable(outcome.table));
    rows.push([
      name,
      outcome.winner,
      m.K.toFixed(3),
      `${(m.pass_rate * 100).toFixed(1)}%`,
      majorityK.toFixed(3),
      compileSeconds.toFixed(2),
      String(bytes.length),
      latency.p50.toFixed(4),
      latency.p99.toFixed(4),
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
console.log(`\n${rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ')).join('\n')}`);
console.log('\ntargets: trec K ≥ 0.86, tweet-emotion K ≥ 0.70 (compile < 15 s each), bus-slots K ≥ 0.85, artifact < 2 MB, p50 < 0.2 ms');
