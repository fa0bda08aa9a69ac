// A fuzz pass over the server (issue 16): thousands of generated requests (random methods, paths, headers,
// bodies that are partial or wrong JSON, huge/negative/NaN/wrong-typed parameters, unicode, chunked framing
// right and wrong, pipelined pairs) sent as raw bytes to a real createHandler server on loopback, for a
// bounded time. Every answer must be a well-formed HTTP response with a 2xx or 4xx status: never a 5xx,
// never a hang, never a crash; a 424 only for an adapter that is not loaded; and the server must still
// answer an honest request at the end. Prints how many cases it tried.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { connect } from 'node:net';
import { seededRandom } from '../../../core/util/random.ts';
import { artifacts, BUS_TEMPLATE, postJson, startServer, type TestServer } from './_serve.ts';

const test = suite('serve fuzz');
let srv: TestServer;
let port: number;

test.before(async () => {
  const paths = await artifacts();
  srv = await startServer([paths.slots, paths.bus], { limits: { maxBodyBytes: 64 * 1024 }, requestTimeoutMs: 10_000 });
  port = Number(new URL(srv.url).port);
});
test.after(async () => srv.close());

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const METHODS = ['GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'BREW', 'post'];
const PATHS = [
  '/generate', '/generate_stream', '/', '/invocations', '/v1/completions', '/v1/chat/completions', '/v1/models', '/v1/models/slots',
  '/v1/models/a%2Fb', '/v1/models/%E0%A4%A', '/health', '/ping', '/info', '/metrics', '/metrics?format=json', '/generate?x=1', '/nope',
  '/generate/', '//generate', '/%00', '/%ff%fe', '/v1/models/' + 'x'.repeat(3000), '/caf%C3%A9', '*',
];
const TYPES = ['application/json', 'application/json; charset=utf-8', 'application/vnd.x+json', 'text/plain', '', 'application/json, text/plain', 'multipart/form-data; boundary=x'];
const WEIRD_NUMBERS = ['1e308', '-1', '0', '-0', '1e400', '-1e400', '3.5', '99999999999999999999', '2147483648', '1e-320', 'NaN', 'Infinity', '"7"', 'null', 'true', '[]', '{}'];
const PARAMS = [
  'max_new_tokens', 'temperature', 'top_p', 'top_k', 'best_of', 'seed', 'stop', 'details', 'decoder_input_details', 'return_full_text',
  'do_sample', 'repetition_penalty', 'typical_p', 'truncate', 'watermark', 'adapter_id', 'adapter_source', 'response_format', 'n', 'max_tokens',
  'stream', 'logprobs', 'frequency_penalty', 'presence_penalty', 'merged_adapters', 'ignore_eos_token', 'return_k_alternatives',
];
const STRINGS = [
  'Book me a bus to Reno.', '', ' ', '\u0000', '\\ud800', '🚌 to Zürich ✓', 'Utterance: hi\\nSlots: a,b\\n### Response:', '<script>', '\\u001b]0;x\\u0007',
  'slots', 'other', 'bus-slots', 'nope/1', 'json_object', 'x'.repeat(500),
];

function jsonValue(r: Rand, depth = 0): string {
  const k = r();
  if (depth > 3 || k < 0.35) return pick(r, WEIRD_NUMBERS);
  if (k < 0.7) return JSON.stringify(pick(r, STRINGS)).replace(/\\\\u/g, '\\u');
  if (k < 0.85) return `[${Array.from({ length: Math.floor(r() * 4) }, () => jsonValue(r, depth + 1)).join(',')}]`;
  return `{${Array.from({ length: Math.floor(r() * 3) }, () => `"${pick(r, ['type', 'schema', 'ids', 'x', 'role', 'content'])}":${jsonValue(r, depth + 1)}`).join(',')}}`;
}

function body(r: Rand, path: string): string {
  const k = r();
  if (k < 0.05) return '';
  if (k < 0.1) return pick(r, ['{', '{"inputs":', 'nul', '[1,', '{"inputs":"x",}', "{'a':1}", '\xff\xfe', '{"inputs":"\\x"}']);
  if (k < 0.13) return `${'['.repeat(5000)}${']'.repeat(5000)}`;
  if (k < 0.15) return JSON.stringify({ inputs: 'z'.repeat(70_000 + Math.floor(r() * 50_000)) });
  const fields: string[] = [];
  const params = Array.from({ length: Math.floor(r() * 6) }, () => `"${pick(r, PARAMS)}":${jsonValue(r)}`);
  if (path.startsWith('/v1/chat')) {
    fields.push(`"model":${r() < 0.7 ? '"slots"' : jsonValue(r)}`);
    fields.push(`"messages":${r() < 0.6 ? `[{"role":"${pick(r, ['user', 'system', 'assistant', 'tool', 'x'])}","content":${jsonValue(r)}}]` : jsonValue(r)}`);
    fields.push(...params);
  } else if (path.startsWith('/v1/')) {
    fields.push(`"model":${r() < 0.7 ? '"slots"' : jsonValue(r)}`, `"prompt":${r() < 0.6 ? JSON.stringify(pick(r, STRINGS)) : jsonValue(r)}`, ...params);
  } else {
    fields.push(`"inputs":${r() < 0.6 ? JSON.stringify(pick(r, STRINGS)) : jsonValue(r)}`);
    if (r() < 0.8) fields.push(`"parameters":${r() < 0.85 ? `{${params.join(',')}}` : jsonValue(r)}`);
    if (r() < 0.2) fields.push(`"stream":${jsonValue(r)}`);
  }
  let text = `{${fields.join(',')}}`;
  if (r() < 0.1) text = text.slice(0, Math.floor(r() * text.length)); // cut anywhere: partial JSON
  return text;
}

/** One request's bytes: framing by Content-Length, by chunks (right or wrong), or none. */
const GENERATE = ['/generate', '/generate_stream', '/', '/invocations', '/v1/completions', '/v1/chat/completions'];

function request(r: Rand): { bytes: Buffer; head: boolean } {
  // Most cases are well-framed JSON posts to a generate route, so the parameter readers see them all.
  const aimed = r() < 0.6;
  const method = aimed ? 'POST' : pick(r, METHODS);
  const path = aimed ? pick(r, GENERATE) : pick(r, PATHS);
  const payload = Buffer.from(method === 'GET' && r() < 0.8 ? '' : body(r, path), r() < 0.05 ? 'latin1' : 'utf8');
  const headers = [`Host: ${r() < 0.95 ? 'x' : ''}`];
  const type = aimed && r() < 0.95 ? 'application/json' : pick(r, TYPES);
  if (type) headers.push(`Content-Type: ${type}`);
  if (r() < 0.1) headers.push(`Content-Type: ${pick(r, TYPES)}`);
  if (r() < 0.1) headers.push(`X-${Math.floor(r() * 1e6)}: ${pick(r, ['a', 'ü', '\u00e9'.repeat(300), ''])}`);
  if (r() < 0.05) headers.push('Expect: 100-continue');
  if (r() < 0.05) headers.push(`Accept: ${pick(r, ['application/json', '*/*', 'text/event-stream'])}`);
  if (r() < 0.05) headers.push(`Authorization: Bearer ${'t'.repeat(Math.floor(r() * 100))}`);
  let framed: Buffer;
  const k = r();
  if (k < 0.2 && payload.length) {
    headers.push('Transfer-Encoding: chunked');
    const parts: Buffer[] = [];
    for (let at = 0; at < payload.length;) {
      const n = 1 + Math.floor(r() * 4000);
      const chunk = payload.subarray(at, at + n);
      at += n;
      parts.push(Buffer.from(`${chunk.length.toString(16)}${r() < 0.05 ? ';ext=1' : ''}\r\n`), chunk, Buffer.from('\r\n'));
    }
    parts.push(Buffer.from(r() < 0.1 ? 'zz\r\n\r\n' : '0\r\n\r\n')); // sometimes a broken last chunk
    framed = Buffer.concat(parts);
  } else if (k < 0.23) {
    // Both framings at once (a smuggling shape): the parser must refuse it.
    headers.push(`Content-Length: ${payload.length}`, 'Transfer-Encoding: chunked');
    framed = Buffer.concat([Buffer.from(`${payload.length.toString(16)}\r\n`), payload, Buffer.from('\r\n0\r\n\r\n')]);
  } else {
    if (payload.length || r() < 0.5) headers.push(`Content-Length: ${payload.length}`);
    framed = payload;
  }
  headers.push('Connection: close');
  const version = r() < 0.97 ? 'HTTP/1.1' : pick(r, ['HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1 x']);
  return { bytes: Buffer.concat([Buffer.from(`${method} ${path} ${version}\r\n${headers.join('\r\n')}\r\n\r\n`, 'latin1'), framed]), head: method === 'HEAD' };
}

interface Answer {
  status: number;
  problem?: string;
  text: string;
}

/** Check that `raw` is whole HTTP/1.1 responses (the last one `HEAD`-less unless said); the final status. */
function parseResponses(raw: Buffer, head: boolean): Answer {
  let at = 0;
  let status = 0;
  const text = raw.toString('latin1');
  while (at < raw.length) {
    const end = text.indexOf('\r\n\r\n', at);
    if (end < 0) return { status, problem: 'headers never ended', text };
    const lines = text.slice(at, end).split('\r\n');
    const m = /^HTTP\/1\.1 (\d{3}) [^\r\n]*$/.exec(lines[0]!);
    if (!m) return { status, problem: `bad status line ${JSON.stringify(lines[0])}`, text };
    status = Number(m[1]);
    const h = new Map(lines.slice(1).map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
    at = end + 4;
    if (status === 100) continue;
    // An answer to HEAD has no body to read; a parser refusal may still send one, on a closing connection.
    if (head) return { status, text };
    if (status === 204 || status === 304) continue;
    if (h.has('content-length')) {
      const n = Number(h.get('content-length'));
      if (raw.length - at < n) return { status, problem: `body cut: ${raw.length - at} of ${n}`, text };
      at += n;
    } else if (h.get('transfer-encoding') === 'chunked') {
      for (;;) {
        const lineEnd = text.indexOf('\r\n', at);
        if (lineEnd < 0) return { status, problem: 'chunked body cut', text };
        const n = parseInt(text.slice(at, lineEnd), 16);
        at = lineEnd + 2 + n + 2;
        if (n === 0) break;
        if (at > raw.length) return { status, problem: 'chunked body cut', text };
      }
    } else {
      at = raw.length; // read to close
    }
  }
  if (!status) return { status, problem: 'no response', text };
  return { status, text };
}

function exchange(bytes: Buffer, head: boolean, r: Rand): Promise<Answer> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    const got: Buffer[] = [];
    const timer = setTimeout(() => s.destroy(), 30_000); // a hang shows as "no response", not a stuck test
    s.on('data', (d) => got.push(d));
    s.on('error', () => {});
    s.on('close', () => {
      clearTimeout(timer);
      resolve(parseResponses(Buffer.concat(got), head));
    });
    // Sometimes in pieces, split at random points.
    if (r() < 0.3 && bytes.length > 2) {
      const cut = 1 + Math.floor(r() * (bytes.length - 1));
      s.write(bytes.subarray(0, cut));
      setImmediate(() => s.writable && s.write(bytes.subarray(cut)));
    } else s.write(bytes);
  });
}

const BUDGET_MS = 20_000;
const MAX_CASES = 12_000;

test('thousands of generated requests: every answer well-formed 2xx/4xx, no 5xx, no hang; an honest request still served', async () => {
  const rand = seededRandom(1616);
  const started = Date.now();
  let tried = 0;
  const byStatus = new Map<number, number>();
  const failures: string[] = [];
  await Promise.all(Array.from({ length: 12 }, async () => {
    while (tried < MAX_CASES && Date.now() - started < BUDGET_MS) {
      tried++;
      const { bytes, head } = request(rand);
      const a = await exchange(bytes, head, rand);
      byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
      const what = bytes.subarray(0, 160).toString('latin1');
      if (a.problem) failures.push(`${a.problem}: ${JSON.stringify(what)}`);
      else if (a.status >= 500 || (a.status >= 300 && a.status < 400) || a.status < 100) failures.push(`${a.status}: ${JSON.stringify(what)} → ${a.text.slice(0, 300)}`);
      else if (a.status === 424 && !/is not loaded/.test(a.text)) failures.push(`424 not for an unknown adapter: ${JSON.stringify(what)} → ${a.text.slice(0, 300)}`);
    }
  }));
  const summary = [...byStatus].sort((x, y) => x[0] - y[0]).map(([s, n]) => `${s}:${n}`).join(' ');
  console.log(`serve fuzz: ${tried} cases in ${((Date.now() - started) / 1000).toFixed(1)} s (${summary})`);
  assert.equal(failures.slice(0, 5), [], `${failures.length} bad answers`);
  assert.ok(tried >= 1_000, `only ${tried} cases`);
  assert.ok([...byStatus.keys()].some((s) => s === 200), 'some cases were valid requests');
  const honest = await postJson(`${srv.url}/generate`, { inputs: 'Book me a bus to Reno.' });
  assert.is(honest.status, 200);
  assert.equal(JSON.parse((await honest.json()).generated_text), { to_location: 'Reno' });
  assert.is(srv.handler.inFlight, 0, 'no slot left held');
  assert.is(srv.handler.pendingBodies, 0, 'no body left pending');
});

test('values nested 100,000 deep in every field a reader walks (schema, inputs, stop, messages, prompt, tools) are 4xx, never a stack overflow', async () => {
  const big = await startServer([(await artifacts()).slots], { limits: { maxBodyBytes: 4 * 1024 * 1024 } });
  try {
    const arr = (n: number) => '['.repeat(n) + ']'.repeat(n);
    const obj = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
    const cases: [string, string][] = [];
    for (const deep of [arr(100_000), obj(100_000)]) {
      cases.push(
        ['/generate', `{"inputs":"x","parameters":{"response_format":{"type":"json_object","schema":${deep}}}}`],
        ['/generate', `{"inputs":"x","parameters":{"response_format":{"type":"json_object","schema":{"type":"object","properties":{"to_location":${deep}}}}}}`],
        ['/generate', `{"inputs":"x","parameters":{"merged_adapters":${deep}}}`],
        ['/generate', `{"inputs":"x","parameters":{"stop":${deep}}}`],
        ['/generate', `{"inputs":${deep}}`],
        ['/generate', `{"inputs":"x","parameters":${deep}}`],
        ['/v1/chat/completions', `{"model":"slots","messages":[{"role":"user","content":${deep}}]}`],
        ['/v1/chat/completions', `{"model":"slots","messages":${deep}}`],
        ['/v1/chat/completions', `{"model":"slots","messages":[{"role":"user","content":"hi"}],"response_format":{"type":"json_schema","json_schema":{"name":"x","schema":${deep}}}}`],
        ['/v1/completions', `{"model":"slots","prompt":${deep}}`],
        ['/v1/completions', `{"model":${deep},"prompt":"x"}`],
        ['/v1/chat/completions', `{"model":"slots","messages":[{"role":"user","content":"hi"}],"tools":${deep}}`],
      );
    }
    for (const [path, body] of cases) {
      const r = await postJson(`${big.url}${path}`, body);
      const text = await r.text();
      assert.ok(r.status < 500 && r.status !== 424, `${path} ${body.slice(0, 80)} → ${r.status} ${text.slice(0, 200)}`);
      assert.not.match(text, /call stack|RangeError/);
    }
  } finally {
    await big.close();
  }
});

test('a 2 MB body inside every limit, full of near-matches of the template literals over two fields, does not stall the loop', async () => {
  const big = await startServer([(await artifacts()).bus], { limits: { maxBodyBytes: 4 * 1024 * 1024 } });
  try {
    assert.match(BUS_TEMPLATE, /Slots:/);
    // Long words keep it under max_input_length (32768 pseudo-tokens); every line nearly opens the next literal.
    const shapes = [
      `Utterance: ${('Slots:' + 'y'.repeat(200) + '\n').repeat(9_000)}`,
      `Utterance: ${('Slots: ' + 'y'.repeat(200) + '\n### Respons').repeat(6_000)}`,
      `Utterance: go\nSlots: ${('### Response' + 'q'.repeat(300) + ' ').repeat(6_000)}`,
    ];
    for (const inputs of shapes) {
      const h = monitorEventLoopDelay({ resolution: 10 });
      h.enable();
      const r = await postJson(`${big.url}/generate`, { inputs });
      await r.text();
      h.disable();
      assert.ok(r.status === 200 || r.status === 422, `status ${r.status}`);
      assert.ok(h.max / 1e6 < 1_500, `the loop stalled ${(h.max / 1e6).toFixed(0)} ms on a ${inputs.length}-char body`);
    }
  } finally {
    await big.close();
  }
});

test.run();
