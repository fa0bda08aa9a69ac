// "Looks like a label task" in the ingestion report is compile's output-kind decision, made from the
// distinct outputs and their counts (what the converter has from DuckDB), not a rule of its own.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compileRecipe } from '../../../core/compile/index.ts';
import { looksLikeLabels } from '../../../core/ingest/report.ts';
import { countOutputs } from '../../../core/kscore/index.ts';
import type { Example } from '../../../core/runtime/index.ts';
import type { Spec } from '../../../core/spec/index.ts';

const test = suite('ingest report: label-likeness');

const spec: Spec = { kolm: 1, task: 't', shape: { input: 'string', output: 'string' } };

/** The report's decision and compile's, on the same rows. */
async function both(rows: Example[]): Promise<{ report: boolean; compiled: string }> {
  const outputs = rows.map((r) => r.output);
  const counts = countOutputs(outputs).map((c) => ({ value: String(c.value), count: c.count }));
  const out = await compileRecipe({ spec, train: rows });
  await out.predictor.close?.();
  return { report: looksLikeLabels(counts.length, counts), compiled: out.kind };
}

test('few labels over few rows: a label task to both (a 10-rows-per-label rule called it free text)', async () => {
  const labels = ['alpha', 'bravo', 'charlie', 'delta', 'echo'];
  const rows = Array.from({ length: 20 }, (_, i) => ({ input: `the code word is ${labels[i % 5]} number ${i}`, output: labels[i % 5]! }));
  const { report, compiled } = await both(rows);
  assert.is(compiled, 'label');
  assert.is(report, true);
});

test('few distinct numbers over many rows: a number task to both, not labels', async () => {
  const rows = Array.from({ length: 90 }, (_, i) => ({ input: `how many in box ${i % 3}`, output: String(i % 3) }));
  const { report, compiled } = await both(rows);
  assert.is(compiled, 'number');
  assert.is(report, false);
});

test('a spec output_kind decides for both; too many distinct outputs is never a label task', () => {
  assert.is(looksLikeLabels(2, [{ value: 'a', count: 1 }, { value: 'b', count: 1 }], 'label'), true);
  assert.is(looksLikeLabels(2, [{ value: 'a', count: 50 }, { value: 'b', count: 50 }], 'short'), false);
  assert.is(looksLikeLabels(51, []), false);
});

test.run();
