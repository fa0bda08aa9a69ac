// One spec-file reader for kolm compile, seeds validate, the Action and the build service.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { readSpecFile } from '../../../core/spec/index.ts';
import { errorOf } from '../../_util/errors.ts';
import { tmpdir } from '../../_util/tmp.ts';

const test = suite('readSpecFile');

const spec = { kolm: 1, task: 't', shape: { input: 'string', output: 'string' } };
const dir = tmpdir({ 'spec.json': JSON.stringify(spec), 'bad.json': '{"kolm": 1,}', 'extra.json': JSON.stringify({ ...spec, colour: 'red' }) });

test('a valid spec reads back', async () => {
  assert.equal(await readSpecFile(join(dir, 'spec.json')), spec);
});

test('missing: E_PATH_NOT_FOUND naming it as shown, with the resolved path when that differs', async () => {
  const abs = join(dir, 'nope.json');
  const same = await errorOf(() => readSpecFile(abs));
  assert.is(same.code, 'E_PATH_NOT_FOUND');
  assert.is(same.message, `no spec at ${abs}`);
  assert.match(same.hint!, 'kolm migrate spec');
  const shown = await errorOf(() => readSpecFile(abs, 'nope.json'));
  assert.is(shown.message, `no spec at nope.json (${abs} does not exist)`);
  assert.equal(shown.place, { file: 'nope.json' });
  assert.is((await errorOf(() => readSpecFile(dir))).code, 'E_PATH_UNREADABLE', 'a folder');
});

test('bad JSON and unknown keys: E_BAD_SPEC naming the file as shown', async () => {
  const bad = await errorOf(() => readSpecFile(join(dir, 'bad.json'), 'bad.json'));
  assert.is(bad.code, 'E_BAD_SPEC');
  assert.match(bad.message, /^bad\.json is not valid JSON/);
  const extra = await errorOf(() => readSpecFile(join(dir, 'extra.json'), 'extra.json'));
  assert.is(extra.code, 'E_BAD_SPEC');
  assert.match(extra.message, 'colour: unknown key');
});

test.run();
