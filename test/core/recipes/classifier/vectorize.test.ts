import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BucketList, DEFAULT_FEATURIZER, Hasher } from '../../../../core/recipes/classifier/featurize.ts';
import { buildVocabulary, decodeVocabulary, encodeVocabulary, Vectorizer } from '../../../../core/recipes/classifier/vectorize.ts';

const texts = ['what is the capital of france ?', 'who wrote hamlet ?', 'what is a prime number ?', 'how far is the moon ?'];
const hasher = new Hasher(DEFAULT_FEATURIZER);
const scratch = new BucketList();
const docs = texts.map((t) => Vectorizer.bucketsOf(hasher, t, scratch));

test('the vocabulary keeps buckets seen in min_df documents, and caps rows by document frequency', () => {
  const all = buildVocabulary(docs, hasher.buckets, 1, 1e9);
  const shared = buildVocabulary(docs, hasher.buckets, 2, 1e9);
  assert.ok(shared.buckets.length > 0 && shared.buckets.length < all.buckets.length);
  assert.ok([...shared.df].every((d) => d >= 2));
  const capped = buildVocabulary(docs, hasher.buckets, 1, 10);
  assert.is(capped.buckets.length, 10);
  assert.ok(Math.min(...capped.df) >= Math.max(...all.df.filter((d) => d < Math.min(...capped.df)), 0));
});

test('the vocabulary table round-trips through its bytes and rejects damage', () => {
  const v = buildVocabulary(docs, hasher.buckets, 1, 1e9);
  const bytes = encodeVocabulary(v);
  const back = decodeVocabulary(bytes, hasher.buckets);
  assert.equal([...back.buckets], [...v.buckets]);
  assert.equal([...back.df], [...v.df]);
  assert.is(back.docs, 4);
  assert.throws(() => decodeVocabulary(bytes.subarray(0, bytes.length - 1), hasher.buckets), /truncated/);
  assert.throws(() => decodeVocabulary(Uint8Array.of(1, 2, 3, 4), hasher.buckets), /magic/);
});

test('each feature group has unit norm; unknown features are dropped', () => {
  const vec = new Vectorizer(DEFAULT_FEATURIZER, buildVocabulary(docs, hasher.buckets, 1, 1e9), { sublinearTf: true, idf: true });
  const n = vec.vectorize('what is the capital of spain ?');
  let norm = 0;
  for (let i = 0; i < n; i++) norm += vec.outValues[i]! ** 2;
  assert.ok(Math.abs(norm - 1) < 1e-6, `norm² ${norm}`);
  assert.ok([...vec.outRows.subarray(0, n)].every((r) => r >= 0 && r < vec.rows));
  assert.is(vec.vectorize('zzzz qqqq'), 0);
});

test.run();
