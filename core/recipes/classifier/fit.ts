// Fitting the classifier: featurize, choose the L2 strength on an internal stratified split of the
// training data it is given (never on eval data), fit the temperature and decide int8 on that split's
// held-out part, then refit on all of it (warm-started) and store weights + graph + vocabulary.
import { seededRandom, shuffled } from '../../util/random.ts';
import type { FitContext } from '../types.ts';
import type { Example } from '../../runtime/types.ts';
import { expectedCalibrationError, fitTemperature, nll } from './calibrate.ts';
import { BucketList, DEFAULT_FEATURIZER, Hasher, type FeaturizerSpec } from './featurize.ts';
import { cloneModel, logitsOf, sgdStart, trainLogistic, type Csr, type LinearModel } from './train.ts';
import { buildVocabulary, Vectorizer, type BucketCounts, type Vocabulary, type Weighting } from './vectorize.ts';
import { storeWeights, TsScorer, type Storage, type StoredWeights } from './weights.ts';

export const WEIGHTING: Weighting = { sublinearTf: true, idf: true };
/** Inverse regularization strengths tried, as C = 1 / (λ·n), strongest first (warm starts go weak-ward). */
export const C_GRID = [3, 10, 30] as const;
/** Used when the data is too small to hold any out. */
const C_DEFAULT = 10;
const MIN_ROWS_FOR_SPLIT = 40;
const HOLDOUT = 0.2;
/** int8 is kept when held-out accuracy drops by at most this much against float weights. */
export const INT8_TOLERANCE = 0.005;
/** Budget for the weight matrix (bytes), at 2 bytes per weight (f16, the widest we store by default). */
const WEIGHT_BUDGET_BYTES = 1_400_000;
/** L-BFGS iterations after the SGD start, and after a warm start along the path. */
const ITER_FIRST = 15;
const ITER_WARM = 10;
/** The refit on all rows is the model that ships: let it converge further. */
const ITER_FINAL = 40;
const SGD_EPOCHS = 3;
const SGD_ETA = 1;
const TOLERANCE = 1e-4;

export interface ClassifierFit {
  labels: unknown[];
  spec: FeaturizerSpec;
  vocab: Vocabulary;
  weights: StoredWeights;
  temperature: number;
  report: FitReport;
}

export interface FitReport {
  rows: number;
  features: number;
  classes: number;
  min_df: number;
  C: number;
  lambda: number;
  grid: { C: number; accuracy: number; nll: number }[];
  storage: Storage;
  quantization_requested: FitContext['quantization'];
  /** Held-out part of the internal split (absent when the data was too small to split). */
  holdout?: {
    n: number;
    accuracy: number;
    accuracy_int8?: number;
    nll: number;
    nll_calibrated: number;
    ece: number;
    ece_calibrated: number;
  };
  iterations: number;
}

/** Distinct outputs in a stable order (by their JSON text), and each example's class index. */
export function labelIndex(train: readonly Example[]): { labels: unknown[]; y: Int32Array } {
  const byKey = new Map<string, unknown>();
  for (const e of train) {
    const k = JSON.stringify(e.output ?? null);
    if (!byKey.has(k)) byKey.set(k, e.output);
  }
  const keys = [...byKey.keys()].sort();
  const index = new Map(keys.map((k, i) => [k, i]));
  return { labels: keys.map((k) => byKey.get(k)), y: Int32Array.from(train, (e) => index.get(JSON.stringify(e.output ?? null))!) };
}

function toCsr(vec: Vectorizer, inputs: readonly unknown[]): Csr {
  const ptr = new Int32Array(inputs.length + 1);
  let cols = new Int32Array(inputs.length * 64);
  let vals = new Float32Array(inputs.length * 64);
  let nnz = 0;
  inputs.forEach((input, i) => {
    const n = vec.vectorize(input);
    if (nnz + n > cols.length) {
      const size = Math.max(nnz + n, cols.length * 2);
      const c2 = new Int32Array(size);
      c2.set(cols.subarray(0, nnz));
      cols = c2;
      const v2 = new Float32Array(size);
      v2.set(vals.subarray(0, nnz));
      vals = v2;
    }
    cols.set(vec.outRows.subarray(0, n), nnz);
    vals.set(vec.outValues.subarray(0, n), nnz);
    nnz += n;
    ptr[i + 1] = nnz;
  });
  return { n: inputs.length, features: vec.rows, ptr, cols: cols.slice(0, nnz), vals: vals.slice(0, nnz) };
}

function subset(X: Csr, idx: readonly number[]): Csr {
  const ptr = new Int32Array(idx.length + 1);
  let nnz = 0;
  idx.forEach((i, j) => {
    nnz += X.ptr[i + 1]! - X.ptr[i]!;
    ptr[j + 1] = nnz;
  });
  const cols = new Int32Array(nnz);
  const vals = new Float32Array(nnz);
  idx.forEach((i, j) => {
    cols.set(X.cols.subarray(X.ptr[i]!, X.ptr[i + 1]!), ptr[j]!);
    vals.set(X.vals.subarray(X.ptr[i]!, X.ptr[i + 1]!), ptr[j]!);
  });
  return { n: idx.length, features: X.features, ptr, cols, vals };
}

/** Stratified holdout: each class's shuffled members dealt so `share` of them land in validation. */
export function stratifiedSplit(y: Int32Array, share: number, seed: number): { train: number[]; validation: number[] } {
  const rand = seededRandom(seed);
  const groups = new Map<number, number[]>();
  y.forEach((c, i) => {
    const g = groups.get(c);
    if (g) g.push(i);
    else groups.set(c, [i]);
  });
  const train: number[] = [];
  const validation: number[] = [];
  for (const c of [...groups.keys()].sort((a, b) => a - b)) {
    const members = shuffled(groups.get(c)!, rand);
    // A class with one member stays in training: it cannot be learned from nothing.
    const held = members.length < 2 ? 0 : Math.max(1, Math.round(members.length * share));
    members.forEach((i, j) => (j < held ? validation : train).push(i));
  }
  return { train: train.sort((a, b) => a - b), validation: validation.sort((a, b) => a - b) };
}

function accuracyOf(logits: Float64Array, y: Int32Array, C: number): number {
  let ok = 0;
  for (let i = 0; i < y.length; i++) {
    let best = 0;
    for (let c = 1; c < C; c++) if (logits[i * C + c]! > logits[i * C + best]!) best = c;
    if (best === y[i]) ok++;
  }
  return y.length ? ok / y.length : 0;
}

/** Logits through the stored (quantized) weights, exactly as the runtime computes them. */
function storedLogits(w: StoredWeights, X: Csr): Float64Array {
  const scorer = new TsScorer(w, 1);
  const out = new Float64Array(X.n * w.classes);
  const row = new Float64Array(w.classes);
  for (let i = 0; i < X.n; i++) {
    const s = X.ptr[i]!;
    const n = X.ptr[i + 1]! - s;
    scorer.logits(X.cols.subarray(s), X.vals.subarray(s), n, row);
    out.set(row, i * w.classes);
  }
  return out;
}

export function fitClassifier(train: readonly Example[], ctx: Pick<FitContext, 'quantization' | 'seed'>, spec: FeaturizerSpec = DEFAULT_FEATURIZER): ClassifierFit {
  const { labels, y } = labelIndex(train);
  const C = labels.length;
  const hasher = new Hasher(spec);
  const scratch = new BucketList();
  const docs: BucketCounts[] = train.map((e) => Vectorizer.bucketsOf(hasher, e.input, scratch));
  // Features seen once carry little and double the table; drop them once there is data enough to spare them.
  const minDf = train.length >= 500 ? 2 : 1;
  const maxRows = Math.max(1000, Math.floor(WEIGHT_BUDGET_BYTES / (2 * Math.max(C, 1))));
  const vocab = buildVocabulary(docs, hasher.buckets, minDf, maxRows);
  const vec = new Vectorizer(spec, vocab, WEIGHTING);
  const X = toCsr(vec, train.map((e) => e.input));
  const wantInt8 = ctx.quantization === 'int8' || ctx.quantization === 'int4';

  const grid: FitReport['grid'] = [];
  let chosenC: number = C_DEFAULT;
  let start: LinearModel | undefined;
  let temperature = 1;
  let holdout: FitReport['holdout'];
  let storage: Storage = wantInt8 ? 'int8' : 'f16';
  let iterations = 0;

  const split = train.length >= MIN_ROWS_FOR_SPLIT && C >= 2 ? stratifiedSplit(y, HOLDOUT, ctx.seed) : null;
  if (split && split.validation.length > 0) {
    const Xa = subset(X, split.train);
    const ya = Int32Array.from(split.train, (i) => y[i]!);
    const Xb = subset(X, split.validation);
    const yb = Int32Array.from(split.validation, (i) => y[i]!);
    let best: { C: number; acc: number; nll: number; model: LinearModel; logits: Float64Array } | undefined;
    let warm: LinearModel | undefined = sgdStart(Xa, ya, C, SGD_EPOCHS, SGD_ETA, seededRandom(ctx.seed ^ 0x5eed));
    let first = true;
    for (const c of C_GRID) {
      const r = trainLogistic(Xa, ya, C, { lambda: 1 / (c * Xa.n), maxIterations: first ? ITER_FIRST : ITER_WARM, tolerance: TOLERANCE }, warm);
      first = false;
      iterations += r.iterations;
      warm = r.model;
      const logits = logitsOf(r.model, Xb);
      const acc = accuracyOf(logits, yb, C);
      const loss = nll(logits, yb, C, 1);
      grid.push({ C: c, accuracy: round(acc), nll: round(loss) });
      // Held-out NLL, not accuracy: on a few hundred held-out rows accuracy moves in steps of whole cases
      // and picks by luck; NLL is smooth and tracks expected accuracy.
      if (!best || loss < best.nll) best = { C: c, acc, nll: loss, model: cloneModel(r.model), logits };
    }
    chosenC = best!.C;
    start = best!.model;
    temperature = fitTemperature(best!.logits, yb, C);
    let accInt8: number | undefined;
    if (wantInt8) {
      accInt8 = accuracyOf(storedLogits(storeWeights(best!.model, 'int8'), Xb), yb, C);
      if (best!.acc - accInt8 > INT8_TOLERANCE) storage = 'f16';
    }
    holdout = {
      n: yb.length,
      accuracy: round(best!.acc),
      ...(accInt8 !== undefined ? { accuracy_int8: round(accInt8) } : {}),
      nll: round(best!.nll),
      nll_calibrated: round(nll(best!.logits, yb, C, temperature)),
      ece: round(expectedCalibrationError(best!.logits, yb, C, 1)),
      ece_calibrated: round(expectedCalibrationError(best!.logits, yb, C, temperature)),
    };
  }
  const lambda = 1 / (chosenC * X.n);
  start ??= sgdStart(X, y, C, SGD_EPOCHS, SGD_ETA, seededRandom(ctx.seed ^ 0x5eed));
  const final = trainLogistic(X, y, C, { lambda, maxIterations: ITER_FINAL, tolerance: TOLERANCE / 10 }, start);
  iterations += final.iterations;
  return {
    labels,
    spec,
    vocab,
    weights: storeWeights(final.model, storage),
    temperature,
    report: {
      rows: train.length,
      features: vocab.buckets.length,
      classes: C,
      min_df: minDf,
      C: chosenC,
      lambda,
      grid,
      storage,
      quantization_requested: ctx.quantization,
      ...(holdout ? { holdout } : {}),
      iterations,
    },
  };
}

const round = (x: number) => Number(x.toFixed(6));
