import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { cascadeAt, chooseThreshold, formatCurve, type CascadeCase, type CascadePoint } from '../../../core/cascade/index.ts';
import { seededRandom } from '../../../core/util/random.ts';
import { errorOfSync } from '../../_util/errors.ts';

const test = suite('cascade threshold');

/**
 * n cases: the recipe's confidence is uniform on [lo, 1] and it is right with that probability (calibrated);
 * the fallback is right with probability `fallback`. Confidences are rounded to `grain` to make ties.
 */
function draw(n: number, seed: number, fallback: number, { lo = 0.2, grain = 0 } = {}): CascadeCase[] {
  const rand = seededRandom(seed);
  return Array.from({ length: n }, () => {
    let confidence = lo + (1 - lo) * rand();
    if (grain) confidence = Math.round(confidence / grain) * grain;
    return { confidence, sRecipe: rand() < confidence ? 1 : 0, sFallback: rand() < fallback ? 1 : 0 };
  });
}

/** K of the whole and local share at threshold t, computed the obvious way. */
function naive(cases: readonly CascadeCase[], t: number) {
  let k = 0;
  let local = 0;
  for (const c of cases) {
    if (c.confidence >= t) {
      local++;
      k += c.sRecipe;
    } else k += c.sFallback;
  }
  return { K: k / cases.length, local: local / cases.length };
}

const SHAPES = [
  { n: 40, seed: 1, fallback: 0.95, grain: 0 },
  { n: 600, seed: 2, fallback: 0.9, grain: 0 },
  { n: 3000, seed: 3, fallback: 0.97, grain: 0.05 },
];

for (const shape of SHAPES) {
  test(`n=${shape.n}, fallback ${shape.fallback}: the chosen threshold meets K_min at the largest local share of any that does`, () => {
    const cases = draw(shape.n, shape.seed, shape.fallback, { grain: shape.grain });
    const naiveAll = [...new Set(cases.map((c) => c.confidence))].map((t) => ({ t, ...naive(cases, t) }));
    const recipeK = naive(cases, 0).K;
    const fallbackK = naive(cases, 2).K;
    // A gate between the two ends, which only a cascade (or the fallback) meets.
    const kMin = Number((recipeK + 0.7 * (fallbackK - recipeK)).toFixed(3));
    const choice = chooseThreshold(cases, { K_min: kMin });
    const at = naive(cases, choice.threshold);
    assert.ok(at.K >= kMin - 1e-4, `K ${at.K} ≥ ${kMin}`);
    assert.ok(Math.abs(at.K - choice.chosen.K) < 1e-4);
    assert.ok(Math.abs(at.local - choice.chosen.local) < 1e-4);
    const better = naiveAll.filter((p) => p.K >= kMin && p.local > at.local + 1e-9);
    assert.equal(better, [], 'no threshold with a larger local share meets the gate');
    assert.ok(choice.chosen.local > 0 && choice.chosen.local < 1);
    assert.ok(Math.abs(choice.recipeOnly.K - recipeK) < 1e-4 && Math.abs(choice.fallbackOnly.K - fallbackK) < 1e-4);
    // The curve holds the chosen point and runs from most local to least.
    assert.ok(choice.curve.some((p) => p.threshold === choice.threshold));
    for (let i = 1; i < choice.curve.length; i++) assert.ok(choice.curve[i]!.local < choice.curve[i - 1]!.local);
    assert.ok(formatCurve(choice.curve, choice.threshold).includes('← chosen'));
  });

  test(`n=${shape.n}: a K_min above every point of the curve is refused with the curve`, () => {
    const cases = draw(shape.n, shape.seed, shape.fallback, { grain: shape.grain });
    const top = Math.max(...[...new Set(cases.map((c) => c.confidence))].map((t) => naive(cases, t).K));
    const err = errorOfSync(() => chooseThreshold(cases, { K_min: Math.min(1, top + 0.02) }));
    assert.is(err.code, 'E_GATE_FAILED');
    const details = err.data as { curve: CascadePoint[]; fallback_only: { K: number } };
    assert.ok(details.curve.length >= 2);
    assert.ok(err.message.includes('threshold') && err.message.includes(details.curve[0]!.K.toFixed(3)));
  });
}

test('the gate met by the recipe alone sends nothing to the fallback; one met by nothing but the fallback is refused', () => {
  const cases = draw(500, 7, 0.6);
  const recipeK = naive(cases, 0).K;
  const easy = chooseThreshold(cases, { K_min: recipeK - 0.01 });
  assert.is(easy.chosen.local, 1);
  // A fallback worse than the recipe: no cascade beats the recipe by much, and K_min 0.99 is out of reach.
  const err = errorOfSync(() => chooseThreshold(cases, { K_min: 0.99 }));
  assert.is(err.code, 'E_GATE_FAILED');
  assert.match(err.hint ?? '', /fallback alone reaches K/);
});

test('ties cannot be split: a threshold answers every case of its confidence', () => {
  const cases = draw(400, 11, 0.95, { grain: 0.1 });
  const choice = chooseThreshold(cases, { K_min: naive(cases, 0).K + 0.05 });
  const local = cases.filter((c) => c.confidence >= choice.threshold).length / cases.length;
  assert.ok(Math.abs(local - choice.chosen.local) < 1e-4);
  for (const p of choice.curve) assert.ok(Math.abs(naive(cases, p.threshold).local - p.local) < 1e-4);
});

test('--max-fallback-share caps the share: refused when the gate needs more, honoured as a budget without gates', () => {
  const cases = draw(1000, 5, 0.97);
  const needs = chooseThreshold(cases, { K_min: naive(cases, 0).K + 0.1 });
  const fallbackShare = 1 - needs.chosen.local;
  assert.ok(fallbackShare > 0.1);
  const err = errorOfSync(() => chooseThreshold(cases, { K_min: naive(cases, 0).K + 0.1 }, { maxFallbackShare: fallbackShare / 2 }));
  assert.is(err.code, 'E_GATE_FAILED');
  assert.match(err.message, /at most/);
  for (const budget of [0.1, 0.3, 0.6]) {
    const c = chooseThreshold(cases, undefined, { maxFallbackShare: budget });
    assert.ok(1 - c.chosen.local <= budget + 1e-9, `share ${1 - c.chosen.local} ≤ ${budget}`);
    // Best K within the budget, by brute force.
    const best = Math.max(...[...new Set(cases.map((x) => x.confidence))].map((t) => naive(cases, t)).filter((p) => 1 - p.local <= budget + 1e-9).map((p) => p.K));
    assert.ok(Math.abs(c.chosen.K - best) < 1e-4, `K ${c.chosen.K} is the best ${best}`);
  }
  assert.is(errorOfSync(() => chooseThreshold(cases, undefined)).code, 'E_USAGE');
  assert.is(errorOfSync(() => chooseThreshold(cases, { K_min: 0.5 }, { maxFallbackShare: 1.5 })).code, 'E_USAGE');
});

test('a latency gate reads the whole: the fallback slow enough pushes the threshold down to keep p50 under it', () => {
  const cases = draw(800, 9, 0.97).map((c) => ({ ...c, msRecipe: 0.05, msFallback: 150 }));
  const kOnly = chooseThreshold(cases, { K_min: naive(cases, 0).K + 0.08 });
  // p50 under 150 ms needs more than half the cases local.
  if (kOnly.chosen.local <= 0.5) {
    const both = errorOfSync(() => chooseThreshold(cases, { K_min: naive(cases, 0).K + 0.08, p50_ms_max: 100 }));
    assert.is(both.code, 'E_GATE_FAILED');
  } else {
    const both = chooseThreshold(cases, { K_min: naive(cases, 0).K + 0.08, p50_ms_max: 100 });
    assert.ok(both.chosen.p50_ms! <= 100);
  }
  const loose = chooseThreshold(cases, { K_min: naive(cases, 0).K + 0.02, p50_ms_max: 100 });
  assert.ok(loose.chosen.local > 0.5 && loose.chosen.p50_ms! < 1);
});

test('cascadeAt gives the whole at a saved threshold, the fallback alone above every confidence', () => {
  const cases = draw(300, 13, 0.9);
  const choice = chooseThreshold(cases, { K_min: naive(cases, 0).K + 0.05 });
  assert.equal(cascadeAt(cases, choice.threshold).K, choice.chosen.K);
  const none = cascadeAt(cases, 1.5);
  assert.is(none.local, 0);
  assert.ok(Math.abs(none.K - naive(cases, 2).K) < 1e-4);
});

test.run();
