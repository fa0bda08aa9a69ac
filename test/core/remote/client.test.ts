import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { runRemote, readCache, type RemoteResult } from '../../../core/remote/index.ts';
import { recordingReporter } from '../../../core/progress.ts';
import { tmpdir } from '../../_util/tmp.ts';
import { answer, sendJson, sendLoraxError, delay } from '../../_util/lorax-server.ts';
import { cases, fakeServers, fakeSleep, rejects } from './_remote.ts';

const test = suite('remote client');

const { serve, closeAll } = fakeServers();
test.after.each(closeAll);

test('valid answers: one result per case in order, the LoRAX body and headers, latency measured', async () => {
  const lorax = await serve({ handler: answer(async (inputs) => (await delay(5), `ANS ${inputs}`)) });
  const reporter = recordingReporter();
  const results = await runRemote({
    endpoint: lorax.url,
    cases: cases(5),
    parameters: { adapter_id: 'bus-slots/3', max_new_tokens: 32, do_sample: false, details: true },
    token: 'tok-abc',
    reporter,
  });
  assert.equal(results.map((r) => r.id), ['c0', 'c1', 'c2', 'c3', 'c4']);
  assert.equal(results.map((r) => r.output), ['ANS q 0', 'ANS q 1', 'ANS q 2', 'ANS q 3', 'ANS q 4']);
  for (const r of results) {
    assert.is(r.attempts, 1);
    assert.is(r.error, undefined);
    assert.ok(r.latency_ms! >= 4 && r.latency_ms! < 5000, `latency ${r.latency_ms}`);
    assert.is(r.finish_reason, 'eos_token');
    assert.is(r.generated_tokens, 3);
  }
  assert.is(lorax.requests.length, 5);
  const req = lorax.requests[0]!;
  assert.is(req.route, 'lorax');
  assert.equal(JSON.parse(req.raw), {
    inputs: req.inputs,
    parameters: { adapter_id: 'bus-slots/3', max_new_tokens: 32, do_sample: false, details: true },
  });
  assert.is(req.headers.authorization, 'Bearer tok-abc');
  assert.match(String(req.headers['content-type']), /^application\/json/);
  const last = reporter.events.at(-1)!;
  assert.equal([last.stage, last.done, last.total], ['remote', 5, 5]);
});

test('a Predibase deployment URL: same client, token in the header only, never in the body', async () => {
  const lorax = await serve({ token: 'pb-token-1', handler: answer((inputs) => inputs.length.toString()) });
  const results = await runRemote({
    endpoint: lorax.predibaseUrl,
    cases: cases(2),
    parameters: { adapter_id: 'repo/1', api_token: 'pb-token-1' },
  });
  assert.equal(results.map((r) => r.output), ['3', '3']);
  for (const req of lorax.requests) {
    assert.is(req.route, 'predibase');
    assert.is(req.headers.authorization, 'Bearer pb-token-1');
    assert.not.ok(req.raw.includes('pb-token-1'), 'token not in the body');
  }
});

test('concurrency limit: never more in flight than asked, and the limit is used', async () => {
  const lorax = await serve({ handler: answer(async (i) => (await delay(40), i)) });
  const started = Date.now();
  const results = await runRemote({ endpoint: lorax.url, cases: cases(12), concurrency: 3 });
  assert.is(results.filter((r) => r.output !== undefined).length, 12);
  assert.is(lorax.maxInFlight, 3);
  // 12 cases × 40 ms / 3 at once ≈ 160 ms; one at a time would take ≥ 480 ms.
  assert.ok(Date.now() - started < 450, `took ${Date.now() - started} ms`);
});

test('malformed JSON and a 200 without generated_text become result errors, not crashes, and are not retried', async () => {
  const lorax = await serve({
    handler: (req, res) => {
      if (req.inputs === 'q 0') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end('{"generated_text": "unterminated');
      }
      if (req.inputs === 'q 1') return sendJson(res, 200, { text: 'wrong key' });
      if (req.inputs === 'q 2') return sendJson(res, 200, [{ generated_text: 'compat array' }]);
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>Bad Gateway</html>');
    },
  });
  const results = await runRemote({ endpoint: lorax.url, cases: cases(4), retries: 1, sleep: fakeSleep() });
  assert.is(results[0]!.error!.error_type, 'malformed_response');
  assert.match(results[0]!.error!.message, /not JSON/);
  assert.is(results[0]!.attempts, 1);
  assert.is(results[1]!.error!.error_type, 'malformed_response');
  assert.match(results[1]!.error!.message, /generated_text/);
  assert.is(results[2]!.output, 'compat array');
  assert.equal(results[3]!.error, { status: 502, message: '<html>Bad Gateway</html>' });
  assert.is(results[3]!.attempts, 2, '502 is retried');
});

test('an answer far larger than any generate response is refused without reading it all', async () => {
  const lorax = await serve({
    handler: (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const mb = Buffer.alloc(1024 * 1024, 0x61);
      res.write('{"generated_text": "');
      for (let i = 0; i < 17; i++) res.write(mb);
      res.end('"}');
    },
  });
  const results = await runRemote({ endpoint: lorax.url, cases: cases(1) });
  assert.is(results[0]!.error!.error_type, 'malformed_response');
  assert.match(results[0]!.error!.message, /larger than/);
  assert.is(results[0]!.attempts, 1);
});

test('a connection dropped mid-response, or before any answer, is retried; one that always drops ends bounded', async () => {
  const lorax = await serve({
    handler: (req, res) => {
      if (req.inputs === 'q 0' && req.attempt === 1) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' });
        res.write('{"generated_te');
        setTimeout(() => res.socket?.destroy(), 10);
        return;
      }
      if (req.inputs === 'q 1' && req.attempt === 1) return void res.socket?.destroy();
      if (req.inputs === 'q 2') return void res.socket?.destroy();
      return answer((i) => `fine ${i}`)(req, res);
    },
  });
  const started = Date.now();
  const results = await runRemote({ endpoint: lorax.url, cases: cases(3), retries: 2, sleep: fakeSleep() });
  assert.equal(results.slice(0, 2).map((r) => [r.output, r.attempts]), [['fine q 0', 2], ['fine q 1', 2]]);
  assert.is(results[2]!.error!.error_type, 'network');
  assert.match(results[2]!.error!.message, /connection failed/);
  assert.is(results[2]!.attempts, 3);
  assert.ok(Date.now() - started < 3000);
});

test('a server that never answers: each attempt times out, retries are bounded, nothing hangs', async () => {
  const lorax = await serve({ handler: () => {} });
  const started = Date.now();
  const results = await runRemote({ endpoint: lorax.url, cases: cases(3), timeoutMs: 150, retries: 1, backoff: 10, concurrency: 3 });
  const took = Date.now() - started;
  for (const r of results) {
    assert.is(r.error!.error_type, 'timeout');
    assert.is(r.attempts, 2);
  }
  assert.is(lorax.requests.length, 6);
  assert.ok(took >= 300 && took < 2000, `took ${took} ms`);
});

test('headers then silence: the timeout covers reading the body', async () => {
  const lorax = await serve({
    handler: (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"generated_text": "');
    },
  });
  const started = Date.now();
  const results = await runRemote({ endpoint: lorax.url, cases: cases(1), timeoutMs: 150, retries: 0 });
  assert.is(results[0]!.error!.error_type, 'timeout');
  assert.ok(Date.now() - started < 1500);
});

test('401 stops the whole run at once with E_REMOTE naming the status and the token hint', async () => {
  const lorax = await serve({ token: 'right-token' });
  const sleep = fakeSleep();
  const err = await rejects(runRemote({ endpoint: lorax.url, cases: cases(30), token: 'wrong-token', concurrency: 2, sleep }));
  assert.is(err.code, 'E_REMOTE');
  assert.match(err.message, /HTTP 401/);
  assert.match(err.message, /unauthorized/);
  assert.match(err.hint!, /PREDIBASE_API_TOKEN/);
  assert.ok(lorax.requests.length === 0, 'the fake answers 401 before the handler');
  assert.equal(sleep.waits, [], 'no retries');
});

test('401 with a handler: at most the requests already in flight are sent', async () => {
  const lorax = await serve({ handler: (_req, res) => sendLoraxError(res, 401, 'authentication', 'bad token') });
  const err = await rejects(runRemote({ endpoint: lorax.url, cases: cases(30), token: 't', concurrency: 2, sleep: fakeSleep() }));
  assert.is(err.code, 'E_REMOTE');
  assert.ok(lorax.requests.length <= 2, `${lorax.requests.length} requests`);
});

test('404 (wrong path) stops the run with a URL hint', async () => {
  const lorax = await serve();
  const err = await rejects(runRemote({ endpoint: `${lorax.url}/not-lorax`, cases: cases(3), sleep: fakeSleep() }));
  assert.is(err.code, 'E_REMOTE');
  assert.match(err.message, /HTTP 404/);
  assert.match(err.hint!, /check the URL/);
});

test('nothing listening: bounded retries, then one E_REMOTE saying the server is unreachable', async () => {
  // Take a free port, then free it, so nothing listens there.
  const port = await new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  const sleep = fakeSleep();
  const err = await rejects(runRemote({ endpoint: `http://127.0.0.1:${port}`, cases: cases(20), retries: 2, concurrency: 2, sleep }));
  assert.is(err.code, 'E_REMOTE');
  assert.match(err.message, /ECONNREFUSED/);
  assert.match(err.hint!, /server running/);
  assert.ok(sleep.waits.length <= 4, `${sleep.waits.length} waits`);
});

test('the token appears in no result, cache line, progress message or error, even when the server echoes it', async () => {
  const token = 'kolm-test-token-7f3a9c1e5b';
  const echo = (req: { headers: Record<string, unknown> }) => `you sent ${String(req.headers.authorization)}`;
  const lorax = await serve({
    handler: (req, res) => {
      if (req.inputs === 'q 0') return answer(() => echo(req))(req, res);
      if (req.inputs === 'q 1') return sendLoraxError(res, 500, 'generation', echo(req));
      if (req.inputs === 'q 2') return sendLoraxError(res, 422, 'validation', `${echo(req)} ${encodeURIComponent(token)}`);
      res.writeHead(200);
      res.end(`not json ${echo(req)}`);
    },
  });
  const dir = tmpdir();
  const cachePath = join(dir, 'ab.jsonl');
  const reporter = recordingReporter();
  const results = await runRemote({ endpoint: lorax.url, cases: cases(4), token, cachePath, reporter, retries: 1, sleep: fakeSleep() });
  assert.ok(lorax.requests.every((r) => r.headers.authorization === `Bearer ${token}`), 'the token was sent');
  assert.is(results[0]!.output, 'you sent Bearer [redacted]');
  assert.match(results[1]!.error!.message, /\[redacted\]/);

  const auth = await serve({ handler: (req, res) => sendLoraxError(res, 401, 'authentication', `bad token ${echo(req)}`) });
  const err = await rejects(runRemote({ endpoint: auth.url, cases: cases(1), token, reporter, sleep: fakeSleep() }));

  const everything = [
    JSON.stringify(results),
    readFileSync(cachePath, 'utf8'),
    JSON.stringify(reporter.events),
    JSON.stringify(reporter.infos),
    JSON.stringify(reporter.warnings),
    err.message,
    String(err.hint),
    JSON.stringify(err.toJSON()),
    String(err.stack),
  ].join('\n');
  assert.ok(everything.includes('[redacted]'));
  assert.not.ok(everything.includes(token), 'token leaked');
});

test('an aborted run keeps finished cases in the cache; the next run sends only the rest', async () => {
  const lorax = await serve({ handler: answer(async (i) => (await delay(2), `out ${i}`)) });
  const dir = tmpdir();
  const cachePath = join(dir, 'sub', 'ab.jsonl');
  const controller = new AbortController();
  const reporter = recordingReporter();
  const progress = reporter.progress;
  reporter.progress = (e) => {
    progress(e);
    if (e.done === 4) controller.abort();
  };
  const all = cases(10);
  const params = { adapter_id: 'a/1', max_new_tokens: 16 };
  const err = await rejects(
    runRemote({ endpoint: lorax.url, cases: all, parameters: params, concurrency: 1, cachePath, reporter, signal: controller.signal }),
  );
  assert.is(err.code, 'E_REMOTE');
  assert.match(err.message, /interrupted after 4 of 10/);
  assert.match(err.hint!, /ab\.jsonl/);
  const cached = await readCache(cachePath);
  assert.equal([...cached.keys()], ['c0', 'c1', 'c2', 'c3']);
  const sentFirst = lorax.requests.length;
  assert.ok(sentFirst <= 5, `${sentFirst} sent before the abort`);

  const second = recordingReporter();
  const results = await runRemote({ endpoint: lorax.url, cases: all, parameters: params, concurrency: 2, cachePath, reporter: second });
  const sentSecond = lorax.requests.slice(sentFirst).map((r) => r.inputs).sort();
  assert.equal(sentSecond, ['q 4', 'q 5', 'q 6', 'q 7', 'q 8', 'q 9']);
  assert.equal(results.map((r) => r.output), all.map((c) => `out ${c.prompt}`));
  assert.equal(results.map((r) => r.cached === true), [true, true, true, true, false, false, false, false, false, false]);
  assert.match(second.infos.join('\n'), /resuming: 4 of 10/);
  assert.equal(second.events[0], { stage: 'remote', done: 4, total: 10, message: `${lorax.url}/generate` });

  // Everything answered: a third run sends nothing.
  const before = lorax.requests.length;
  await runRemote({ endpoint: lorax.url, cases: all, parameters: params, cachePath });
  assert.is(lorax.requests.length, before);

  // A changed prompt re-sends that case only; changed parameters re-send all.
  const edited = all.map((c) => (c.id === 'c7' ? { ...c, prompt: 'q 7 edited' } : c));
  await runRemote({ endpoint: lorax.url, cases: edited, parameters: params, cachePath });
  assert.equal(lorax.requests.slice(before).map((r) => r.inputs), ['q 7 edited']);
  const mark = lorax.requests.length;
  await runRemote({ endpoint: lorax.url, cases: edited, parameters: { ...params, max_new_tokens: 17 }, cachePath });
  assert.is(lorax.requests.length - mark, 10);
});

test('cached failures are sent again; a line cut short by a crash is skipped', async () => {
  let fail = true;
  const lorax = await serve({
    handler: (req, res) => (fail && req.inputs === 'q 1' ? sendLoraxError(res, 422, 'validation', 'nope') : answer((i) => i)(req, res)),
  });
  const dir = tmpdir();
  const cachePath = join(dir, 'ab.jsonl');
  const first = await runRemote({ endpoint: lorax.url, cases: cases(3), cachePath, concurrency: 1 });
  assert.is(first[1]!.error!.status, 422);
  // Simulate a crash mid-write: half a line with no newline at the end.
  writeFileSync(cachePath, readFileSync(cachePath, 'utf8') + '{"v":1,"id":"c2","dig');
  fail = false;
  const mark = lorax.requests.length;
  const second = await runRemote({ endpoint: lorax.url, cases: cases(3), cachePath });
  assert.equal(lorax.requests.slice(mark).map((r) => r.inputs), ['q 1']);
  assert.equal(second.map((r) => r.output), ['q 0', 'q 1', 'q 2']);
  const lines = readFileSync(cachePath, 'utf8').split('\n').filter(Boolean);
  assert.ok(lines.every((l, i) => i === 3 || JSON.parse(l)), 'new lines start on a fresh line');
  assert.is(JSON.parse(lines.at(-1)!).id, 'c1');
});

test('aborting while a request hangs rejects promptly', async () => {
  const lorax = await serve({ handler: () => {} });
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const started = Date.now();
  const err = await rejects(runRemote({ endpoint: lorax.url, cases: cases(3), signal: controller.signal }));
  assert.match(err.message, /interrupted after 0 of 3/);
  assert.ok(Date.now() - started < 1000);
});

test('duplicate case ids and bad limits are refused before anything is sent', async () => {
  const lorax = await serve();
  let err = await rejects(runRemote({ endpoint: lorax.url, cases: [{ id: 'a', prompt: 'x' }, { id: 'a', prompt: 'y' }] }));
  assert.is(err.code, 'E_BAD_INPUT');
  err = await rejects(runRemote({ endpoint: lorax.url, cases: cases(1), concurrency: 0 }));
  assert.is(err.code, 'E_USAGE');
  err = await rejects(runRemote({ endpoint: lorax.url, cases: cases(1), token: 'has\nnewline' }));
  assert.is(err.code, 'E_USAGE');
  assert.not.match(err.message, /has\nnewline/);
  assert.is(lorax.requests.length, 0);
  const none: RemoteResult[] = await runRemote({ endpoint: lorax.url, cases: [] });
  assert.equal(none, []);
});

test.run();
