import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { calibration, coverageAt, coverageCurve, type ConfidentCase } from '../../../core/kscore/calibration.ts';
import { seededRandom } from '../../../core/util/random.ts';

const test = suite('kscore calibration');

/** n cases whose confidence is uniform on [0.3, 1] and which are right with probability truth(confidence). */
function draw(n: number, seed: number, truth: (c: number) => number): ConfidentCase[] {
  const rand = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const confidence = 0.3 + 0.7 * rand();
    return { confidence, s: rand() < truth(confidence) ? 1 : 0 };
  });
}

test('a system right as often as it says has a small ECE; an overconfident one does not', () => {
  const honest = calibration(draw(20_000, 1, (c) => c));
  assert.ok(honest.ece < 0.02, `honest ECE ${honest.ece}`);
  // Right with probability c² while claiming c: the gap c − c² averages about 0.16 on [0.3, 1].
  const over = calibration(draw(20_000, 2, (c) => c * c));
  assert.ok(over.ece > 0.12 && over.ece < 0.2, `overconfident ECE ${over.ece}`);
  assert.ok(over.max_gap >= over.ece);
  assert.is(over.bins.reduce((n, b) => n + b.n, 0), 20_000);
});

test('ECE by hand on four cases in two bins', () => {
  // Bin [0.2, 0.2667): conf .25 .25, K 0 → gap .25; bin [0.9333, 1]: conf .95 .95, K 1 → gap .05.
  const r = calibration([
    { confidence: 0.25, s: 0 },
    { confidence: 0.25, s: 0 },
    { confidence: 0.95, s: 1 },
    { confidence: 0.95, s: 1 },
  ]);
  assert.is(r.ece, 0.15);
  assert.is(r.max_gap, 0.25);
  assert.equal(r.bins.map((b) => b.n), [2, 2]);
});

test('confidence 1 falls in the last bin, not past it; out-of-range confidence is refused', () => {
  assert.is(calibration([{ confidence: 1, s: 1 }]).bins[0]!.hi, 1);
  assert.throws(() => calibration([{ confidence: 1.5, s: 1 }]), /outside \[0, 1\]/);
  assert.throws(() => calibration([{ confidence: Number.NaN, s: 1 }]), /outside/);
});

test('the coverage curve: answering fewer, surer cases raises K when confidence means something', () => {
  const cases = draw(5_000, 3, (c) => c);
  const curve = coverageCurve(cases);
  assert.is(curve.length, 20);
  assert.is(curve[curve.length - 1]!.answered, 1);
  for (let i = 1; i < curve.length; i++) {
    assert.ok(curve[i]!.threshold <= curve[i - 1]!.threshold, 'thresholds fall as coverage rises');
    assert.ok(curve[i]!.answered > curve[i - 1]!.answered);
  }
  assert.ok(curve[0]!.K > curve[curve.length - 1]!.K + 0.2, `top 5 % K ${curve[0]!.K} vs all ${curve[curve.length - 1]!.K}`);
  // Each point's threshold answers exactly the share and K it reports.
  for (const p of curve) {
    const at = coverageAt(cases, p.threshold);
    assert.is(at.answered, p.answered);
    assert.is(at.K, p.K);
  }
});

test('ties are never split: one confidence for every case gives one point at full coverage', () => {
  const cases = Array.from({ length: 50 }, (_, i) => ({ confidence: 0.7, s: i % 2 }));
  assert.equal(coverageCurve(cases), [{ threshold: 0.7, answered: 1, K: 0.5 }]);
  assert.equal(coverageCurve([]), []);
  assert.equal(coverageAt(cases, 0.9), { threshold: 0.9, answered: 0, K: 0 });
});

test.run();
