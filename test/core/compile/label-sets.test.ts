// Label sets of any size compile to the classifier with no spec override: the output-kind decision judges
// a closed set by how its labels repeat, not by a maximum count (a 77-intent export once became "short"
// text and `lookup` won at K 0.019).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileRecipe } from '../../../core/compile/index.ts';
import { getExport, migrateExport } from '../../../core/migrate/index.ts';
import type { Example } from '../../../core/runtime/index.ts';
import type { Spec } from '../../../core/spec/index.ts';
import { labelTask } from '../../_util/label-tasks.ts';
import { tmpdir } from '../../_util/tmp.ts';

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

const CLINC_SAMPLE = new URL('../../_fixtures/clinc-intents-sample/predibase-export', import.meta.url).pathname;
const jsonl = (path: string): Example[] => readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Example);

test('a 151-label Predibase export (a CLINC150 sample) is label-like in the report and compiles to the classifier', async () => {
  const dir = tmpdir();
  const migrated = await migrateExport({ found: getExport(CLINC_SAMPLE), outDir: dir, tmpDir: tmpdir() });
  assert.is(migrated.spec.output_kind, undefined, 'no override: the kind is inferred');
  assert.is(migrated.report.output.distinct, 151);
  assert.is(migrated.report.output.labelLike, true);
  const train = jsonl(join(dir, 'train.jsonl'));
  const validation = jsonl(join(dir, 'validation.jsonl'));
  assert.is(train.length, 1510);
  const out = await compileRecipe({ spec: migrated.spec, train, eval: validation });
  try {
    assert.is(out.kind, 'label');
    assert.is(out.winner, 'classifier');
    // Ten rows per label is little; the held-out K is still far above answering the commonest label.
    assert.ok(out.eval!.K_low > 10 * out.baseline.K, `eval K ${out.eval!.K} [${out.eval!.K_low}, …], baseline ${out.baseline.K}`);
  } finally {
    await out.predictor.close?.();
  }
});

test.run();
