import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { aggregate, meanInterval, wilsonInterval } from '../../../core/kscore/aggregate.ts';

const test = suite('kscore aggregate');
const near = (actual: number, expected: number, eps = 5e-5) => assert.ok(Math.abs(actual - expected) < eps, `${actual} ≠ ${expected}`);

test('Wilson interval matches published values', () => {
  const [lo, hi] = wilsonInterval(3, 4);
  near(lo, 0.30064);
  near(hi, 0.95441);
  const zero = wilsonInterval(0, 10);
  near(zero[0], 0);
  near(zero[1], 0.27753);
  const all = wilsonInterval(10, 10);
  near(all[0], 0.72247);
  near(all[1], 1);
  assert.equal(wilsonInterval(0, 0), [0, 1]);
});

test('K interval: mean ± 1.96·sd/√n with the sample sd, clipped', () => {
  // [1, 0, 1, 1]: mean .75, sample var .75/3 = .25, sd .5, se .25, half 1.959964·.25 = .489991
  const [lo, hi] = meanInterval([1, 0, 1, 1]);
  near(lo, 0.260009);
  assert.is(hi, 1);
  // [.5, .7]: mean .6, sample sd .141421, se .1, half .195996
  const mid = meanInterval([0.5, 0.7]);
  near(mid[0], 0.404004);
  near(mid[1], 0.795996);
  assert.equal(meanInterval([0.4]), [0, 1], 'one case: no spread to estimate');
});

test('aggregate: K is the mean s, pass rate from passes', () => {
  const summary = aggregate([
    { s: 1, pass: true },
    { s: 0.8, pass: true },
    { s: 0.5, pass: false },
    { s: 0, pass: false },
  ]);
  near(summary.K, 0.575, 1e-12);
  assert.is(summary.n, 4);
  assert.is(summary.passed, 2);
  assert.is(summary.pass_rate, 0.5);
  const [lo, hi] = summary.pass_rate_ci95;
  near(lo, 0.15004);
  near(hi, 0.84996);
  assert.ok(summary.K_ci95[0] < 0.575 && summary.K_ci95[1] > 0.575);
});

test('no cases: zeros and the widest intervals', () => {
  assert.equal(aggregate([]), { n: 0, K: 0, K_ci95: [0, 1], passed: 0, pass_rate: 0, pass_rate_ci95: [0, 1] });
});

test.run();
