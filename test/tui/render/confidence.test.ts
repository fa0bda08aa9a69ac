// The confidence line: the points of a coverage curve nearest to 50, 80 and 90 % answered, plus all of it,
// highest threshold first and never repeated, on curves of several sizes (including ties and tiny sets).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { coverageCurve } from '../../../core/kscore/index.ts';
import { seededRandom } from '../../../core/util/random.ts';
import { coveragePoints, formatConfidence } from '../../../tui/render/confidence.ts';

const test = suite('confidence line');

function cases(n: number, seed: number, levels?: number) {
  const rand = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const c = levels ? Math.floor(rand() * levels) / levels : rand();
    return { confidence: c, s: rand() < c ? 1 : 0 };
  });
}

test('picks distinct points nearest each share, sorted by threshold, ending at full coverage', () => {
  for (const [n, seed, levels] of [[3, 1], [12, 2], [200, 3], [5000, 4], [300, 5, 4]] as const) {
    const curve = coverageCurve(cases(n, seed, levels));
    const picked = coveragePoints(curve);
    assert.ok(picked.length >= 1 && picked.length <= 4, `n ${n}: ${picked.length}`);
    assert.is(new Set(picked).size, picked.length);
    for (let i = 1; i < picked.length; i++) assert.ok(picked[i]!.threshold < picked[i - 1]!.threshold);
    assert.is(picked.at(-1)!.answered, 1);
    const partial = curve.filter((p) => p.answered < 1);
    for (const share of [0.5, 0.8, 0.9]) {
      if (!partial.length) break;
      const best = Math.min(...partial.map((p) => Math.abs(p.answered - share)));
      assert.ok(picked.some((p) => Math.abs(Math.abs(p.answered - share) - best) < 1e-12), `n ${n}: nothing near ${share}`);
    }
    const line = formatConfidence(0.0421, curve)!;
    assert.ok(line.startsWith('confidence: ECE 0.042'));
    assert.ok(line.endsWith(`all at K ${picked.at(-1)!.K.toFixed(3)}`), line);
  }
  assert.is(formatConfidence(undefined, undefined), undefined, 'a recipe without confidences prints nothing');
  assert.is(formatConfidence(undefined, []), undefined);
});

test.run();
