import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kolmMigrate } from '../../_util/cli.ts';
import { examplesDir, tmpdir } from '../../_util/tmp.ts';
import { loadArtifact } from '../../../core/runtime/index.ts';

const test = suite('kolm-migrate --yes');


test('the whole migration of the trec export: JSONL, spec, a classifier .kolm and its eval', async () => {
  const out = tmpdir();
  const r = await kolmMigrate(['--yes', '--export', join(examplesDir, 'trec-questions', 'predibase-export'), '--out', out, '--json']);
  assert.is(r.code, 0, r.stderr);
  const result = JSON.parse(r.stdout);
  assert.is(result.build.outcome.winner, 'classifier');
  assert.ok(result.build.evaluation.K >= 0.86, `K ${result.build.evaluation.K}`);
  for (const f of ['train.jsonl', 'validation.jsonl', 'spec.json', 'report.json', 'eval.json', 'trec-questions.kolm']) assert.ok(existsSync(join(out, f)), f);
  const { contents, predictor } = await loadArtifact(join(out, 'trec-questions.kolm'));
  assert.is(contents.manifest.spec.base, 'meta-llama/Llama-3.1-8B-Instruct');
  assert.is((await predictor.predict('How many miles is it from London to Paris ?')).output, 'NUM');
  await predictor.close?.();
  assert.is(JSON.parse(readFileSync(join(out, 'eval.json'), 'utf8')).cases, 545);
});

test('no export where it looks: exit 1 with what it needs', async () => {
  const r = await kolmMigrate(['--yes', '--export', tmpdir({ 'notes.txt': 'x' })]);
  assert.is(r.code, 1);
  assert.match(r.stderr, /E_NO_DATA_FILES/);
  assert.match(r.stderr, /config\.yaml/);
});

test.run();
