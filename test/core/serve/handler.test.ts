// The router (handler.ts): unknown routes and methods, CORS preflight, body rejections and limits, the
// concurrency limit and shutdown, driven over real HTTP on a loopback port (lorax-api.md §1, §4).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { request } from 'node:http';
import { ERROR_KEYS, postJson, sseEvents, startServer, withServer, type Artifacts, type TestServer } from './_serve.ts';

const test = suite('serve handler');
let srv: TestServer;
let paths: Artifacts;
withServer(test, (s, p) => ((srv = s), (paths = p)));

test('body rejections are plain text, as axum makes them: 422 deserialize, 400 bad JSON, 415 content type', async () => {
  const wrongType = await postJson(`${srv.url}/generate`, { inputs: 'x', parameters: { temperature: 'hot' } });
  assert.is(wrongType.status, 422);
  assert.match(wrongType.headers.get('content-type')!, /^text\/plain/);
  assert.match(await wrongType.text(), /^Failed to deserialize the JSON body into the target type: parameters\.temperature: invalid type: string "hot", expected f32/);
  const missing = await postJson(`${srv.url}/generate`, { parameters: {} });
  assert.is(missing.status, 422);
  assert.match(await missing.text(), /^Failed to deserialize the JSON body into the target type: missing field `inputs`/);
  const nullBool = await postJson(`${srv.url}/generate`, { inputs: 'x', parameters: { details: null } });
  assert.is(nullBool.status, 422, 'null for a bool is a deserialize error');
  const badJson = await postJson(`${srv.url}/generate`, '{"inputs": ');
  assert.is(badJson.status, 400);
  assert.match(await badJson.text(), /^Failed to parse the request body as JSON: /);
  const noType = await fetch(`${srv.url}/generate`, { method: 'POST', body: '{"inputs":"x"}', headers: { 'content-type': 'text/plain' } });
  assert.is(noType.status, 415);
  assert.is(await noType.text(), 'Expected request with `Content-Type: application/json`');
  const unknownKeys = await postJson(`${srv.url}/generate`, { inputs: 'Book me a bus to Reno.', parameters: { watermark: true, adapter_source: 'pbase', api_token: 'secret', whatever: 1 }, extra: true });
  assert.is(unknownKeys.status, 200, 'unknown keys and meaningless parameters are accepted');
  assert.not.ok(JSON.stringify(srv.logs).includes('secret'), 'the api_token is never logged');
});

test('unknown routes 404 and wrong methods 405 with the ErrorResponse shape; OPTIONS is a CORS preflight', async () => {
  const nf = await fetch(`${srv.url}/nope`);
  assert.is(nf.status, 404);
  assert.equal(Object.keys(await nf.json()), ERROR_KEYS);
  const wrong = await fetch(`${srv.url}/generate`);
  assert.is(wrong.status, 405);
  assert.is(wrong.headers.get('allow'), 'POST');
  const pre = await fetch(`${srv.url}/generate`, { method: 'OPTIONS' });
  assert.is(pre.status, 204);
  assert.is(pre.headers.get('access-control-allow-origin'), '*');
});

test('overload: past max-concurrency running generate requests get 429 {"error":"Model is overloaded","error_type":"overloaded"}, then it recovers', async () => {
  // The model thinks until the test lets it: two complete requests hold both slots meanwhile.
  let release!: () => void;
  const thought = new Promise<void>((r) => (release = r));
  const small = await startServer([paths.slots], { limits: { maxConcurrency: 2, maxPerClient: 8 }, thinking: () => thought });
  try {
    const held = [0, 1].map(() => postJson(`${small.url}/generate`, { inputs: 'Book me a bus to Reno.' }));
    while (small.handler.inFlight < 2) await new Promise((r) => setTimeout(r, 5));
    const over = await postJson(`${small.url}/generate`, { inputs: 'Book me a bus to Reno.' });
    assert.is(over.status, 429);
    assert.equal(await over.json(), { error: 'Model is overloaded', error_type: 'overloaded' });
    const overStream = await postJson(`${small.url}/generate_stream`, { inputs: 'Book me a bus to Reno.' });
    assert.is(overStream.status, 200, 'the stream route sends overload as an event');
    assert.equal(JSON.parse(sseEvents(await overStream.text())[0]!.data), { error: 'Model is overloaded', error_type: 'overloaded' });
    const health = await fetch(`${small.url}/health`);
    assert.is(health.status, 200, 'health is never overloaded');
    release();
    assert.equal((await Promise.all(held)).map((r) => r.status), [200, 200], 'the held requests finish');
    const after = await postJson(`${small.url}/generate`, { inputs: 'Book me a bus to Reno.' });
    assert.is(after.status, 200, 'recovered once slots are free');
    assert.match(await (await fetch(`${small.url}/metrics`)).text(), /lorax_request_failure\{err="overloaded"\} 2/);
  } finally {
    release();
    await small.close();
  }
});

test('body size limit: 413 before reading a body announced too large, and while reading one that grows too large', async () => {
  const small = await startServer([paths.slots], { limits: { maxBodyBytes: 1024 } });
  try {
    const big = await postJson(`${small.url}/generate`, { inputs: 'x'.repeat(5000) });
    assert.is(big.status, 413);
    assert.is((await big.json()).error_type, 'payload_too_large');
    // Chunked (no content-length): the limit is found while reading.
    const chunked = await fetch(`${small.url}/generate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(`{"inputs":"${'y'.repeat(4000)}"}`)); c.close(); } }),
      duplex: 'half',
    } as RequestInit);
    assert.is(chunked.status, 413);
    const ok = await postJson(`${small.url}/generate`, { inputs: 'Book me a bus to Reno.' });
    assert.is(ok.status, 200, 'still serving');
  } finally {
    await small.close();
  }
});

test('shutdown: /health turns 503 unhealthy, in-flight requests finish, then the server closes', async () => {
  const s = await startServer([paths.slots]);
  const port = Number(new URL(s.url).port);
  const body = JSON.stringify({ inputs: 'Book me a bus to Reno.' });
  const req = request({ port, host: '127.0.0.1', method: 'POST', path: '/generate', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
  const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, text }));
    });
    req.on('error', reject);
  });
  req.write(body.slice(0, 10));
  while (s.handler.pendingBodies < 1) await new Promise((r) => setTimeout(r, 5));
  s.draining.value = true;
  const health = await fetch(`${s.url}/health`, { headers: { connection: 'close' } });
  assert.is(health.status, 503);
  assert.equal(await health.json(), { error: 'unhealthy', error_type: 'healthcheck' });
  const closing = s.close();
  await new Promise((r) => setTimeout(r, 50));
  req.end(body.slice(10));
  const r = await answered;
  assert.is(r.status, 200, 'the in-flight request is answered');
  assert.equal(JSON.parse(JSON.parse(r.text).generated_text), { to_location: 'Reno' });
  await closing;
  let refused = false;
  await fetch(`${s.url}/health`).catch(() => (refused = true));
  assert.ok(refused, 'no new connections after shutdown');
});

test.run();
