import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DecodeScratch, PackedModel, expTransitions, logPartition, maskTransitions, packWeights, pickSpans, viterbi } from '../../../../core/recipes/extract/model.ts';

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

test('packed weights: int16 round trip, zero rows dropped, budget drops the weakest features', () => {
  const hashes = Uint32Array.from([11, 22, 33]);
  const W = new Float64Array((3 + T + 1) * T);
  W.set([1, -2, 0.5], 0);
  W.set([0, 0, 0], 3);
  W.set([0.001, 0, 4], 6);
  const m = new PackedModel(packWeights(hashes, W, T, 1e9));
  assert.is(m.rows, 2);
  const em = new Float64Array(T);
  m.addFeature(33, em, 0);
  assert.ok(Math.abs(em[2]! - 4) < 1e-3 && Math.abs(em[0]! - 0.001) < 1e-3);
  m.addFeature(22, em, 0); // dropped (all zero): no effect
  m.addFeature(99, em, 0); // unknown
  assert.ok(Math.abs(em[1]!) < 1e-9);
  const small = new PackedModel(packWeights(hashes, W, T, 24 + 24 + 4 + 8 + 3 * 2 + 1));
  assert.is(small.rows, 1);
  const em2 = new Float64Array(T);
  small.addFeature(33, em2, 0);
  assert.ok(em2[2]! > 3.9);
});

test.run();
