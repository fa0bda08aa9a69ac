import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CACHE_VERSION, type CacheLine } from '../../../core/remote/index.ts';
import { resumeState } from '../../../core/remote/resume.ts';

const test = suite('remote resume');

const cases = [{ id: 'a', prompt: 'x' }, { id: 'b', prompt: 'y' }, { id: 'c', prompt: 'z' }, { id: 'd', prompt: 'w' }];
const digests = ['da', 'db', 'dc', 'dd'];
const line = (id: string, digest: string, extra: Partial<CacheLine>): CacheLine => ({ v: CACHE_VERSION, id, digest, attempts: 1, ...extra });

test('a case is answered from the cache only for the same digest and with an output; the rest are pending in order', () => {
  const cached = new Map<string, CacheLine>([
    ['a', line('a', 'da', { output: 'A', latency_ms: 3, finish_reason: 'eos_token' })],
    ['b', line('b', 'OTHER', { output: 'B' })],
    ['c', line('c', 'dc', { error: { status: 422, message: 'nope' } })],
  ]);
  const { results, pending } = resumeState(cases, digests, cached);
  assert.equal(pending, [1, 2, 3], '~> changed request, cached failure and uncached are sent');
  assert.equal(results[0], { id: 'a', attempts: 1, cached: true, output: 'A', latency_ms: 3, finish_reason: 'eos_token' });
  assert.equal(results.slice(1), [undefined, undefined, undefined]);
  assert.is(results.length, 4);
});

test('no cache: every case is pending and no result is filled', () => {
  const { results, pending } = resumeState(cases, digests, undefined);
  assert.equal(pending, [0, 1, 2, 3]);
  assert.is(results.length, 4);
  assert.ok(results.every((r) => r === undefined));
});

test.run();
