import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { defaultSleep, parseRetryAfter, runRemote } from '../../../core/remote/index.ts';
import { isRetryStatus, retryWait, withRetries, type RetryPolicy } from '../../../core/remote/retry.ts';
import { recordingReporter } from '../../../core/progress.ts';
import { answer, sendLoraxError } from '../../_util/lorax-server.ts';
import { cases, fakeServers, fakeSleep } from './_remote.ts';

const test = suite('remote retry');

const { serve, closeAll } = fakeServers();
test.after.each(closeAll);

test('429 then success: Retry-After is honoured (and capped), the case succeeds on the retry', async () => {
  const lorax = await serve({
    handler: (req, res) => {
      if (req.attempt === 1) {
        const after = req.inputs === 'q 0' ? '2' : '3600';
        return sendLoraxError(res, 429, 'overloaded', 'Model is overloaded', { 'retry-after': after });
      }
      return answer((i) => `ok ${i}`)(req, res);
    },
  });
  const sleep = fakeSleep();
  const results = await runRemote({ endpoint: lorax.url, cases: cases(2), concurrency: 1, sleep, maxRetryAfterMs: 10_000 });
  assert.equal(results.map((r) => [r.output, r.attempts]), [['ok q 0', 2], ['ok q 1', 2]]);
  assert.equal(sleep.waits, [2000, 10_000]);
  assert.is(lorax.requests.length, 4);
});

test('500s: bounded retries with jittered exponential backoff, then the LoRAX error body in the result', async () => {
  const lorax = await serve({ handler: (_req, res) => sendLoraxError(res, 500, 'incomplete_generation', 'Incomplete generation') });
  const sleep = fakeSleep();
  const reporter = recordingReporter();
  const results = await runRemote({
    endpoint: lorax.url,
    cases: cases(1),
    retries: 3,
    backoff: 100,
    random: () => 0.5,
    sleep,
    reporter,
  });
  assert.equal(results[0], {
    id: 'c0',
    error: { status: 500, error_type: 'incomplete_generation', message: 'Incomplete generation' },
    attempts: 4,
  });
  assert.is(lorax.requests.length, 4);
  // retry n waits between half and all of 100·2^(n-1); random 0.5 → three quarters of it
  assert.equal(sleep.waits, [75, 150, 300]);
  assert.ok(reporter.events.some((e) => /retry 1\/3/.test(e.message ?? '')), 'retries are reported');
});

test('backoff is capped by maxBackoffMs', async () => {
  const lorax = await serve({ handler: (_req, res) => sendLoraxError(res, 503, 'overloaded', 'busy') });
  const sleep = fakeSleep();
  await runRemote({ endpoint: lorax.url, cases: cases(1), retries: 5, backoff: 1000, maxBackoffMs: 3000, random: () => 1, sleep });
  assert.equal(sleep.waits, [1000, 2000, 3000, 3000, 3000]);
});

test('422 validation and 424 generation errors are not retried; other cases go on', async () => {
  const lorax = await serve({
    handler: (req, res) => {
      if (req.inputs === 'q 1') return sendLoraxError(res, 424, 'generation', 'Request failed during generation: adapter not found');
      return answer((i) => i)(req, res);
    },
  });
  const results = await runRemote({
    endpoint: lorax.url,
    cases: [...cases(2), { id: 'empty', prompt: '' }],
    sleep: fakeSleep(),
  });
  assert.equal(results[0], { id: 'c0', output: 'q 0', latency_ms: results[0]!.latency_ms, attempts: 1 });
  assert.equal(results[1]!.error, { status: 424, error_type: 'generation', message: 'Request failed during generation: adapter not found' });
  assert.equal(results[2]!.error, { status: 422, error_type: 'validation', message: 'Input validation error: `inputs` cannot be empty' });
  assert.equal(results.map((r) => r.attempts), [1, 1, 1]);
  assert.is(lorax.requests.length, 3);
});

test('which statuses retry: 429 and the gateway 5xx; 424 and other 4xx are final', () => {
  assert.equal([429, 500, 502, 503, 504].map(isRetryStatus), [true, true, true, true, true]);
  assert.equal([400, 413, 422, 424, 501, 505].map(isRetryStatus), [false, false, false, false, false, false]);
});

test('parseRetryAfter: seconds or an HTTP date, never negative; absent or unreadable is undefined', () => {
  assert.is(parseRetryAfter('2'), 2000);
  assert.is(parseRetryAfter(' 1.5 '), 1500);
  const now = Date.parse('2024-01-01T00:00:00Z');
  assert.is(parseRetryAfter('Mon, 01 Jan 2024 00:00:10 GMT', now), 10_000);
  assert.is(parseRetryAfter('Sun, 31 Dec 2023 23:59:00 GMT', now), 0, '~> a date in the past waits 0');
  assert.is(parseRetryAfter(null), undefined);
  assert.is(parseRetryAfter('soon'), undefined);
  assert.is(parseRetryAfter(''), undefined);
});

test('retryWait: jittered exponential backoff capped by maxBackoffMs; Retry-After wins, capped by maxRetryAfterMs', () => {
  const policy = { backoff: 100, maxBackoffMs: 1000, maxRetryAfterMs: 5000 };
  assert.equal([1, 2, 3].map((n) => retryWait(n, undefined, { ...policy, random: () => 0 })), [50, 100, 200], '~> random 0: half');
  assert.equal([1, 2, 3].map((n) => retryWait(n, undefined, { ...policy, random: () => 1 })), [100, 200, 400], '~> random 1: all');
  assert.is(retryWait(10, undefined, { ...policy, random: () => 1 }), 1000, '~> capped');
  let drawn = 0;
  const counting = { ...policy, random: () => (drawn++, 0.5) };
  assert.is(retryWait(1, 3000, counting), 3000);
  assert.is(retryWait(1, 60_000, counting), 5000);
  assert.is(drawn, 0, '~> no jitter is drawn when the server said when');
});

test('withRetries: stops at the first final outcome, or returns the last retry after `retries` retries; an abort ends the wait', async () => {
  type O = { kind: 'retry'; retryAfterMs?: number } | { kind: 'ok' };
  const policy = (retries: number, sleep = fakeSleep()): RetryPolicy => ({ retries, backoff: 10, maxBackoffMs: 100, maxRetryAfterMs: 100, random: () => 1, sleep });
  const signal = new AbortController().signal;
  const script = (...outcomes: O[]) => {
    let i = 0;
    return async (): Promise<O> => outcomes[Math.min(i++, outcomes.length - 1)]!;
  };
  const heard: [number, number][] = [];
  let r = await withRetries(script({ kind: 'retry' }, { kind: 'retry', retryAfterMs: 70 }, { kind: 'ok' }), policy(5), signal, (_o, n, w) => heard.push([n, w]));
  assert.equal(r, { outcome: { kind: 'ok' }, attempts: 3 });
  assert.equal(heard, [[1, 10], [2, 70]], '~> each wait is heard with its retry number');
  r = await withRetries(script({ kind: 'retry' }), policy(2), signal, () => {});
  assert.equal(r, { outcome: { kind: 'retry' }, attempts: 3 }, '~> spent: the last retry outcome comes back');
  r = await withRetries(script({ kind: 'retry' }), policy(0), signal, () => assert.unreachable('no retry with retries 0'));
  assert.is(r.attempts, 1);
  const controller = new AbortController();
  const abortingSleep = Object.assign(async () => controller.abort(), { waits: [] as number[] });
  r = await withRetries(script({ kind: 'retry' }), policy(5, abortingSleep), controller.signal, () => {});
  assert.equal(r, { outcome: { kind: 'aborted' }, attempts: 1 });
});

test('defaultSleep waits the time, and resolves at once when the signal aborts', async () => {
  let started = performance.now();
  await defaultSleep(30, new AbortController().signal);
  assert.ok(performance.now() - started >= 25, 'waited');
  const controller = new AbortController();
  started = performance.now();
  setTimeout(() => controller.abort(), 10);
  await defaultSleep(10_000, controller.signal);
  assert.ok(performance.now() - started < 1000, 'cut short by the abort');
  controller.abort();
  await defaultSleep(10_000, controller.signal);
});
test.run();
