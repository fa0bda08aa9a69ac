// Bench for the extract recipe on examples/bus-slots: fit on train.csv, score on validation.csv.
// K here is computed locally (core/kscore did not exist when this was written): per case, F1 over the
// multiset of (key path, normalized leaf) pairs of the parsed JSON; empty vs empty = 1; invalid JSON = 0.
// Usage: node --import tsx scripts/bench/extract.ts [export-dir] [--seed N]
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractCandidate, normalizeValue } from '../../core/recipes/extract/index.ts';
import type { Example } from '../../core/runtime/types.ts';
import { silentReporter } from '../../core/progress.ts';

const args = process.argv.slice(2);
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? Number(args.splice(seedAt, 2)[1]) : 42;
const dir = args[0] ?? 'examples/bus-slots/predibase-export';

async function readCsv(path: string): Promise<Example[]> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const reader = await conn.runAndReadAll(`SELECT * FROM read_csv('${path.replace(/'/g, "''")}', all_varchar = true, header = true)`);
  const rows = reader.getRowObjectsJS() as Record<string, string | null>[];
  conn.closeSync();
  db.closeSync();
  return rows.map((r) => ({
    input: { utterance: r.utterance ?? '', requested_slots: r.requested_slots ?? '' },
    output: r.slots ?? '{}',
  }));
}

function leaves(v: unknown, path: string, out: string[]): void {
  if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) leaves(x, `${path}/${k}`, out);
  } else out.push(`${path}\u0000${normalizeValue(String(v))}`);
}

function jsonF1(gold: string, pred: unknown): number {
  let p: unknown;
  try {
    p = typeof pred === 'string' ? JSON.parse(pred) : pred;
  } catch {
    return 0;
  }
  const g: string[] = [];
  const q: string[] = [];
  leaves(JSON.parse(gold), '', g);
  leaves(p, '', q);
  if (g.length === 0 && q.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const x of g) counts.set(x, (counts.get(x) ?? 0) + 1);
  let hit = 0;
  for (const x of q) {
    const c = counts.get(x) ?? 0;
    if (c > 0) {
      hit++;
      counts.set(x, c - 1);
    }
  }
  return hit === 0 ? 0 : (2 * hit) / (g.length + q.length);
}

const pct = (xs: number[], q: number): number => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

const train = await readCsv(join(dir, 'train.csv'));
const validation = await readCsv(join(dir, 'validation.csv'));
const ctx = { kind: 'json' as const, quantization: 'int8' as const, seed, reporter: silentReporter, prefix: 'recipe/' };
const why = extractCandidate.unsuitable(train, ctx);
if (why) throw new Error(`unsuitable: ${why}`);
const t0 = performance.now();
const fitted = await extractCandidate.fit(train, ctx);
const fitS = (performance.now() - t0) / 1000;
const bytes = [...fitted.saved.files.values()].reduce((a, b) => a + b.length, 0) + JSON.stringify(fitted.saved.config).length;

let sum = 0;
let exact = 0;
const conf: [number, boolean][] = [];
const worst: string[] = [];
for (const ex of validation) {
  const pr = await fitted.predictor.predict(ex.input);
  const s = jsonF1(ex.output as string, pr.output);
  sum += s;
  if (pr.output === ex.output) exact++;
  conf.push([pr.confidence ?? 0, s >= 1]);
  if (s < 1 && worst.length < 12) worst.push(`  ${JSON.stringify(ex.input)} gold=${ex.output} pred=${String(pr.output)} s=${s.toFixed(2)}`);
}
// Latency: warm up, then time single predicts.
for (let r = 0; r < 3; r++) for (const ex of validation) await fitted.predictor.predict(ex.input);
const lat: number[] = [];
for (let r = 0; r < 5; r++) {
  for (const ex of validation) {
    const a = performance.now();
    await fitted.predictor.predict(ex.input);
    lat.push(performance.now() - a);
  }
}
conf.sort((a, b) => b[0] - a[0]);
const bins = [0.5, 0.8, 0.9, 0.95].map((th) => {
  const sel = conf.filter(([c]) => c >= th);
  return `≥${th}: ${sel.length} cases, ${sel.length ? ((100 * sel.filter(([, ok]) => ok).length) / sel.length).toFixed(1) : '-'}% right`;
});
// AUROC of confidence for "this case is fully right": how well a cascade could pick what to defer.
let pairs = 0;
let won = 0;
for (const [cp, okp] of conf) if (okp) for (const [cn, okn] of conf) if (!okn) {
  pairs++;
  won += cp > cn ? 1 : cp === cn ? 0.5 : 0;
}
bins.push(`AUROC ${pairs ? (won / pairs).toFixed(3) : '-'}`);
const cfg = fitted.saved.config as { epochs: number; internal: unknown; calibration: unknown };
console.log(`extract on ${dir}: train ${train.length}, validation ${validation.length}, seed ${seed}`);
console.log(`K ${(sum / validation.length).toFixed(4)}  exact ${((100 * exact) / validation.length).toFixed(1)}%  fit ${fitS.toFixed(2)} s  bytes ${bytes}`);
console.log(`p50 ${pct(lat, 0.5).toFixed(4)} ms  p99 ${pct(lat, 0.99).toFixed(4)} ms  epochs ${cfg.epochs}  internal ${JSON.stringify(cfg.internal)}  calibration ${JSON.stringify(cfg.calibration)}`);
console.log(`confidence: ${bins.join('; ')}`);
console.log('misses:\n' + worst.join('\n'));
