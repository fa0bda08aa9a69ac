import {
  calibration,
  createNormalizer,
  isClosedSet
} from "./chunk-TNBATMMU.js";
import {
  f16ToF32,
  f32ToF16
} from "./chunk-NVDMUG2T.js";
import {
  silentReporter
} from "./chunk-4NIWZNTF.js";
import {
  KolmError
} from "./chunk-AYSNEYKG.js";

// core/runtime/types.ts
var CLASSIFIER_RUNTIMES = ["ts", "onnx"];
var DEFAULT_CLASSIFIER_RUNTIME = "ts";
async function predictEach(p, inputs) {
  const out = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) out[i] = await p.predict(inputs[i]);
  return out;
}
function textGenerator(p) {
  return p.generator;
}

// core/recipes/classifier/fit.ts
import { performance } from "node:perf_hooks";

// core/util/random.ts
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function shuffled(items, rand) {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// core/recipes/classifier/calibrate.ts
function nll(logits, y, C, T) {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const o = i * C;
    let max = -Infinity;
    for (let c = 0; c < C; c++) max = Math.max(max, logits[o + c] / T);
    let sum = 0;
    for (let c = 0; c < C; c++) sum += Math.exp(logits[o + c] / T - max);
    total -= logits[o + y[i]] / T - max - Math.log(sum);
  }
  return y.length ? total / y.length : 0;
}
function fitTemperature(logits, y, C) {
  if (y.length === 0 || C < 2) return 1;
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = Math.log(0.01);
  let b = Math.log(20);
  let x1 = b - phi * (b - a);
  let x2 = a + phi * (b - a);
  let f1 = nll(logits, y, C, Math.exp(x1));
  let f2 = nll(logits, y, C, Math.exp(x2));
  for (let i = 0; i < 28; i++) {
    if (f1 < f2) {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - phi * (b - a);
      f1 = nll(logits, y, C, Math.exp(x1));
    } else {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + phi * (b - a);
      f2 = nll(logits, y, C, Math.exp(x2));
    }
  }
  return Math.exp((a + b) / 2);
}
function expectedCalibrationError(logits, y, C, T, bins = 15) {
  const { p, correct } = maxProbabilities(logits, y, C, T);
  return calibration(Array.from(p, (confidence, i) => ({ confidence, s: correct[i] })), bins).ece;
}
function maxProbabilities(logits, y, C, T) {
  const p = new Float64Array(y.length);
  const correct = new Uint8Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const o = i * C;
    let max = -Infinity;
    let arg = 0;
    for (let c = 0; c < C; c++) {
      if (logits[o + c] > max) {
        max = logits[o + c];
        arg = c;
      }
    }
    let sum = 0;
    for (let c = 0; c < C; c++) sum += Math.exp((logits[o + c] - max) / T);
    p[i] = 1 / sum;
    correct[i] = arg === y[i] ? 1 : 0;
  }
  return { p, correct };
}

// core/recipes/classifier/confidence-map.ts
var MIN_BLOCK_SHARE = 0.1;
var MIN_BLOCK = 20;
function fitConfidenceMap(confidence, correct) {
  const n = confidence.length;
  if (n < 2 * MIN_BLOCK) return [];
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => confidence[a] - confidence[b]);
  const minSize = Math.max(MIN_BLOCK, Math.ceil(MIN_BLOCK_SHARE * n));
  const blocks = [];
  for (let start = 0; start < n; start += minSize) {
    const end = n - start < 2 * minSize ? n : start + minSize;
    let x = 0;
    let y = 0;
    for (let k = start; k < end; k++) {
      x += confidence[order[k]];
      y += correct[order[k]];
    }
    blocks.push({ x, y, w: end - start });
    if (end === n) break;
  }
  const merged = [];
  for (const b of blocks) {
    merged.push({ ...b });
    while (merged.length > 1) {
      const last = merged[merged.length - 1];
      const prev = merged[merged.length - 2];
      if (prev.y / prev.w < last.y / last.w) break;
      merged.splice(merged.length - 2, 2, { x: prev.x + last.x, y: prev.y + last.y, w: prev.w + last.w });
    }
  }
  const knots = [];
  for (const b of merged) {
    const x = b.x / b.w;
    const y = b.y / b.w;
    if (knots.length && x <= knots[knots.length - 2]) continue;
    knots.push(round(x), round(y));
  }
  return knots;
}
var round = (v) => Number(v.toFixed(6));
function applyConfidenceMap(map, p) {
  const k = map.length / 2;
  if (k === 0) return p;
  const x0 = map[0];
  const y0 = map[1];
  if (p <= x0) return x0 > 0 ? y0 * p / x0 : y0;
  const xl = map[2 * k - 2];
  const yl = map[2 * k - 1];
  if (p >= xl) return xl < 1 ? yl + (1 - yl) * (p - xl) / (1 - xl) : yl;
  let lo = 0;
  let hi = k - 1;
  while (hi - lo > 1) {
    const mid = lo + hi >> 1;
    if (map[2 * mid] <= p) lo = mid;
    else hi = mid;
  }
  const xa = map[2 * lo];
  const ya = map[2 * lo + 1];
  const xb = map[2 * hi];
  const yb = map[2 * hi + 1];
  return ya + (yb - ya) * (p - xa) / (xb - xa);
}
function confidenceMapProblem(value) {
  if (!Array.isArray(value) || value.length % 2 !== 0) return "confidence_map is not a list of (x, y) pairs";
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    if (typeof v !== "number" || !(v >= 0 && v <= 1)) return `confidence_map[${i}] is not a number in [0, 1]`;
    if (i >= 2 && (i % 2 === 0 ? !(v > value[i - 2]) : v < value[i - 2])) return "confidence_map is not increasing";
  }
  return void 0;
}

// core/recipes/classifier/csr.ts
function csrOfCounts(vec, docs) {
  const ptr = new Int32Array(docs.length + 1);
  let nnz = 0;
  for (let i = 0; i < docs.length; i++) nnz += docs[i].buckets.length;
  const cols = new Int32Array(nnz);
  const vals = new Float32Array(nnz);
  let at = 0;
  docs.forEach((d, i) => {
    const n = vec.vectorizeCounts(d);
    cols.set(vec.outRows.subarray(0, n), at);
    vals.set(vec.outValues.subarray(0, n), at);
    at += n;
    ptr[i + 1] = at;
  });
  return { n: docs.length, features: vec.rows, ptr, cols: cols.slice(0, at), vals: vals.slice(0, at) };
}
function subsetRows(X, idx) {
  const ptr = new Int32Array(idx.length + 1);
  let nnz = 0;
  idx.forEach((i, j) => {
    nnz += X.ptr[i + 1] - X.ptr[i];
    ptr[j + 1] = nnz;
  });
  const cols = new Int32Array(nnz);
  const vals = new Float32Array(nnz);
  idx.forEach((i, j) => {
    cols.set(X.cols.subarray(X.ptr[i], X.ptr[i + 1]), ptr[j]);
    vals.set(X.vals.subarray(X.ptr[i], X.ptr[i + 1]), ptr[j]);
  });
  return { n: idx.length, features: X.features, ptr, cols, vals };
}

// core/recipes/classifier/train.ts
function emptyModel(features, classes) {
  return { features, classes, W: new Float64Array(features * classes), b: new Float64Array(classes) };
}
function logitsOf(m, X) {
  const C = m.classes;
  const out = new Float64Array(X.n * C);
  const z = new Float64Array(C);
  for (let i = 0; i < X.n; i++) {
    const o = i * C;
    for (let c = 0; c < C; c++) z[c] = m.b[c];
    rowLogits(X, X.ptr[i], X.ptr[i + 1], m.W, C, z);
    out.set(z, o);
  }
  return out;
}
function rowLogits(X, start, end, P, C, z) {
  const { cols, vals } = X;
  let c0 = 0;
  for (; c0 + 4 <= C; c0 += 4) {
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
    for (let k = start; k < end; k++) {
      const v = vals[k];
      const w = cols[k] * C + c0;
      a0 += v * P[w];
      a1 += v * P[w + 1];
      a2 += v * P[w + 2];
      a3 += v * P[w + 3];
    }
    z[c0] += a0;
    z[c0 + 1] += a1;
    z[c0 + 2] += a2;
    z[c0 + 3] += a3;
  }
  if (c0 + 2 <= C) {
    let a0 = 0, a1 = 0;
    for (let k = start; k < end; k++) {
      const v = vals[k];
      const w = cols[k] * C + c0;
      a0 += v * P[w];
      a1 += v * P[w + 1];
    }
    z[c0] += a0;
    z[c0 + 1] += a1;
    c0 += 2;
  }
  if (c0 < C) {
    let a0 = 0;
    for (let k = start; k < end; k++) a0 += vals[k] * P[cols[k] * C + c0];
    z[c0] += a0;
  }
}

// core/recipes/classifier/dcd.ts
var BIAS = 1;
var WORK_STRIDE = 8;
function shuffle(idx, len, state) {
  for (let i = len - 1; i > 0; i--) {
    let s = state.s;
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    state.s = s >>> 0;
    const j = state.s % (i + 1);
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
  }
}
function dotRow(w, cols, vals, start, end) {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = start;
  for (; k + 3 < end; k += 4) {
    s0 += w[cols[k]] * vals[k];
    s1 += w[cols[k + 1]] * vals[k + 1];
    s2 += w[cols[k + 2]] * vals[k + 2];
    s3 += w[cols[k + 3]] * vals[k + 3];
  }
  for (; k < end; k++) s0 += w[cols[k]] * vals[k];
  return s0 + s1 + (s2 + s3);
}
function rowNorms(X) {
  const q = new Float64Array(X.n);
  for (let i = 0; i < X.n; i++) {
    let s = BIAS * BIAS;
    for (let k = X.ptr[i]; k < X.ptr[i + 1]; k++) s += X.vals[k] * X.vals[k];
    q[i] = s;
  }
  return q;
}
function trainOvrSvm(X, y, classes, opts, warm) {
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
    const cw = opts.classWeight ? opts.classWeight[y[i]] : 1;
    Dii[i] = 1 / (2 * opts.C * cw);
    QD[i] = qNorm[i] + Dii[i];
  }
  const index = new Int32Array(n);
  const rng = { s: opts.seed >>> 0 || 2654435769 };
  let epochsTotal = 0;
  for (let c = 0; c < classes; c++) {
    const a = alpha.subarray(c * n, (c + 1) * n);
    w.fill(0);
    for (let i = 0; i < n; i++) {
      const ai = a[i];
      if (ai === 0) continue;
      const d = y[i] === c ? ai : -ai;
      for (let k = ptr[i]; k < ptr[i + 1]; k++) w[cols[k]] += d * vals[k];
      w[F] += d * BIAS;
    }
    let active = 0;
    for (let i = 0; i < n; i++) if (y[i] === c || a[i] > 0 || i % WORK_STRIDE === 0) index[active++] = i;
    for (let i = 0, rest = active; i < n; i++) if (!(y[i] === c || a[i] > 0 || i % WORK_STRIDE === 0)) index[rest++] = i;
    let pgMaxOld = Infinity;
    let epoch = 0;
    while (epoch < opts.maxEpochs) {
      epoch++;
      shuffle(index, active, rng);
      let pgMax = -Infinity;
      let pgMin = Infinity;
      for (let s = 0; s < active; s++) {
        const i = index[s];
        const yi = y[i] === c ? 1 : -1;
        const start = ptr[i];
        const end = ptr[i + 1];
        const dot = w[F] * BIAS + dotRow(w, cols, vals, start, end);
        const ai = a[i];
        const G = yi * dot - 1 + Dii[i] * ai;
        let PG = 0;
        if (ai === 0) {
          if (G > pgMaxOld) {
            active--;
            index[s] = index[active];
            index[active] = i;
            s--;
            continue;
          }
          if (G < 0) PG = G;
        } else PG = G;
        if (PG > pgMax) pgMax = PG;
        if (PG < pgMin) pgMin = PG;
        if (Math.abs(PG) > 1e-12) {
          const next = Math.max(ai - G / QD[i], 0);
          a[i] = next;
          const d = (next - ai) * yi;
          for (let k = start; k < end; k++) w[cols[k]] += d * vals[k];
          w[F] += d * BIAS;
        }
      }
      pgMaxOld = pgMax <= 0 ? Infinity : pgMax;
      if (pgMax - pgMin > opts.eps) continue;
      const before = active;
      for (let s = active; s < n; s++) {
        const i = index[s];
        const dot = w[F] * BIAS + dotRow(w, cols, vals, ptr[i], ptr[i + 1]);
        if ((y[i] === c ? 1 : -1) * dot - 1 < -opts.eps / 2) {
          index[s] = index[active];
          index[active++] = i;
        }
      }
      if (active === before) break;
      pgMaxOld = Infinity;
    }
    epochsTotal += epoch;
    for (let f = 0; f < F; f++) model.W[f * classes + c] = w[f];
    model.b[c] = w[F] * BIAS;
  }
  return { model, alpha, epochs: epochsTotal };
}

// core/recipes/classifier/featurize.ts
var DEFAULT_FEATURIZER = { hashBits: 20, charMin: 2, charMax: 5, wordBigrams: true };
var FNV_OFFSET = 2166136261;
var FNV_PRIME = 16777619;
var TOKEN_RE = /[\p{L}\p{M}\p{N}_']+|[^\s\p{L}\p{M}\p{N}_']/gu;
var NON_ASCII = /[^\x00-\x7f]/;
function fnvString(h, s) {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}
function fmix(h) {
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  return (h ^ h >>> 16) >>> 0;
}
function fieldText(v) {
  if (typeof v === "string") return v;
  if (v === null || v === void 0) return "";
  return JSON.stringify(v);
}
function normalizeText(s) {
  return (NON_ASCII.test(s) ? s.normalize("NFKC") : s).toLowerCase();
}
function tokenize(text) {
  return normalizeText(text).match(TOKEN_RE) ?? [];
}
var BucketList = class {
  data = new Int32Array(1024);
  length = 0;
  push(b) {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = b;
  }
};
var Hasher = class {
  constructor(spec) {
    this.spec = spec;
    this.buckets = 2 ** spec.hashBits;
    this.half = this.buckets >>> 1;
    this.mask = this.half - 1;
  }
  spec;
  buckets;
  half;
  mask;
  seeds = /* @__PURE__ */ new Map();
  /** The group the bucket belongs to: 0 words, 1 chars. */
  group(bucket) {
    return bucket >= this.half ? 1 : 0;
  }
  seedsFor(field) {
    let s = this.seeds.get(field);
    if (!s) {
      s = [fnvString(FNV_OFFSET, `w\0${field}\0`), fnvString(FNV_OFFSET, `c\0${field}\0`)];
      this.seeds.set(field, s);
    }
    return s;
  }
  /** Push every feature bucket of `input` (string, or object of fields featurized with a field prefix). */
  hash(input, out) {
    out.length = 0;
    if (typeof input === "string") this.hashText(input, "", out);
    else if (input !== null && typeof input === "object" && !Array.isArray(input)) {
      for (const key of Object.keys(input).sort()) this.hashText(fieldText(input[key]), key, out);
    } else this.hashText(fieldText(input), "", out);
  }
  hashText(text, field, out) {
    const [seedW, seedC] = this.seedsFor(field);
    const { charMin, charMax, wordBigrams } = this.spec;
    const mask = this.mask;
    const half = this.half;
    const tokens = tokenize(text);
    let prev = seedW ^ 47;
    for (const tok of tokens) {
      const h = fnvString(seedW, tok);
      out.push(fmix(h) & mask);
      if (wordBigrams) out.push(fmix(Math.imul(prev ^ 2654435769, FNV_PRIME) ^ h) & mask);
      prev = h;
      const L = tok.length;
      for (let i = -1; i <= L; i++) {
        let c = seedC;
        for (let j = i, n = 1; j <= L && n <= charMax; j++, n++) {
          c = Math.imul(c ^ (j < 0 || j === L ? 32 : tok.charCodeAt(j)), FNV_PRIME);
          if (n >= charMin) out.push(half | fmix(c) & mask);
        }
      }
    }
    if (wordBigrams && tokens.length > 0) out.push(fmix(Math.imul(prev ^ 2654435769, FNV_PRIME) ^ (seedW ^ 61)) & mask);
  }
};

// core/recipes/classifier/vectorize.ts
function countBuckets(list) {
  const a = list.data.subarray(0, list.length).sort();
  let distinct = 0;
  for (let i = 0; i < a.length; i++) if (i === 0 || a[i] !== a[i - 1]) distinct++;
  const buckets = new Int32Array(distinct);
  const counts = new Int32Array(distinct);
  let k = -1;
  for (let i = 0; i < a.length; i++) {
    if (i === 0 || a[i] !== a[i - 1]) buckets[++k] = a[i];
    counts[k]++;
  }
  return { buckets, counts };
}
function buildVocabulary(docs, bucketCount, minDf, maxRows) {
  const df = new Int32Array(bucketCount);
  for (const d of docs) for (let i = 0; i < d.buckets.length; i++) df[d.buckets[i]]++;
  let kept = [];
  for (let b = 0; b < bucketCount; b++) if (df[b] >= minDf) kept.push(b);
  if (kept.length > maxRows) {
    kept = kept.slice().sort((a, b) => df[b] - df[a] || a - b).slice(0, maxRows).sort((a, b) => a - b);
  }
  const buckets = Int32Array.from(kept);
  return { buckets, df: Int32Array.from(kept, (b) => df[b]), docs: docs.length };
}
var Vectorizer = class {
  constructor(spec, vocab, weighting) {
    this.vocab = vocab;
    this.weighting = weighting;
    this.hasher = new Hasher(spec);
    this.rows = vocab.buckets.length;
    this.rowOf = new Int32Array(this.hasher.buckets).fill(-1);
    this.rowWeight = new Float32Array(this.rows);
    for (let r = 0; r < this.rows; r++) {
      this.rowOf[vocab.buckets[r]] = r;
      this.rowWeight[r] = weighting.idf ? Math.log((1 + vocab.docs) / (1 + vocab.df[r])) + 1 : 1;
    }
  }
  vocab;
  weighting;
  hasher;
  rows;
  rowOf;
  rowWeight;
  scratch = new BucketList();
  /** Output of the last vectorize(): rows[0..n) and values[0..n). */
  outRows = new Int32Array(512);
  outValues = new Float32Array(512);
  /** Buckets and counts of one input (used at training time, before the vocabulary exists). */
  static bucketsOf(hasher, input, scratch) {
    hasher.hash(input, scratch);
    return countBuckets(scratch);
  }
  // State of the row being built (see begin/add/finish).
  n = 0;
  norm0 = 0;
  norm1 = 0;
  split = -1;
  /** Featurize `input` into outRows/outValues; returns how many entries were written. */
  vectorize(input) {
    this.hasher.hash(input, this.scratch);
    const list = this.scratch;
    const a = list.data.subarray(0, list.length).sort();
    this.begin(a.length);
    for (let i = 0; i < a.length; ) {
      const b = a[i];
      let tf = 1;
      while (i + tf < a.length && a[i + tf] === b) tf++;
      i += tf;
      this.add(b, tf);
    }
    return this.finish();
  }
  /** The same as vectorize() from already counted buckets (training re-vectorizes without re-hashing). */
  vectorizeCounts(d) {
    this.begin(d.buckets.length);
    for (let i = 0; i < d.buckets.length; i++) this.add(d.buckets[i], d.counts[i]);
    return this.finish();
  }
  begin(size) {
    if (this.outRows.length < size) {
      this.outRows = new Int32Array(size * 2);
      this.outValues = new Float32Array(size * 2);
    }
    this.n = 0;
    this.norm0 = 0;
    this.norm1 = 0;
    this.split = -1;
  }
  add(b, tf) {
    const r = this.rowOf[b];
    if (r < 0) return;
    const v = (this.weighting.sublinearTf ? 1 + Math.log(tf) : tf) * this.rowWeight[r];
    if (this.hasher.group(b) === 0) this.norm0 += v * v;
    else {
      if (this.split < 0) this.split = this.n;
      this.norm1 += v * v;
    }
    this.outRows[this.n] = r;
    this.outValues[this.n++] = v;
  }
  finish() {
    const { n, norm0, norm1 } = this;
    const values = this.outValues;
    const split = this.split < 0 ? n : this.split;
    const groups = (norm0 > 0 ? 1 : 0) + (norm1 > 0 ? 1 : 0);
    const g = groups > 0 ? 1 / Math.sqrt(groups) : 0;
    const s0 = norm0 > 0 ? g / Math.sqrt(norm0) : 0;
    const s1 = norm1 > 0 ? g / Math.sqrt(norm1) : 0;
    for (let i = 0; i < split; i++) values[i] = values[i] * s0;
    for (let i = split; i < n; i++) values[i] = values[i] * s1;
    return n;
  }
};
function pushVarint(out, v) {
  while (v >= 128) {
    out.push(v & 127 | 128);
    v >>>= 7;
  }
  out.push(v);
}
function encodeVocabulary(v) {
  const out = [75, 67, 86, 49];
  pushVarint(out, v.docs);
  pushVarint(out, v.buckets.length);
  let prev = 0;
  for (let r = 0; r < v.buckets.length; r++) {
    pushVarint(out, v.buckets[r] - prev);
    prev = v.buckets[r];
  }
  for (let r = 0; r < v.df.length; r++) pushVarint(out, v.df[r]);
  return Uint8Array.from(out);
}
function decodeVocabulary(bytes, bucketCount) {
  if (bytes.length < 4 || bytes[0] !== 75 || bytes[1] !== 67 || bytes[2] !== 86 || bytes[3] !== 49) {
    throw new Error("not a classifier vocabulary table (bad magic)");
  }
  let pos = 4;
  const next = () => {
    let v = 0;
    let mul = 1;
    for (; ; ) {
      if (pos >= bytes.length) throw new Error("vocabulary table is truncated");
      const b = bytes[pos++];
      v += (b & 127) * mul;
      if ((b & 128) === 0) return v;
      mul *= 128;
    }
  };
  const docs = next();
  const rows = next();
  const buckets = new Int32Array(rows);
  const df = new Int32Array(rows);
  let prev = 0;
  for (let r = 0; r < rows; r++) {
    prev += next();
    if (prev >= bucketCount || r > 0 && prev <= buckets[r - 1]) throw new Error(`vocabulary bucket ${prev} at row ${r} is out of order or range`);
    buckets[r] = prev;
  }
  for (let r = 0; r < rows; r++) df[r] = next();
  if (pos !== bytes.length) throw new Error("vocabulary table has trailing bytes");
  return { buckets, df, docs };
}

// core/recipes/classifier/weights.ts
function storeWeights(m, storage) {
  const C = m.classes;
  const rows = m.features + 1;
  const bias = Float32Array.from(m.b);
  if (storage === "f32") {
    const data2 = new Float32Array(rows * C);
    data2.set(m.W);
    return { storage, rows, classes: C, data: data2, bias };
  }
  if (storage === "f16") {
    const data2 = new Uint16Array(rows * C);
    for (let i = 0; i < m.W.length; i++) data2[i] = f32ToF16(m.W[i]);
    return { storage, rows, classes: C, data: data2, bias };
  }
  const scale = new Float32Array(C);
  for (let c = 0; c < C; c++) {
    let max = 0;
    for (let f = 0; f < m.features; f++) max = Math.max(max, Math.abs(m.W[f * C + c]));
    scale[c] = max > 0 ? max / 127 : 1;
  }
  const data = new Int8Array(rows * C);
  for (let f = 0; f < m.features; f++) {
    for (let c = 0; c < C; c++) data[f * C + c] = Math.max(-127, Math.min(127, Math.round(m.W[f * C + c] / scale[c])));
  }
  return { storage, rows, classes: C, data, scale, bias };
}
function unscaledWeights(w) {
  if (w.data instanceof Float32Array) return w.data;
  if (w.data instanceof Int8Array) return Float32Array.from(w.data);
  return Float32Array.from(w.data, f16ToF32);
}
var TsScorer = class {
  constructor(weights, temperature) {
    this.weights = weights;
    this.temperature = temperature;
    this.W = unscaledWeights(weights);
    this.acc = new Float64Array(weights.classes);
  }
  weights;
  temperature;
  W;
  acc;
  /** Raw logits (before temperature) into `out`. */
  logits(rows, values, n, out) {
    const C = this.weights.classes;
    const W = this.W;
    const acc = this.acc.fill(0);
    for (let k = 0; k < n; k++) {
      const v = values[k];
      const o = rows[k] * C;
      for (let c = 0; c < C; c++) acc[c] += v * W[o + c];
    }
    const { scale, bias } = this.weights;
    for (let c = 0; c < C; c++) out[c] = (scale ? acc[c] * scale[c] : acc[c]) + bias[c];
  }
  probabilities(rows, values, n, out) {
    this.logits(rows, values, n, out);
    softmaxInPlace(out, this.weights.classes, 1 / this.temperature);
  }
};
function softmaxInPlace(z, C, invT, offset = 0) {
  let max = -Infinity;
  for (let c = 0; c < C; c++) max = Math.max(max, z[offset + c] * invT);
  let sum = 0;
  for (let c = 0; c < C; c++) sum += z[offset + c] = Math.exp(z[offset + c] * invT - max);
  for (let c = 0; c < C; c++) z[offset + c] = z[offset + c] / sum;
}

// core/recipes/classifier/fit.ts
var WEIGHTING = { sublinearTf: true, idf: true };
var C_GRID = [0.5, 1.5, 4.5];
var C_DEFAULT = 1.5;
var MIN_ROWS_FOR_SPLIT = 40;
var HOLDOUT = 0.2;
var INT8_TOLERANCE = 5e-3;
var WEIGHT_BUDGET_BYTES = 175e4;
var FIT_WEIGHTS_MAX = 8e6;
var SKEW_RATIO = 3;
var EPS = 0.2;
var MAX_EPOCHS = 200;
var GRID_EPS = 0.3;
var REPEAT_MAX_ROWS = 1e4;
var REPEATS = 3;
var ROUGH_EPS = 1;
var ROUGH_ROWS = 5e3;
function labelIndex(train) {
  const byKey = /* @__PURE__ */ new Map();
  for (const e of train) {
    const k = JSON.stringify(e.output ?? null);
    if (!byKey.has(k)) byKey.set(k, e.output);
  }
  const keys = [...byKey.keys()].sort();
  const index = new Map(keys.map((k, i) => [k, i]));
  return { labels: keys.map((k) => byKey.get(k)), y: Int32Array.from(train, (e) => index.get(JSON.stringify(e.output ?? null))) };
}
function stratifiedSplit(y, share, seed) {
  const rand = seededRandom(seed);
  const groups = /* @__PURE__ */ new Map();
  y.forEach((c, i) => {
    const g = groups.get(c);
    if (g) g.push(i);
    else groups.set(c, [i]);
  });
  const train = [];
  const validation = [];
  for (const c of [...groups.keys()].sort((a, b) => a - b)) {
    const members = shuffled(groups.get(c), rand);
    const held = members.length < 2 ? 0 : Math.max(1, Math.round(members.length * share));
    members.forEach((i, j) => (j < held ? validation : train).push(i));
  }
  return { train: train.sort((a, b) => a - b), validation: validation.sort((a, b) => a - b) };
}
function accuracyOf(logits, y, C) {
  let ok = 0;
  for (let i = 0; i < y.length; i++) {
    let best = 0;
    for (let c = 1; c < C; c++) if (logits[i * C + c] > logits[i * C + best]) best = c;
    if (best === y[i]) ok++;
  }
  return y.length ? ok / y.length : 0;
}
function storedLogits(w, X) {
  const scorer = new TsScorer(w, 1);
  const out = new Float64Array(X.n * w.classes);
  const row = new Float64Array(w.classes);
  for (let i = 0; i < X.n; i++) {
    const s = X.ptr[i];
    const n = X.ptr[i + 1] - s;
    scorer.logits(X.cols.subarray(s), X.vals.subarray(s), n, row);
    out.set(row, i * w.classes);
  }
  return out;
}
function balancedWeights(y, classes) {
  const count = new Float64Array(classes);
  for (const c of y) count[c]++;
  return Float64Array.from(count, (k) => k > 0 ? y.length / (classes * k) : 1);
}
function skewOf(y, classes) {
  const count = new Float64Array(classes);
  for (const c of y) count[c]++;
  let max = 0;
  let min = Infinity;
  for (const k of count) if (k > 0) max = Math.max(max, k), min = Math.min(min, k);
  return max / min;
}
function pruneVocabulary(vocab, model, keep) {
  if (vocab.buckets.length <= keep) return vocab;
  const C = model.classes;
  const norm = new Float64Array(model.features);
  for (let f = 0; f < model.features; f++) {
    let s = 0;
    for (let c = 0; c < C; c++) s += model.W[f * C + c] ** 2;
    norm[f] = s;
  }
  const order = Int32Array.from({ length: model.features }, (_, f) => f).sort((a, b) => norm[b] - norm[a] || a - b);
  const kept = order.subarray(0, keep).sort();
  return { buckets: Int32Array.from(kept, (r) => vocab.buckets[r]), df: Int32Array.from(kept, (r) => vocab.df[r]), docs: vocab.docs };
}
function stepper(reporter, total, rows) {
  const t0 = performance.now();
  let done = 0;
  return (what) => {
    done++;
    const spent = (performance.now() - t0) / 1e3;
    const left = done < total ? ` \xB7 about ${Math.max(1, Math.round(spent / done * (total - done)))} s left` : "";
    reporter.progress({ stage: "compile:classifier", done, total, message: `classifier on ${rows} rows: ${what}${left}` });
  };
}
function fitClassifier(train, ctx, spec = DEFAULT_FEATURIZER) {
  const { labels, y } = labelIndex(train);
  const C = labels.length;
  const hasher = new Hasher(spec);
  const scratch = new BucketList();
  const docs = train.map((e) => Vectorizer.bucketsOf(hasher, e.input, scratch));
  const minDf = train.length >= 500 ? 2 : 1;
  const wantInt8 = ctx.quantization === "int8" || ctx.quantization === "int4";
  const budgetRows = (bytesPerWeight) => Math.max(1e3, Math.floor(WEIGHT_BUDGET_BYTES / (bytesPerWeight * Math.max(C, 1))));
  const seen = buildVocabulary(docs, hasher.buckets, minDf, Math.max(budgetRows(1), Math.floor(FIT_WEIGHTS_MAX / Math.max(C, 1))));
  let vocab = seen;
  let X = csrOfCounts(new Vectorizer(spec, seen, WEIGHTING), docs);
  const base = (c, classWeight2) => ({ C: c, eps: GRID_EPS, maxEpochs: MAX_EPOCHS, seed: ctx.seed, ...classWeight2 ? { classWeight: classWeight2 } : {} });
  const grid = [];
  let opts = base(C_DEFAULT);
  let classWeight = "none";
  let temperature = 1;
  let confidenceMap = [];
  let holdout;
  let storage = wantInt8 ? "int8" : "f16";
  let epochs = 0;
  let warm;
  const split = train.length >= MIN_ROWS_FOR_SPLIT && C >= 2 ? stratifiedSplit(y, HOLDOUT, ctx.seed) : null;
  const skewed = skewOf(y, C) >= SKEW_RATIO;
  const step = stepper(ctx.reporter ?? silentReporter, (split && split.validation.length > 0 ? C_GRID.length + (skewed ? 1 : 0) + 1 : 0) + 1, train.length);
  if (split && split.validation.length > 0) {
    const ya = Int32Array.from(split.train, (i) => y[i]);
    const yb = Int32Array.from(split.validation, (i) => y[i]);
    let Xa = subsetRows(X, split.train);
    let Xb = subsetRows(X, split.validation);
    let best;
    const others = train.length < REPEAT_MAX_ROWS ? Array.from({ length: REPEATS - 1 }, (_, r) => stratifiedSplit(y, HOLDOUT, ctx.seed + 1 + r)) : [];
    const scoreOn = (Xt, yt, Xv, yv, o, from) => {
      const r = trainOvrSvm(Xt, yt, C, o, from);
      epochs += r.epochs;
      const logits = logitsOf(r.model, Xv);
      return { r, acc: accuracyOf(logits, yv, C), loss: nll(logits, yv, C, fitTemperature(logits, yv, C)) };
    };
    const attempt = (o, from, weighting) => {
      const main = scoreOn(Xa, ya, Xb, yb, o, from?.alpha);
      let acc = main.acc;
      let loss = main.loss;
      const extra = others.map((sp, r) => {
        const yt = Int32Array.from(sp.train, (i) => y[i]);
        const oo = o.classWeight ? { ...o, classWeight: balancedWeights(yt, C) } : o;
        const e = scoreOn(subsetRows(X, sp.train), yt, subsetRows(X, sp.validation), Int32Array.from(sp.validation, (i) => y[i]), oo, from?.extra[r]);
        acc += e.acc;
        loss += e.loss;
        return e.r.alpha;
      });
      acc /= 1 + others.length;
      loss /= 1 + others.length;
      grid.push({ C: o.C, class_weight: weighting, accuracy: round2(acc), nll: round2(loss) });
      const t = { opts: o, acc, nll: loss, alpha: main.r.alpha, model: main.r.model, extra };
      if (!best || acc > best.acc || acc === best.acc && loss < best.nll) best = t;
      step(`C ${o.C}${weighting === "balanced" ? ", balanced" : ""}: held-out accuracy ${acc.toFixed(3)}`);
      return t;
    };
    const prune = (model, keep) => {
      vocab = pruneVocabulary(seen, model, keep);
      X = csrOfCounts(new Vectorizer(spec, vocab, WEIGHTING), docs);
      Xa = subsetRows(X, split.train);
      Xb = subsetRows(X, split.validation);
    };
    const keepRows = budgetRows(wantInt8 ? 1 : 2);
    let prev;
    if (seen.buckets.length > keepRows) {
      const stride = Math.max(1, Math.ceil(Xa.n / ROUGH_ROWS));
      const rows = Array.from({ length: Math.ceil(Xa.n / stride) }, (_, t) => t * stride);
      const rough = trainOvrSvm(subsetRows(Xa, rows), Int32Array.from(rows, (j) => ya[j]), C, { ...base(C_GRID[Math.floor(C_GRID.length / 2)]), eps: ROUGH_EPS });
      epochs += rough.epochs;
      prune(rough.model, keepRows);
      const alpha = new Float64Array(C * Xa.n);
      for (let c = 0; c < C; c++) for (let t = 0; t < rows.length; t++) alpha[c * Xa.n + rows[t]] = rough.alpha[c * rows.length + t];
      prev = { alpha, extra: [] };
    }
    step(`kept ${vocab.buckets.length} of ${seen.buckets.length} feature rows`);
    for (const c of C_GRID) prev = attempt(base(c), prev, "none");
    if (skewed) {
      const chosen2 = best;
      const t = attempt(base(chosen2.opts.C, balancedWeights(ya, C)), chosen2, "balanced");
      if (best === t) classWeight = "balanced";
    }
    const chosen = best;
    opts = classWeight === "balanced" ? base(chosen.opts.C, balancedWeights(y, C)) : base(chosen.opts.C);
    let fitted = { model: chosen.model, alpha: chosen.alpha, logits: logitsOf(chosen.model, Xb) };
    let accFloat = accuracyOf(fitted.logits, yb, C);
    let accInt8;
    if (wantInt8) {
      accInt8 = accuracyOf(storedLogits(storeWeights(fitted.model, "int8"), Xb), yb, C);
      if (accFloat - accInt8 > INT8_TOLERANCE) {
        storage = "f16";
        if (vocab.buckets.length > budgetRows(2)) {
          prune(chosen.model, budgetRows(2));
          const r = trainOvrSvm(Xa, ya, C, chosen.opts, chosen.alpha);
          epochs += r.epochs;
          fitted = { model: r.model, alpha: r.alpha, logits: logitsOf(r.model, Xb) };
          accFloat = accuracyOf(fitted.logits, yb, C);
        }
      }
    }
    temperature = fitTemperature(fitted.logits, yb, C);
    const held = maxProbabilities(fitted.logits, yb, C, temperature);
    confidenceMap = fitConfidenceMap(held.p, held.correct);
    holdout = {
      n: yb.length,
      accuracy: round2(accFloat),
      ...accInt8 !== void 0 ? { accuracy_int8: round2(accInt8) } : {},
      nll: round2(nll(fitted.logits, yb, C, 1)),
      nll_calibrated: round2(nll(fitted.logits, yb, C, temperature)),
      ece: round2(expectedCalibrationError(fitted.logits, yb, C, 1)),
      ece_calibrated: round2(expectedCalibrationError(fitted.logits, yb, C, temperature)),
      ...confidenceMap.length ? { ece_mapped: calibration(Array.from(held.p, (p, i) => ({ confidence: applyConfidenceMap(confidenceMap, p), s: held.correct[i] }))).ece } : {}
    };
    warm = new Float64Array(C * X.n);
    const na = split.train.length;
    for (let c = 0; c < C; c++) for (let j = 0; j < na; j++) warm[c * X.n + split.train[j]] = fitted.alpha[c * na + j];
  } else if (seen.buckets.length > budgetRows(wantInt8 ? 1 : 2)) {
    vocab = buildVocabulary(docs, hasher.buckets, minDf, budgetRows(2));
    X = csrOfCounts(new Vectorizer(spec, vocab, WEIGHTING), docs);
    storage = "f16";
  }
  const final = trainOvrSvm(X, y, C, { ...opts, eps: EPS }, warm);
  epochs += final.epochs;
  step("refit on all rows");
  return {
    labels,
    spec,
    vocab,
    weights: storeWeights(final.model, storage),
    temperature,
    confidenceMap,
    report: {
      rows: train.length,
      features: vocab.buckets.length,
      features_seen: seen.buckets.length,
      classes: C,
      min_df: minDf,
      solver: "ovr-l2svm-dcd",
      C: opts.C,
      class_weight: classWeight,
      grid,
      storage,
      quantization_requested: ctx.quantization,
      ...holdout ? { holdout } : {},
      epochs
    }
  };
}
var round2 = (x) => Number(x.toFixed(6));

// core/onnx/proto.ts
var WIRE_VARINT = 0;
var WIRE_FIXED32 = 5;
var WIRE_BYTES = 2;
var utf8 = new TextEncoder();
var utf8Decoder = new TextDecoder("utf-8", { fatal: true });
var ProtoWriter = class _ProtoWriter {
  buf = new Uint8Array(256);
  len = 0;
  reserve(n) {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
  rawVarint(value) {
    let v = BigInt.asUintN(64, BigInt(value));
    this.reserve(10);
    while (v >= 0x80n) {
      this.buf[this.len++] = Number(v & 0x7fn) | 128;
      v >>= 7n;
    }
    this.buf[this.len++] = Number(v);
  }
  tag(field, wire) {
    this.rawVarint(field << 3 | wire);
  }
  varint(field, value) {
    this.tag(field, WIRE_VARINT);
    this.rawVarint(value);
    return this;
  }
  float(field, value) {
    this.tag(field, WIRE_FIXED32);
    this.reserve(4);
    new DataView(this.buf.buffer).setFloat32(this.len, value, true);
    this.len += 4;
    return this;
  }
  bytes(field, data) {
    this.tag(field, WIRE_BYTES);
    this.rawVarint(data.length);
    this.reserve(data.length);
    this.buf.set(data, this.len);
    this.len += data.length;
    return this;
  }
  string(field, value) {
    return this.bytes(field, utf8.encode(value));
  }
  message(field, w) {
    return this.bytes(field, w.finish());
  }
  /** A packed repeated int64 field. */
  packedVarints(field, values) {
    const inner = new _ProtoWriter();
    for (const v of values) inner.rawVarint(v);
    return this.bytes(field, inner.finish());
  }
  finish() {
    return this.buf.slice(0, this.len);
  }
};
function readFields(data) {
  const out = [];
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let pos = 0;
  const varint = () => {
    let result = 0n;
    let shift = 0n;
    for (; ; ) {
      if (pos >= data.length) throw new Error("truncated varint");
      const b = data[pos++];
      result |= BigInt(b & 127) << shift;
      if ((b & 128) === 0) return result;
      shift += 7n;
      if (shift > 63n) throw new Error("varint longer than 10 bytes");
    }
  };
  while (pos < data.length) {
    const key = Number(varint());
    const field = key >>> 3;
    const wire = key & 7;
    if (wire === WIRE_VARINT) out.push({ field, wire, int: varint() });
    else if (wire === WIRE_BYTES) {
      const n = Number(varint());
      if (pos + n > data.length) throw new Error(`field ${field} runs past the end of the message`);
      out.push({ field, wire, bytes: data.subarray(pos, pos + n) });
      pos += n;
    } else if (wire === WIRE_FIXED32) {
      if (pos + 4 > data.length) throw new Error("truncated fixed32");
      out.push({ field, wire, float: view.getFloat32(pos, true) });
      pos += 4;
    } else if (wire === 1) {
      pos += 8;
    } else throw new Error(`unsupported wire type ${wire} for field ${field}`);
  }
  return out;
}
function decodeString(bytes) {
  return utf8Decoder.decode(bytes);
}

// core/onnx/model.ts
var DataType = { FLOAT: 1, UINT8: 2, INT8: 3, INT32: 6, INT64: 7, FLOAT16: 10 };
function irVersionFor(opset) {
  if (opset <= 8) return 3;
  if (opset <= 10) return 5;
  if (opset <= 11) return 6;
  if (opset <= 14) return 7;
  if (opset <= 18) return 8;
  if (opset <= 20) return 9;
  return 10;
}
function littleEndianBytes(data) {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
function tensor(t) {
  const w = new ProtoWriter();
  for (const d of t.dims) w.varint(1, d);
  w.varint(2, t.dataType);
  w.string(8, t.name);
  w.bytes(9, littleEndianBytes(t.data));
  return w;
}
function attribute(name, value, forceFloat) {
  const w = new ProtoWriter().string(1, name);
  if (typeof value === "string") return w.string(4, value).varint(20, 3);
  if (typeof value === "number") {
    if (!forceFloat && Number.isInteger(value)) return w.varint(3, value).varint(20, 2);
    return w.float(2, value).varint(20, 1);
  }
  return w.packedVarints(8, value).varint(20, 7);
}
function node(n) {
  const w = new ProtoWriter();
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  if (n.name) w.string(3, n.name);
  w.string(4, n.opType);
  for (const [k, v] of Object.entries(n.attributes ?? {})) w.message(5, attribute(k, v, n.floatAttrs?.includes(k) ?? false));
  return w;
}
function valueInfo(v) {
  const shape = new ProtoWriter();
  for (const d of v.shape) shape.message(1, typeof d === "number" ? new ProtoWriter().varint(1, d) : new ProtoWriter().string(2, d));
  const tensorType = new ProtoWriter().varint(1, v.elemType).message(2, shape);
  return new ProtoWriter().string(1, v.name).message(2, new ProtoWriter().message(1, tensorType));
}
function encodeModel(m) {
  const graph = new ProtoWriter();
  for (const n of m.nodes) graph.message(1, node(n));
  graph.string(2, m.graphName);
  for (const t of m.initializers) graph.message(5, tensor(t));
  for (const i of m.inputs) graph.message(11, valueInfo(i));
  for (const o of m.outputs) graph.message(12, valueInfo(o));
  const model = new ProtoWriter();
  model.varint(1, m.irVersion);
  model.string(2, m.producer.name);
  model.string(3, m.producer.version);
  if (m.docString) model.string(6, m.docString);
  model.message(7, graph);
  model.message(8, new ProtoWriter().string(1, "").varint(2, m.opset));
  for (const [k, v] of m.metadata ?? []) model.message(14, new ProtoWriter().string(1, k).string(2, v));
  return model.finish();
}
function readInitializers(model) {
  const out = /* @__PURE__ */ new Map();
  const graph = readFields(model).find((f) => f.field === 7 && f.bytes);
  if (!graph) throw new Error("the model has no graph");
  for (const f of readFields(graph.bytes)) {
    if (f.field !== 5 || !f.bytes) continue;
    const t = { name: "", dataType: 0, dims: [], raw: new Uint8Array(0) };
    for (const g of readFields(f.bytes)) {
      if (g.field === 1 && g.int !== void 0) t.dims.push(Number(g.int));
      else if (g.field === 1 && g.bytes) for (const x of readFields(packedAsFields(g.bytes))) t.dims.push(Number(x.int));
      else if (g.field === 2 && g.int !== void 0) t.dataType = Number(g.int);
      else if (g.field === 8 && g.bytes) t.name = decodeString(g.bytes);
      else if (g.field === 9 && g.bytes) t.raw = g.bytes.slice();
    }
    out.set(t.name, t);
  }
  return out;
}
function packedAsFields(packed) {
  const out = [];
  let start = 0;
  for (let i = 0; i < packed.length; i++) {
    if ((packed[i] & 128) === 0) {
      out.push(8, ...packed.subarray(start, i + 1));
      start = i + 1;
    }
  }
  return Uint8Array.from(out);
}

// core/recipes/classifier/graph.ts
var OPSET = 13;
var INPUT_ROWS = "rows";
var INPUT_VALUES = "values";
var OUTPUT_PROBS = "probabilities";
var STORAGE_TYPE = { int8: DataType.INT8, f16: DataType.FLOAT16, f32: DataType.FLOAT };
function buildClassifierOnnx(w, temperature, producerVersion) {
  const C = w.classes;
  const initializers = [
    { name: "W", dataType: STORAGE_TYPE[w.storage], dims: [w.rows, C], data: w.data },
    { name: "bias", dataType: DataType.FLOAT, dims: [C], data: w.bias },
    { name: "temperature", dataType: DataType.FLOAT, dims: [], data: Float32Array.of(temperature) },
    { name: "axis_k", dataType: DataType.INT64, dims: [1], data: BigInt64Array.of(1n) },
    { name: "axis_last", dataType: DataType.INT64, dims: [1], data: BigInt64Array.of(2n) }
  ];
  if (w.scale) initializers.push({ name: "scale", dataType: DataType.FLOAT, dims: [C], data: w.scale });
  const nodes = [{ opType: "Gather", inputs: ["W", INPUT_ROWS], outputs: ["gathered"], attributes: { axis: 0 } }];
  let gathered = "gathered";
  if (w.storage !== "f32") {
    nodes.push({ opType: "Cast", inputs: [gathered], outputs: ["gathered_f"], attributes: { to: DataType.FLOAT } });
    gathered = "gathered_f";
  }
  nodes.push(
    { opType: "Unsqueeze", inputs: [INPUT_VALUES, "axis_last"], outputs: ["values3"] },
    { opType: "Mul", inputs: [gathered, "values3"], outputs: ["weighted"] },
    { opType: "ReduceSum", inputs: ["weighted", "axis_k"], outputs: ["summed"], attributes: { keepdims: 0 } }
  );
  let summed = "summed";
  if (w.scale) {
    nodes.push({ opType: "Mul", inputs: [summed, "scale"], outputs: ["scaled"] });
    summed = "scaled";
  }
  nodes.push(
    { opType: "Add", inputs: [summed, "bias"], outputs: ["logits"] },
    { opType: "Div", inputs: ["logits", "temperature"], outputs: ["calibrated"] },
    { opType: "Softmax", inputs: ["calibrated"], outputs: [OUTPUT_PROBS], attributes: { axis: -1 } }
  );
  return encodeModel({
    graphName: "kolm_classifier",
    nodes,
    initializers,
    inputs: [
      { name: INPUT_ROWS, elemType: DataType.INT64, shape: ["N", "K"] },
      { name: INPUT_VALUES, elemType: DataType.FLOAT, shape: ["N", "K"] }
    ],
    outputs: [{ name: OUTPUT_PROBS, elemType: DataType.FLOAT, shape: ["N", C] }],
    opset: OPSET,
    irVersion: irVersionFor(OPSET),
    producer: { name: "kolm-migrate", version: producerVersion },
    docString: "hashed word/char n-gram features, multinomial logistic regression, temperature-calibrated"
  });
}
function weightsFromOnnx(model) {
  const init = readInitializers(model);
  const get = (name) => {
    const t = init.get(name);
    if (!t) throw new Error(`initializer "${name}" is missing`);
    return t;
  };
  const aligned = (raw) => raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength);
  const W = get("W");
  const [rows, classes] = W.dims;
  if (W.dims.length !== 2 || rows * classes === 0) throw new Error("W is not a [rows, classes] matrix");
  const storage = W.dataType === DataType.INT8 ? "int8" : W.dataType === DataType.FLOAT16 ? "f16" : W.dataType === DataType.FLOAT ? "f32" : null;
  if (!storage) throw new Error(`W has unsupported data type ${W.dataType}`);
  const data = storage === "int8" ? new Int8Array(aligned(W.raw)) : storage === "f16" ? new Uint16Array(aligned(W.raw)) : new Float32Array(aligned(W.raw));
  if (data.length !== rows * classes) throw new Error(`W holds ${data.length} values, expected ${rows * classes}`);
  const bias = new Float32Array(aligned(get("bias").raw));
  const scale = init.has("scale") ? new Float32Array(aligned(get("scale").raw)) : void 0;
  const temperature = new Float32Array(aligned(get("temperature").raw))[0];
  if (bias.length !== classes || scale && scale.length !== classes) throw new Error("bias/scale length differs from the class count");
  return { weights: { storage, rows, classes, data, bias, ...scale ? { scale } : {} }, temperature };
}

// core/recipes/classifier/predictor.ts
var BATCH_CHUNK = 2048;
var ORT_INSTALL_COMMAND = "ONNXRUNTIME_NODE_INSTALL=skip npm install onnxruntime-node@1.30";
var ortModule;
function loadOrt() {
  ortModule ??= import("onnxruntime-node").catch((err) => {
    ortModule = void 0;
    const absent = err?.code === "ERR_MODULE_NOT_FOUND" || /Cannot find (package|module) 'onnxruntime-node'/.test(String(err?.message));
    throw new KolmError(
      "E_RUNTIME_MISSING",
      absent ? "the classifier runtime 'onnx' was asked for, and onnxruntime-node is not installed" : `the classifier runtime 'onnx' was asked for, and onnxruntime-node failed to load: ${String(err?.message ?? err)}`,
      { hint: `install it next to kolm-migrate (${ORT_INSTALL_COMMAND}), or use the default TypeScript runtime ('ts'), which gives the same predictions`, cause: err }
    );
  });
  return ortModule;
}
function argmaxOf(p, offset, C) {
  let best = 0;
  for (let c = 1; c < C; c++) if (p[offset + c] > p[offset + best]) best = c;
  return best;
}
var RowBuffer = class _RowBuffer {
  big;
  words;
  values;
  constructor(size) {
    this.big = new BigInt64Array(size);
    this.words = new Int32Array(this.big.buffer);
    this.values = new Float32Array(size);
  }
  ensure(size) {
    if (size <= this.big.length) return;
    const next = new _RowBuffer(Math.max(size, this.big.length * 2));
    this.big = next.big;
    this.words = next.words;
    this.values = next.values;
  }
};
var OnnxClassifier = class {
  constructor(ort, session, rt) {
    this.ort = ort;
    this.session = session;
    this.rt = rt;
    this.C = rt.labels.length;
  }
  ort;
  session;
  rt;
  single = new RowBuffer(1024);
  batch = new RowBuffer(BATCH_CHUNK * 64);
  C;
  async run(buf, n, k) {
    const { Tensor } = this.ort;
    const feeds = {
      [INPUT_ROWS]: new Tensor("int64", buf.big.subarray(0, n * k), [n, k]),
      [INPUT_VALUES]: new Tensor("float32", buf.values.subarray(0, n * k), [n, k])
    };
    const out = await this.session.run(feeds);
    return out[OUTPUT_PROBS].data;
  }
  prediction(probs, offset) {
    const best = argmaxOf(probs, offset, this.C);
    return { output: this.rt.labels[best], confidence: applyConfidenceMap(this.rt.confidenceMap, probs[offset + best]) };
  }
  async predict(input) {
    const vec = this.rt.vectorizer;
    const n = vec.vectorize(input);
    const k = Math.max(1, n);
    const buf = this.single;
    buf.ensure(k);
    for (let i = 0; i < n; i++) {
      buf.words[2 * i] = vec.outRows[i];
      buf.words[2 * i + 1] = 0;
      buf.values[i] = vec.outValues[i];
    }
    if (n === 0) {
      buf.words[0] = this.rt.padRow;
      buf.words[1] = 0;
      buf.values[0] = 0;
    }
    return this.prediction(await this.run(buf, 1, k), 0);
  }
  async predictBatch(inputs) {
    const out = [];
    for (let start = 0; start < inputs.length; start += BATCH_CHUNK) {
      const chunk = inputs.slice(start, start + BATCH_CHUNK);
      const rows = [];
      const values = [];
      let k = 1;
      for (const input of chunk) {
        const n = this.rt.vectorizer.vectorize(input);
        rows.push(this.rt.vectorizer.outRows.slice(0, n));
        values.push(this.rt.vectorizer.outValues.slice(0, n));
        k = Math.max(k, n);
      }
      const buf = this.batch;
      buf.ensure(chunk.length * k);
      const pad = this.rt.padRow;
      for (let i = 0; i < chunk.length; i++) {
        const r = rows[i];
        const v = values[i];
        const base = i * k;
        for (let j = 0; j < k; j++) {
          buf.words[2 * (base + j)] = j < r.length ? r[j] : pad;
          buf.words[2 * (base + j) + 1] = 0;
          buf.values[base + j] = j < r.length ? v[j] : 0;
        }
      }
      const probs = await this.run(buf, chunk.length, k);
      for (let i = 0; i < chunk.length; i++) out.push(this.prediction(probs, i * this.C));
    }
    return out;
  }
  async close() {
    await this.session.release();
  }
};
var TsClassifier = class {
  constructor(scorer, rt) {
    this.scorer = scorer;
    this.rt = rt;
    this.probs = new Float64Array(rt.labels.length);
  }
  scorer;
  rt;
  probs;
  /** Probabilities of one input (a copy). */
  probabilities(input) {
    return this.score(input).slice();
  }
  /** Probabilities of one input into the shared scratch buffer (valid until the next call). */
  score(input) {
    const vec = this.rt.vectorizer;
    const n = vec.vectorize(input);
    this.scorer.probabilities(vec.outRows, vec.outValues, n, this.probs);
    return this.probs;
  }
  prediction(input) {
    const p = this.score(input);
    const best = argmaxOf(p, 0, p.length);
    return { output: this.rt.labels[best], confidence: applyConfidenceMap(this.rt.confidenceMap, p[best]) };
  }
  async predict(input) {
    return this.prediction(input);
  }
  // Synchronous over the batch: the featurizer's and scorer's buffers are reused for every input, and
  // there is no promise per case (what made a loop of predict() slower than one ORT run).
  async predictBatch(inputs) {
    const out = new Array(inputs.length);
    for (let i = 0; i < inputs.length; i++) out[i] = this.prediction(inputs[i]);
    return out;
  }
};
async function createOnnxSession(model) {
  const ort = await loadOrt();
  const session = await ort.InferenceSession.create(model, {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: "sequential",
    graphOptimizationLevel: "all"
  });
  return { ort, session };
}

// core/recipes/classifier/index.ts
var FORMAT_VERSION = "1";
function fitClassifierRecipe(train, ctx) {
  const fit = fitClassifier(train, ctx);
  const config = {
    version: 1,
    model: `${ctx.prefix}model.onnx`,
    vocabulary: `${ctx.prefix}features.vocab`,
    labels: fit.labels,
    featurizer: fit.spec,
    weighting: WEIGHTING,
    storage: fit.weights.storage,
    temperature: fit.temperature,
    ...fit.confidenceMap.length ? { confidence_map: fit.confidenceMap } : {},
    opset: OPSET,
    fit: fit.report
  };
  const files = /* @__PURE__ */ new Map([
    [config.model, buildClassifierOnnx(fit.weights, fit.temperature, FORMAT_VERSION)],
    [config.vocabulary, encodeVocabulary(fit.vocab)]
  ]);
  return { config, files };
}
var classifierCandidate = {
  type: "classifier",
  unsuitable(train, ctx) {
    if (train.length === 0) return "no training examples";
    if (ctx.kind !== "label") return `outputs look ${ctx.kind}, not labels from a closed set`;
    const distinct = new Set(train.map((e) => JSON.stringify(e.output ?? null)));
    if (distinct.size < 2) return "every training output is the same label: nothing to classify";
    return null;
  },
  async fit(train, ctx) {
    if (train.length === 0) throw new KolmError("E_NO_ROWS", "the classifier was given no training examples", { hint: "check the --examples file" });
    ctx.reporter.progress({ stage: "compile:classifier", message: `training on ${train.length} examples` });
    const { config, files } = fitClassifierRecipe(train, ctx);
    const saved = { type: "classifier", config, files };
    return { saved, predictor: await loadClassifier(saved.config, files, { classifierRuntime: ctx.classifierRuntime }) };
  }
};
function badArtifact(what) {
  return new KolmError("E_BAD_ARTIFACT", `classifier recipe: ${what}`, { hint: "rebuild the artifact with kolm compile" });
}
function runtimeOf(c, files) {
  if (c.version !== 1 || typeof c.model !== "string" || typeof c.vocabulary !== "string" || !Array.isArray(c.labels) || c.labels.length === 0) {
    throw badArtifact("config is not version 1 or lacks model/vocabulary/labels");
  }
  const model = files.get(c.model);
  const table = files.get(c.vocabulary);
  if (!model) throw badArtifact(`${c.model} is missing from the artifact`);
  if (!table) throw badArtifact(`${c.vocabulary} is missing from the artifact`);
  const spec = c.featurizer;
  if (!spec || !Number.isInteger(spec.hashBits) || spec.hashBits < 4 || spec.hashBits > 24) throw badArtifact("featurizer.hashBits is missing or out of range 4..24");
  let vectorizer;
  try {
    vectorizer = new Vectorizer(spec, decodeVocabulary(table, 2 ** spec.hashBits), c.weighting ?? WEIGHTING);
  } catch (err) {
    throw badArtifact(`${c.vocabulary}: ${err.message}`);
  }
  if (c.confidence_map !== void 0) {
    const problem = confidenceMapProblem(c.confidence_map);
    if (problem) throw badArtifact(problem);
  }
  return { rt: { vectorizer, labels: c.labels, padRow: vectorizer.rows, confidenceMap: c.confidence_map ?? [] }, model };
}
async function loadClassifier(config, files, options = {}) {
  const c = config;
  const { rt, model } = runtimeOf(c, files);
  let stored;
  try {
    stored = weightsFromOnnx(model);
  } catch (err) {
    throw badArtifact(`${c.model}: ${err.message}`);
  }
  if (stored.weights.classes !== c.labels.length || stored.weights.rows !== rt.vectorizer.rows + 1) {
    throw badArtifact(`${c.model} has a [${stored.weights.rows}, ${stored.weights.classes}] weight matrix; the config needs [${rt.vectorizer.rows + 1}, ${c.labels.length}]`);
  }
  const runtime = options.classifierRuntime ?? DEFAULT_CLASSIFIER_RUNTIME;
  if (runtime === "ts") return new TsClassifier(new TsScorer(stored.weights, stored.temperature), rt);
  let session;
  try {
    session = await createOnnxSession(model);
  } catch (err) {
    if (err instanceof KolmError) throw err;
    throw badArtifact(`onnxruntime could not load ${c.model}: ${err.message}`);
  }
  return new OnnxClassifier(session.ort, session.session, rt);
}

// core/recipes/extract/tokenize.ts
function emptyTokens(capacity = 64) {
  return { count: 0, start: new Int32Array(capacity), end: new Int32Array(capacity) };
}
var WORDISH = /[\p{L}\p{N}\p{M}]/u;
function isWordCode(c) {
  if (c < 128) return c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122;
  if (c >= 55296 && c <= 57343) return false;
  return WORDISH.test(String.fromCharCode(c));
}
function isDigitCode(c) {
  return c >= 48 && c <= 57;
}
function isCjk(c) {
  return c >= 12352 && c <= 12543 || c >= 13312 && c <= 40959 || c >= 63744 && c <= 64255;
}
function isSpaceCode(c) {
  return c === 32 || c >= 9 && c <= 13 || c === 160 || c === 12288 || c === 8232 || c === 8233 || c >= 8192 && c <= 8203;
}
function tokenize2(text, into = emptyTokens()) {
  let n = 0;
  const len = text.length;
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
      continue;
    }
    if (n === into.start.length) grow(into);
    into.start[n] = i;
    if (isWordCode(c) && !isCjk(c)) {
      const digit = isDigitCode(c);
      i++;
      while (i < len) {
        const d = text.charCodeAt(i);
        if (!isWordCode(d) || isCjk(d) || isDigitCode(d) !== digit) break;
        i++;
      }
    } else {
      i += c >= 55296 && c <= 56319 && i + 1 < len ? 2 : 1;
    }
    into.end[n] = i;
    n++;
  }
  into.count = n;
  return into;
}
function grow(t) {
  const s = new Int32Array(t.start.length * 2);
  const e = new Int32Array(t.start.length * 2);
  s.set(t.start);
  e.set(t.end);
  t.start = s;
  t.end = e;
}
function lowerCode(c) {
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 128) return c;
  const l = String.fromCharCode(c).toLowerCase();
  return l.length === 1 ? l.charCodeAt(0) : c;
}
var FNV_OFFSET2 = 2166136261;
var FNV_PRIME2 = 16777619;
function hashLower(text, s, e) {
  let h = FNV_OFFSET2;
  for (let i = s; i < e; i++) {
    h ^= lowerCode(text.charCodeAt(i));
    h = Math.imul(h, FNV_PRIME2);
  }
  return h >>> 0;
}
function hashShape(text, s, e) {
  let h = FNV_OFFSET2;
  const stop = Math.min(e, s + 8);
  for (let i = s; i < stop; i++) h = Math.imul(h ^ shapeCode(text.charCodeAt(i)), FNV_PRIME2);
  if (e > stop) h = Math.imul(h ^ 43, FNV_PRIME2);
  return h >>> 0;
}
function hashShortShape(text, s, e) {
  let h = FNV_OFFSET2;
  let prev = -1;
  for (let i = s; i < e; i++) {
    const k = shapeCode(text.charCodeAt(i));
    if (k !== prev) h = Math.imul(h ^ k, FNV_PRIME2);
    prev = k;
  }
  return h >>> 0;
}
function shapeCode(c) {
  if (c >= 48 && c <= 57) return 100;
  if (c >= 65 && c <= 90) return 88;
  if (c >= 97 && c <= 122) return 120;
  if (c < 128) return c;
  const l = String.fromCharCode(c);
  if (l !== l.toLowerCase()) return 88;
  if (l !== l.toUpperCase()) return 120;
  return WORDISH.test(l) ? 120 : 42;
}
function tokenFlags(text, s, e) {
  let upper = 0;
  let lower = 0;
  let digit = 0;
  let word = 0;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    const k = shapeCode(c);
    if (k === 88) upper++;
    else if (k === 120) lower++;
    else if (k === 100) digit++;
    if (k === 88 || k === 120 || k === 100) word++;
  }
  const first = shapeCode(text.charCodeAt(s));
  let f = 0;
  if (first === 88) f |= 1;
  if (upper > 0 && lower === 0 && digit === 0) f |= 2;
  if (digit > 0) f |= 4;
  if (digit === e - s) f |= 8;
  if (word === 0) f |= 16;
  return f;
}
function mix(a, b) {
  let h = Math.imul(a ^ 2654435769, 2246822507) ^ b;
  h = Math.imul(h ^ h >>> 16, 2146121005);
  h ^= h >>> 15;
  h = Math.imul(h, 2221713035);
  h ^= h >>> 16;
  return h >>> 0;
}

// core/recipes/extract/features.ts
var PAD = 1540483477;
var MAX_GLOBALS = 16;
var MAX_PIECES = 8;
var GAZ_SEED = 625341585;
var Gazetteer = class {
  constructor(fields) {
    this.fields = fields;
  }
  fields;
  counts = /* @__PURE__ */ new Map();
  maxLen = 0;
  add(value, field) {
    const t = tokenize2(value);
    if (t.count === 0 || t.count > 8) return null;
    const h = seqHash(value, t, 0, t.count - 1);
    let c = this.counts.get(h);
    if (!c) this.counts.set(h, c = new Int32Array(this.fields));
    c[field]++;
    this.maxLen = Math.max(this.maxLen, t.count);
    return h;
  }
};
function seqHash(text, t, a, b) {
  let h = GAZ_SEED;
  for (let k = a; k <= b; k++) h = mix(h, hashLower(text, t.start[k], t.end[k]));
  return h;
}
var FeatureScratch = class {
  tokens = emptyTokens();
  lower = new Uint32Array(64);
  shape = new Uint32Array(64);
  sshape = new Uint32Array(64);
  flags = new Int32Array(64);
  gaz = new Uint8Array(64 * 4);
  hashes = new Uint32Array(4096);
  offs = new Int32Array(65);
  globals = new Uint32Array(MAX_GLOBALS * 2);
  nGlobals = 0;
  ensure(n, fields) {
    if (this.lower.length < n) {
      const cap = Math.max(n, this.lower.length * 2);
      this.lower = new Uint32Array(cap);
      this.shape = new Uint32Array(cap);
      this.sshape = new Uint32Array(cap);
      this.flags = new Int32Array(cap);
      this.offs = new Int32Array(cap + 1);
    }
    if (this.gaz.length < n * fields) this.gaz = new Uint8Array(Math.max(n * fields, this.gaz.length * 2));
  }
};
function globalsOf(context, sc) {
  let g = 0;
  for (let ci = 0; ci < context.length && g < MAX_GLOBALS; ci++) {
    const s = context[ci];
    const field = Math.imul(ci + 1, 668265261);
    let pieces = 0;
    let i = 0;
    while (i < s.length && pieces < MAX_PIECES && g < MAX_GLOBALS) {
      while (i < s.length && isSep(s.charCodeAt(i))) i++;
      if (i >= s.length) break;
      const st = i;
      while (i < s.length && !isSep(s.charCodeAt(i))) i++;
      sc.globals[g++] = mix(field, hashLower(s, st, i));
      pieces++;
    }
    if (pieces === 0) sc.globals[g++] = mix(field, 238516657);
  }
  sc.nGlobals = g;
}
function isSep(c) {
  return c === 44 || c === 32 || c === 59 || c === 124 || c === 9 || c === 10 || c === 13;
}
function featurize(text, context, gaz, sc, exclude) {
  const t = tokenize2(text, sc.tokens);
  sc.tokens = t;
  const n = t.count;
  const F = gaz.fields;
  sc.ensure(n, F);
  for (let i = 0; i < n; i++) {
    const s = t.start[i];
    const e = t.end[i];
    sc.lower[i] = hashLower(text, s, e);
    sc.shape[i] = hashShape(text, s, e);
    sc.sshape[i] = hashShortShape(text, s, e);
    sc.flags[i] = tokenFlags(text, s, e);
  }
  markGazetteer(text, t, gaz, sc, exclude);
  globalsOf(context, sc);
  const perToken = 40 + 2 * F + 5 * sc.nGlobals;
  if (sc.hashes.length < n * perToken) sc.hashes = new Uint32Array(Math.max(n * perToken, sc.hashes.length * 2));
  const h = sc.hashes;
  const lw = (j) => j < 0 ? PAD ^ j : j >= n ? PAD + j - n + 1 : sc.lower[j];
  let k = 0;
  for (let i = 0; i < n; i++) {
    sc.offs[i] = k;
    const s = t.start[i];
    const e = t.end[i];
    const len = e - s;
    const w0 = sc.lower[i];
    const wm1 = lw(i - 1);
    const wp1 = lw(i + 1);
    const wm2 = lw(i - 2);
    const wp2 = lw(i + 2);
    h[k++] = 1 /* Bias */;
    h[k++] = mix(2 /* W0 */, w0);
    h[k++] = mix(3 /* Wm1 */, wm1);
    h[k++] = mix(4 /* Wm2 */, wm2);
    h[k++] = mix(5 /* Wm3 */, lw(i - 3));
    h[k++] = mix(6 /* Wp1 */, wp1);
    h[k++] = mix(7 /* Wp2 */, wp2);
    h[k++] = mix(8 /* Wp3 */, lw(i + 3));
    h[k++] = mix(mix(9 /* Bm1 */, wm1), w0);
    h[k++] = mix(mix(10 /* Bp1 */, w0), wp1);
    h[k++] = mix(mix(11 /* Bm2 */, wm2), wm1);
    h[k++] = mix(mix(12 /* Bp2 */, wp1), wp2);
    h[k++] = mix(13 /* Sh0 */, sc.shape[i]);
    h[k++] = mix(14 /* Shm1 */, i > 0 ? sc.shape[i - 1] : PAD);
    h[k++] = mix(15 /* Shp1 */, i + 1 < n ? sc.shape[i + 1] : PAD);
    const ss = sc.sshape[i];
    h[k++] = mix(16 /* Ssh0 */, ss);
    h[k++] = mix(mix(mix(17 /* Ssh3 */, i > 0 ? sc.sshape[i - 1] : PAD), ss), i + 1 < n ? sc.sshape[i + 1] : PAD);
    h[k++] = mix(18 /* Pre1 */, hashLower(text, s, Math.min(e, s + 1)));
    if (len > 1) h[k++] = mix(19 /* Pre2 */, hashLower(text, s, Math.min(e, s + 2)));
    if (len > 2) h[k++] = mix(20 /* Pre3 */, hashLower(text, s, Math.min(e, s + 3)));
    h[k++] = mix(21 /* Suf1 */, hashLower(text, Math.max(s, e - 1), e));
    if (len > 1) h[k++] = mix(22 /* Suf2 */, hashLower(text, Math.max(s, e - 2), e));
    if (len > 2) h[k++] = mix(23 /* Suf3 */, hashLower(text, Math.max(s, e - 3), e));
    if (len > 3) h[k++] = mix(24 /* Suf4 */, hashLower(text, Math.max(s, e - 4), e));
    const fl = sc.flags[i];
    h[k++] = mix(25 /* Flags */, fl);
    h[k++] = mix(26 /* FlagsNb */, (i > 0 ? sc.flags[i - 1] : 32) << 6 | (i + 1 < n ? sc.flags[i + 1] : 32));
    h[k++] = mix(27 /* Len */, Math.min(len, 12));
    const pos = i === 0 ? 0 : i === 1 ? 1 : i === n - 1 ? 3 : i === n - 2 ? 4 : 2;
    h[k++] = mix(28 /* Pos */, pos);
    h[k++] = mix(29 /* RelPos */, Math.floor(4 * i / n));
    let any = 0;
    for (let f = 0; f < F; f++) {
      const g = sc.gaz[i * F + f];
      if (g === 0) continue;
      any |= g;
      h[k++] = mix(30 /* Gaz */, f * 8 + g);
    }
    if (any) h[k++] = mix(31 /* GazAny */, any);
    for (let f = 0; f < F; f++) {
      const inside = sc.gaz[i * F + f];
      if (inside) continue;
      const before = i + 1 < n && (sc.gaz[(i + 1) * F + f] & 1) !== 0;
      const after = i > 0 && (sc.gaz[(i - 1) * F + f] & 4) !== 0;
      if (before || after) h[k++] = mix(32 /* GazNb */, f * 4 + (before ? 1 : 0) + (after ? 2 : 0));
    }
    for (let g = 0; g < sc.nGlobals; g++) {
      const gh = sc.globals[g];
      h[k++] = mix(33 /* G */, gh);
      h[k++] = mix(mix(34 /* GxSsh */, gh), ss);
      h[k++] = mix(mix(35 /* GxW0 */, gh), w0);
      h[k++] = mix(mix(36 /* GxWm1 */, gh), wm1);
      h[k++] = mix(mix(37 /* GxPos */, gh), pos);
    }
  }
  sc.offs[n] = k;
  return n;
}
function markGazetteer(text, t, gaz, sc, exclude) {
  const n = t.count;
  const F = gaz.fields;
  sc.gaz.fill(0, 0, n * F);
  if (gaz.counts.size === 0) return;
  for (let a = 0; a < n; a++) {
    if (sc.flags[a] & 16) continue;
    let hsh = GAZ_SEED;
    for (let b = a; b < n && b - a < gaz.maxLen; b++) {
      hsh = mix(hsh, sc.lower[b]);
      const c = gaz.counts.get(hsh);
      if (!c) continue;
      const ex = exclude?.get(hsh);
      for (let f = 0; f < F; f++) {
        if (c[f] - (ex ? ex[f] : 0) <= 0) continue;
        sc.gaz[a * F + f] |= 1;
        for (let m = a + 1; m <= b; m++) sc.gaz[m * F + f] |= 2;
        sc.gaz[b * F + f] |= 4;
      }
    }
  }
}

// core/recipes/extract/decode.ts
var tagCount = (fields) => 1 + 2 * fields;
function allowed(prev, tag) {
  if (tag === 0 || tag % 2 === 1) return true;
  return prev === tag - 1 || prev === tag;
}
function maskTransitions(raw, T) {
  const out = new Float64Array((T + 1) * T);
  for (let p = 0; p <= T; p++) {
    for (let t = 0; t < T; t++) out[p * T + t] = (p === T ? t === 0 || t % 2 === 1 : allowed(p, t)) ? raw[p * T + t] : -Infinity;
  }
  return out;
}
var DecodeScratch = class {
  em = new Float64Array(64 * 8);
  vit = new Float64Array(64 * 8);
  bp = new Int32Array(64 * 8);
  tags = new Int32Array(64);
  alpha = new Float64Array(16);
  next = new Float64Array(16);
  ensure(n, T) {
    if (this.em.length < n * T) {
      const cap = Math.max(n * T, this.em.length * 2);
      this.em = new Float64Array(cap);
      this.vit = new Float64Array(cap);
      this.bp = new Int32Array(cap);
    }
    if (this.tags.length < n) this.tags = new Int32Array(Math.max(n, this.tags.length * 2));
    if (this.alpha.length < T) {
      this.alpha = new Float64Array(T);
      this.next = new Float64Array(T);
    }
  }
};
function viterbi(em, n, T, trans, sc) {
  if (n === 0) return 0;
  const { vit, bp, tags } = sc;
  const start = T * T;
  for (let t = 0; t < T; t++) vit[t] = trans[start + t] + em[t];
  for (let i = 1; i < n; i++) {
    const base = i * T;
    const prevBase = base - T;
    for (let t = 0; t < T; t++) {
      let best2 = -Infinity;
      let arg2 = 0;
      const p0 = t > 0 && t % 2 === 0 ? t - 1 : 0;
      const p1 = t > 0 && t % 2 === 0 ? t + 1 : T;
      for (let p = p0; p < p1; p++) {
        const v = vit[prevBase + p] + trans[p * T + t];
        if (v > best2) {
          best2 = v;
          arg2 = p;
        }
      }
      vit[base + t] = best2 + em[base + t];
      bp[base + t] = arg2;
    }
  }
  let best = -Infinity;
  let arg = 0;
  const last = (n - 1) * T;
  for (let t = 0; t < T; t++) {
    if (vit[last + t] > best) {
      best = vit[last + t];
      arg = t;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = arg;
    if (i > 0) arg = bp[i * T + arg];
  }
  return best;
}
function expTransitions(trans, tau) {
  const out = new Float64Array(trans.length);
  for (let k = 0; k < trans.length; k++) out[k] = trans[k] === -Infinity ? 0 : Math.exp(trans[k] / tau);
  return out;
}
function logPartition(em, n, T, trans, expTrans, tau, sc) {
  if (n === 0) return 0;
  const a = sc.alpha;
  const b = sc.next;
  const start = T * T;
  let m = -Infinity;
  for (let t = 0; t < T; t++) {
    a[t] = (trans[start + t] + em[t]) / tau;
    if (a[t] > m) m = a[t];
  }
  let sum = 0;
  for (let t = 0; t < T; t++) sum += a[t] = Math.exp(a[t] - m);
  for (let t = 0; t < T; t++) a[t] /= sum;
  let logZ = m + Math.log(sum);
  for (let i = 1; i < n; i++) {
    const base = i * T;
    let mm = -Infinity;
    for (let t = 0; t < T; t++) if (em[base + t] > mm) mm = em[base + t];
    let s = 0;
    for (let t = 0; t < T; t++) {
      let acc = 0;
      const p0 = t > 0 && t % 2 === 0 ? t - 1 : 0;
      const p1 = t > 0 && t % 2 === 0 ? t + 1 : T;
      for (let p = p0; p < p1; p++) acc += a[p] * expTrans[p * T + t];
      const v = acc * Math.exp((em[base + t] - mm) / tau);
      b[t] = v;
      s += v;
    }
    for (let t = 0; t < T; t++) a[t] = b[t] / s;
    logZ += mm / tau + Math.log(s);
  }
  return logZ;
}
function pickSpans(tags, em, n, T, first, last, score) {
  const F = (T - 1) / 2;
  first.fill(-1, 0, F);
  last.fill(-1, 0, F);
  score.fill(-Infinity, 0, F);
  let i = 0;
  while (i < n) {
    const t = tags[i];
    if (t === 0 || t % 2 === 0) {
      i++;
      continue;
    }
    const f = t - 1 >> 1;
    let j = i;
    let s = em[i * T + t] - em[i * T];
    while (j + 1 < n && tags[j + 1] === t + 1) {
      j++;
      s += em[j * T + t + 1] - em[j * T];
    }
    if (s > score[f]) {
      score[f] = s;
      first[f] = i;
      last[f] = j;
    }
    i = j + 1;
  }
}

// core/recipes/extract/packed.ts
var MAGIC = 827611211;
function packWeights(hashes, W, T, budgetBytes) {
  const R = hashes.length;
  let maxAbs = 1e-9;
  for (let k = 0; k < W.length; k++) if (Math.abs(W[k]) > maxAbs) maxAbs = Math.abs(W[k]);
  const scale = maxAbs / 32767;
  const q = (x) => Math.max(-32767, Math.min(32767, Math.round(x / scale)));
  const kept = [];
  for (let r = 0; r < R; r++) {
    let nnz = 0;
    let l1 = 0;
    for (let t = 0; t < T; t++) {
      const v = q(W[r * T + t]);
      if (v !== 0) {
        nnz++;
        l1 += Math.abs(v);
      }
    }
    if (nnz > 0) kept.push({ row: r, nnz, l1 });
  }
  const header = 24;
  const transBytes = (T + 1) * T * 2;
  let total = header + transBytes + 4 + kept.reduce((a, k) => a + 8 + 3 * k.nnz + 1, 0);
  if (total > budgetBytes) {
    kept.sort((a, b) => b.l1 - a.l1 || a.row - b.row);
    while (kept.length && total > budgetBytes) total -= 8 + 3 * kept.pop().nnz + 1;
  }
  kept.sort((a, b) => hashes[a.row] - hashes[b.row]);
  const nRows = kept.length;
  const nEntries = kept.reduce((a, k) => a + k.nnz, 0);
  const wBytes = align4(nEntries * 2);
  const tBytes = align4(transBytes);
  const size = header + 4 * nRows + 4 * (nRows + 1) + wBytes + tBytes + align4(nEntries);
  const buf = new ArrayBuffer(size);
  const dv = new DataView(buf);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, nRows, true);
  dv.setUint32(8, nEntries, true);
  dv.setUint32(12, T, true);
  dv.setFloat64(16, scale, true);
  let o = header;
  const keys = new Uint32Array(buf, o, nRows);
  o += 4 * nRows;
  const offs = new Uint32Array(buf, o, nRows + 1);
  o += 4 * (nRows + 1);
  const weights = new Int16Array(buf, o, nEntries);
  o += wBytes;
  const trans = new Int16Array(buf, o, (T + 1) * T);
  o += tBytes;
  const tags = new Uint8Array(buf, o, nEntries);
  let e = 0;
  kept.forEach((k, i) => {
    keys[i] = hashes[k.row];
    offs[i] = e;
    for (let t = 0; t < T; t++) {
      const v = q(W[k.row * T + t]);
      if (v === 0) continue;
      tags[e] = t;
      weights[e] = v;
      e++;
    }
  });
  offs[nRows] = e;
  for (let k = 0; k < (T + 1) * T; k++) trans[k] = q(W[R * T + k]);
  return new Uint8Array(buf);
}
var align4 = (n) => n + 3 & ~3;
var PackedModel = class {
  T;
  trans;
  rows;
  slotKey;
  slotRow;
  mask;
  offs;
  tags;
  weights;
  constructor(bytes) {
    const copy = new Uint8Array(bytes);
    const buf = copy.buffer;
    if (copy.length < 24) throw new Error("payload too short");
    const dv = new DataView(buf);
    if (dv.getUint32(0, true) !== MAGIC) throw new Error("not an extract weight table (bad magic)");
    const nRows = dv.getUint32(4, true);
    const nEntries = dv.getUint32(8, true);
    const T = dv.getUint32(12, true);
    const scale = dv.getFloat64(16, true);
    const need = 24 + 4 * nRows + 4 * (nRows + 1) + align4(nEntries * 2) + align4((T + 1) * T * 2) + align4(nEntries);
    if (copy.length !== need) throw new Error(`payload is ${copy.length} bytes, header says ${need}`);
    let o = 24;
    const keys = new Uint32Array(buf, o, nRows);
    o += 4 * nRows;
    this.offs = new Uint32Array(buf, o, nRows + 1);
    o += 4 * (nRows + 1);
    const w16 = new Int16Array(buf, o, nEntries);
    o += align4(nEntries * 2);
    const t16 = new Int16Array(buf, o, (T + 1) * T);
    o += align4((T + 1) * T * 2);
    this.tags = new Uint8Array(buf, o, nEntries);
    this.weights = new Float32Array(nEntries);
    for (let k = 0; k < nEntries; k++) this.weights[k] = w16[k] * scale;
    const raw = new Float64Array((T + 1) * T);
    for (let k = 0; k < raw.length; k++) raw[k] = t16[k] * scale;
    this.trans = maskTransitions(raw, T);
    this.T = T;
    this.rows = nRows;
    let cap = 16;
    while (cap < nRows * 2) cap *= 2;
    this.mask = cap - 1;
    this.slotKey = new Uint32Array(cap);
    this.slotRow = new Int32Array(cap).fill(-1);
    for (let r = 0; r < nRows; r++) {
      let s = keys[r] & this.mask;
      while (this.slotRow[s] !== -1) s = s + 1 & this.mask;
      this.slotKey[s] = keys[r];
      this.slotRow[s] = r;
    }
  }
  /** Adds the weights of feature `hash` to em[base .. base+T). */
  addFeature(hash, em, base) {
    let s = hash & this.mask;
    for (; ; ) {
      const r = this.slotRow[s];
      if (r === -1) return;
      if (this.slotKey[s] === hash) {
        for (let e = this.offs[r]; e < this.offs[r + 1]; e++) em[base + this.tags[e]] += this.weights[e];
        return;
      }
      s = s + 1 & this.mask;
    }
  }
};

// core/recipes/extract/perceptron.ts
function denseEmissions(seq, W, T, em) {
  em.fill(0, 0, seq.n * T);
  for (let i = 0; i < seq.n; i++) {
    const base = i * T;
    for (let k = seq.offs[i]; k < seq.offs[i + 1]; k++) {
      const r = seq.rows[k];
      if (r < 0) continue;
      const wb = r * T;
      for (let t = 0; t < T; t++) em[base + t] += W[wb + t];
    }
  }
}
function trainPerceptron(data, featureRows, T, epochs, seed, onEpoch) {
  const size = (featureRows + T + 1) * T;
  const w = new Float64Array(size);
  const u = new Float64Array(size);
  const transBase = featureRows * T;
  const sc = new DecodeScratch();
  const rand = seededRandom(seed);
  let c = 1;
  const order = data.map((_, i) => i);
  const masked = maskTransitions(new Float64Array((T + 1) * T), T);
  const average = () => {
    const avg = new Float64Array(size);
    for (let k = 0; k < size; k++) avg[k] = w[k] - u[k] / c;
    return avg;
  };
  const bump = (k, d) => {
    w[k] += d;
    u[k] += c * d;
  };
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (const idx of shuffled(order, rand)) {
      const seq = data[idx];
      const n = seq.n;
      if (n === 0) continue;
      sc.ensure(n, T);
      denseEmissions(seq, w, T, sc.em);
      viterbi(sc.em, n, T, masked, sc);
      const pred = sc.tags;
      let wrong = false;
      for (let i = 0; i < n; i++) if (pred[i] !== seq.gold[i]) wrong = true;
      if (wrong) {
        for (let i = 0; i < n; i++) {
          const g = seq.gold[i];
          const p = pred[i];
          const gp = i === 0 ? T : seq.gold[i - 1];
          const pp = i === 0 ? T : pred[i - 1];
          if (g !== p) {
            for (let k = seq.offs[i]; k < seq.offs[i + 1]; k++) {
              const r = seq.rows[k];
              if (r < 0) continue;
              bump(r * T + g, 1);
              bump(r * T + p, -1);
            }
          }
          if (g !== p || gp !== pp) {
            bump(transBase + gp * T + g, 1);
            bump(transBase + pp * T + p, -1);
            masked[gp * T + g] += 1;
            masked[pp * T + p] -= 1;
          }
        }
      }
      c++;
    }
    if (onEpoch && onEpoch(epoch, average()) === false) break;
  }
  return average();
}

// core/recipes/json-style.ts
function parseObject(output) {
  let v = output;
  if (typeof v === "string") {
    const t = v.trim();
    if (!t.startsWith("{")) return null;
    try {
      v = JSON.parse(t);
    } catch {
      return null;
    }
  }
  return v !== null && typeof v === "object" && !Array.isArray(v) ? v : null;
}
function learnStyle(train, mode, fields, objects, inputPos2) {
  const absent = fields.map((f) => {
    let omit = 0;
    let nul = 0;
    let empty = 0;
    for (const o of objects) {
      if (!o) continue;
      if (!(f in o)) omit++;
      else if (o[f] === null) nul++;
      else if (o[f] === "") empty++;
    }
    return nul > omit && nul >= empty ? "null" : empty > omit && empty > nul ? "empty" : "omit";
  });
  const base = { mode, order: "sorted", itemSep: ", ", keySep: ": ", ascii: false, absent, rank: fields.slice() };
  if (mode === "string") return base;
  const posSum = /* @__PURE__ */ new Map();
  const posN = /* @__PURE__ */ new Map();
  for (const o of objects) {
    const keys = Object.keys(o ?? {});
    keys.forEach((k, i) => {
      posSum.set(k, (posSum.get(k) ?? 0) + (keys.length > 1 ? i / (keys.length - 1) : 0.5));
      posN.set(k, (posN.get(k) ?? 0) + 1);
    });
  }
  const rank = fields.slice().sort((a, b) => posSum.get(a) / posN.get(a) - posSum.get(b) / posN.get(b) || (a < b ? -1 : 1));
  const rankOf = new Map(rank.map((f, i) => [f, i]));
  const orders = ["sorted", "rank", "input"];
  const orderHits = [0, 0, 0];
  train.forEach((e, i) => {
    const o = objects[i];
    if (!o) return;
    const keys = Object.keys(o).filter((k) => typeof o[k] === "string" && o[k] !== "");
    if (keys.length < 2) return;
    const byInput = keys.slice().sort((a, b) => inputPos2(e.input, o[a]) - inputPos2(e.input, o[b]));
    const candidates2 = [keys.slice().sort(), keys.slice().sort((a, b) => rankOf.get(a) - rankOf.get(b)), byInput];
    candidates2.forEach((c, j) => {
      if (c.join("\0") === keys.join("\0")) orderHits[j]++;
    });
  });
  let order = "sorted";
  let best = orderHits[0];
  orderHits.forEach((h, j) => {
    if (h > best) {
      best = h;
      order = orders[j];
    }
  });
  const style = { ...base, order, rank };
  if (mode === "json-object") return style;
  let bestStyle = style;
  let bestMatch = -1;
  for (const itemSep of [", ", ","]) {
    for (const keySep of [": ", ":"]) {
      for (const ascii of [false, true]) {
        const s = { ...style, itemSep, keySep, ascii };
        let match = 0;
        train.forEach((e, i) => {
          const o = objects[i];
          if (!o || typeof e.output !== "string") return;
          if (renderJsonString(Object.keys(o), (k) => o[k], s) === e.output.trim()) match++;
        });
        if (match > bestMatch) {
          bestMatch = match;
          bestStyle = s;
        }
      }
    }
  }
  return bestStyle;
}
function quote(s, ascii) {
  const q = JSON.stringify(s);
  return ascii ? q.replace(/[\u007f-\uffff]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0")) : q;
}
function renderJsonString(keys, value, style) {
  let out = "{";
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const v = value(k);
    if (i > 0) out += style.itemSep;
    out += quote(k, style.ascii) + style.keySep + (typeof v === "string" ? quote(v, style.ascii) : JSON.stringify(v ?? null));
  }
  return out + "}";
}

// core/recipes/extract/task.ts
var MIN_SPAN_SHARE = 0.9;
var MIN_FIELD_SPAN_SHARE = 0.8;
var MAX_FIELDS = 120;
var MAX_CONTEXT_FIELDS = 8;
function fieldText2(input, name) {
  if (typeof input === "string") return name === "" ? input : "";
  const v = input[name];
  if (v === void 0 || v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return "";
}
function locate(text, value, from = 0) {
  let i = text.indexOf(value, from);
  if (i < 0) {
    const lt = text.toLowerCase();
    const lv = value.toLowerCase();
    if (lt.length === text.length && lv.length === value.length) i = lt.indexOf(lv, from);
  }
  return i < 0 ? null : [i, i + value.length];
}
function alignSpan(tokens, s, e) {
  let first = -1;
  let last = -1;
  for (let k = 0; k < tokens.count; k++) {
    if (tokens.start[k] === s) first = k;
    if (tokens.end[k] === e) {
      last = k;
      break;
    }
  }
  return first >= 0 && last >= first ? [first, last] : null;
}
function isSpanOf(text, value) {
  const loc = locate(text, value);
  if (!loc) return false;
  return alignSpan(tokenize2(text), loc[0], loc[1]) !== null;
}
function analyzeTask(train) {
  if (train.length === 0) return "no training examples";
  const inputMode = train.every((e) => typeof e.input === "string") ? "string" : train.every((e) => e.input !== null && typeof e.input === "object") ? "object" : null;
  if (!inputMode) return "inputs mix plain strings and objects";
  const inputFields = /* @__PURE__ */ new Set();
  if (inputMode === "object") {
    for (const e of train) for (const [k, v] of Object.entries(e.input)) {
      if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v === null) inputFields.add(k);
    }
    if (inputFields.size === 0) return "input objects have no text fields";
  } else inputFields.add("");
  const names = [...inputFields].sort();
  const objects = train.map((e) => parseObject(e.output));
  const nObjects = objects.filter((o) => o !== null).length;
  let mode;
  if (nObjects >= 0.95 * train.length) {
    mode = train.every((e) => typeof e.output === "string" || parseObject(e.output) === null) ? "json-string" : "json-object";
    if (train.some((e) => typeof e.output === "string") && train.some((e) => typeof e.output === "object" && e.output !== null)) {
      return "outputs mix JSON strings and objects";
    }
  } else if (nObjects > 0.05 * train.length) {
    return `only ${nObjects} of ${train.length} outputs are JSON objects`;
  } else if (train.every((e) => typeof e.output === "string" || e.output === null || e.output === void 0)) {
    mode = "string";
  } else return "outputs are neither strings nor JSON objects of strings";
  const fieldSet = /* @__PURE__ */ new Set();
  const rows = [];
  if (mode === "string") {
    fieldSet.add("");
    for (const e of train) rows.push(new Map(typeof e.output === "string" && e.output.trim() !== "" ? [["", e.output]] : []));
  } else {
    const nonString = /* @__PURE__ */ new Map();
    for (const o of objects) {
      const m = /* @__PURE__ */ new Map();
      for (const [k, v] of Object.entries(o ?? {})) {
        fieldSet.add(k);
        if (v === null || v === "") continue;
        if (typeof v !== "string") {
          nonString.set(k, (nonString.get(k) ?? 0) + 1);
          continue;
        }
        m.set(k, v);
      }
      rows.push(m);
    }
    for (const [k, n] of nonString) {
      return `field "${k}" holds ${n} non-string value(s) (numbers, lists or objects); extract only cuts text spans`;
    }
  }
  const fields = [...fieldSet].sort();
  if (fields.length > MAX_FIELDS) return `${fields.length} output fields; extract handles at most ${MAX_FIELDS}`;
  const nValues = rows.reduce((a, m) => a + m.size, 0);
  if (nValues === 0) return "every training output is empty: nothing to learn spans from";
  let source = names[0];
  let bestHits = -1;
  for (const name of names) {
    let hits = 0;
    train.forEach((e, i) => {
      const text = fieldText2(e.input, name);
      for (const v of rows[i].values()) if (isSpanOf(text, v.trim())) hits++;
    });
    if (hits > bestHits) {
      bestHits = hits;
      source = name;
    }
  }
  const where = source === "" ? "the input" : `input field "${source}"`;
  for (const f of mode === "string" ? [] : fields) {
    let n = 0;
    let hit = 0;
    train.forEach((e, i) => {
      const v = rows[i].get(f);
      if (v === void 0) return;
      n++;
      if (isSpanOf(fieldText2(e.input, source), v.trim())) hit++;
    });
    if (n >= 5 && hit / n < MIN_FIELD_SPAN_SHARE) {
      return `field "${f}" is a span of ${where} in only ${hit} of ${n} rows: it looks like a label (the composite recipe handles those)`;
    }
  }
  const share = bestHits / nValues;
  if (share < MIN_SPAN_SHARE) {
    return `only ${bestHits} of ${nValues} output values (${(share * 100).toFixed(0)}%) are spans of ${where}; extract needs ${MIN_SPAN_SHARE * 100}%`;
  }
  const context = names.filter((n) => n !== source).slice(0, MAX_CONTEXT_FIELDS);
  return {
    inputMode,
    source,
    context,
    fields,
    style: learnStyle(train, mode, fields, objects, inputPos)
  };
}
function labelExample(e, shape) {
  const values = shape.fields.map(() => "");
  if (shape.style.mode === "string") {
    if (typeof e.output === "string") values[0] = e.output.trim();
  } else {
    const o = parseObject(e.output) ?? {};
    shape.fields.forEach((f, k) => {
      const v = o[f];
      if (typeof v === "string") values[k] = v.trim();
    });
  }
  return { text: fieldText2(e.input, shape.source), context: shape.context.map((c) => fieldText2(e.input, c)), values };
}
function inputPos(input, value) {
  const texts = typeof input === "string" ? [input] : Object.values(input).filter((v) => typeof v === "string");
  for (const t of texts) {
    const loc = locate(t, value);
    if (loc) return loc[0];
  }
  return Number.MAX_SAFE_INTEGER;
}

// core/recipes/extract/predictor.ts
function buildGazetteer(lists) {
  const g = new Gazetteer(lists.length);
  lists.forEach((values, f) => {
    for (const v of values) g.add(v, f);
  });
  return g;
}
function pathLogit(logP) {
  const p = Math.min(Math.max(Math.exp(logP), 1e-9), 1 - 1e-9);
  return Math.log(p / (1 - p));
}
var sigmoid = (x) => 1 / (1 + Math.exp(-x));
var ExtractPredictor = class {
  constructor(config, weights) {
    this.config = config;
    this.model = new PackedModel(weights);
    this.F = config.fields.length;
    this.T = tagCount(this.F);
    if (this.model.T !== this.T) throw new Error(`weight table has ${this.model.T} tags, config ${this.T}`);
    this.gaz = buildGazetteer(config.gazetteer);
    this.expTrans = expTransitions(this.model.trans, config.calibration.tau);
    this.first = new Int32Array(this.F);
    this.last = new Int32Array(this.F);
    this.spanScore = new Float64Array(this.F);
    this.ctx = config.context.map(() => "");
  }
  config;
  model;
  gaz;
  fs = new FeatureScratch();
  ds = new DecodeScratch();
  expTrans;
  first;
  last;
  spanScore;
  ctx;
  F;
  T;
  /** Field values (null: no span) and the calibrated probability that all of them are right. */
  extract(input) {
    const { config, T, F, fs, ds } = this;
    const text = fieldText2(input, config.source);
    for (let c = 0; c < this.ctx.length; c++) this.ctx[c] = fieldText2(input, config.context[c]);
    const n = featurize(text, this.ctx, this.gaz, fs);
    ds.ensure(n, T);
    const em = ds.em;
    em.fill(0, 0, n * T);
    for (let i = 0; i < n; i++) {
      const base = i * T;
      for (let k = fs.offs[i]; k < fs.offs[i + 1]; k++) this.model.addFeature(fs.hashes[k], em, base);
    }
    const best = viterbi(em, n, T, this.model.trans, ds);
    pickSpans(ds.tags, em, n, T, this.first, this.last, this.spanScore);
    const values = new Array(F);
    const starts = new Array(F);
    for (let f = 0; f < F; f++) {
      const a2 = this.first[f];
      values[f] = a2 < 0 ? null : text.slice(fs.tokens.start[a2], fs.tokens.end[this.last[f]]);
      starts[f] = a2 < 0 ? Number.MAX_SAFE_INTEGER : fs.tokens.start[a2];
    }
    const { tau, a, b } = config.calibration;
    const logP = n === 0 ? 0 : best / tau - logPartition(em, n, T, this.model.trans, this.expTrans, tau, ds);
    return { values, starts, confidence: sigmoid(a * pathLogit(logP) + b) };
  }
  render(values, starts) {
    const { style, fields } = this.config;
    if (style.mode === "string") return values[0] ?? "";
    const keys = [];
    for (let f = 0; f < fields.length; f++) if (values[f] !== null || style.absent[f] !== "omit") keys.push(f);
    if (style.order === "rank") {
      const rank = new Map(style.rank.map((name, i) => [name, i]));
      keys.sort((x, y) => rank.get(fields[x]) - rank.get(fields[y]));
    } else if (style.order === "input") {
      keys.sort((x, y) => starts[x] - starts[y] || x - y);
    }
    const valueOf = (f) => values[f] ?? (style.absent[f] === "empty" ? "" : null);
    if (style.mode === "json-object") {
      const out = {};
      for (const f of keys) out[fields[f]] = valueOf(f);
      return out;
    }
    const names = keys.map((f) => fields[f]);
    const byName = new Map(keys.map((f) => [fields[f], valueOf(f)]));
    return renderJsonString(names, (k) => byName.get(k) ?? null, style);
  }
  predictSync(input) {
    const r = this.extract(input);
    return { output: this.render(r.values, r.starts), confidence: r.confidence };
  }
  async predict(input) {
    return this.predictSync(input);
  }
  predictBatch(inputs) {
    return predictEach(this, inputs);
  }
};

// core/recipes/extract/score.ts
var normalizeValue = createNormalizer();
function fieldF1(gold, pred) {
  let g = 0;
  let p = 0;
  let hit = 0;
  for (let k = 0; k < gold.length; k++) {
    const gv = gold[k] ? normalizeValue(gold[k]) : "";
    const pv = pred[k] ? normalizeValue(pred[k]) : "";
    if (gv) g++;
    if (pv) p++;
    if (gv && gv === pv) hit++;
  }
  if (g === 0 && p === 0) return 1;
  if (hit === 0) return 0;
  return 2 * hit / (g + p);
}

// core/recipes/extract/learn.ts
var TAUS = [0.25, 0.5, 1, 2, 4, 8, 16];
var MIN_SPLIT = 20;
var RIDGE = 1;
var PATIENCE = 5;
function goldTags(ex, tokens, F) {
  const tags = new Int32Array(tokens.count);
  const spans = [];
  for (let f = 0; f < F; f++) {
    const v = ex.values[f];
    if (!v) continue;
    let from = 0;
    for (; ; ) {
      const loc = locate(ex.text, v, from);
      if (!loc) break;
      const al = alignSpan(tokens, loc[0], loc[1]);
      if (al && !tags.subarray(al[0], al[1] + 1).some((t) => t !== 0)) {
        tags[al[0]] = 1 + 2 * f;
        for (let k = al[0] + 1; k <= al[1]; k++) tags[k] = 2 + 2 * f;
        spans.push([loc[0], loc[1]]);
        break;
      }
      from = loc[0] + 1;
    }
  }
  return { tags, spans };
}
function gazetteerOf(items, F) {
  const gaz = new Gazetteer(F);
  const own = items.map((ex) => {
    const m = /* @__PURE__ */ new Map();
    ex.values.forEach((v, f) => {
      if (!v) return;
      const h = gaz.add(v.toLowerCase(), f);
      if (h === null) return;
      let c = m.get(h);
      if (!c) m.set(h, c = new Int32Array(F));
      c[f]++;
    });
    return m;
  });
  return { gaz, own };
}
var MAX_CELLS = 4e6;
function prepare(items, F, gaz, rowOf, grow2, own) {
  const T = tagCount(F);
  const sc = new FeatureScratch();
  const raw = [];
  const tokens = [];
  const seen = /* @__PURE__ */ new Map();
  items.forEach((ex, idx) => {
    const n = featurize(ex.text, ex.context, gaz, sc, own?.[idx]);
    const hashes2 = sc.hashes.slice(0, sc.offs[n]);
    if (grow2) for (const h of hashes2) seen.set(h, (seen.get(h) ?? 0) + 1);
    raw.push({ n, hashes: hashes2, offs: sc.offs.slice(0, n + 1), gold: goldTags(ex, sc.tokens, F).tags });
    tokens.push({ start: sc.tokens.start.slice(0, n), end: sc.tokens.end.slice(0, n) });
  });
  let minCount = 1;
  if (grow2) {
    const byCount = /* @__PURE__ */ new Map();
    for (const c of seen.values()) byCount.set(c, (byCount.get(c) ?? 0) + 1);
    let kept = seen.size;
    while (kept * T > MAX_CELLS) kept -= byCount.get(minCount++) ?? 0;
    for (const r of raw) for (const h of r.hashes) if (!rowOf.has(h) && seen.get(h) >= minCount) rowOf.set(h, rowOf.size);
  }
  const seqs = raw.map((r) => {
    const rows = new Int32Array(r.hashes.length);
    for (let k = 0; k < rows.length; k++) rows[k] = rowOf.get(r.hashes[k]) ?? -1;
    return { n: r.n, rows, offs: r.offs, gold: r.gold };
  });
  const hashes = new Uint32Array(rowOf.size);
  for (const [h, r] of rowOf) hashes[r] = h;
  return { seqs, hashes, tokens };
}
function evaluate(held, items, W, R, T) {
  const F = (T - 1) / 2;
  const trans = maskTransitions(W.subarray(R * T), T);
  const ds = new DecodeScratch();
  const first = new Int32Array(F);
  const last = new Int32Array(F);
  const score = new Float64Array(F);
  return held.seqs.map((seq, i) => {
    ds.ensure(seq.n, T);
    denseEmissions(seq, W, T, ds.em);
    viterbi(ds.em, seq.n, T, trans, ds);
    pickSpans(ds.tags, ds.em, seq.n, T, first, last, score);
    const tk = held.tokens[i];
    const text = items[i].text;
    const pred = [];
    for (let f = 0; f < F; f++) pred.push(first[f] < 0 ? "" : text.slice(tk.start[first[f]], tk.end[last[f]]));
    return fieldF1(items[i].values, pred);
  });
}
function pathLogits(held, W, R, T) {
  const trans = maskTransitions(W.subarray(R * T), T);
  const ds = new DecodeScratch();
  return TAUS.map((tau) => {
    const exps = expTransitions(trans, tau);
    return held.seqs.map((seq) => {
      if (seq.n === 0) return pathLogit(0);
      ds.ensure(seq.n, T);
      denseEmissions(seq, W, T, ds.em);
      const best = viterbi(ds.em, seq.n, T, trans, ds);
      return pathLogit(best / tau - logPartition(ds.em, seq.n, T, trans, exps, tau, ds));
    });
  });
}
function platt(x, correct) {
  const pos = correct.filter(Boolean).length;
  const neg = correct.length - pos;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  let a = 1;
  let b = 0;
  for (let it = 0; it < 50; it++) {
    let ga = RIDGE * (a - 1), gb = RIDGE * b, haa = RIDGE, hab = 0, hbb = RIDGE;
    x.forEach((xi, i) => {
      const p = sigmoid(a * xi + b);
      const d = p - (correct[i] ? hi : lo);
      const w = p * (1 - p);
      ga += d * xi;
      gb += d;
      haa += w * xi * xi;
      hab += w * xi;
      hbb += w;
    });
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  let loss = RIDGE / 2 * ((a - 1) ** 2 + b * b);
  x.forEach((xi, i) => {
    const p = Math.min(Math.max(sigmoid(a * xi + b), 1e-12), 1 - 1e-12);
    loss -= correct[i] ? Math.log(p) : Math.log(1 - p);
  });
  return { a, b, loss };
}
function learnExtract(train, shape, ctx, opts = {}) {
  const F = shape.fields.length;
  const T = tagCount(F);
  const items = train.map((e) => labelExample(e, shape));
  const maxEpochs = opts.maxEpochs ?? Math.max(5, Math.min(30, Math.round(4e5 / Math.max(1, items.length))));
  const stage = "compile:extract";
  let epochs = Math.min(10, maxEpochs);
  let calibration2 = { tau: 1, a: 1, b: 0 };
  let internal = null;
  if (items.length >= MIN_SPLIT) {
    const order = shuffled(items.map((_, i) => i), seededRandom(ctx.seed));
    const cut = Math.max(1, Math.round(items.length * 0.2));
    const heldItems = order.slice(0, cut).map((i) => items[i]);
    const fitItems = order.slice(cut).map((i) => items[i]);
    const { gaz: gaz2, own: own2 } = gazetteerOf(fitItems, F);
    const rowOf2 = /* @__PURE__ */ new Map();
    const fitP = prepare(fitItems, F, gaz2, rowOf2, true, own2);
    const R = rowOf2.size;
    const heldP = prepare(heldItems, F, gaz2, rowOf2, false);
    const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const ks = [];
    const f1s = [];
    let prevAvg = null;
    let bestAvg = null;
    let bestSmooth = -1;
    let bestI = 0;
    const consider = (i, avg) => {
      const sm = mean(ks.slice(Math.max(0, i - 1), i + 2));
      if (sm >= bestSmooth - 1e-9) {
        if (sm > bestSmooth + 1e-9 || i > bestI) bestI = i;
        bestSmooth = Math.max(bestSmooth, sm);
        bestAvg = avg;
      }
    };
    let stale = 0;
    trainPerceptron(fitP.seqs, R, T, maxEpochs, ctx.seed, (epoch, avg) => {
      const f1 = evaluate(heldP, heldItems, avg, R, T);
      f1s.push(f1);
      ks.push(mean(f1));
      const before = bestSmooth;
      if (epoch >= 2) consider(epoch - 2, prevAvg);
      stale = bestSmooth > before + 1e-9 ? 0 : stale + 1;
      prevAvg = avg;
      ctx.reporter.progress({ stage, done: epoch, total: maxEpochs + 1, message: "choosing epochs" });
      return stale < PATIENCE;
    });
    consider(ks.length - 1, prevAvg);
    epochs = bestI + 1;
    internal = { K: ks[bestI], cases: heldItems.length };
    const chosen = { f1: f1s[bestI], logits: pathLogits(heldP, bestAvg, R, T) };
    const correct = chosen.f1.map((f) => f >= 1);
    let bestLoss = Infinity;
    TAUS.forEach((tau, j) => {
      const p = platt(chosen.logits[j], correct);
      if (p.loss < bestLoss - 1e-9) {
        bestLoss = p.loss;
        calibration2 = { tau, a: p.a, b: p.b };
      }
    });
  }
  const { gaz, own } = gazetteerOf(items, F);
  const rowOf = /* @__PURE__ */ new Map();
  const all = prepare(items, F, gaz, rowOf, true, own);
  const W = trainPerceptron(all.seqs, rowOf.size, T, epochs, ctx.seed);
  ctx.reporter.progress({ stage, done: maxEpochs + 1, total: maxEpochs + 1, message: "fitted" });
  const weights = packWeights(all.hashes, W, T, opts.budgetBytes ?? 15e5);
  const config = {
    version: 1,
    payload: `${ctx.prefix}extract.bin`,
    inputMode: shape.inputMode,
    source: shape.source,
    context: shape.context,
    fields: shape.fields,
    style: shape.style,
    gazetteer: gazetteerLists(items, F, opts.gazetteerCap ?? 5e3),
    calibration: calibration2,
    epochs,
    internal
  };
  return { config, weights };
}
function gazetteerLists(items, F, cap) {
  const counts = Array.from({ length: F }, () => /* @__PURE__ */ new Map());
  for (const ex of items) ex.values.forEach((v, f) => {
    if (v) counts[f].set(v.toLowerCase(), (counts[f].get(v.toLowerCase()) ?? 0) + 1);
  });
  return counts.map(
    (m) => [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, cap).map(([v]) => v).sort()
  );
}

// core/recipes/extract/index.ts
async function fitExtract(train, ctx, opts = {}) {
  const shape = analyzeTask(train);
  if (typeof shape === "string") {
    throw new KolmError("E_NO_CANDIDATE", `extract cannot fit this data: ${shape}`, {
      hint: "check extractCandidate.unsuitable() before fitting"
    });
  }
  const { config, weights } = learnExtract(train, shape, ctx, opts);
  const files = /* @__PURE__ */ new Map([[config.payload, weights]]);
  const saved = { type: "extract", config, files };
  return { saved, predictor: await loadExtract(saved.config, files) };
}
var extractCandidate = {
  type: "extract",
  unsuitable(train) {
    const shape = analyzeTask(train);
    return typeof shape === "string" ? shape : null;
  },
  fit: (train, ctx) => fitExtract(train, ctx)
};
async function loadExtract(config, files) {
  const c = config;
  if (c.version !== 1 || typeof c.payload !== "string" || !Array.isArray(c.fields)) {
    throw new KolmError("E_BAD_ARTIFACT", 'extract recipe config is not version 1 or lacks "payload"/"fields"', {
      hint: "rebuild the artifact with this version of kolm"
    });
  }
  const bytes = files.get(c.payload);
  if (!bytes) {
    throw new KolmError("E_BAD_ARTIFACT", `extract recipe payload "${c.payload}" is missing from the artifact`, {
      place: { path: c.payload },
      hint: "the artifact is incomplete; rebuild it"
    });
  }
  try {
    return new ExtractPredictor(c, bytes);
  } catch (err) {
    throw new KolmError("E_BAD_ARTIFACT", `extract weight table "${c.payload}" is unreadable: ${err.message}`, {
      place: { path: c.payload },
      hint: "the artifact is damaged; rebuild it",
      cause: err
    });
  }
}

// core/recipes/composite.ts
var SPAN_SHARE = 0.8;
var ABSENT = "\u2205";
function inputTexts(input) {
  if (typeof input === "string") return [input];
  return Object.keys(input).map((k) => fieldText2(input, k)).filter((t) => t !== "");
}
function isSpan(input, value) {
  return typeof value === "string" && value.trim() !== "" && inputTexts(input).some((t) => locate(t, value.trim()) !== null);
}
function planFields(train) {
  if (train.length === 0) return "no training examples";
  const objects = [];
  for (const e of train) {
    const o = parseObject(e.output);
    if (!o) return "outputs are not all JSON objects";
    objects.push(o);
  }
  const names = [...new Set(objects.flatMap((o) => Object.keys(o)))].sort();
  if (names.length === 0) return "every output is an empty object";
  const fields = [];
  for (const name of names) {
    let present = 0;
    let spans = 0;
    const distinct = /* @__PURE__ */ new Map();
    objects.forEach((o, i) => {
      if (!(name in o) || o[name] === null || o[name] === "") return;
      const v = o[name];
      if (typeof v === "object") return;
      present++;
      if (isSpan(train[i].input, v)) spans++;
      const key = JSON.stringify(v);
      const seen = distinct.get(key);
      if (seen) seen.count++;
      else distinct.set(key, { value: v, count: 1 });
    });
    if (objects.some((o) => o[name] !== null && typeof o[name] === "object")) return `field "${name}" holds nested objects or lists`;
    if (present > 0 && spans / present >= SPAN_SHARE) fields.push({ name, role: "span" });
    else if (isClosedSet([...distinct.values()])) fields.push({ name, role: "label" });
    else return `field "${name}" is neither a span of the input nor a closed label set (${distinct.size} distinct values in ${present} rows)`;
  }
  if (!fields.some((f) => f.role === "label")) return "every field is a span of the input: the extract recipe covers it";
  return { objects, fields };
}
function labelExamples(train, objects, field) {
  return train.map((e, i) => {
    const v = objects[i][field];
    return { input: e.input, output: v === void 0 || v === null || v === "" ? ABSENT : JSON.stringify(v) };
  });
}
function spanExamples(train, objects, fields) {
  return train.map((e, i) => {
    const o = {};
    for (const f of fields) if (typeof objects[i][f] === "string" && objects[i][f] !== "") o[f] = objects[i][f];
    return { input: e.input, output: o };
  });
}
function assemble(config, spans, labels) {
  const labelFields = config.labels.map((l) => l.field);
  const render = (values) => {
    const keys = config.order.filter((k) => values.has(k));
    if (config.style.mode === "json-object") return Object.fromEntries(keys.map((k) => [k, values.get(k)]));
    return renderJsonString(keys, (k) => values.get(k), config.style);
  };
  const combine = (spanPrediction, labelPredictions) => {
    const values = /* @__PURE__ */ new Map();
    let confidence = 1;
    if (spanPrediction) {
      for (const [k, v] of Object.entries(parseObject(spanPrediction.output) ?? {})) values.set(k, v);
      confidence *= spanPrediction.confidence ?? 1;
    }
    labelPredictions.forEach((p, i) => {
      if (p.output !== ABSENT && typeof p.output === "string") values.set(labelFields[i], JSON.parse(p.output));
      confidence *= p.confidence ?? 1;
    });
    return { output: render(values), confidence };
  };
  return {
    async predict(input) {
      const s = spans ? await spans.predict(input) : void 0;
      const ls = await Promise.all(labels.map((p) => p.predict(input)));
      return combine(s, ls);
    },
    async predictBatch(inputs) {
      const s = spans ? await spans.predictBatch(inputs) : void 0;
      const ls = await Promise.all(labels.map((p) => p.predictBatch(inputs)));
      return inputs.map((_, i) => combine(s?.[i], ls.map((l) => l[i])));
    },
    async close() {
      await Promise.all([spans, ...labels].map((p) => p?.close?.()));
    }
  };
}
var compositeCandidate = {
  type: "composite",
  unsuitable(train) {
    const plan = planFields(train);
    return typeof plan === "string" ? plan : null;
  },
  async fit(train, ctx) {
    const plan = planFields(train);
    if (typeof plan === "string") throw new KolmError("E_NO_CANDIDATE", `composite cannot fit this data: ${plan}`);
    const { objects, fields } = plan;
    const names = fields.map((f) => f.name);
    const mode = train.every((e) => typeof e.output === "string") ? "json-string" : "json-object";
    const style = learnStyle(train, mode, names, objects, () => 0);
    const order = style.order === "sorted" ? names.slice().sort() : style.rank;
    const files = /* @__PURE__ */ new Map();
    const spanFields = fields.filter((f) => f.role === "span").map((f) => f.name);
    let spans;
    if (spanFields.length) {
      spans = await extractCandidate.fit(spanExamples(train, objects, spanFields), { ...ctx, prefix: `${ctx.prefix}spans/` });
      for (const [k, v] of spans.saved.files) files.set(k, v);
    }
    const labels = [];
    for (const [i, f] of fields.entries()) {
      if (f.role !== "label") continue;
      const sub = labelExamples(train, objects, f.name);
      const fitted = await classifierCandidate.fit(sub, { ...ctx, kind: "label", prefix: `${ctx.prefix}fields/${i}/` });
      for (const [k, v] of fitted.saved.files) files.set(k, v);
      labels.push({ field: f.name, fitted });
    }
    const config = {
      version: 1,
      style,
      fields,
      order,
      ...spans ? { spans: { type: "extract", config: spans.saved.config } } : {},
      labels: labels.map((l) => ({ field: l.field, type: "classifier", config: l.fitted.saved.config }))
    };
    return {
      saved: { type: "composite", config, files },
      predictor: assemble(config, spans?.predictor, labels.map((l) => l.fitted.predictor))
    };
  }
};
async function loadComposite(raw, files, load) {
  const config = raw;
  if (config.version !== 1 || !Array.isArray(config.labels) || !Array.isArray(config.order)) {
    throw new KolmError("E_BAD_ARTIFACT", "composite recipe config is not version 1", { hint: "rebuild it with kolm compile" });
  }
  const spans = config.spans ? await load(config.spans.type, config.spans.config, files) : void 0;
  const labels = await Promise.all(config.labels.map((l) => load(l.type, l.config, files)));
  return assemble(config, spans, labels);
}

// core/recipes/lookup.ts
var ENTRY = "recipe/lookup.json";
function lookupKey(input) {
  const norm = (v) => String(v ?? "").normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
  if (typeof input === "string") return norm(input);
  return JSON.stringify(Object.keys(input).sort().map((k) => [k, norm(input[k])]));
}
function buildTable(train) {
  const outputIndex = /* @__PURE__ */ new Map();
  const outputs = [];
  const counts = /* @__PURE__ */ new Map();
  const totals = /* @__PURE__ */ new Map();
  for (const ex of train) {
    const outKey = JSON.stringify(ex.output);
    let o = outputIndex.get(outKey);
    if (o === void 0) {
      o = outputs.length;
      outputIndex.set(outKey, o);
      outputs.push(ex.output);
    }
    totals.set(o, (totals.get(o) ?? 0) + 1);
    const key = lookupKey(ex.input);
    let c = counts.get(key);
    if (!c) counts.set(key, c = /* @__PURE__ */ new Map());
    c.set(o, (c.get(o) ?? 0) + 1);
  }
  const argmax = (m) => {
    let best = -1;
    let bestN = -1;
    for (const [o, n] of m) if (n > bestN || n === bestN && o < best) [best, bestN] = [o, n];
    return [best, bestN];
  };
  const keys = [...counts.keys()].sort();
  const values = [];
  const agreement = [];
  for (const k of keys) {
    const c = counts.get(k);
    const [o, n] = argmax(c);
    values.push(o);
    let total = 0;
    for (const v of c.values()) total += v;
    agreement.push(Number((n / total).toFixed(4)));
  }
  return { keys, values, outputs, fallback: argmax(totals)[0], agreement };
}
function predictorFromTable(t) {
  const index = /* @__PURE__ */ new Map();
  t.keys.forEach((k, i) => index.set(k, i));
  const predictor = {
    async predict(input) {
      const i = index.get(lookupKey(input));
      if (i === void 0) return { output: t.outputs[t.fallback], confidence: 0 };
      return { output: t.outputs[t.values[i]], confidence: t.agreement[i] };
    },
    predictBatch: (inputs) => predictEach(predictor, inputs)
  };
  return predictor;
}
var lookupCandidate = {
  type: "lookup",
  unsuitable(train) {
    return train.length === 0 ? "no training examples" : null;
  },
  async fit(train, ctx) {
    const table = buildTable(train);
    const entry = `${ctx.prefix}lookup.json`;
    return {
      saved: {
        type: "lookup",
        config: { entry },
        files: /* @__PURE__ */ new Map([[entry, new TextEncoder().encode(JSON.stringify(table))]])
      },
      predictor: predictorFromTable(table)
    };
  }
};
async function loadLookup(config, files) {
  const entry = typeof config.entry === "string" ? config.entry : ENTRY;
  const bytes = files.get(entry);
  if (!bytes) throw new KolmError("E_BAD_ARTIFACT", `lookup table ${entry} is missing from the artifact`, { hint: "rebuild it with kolm compile" });
  return predictorFromTable(JSON.parse(new TextDecoder().decode(bytes)));
}

// core/recipes/index.ts
var candidates = [lookupCandidate, extractCandidate, classifierCandidate, compositeCandidate];
var loaders = {
  lookup: loadLookup,
  extract: loadExtract,
  classifier: loadClassifier,
  // The parts load with the same options (a composite's label fields are classifiers).
  composite: (config, files, options) => loadComposite(config, files, (type, c, f) => loadRecipe(type, c, f, options))
};
async function loadRecipe(type, config, files, options = {}) {
  const load = loaders[type];
  if (!load) {
    throw new KolmError("E_BAD_ARTIFACT", `unknown recipe type "${type}"`, {
      hint: "this artifact was made by a newer kolm; upgrade kolm-migrate"
    });
  }
  return load(config, files, options);
}

export {
  CLASSIFIER_RUNTIMES,
  DEFAULT_CLASSIFIER_RUNTIME,
  predictEach,
  textGenerator,
  seededRandom,
  shuffled,
  candidates,
  loadRecipe
};
