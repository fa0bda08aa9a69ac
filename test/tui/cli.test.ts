import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { kolm } from '../_util/cli.ts';

const test = suite('kolm command line');

test('a command line that does not parse exits 2 with the usage error on stderr', async () => {
  const unknown = await kolm(['compiel', '--spec', 'x']);
  assert.is(unknown.code, 2);
  assert.match(unknown.stderr, 'Command not found');
  assert.is(unknown.stdout, '');
  const missing = await kolm(['compile', '--spec', 'spec.json']);
  assert.is(missing.code, 2);
  assert.match(missing.stderr, '--out');
});

test('a user error exits 1 with code, place and hint, and no stack', async () => {
  const r = await kolm(['compile', '--spec', '/nonexistent/spec.json', '--examples', 'x.jsonl', '--out', 'x.kolm']);
  assert.is(r.code, 1);
  assert.match(r.stderr, /^error\[E_PATH_NOT_FOUND\]: no spec at \/nonexistent\/spec\.json/);
  assert.match(r.stderr, 'hint: write one with `kolm migrate spec');
  assert.not.match(r.stderr, /\n\s+at /);
});

test('--json errors are JSON on stdout', async () => {
  const r = await kolm(['inspect', '/nonexistent.kolm', '--json']);
  assert.is(r.code, 1);
  const body = JSON.parse(r.stdout);
  assert.is(body.ok, false);
  assert.match(body.error.code, /^E_/);
});

test.run();
