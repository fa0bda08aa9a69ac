// Fitting the span tagger: gold BIO tags from where each value sits in the source text, features per token,
// an averaged perceptron whose epoch count is chosen on an internal split of the training data (never the
// eval set), a confidence calibration fitted on that split, then a final fit on all training data.
import type { FitContext } from '../types.ts';
import type { Example } from '../../runtime/types.ts';
import { seededRandom, shuffled } from '../../util/random.ts';
import { FeatureScratch, Gazetteer, featurize } from './features.ts';
import { DecodeScratch, expTransitions, logPartition, maskTransitions, pickSpans, tagCount, viterbi } from './decode.ts';
import { packWeights } from './packed.ts';
import { denseEmissions, trainPerceptron, type Sequence } from './perceptron.ts';
import { pathLogit, sigmoid, type ExtractConfig } from './predictor.ts';
import { fieldF1 } from './score.ts';
import { alignSpan, labelExample, locate, type Labeled, type TaskShape } from './task.ts';
import type { Tokens } from './tokenize.ts';

export interface LearnOptions {
  /** Upper bound on epochs tried on the internal split. */
  maxEpochs?: number;
  /** Bytes the weight table may take; the weakest features are dropped beyond it. */
  budgetBytes?: number;
  /** Values kept per field in the gazetteer (most frequent first). */
  gazetteerCap?: number;
}

const TAUS = [0.25, 0.5, 1, 2, 4, 8, 16];
const MIN_SPLIT = 20;
const RIDGE = 1;
/** Epochs without a better smoothed K before selection stops. */
const PATIENCE = 5;

/** Gold tags for `ex` over `tokens`: each value at its first aligned occurrence not already tagged. */
export function goldTags(ex: Labeled, tokens: Tokens, F: number): { tags: Int32Array; spans: [number, number][] } {
  const tags = new Int32Array(tokens.count);
  const spans: [number, number][] = [];
  for (let f = 0; f < F; f++) {
    const v = ex.values[f]!;
    if (!v) continue;
    let from = 0;
    for (;;) {
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

interface Prepared {
  seqs: Sequence[];
  hashes: Uint32Array;
  tokens: { start: Int32Array; end: Int32Array }[];
}

/** Gazetteer from the values as they appear in the text (lowercased), with per-example contributions. */
function gazetteerOf(items: readonly Labeled[], F: number): { gaz: Gazetteer; own: Map<number, Int32Array>[] } {
  const gaz = new Gazetteer(F);
  const own = items.map((ex) => {
    const m = new Map<number, Int32Array>();
    ex.values.forEach((v, f) => {
      if (!v) return;
      const h = gaz.add(v.toLowerCase(), f);
      if (h === null) return;
      let c = m.get(h);
      if (!c) m.set(h, (c = new Int32Array(F)));
      c[f]!++;
    });
    return m;
  });
  return { gaz, own };
}

/** Training weights are dense (features × tags, two float64 arrays); beyond this many cells rare features go. */
const MAX_CELLS = 4_000_000;

/**
 * Featurizes items. With `grow`, hashes get rows (training) — those seen fewer than a minimum count are
 * left out when the dense table would pass MAX_CELLS; frozen, unknown hashes get -1.
 */
function prepare(items: readonly Labeled[], F: number, gaz: Gazetteer, rowOf: Map<number, number>, grow: boolean, own?: Map<number, Int32Array>[]): Prepared {
  const T = tagCount(F);
  const sc = new FeatureScratch();
  const raw: { n: number; hashes: Uint32Array; offs: Int32Array; gold: Int32Array }[] = [];
  const tokens: { start: Int32Array; end: Int32Array }[] = [];
  const seen = new Map<number, number>();
  items.forEach((ex, idx) => {
    const n = featurize(ex.text, ex.context, gaz, sc, own?.[idx]);
    const hashes = sc.hashes.slice(0, sc.offs[n]!);
    if (grow) for (const h of hashes) seen.set(h, (seen.get(h) ?? 0) + 1);
    raw.push({ n, hashes, offs: sc.offs.slice(0, n + 1), gold: goldTags(ex, sc.tokens, F).tags });
    tokens.push({ start: sc.tokens.start.slice(0, n), end: sc.tokens.end.slice(0, n) });
  });
  let minCount = 1;
  if (grow) {
    const byCount = new Map<number, number>();
    for (const c of seen.values()) byCount.set(c, (byCount.get(c) ?? 0) + 1);
    let kept = seen.size;
    while (kept * T > MAX_CELLS) kept -= byCount.get(minCount++) ?? 0;
    for (const r of raw) for (const h of r.hashes) if (!rowOf.has(h) && seen.get(h)! >= minCount) rowOf.set(h, rowOf.size);
  }
  const seqs: Sequence[] = raw.map((r) => {
    const rows = new Int32Array(r.hashes.length);
    for (let k = 0; k < rows.length; k++) rows[k] = rowOf.get(r.hashes[k]!) ?? -1;
    return { n: r.n, rows, offs: r.offs, gold: r.gold };
  });
  const hashes = new Uint32Array(rowOf.size);
  for (const [h, r] of rowOf) hashes[r] = h;
  return { seqs, hashes, tokens };
}

/** Per holdout case: field F1 of the decoded fields. */
function evaluate(held: Prepared, items: readonly Labeled[], W: Float64Array, R: number, T: number): number[] {
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
    const tk = held.tokens[i]!;
    const text = items[i]!.text;
    const pred: string[] = [];
    for (let f = 0; f < F; f++) pred.push(first[f]! < 0 ? '' : text.slice(tk.start[first[f]!], tk.end[last[f]!]));
    return fieldF1(items[i]!.values, pred);
  });
}

/** Per temperature, the logit of each holdout case's decoded-path probability. */
function pathLogits(held: Prepared, W: Float64Array, R: number, T: number): number[][] {
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

/**
 * Platt scaling by Newton's method with Platt's smoothed targets and a ridge prior pulling (a, b) to
 * (1, 0), i.e. to the raw path probability, so an all-correct split cannot send the scale to infinity.
 */
function platt(x: readonly number[], correct: readonly boolean[]): { a: number; b: number; loss: number } {
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
  let loss = (RIDGE / 2) * ((a - 1) ** 2 + b * b);
  x.forEach((xi, i) => {
    const p = Math.min(Math.max(sigmoid(a * xi + b), 1e-12), 1 - 1e-12);
    loss -= correct[i] ? Math.log(p) : Math.log(1 - p);
  });
  return { a, b, loss };
}

/** Fits the tagger; returns the saved config and weight table. */
export function learnExtract(train: readonly Example[], shape: TaskShape, ctx: FitContext, opts: LearnOptions = {}): { config: ExtractConfig; weights: Uint8Array } {
  const F = shape.fields.length;
  const T = tagCount(F);
  const items = train.map((e) => labelExample(e, shape));
  const maxEpochs = opts.maxEpochs ?? Math.max(5, Math.min(30, Math.round(400_000 / Math.max(1, items.length))));
  const stage = 'compile:extract';

  // Internal split: 20% held out (seeded) to choose epochs and calibrate confidence.
  let epochs = Math.min(10, maxEpochs);
  let calibration = { tau: 1, a: 1, b: 0 };
  let internal: ExtractConfig['internal'] = null;
  if (items.length >= MIN_SPLIT) {
    const order = shuffled(items.map((_, i) => i), seededRandom(ctx.seed));
    const cut = Math.max(1, Math.round(items.length * 0.2));
    const heldItems = order.slice(0, cut).map((i) => items[i]!);
    const fitItems = order.slice(cut).map((i) => items[i]!);
    const { gaz, own } = gazetteerOf(fitItems, F);
    const rowOf = new Map<number, number>();
    const fitP = prepare(fitItems, F, gaz, rowOf, true, own);
    const R = rowOf.size;
    const heldP = prepare(heldItems, F, gaz, rowOf, false);
    // Early stopping on K smoothed over neighbouring epochs (one lucky epoch does not decide). Ties go to
    // the later epoch: an averaged perceptron seldom loses by training longer, and a split where every
    // epoch is perfect says nothing in favour of stopping after one.
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    const ks: number[] = [];
    const f1s: number[][] = [];
    let prevAvg: Float64Array | null = null;
    let bestAvg: Float64Array | null = null;
    let bestSmooth = -1;
    let bestI = 0;
    const consider = (i: number, avg: Float64Array): void => {
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
      // Epoch i's smoothed K needs epoch i + 1, so the previous epoch is judged now.
      if (epoch >= 2) consider(epoch - 2, prevAvg!);
      stale = bestSmooth > before + 1e-9 ? 0 : stale + 1;
      prevAvg = avg;
      ctx.reporter.progress({ stage, done: epoch, total: maxEpochs + 1, message: 'choosing epochs' });
      return stale < PATIENCE;
    });
    consider(ks.length - 1, prevAvg!);
    epochs = bestI + 1;
    internal = { K: ks[bestI]!, cases: heldItems.length };
    const chosen = { f1: f1s[bestI]!, logits: pathLogits(heldP, bestAvg!, R, T) };
    const correct = chosen.f1.map((f) => f >= 1);
    let bestLoss = Infinity;
    TAUS.forEach((tau, j) => {
      const p = platt(chosen.logits[j]!, correct);
      if (p.loss < bestLoss - 1e-9) {
        bestLoss = p.loss;
        calibration = { tau, a: p.a, b: p.b };
      }
    });
  }

  // Final fit on all training data.
  const { gaz, own } = gazetteerOf(items, F);
  const rowOf = new Map<number, number>();
  const all = prepare(items, F, gaz, rowOf, true, own);
  const W = trainPerceptron(all.seqs, rowOf.size, T, epochs, ctx.seed);
  ctx.reporter.progress({ stage, done: maxEpochs + 1, total: maxEpochs + 1, message: 'fitted' });
  const weights = packWeights(all.hashes, W, T, opts.budgetBytes ?? 1_500_000);

  const config: ExtractConfig = {
    version: 1,
    payload: `${ctx.prefix}extract.bin`,
    inputMode: shape.inputMode,
    source: shape.source,
    context: shape.context,
    fields: shape.fields,
    style: shape.style,
    gazetteer: gazetteerLists(items, F, opts.gazetteerCap ?? 5000),
    calibration,
    epochs,
    internal,
  };
  return { config, weights };
}

function gazetteerLists(items: readonly Labeled[], F: number, cap: number): string[][] {
  const counts = Array.from({ length: F }, () => new Map<string, number>());
  for (const ex of items) ex.values.forEach((v, f) => {
    if (v) counts[f]!.set(v.toLowerCase(), (counts[f]!.get(v.toLowerCase()) ?? 0) + 1);
  });
  return counts.map((m) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, cap)
      .map(([v]) => v)
      .sort(),
  );
}

