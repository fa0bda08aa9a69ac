import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runPool } from '../../../core/remote/pool.ts';
import { delay } from '../../_util/lorax-server.ts';

const test = suite('remote pool');

test('every item runs once, never more than `concurrency` at once, and the limit is reached', async () => {
  let running = 0;
  let most = 0;
  const seen: number[] = [];
  await runPool([1, 2, 3, 4, 5, 6, 7], 3, new AbortController().signal, async (n) => {
    running++;
    most = Math.max(most, running);
    await delay(n % 2 ? 5 : 1);
    seen.push(n);
    running--;
  });
  assert.equal([...seen].sort(), [1, 2, 3, 4, 5, 6, 7]);
  assert.is(most, 3);
});

test('an abort starts no new item; the ones running finish', async () => {
  const controller = new AbortController();
  const started: number[] = [];
  const finished: number[] = [];
  await runPool([1, 2, 3, 4, 5], 2, controller.signal, async (n) => {
    started.push(n);
    if (n === 2) controller.abort();
    await delay(2);
    finished.push(n);
  });
  assert.equal(started, [1, 2]);
  assert.equal(finished.sort(), [1, 2]);
});

test('no items or an aborted signal: nothing runs; a throwing item rejects the pool', async () => {
  await runPool([], 4, new AbortController().signal, async () => assert.unreachable('no items'));
  const aborted = new AbortController();
  aborted.abort();
  await runPool([1], 4, aborted.signal, async () => assert.unreachable('aborted'));
  try {
    await runPool([1, 2], 1, new AbortController().signal, async (n) => {
      if (n === 1) throw new Error('boom');
    });
    assert.unreachable('should reject');
  } catch (err) {
    assert.is((err as Error).message, 'boom');
  }
});

test.run();
