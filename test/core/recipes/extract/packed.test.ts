import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PackedModel, packWeights } from '../../../../core/recipes/extract/packed.ts';

// One field: tags O=0, B=1, I=2.
const T = 3;

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
