import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { primalObjective, trainOvrSvm, type DcdOptions } from '../../../../core/recipes/classifier/dcd.ts';
import type { Csr, LinearModel } from '../../../../core/recipes/classifier/train.ts';
import { balancedWeights } from '../../../../core/recipes/classifier/fit.ts';
import { seededRandom } from '../../../../core/util/random.ts';

/**
 * `n` sparse rows over `classes` classes: each class owns `own` features, every row carries one or two of
 * its class's features and `noise` shared ones; `overlap` is the chance a row also carries another class's
 * feature (so classes are not separable). `weights` skews how often each class is drawn.
 */
function generate(n: number, classes: number, seed: number, o: { own?: number; noise?: number; overlap?: number; weights?: number[] } = {}): { X: Csr; y: Int32Array } {
  const own = o.own ?? 3;
  const noise = o.noise ?? 3;
  const shared = 20;
  const rand = seededRandom(seed);
  const w = o.weights ?? Array.from({ length: classes }, () => 1);
  const total = w.reduce((a, b) => a + b, 0);
  const draw = () => {
    let r = rand() * total;
    for (let c = 0; c < classes; c++) if ((r -= w[c]!) < 0) return c;
    return classes - 1;
  };
  const ptr = new Int32Array(n + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = draw();
    y[i] = c;
    const f = new Map<number, number>();
    const k = 1 + Math.floor(rand() * 2);
    for (let j = 0; j < k; j++) f.set(c * own + Math.floor(rand() * own), 1);
    if (rand() < (o.overlap ?? 0.3)) f.set(Math.floor(rand() * classes) * own + Math.floor(rand() * own), 1);
    for (let j = 0; j < noise; j++) f.set(classes * own + Math.floor(rand() * shared), 0.5 + rand());
    let norm = 0;
    for (const v of f.values()) norm += v * v;
    for (const [col, v] of [...f.entries()].sort((a, b) => a[0] - b[0])) {
      cols.push(col);
      vals.push(v / Math.sqrt(norm));
    }
    ptr[i + 1] = cols.length;
  }
  return { X: { n, features: classes * own + shared, ptr, cols: Int32Array.from(cols), vals: Float32Array.from(vals) }, y };
}

/** ∇ of class `cls`'s primal objective at the model's weights (bias last): zero at the optimum. */
function primalGradient(X: Csr, y: Int32Array, cls: number, m: LinearModel, opts: Pick<DcdOptions, 'C' | 'classWeight'>): Float64Array {
  const C = m.classes;
  const g = new Float64Array(m.features + 1);
  for (let f = 0; f < m.features; f++) g[f] = m.W[f * C + cls]!;
  g[m.features] = m.b[cls]!;
  for (let i = 0; i < X.n; i++) {
    let z = m.b[cls]!;
    for (let k = X.ptr[i]!; k < X.ptr[i + 1]!; k++) z += X.vals[k]! * m.W[X.cols[k]! * C + cls]!;
    const yi = y[i] === cls ? 1 : -1;
    const viol = 1 - yi * z;
    if (viol <= 0) continue;
    const coef = -2 * opts.C * (opts.classWeight ? opts.classWeight[y[i]!]! : 1) * viol * yi;
    for (let k = X.ptr[i]!; k < X.ptr[i + 1]!; k++) g[X.cols[k]!]! += coef * X.vals[k]!;
    g[m.features]! += coef;
  }
  return g;
}

const maxAbs = (a: ArrayLike<number>) => Array.from(a).reduce((m, x) => Math.max(m, Math.abs(x)), 0);

for (const [n, classes, C] of [
  [60, 2, 1],
  [300, 3, 0.5],
  [800, 7, 4],
  [400, 12, 1.5],
] as const) {
  test(`reaches the primal optimum (gradient ~0, no nearby point lower): ${n} rows, ${classes} classes, C ${C}`, () => {
    const { X, y } = generate(n, classes, n + classes);
    const opts: DcdOptions = { C, eps: 1e-4, maxEpochs: 5000, seed: 3 };
    const r = trainOvrSvm(X, y, classes, opts);
    const rand = seededRandom(9);
    for (let c = 0; c < classes; c++) {
      const g = primalGradient(X, y, c, r.model, opts);
      const scale = Math.max(1, maxAbs(r.model.W));
      assert.ok(maxAbs(g) < 1e-2 * scale, `class ${c}: gradient ${maxAbs(g)}`);
      const p = primalObjective(X, y, c, r.model, opts);
      for (let t = 0; t < 5; t++) {
        const moved = { ...r.model, W: r.model.W.map((w) => w + (rand() - 0.5) * 0.02), b: r.model.b.map((b) => b + (rand() - 0.5) * 0.02) };
        assert.ok(primalObjective(X, y, c, moved, opts) >= p - 1e-6, `class ${c}: a nearby point is lower`);
      }
    }
  });
}

test('a warm start from another C reaches the same model as a cold start', () => {
  const { X, y } = generate(600, 5, 17);
  const at = (C: number, warm?: Float64Array) => trainOvrSvm(X, y, 5, { C, eps: 1e-4, maxEpochs: 5000, seed: 1 }, warm);
  const cold = at(2);
  const warm = at(2, at(0.5).alpha);
  const diff = Math.max(maxAbs(cold.model.W.map((w, i) => w - warm.model.W[i]!)), maxAbs(cold.model.b.map((b, i) => b - warm.model.b[i]!)));
  assert.ok(diff < 1e-2 * Math.max(1, maxAbs(cold.model.W)), `max weight difference ${diff}`);
  // and a warm start from its own optimum has nothing left to do: one sweep per class
  assert.is(at(2, cold.alpha).epochs, 5);
});

test('the same data and seed give the same weights', () => {
  const { X, y } = generate(300, 4, 5);
  const a = trainOvrSvm(X, y, 4, { C: 1, eps: 0.1, maxEpochs: 100, seed: 7 });
  const b = trainOvrSvm(X, y, 4, { C: 1, eps: 0.1, maxEpochs: 100, seed: 7 });
  assert.equal([...a.model.W], [...b.model.W]);
  assert.equal([...a.model.b], [...b.model.b]);
});

function recallOf(m: LinearModel, X: Csr, y: Int32Array, cls: number): number {
  let hit = 0;
  let total = 0;
  for (let i = 0; i < X.n; i++) {
    if (y[i] !== cls) continue;
    total++;
    let best = 0;
    let bestZ = -Infinity;
    for (let c = 0; c < m.classes; c++) {
      let z = m.b[c]!;
      for (let k = X.ptr[i]!; k < X.ptr[i + 1]!; k++) z += X.vals[k]! * m.W[X.cols[k]! * m.classes + c]!;
      if (z > bestZ) (bestZ = z), (best = c);
    }
    if (best === cls) hit++;
  }
  return hit / total;
}

for (const [n, seed] of [
  [1500, 1],
  [4000, 2],
] as const) {
  test(`balanced class weights raise a rare class's held-out recall (${n} rows, the rare class 4 %)`, () => {
    const shape = { weights: [12, 12, 1], overlap: 0.8, own: 2, noise: 4 };
    const train = generate(n, 3, seed, shape);
    const held = generate(3000, 3, seed + 100, shape);
    const fit = (classWeight?: Float64Array) => trainOvrSvm(train.X, train.y, 3, { C: 1, eps: 0.01, maxEpochs: 1000, seed: 1, ...(classWeight ? { classWeight } : {}) }).model;
    const plain = recallOf(fit(), held.X, held.y, 2);
    const weighted = recallOf(fit(balancedWeights(train.y, 3)), held.X, held.y, 2);
    assert.ok(weighted > plain + 0.05, `rare-class recall ${plain.toFixed(3)} → ${weighted.toFixed(3)}`);
  });
}

test('balanced weights are n / (classes · count), and 1 on balanced data', () => {
  assert.equal([...balancedWeights(Int32Array.of(0, 0, 0, 1), 2)], [4 / 6, 2]);
  assert.equal([...balancedWeights(Int32Array.of(0, 1, 2, 0, 1, 2), 3)], [1, 1, 1]);
});

test.run();
