// The isotonic confidence map: fitted on held-out (probability, correct) pairs it makes confidence mean what
// it says, keeps every case's rank, and a compiled classifier on a task with known label noise is calibrated
// on cases it never saw.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compileRecipe } from '../../../../core/compile/index.ts';
import { evaluatePredictor } from '../../../../core/eval/index.ts';
import { calibration, createScorer } from '../../../../core/kscore/index.ts';
import { applyConfidenceMap, confidenceMapProblem, fitConfidenceMap } from '../../../../core/recipes/classifier/confidence-map.ts';
import type { Example } from '../../../../core/runtime/index.ts';
import type { Spec } from '../../../../core/spec/index.ts';
import { seededRandom } from '../../../../core/util/random.ts';

const test = suite('classifier confidence map');

/** Cases whose stated probability p is uniform on [0.3, 1] but which are right with probability truth(p). */
function stated(n: number, seed: number, truth: (p: number) => number): { p: Float64Array; correct: Uint8Array } {
  const rand = seededRandom(seed);
  const p = new Float64Array(n);
  const correct = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    p[i] = 0.3 + 0.7 * rand();
    correct[i] = rand() < truth(p[i]!) ? 1 : 0;
  }
  return { p, correct };
}

const eceOf = (p: Float64Array, correct: Uint8Array, map: number[]) =>
  calibration(Array.from(p, (x, i) => ({ confidence: applyConfidenceMap(map, x), s: correct[i]! }))).ece;

// Smooth miscalibrations only: the map interpolates between block means, so a step in the truth is smoothed
// over one block (ECE about 0.05 on a 0.4 → 0.9 step), a limit of the method, not of the data.
test('a miscalibrated system (right with p², flat 0.8, or √p) is calibrated on fresh cases after the map', () => {
  const shapes: [string, (p: number) => number][] = [
    ['p²', (p) => p * p],
    ['flat 0.8', () => 0.8],
    ['√p', (p) => Math.sqrt(p)],
  ];
  for (const [name, truth] of shapes) {
    const fit = stated(3000, 1, truth);
    const map = fitConfidenceMap(fit.p, fit.correct);
    assert.is(confidenceMapProblem(map), undefined, name);
    const fresh = stated(20_000, 2, truth);
    const before = eceOf(fresh.p, fresh.correct, []);
    const after = eceOf(fresh.p, fresh.correct, map);
    assert.ok(before > 0.08, `${name}: miscalibrated before (${before})`);
    assert.ok(after < 0.035, `${name}: ECE after ${after}`);
  }
});

test('the map keeps every rank: strictly increasing across [0, 1], ends at (0, 0)-(1, 1) lines', () => {
  const fit = stated(2000, 3, (p) => p * p);
  const map = fitConfidenceMap(fit.p, fit.correct);
  let last = -1;
  for (let x = 0; x <= 1.0000001; x += 0.001) {
    const y = applyConfidenceMap(map, Math.min(1, x));
    assert.ok(y >= 0 && y <= 1);
    assert.ok(y >= last, `not monotone at ${x}`);
    last = y;
  }
  assert.is(applyConfidenceMap(map, 0), 0);
  assert.is(applyConfidenceMap(map, 1), 1);
  // Too few held-out cases to trust a map: identity.
  assert.equal(fitConfidenceMap([0.5, 0.6], [1, 0]), []);
  assert.is(applyConfidenceMap([], 0.42), 0.42);
});

test('a map that is not increasing pairs in [0, 1] is named', () => {
  assert.match(confidenceMapProblem([0.5, 0.2, 0.4, 0.3])!, 'not increasing');
  assert.match(confidenceMapProblem([0.5, 1.2])!, 'not a number in [0, 1]');
  assert.match(confidenceMapProblem([0.5])!, 'pairs');
  assert.is(confidenceMapProblem([0.2, 0.1, 0.6, 0.1, 0.9, 0.95]), undefined, 'flat y is allowed');
});

const LABELS = ['billing', 'refund', 'login', 'shipping', 'cancel', 'upgrade', 'privacy', 'outage'];

/** Each label owns six cue words; with probability `noise` the recorded label is a uniformly drawn one. */
function noisyTask(n: number, noise: number, seed: number): Example[] {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const filler = Array.from({ length: 60 }, (_, i) => `w${i}`);
  return Array.from({ length: n }, () => {
    const l = Math.floor(rand() * LABELS.length);
    const cues = Array.from({ length: 6 }, (_, k) => `${LABELS[l]}${k}x`);
    const words = [pick(cues), pick(cues), pick(filler), pick(filler), pick(filler), pick(filler)].sort(() => rand() - 0.5);
    return { input: words.join(' '), output: rand() < noise ? pick(LABELS) : LABELS[l]! };
  });
}

test('a classifier on a task with 20 % label noise: held-out ECE ≤ 0.05 and K at the noise ceiling', async () => {
  const spec: Spec = { kolm: 1, task: 'tickets', shape: { input: 'string', output: 'string' }, output_kind: 'label' };
  const out = await compileRecipe({ spec, train: noisyTask(2400, 0.2, 11), only: ['classifier'] });
  try {
    const report = await evaluatePredictor(out.predictor, noisyTask(1500, 0.2, 12), createScorer('label'), { system: { name: 'kolm' }, latencySample: 5 });
    const ceiling = 1 - (0.2 * (LABELS.length - 1)) / LABELS.length;
    assert.ok(report.K > ceiling - 0.06 && report.K < ceiling + 0.03, `K ${report.K} vs ceiling ${ceiling}`);
    assert.ok(report.calibration!.ece <= 0.05, `ECE ${report.calibration!.ece}`);
  } finally {
    await out.predictor.close?.();
  }
});

test.run();
