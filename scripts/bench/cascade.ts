// Cascade benchmark (issue 18): on each dev label fixture, a stand-in fallback (a loopback LoRAX server right
// on 95 % of cases, answering after 150 ms, as a fine-tuned LLM on a GPU would) and the compiled recipe, all
// in one run: the curve the threshold is chosen from, then at K_min = fallback-only K − 0.01 the share
// answered locally and the p50 of the whole, beside recipe-only and fallback-only.
//   node --import tsx scripts/bench/cascade.ts [export-name ...]
// Figures: validation folds (where the threshold is chosen) and the fixture's validation split (eval,
// never used to choose). p50 from per-case times measured in this run: the recipe's single predict() calls
// and the stand-in's HTTP round trips; the loaded cascade artifact is also run end to end on a sample.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCascadeFromFiles, saveBuilt } from '../../core/build/index.ts';
import { formatCurve } from '../../core/cascade/index.ts';
import { evaluateArtifact } from '../../core/eval/index.ts';
import { getExport, migrateExport } from '../../core/migrate/index.ts';
import { promptRenderer } from '../../core/remote/index.ts';
import { loadArtifact } from '../../core/runtime/index.ts';
import { readExamples } from '../../core/seeds/index.ts';
import { standIn } from '../../test/core/cascade/_task.ts';

const root = new URL('../../', import.meta.url).pathname;
const DEFAULT = ['trec-questions', 'tweet-emotion', 'clinc-sample'];
const names = process.argv.length > 2 ? process.argv.slice(2) : DEFAULT.filter((n) => existsSync(join(root, 'examples', n, 'predibase-export')));
const SHARE = 0.95;
const FALLBACK_MS = 150;
const E2E_SAMPLE = 200;

const f3 = (x: number | null | undefined) => (x === null || x === undefined ? '-' : x.toFixed(3));
const ms = (x: number | null | undefined) => (x === null || x === undefined ? '-' : x < 1 ? `${x.toFixed(3)}` : `${x.toFixed(1)}`);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

const rows: string[][] = [['fixture', 'system', 'K folds', 'K eval', 'local (eval)', 'p50 ms (eval)', 'p95 ms (eval)', 'GPU requests']];

for (const name of names) {
  const dir = mkdtempSync(join(tmpdir(), 'kolm-bench-cascade-'));
  try {
    const migrated = await migrateExport({ found: getExport(join(root, 'examples', name, 'predibase-export')), outDir: dir, tmpDir: tmpdir() });
    const spec = migrated.spec;
    const train = (await readExamples(join(dir, 'train.jsonl'), spec.shape)).examples;
    const held = (await readExamples(join(dir, 'validation.jsonl'), spec.shape)).examples;
    const labels = [...new Set([...train, ...held].map((e) => String(e.output)))];
    // The stand-in is asked the prompts the spec renders (its template, or the input as is).
    const render = promptRenderer(spec);
    const known = [...train, ...held].map((e) => ({ input: render(e.input as never), output: e.output }));
    const s = await standIn(known, labels, { share: SHARE, ms: FALLBACK_MS });
    try {
      const specPath = join(dir, 'spec.json');
      const input = {
        specPath,
        examplesPath: join(dir, 'train.jsonl'),
        evalPath: join(dir, 'validation.jsonl'),
        defaultName: name,
        fallback: { type: 'endpoint' as const, url: s.server.url, cachePath: join(dir, 'fallback-cache.jsonl'), concurrency: 8 },
      };
      // Pass 1 learns fallback-only K on the folds (and fills the cache); pass 2 gates at that K − 0.01.
      const first = await buildCascadeFromFiles({ ...input, gates: {}, maxFallbackShare: 1 });
      const kMin = Number((first.choice.fallbackOnly.K - 0.01).toFixed(4));
      const sent = s.server.requests.length;
      let built;
      try {
        built = await buildCascadeFromFiles({ ...input, gates: { K_min: kMin } });
      } catch (err) {
        const e = err as { code?: string; message: string };
        console.log(`\n## ${name}: no threshold meets K_min ${kMin} (${e.code})\n${e.message}`);
        continue;
      }
      console.log(`\n## ${name}: ${train.length} train, ${held.length} eval; recipe ${built.outcome.winner}; K_min ${kMin} (fallback-only K on the folds ${f3(first.choice.fallbackOnly.K)} − 0.01)`);
      console.log(`fallback requests: pass 1 ${sent}, pass 2 ${s.server.requests.length - sent} (the resume cache)`);
      console.log(formatCurve(built.choice.curve, built.choice.threshold));

      const ev = built.cascadeEval!;
      rows.push([name, 'recipe only', f3(built.choice.recipeOnly.K), f3(ev.recipeOnly.K), '100%', ms(ev.recipeOnly.p50_ms), '-', '0']);
      rows.push([name, 'fallback only', f3(built.choice.fallbackOnly.K), f3(ev.fallbackOnly.K), '0%', ms(ev.fallbackOnly.p50_ms), '-', String(held.length)]);
      rows.push([name, `cascade t=${built.choice.threshold.toFixed(3)}`, f3(built.choice.chosen.K), f3(ev.whole.K), pct(ev.whole.local), ms(ev.whole.p50_ms), ms(ev.whole.p95_ms), String(held.length - ev.requests_saved)]);

      // End to end: the saved artifact loaded and evaluated as `kolm eval` does, on a sample.
      const path = (await saveBuilt(join(dir, `${name}.kolm`), built.bytes)).path;
      const { contents, predictor } = await loadArtifact(path, { cascade: { concurrency: 8 } });
      const sample = held.slice(0, E2E_SAMPLE);
      const { kolm } = await evaluateArtifact({ spec: contents.manifest.spec, outputKind: contents.manifest.output_kind, predictor, artifact: path, examples: sample });
      await predictor.close?.();
      const c = kolm.cascade!;
      rows.push([
        name,
        `  loaded, ${sample.length} cases`,
        '',
        f3(kolm.K),
        pct(c.local_share),
        `${ms(kolm.latency_ms?.p50)} (local ${ms(c.latency_ms.local?.p50)}, fallback ${ms(c.latency_ms.fallback?.p50)})`,
        ms(kolm.latency_ms?.p95),
        String(c.fallback),
      ]);
    } finally {
      await s.server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
console.log(`\nstand-in fallback: right on ${SHARE * 100} % of cases, ${FALLBACK_MS} ms per answer (loopback LoRAX)\n`);
console.log(rows.map((r) => `| ${r.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`).join('\n'));
