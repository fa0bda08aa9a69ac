import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createScorer, PASS_THRESHOLD } from '../../../core/kscore/scorer.ts';

const test = suite('kscore scorer');
const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} ≠ ${expected}`);

test('label: exact N-match; quotes, trailing period, case and full-width forgiven', () => {
  const s = createScorer('label', { labels: ['HUM', 'DESC', 'LOC'] });
  assert.is(s.score('HUM', 'HUM'), 1);
  assert.is(s.score(' "desc." ', 'DESC'), 1);
  assert.is(s.score('ＨＵＭ', 'HUM'), 1);
  assert.is(s.score('HUMAN', 'HUM'), 0);
  assert.equal(s.judge('LOC', ['LOC']), { s: 1, pass: true });
  assert.equal(s.judge('LOC', ['HUM']), { s: 0, pass: false });
});

test('label: labels that differ only by case keep case', () => {
  const s = createScorer('label', { labels: ['US', 'us', 'UK'] });
  assert.is(s.score('us', 'US'), 0);
  assert.is(s.score('US.', 'US'), 1);
  assert.is(createScorer('label').score('us', 'US'), 1, 'no label set: case folds');
});

test('label: non-string references compare as text', () => {
  const s = createScorer('label', { labels: ['0', '1'] });
  assert.is(s.score('1', 1), 1);
  assert.is(s.score(true, 'true'), 1);
});

test('several references: the best one counts', () => {
  const s = createScorer('short');
  assert.equal(s.judge('cat sat', ['dog', 'the cat sat']), { s: 1, pass: true });
  assert.is(s.scoreBest('x', []), 0);
  assert.equal(s.judge('x', []), { s: 0, pass: false });
});

test('pass thresholds: 1.0 for label/json/number, 0.8 for short and long', () => {
  assert.equal(PASS_THRESHOLD, { label: 1, json: 1, number: 1, short: 0.8, long: 0.8 });
  const short = createScorer('short');
  const at = short.judge('the cat sat', ['cat sat down']);
  close(at.s, 0.8);
  assert.is(at.pass, true, 'exactly 0.8 passes');
  assert.is(short.judge('cat cat', ['cat']).pass, false, '⅔ fails');
  const json = createScorer('json');
  const half = json.judge('{"a": "x", "b": "y"}', ['{"a": "x", "b": "z"}']);
  assert.equal(half, { s: 0.5, pass: false });
  assert.equal(json.judge({ b: 'Y', a: 'x' }, ['{"a": "x", "b": "y"}']), { s: 1, pass: true });
  assert.equal(json.judge('oops', ['{}']), { s: 0, pass: false });
  const long = createScorer('long');
  const lj = long.judge('the cat sat on the mat', ['the cat lay on the mat']);
  close(lj.s, 5 / 6);
  assert.is(lj.pass, true);
  assert.is(long.judge('police killed the gunman', ['the gunman police killed']).pass, false);
  assert.equal(createScorer('number').judge('41.999', [42]), { s: 0, pass: false });
  assert.equal(createScorer('number').judge('42', [42]), { s: 1, pass: true });
});

test.run();
