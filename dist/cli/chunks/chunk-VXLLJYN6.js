import {
  buildReport,
  cascadeReport
} from "./chunk-KQIU45A5.js";
import {
  silentReporter
} from "./chunk-4NIWZNTF.js";

// core/eval/latency.ts
import { performance } from "node:perf_hooks";
var WARM_UP = 20;
async function timeSingleCalls(predictor, inputs, onProgress) {
  for (let i = 0; i < Math.min(WARM_UP, inputs.length); i++) await predictor.predict(inputs[i]);
  const times = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    const t0 = performance.now();
    await predictor.predict(inputs[i]);
    times[i] = performance.now() - t0;
    if (onProgress && i % 500 === 0) onProgress(i);
  }
  return times;
}

// core/eval/local.ts
import { performance as performance2 } from "node:perf_hooks";
var BATCH = 1024;
async function evaluatePredictor(predictor, examples, scorer, opts) {
  const reporter = opts.reporter ?? silentReporter;
  const inputs = examples.map((e) => e.input);
  const outputs = new Array(inputs.length);
  const confidences = new Array(inputs.length);
  const predictions = new Array(inputs.length);
  const started = performance2.now();
  for (let i = 0; i < inputs.length; i += BATCH) {
    const batch = await predictor.predictBatch(inputs.slice(i, i + BATCH));
    batch.forEach((p, k) => {
      outputs[i + k] = p.output;
      confidences[i + k] = p.confidence;
      predictions[i + k] = p;
    });
    reporter.progress({ stage: "eval:predict", done: Math.min(i + BATCH, inputs.length), total: inputs.length });
  }
  const seconds = (performance2.now() - started) / 1e3;
  const sample = Math.min(inputs.length, opts.latencySample ?? inputs.length);
  const latency = await timeSingleCalls(
    predictor,
    inputs.slice(0, sample),
    (done) => reporter.progress({ stage: "eval:latency", done, total: sample })
  );
  reporter.progress({ stage: "eval:latency", done: sample, total: sample });
  const report = buildReport(
    opts.system,
    examples.map((e, i) => ({ input: e.input, reference: e.output, prediction: outputs[i], latency_ms: latency[i], ...confidences[i] !== void 0 ? { confidence: confidences[i] } : {} })),
    scorer,
    { throughput_cases_per_s: seconds > 0 ? inputs.length / seconds : void 0 }
  );
  const cascade = cascadeReport(predictions, report.results.map((r) => r.s), latency);
  if (cascade) report.cascade = cascade;
  return report;
}

export {
  timeSingleCalls,
  evaluatePredictor
};
