// The linear model over sparse rows: the training matrix (CSR), the weights and their logits. The learner
// is in dcd.ts (one-vs-rest L2-loss SVM by dual coordinate descent; it replaced full-batch multinomial
// L-BFGS, which took 46 s on a 15k-row, 151-label task).

/** Sparse rows in CSR form. */
export interface Csr {
  n: number;
  /** Number of feature rows (columns of X, rows of W). */
  features: number;
  ptr: Int32Array;
  cols: Int32Array;
  vals: Float32Array;
}

export interface LinearModel {
  features: number;
  classes: number;
  /** [features, classes], row-major. */
  W: Float64Array;
  b: Float64Array;
}

export function emptyModel(features: number, classes: number): LinearModel {
  return { features, classes, W: new Float64Array(features * classes), b: new Float64Array(classes) };
}

/** logits[i*C + c] for every row of X. */
export function logitsOf(m: LinearModel, X: Csr): Float64Array {
  const C = m.classes;
  const out = new Float64Array(X.n * C);
  const z = new Float64Array(C);
  for (let i = 0; i < X.n; i++) {
    const o = i * C;
    for (let c = 0; c < C; c++) z[c] = m.b[c]!;
    rowLogits(X, X.ptr[i]!, X.ptr[i + 1]!, m.W, C, z);
    out.set(z, o);
  }
  return out;
}

/**
 * z[c] += Σ_k vals[k] · P[cols[k]·C + c] for one row's entries [start, end). Classes go in blocks of 4, 2
 * and 1 held in local accumulators: about twice as fast as an inner loop over classes (fewer loads and
 * bounds checks per entry), and the arithmetic per class is the same.
 */
function rowLogits(X: Csr, start: number, end: number, P: Float64Array, C: number, z: Float64Array): void {
  const { cols, vals } = X;
  let c0 = 0;
  for (; c0 + 4 <= C; c0 += 4) {
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0; // prettier-ignore
    for (let k = start; k < end; k++) {
      const v = vals[k]!;
      const w = cols[k]! * C + c0;
      a0 += v * P[w]!;
      a1 += v * P[w + 1]!;
      a2 += v * P[w + 2]!;
      a3 += v * P[w + 3]!;
    }
    z[c0]! += a0;
    z[c0 + 1]! += a1;
    z[c0 + 2]! += a2;
    z[c0 + 3]! += a3;
  }
  if (c0 + 2 <= C) {
    let a0 = 0, a1 = 0; // prettier-ignore
    for (let k = start; k < end; k++) {
      const v = vals[k]!;
      const w = cols[k]! * C + c0;
      a0 += v * P[w]!;
      a1 += v * P[w + 1]!;
    }
    z[c0]! += a0;
    z[c0 + 1]! += a1;
    c0 += 2;
  }
  if (c0 < C) {
    let a0 = 0;
    for (let k = start; k < end; k++) a0 += vals[k]! * P[cols[k]! * C + c0]!;
    z[c0]! += a0;
  }
}
