// Compile reports how far the winner's confidence can be trusted: ECE and the coverage curve on the
// out-of-fold cases (validation) and on --eval, both kept in the manifest.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readArtifact } from '../../../core/artifact/index.ts';
import { compileRecipe, recipeArtifactBytes } from '../../../core/compile/index.ts';
import type { Spec } from '../../../core/spec/index.ts';
import { labelTask } from '../../_util/label-tasks.ts';

const test = suite('compile: confidence');

const spec: Spec = { kolm: 1, task: 'intents', shape: { input: 'string', output: 'string' } };

test('the winner carries ECE and a coverage curve for validation and eval, and the manifest keeps them', async () => {
  const all = labelTask(12, 40, 5);
  const train = all.filter((_, i) => i % 5 !== 0);
  const held = all.filter((_, i) => i % 5 === 0);
  const out = await compileRecipe({ spec, train, eval: held });
  try {
    for (const m of [out.validation, out.eval!]) {
      assert.type(m.ece, 'number');
      assert.ok(m.ece! >= 0 && m.ece! <= 1);
      const curve = m.coverage!;
      assert.ok(curve.length >= 1);
      const full = curve[curve.length - 1]!;
      assert.is(full.answered, 1);
      assert.ok(Math.abs(full.K - m.K) < 1e-3, `full coverage K ${full.K} is the whole K ${m.K}`);
    }
    assert.is(out.eval!.ece, out.evalReport!.calibration!.ece, 'eval metrics come from the eval report');
    const bytes = await recipeArtifactBytes(out, { spec, name: 'intents', created: '2026-01-01T00:00:00Z', datasets: [] });
    const { manifest } = await readArtifact(bytes);
    assert.is(manifest.metrics!.validation!.ece, out.validation.ece);
    assert.equal(manifest.metrics!.eval!.coverage!.map((p) => p.answered), out.eval!.coverage!.map((p) => p.answered));
  } finally {
    await out.predictor.close?.();
  }
});

test.run();
