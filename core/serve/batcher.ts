// Dynamic batching for the server, as LoRAX batches concurrent requests on the GPU: predict() calls that
// arrive while the event loop is busy are queued and answered by one predictBatch() on the next turn.
// A batched recipe (the ONNX classifier) pays its per-call runtime overhead once per batch instead of once
// per request; answers are the same, since predictBatch is the same model on the same inputs.
import type { Input, Prediction, Predictor } from '../runtime/types.ts';

const MAX_BATCH = 256;

export function batchingPredictor(inner: Predictor, schedule: (fn: () => void) => void = setImmediate): Predictor {
  let queue: { input: Input; resolve: (p: Prediction) => void; reject: (e: unknown) => void }[] = [];
  let scheduled = false;
  const flush = async () => {
    scheduled = false;
    while (queue.length) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(batch.length);
      try {
        const out = await inner.predictBatch(batch.map((q) => q.input));
        batch.forEach((q, i) => q.resolve(out[i]!));
      } catch (err) {
        batch.forEach((q) => q.reject(err));
      }
    }
  };
  return {
    predict(input) {
      return new Promise<Prediction>((resolve, reject) => {
        queue.push({ input, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          schedule(() => void flush());
        }
      });
    },
    predictBatch: (inputs) => inner.predictBatch(inputs),
    ...(inner.close ? { close: () => inner.close!() } : {}),
    ...(inner.generator ? { generator: inner.generator } : {}),
  };
}
