import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { expectedCalibrationError, fitTemperature, nll } from '../../../../core/recipes/classifier/calibrate.ts';
import { seededRandom } from '../../../../core/util/random.ts';

// Overconfident logits: the right class has a margin of 6 but is right only 70 % of the time.
function overconfident(n: number, seed: number): { logits: Float64Array; y: Int32Array } {
  const rand = seededRandom(seed);
  const C = 3;
  const logits = new Float64Array(n * C);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const predicted = Math.floor(rand() * C);
    logits[i * C + predicted] = 6;
    y[i] = rand() < 0.7 ? predicted : (predicted + 1 + Math.floor(rand() * 2)) % C;
  }
  return { logits, y };
}

test('a temperature fitted on one split lowers NLL and ECE on another', () => {
  const fitSplit = overconfident(400, 1);
  const held = overconfident(400, 2);
  const T = fitTemperature(fitSplit.logits, fitSplit.y, 3);
  assert.ok(T > 1, `overconfident logits are softened (T = ${T})`);
  assert.ok(nll(held.logits, held.y, 3, T) < nll(held.logits, held.y, 3, 1) - 0.3);
  assert.ok(expectedCalibrationError(held.logits, held.y, 3, T) < expectedCalibrationError(held.logits, held.y, 3, 1) / 3);
});

test('the fitted temperature minimizes NLL on the data it was fitted on', () => {
  const { logits, y } = overconfident(300, 3);
  const T = fitTemperature(logits, y, 3);
  const at = nll(logits, y, 3, T);
  assert.ok(at <= nll(logits, y, 3, T * 1.05) && at <= nll(logits, y, 3, T / 1.05));
});

test('no held-out rows or one class: temperature 1', () => {
  assert.is(fitTemperature(new Float64Array(0), new Int32Array(0), 3), 1);
  assert.is(fitTemperature(new Float64Array(4), new Int32Array(4), 1), 1);
});

test.run();
