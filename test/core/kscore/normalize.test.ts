import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { asText, createNormalizer, labelsDifferOnlyByCase, normalizeKeepCase } from '../../../core/kscore/normalize.ts';

const test = suite('kscore normalize');
const N = createNormalizer();

test('NFKC folds full-width letters and punctuation', () => {
  assert.is(N('ＰＡＲＩＳ'), 'paris');
  assert.is(N('Ｐａｒｉｓ．'), 'paris', 'full-width period is a period after NFKC');
  assert.is(N('ﬁle'), 'file', 'ligature');
});

test('trim, collapse whitespace, lowercase', () => {
  assert.is(N('  New \t  York\n'), 'new york');
});

test('wrapping quotes and one trailing period come off, in either nesting', () => {
  assert.is(N('"Paris."'), 'paris');
  assert.is(N('"Paris".'), 'paris');
  assert.is(N("'HUM'"), 'hum');
  assert.is(N('“DESC”'), 'desc');
  assert.is(N('U.S.'), 'u.s');
  assert.is(N('...'), '..', 'only one period');
  assert.is(N('""x""'), '"x"', 'only one layer of quotes');
  assert.is(N('"unbalanced'), '"unbalanced');
  assert.is(N('"'), '"', 'a lone quote is not a pair');
});

test('labels that differ only by case keep case', () => {
  assert.is(labelsDifferOnlyByCase(['US', 'us', 'UK']), true);
  assert.is(labelsDifferOnlyByCase(['HUM', 'DESC', 'hum']), true);
  assert.is(labelsDifferOnlyByCase(['HUM', 'DESC', 'HUM']), false, 'repeats are one label');
  assert.is(labelsDifferOnlyByCase(['Paris.', 'Paris']), false, 'same label once normalized');
  const cased = createNormalizer({ labels: ['US', 'us'] });
  assert.is(cased.caseSensitive, true);
  assert.is(cased('"US".'), 'US');
  assert.is(cased('us'), 'us');
  const folded = createNormalizer({ labels: ['HUM', 'DESC'] });
  assert.is(folded.caseSensitive, false);
  assert.is(folded('Hum'), 'hum');
});

test('normalizeKeepCase keeps case; repeated calls hit the cache with the same answer', () => {
  assert.is(normalizeKeepCase(' "Hello  World." '), 'Hello World');
  assert.is(N('Hello'), N('Hello'));
});

test('asText: strings as is, numbers and booleans as text, objects as JSON, null empty', () => {
  assert.equal([asText('x'), asText(3.5), asText(true), asText({ a: 1 }), asText(null), asText(undefined)], ['x', '3.5', 'true', '{"a":1}', '', '']);
});

test.run();
