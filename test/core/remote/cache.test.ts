import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCache, requestDigest } from '../../../core/remote/index.ts';
import { CacheWriter, cacheLineFor } from '../../../core/remote/cache.ts';
import { tmpdir } from '../../_util/tmp.ts';

const test = suite('remote cache');

test('the request digest ignores key order and undefined, and changes with URL, inputs or parameters', () => {
  const a = requestDigest('http://h/generate', { inputs: 'x', parameters: { a: 1, b: [1, 2], c: undefined } });
  assert.is(a, requestDigest('http://h/generate', { parameters: { b: [1, 2], a: 1 }, inputs: 'x' }));
  assert.is.not(a, requestDigest('http://h2/generate', { inputs: 'x', parameters: { a: 1, b: [1, 2] } }));
  assert.is.not(a, requestDigest('http://h/generate', { inputs: 'y', parameters: { a: 1, b: [1, 2] } }));
  assert.is.not(a, requestDigest('http://h/generate', { inputs: 'x', parameters: { a: 1, b: [2, 1] } }));
  assert.match(a, /^[0-9a-f]{64}$/);
});

test('a missing cache is empty; the last line per id wins; torn, foreign and other-version lines are skipped', async () => {
  const dir = tmpdir();
  assert.is((await readCache(join(dir, 'none.jsonl'))).size, 0);
  const p = join(dir, 'c.jsonl');
  writeFileSync(
    p,
    [
      JSON.stringify({ v: 1, id: 'a', digest: 'd1', attempts: 1, error: { message: 'x' } }),
      JSON.stringify({ v: 1, id: 'a', digest: 'd1', attempts: 2, output: 'yes', latency_ms: 3 }),
      JSON.stringify({ v: 2, id: 'b', digest: 'd', attempts: 1, output: 'future' }),
      '{"id": "c"}',
      '',
      '{"v":1,"id":"d","dig',
    ].join('\n'),
  );
  const cache = await readCache(p);
  assert.equal([...cache.keys()], ['a']);
  assert.equal(cache.get('a'), { v: 1, id: 'a', digest: 'd1', attempts: 2, output: 'yes', latency_ms: 3 });
});

test('the writer appends whole lines in order, starting on a fresh line after a torn one', async () => {
  const p = join(tmpdir({ 'c.jsonl': '{"v":1,"id":"torn' }), 'c.jsonl');
  const w = await CacheWriter.open(p);
  await Promise.all(
    Array.from({ length: 20 }, (_, i) => w.append(cacheLineFor({ id: `k${i}`, output: 'o'.repeat(1000), attempts: 1 }, 'dg'))),
  );
  await w.close();
  const lines = readFileSync(p, 'utf8').split('\n');
  assert.is(lines[0], '{"v":1,"id":"torn');
  assert.equal(lines.slice(1, -1).map((l) => JSON.parse(l).id), Array.from({ length: 20 }, (_, i) => `k${i}`));
  assert.is(lines.at(-1), '');
  assert.is((await readCache(p)).size, 20);
});

test.run();
