import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createNormalizer } from '../../../core/kscore/normalize.ts';
import { jsonF1, jsonPairs, lcsLength, numberMatch, parseNumber, rougeL, squadTokens, tokenF1 } from '../../../core/kscore/metrics.ts';

const test = suite('kscore metrics');
const N = createNormalizer();
const close = (actual: number, expected: number, msg?: string) => assert.ok(Math.abs(actual - expected) < 1e-12, `${msg ?? ''} ${actual} ≠ ${expected}`);

test('SQuAD tokens: lowercase, punctuation and articles dropped', () => {
  assert.equal(squadTokens('The Cat, sat on a mat!'), ['cat', 'sat', 'on', 'mat']);
  assert.equal(squadTokens('Ｔｈｅ ｃａｔ'), ['cat'], 'NFKC first');
});

test('token F1 by hand', () => {
  // [cat sat] vs [cat sat down]: same 2, P 2/2, R 2/3 → 2·1·⅔/(1+⅔) = 0.8
  close(tokenF1('the cat sat', 'cat sat down'), 0.8);
  // [new york city] vs [york new]: same 2, P ⅔, R 1 → 0.8
  close(tokenF1('New York City', 'york, new'), 0.8);
  // multiset: [cat cat] vs [cat]: same 1, P ½, R 1 → ⅔
  close(tokenF1('cat cat', 'cat'), 2 / 3);
  close(tokenF1('The Cat!', 'cat'), 1);
  close(tokenF1('dog', 'cat'), 0);
  close(tokenF1('a', 'the'), 1, 'both empty after articles');
  close(tokenF1('', 'x'), 0);
});

test('LCS length (CLRS example: ABCBDAB / BDCABA → 4)', () => {
  assert.is(lcsLength([...'ABCBDAB'], [...'BDCABA']), 4);
  assert.is(lcsLength([], ['a']), 0);
  assert.is(lcsLength(['a', 'b'], ['a', 'b']), 2);
});

test('ROUGE-L F1 by hand', () => {
  // LCS "the cat on the mat" = 5 of 6 and 6 → P = R = 5/6
  close(rougeL('the cat sat on the mat', 'the cat lay on the mat'), 5 / 6);
  // Lin (2004): LCS 2 ("police killed" or "the gunman") of 4 and 4 → 0.5
  close(rougeL('police killed the gunman', 'the gunman police killed'), 0.5);
  // LCS 3 of pred 3, ref 6: P 1, R ½ → ⅔
  close(rougeL('cat sat mat', 'the cat sat on the mat'), 2 / 3);
  close(rougeL('Ｈｅｌｌｏ, World!', 'hello world'), 1, 'NFKC, case and punctuation');
  close(rougeL('', ''), 1);
  close(rougeL('x', ''), 0);
  close(rougeL('a b', 'c d'), 0);
});

test('parseNumber reads numbers and numeric strings only', () => {
  assert.equal(['42', ' 42. ', '"7"', '-0.25', '1e3', '1,234.5', '.5', 'seven', '1,23', '', 'NaN'].map(parseNumber), [42, 42, 7, -0.25, 1000, 1234.5, 0.5, null, null, null, null]);
  assert.is(parseNumber(Infinity), null);
  assert.is(parseNumber(null), null);
});

test('numbers: integers exact, others within 1e-6 relative or 1e-9 absolute', () => {
  assert.is(numberMatch('42', 42), 1);
  assert.is(numberMatch('42.0', '42'), 1);
  assert.is(numberMatch(42.0000001, 42), 0, 'integers are exact');
  assert.is(numberMatch(10_000_001, 10_000_000), 0);
  assert.is(numberMatch(0.1 + 0.2, 0.3), 1);
  assert.is(numberMatch(3.14159, 3.141592), 1, 'diff 2e-6 ≤ 3.14e-6');
  assert.is(numberMatch(3.1415, 3.141592), 0, 'diff 9.2e-5');
  assert.is(numberMatch(1e-10, 5e-11), 1, 'absolute floor 1e-9');
  assert.is(numberMatch('1,234', 1234), 1);
  assert.is(numberMatch('seven', 7), 0);
  assert.is(numberMatch('7', 'n/a'), 0, 'a reference that is no number matches nothing');
});

test('JSON pairs: paths, normalized leaves, arrays as multisets, empty containers below the root', () => {
  assert.equal(jsonPairs({ a: { b: ' X. ' }, n: 1, t: true, z: null }, N), ['a.b\u0000x', 'n\u00001', 't\u0000true', 'z\u0000null']);
  assert.equal(jsonPairs({ names: ['Ann', 'Bob'] }, N), ['names[]\u0000ann', 'names[]\u0000bob']);
  assert.equal(jsonPairs({ a: {}, b: [] }, N), ['a\u0000{}', 'b\u0000[]']);
  assert.equal(jsonPairs({}, N), []);
  assert.equal(jsonPairs('text', N), ['\u0000text']);
});

test('JSON F1 by hand: slots, string vs object gold, partial matches', () => {
  // bus-slots golds are JSON strings; a prediction object with the same slots scores 1
  close(jsonF1({ to_location: 'new york' }, '{"to_location": "New York"}', N), 1);
  close(jsonF1('{ "to_location" :"New York." }', { to_location: 'New York' }, N), 1, 'whitespace, key order, N on leaves');
  // one of two slots right: 2·1/(2+2)
  close(jsonF1('{"from_location": "Washington", "leaving_date": "March 11"}', '{"from_location": "Washington", "leaving_date": "11th of March"}', N), 0.5);
  // one of one predicted, gold has two: 2·1/(1+2)
  close(jsonF1('{"to_location": "New York"}', '{"to_location": "New York", "leaving_date": "tomorrow"}', N), 2 / 3);
  close(jsonF1('{"to_location": "Boston"}', '{"to_location": "New York"}', N), 0);
  close(jsonF1({ names: ['Bob', 'Ann'] }, { names: ['Ann', 'Bob'] }, N), 1, 'array order is free');
  close(jsonF1({ names: ['Ann', 'Ann'] }, { names: ['Ann'] }, N), 2 / 3, 'but counts matter');
});

test('JSON: invalid prediction is 0, empty vs empty is 1, empty vs non-empty is 0', () => {
  close(jsonF1('{"to_location": "New York"', '{"to_location": "New York"}', N), 0, 'truncated JSON');
  close(jsonF1('New York', '{"to_location": "New York"}', N), 0, 'plain text');
  close(jsonF1('New York', 'New York', N), 0, 'never scored as a string');
  close(jsonF1('{}', {}, N), 1);
  close(jsonF1({}, '{}', N), 1);
  close(jsonF1({}, '{"a": "x"}', N), 0);
  close(jsonF1('{"a": "x"}', '{}', N), 0);
  close(jsonF1({ a: {} }, {}, N), 0, 'a nested empty object is a pair');
});

test.run();
