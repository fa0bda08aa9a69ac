// Label sets of any size compile to the classifier with no spec override: the output-kind decision judges
// a closed set by how its labels repeat, not by a maximum count (a 77-intent export once became "short"
// text and `lookup` won at K 0.019).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compileRecipe } from '../../../core/compile/index.ts';
import type { Spec } from '../../../core/spec/index.ts';
import { labelTask } from '../../_util/label-tasks.ts';

const test = suite('compile: label sets of any size');

const spec: Spec = { kolm: 1, task: 'route the request to its intent', shape: { input: 'string', output: 'string' } };

// Just over 1,000 rows each, so compile scores on one holdout rather than five folds (the classifier's fit
// is the cost of these tests).
for (const [d, perLabel] of [[77, 13], [151, 7]] as const) {
  test(`a generated ${d}-label task compiles to the classifier, well above the majority baseline`, async () => {
    const train = labelTask(d, perLabel, d);
    const out = await compileRecipe({ spec, train });
    try {
      assert.is(out.kind, 'label');
      assert.is(out.winner, 'classifier');
      assert.ok(out.baseline.K < 0.05, `majority baseline K ${out.baseline.K}`);
      assert.ok(out.validation.K_low > out.baseline.K, `classifier K ${out.validation.K} [${out.validation.K_low}, …]`);
      const lookup = out.table.find((r) => r.type === 'lookup')!;
      assert.is(lookup.status, 'below baseline', 'inputs never repeat: memory answers no better than the majority');
    } finally {
      await out.predictor.close?.();
    }
  });
}

test.run();
