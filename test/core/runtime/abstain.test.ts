// `--abstain-below`: a real classifier's unsure answers become the configured fallback, exactly the cases
// the eval report's coverage curve leaves unanswered at that threshold.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compileRecipe } from '../../../core/compile/index.ts';
import { evaluatePredictor } from '../../../core/eval/index.ts';
import { coverageAt, createScorer } from '../../../core/kscore/index.ts';
import { abstaining, type AbstainedPrediction, type Example } from '../../../core/runtime/index.ts';
import type { Spec } from '../../../core/spec/index.ts';
import { seededRandom } from '../../../core/util/random.ts';

const test = suite('runtime abstaining');

/** Three intents with cue words; a third of the inputs carry cues of two intents and either label (the unsure ones). */
function task(n: number, seed: number): Example[] {
  const rand = seededRandom(seed);
  const intents = ['balance', 'transfer', 'freeze'];
  return Array.from({ length: n }, (_, i) => {
    const a = i % 3;
    const b = rand() < 0.33 ? (a + 1 + Math.floor(rand() * 2)) % 3 : a;
    const label = rand() < 0.5 ? a : b;
    return { input: `please ${intents[a]}cue${Math.floor(rand() * 4)} and ${intents[b]}cue${Math.floor(rand() * 4)} now ${Math.floor(rand() * 50)}`, output: intents[label]! };
  });
}

const spec: Spec = { kolm: 1, task: 'bank', shape: { input: 'string', output: 'string' }, output_kind: 'label' };

test('answers under the threshold become the fallback, keep their confidence and the withheld label; the rest are untouched', async () => {
  const out = await compileRecipe({ spec, train: task(600, 1), only: ['classifier'] });
  try {
    const held = task(300, 2);
    const plain = await out.predictor.predictBatch(held.map((e) => e.input));
    const confidences = plain.map((p) => p.confidence!).sort((x, y) => x - y);
    const T = confidences[Math.floor(confidences.length * 0.3)]!; // about 30 % under it
    const guarded = abstaining(out.predictor, { below: T, output: 'oos' });
    const answers = (await guarded.predictBatch(held.map((e) => e.input))) as AbstainedPrediction[];
    answers.forEach((a, i) => {
      const p = plain[i]!;
      if (p.confidence! < T) assert.equal(a, { output: 'oos', confidence: p.confidence, abstained: true, withheld: p.output });
      else assert.equal(a, p);
    });
    assert.equal(await guarded.predict(held[0]!.input), answers[0]);
    // The same share the coverage curve reports as unanswered at T.
    const report = await evaluatePredictor(out.predictor, held, createScorer('label'), { system: { name: 'kolm' }, latencySample: 5 });
    const at = coverageAt(report.results.map((r) => ({ confidence: r.confidence!, s: r.s })), T);
    const abstained = answers.filter((a) => a.abstained).length / answers.length;
    assert.ok(Math.abs(1 - at.answered - abstained) < 1e-3, `${abstained} vs ${1 - at.answered}`);
    assert.ok(abstained > 0.1 && abstained < 0.5, `abstained ${abstained} at T ${T}`);
  } finally {
    await out.predictor.close?.();
  }
});

test('a threshold that is not a confidence is a usage error; answers without confidence are never replaced', async () => {
  const lookup = { predict: async () => ({ output: 'x' }), predictBatch: async (xs: readonly unknown[]) => xs.map(() => ({ output: 'x' })) };
  assert.throws(() => abstaining(lookup, { below: 0, output: 'oos' }), /not a confidence/);
  assert.throws(() => abstaining(lookup, { below: 1.5, output: 'oos' }), /not a confidence/);
  assert.equal(await abstaining(lookup, { below: 0.99, output: 'oos' }).predict('q'), { output: 'x' });
});

test.run();
