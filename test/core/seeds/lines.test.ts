import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { LineSplitter, firstInvalidUtf8Offset, type RawLine } from '../../../core/seeds/lines.ts';

const test = suite('seeds lines');

function split(chunks: (string | Uint8Array)[], max?: number): RawLine[] {
  const out: RawLine[] = [];
  const s = new LineSplitter((l) => out.push({ ...l, bytes: l.bytes.slice() }), max);
  for (const c of chunks) s.push(typeof c === 'string' ? Buffer.from(c) : c);
  s.end();
  return out;
}
const text = (l: RawLine) => Buffer.from(l.bytes).toString('utf8');

test('lines are numbered from 1 and the last line needs no newline', () => {
  const lines = split(['a\nbb\nccc']);
  assert.equal(lines.map(text), ['a', 'bb', 'ccc']);
  assert.equal(lines.map((l) => l.line), [1, 2, 3]);
});

test('a final newline does not make an extra line; blank lines inside do count', () => {
  assert.equal(split(['a\n\nb\n']).map(text), ['a', '', 'b']);
});

test('lines that span chunks are joined, however they are cut', () => {
  const whole = '{"input":"héllo","output":"wörld"}\n{"input":"x","output":"y"}\n';
  const bytes = Buffer.from(whole);
  for (let cut = 1; cut < bytes.length; cut++) {
    const lines = split([bytes.subarray(0, cut), bytes.subarray(cut)]);
    assert.equal(lines.map(text), ['{"input":"héllo","output":"wörld"}', '{"input":"x","output":"y"}'], `cut at ${cut}`);
  }
});

test('CRLF line ends drop the carriage return', () => {
  assert.equal(split(['a\r\nb\r', '\nc\r\n']).map(text), ['a', 'b', 'c']);
});

test('a line past the cap is reported as too long without being kept', () => {
  const lines = split(['short\n', 'x'.repeat(30), 'y'.repeat(30), '\nok'], 50);
  assert.equal(lines.map((l) => [l.line, l.tooLong, l.length]), [[1, false, 5], [2, true, 60], [3, false, 2]]);
  assert.is(lines[1]!.bytes.length, 0);
  // Within one chunk too.
  const one = split(['z'.repeat(51) + '\nfine'], 50);
  assert.equal(one.map((l) => l.tooLong), [true, false]);
});

test('chunks reused by the stream do not corrupt kept parts', () => {
  const out: string[] = [];
  const s = new LineSplitter((l) => out.push(Buffer.from(l.bytes).toString()));
  const buf = Buffer.from('abc');
  s.push(buf);
  buf.write('XYZ');
  s.push(Buffer.from('def\n'));
  assert.equal(out, ['abcdef']);
});

test('firstInvalidUtf8Offset finds the first bad byte, -1 when valid', () => {
  assert.is(firstInvalidUtf8Offset(Buffer.from('héllo €𝄞')), -1);
  assert.is(firstInvalidUtf8Offset(Uint8Array.from([0x61, 0x62, 0xff, 0x63])), 2);
  assert.is(firstInvalidUtf8Offset(Uint8Array.from([0x61, 0xc3])), 1, 'truncated sequence');
  assert.is(firstInvalidUtf8Offset(Uint8Array.from([0xc0, 0x80])), 0, 'overlong');
  assert.is(firstInvalidUtf8Offset(Uint8Array.from([0x61, 0xed, 0xa0, 0x80])), 1, 'surrogate');
  assert.is(firstInvalidUtf8Offset(Uint8Array.from([0xf4, 0x90, 0x80, 0x80])), 0, 'past U+10FFFF');
});

test.run();
