// One-vs-rest L2-regularized squared-hinge (L2-loss) SVM trained by dual coordinate descent with shrinking,
// as liblinear's solver 1 does it (Hsieh et al., ICML 2008), the learner behind scikit-learn's LinearSVC.
// Per class c, with y_i = ±1 (row of class c or not) and per-row cost C_i (C times the row's class weight):
//   primal  min_w ½‖w‖² + Σ_i C_i · max(0, 1 − y_i w·x_i)²
//   dual    min_α ½ αᵀ(Q + D)α − Σ α_i,  α ≥ 0,  Q_ij = y_i y_j x_i·x_j,  D_ii = 1 / (2 C_i)
// and w = Σ α_i y_i x_i. Each coordinate step is exact (the dual is quadratic), each costs one sparse row,
// and rows whose α stays at 0 with a positive gradient are shrunk out of later sweeps: most rows of a
// one-vs-rest problem are easy negatives, so after a sweep or two only the margin's rows are visited.
// The bias is a constant feature of value 1 (regularized, as liblinear and LinearSVC do).
// Dual variables are kept, so a fit warm-starts from another fit's α (a larger C, more rows, fewer
// features): any α ≥ 0 is feasible for every C.
import type { Csr, LinearModel } from './train.ts';
import { emptyModel } from './train.ts';

export interface DcdOptions {
  /** Cost of a margin violation (the C of LinearSVC). */
  C: number;
  /** Per-class weight multiplying C for rows of that class (class weighting for skewed labels). */
  classWeight?: Float64Array;
  /** Stop a class when the projected gradient's range over a full sweep is at most this (liblinear: 0.1). */
  eps: number;
  /** Sweeps per class at most. */
  maxEpochs: number;
  seed: number;
}

export interface DcdResult {
  model: LinearModel;
  /** Dual variables, [classes][n] flattened class-major. */
  alpha: Float64Array;
  /** Sweeps summed over classes. */
  epochs: number;
}

const BIAS = 1;
/** One in this many other rows joins a class's first working set. */
const WORK_STRIDE = 8;

/** A fixed permutation generator (xorshift32), so the same data gives the same model. */
function shuffle(idx: Int32Array, len: number, state: { s: number }): void {
  for (let i = len - 1; i > 0; i--) {
    let s = state.s;
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    state.s = s >>> 0;
    const j = state.s % (i + 1);
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
  }
}

/** Σ w[cols[k]] · vals[k] over [start, end), in four running sums: the adds do not wait on each other. */
function dotRow(w: Float64Array, cols: Int32Array, vals: Float32Array, start: number, end: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = start;
  for (; k + 3 < end; k += 4) {
    s0 += w[cols[k]!]! * vals[k]!;
    s1 += w[cols[k + 1]!]! * vals[k + 1]!;
    s2 += w[cols[k + 2]!]! * vals[k + 2]!;
    s3 += w[cols[k + 3]!]! * vals[k + 3]!;
  }
  for (; k < end; k++) s0 += w[cols[k]!]! * vals[k]!;
  return s0 + s1 + (s2 + s3);
}

/** Squared norm of every row plus the bias feature's. */
export function rowNorms(X: Csr): Float64Array {
  const q = new Float64Array(X.n);
  for (let i = 0; i < X.n; i++) {
    let s = BIAS * BIAS;
    for (let k = X.ptr[i]!; k < X.ptr[i + 1]!; k++) s += X.vals[k]! * X.vals[k]!;
    q[i] = s;
  }
  return q;
}

/**
 * Train all classes. `warm` (length classes·n) seeds α, e.g. a previous fit's α; for rows of a different
 * set, map them onto this one's rows first.
 */
export function trainOvrSvm(X: Csr, y: Int32Array, classes: number, opts: DcdOptions, warm?: Float64Array): DcdResult {
  const n = X.n;
  const F = X.features;
  const model = emptyModel(F, classes);
  const alpha = warm ? warm.slice() : new Float64Array(classes * n);
  if (alpha.length !== classes * n) throw new Error(`warm start has ${alpha.length} dual values, expected ${classes * n}`);
  const qNorm = rowNorms(X);
  const { ptr, cols, vals } = X;
  const w = new Float64Array(F + 1);
  const Dii = new Float64Array(n);
  const QD = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const cw = opts.classWeight ? opts.classWeight[y[i]!]! : 1;
    Dii[i] = 1 / (2 * opts.C * cw);
    QD[i] = qNorm[i]! + Dii[i]!;
  }
  const index = new Int32Array(n);
  const rng = { s: (opts.seed >>> 0) || 0x9e3779b9 };
  let epochsTotal = 0;
  for (let c = 0; c < classes; c++) {
    const a = alpha.subarray(c * n, (c + 1) * n);
    w.fill(0);
    for (let i = 0; i < n; i++) {
      const ai = a[i]!;
      if (ai === 0) continue;
      const d = y[i] === c ? ai : -ai;
      for (let k = ptr[i]!; k < ptr[i + 1]!; k++) w[cols[k]!]! += d * vals[k]!;
      w[F]! += d * BIAS;
    }
    // Start on a small working set: the class's own rows, rows already in the solution (a warm start's
    // α > 0) and every WORK_STRIDE-th other row. Far from the optimum most sweeps over all rows go to easy
    // negatives that end at α = 0; converging on the working set, then adding the rows that violate
    // optimality (one dot product each), reaches the same optimum in far fewer row visits.
    let active = 0;
    for (let i = 0; i < n; i++) if (y[i] === c || a[i]! > 0 || i % WORK_STRIDE === 0) index[active++] = i;
    for (let i = 0, rest = active; i < n; i++) if (!(y[i] === c || a[i]! > 0 || i % WORK_STRIDE === 0)) index[rest++] = i;
    let pgMaxOld = Infinity;
    let epoch = 0;
    while (epoch < opts.maxEpochs) {
      epoch++;
      shuffle(index, active, rng);
      let pgMax = -Infinity;
      let pgMin = Infinity;
      for (let s = 0; s < active; s++) {
        const i = index[s]!;
        const yi = y[i] === c ? 1 : -1;
        const start = ptr[i]!;
        const end = ptr[i + 1]!;
        const dot = w[F]! * BIAS + dotRow(w, cols, vals, start, end);
        const ai = a[i]!;
        const G = yi * dot - 1 + Dii[i]! * ai;
        let PG = 0;
        if (ai === 0) {
          if (G > pgMaxOld) {
            // At its bound with a gradient pushing outward: shrink it out of the active set.
            active--;
            index[s] = index[active]!;
            index[active] = i;
            s--;
            continue;
          }
          if (G < 0) PG = G;
        } else PG = G;
        if (PG > pgMax) pgMax = PG;
        if (PG < pgMin) pgMin = PG;
        if (Math.abs(PG) > 1e-12) {
          const next = Math.max(ai - G / QD[i]!, 0);
          a[i] = next;
          const d = (next - ai) * yi;
          for (let k = start; k < end; k++) w[cols[k]!]! += d * vals[k]!;
          w[F]! += d * BIAS;
        }
      }
      pgMaxOld = pgMax <= 0 ? Infinity : pgMax;
      if (pgMax - pgMin > opts.eps) continue;
      // Converged on the active rows. Every other row has α = 0; bring back those whose gradient now
      // violates optimality (G < -eps/2) and go on, or stop when none does: then every row meets the
      // stopping rule and this is the optimum over all rows, to the tolerance.
      const before = active;
      for (let s = active; s < n; s++) {
        const i = index[s]!;
        const dot = w[F]! * BIAS + dotRow(w, cols, vals, ptr[i]!, ptr[i + 1]!);
        if ((y[i] === c ? 1 : -1) * dot - 1 < -opts.eps / 2) {
          index[s] = index[active]!;
          index[active++] = i;
        }
      }
      if (active === before) break;
      pgMaxOld = Infinity;
    }
    epochsTotal += epoch;
    for (let f = 0; f < F; f++) model.W[f * classes + c] = w[f]!;
    model.b[c] = w[F]! * BIAS;
  }
  return { model, alpha, epochs: epochsTotal };
}

/** The primal objective of one class (for tests and diagnostics). */
export function primalObjective(X: Csr, y: Int32Array, cls: number, model: LinearModel, opts: Pick<DcdOptions, 'C' | 'classWeight'>): number {
  const C = model.classes;
  let reg = model.b[cls]! * model.b[cls]!;
  for (let f = 0; f < model.features; f++) reg += model.W[f * C + cls]! ** 2;
  let loss = 0;
  for (let i = 0; i < X.n; i++) {
    let z = model.b[cls]! * BIAS;
    for (let k = X.ptr[i]!; k < X.ptr[i + 1]!; k++) z += X.vals[k]! * model.W[X.cols[k]! * C + cls]!;
    const yi = y[i] === cls ? 1 : -1;
    const m = Math.max(0, 1 - yi * z);
    loss += opts.C * (opts.classWeight ? opts.classWeight[y[i]!]! : 1) * m * m;
  }
  return 0.5 * reg + loss;
}
