// "Looks like a label task" in the ingestion report is compile's output-kind decision, made from the
// distinct outputs and their counts (what the converter has from DuckDB), not a rule of its own.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileRecipe } from '../../../core/compile/index.ts';
import { convertExport, openIngestDb } from '../../../core/ingest/index.ts';
import { LABEL_COUNTS_MAX, looksLikeLabels } from '../../../core/ingest/report.ts';
import { countOutputs } from '../../../core/kscore/index.ts';
import { labelTask, shortAnswers } from '../../_util/label-tasks.ts';
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

test('a spec output_kind decides for both; above the bound on what the report reads, not label-like', () => {
  assert.is(looksLikeLabels(2, [{ value: 'a', count: 1 }, { value: 'b', count: 1 }], 'label'), true);
  assert.is(looksLikeLabels(2, [{ value: 'a', count: 50 }, { value: 'b', count: 50 }], 'short'), false);
  assert.is(looksLikeLabels(LABEL_COUNTS_MAX + 1, []), false);
});

test('the report judges 500 labels as labels and SQuAD-like answers as not, from the DuckDB counts', async () => {
  const csv = (rows: { input: string; output: string }[]) => ['prompt,response', ...rows.map((r) => `"${r.input}","${r.output}"`)].join('\n');
  const labels = labelTask(500, 8, 4);
  const answers = shortAnswers(3000, 7).map((output, i) => ({ input: `question ${i}`, output }));
  const db = await openIngestDb({ memoryLimit: '256MB', tmpDir: tmpdir() });
  const dir = mkdtempSync(join(tmpdir(), 'kolm-report-test-'));
  try {
    const convert = async (name: string, body: string) => {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'train.csv'), body);
      return convertExport({ db, exportPaths: [join(dir, name)], mapping: { inputColumns: ['prompt'], outputColumn: 'response' }, outDir: join(dir, `${name}-out`) });
    };
    const labelReport = await convert('labels', csv(labels as { input: string; output: string }[]));
    assert.is(labelReport.output.distinct, 500);
    assert.is(labelReport.output.labelLike, true);
    assert.is(labelReport.output.top!.length, 10);
    const answerReport = await convert('answers', csv(answers));
    assert.ok(answerReport.output.distinct > 1000);
    assert.is(answerReport.output.labelLike, false);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
