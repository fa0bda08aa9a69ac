// Bench for the classifier recipe: fit on each example export's training file, score label accuracy on its
// validation file, and report fit seconds, payload bytes, and for each runtime (the default TypeScript scorer
// and onnxruntime-node, side by side) single-predict p50/p99 and batch throughput, plus whether the two
// agree on every validation case.
// Usage: node --import tsx scripts/bench/classifier.ts [trec|tweet ...] [--quantization int8|f16] [--seed N]
import { DuckDBInstance } from '@duckdb/node-api';
import { performance } from 'node:perf_hooks';
import { silentReporter } from '../../core/progress.ts';
import { classifierCandidate, loadClassifier, type ClassifierConfig } from '../../core/recipes/classifier/index.ts';
import type { Example, Prediction } from '../../core/runtime/types.ts';

const DATASETS = {
  trec: { train: 'examples/trec-questions/predibase-export/train.csv', validation: 'examples/trec-questions/predibase-export/validation.csv', input: 'prompt', output: 'response' },
  tweet: { train: 'examples/tweet-emotion/predibase-export/train.parquet', validation: 'examples/tweet-emotion/predibase-export/validation.parquet', input: 'tweet', output: 'emotion' },
} as const;

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1]! : fallback;
};
const quantization = opt('--quantization', 'int8') as 'int8' | 'f16';
const seed = Number(opt('--seed', '42'));
const names = (args.length ? args : Object.keys(DATASETS)) as (keyof typeof DATASETS)[];

async function read(path: string, input: string, output: string): Promise<Example[]> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const source = path.endsWith('.csv') ? `read_csv('${path}', all_varchar = true, header = true)` : `read_parquet('${path}')`;
  const rows = (await conn.runAndReadAll(`SELECT "${input}" AS i, "${output}" AS o FROM ${source}`)).getRowObjectsJS();
  conn.closeSync();
  db.closeSync();
  return rows.map((r) => ({ input: String(r.i ?? ''), output: String(r.o ?? '') }));
}

for (const name of names) {
  const d = DATASETS[name];
  const train = await read(d.train, d.input, d.output);
  const validation = await read(d.validation, d.input, d.output);
  const t0 = performance.now();
  const fitted = await classifierCandidate.fit(train, { kind: 'label', quantization, seed, reporter: silentReporter, prefix: 'recipe/' });
  const fitSeconds = (performance.now() - t0) / 1000;
  const config = fitted.saved.config as unknown as ClassifierConfig;
  let bytes = new TextEncoder().encode(JSON.stringify(config)).length;
  for (const b of fitted.saved.files.values()) bytes += b.length;

  const inputs = validation.map((e) => e.input);
  // Each runtime measured in the same run, on the same artifact bytes: the default TypeScript scorer and
  // onnxruntime-node (the optional accelerator).
  const runtimes = {
    ts: fitted.predictor,
    onnx: await loadClassifier(fitted.saved.config, fitted.saved.files, { classifierRuntime: 'onnx' }),
  };
  const measured: Record<string, { p50_ms: number; p99_ms: number; batch_validation_s: number; throughput_per_s: number }> = {};
  const predictionsOf: Record<string, Prediction[]> = {};
  for (const [rt, predictor] of Object.entries(runtimes)) {
    await predictor.predictBatch(inputs.slice(0, 200)); // warm-up (JIT)
    const tb = performance.now();
    predictionsOf[rt] = await predictor.predictBatch(inputs);
    const batchSeconds = (performance.now() - tb) / 1000;
    const sample = Array.from({ length: 500 }, (_, i) => inputs[i % inputs.length]!);
    for (const x of sample.slice(0, 50)) await predictor.predict(x);
    const times = new Float64Array(sample.length);
    for (let i = 0; i < sample.length; i++) {
      const t = performance.now();
      await predictor.predict(sample[i]!);
      times[i] = performance.now() - t;
    }
    times.sort();
    const big = Array.from({ length: 20000 }, (_, i) => inputs[i % inputs.length]!);
    let best = Infinity;
    for (let r = 0; r < 3; r++) {
      const tt = performance.now();
      await predictor.predictBatch(big);
      best = Math.min(best, performance.now() - tt);
    }
    measured[rt] = {
      p50_ms: Number(times[Math.floor(0.5 * times.length)]!.toFixed(4)),
      p99_ms: Number(times[Math.floor(0.99 * times.length)]!.toFixed(4)),
      batch_validation_s: Number(batchSeconds.toFixed(3)),
      throughput_per_s: Math.round(big.length / (best / 1000)),
    };
  }
  const predictions = predictionsOf.ts!;
  let correct = 0;
  predictions.forEach((p, i) => (correct += p.output === validation[i]!.output ? 1 : 0));
  // Agreement of the two runtimes on every validation case.
  let disagree = 0;
  let maxDiff = 0;
  predictionsOf.onnx!.forEach((o, i) => {
    if (o.output !== predictions[i]!.output) disagree++;
    maxDiff = Math.max(maxDiff, Math.abs(o.confidence! - predictions[i]!.confidence!));
  });
  await runtimes.onnx.close?.();

  const h = config.fit.holdout;
  console.log(
    JSON.stringify({
      dataset: name,
      train: train.length,
      validation: validation.length,
      accuracy: Number((correct / validation.length).toFixed(4)),
      fit_s: Number(fitSeconds.toFixed(2)),
      payload_bytes: bytes,
      storage: config.storage,
      features: config.fit.features,
      C: config.fit.C,
      grid: config.fit.grid,
      temperature: Number(config.temperature.toFixed(3)),
      holdout: h,
      ts: measured.ts,
      onnx: measured.onnx,
      ts_vs_onnx_throughput: Number((measured.ts!.throughput_per_s / measured.onnx!.throughput_per_s).toFixed(2)),
      ort_ts_disagreements: disagree,
      ort_ts_max_prob_diff: maxDiff,
    }),
  );
}
