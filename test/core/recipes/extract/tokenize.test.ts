import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { emptyTokens, hashLower, tokenize } from '../../../../core/recipes/extract/tokenize.ts';

const pieces = (text: string): string[] => {
  const t = tokenize(text);
  return Array.from({ length: t.count }, (_, k) => text.slice(t.start[k], t.end[k]));
};

test('tokens keep character offsets into the original text', () => {
  const text = '  Leaving Anaheim, CA  on the 2nd!';
  const t = tokenize(text);
  assert.equal(pieces(text), ['Leaving', 'Anaheim', ',', 'CA', 'on', 'the', '2', 'nd', '!']);
  assert.is(t.start[1], 10);
  assert.is(t.end[1], 17);
  assert.is(text.slice(t.start[3], t.end[3]), 'CA');
});

test('letters and digits split, punctuation stands alone, Han characters are tokens of their own', () => {
  assert.equal(pieces('5pm $40.50'), ['5', 'pm', '$', '40', '.', '50']);
  assert.equal(pieces("I'll go"), ['I', "'", 'll', 'go']);
  assert.equal(pieces('去北京 café'), ['去', '北', '京', 'café']);
  assert.equal(pieces('a 😀 b'), ['a', '😀', 'b']);
  assert.equal(pieces(''), []);
});

test('a reused token buffer grows past its capacity', () => {
  const buf = emptyTokens(2);
  const text = Array.from({ length: 50 }, (_, i) => `w${i}`).join(' ');
  const t = tokenize(text, buf);
  assert.is(t.count, 100);
  assert.is(text.slice(t.start[99], t.end[99]), '49');
});

test('hashLower ignores case and depends on every character', () => {
  assert.is(hashLower('Boston', 0, 6), hashLower('BOSTON', 0, 6));
  assert.is.not(hashLower('Boston', 0, 6), hashLower('Bostin', 0, 6));
});

test.run();
