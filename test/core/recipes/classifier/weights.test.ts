import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { emptyModel } from '../../../../core/recipes/classifier/train.ts';
import { fromHalf, storeWeights, toHalf, TsScorer, unscaledWeights } from '../../../../core/recipes/classifier/weights.ts';

test('half-precision conversion round-trips representable values and rounds the rest closely', () => {
  for (const x of [0, 1, -2, 0.5, 65504, -(2 ** -14), 2 ** -24]) assert.is(fromHalf(toHalf(x)), x);
  for (const x of [0.1, -3.14159, 1234.567, 1e-5]) assert.ok(Math.abs(fromHalf(toHalf(x)) - x) <= Math.abs(x) * 2 ** -11 + 2 ** -25, `${x}`);
  assert.is(fromHalf(toHalf(1e6)), Infinity);
});

test('int8 storage keeps every weight within half a step of its class scale, and a zero padding row', () => {
  const m = emptyModel(3, 2);
  m.W.set([0.5, -2, -0.25, 1, 0.01, 0.02]);
  m.b.set([0.1, -0.1]);
  const w = storeWeights(m, 'int8');
  assert.is(w.rows, 4);
  assert.equal([...w.scale!].map((s) => Number(s.toFixed(6))), [Number((0.5 / 127).toFixed(6)), Number((2 / 127).toFixed(6))]);
  const q = unscaledWeights(w);
  for (let i = 0; i < 6; i++) assert.ok(Math.abs(q[i]! * w.scale![i % 2]! - m.W[i]!) <= w.scale![i % 2]! / 2 + 1e-9);
  assert.equal([...q.subarray(6)], [0, 0]);
});

test('the TypeScript scorer applies scale, bias and temperature before the softmax', () => {
  const m = emptyModel(2, 2);
  m.W.set([1, 0, 0, 1]);
  const w = storeWeights(m, 'f32');
  const probs = new Float64Array(2);
  new TsScorer(w, 2).probabilities(Int32Array.of(0), Float32Array.of(2), 1, probs);
  // logits (2, 0) / T=2 → softmax(1, 0)
  assert.ok(Math.abs(probs[0]! - Math.exp(1) / (Math.exp(1) + 1)) < 1e-12);
});

test.run();
