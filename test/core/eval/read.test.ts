// One eval-report reader for `kolm compare` and the Action's baseline: the same code for the same failure.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { buildReport, readEvalReport } from '../../../core/eval/index.ts';
import { createScorer } from '../../../core/kscore/index.ts';
import { errorOf } from '../../_util/errors.ts';
import { tmpdir } from '../../_util/tmp.ts';

const test = suite('readEvalReport');

const report = buildReport({ name: 'kolm' }, [{ input: 'q', reference: 'a', prediction: 'a', latency_ms: 1 }], createScorer('label'));
const dir = tmpdir({ 'r.json': JSON.stringify(report), 'cases.jsonl': '{"input": "q", "output": "a"}\n', 'other.json': '{"version": 2, "K": 1}' });

test('a report reads back as written', async () => {
  assert.equal(await readEvalReport(join(dir, 'r.json')), report);
});

test('missing: E_PATH_NOT_FOUND; not JSON or not a report: E_BAD_INPUT; each names the file as shown', async () => {
  const missing = await errorOf(() => readEvalReport(join(dir, 'nope.json'), 'nope.json'));
  assert.is(missing.code, 'E_PATH_NOT_FOUND');
  assert.match(missing.message, 'cannot read eval report nope.json');
  for (const name of ['cases.jsonl', 'other.json']) {
    const e = await errorOf(() => readEvalReport(join(dir, name), name));
    assert.is(e.code, 'E_BAD_INPUT', name);
    assert.match(e.message, `${name} is not a kolm eval report (version 1)`);
    assert.equal(e.place, { file: name });
    assert.match(e.hint!, 'kolm eval');
  }
  assert.is((await errorOf(() => readEvalReport(dir))).code, 'E_PATH_UNREADABLE', 'a folder');
});

test.run();
