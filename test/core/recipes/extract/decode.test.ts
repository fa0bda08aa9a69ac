import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DecodeScratch, expTransitions, logPartition, maskTransitions, pickSpans, viterbi } from '../../../../core/recipes/extract/decode.ts';

// One field: tags O=0, B=1, I=2.
const T = 3;

test('viterbi never puts I after O or at the start', () => {
  const trans = maskTransitions(new Float64Array((T + 1) * T), T);
  // Emissions favour I everywhere; the best valid path is B I I.
  const em = Float64Array.from([0, 1, 5, 0, 1, 5, 0, 1, 5]);
  const sc = new DecodeScratch();
  sc.ensure(3, T);
  const best = viterbi(em, 3, T, trans, sc);
  assert.equal([...sc.tags.subarray(0, 3)], [1, 2, 2]);
  assert.is(best, 11);
});

test('the forward pass sums exactly the allowed paths', () => {
  const trans = maskTransitions(new Float64Array((T + 1) * T), T);
  const em = new Float64Array(2 * T); // all scores 0: Z counts allowed paths
  const sc = new DecodeScratch();
  sc.ensure(2, T);
  // Allowed 2-token paths: first ∈ {O, B}; after O: O/B; after B: O/B/I → 2 + 3 = 5.
  const logZ = logPartition(em, 2, T, trans, expTransitions(trans, 1), 1, sc);
  assert.ok(Math.abs(logZ - Math.log(5)) < 1e-12);
});

test('pickSpans keeps the strongest span of a field', () => {
  const tags = Int32Array.from([1, 0, 1, 2]);
  const em = Float64Array.from([0, 1, 0, 0, 0, 0, 0, 3, 0, 0, 0, 2]);
  const first = new Int32Array(1);
  const last = new Int32Array(1);
  pickSpans(tags, em, 4, T, first, last, new Float64Array(1));
  assert.is(first[0], 2);
  assert.is(last[0], 3);
});

test.run();
