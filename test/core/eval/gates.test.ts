// The one gate checker: eval reports, the Action and compile's candidate table all judge through checkGates.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compileRecipe } from '../../../core/compile/index.ts';
import { checkGates, firstMissedGate, gateFailure, parseGates } from '../../../core/eval/index.ts';
import type { Example } from '../../../core/runtime/index.ts';
import { errorOf } from '../../_util/errors.ts';

const test = suite('gates');

const measured = { K: 0.9, pass_rate: 0.8, latency_ms: { p50: 2, p95: 5 } };
const all = { K_min: 0.85, pass_min: 0.75, p50_ms_max: 3, p95_ms_max: 6 };

test('a result that meets every gate passes them all, in a fixed order', () => {
  const results = checkGates(measured, all);
  assert.equal(results.map((g) => g.gate), ['K_min', 'pass_min', 'p50_ms_max', 'p95_ms_max']);
  assert.ok(results.every((g) => g.pass));
  assert.equal(results.map((g) => g.value), [0.9, 0.8, 2, 5]);
  assert.is(gateFailure(results), null);
  assert.is(firstMissedGate(results), null);
  assert.equal(checkGates(measured, undefined), [], 'no gates, nothing to check');
});

test('each missed gate is named with its gap, in words and tersely', () => {
  const cases = [
    { gates: { K_min: 0.95 }, detail: 'K 0.900 is 0.050 under K_min 0.95', terse: 'K 0.900 < K_min 0.95' },
    { gates: { pass_min: 0.9 }, detail: 'pass rate 0.800 is 0.100 under pass_min 0.9', terse: 'pass 0.800 < pass_min 0.9' },
    { gates: { p50_ms_max: 1.5 }, detail: 'p50 2 ms is 0.500 ms over p50_ms_max 1.5', terse: 'p50 2.00 ms > p50_ms_max 1.5' },
    { gates: { p95_ms_max: 4 }, detail: 'p95 5 ms is 1.000 ms over p95_ms_max 4', terse: 'p95 5.00 ms > p95_ms_max 4' },
  ];
  for (const c of cases) {
    const [r] = checkGates(measured, c.gates);
    assert.is(r!.pass, false, c.detail);
    assert.is(r!.detail, c.detail);
    assert.is(firstMissedGate([r!]), c.terse);
    const err = gateFailure([r!])!;
    assert.is(err.code, 'E_GATE_FAILED');
    assert.match(err.message, c.detail);
  }
});

test('with several misses the first is the terse one, and the error lists them all', () => {
  const results = checkGates(measured, { K_min: 0.95, p50_ms_max: 1 });
  assert.is(firstMissedGate(results), 'K 0.900 < K_min 0.95');
  assert.match(gateFailure(results)!.message, /^gates failed: K .*; p50 .*/);
});

test('an unmeasured latency fails its gate (it is not silently passed)', () => {
  for (const latency_ms of [null, undefined, { p50: 1 }]) {
    const results = checkGates({ K: 1, pass_rate: 1, latency_ms }, { K_min: 0.5, p95_ms_max: 10 });
    assert.is(results[0]!.pass, true);
    assert.equal(results[1], { gate: 'p95_ms_max', limit: 10, value: null, pass: false, detail: 'p95 was not measured' });
    assert.is(firstMissedGate(results), 'p95 not measured (p95_ms_max 10)');
  }
});

test('parseGates reads the names checkGates checks, and refuses others', async () => {
  assert.equal(parseGates('K_min=0.85, p95_ms_max=200'), { K_min: 0.85, p95_ms_max: 200 });
  assert.is((await errorOf(() => parseGates('K_max=1'))).code, 'E_USAGE');
});

test('compile judges candidates with the same checker: a p95 gate no recipe meets is named in the table', async () => {
  const train: Example[] = Array.from({ length: 200 }, (_, i) => ({ input: `q${i % 20}`, output: `a${i % 20}` }));
  const e = await errorOf(() => compileRecipe({ spec: { kolm: 1, task: 't', shape: { input: 'string', output: 'string' }, gates: { p95_ms_max: 1e-9 } }, train }));
  assert.is(e.code, 'E_NO_CANDIDATE');
  assert.match(e.message, /below gate: p95 .* ms > p95_ms_max/);
});

test.run();
