// An A/B has an overall deadline: a server that asks every case to retry after 30 s would otherwise keep
// it going for hours. At the deadline the run stops with a clear E_REMOTE, the finished cases stay in the
// resume cache, and the next run sends only the rest. (The deadline here is 2 s against 30 s waits.)
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { readCache, runRemote } from '../../../core/remote/index.ts';
import { KolmError } from '../../../core/errors.ts';
import { tmpdir } from '../../_util/tmp.ts';
import { sendJson, sendLoraxError } from '../../_util/lorax-server.ts';
import { cases, fakeServers, rejects } from './_remote.ts';

const test = suite('remote: overall deadline');
const { serve, closeAll } = fakeServers();
test.after.each(closeAll);

test('Retry-After 30 s on every case but one: stops at the deadline, keeps the finished case, resumes', async () => {
  let recovered = false;
  const slow = await serve({
    handler(req, res) {
      if (recovered) return sendJson(res, 200, { generated_text: `A ${req.inputs}` });
      if (req.inputs === 'q 0') return sendJson(res, 200, { generated_text: 'first' });
      sendLoraxError(res, 429, 'overloaded', 'try later', { 'retry-after': '30' });
    },
  });
  const cachePath = join(tmpdir(), 'ab.jsonl');
  const e = await rejects(runRemote({ endpoint: slow.url, cases: cases(6), cachePath, deadlineMs: 2000, concurrency: 2 }));
  assert.is(e.code, 'E_REMOTE');
  assert.match(e.message, /reached its deadline of 2000 ms after 1 of 6 cases/);
  assert.match(e.hint!, /run it again to resume: the 1 finished cases are kept in/);
  assert.equal(e.data, { done: 1, total: 6, deadline_ms: 2000 });
  assert.equal([...(await readCache(cachePath)).keys()], ['c0']);

  // The same endpoint (the cache is keyed by it), now answering: only the unfinished cases are sent.
  recovered = true;
  const before = slow.requests.length;
  const results = await runRemote({ endpoint: slow.url, cases: cases(6), cachePath });
  assert.equal(slow.requests.slice(before).map((r) => r.inputs).sort(), ['q 1', 'q 2', 'q 3', 'q 4', 'q 5']);
  assert.equal(results.map((r) => r.cached ?? false), [false, false, false, false, false, false].map((_, i) => i === 0));
});

test('an abort by the caller is still an interruption, not a deadline', async () => {
  const lorax = await serve({ handler: (_req, res) => sendLoraxError(res, 503, 'overloaded', 'later', { 'retry-after': '30' }) });
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const e = await rejects(runRemote({ endpoint: lorax.url, cases: cases(2), signal: controller.signal, deadlineMs: 60_000 }));
  assert.match(e.message, /was interrupted after 0 of 2 cases/);
});

test('a deadline that is not a positive whole number is a usage error', async () => {
  for (const deadlineMs of [0, -5, 1.5]) {
    const e = await rejects(runRemote({ endpoint: 'http://127.0.0.1:9', cases: cases(1), deadlineMs }));
    assert.instance(e, KolmError);
    assert.is(e.code, 'E_USAGE');
  }
});

test.run();
