import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kolm } from '../../../_util/cli.ts';

const test = suite('kolm seeds validate');
let dir = '';
const row = (input: unknown, output: unknown) => JSON.stringify({ input, output });

test.before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kolm-seeds-cli-'));
  await writeFile(join(dir, 'good.jsonl'), `${row('What is X?', 'DESC')}\n${row('Who?', 'HUM')}\n`);
  await writeFile(join(dir, 'bad.jsonl'), `${row('a', 'b')}\nnot json\n\n${row('', 'b')}\n{"input":"a","output":"b","id":1}\n`);
  await writeFile(
    join(dir, 'spec.json'),
    JSON.stringify({ kolm: 1, task: 'slots', shape: { input: { utterance: 'string', requested_slots: 'string' }, output: 'string' } }),
  );
  await writeFile(join(dir, 'slots.jsonl'), `${row({ utterance: 'to NY', requested_slots: '' }, '{"to_location": "NY"}')}\n${row({ utterance: 'hi' }, '{}')}\n`);
  await writeFile(join(dir, 'many.jsonl'), Array.from({ length: 80 }, (_, i) => (i === 0 ? row('a', 'b') : 'x')).join('\n'));
});
test.after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('a good file prints ok, the row count and the shape, exit 0', async () => {
  const r = await kolm(['seeds', 'validate', 'good.jsonl'], { cwd: dir });
  assert.is(r.code, 0);
  assert.is(r.stdout, 'ok. 2 rows, shape {input: string, output: string} (inferred from the first row)\n');
});

test('bad lines are printed file:line[:column]: reason, exit 1; unknown keys warn on stderr', async () => {
  const r = await kolm(['seeds', 'validate', 'bad.jsonl'], { cwd: dir });
  assert.is(r.code, 1);
  const out = r.stdout.trim().split('\n');
  assert.match(out[0]!, /^bad\.jsonl:2: not JSON: /);
  assert.is(out[1], 'bad.jsonl:3: empty line');
  assert.is(out[2], 'bad.jsonl:4: input is an empty string');
  assert.is(out[3], '3 bad lines of 5 rows in bad.jsonl; shape {input: string, output: string} (inferred from the first row)');
  assert.match(r.stderr, 'warning: bad.jsonl:5: unknown key "id" (ignored) on 1 row');
});

test('--json gives {ok, rows, bad, shape}', async () => {
  const r = await kolm(['seeds', 'validate', 'bad.jsonl', '--json'], { cwd: dir });
  assert.is(r.code, 1);
  const body = JSON.parse(r.stdout);
  assert.is(body.ok, false);
  assert.is(body.rows, 5);
  assert.equal(body.bad.map((b: { line: number }) => b.line), [2, 3, 4]);
  assert.equal(body.shape, { input: 'string', output: 'string' });
  assert.is(body.warnings.length, 1);
});

test('--spec checks the spec shape and names the field', async () => {
  const r = await kolm(['seeds', 'validate', 'slots.jsonl', '--spec', 'spec.json'], { cwd: dir });
  assert.is(r.code, 1);
  assert.match(r.stdout, 'slots.jsonl:2: input.requested_slots is missing');
  assert.match(r.stdout, 'shape {input: {utterance: string, requested_slots: string}, output: string}\n');
  const ok = await kolm(['seeds', 'validate', 'good.jsonl', '--spec', 'spec.json', '--json'], { cwd: dir });
  assert.is(JSON.parse(ok.stdout).shape_source, 'spec');
});

test('printed bad lines are capped with "and N more", all are counted', async () => {
  const r = await kolm(['seeds', 'validate', 'many.jsonl'], { cwd: dir });
  const out = r.stdout.trim().split('\n');
  assert.is(out.length, 52);
  assert.is(out[50], 'and 29 more');
  assert.match(out[51]!, /^79 bad lines of 80 rows/);
  const limited = await kolm(['seeds', 'validate', 'many.jsonl', '--limit', '3', '--json'], { cwd: dir });
  const body = JSON.parse(limited.stdout);
  assert.equal([body.bad.length, body.bad_count, body.truncated], [3, 79, true]);
});

test('standard input with "-"', async () => {
  const r = await kolm(['seeds', 'validate', '-'], { stdin: `${row('a', 'b')}\n`, cwd: dir });
  assert.is(r.code, 0);
  assert.match(r.stdout, 'ok. 1 row,');
});

test('missing file or spec: a hinted error naming it, exit 1', async () => {
  const r = await kolm(['seeds', 'validate', 'nope.jsonl'], { cwd: dir });
  assert.is(r.code, 1);
  assert.match(r.stderr, 'error[E_PATH_NOT_FOUND]');
  assert.match(r.stderr, 'nope.jsonl');
  const s = await kolm(['seeds', 'validate', 'good.jsonl', '--spec', 'missing.json'], { cwd: dir });
  assert.is(s.code, 1);
  assert.match(s.stderr, 'missing.json does not exist');
});

test.run();
