import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { emptyModel, logitsOf, type Csr } from '../../../../core/recipes/classifier/train.ts';
import { seededRandom } from '../../../../core/util/random.ts';

function randomRows(n: number, features: number, seed: number): Csr {
  const rand = seededRandom(seed);
  const ptr = new Int32Array(n + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = Math.floor(rand() * 5); // some rows are empty
    const picked = new Set<number>();
    while (picked.size < k) picked.add(Math.floor(rand() * features));
    for (const c of [...picked].sort((a, b) => a - b)) {
      cols.push(c);
      vals.push(rand() * 2 - 1);
    }
    ptr[i + 1] = cols.length;
  }
  return { n, features, ptr, cols: Int32Array.from(cols), vals: Float32Array.from(vals) };
}

// The class loop runs in blocks of 4, 2 and 1: every remainder is checked against the plain sum.
for (const classes of [1, 2, 3, 4, 5, 6, 7, 9]) {
  test(`logits are bias + Σ value · weight for every row and class (${classes} classes)`, () => {
    const X = randomRows(40, 12, classes);
    const m = emptyModel(12, classes);
    const rand = seededRandom(100 + classes);
    for (let i = 0; i < m.W.length; i++) m.W[i] = rand() * 2 - 1;
    for (let c = 0; c < classes; c++) m.b[c] = rand();
    const got = logitsOf(m, X);
    for (let i = 0; i < X.n; i++) {
      for (let c = 0; c < classes; c++) {
        let z = m.b[c]!;
        for (let k = X.ptr[i]!; k < X.ptr[i + 1]!; k++) z += X.vals[k]! * m.W[X.cols[k]! * classes + c]!;
        assert.ok(Math.abs(got[i * classes + c]! - z) < 1e-12, `row ${i} class ${c}`);
      }
    }
  });
}

test.run();
