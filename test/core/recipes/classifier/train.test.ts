import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { logitsOf, sgdStart, trainLogistic, type Csr } from '../../../../core/recipes/classifier/train.ts';
import { seededRandom } from '../../../../core/util/random.ts';

// Three classes, each owning two of six features; every row has one of its class's features plus noise.
function separable(n: number, seed: number): { X: Csr; y: Int32Array } {
  const rand = seededRandom(seed);
  const ptr = new Int32Array(n + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    y[i] = c;
    cols.push(2 * c + (rand() < 0.5 ? 0 : 1), 6 + Math.floor(rand() * 4));
    vals.push(0.8, 0.6);
    ptr[i + 1] = cols.length;
  }
  return { X: { n, features: 10, ptr, cols: Int32Array.from(cols), vals: Float32Array.from(vals) }, y };
}

function accuracy(logits: Float64Array, y: Int32Array, C: number): number {
  let ok = 0;
  for (let i = 0; i < y.length; i++) {
    let best = 0;
    for (let c = 1; c < C; c++) if (logits[i * C + c]! > logits[i * C + best]!) best = c;
    if (best === y[i]) ok++;
  }
  return ok / y.length;
}

test('learns a separable task and predicts held-out rows right', () => {
  const train = separable(90, 1);
  const held = separable(60, 2);
  const r = trainLogistic(train.X, train.y, 3, { lambda: 1e-3, maxIterations: 100, tolerance: 1e-8 });
  assert.is(accuracy(logitsOf(r.model, held.X), held.y, 3), 1);
  assert.ok(r.loss < 0.2, `loss ${r.loss}`);
});

test('training is deterministic: the same data gives the same weights', () => {
  const { X, y } = separable(90, 3);
  const a = trainLogistic(X, y, 3, { lambda: 1e-2, maxIterations: 30, tolerance: 0 }, sgdStart(X, y, 3, 2, 1, seededRandom(5)));
  const b = trainLogistic(X, y, 3, { lambda: 1e-2, maxIterations: 30, tolerance: 0 }, sgdStart(X, y, 3, 2, 1, seededRandom(5)));
  assert.equal([...a.model.W], [...b.model.W]);
  assert.equal([...a.model.b], [...b.model.b]);
});

test('stronger L2 gives smaller weights', () => {
  const { X, y } = separable(90, 4);
  const norm = (lambda: number) => {
    const r = trainLogistic(X, y, 3, { lambda, maxIterations: 100, tolerance: 1e-9 });
    return r.model.W.reduce((s, w) => s + w * w, 0);
  };
  assert.ok(norm(1e-1) < norm(1e-3));
});

test('a warm start from a converged model needs few iterations', () => {
  const { X, y } = separable(90, 6);
  const cold = trainLogistic(X, y, 3, { lambda: 1e-2, maxIterations: 200, tolerance: 1e-7 });
  const warm = trainLogistic(X, y, 3, { lambda: 1e-2, maxIterations: 200, tolerance: 1e-7 }, cold.model);
  assert.ok(warm.iterations < cold.iterations / 2, `${warm.iterations} vs ${cold.iterations}`);
  assert.ok(Math.abs(warm.loss - cold.loss) < 1e-5);
});

test.run();
