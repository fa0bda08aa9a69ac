// Thousands of malformed requests against one server: each must get a 4xx, and the server must keep
// serving good requests after them (and between them).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { artifacts, startServer, type TestServer } from './_serve.ts';

const test = suite('serve robustness');
let srv: TestServer;
let port: number;
const agent = new Agent({ keepAlive: true, maxSockets: 16 });

test.before(async () => {
  const { slots } = await artifacts();
  srv = await startServer([slots], { limits: { maxBodyBytes: 4096 }, requestTimeoutMs: 2_000 });
  port = Number(new URL(srv.url).port);
});
test.after(async () => {
  agent.destroy();
  await srv.close();
});

interface Req {
  method: string;
  path: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
}

function send(r: Req): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json', ...r.headers };
    if (r.body !== undefined) headers['content-length'] = Buffer.byteLength(r.body);
    const req = request({ agent, host: '127.0.0.1', port, method: r.method, path: r.path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end(r.body);
  });
}

/** Raw bytes on a fresh connection; the status of whatever comes back (0 when nothing does). */
function raw(bytes: string, stallMs = 0, tail?: string): Promise<number> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    let got = '';
    s.on('data', (d) => (got += d));
    s.on('error', () => {});
    s.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(got)?.[1] ?? 0)));
    s.write(bytes);
    if (tail !== undefined) setTimeout(() => s.writable && s.write(tail), stallMs);
  });
}

async function pool<T>(items: T[], n: number, fn: (item: T) => Promise<number>): Promise<number[]> {
  const out: number[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  }));
  return out;
}

const rand = (i: number) => ((i * 2654435761) >>> 0) / 4294967296;

function malformed(): { req: Req; expect: number; what: string }[] {
  const out: { req: Req; expect: number; what: string }[] = [];
  const BAD_JSON = ['{', '{"inputs":', '{"inputs":"x",}', 'nul', '[1,2', '{"inputs":"x"}}', "{'inputs':'x'}", '', ' ', '{"inputs":"\\x"}', 'NaN', '{"a":1 "b":2}'];
  for (let i = 0; i < 400; i++) {
    const path = ['/generate', '/', '/v1/completions', '/generate_stream', '/invocations', '/v1/chat/completions'][i % 6]!;
    out.push({ req: { method: 'POST', path, body: BAD_JSON[i % BAD_JSON.length]! + (i % 7 === 0 ? '' : ' '.repeat(i % 5)) }, expect: 400, what: 'bad JSON' });
  }
  // Not UTF-8.
  for (let i = 0; i < 50; i++) out.push({ req: { method: 'POST', path: '/generate', body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, i, 0x22, 0x7d]) }, expect: 400, what: 'not UTF-8' });
  const WRONG: unknown[] = [
    42, 'text', [1], null, true, {}, { inputs: 1 }, { inputs: null }, { inputs: ['a'] }, { inputs: { a: 1 } },
    { inputs: 'x', parameters: 'p' }, { inputs: 'x', parameters: [1] }, { inputs: 'x', parameters: { temperature: 'hot' } },
    { inputs: 'x', parameters: { max_new_tokens: -1 } }, { inputs: 'x', parameters: { max_new_tokens: 1.5 } },
    { inputs: 'x', parameters: { details: null } }, { inputs: 'x', parameters: { do_sample: 'yes' } }, { inputs: 'x', parameters: { stop: 'a' } },
    { inputs: 'x', parameters: { stop: [1] } }, { inputs: 'x', parameters: { seed: -5 } }, { inputs: 'x', parameters: { adapter_id: 7 } },
    { inputs: 'x', parameters: { response_format: { type: 'yaml' } } }, { inputs: 'x', parameters: { response_format: 'json' } },
    { inputs: 'x', parameters: { merged_adapters: { ids: 'a' } } }, { inputs: 'x', stream: 'yes' },
  ];
  for (let i = 0; i < 400; i++) {
    const body = WRONG[i % WRONG.length];
    const path = i % 2 ? '/generate' : '/';
    out.push({ req: { method: 'POST', path, body: JSON.stringify(body) }, expect: 422, what: `wrong type ${JSON.stringify(body)}` });
  }
  const OPENAI_WRONG: [string, unknown][] = [
    ['/v1/completions', { prompt: 'x' }], ['/v1/completions', { model: '', prompt: [[1, 2]] }], ['/v1/completions', { model: 1, prompt: 'x' }],
    ['/v1/chat/completions', { model: '' }], ['/v1/chat/completions', { model: '', messages: 'hi' }], ['/v1/chat/completions', { model: '', messages: [1] }],
    ['/v1/chat/completions', { model: '', messages: [{ role: 'user', content: 5 }] }], ['/v1/chat/completions', { model: '', messages: [] }],
  ];
  for (let i = 0; i < 160; i++) {
    const [path, body] = OPENAI_WRONG[i % OPENAI_WRONG.length]!;
    // OpenAI has no 422: /v1 refuses a body it cannot read with 400.
    out.push({ req: { method: 'POST', path, body: JSON.stringify(body) }, expect: 400, what: `openai ${JSON.stringify(body)}` });
  }
  const INVALID = [{ temperature: -1 }, { top_p: 2 }, { top_k: -3 }, { max_new_tokens: 0 }, { stop: ['a', 'b', 'c', 'd', 'e'] }, { best_of: 5, do_sample: true }, { typical_p: 0 }];
  for (let i = 0; i < 300; i++) {
    out.push({ req: { method: 'POST', path: '/generate', body: JSON.stringify({ inputs: i % 10 === 0 ? '' : 'Book me a bus to Reno.', parameters: INVALID[i % INVALID.length] }) }, expect: 422, what: 'invalid parameters' });
  }
  for (let i = 0; i < 200; i++) {
    const size = 4097 + Math.floor(rand(i) * 60_000);
    out.push({ req: { method: 'POST', path: '/generate', body: JSON.stringify({ inputs: 'z'.repeat(size) }) }, expect: 413, what: 'huge body' });
  }
  for (let i = 0; i < 100; i++) {
    out.push({ req: { method: 'POST', path: '/generate', body: '{"inputs":"x"}', headers: { 'content-type': ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'jsonx'][i % 4]! } }, expect: 415, what: 'content type' });
  }
  const METHODS: [string, string][] = [['GET', '/generate'], ['PUT', '/generate'], ['DELETE', '/'], ['PATCH', '/info'], ['POST', '/health'], ['POST', '/metrics'], ['GET', '/v1/completions'], ['POST', '/v1/models'], ['GET', '/generate_stream']];
  for (let i = 0; i < 300; i++) {
    const [method, path] = METHODS[i % METHODS.length]!;
    out.push({ req: { method, path, ...(method === 'GET' ? {} : { body: '{}' }) }, expect: 405, what: `${method} ${path}` });
  }
  for (let i = 0; i < 300; i++) {
    const path = ['/nope', '/generate/', '/v2/completions', '/GENERATE', `/x${i}`, '/generate%00', '/../etc/passwd', '//generate'][i % 8]!;
    out.push({ req: { method: i % 2 ? 'GET' : 'POST', path, body: '{}' }, expect: 404, what: `unknown route ${path}` });
  }
  return out;
}

test('2,000+ malformed requests each get their 4xx; the server keeps serving', async () => {
  const cases = malformed();
  assert.ok(cases.length >= 2000, `${cases.length} cases`);
  let served = 0;
  const statuses = await pool(cases, 16, async (c) => {
    const status = await send(c.req);
    if (Math.random() < 0.02) {
      assert.is(await send({ method: 'POST', path: '/generate', body: '{"inputs":"Book me a bus to Reno."}' }), 200, 'good requests in between');
      served++;
    }
    return status;
  });
  cases.forEach((c, i) => assert.is(statuses[i], c.expect, `${c.what} → ${statuses[i]}`));
  assert.ok(served >= 0);
  assert.is(await send({ method: 'POST', path: '/generate', body: '{"inputs":"Book me a bus to Reno."}' }), 200);
  assert.is(srv.handler.inFlight, 0, 'no request left holding a slot');
});

test('framing errors, slow bodies, slow headers and truncated streams get 400/408/431, and the server keeps serving', async () => {
  const jobs: (() => Promise<number>)[] = [];
  const expect: number[] = [];
  const add = (n: number, status: number, job: (i: number) => Promise<number>) => {
    for (let i = 0; i < n; i++) {
      jobs.push(() => job(i));
      expect.push(status);
    }
  };
  // Garbage request lines and bad chunked framing: the HTTP parser rejects them.
  add(40, 400, (i) => raw(['GARBAGE\r\n\r\n', 'GET / HTTP/9.9\r\n\r\n', 'POST /generate HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n', 'GET /\x00 HTTP/1.1\r\n\r\n'][i % 4]!));
  add(40, 400, (i) =>
    raw(`POST /generate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${['zz\r\n{}\r\n0\r\n\r\n', '5\r\n{"inputs"\r\n0\r\n\r\n', '3\r\n{}\r\n'][i % 3]!}`),
  );
  add(20, 400, () => raw('POST /generate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n{}'));
  add(20, 431, () => raw(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`));
  // A body that stops halfway: the request timeout answers 408.
  add(30, 408, () => raw('POST /generate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"inputs":"Book'));
  // Headers that never finish.
  add(20, 408, () => raw('POST /generate HTTP/1.1\r\nHost: x\r\nContent-Type: appl'));
  // A body trickled in slower than the timeout allows.
  add(10, 408, () => raw('POST /generate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{"in', 250, 'puts":'));
  // A truncated JSON stream: the body ends, the JSON does not.
  add(40, 400, (i) => {
    const full = JSON.stringify({ inputs: 'Book me a bus to Reno.', parameters: { details: true } });
    const cut = full.slice(0, 5 + (i % (full.length - 6)));
    return raw(`POST /generate HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${cut.length}\r\n\r\n${cut}`);
  });
  const statuses = await pool(jobs, 40, (job) => job());
  statuses.forEach((s, i) => assert.is(s, expect[i], `job ${i}`));
  assert.is(await send({ method: 'POST', path: '/generate', body: '{"inputs":"Book me a bus to Reno."}' }), 200, 'still serving');
  const metrics = await (await fetch(`${srv.url}/metrics`)).text();
  assert.match(metrics, /kolm_requests_total\{route="\/generate",artifact="slots",status="200"\}/);
});

test.run();
