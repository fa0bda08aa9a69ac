import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { KolmError } from '../../core/errors.ts';
import { Input, Output, readInputs, type InputName } from '../../action/inputs.ts';
import { repoRoot } from '../_util/tmp.ts';

const yml = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
};
const from = (values: Partial<Record<InputName, string>>) => (name: InputName) => values[name] ?? yml.inputs[name]?.default ?? '';

test('action.yml declares exactly the inputs and outputs action/inputs.ts reads and writes', () => {
  assert.equal(Object.keys(yml.inputs).sort(), Object.values(Input).sort());
  assert.equal(Object.keys(yml.outputs).sort(), Object.values(Output).sort());
  assert.equal(yml.runs, { using: 'node24', main: 'dist/action.js' });
});

test('defaults: local runtime, comment and upload on, sign left to the event, out kolm-out', () => {
  const i = readInputs(from({ 'github-token': 'ghs_x' }));
  assert.is(i.runtime, 'local');
  assert.is(i.comment, true);
  assert.is(i.uploadArtifact, true);
  assert.is(i.sign, undefined);
  assert.is(i.out, 'kolm-out');
  assert.is(i.predibase, undefined);
});

test('the Predibase inputs come together; booleans accept only the YAML spellings @actions/core does', () => {
  const i = readInputs(from({ 'predibase-endpoint': 'http://x', 'predibase-token': 't', comment: 'FALSE', sign: 'true' }));
  assert.equal(i.predibase, { endpoint: 'http://x', adapterId: undefined, token: 't' });
  assert.is(i.comment, false);
  assert.is(i.sign, true);
  try {
    readInputs(from({ comment: 'yes' }));
    assert.unreachable();
  } catch (err) {
    assert.instance(err, KolmError);
    assert.match((err as KolmError).message, /input comment is "yes"/);
  }
});

test('a runtime that does not exist yet is refused by name', () => {
  try {
    readInputs(from({ runtime: 'gpu' }));
    assert.unreachable();
  } catch (err) {
    assert.is((err as KolmError).code, 'E_NOT_AVAILABLE');
    assert.match((err as KolmError).hint!, /runtime: local/);
  }
});

test.run();
