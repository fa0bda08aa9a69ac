import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { batchingPredictor } from '../../../core/serve/batcher.ts';
import type { Input, Prediction, Predictor } from '../../../core/runtime/types.ts';

const test = suite('serve batcher');

function recorder(fail = false) {
  const batches: Input[][] = [];
  const inner: Predictor = {
    predict: async (i) => ({ output: String(i).toUpperCase() }),
    predictBatch: async (inputs) => {
      batches.push([...inputs]);
      if (fail) throw new Error('boom');
      return inputs.map((i): Prediction => ({ output: String(i).toUpperCase() }));
    },
  };
  return { inner, batches };
}

test('concurrent predict() calls become one predictBatch, each caller gets its own answer', async () => {
  const { inner, batches } = recorder();
  const p = batchingPredictor(inner);
  const out = await Promise.all(['a', 'b', 'c'].map((x) => p.predict(x)));
  assert.equal(out.map((o) => o.output), ['A', 'B', 'C']);
  assert.equal(batches, [['a', 'b', 'c']]);
  assert.is((await p.predict('d')).output, 'D');
  assert.is(batches.length, 2, 'a later call is its own batch');
});

test('a failing batch rejects every caller in it', async () => {
  const { inner } = recorder(true);
  const p = batchingPredictor(inner);
  const results = await Promise.allSettled([p.predict('x'), p.predict('y')]);
  assert.equal(results.map((r) => r.status), ['rejected', 'rejected']);
});

test.run();
