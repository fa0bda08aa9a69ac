import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { KolmError } from '../../../core/errors.ts';
import { recordingReporter } from '../../../core/progress.ts';
import { validateSeedsStream, type ValidateSeedsOptions } from '../../../core/seeds/validate.ts';

const test = suite('seeds validate');

const row = (input: unknown, output: unknown) => JSON.stringify({ input, output });
const validate = (content: string | Uint8Array | (string | Uint8Array)[], options: ValidateSeedsOptions = {}) =>
  validateSeedsStream((Array.isArray(content) ? content : [content]).map((c) => (typeof c === 'string' ? Buffer.from(c) : c)), 'seeds.jsonl', options);
const lines = (r: { bad: { line: number }[] }) => r.bad.map((b) => b.line);

test('a good file is ok with its row count and inferred shape', async () => {
  const r = await validate(`${row('What is X?', 'DESC')}\n${row('Who?', 'HUM')}\n`);
  assert.is(r.ok, true);
  assert.is(r.rows, 2);
  assert.is(r.valid, 2);
  assert.equal(r.shape, { input: 'string', output: 'string' });
  assert.is(r.shapeSource, 'inferred');
  assert.equal(r.bad, []);
});

test('blank lines inside are errors, blank lines at the end are not rows', async () => {
  const r = await validate(`${row('a', 'b')}\n\n   \n${row('c', 'd')}\n\n\n  \n`);
  assert.equal(r.bad, [{ line: 2, reason: 'empty line' }, { line: 3, reason: 'empty line' }]);
  assert.is(r.rows, 4);
  assert.is(r.valid, 2);
  assert.is(r.ok, false);
});

test('not JSON: the parser message and, when it gives one, the column', async () => {
  const r = await validate(`${row('a', 'b')}\n{"input": "a", "output": "b",}\n{"input": x}\n`);
  assert.equal(lines(r), [2, 3]);
  assert.match(r.bad[0]!.reason, /^not JSON: .*position 29/);
  assert.is(r.bad[0]!.column, 30);
  assert.match(r.bad[1]!.reason, /^not JSON: /);
});

test('not an object: arrays, strings, numbers, null', async () => {
  const r = await validate(`[1,2]\n"text"\n42\nnull\n${row('a', 'b')}\n`);
  assert.equal(lines(r), [1, 2, 3, 4]);
  assert.match(r.bad[0]!.reason, 'not an object: the row is an array');
  assert.match(r.bad[1]!.reason, 'the row is a string');
  assert.match(r.bad[2]!.reason, 'the row is a number');
  assert.match(r.bad[3]!.reason, 'the row is null');
  assert.equal(r.shape, { input: 'string', output: 'string' }, 'shape comes from the first row that has both keys');
});

test('missing keys are named', async () => {
  const r = await validate(`${row('a', 'b')}\n{"input": "a"}\n{"output": "b"}\n{"prompt": "a", "completion": "b"}\n`);
  assert.equal(r.bad.map((b) => [b.line, b.reason]), [
    [2, 'missing key "output"'],
    [3, 'missing key "input"'],
    [4, 'missing key "input" and "output"'],
  ]);
});

test('unknown keys are warnings, once per key with a count, and the row stays valid', async () => {
  const r = await validate(`${row('a', 'b')}\n{"input":"a","output":"b","id":1}\n{"input":"a","output":"b","id":2,"split":0}\n`);
  assert.is(r.ok, true);
  assert.equal(r.warnings, [
    { line: 2, reason: 'unknown key "id" (ignored) on 2 rows', count: 2 },
    { line: 3, reason: 'unknown key "split" (ignored) on 1 row', count: 1 },
  ]);
});

test('rows that deviate from the inferred shape name the field', async () => {
  const r = await validate(
    [
      row({ utterance: 'to NY', requested_slots: '' }, '{"to_location": "NY"}'),
      row({ utterance: 'hi' }, '{}'),
      row({ utterance: 3, requested_slots: 'x' }, '{}'),
      row('just text', '{}'),
      row({ utterance: 'ok', requested_slots: 'to_location' }, { to_location: 'NY' }),
    ].join('\n'),
  );
  assert.equal(r.shape, { input: { utterance: 'string', requested_slots: 'string' }, output: 'string' });
  assert.equal(r.bad.map((b) => [b.line, b.reason]), [
    [2, 'input.requested_slots is missing'],
    [3, 'input.utterance is a number (3), expected string'],
    [4, 'input is a string, expected an object with fields utterance, requested_slots'],
    [5, 'output is an object, expected string'],
  ]);
});

test('the shape is inferred from the first valid row, not from a bad first row', async () => {
  const r = await validate(`${row(null, 'x')}\n${row('q', '')}\n${row('q', 'HUM')}\n${row(3, 'HUM')}\n`);
  assert.equal(r.shape, { input: 'string', output: 'string' });
  assert.equal(r.bad.map((b) => [b.line, b.reason]), [
    [1, 'input is null, expected string'],
    [2, 'output is an empty string'],
    [4, 'input is a number (3), expected string'],
  ]);
});

test('the spec shape wins over the first row', async () => {
  const r = await validate(`${row('a', 1)}\n${row('b', 'two')}\n`, { shape: { input: 'string', output: 'integer' } });
  assert.is(r.shapeSource, 'spec');
  assert.equal(r.bad.map((b) => [b.line, b.reason]), [[2, 'output is a string, expected integer']]);
});

test('empty and whitespace-only strings are bad', async () => {
  const r = await validate(`${row('a', 'b')}\n${row('', 'b')}\n${row('a', ' \t ')}\n`);
  assert.equal(r.bad.map((b) => [b.line, b.reason]), [
    [2, 'input is an empty string'],
    [3, 'output is an empty string'],
  ]);
});

test('invalid UTF-8 is reported with its line and byte, and the next lines still count', async () => {
  const bad = Buffer.concat([Buffer.from('{"input": "caf'), Buffer.from([0xe9]), Buffer.from('", "output": "x"}\n')]);
  const r = await validate([`${row('é', 'ok')}\n`, bad, `${row('b', 'c')}\n`]);
  assert.equal(r.bad, [{ line: 2, reason: 'invalid UTF-8 at byte 15 of the line', column: 15 }]);
  assert.is(r.rows, 3);
});

test('CRLF and a leading BOM are fine', async () => {
  const r = await validate(`\ufeff${row('a', 'b')}\r\n${row('c', 'd')}\r\n`);
  assert.is(r.ok, true);
  assert.is(r.rows, 2);
});

test('every bad line is counted but only the first `limit` are kept', async () => {
  const content = Array.from({ length: 500 }, (_, i) => (i % 2 ? 'oops' : row('a', 'b'))).join('\n');
  const r = await validate(content, { limit: 10 });
  assert.is(r.badCount, 250);
  assert.is(r.bad.length, 10);
  assert.equal(lines(r), [2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
  assert.is(r.rows, 500);
});

test('too-long lines are refused without being held in memory', async () => {
  const r = await validate(`${row('a', 'b')}\n${row('x'.repeat(200), 'y')}\n${row('c', 'd')}\n`, { maxLineBytes: 100 });
  assert.equal(lines(r), [2]);
  assert.match(r.bad[0]!.reason, /line is 2\d\d bytes, longer than the 100-byte limit/);
});

test('a file with no rows is an E_EMPTY_FILE error', async () => {
  for (const content of ['', '\n\n  \n']) {
    try {
      await validate(content);
      assert.unreachable('should throw');
    } catch (err) {
      assert.instance(err, KolmError);
      assert.is((err as KolmError).code, 'E_EMPTY_FILE');
    }
  }
});

test('progress is reported in bytes', async () => {
  const reporter = recordingReporter();
  const content = `${row('a', 'b')}\n`;
  await validate(content, { reporter, totalBytes: content.length });
  const last = reporter.events.at(-1)!;
  assert.equal([last.stage, last.done, last.total], ['seeds:validate', content.length, content.length]);
});

test.run();
