// Per-case latency as a server sees it: single predict() calls, timed one by one after a short warm-up
// (JIT, onnxruntime sessions). Compile's candidate table and eval both measure through here, and both
// summarize with latencyStats, so "p50" means the same number in each.
import { performance } from 'node:perf_hooks';
import type { Input, Predictor } from '../runtime/types.ts';

const WARM_UP = 20;

/** Milliseconds of each single predict() call on `inputs`, in order. */
export async function timeSingleCalls(
  predictor: Pick<Predictor, 'predict'>,
  inputs: readonly Input[],
  onProgress?: (done: number) => void,
): Promise<number[]> {
  for (let i = 0; i < Math.min(WARM_UP, inputs.length); i++) await predictor.predict(inputs[i]!);
  const times = new Array<number>(inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    const t0 = performance.now();
    await predictor.predict(inputs[i]!);
    times[i] = performance.now() - t0;
    if (onProgress && i % 500 === 0) onProgress(i);
  }
  return times;
}
