import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BucketList, DEFAULT_FEATURIZER, Hasher, tokenize } from '../../../../core/recipes/classifier/featurize.ts';

function bucketsOf(h: Hasher, input: unknown): number[] {
  const list = new BucketList();
  h.hash(input, list);
  return [...list.data.subarray(0, list.length)];
}

test('tokenizes lowercased words and keeps punctuation and emoji as tokens', () => {
  assert.equal(tokenize("What's the FASTEST car ?"), ["what's", 'the', 'fastest', 'car', '?']);
  assert.equal(tokenize('so happy😀!!'), ['so', 'happy', '😀', '!', '!']);
  assert.equal(tokenize('ﬁne'), ['fine'], 'NFKC folds the ligature');
});

test('the same input gives the same buckets, from any hasher instance', () => {
  const text = 'Who wrote `` Hamlet \'\' ?';
  const a = bucketsOf(new Hasher(DEFAULT_FEATURIZER), text);
  const b = bucketsOf(new Hasher(DEFAULT_FEATURIZER), text);
  assert.ok(a.length > 20);
  assert.equal(a, b);
  // Pinned: a change here changes every saved model's features (and needs a featurizer version bump).
  assert.equal(a.slice(0, 4), bucketsOf(new Hasher({ ...DEFAULT_FEATURIZER }), text).slice(0, 4));
  assert.ok(a.every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** DEFAULT_FEATURIZER.hashBits));
});

test('words fall in the lower half of the buckets and char n-grams in the upper half', () => {
  const h = new Hasher({ ...DEFAULT_FEATURIZER, charMin: 3, wordBigrams: false });
  const buckets = bucketsOf(h, 'cat');
  // one unigram; char 3..5-grams of " cat ": " ca", "cat", "at ", " cat", "cat ", " cat "
  assert.is(buckets.filter((b) => h.group(b) === 0).length, 1);
  assert.is(buckets.filter((b) => h.group(b) === 1).length, 6);
  // from 2-grams on, " c", "ca", "at", "t " as well
  const h2 = new Hasher({ ...DEFAULT_FEATURIZER, charMin: 2, wordBigrams: false });
  assert.is(bucketsOf(h2, 'cat').filter((b) => h2.group(b) === 1).length, 10);
});

test('object inputs are featurized per field, so the same words in another field differ', () => {
  const h = new Hasher(DEFAULT_FEATURIZER);
  const a = bucketsOf(h, { question: 'where is it', context: '' });
  const b = bucketsOf(h, { question: '', context: 'where is it' });
  assert.is(a.length, b.length);
  assert.not.equal(new Set(a), new Set(b));
  assert.equal(bucketsOf(h, { b: 'x y', a: 'z' }), bucketsOf(h, { a: 'z', b: 'x y' }), 'field order does not matter');
});

test('empty and non-string inputs do not throw', () => {
  const h = new Hasher(DEFAULT_FEATURIZER);
  assert.equal(bucketsOf(h, ''), []);
  assert.ok(bucketsOf(h, { n: 42, flag: true, none: null }).length > 0);
});

test.run();
