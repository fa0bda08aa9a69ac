// Evaluating a loaded artifact in-process: outputs from one batched run (which also gives throughput),
// per-case latency from single predict() calls, the way a server answers one request at a time.
import { performance } from 'node:perf_hooks';
import type { Scorer } from '../kscore/index.ts';
import type { Reporter } from '../progress.ts';
import { silentReporter } from '../progress.ts';
import type { Example, Predictor } from '../runtime/types.ts';
import { cascadeReport } from '../cascade/report.ts';
import type { Prediction } from '../runtime/types.ts';
import { timeSingleCalls } from './latency.ts';
import { buildReport, type EvalReport } from './report.ts';

export interface LocalEvalOptions {
  system: EvalReport['system'];
  reporter?: Reporter;
  /** Time single calls on at most this many cases (all by default). */
  latencySample?: number;
}

const BATCH = 1024;

export async function evaluatePredictor(predictor: Predictor, examples: readonly Example[], scorer: Scorer, opts: LocalEvalOptions): Promise<EvalReport> {
  const reporter = opts.reporter ?? silentReporter;
  const inputs = examples.map((e) => e.input);
  const outputs: unknown[] = new Array(inputs.length);
  const confidences: (number | undefined)[] = new Array(inputs.length);
  const predictions: Prediction[] = new Array(inputs.length);
  const started = performance.now();
  for (let i = 0; i < inputs.length; i += BATCH) {
    const batch = await predictor.predictBatch(inputs.slice(i, i + BATCH));
    batch.forEach((p, k) => {
      outputs[i + k] = p.output;
      confidences[i + k] = p.confidence;
      predictions[i + k] = p;
    });
    reporter.progress({ stage: 'eval:predict', done: Math.min(i + BATCH, inputs.length), total: inputs.length });
  }
  const seconds = (performance.now() - started) / 1000;

  const sample = Math.min(inputs.length, opts.latencySample ?? inputs.length);
  const latency = await timeSingleCalls(predictor, inputs.slice(0, sample), (done) =>
    reporter.progress({ stage: 'eval:latency', done, total: sample }),
  );
  reporter.progress({ stage: 'eval:latency', done: sample, total: sample });
  const report = buildReport(
    opts.system,
    examples.map((e, i) => ({ input: e.input, reference: e.output, prediction: outputs[i], latency_ms: latency[i], ...(confidences[i] !== undefined ? { confidence: confidences[i] } : {}) })),
    scorer,
    { throughput_cases_per_s: seconds > 0 ? inputs.length / seconds : undefined },
  );
  // A cascade's predictions say which path answered: the report says how the cases split.
  const cascade = cascadeReport(predictions, report.results.map((r) => r.s), latency);
  if (cascade) report.cascade = cascade;
  return report;
}
