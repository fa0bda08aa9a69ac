// Slow uploads hold no generate slot, bodies have a deadline of their own, one client holds at most its
// share (admission.ts), and an oversized body's 413 reaches clients that are still uploading (body.ts).
// Real sockets on loopback; several clients by binding distinct loopback source addresses (127.0.0.N).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { clientKey } from '../../../core/serve/admission.ts';
import { artifacts, postJson, startServer, type TestServer } from './_serve.ts';

const test = suite('serve admission');
let slots: string;
const GOOD = JSON.stringify({ inputs: 'Book me a bus to Reno.' });

test.before(async () => {
  ({ slots } = await artifacts());
});

const portOf = (srv: TestServer) => Number(new URL(srv.url).port);
const tick = () => new Promise((r) => setTimeout(r, 10));
async function until(what: string, ok: () => boolean): Promise<void> {
  // Bounded by the test runner's own timeout; no deadline of ours to race.
  while (!ok()) await tick();
  assert.ok(ok(), what);
}

interface Raw {
  socket: Socket;
  /** Everything the server sent, once it closed the connection. */
  closed: Promise<string>;
  got(): string;
}

/** A raw connection from `from` (a loopback address) that sends `head`, then `drip` every `everyMs` until the server answers. */
function slow(port: number, from: string, head: string, drip: string, everyMs = 100): Raw {
  const socket = connect({ port, host: '127.0.0.1', localAddress: from });
  let got = '';
  socket.on('data', (d) => (got += d));
  socket.on('error', () => {});
  const timer = setInterval(() => {
    if (got || !socket.writable) return clearInterval(timer);
    socket.write(drip);
  }, everyMs);
  socket.write(head);
  const closed = new Promise<string>((resolve) => socket.on('close', () => (clearInterval(timer), resolve(got))));
  return { socket, closed, got: () => got };
}

const statusOf = (text: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
const bodyOf = (text: string) => text.slice(text.indexOf('\r\n\r\n') + 4);
const slowHead = (len = 1000) => `POST /generate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${len}\r\n\r\n{`;
const chunkedHead = 'POST /generate_stream HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n{\r\n';

/** POST from a given loopback address with node's http client; the status and body. */
function postFrom(port: number, from: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ port, host: '127.0.0.1', localAddress: from, method: 'POST', path: '/generate', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('slow bodies (more than the slots, from several clients) hold no slot: an honest request is answered while they trickle; they get 408 at their deadline', async () => {
  const srv = await startServer([slots], { limits: { maxConcurrency: 2, maxPendingBodies: 16, maxPerClient: 3, bodyTimeoutMs: 5_000 }, requestTimeoutMs: 60_000 });
  try {
    const port = portOf(srv);
    const trickling: Raw[] = [];
    for (const from of ['127.0.0.2', '127.0.0.3']) for (let i = 0; i < 3; i++) trickling.push(slow(port, from, i === 2 ? chunkedHead : slowHead(), i === 2 ? '1\r\n \r\n' : ' '));
    await until('six bodies being received', () => srv.handler.pendingBodies === 6);
    assert.is(srv.handler.inFlight, 0, 'no slot held by an unfinished body');
    assert.match(await (await fetch(`${srv.url}/metrics`)).text(), /kolm_bodies_pending 6\b/);

    for (let i = 0; i < 3; i++) {
      const honest = await postFrom(port, '127.0.0.1', GOOD);
      assert.is(honest.status, 200, 'an honest client is answered');
      assert.equal(JSON.parse(JSON.parse(honest.text).generated_text), { to_location: 'Reno' });
    }
    assert.ok(trickling.every((t) => t.got() === ''), 'the honest answers came while every slow body was still open');

    // A fourth connection from a client that already holds three is refused at once.
    const fourth = await postFrom(port, '127.0.0.2', GOOD);
    assert.is(fourth.status, 429);
    assert.is(JSON.parse(fourth.text).error_type, 'overloaded');
    assert.match(JSON.parse(fourth.text).error, /at most 3 per client/);

    const answers = await Promise.all(trickling.map((t) => t.closed));
    for (const a of answers) {
      assert.is(statusOf(a), 408, a.slice(0, 80));
      assert.is(JSON.parse(bodyOf(a)).error_type, 'timeout');
      assert.match(a, /connection: close/i);
    }
    assert.is(srv.handler.pendingBodies, 0);
    assert.is((await postFrom(port, '127.0.0.2', GOOD)).status, 200, 'the slow client is welcome again once its bodies are gone');
  } finally {
    await srv.close();
  }
});

test('the pending pool is bounded over every client: past it, 429 overloaded; nothing held once the slow ones are cut', async () => {
  const srv = await startServer([slots], { limits: { maxConcurrency: 4, maxPendingBodies: 3, maxPerClient: 8, bodyTimeoutMs: 2_000 }, requestTimeoutMs: 60_000 });
  try {
    const port = portOf(srv);
    const trickling = ['127.0.0.4', '127.0.0.5', '127.0.0.6'].map((from) => slow(port, from, slowHead(), ' '));
    await until('three bodies being received', () => srv.handler.pendingBodies === 3);
    const over = await postFrom(port, '127.0.0.7', GOOD);
    assert.is(over.status, 429);
    assert.equal(JSON.parse(over.text), { error: 'Model is overloaded', error_type: 'overloaded' });
    assert.ok((await fetch(`${srv.url}/health`)).ok, 'health is never refused');
    for (const a of await Promise.all(trickling.map((t) => t.closed))) assert.is(statusOf(a), 408);
    assert.is((await postFrom(port, '127.0.0.7', GOOD)).status, 200);
  } finally {
    await srv.close();
  }
});

test('the per-client cap counts running requests too; other clients still get in', async () => {
  let release!: () => void;
  const thought = new Promise<void>((r) => (release = r));
  const srv = await startServer([slots], { limits: { maxConcurrency: 8, maxPerClient: 2 }, thinking: () => thought });
  try {
    const port = portOf(srv);
    const running = [postFrom(port, '127.0.0.8', GOOD), postFrom(port, '127.0.0.8', GOOD)];
    await until('two running', () => srv.handler.inFlight === 2);
    const third = await postFrom(port, '127.0.0.8', GOOD);
    assert.is(third.status, 429, 'a third from the same client');
    const other = postFrom(port, '127.0.0.9', GOOD);
    await until('another client runs', () => srv.handler.inFlight === 3);
    release();
    assert.equal((await Promise.all([...running, other])).map((r) => r.status), [200, 200, 200]);
    assert.is((await postFrom(port, '127.0.0.8', GOOD)).status, 200, 'its share is back once answered');
  } finally {
    release();
    await srv.close();
  }
});

test('the body deadline is the handler timer: when it fires, bodies still coming get 408 and close; finished requests are untouched', async () => {
  // A timer the test fires by hand: which requests it ends depends on their state, not on the clock.
  const armed: { fn: () => void; ms: number; cancelled: boolean }[] = [];
  const timer = {
    set(fn: () => void, ms: number) {
      const t = { fn, ms, cancelled: false };
      armed.push(t);
      return () => void (t.cancelled = true);
    },
  };
  const srv = await startServer([slots], { limits: { bodyTimeoutMs: 7_000 }, timer, requestTimeoutMs: 60_000 });
  try {
    const port = portOf(srv);
    assert.is((await postFrom(port, '127.0.0.1', GOOD)).status, 200);
    assert.equal(armed.map((t) => [t.ms, t.cancelled]), [[7_000, true]], 'a complete body cancels its deadline');
    const trickling = [slow(port, '127.0.0.10', slowHead(), ' ', 50), slow(port, '127.0.0.11', chunkedHead, '1\r\n \r\n', 50)];
    await until('two bodies being received', () => srv.handler.pendingBodies === 2);
    for (const t of armed) if (!t.cancelled) t.fn();
    const answers = await Promise.all(trickling.map((t) => t.closed));
    assert.equal(answers.map(statusOf), [408, 408]);
    assert.match(JSON.parse(bodyOf(answers[0]!)).error, /within 7 s of its headers/);
    assert.is(srv.handler.pendingBodies, 0);
    assert.is((await postFrom(port, '127.0.0.10', GOOD)).status, 200);
  } finally {
    await srv.close();
  }
});

test('clientKey: IPv4-mapped addresses are the IPv4 client; IPv6 clients are counted by their /64', () => {
  assert.is(clientKey('::ffff:10.1.2.3'), '10.1.2.3');
  assert.is(clientKey('10.1.2.3'), '10.1.2.3');
  assert.is(clientKey('2001:db8:0:1::5'), clientKey('2001:0db8:0000:0001:ffff:1:2:3'));
  assert.is.not(clientKey('2001:db8:0:1::5'), clientKey('2001:db8:0:2::5'));
  assert.is(clientKey('::1'), '0:0:0:0::/64');
  assert.is(clientKey(undefined), '');
});

test('413 reaches clients still uploading: fetch, node http writing in chunks (length and chunked), at several sizes; no broken pipe', async () => {
  const limit = 64 * 1024;
  const srv = await startServer([slots], { limits: { maxBodyBytes: limit } });
  try {
    const port = portOf(srv);
    for (const times of [1.5, 4, 15, 40]) {
      const body = JSON.stringify({ inputs: 'z'.repeat(Math.floor(limit * times)) });
      const viaFetch = await postJson(`${srv.url}/generate`, body);
      assert.is(viaFetch.status, 413, `fetch ${times}×`);
      assert.is((await viaFetch.json()).error_type, 'payload_too_large');
      for (const chunked of [false, true]) {
        const got = await new Promise<{ status: number; text: string; connection: string | undefined }>((resolve, reject) => {
          const headers: Record<string, string | number> = { 'content-type': 'application/json' };
          if (!chunked) headers['content-length'] = Buffer.byteLength(body);
          const req = request({ port, host: '127.0.0.1', method: 'POST', path: '/generate', agent: false, headers }, (res) => {
            let text = '';
            res.on('data', (d) => (text += d));
            res.on('end', () => resolve({ status: res.statusCode!, text, connection: res.headers.connection }));
          });
          req.on('error', reject); // EPIPE / ECONNRESET would fail the test here
          // Write it 16 KB at a time, as an upload would, waiting for drain.
          let at = 0;
          const pump = () => {
            while (at < body.length) {
              const part = body.slice(at, (at += 16 * 1024));
              if (!req.write(part)) return void req.once('drain', pump);
            }
            req.end();
          };
          pump();
        });
        assert.is(got.status, 413, `http ${times}× chunked=${chunked}`);
        assert.is(JSON.parse(got.text).error_type, 'payload_too_large');
        assert.is(got.connection, 'close');
      }
    }
    assert.is((await postJson(`${srv.url}/generate`, GOOD)).status, 200, 'still serving');
  } finally {
    await srv.close();
  }
});

test('413 for a raw client that never stops writing: it reads the 413 before the server cuts it at the bound', async () => {
  const limit = 16 * 1024;
  const srv = await startServer([slots], { limits: { maxBodyBytes: limit } });
  try {
    const port = portOf(srv);
    for (const head of [
      'POST /generate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
      `POST /v1/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${limit * 8}\r\n\r\n`,
      `POST /generate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${limit * 1000}\r\n\r\n`,
    ]) {
      const chunked = head.includes('chunked');
      const got = await new Promise<string>((resolve) => {
        const s = connect(port, '127.0.0.1');
        let text = '';
        s.on('data', (d) => (text += d));
        s.on('error', () => {});
        s.on('close', () => resolve(text));
        s.write(head);
        const block = Buffer.alloc(4096, 'a');
        const frame = chunked ? Buffer.concat([Buffer.from('1000\r\n'), block, Buffer.from('\r\n')]) : block;
        const pump = () => {
          while (s.writable) if (!s.write(frame)) return void s.once('drain', pump);
        };
        pump();
      });
      assert.is(statusOf(got), 413, `${head.split('\r\n')[0]} → ${got.slice(0, 40)}`);
      assert.match(bodyOf(got), /payload_too_large|larger than the limit/);
    }
    assert.is((await postJson(`${srv.url}/generate`, GOOD)).status, 200, 'still serving');
  } finally {
    await srv.close();
  }
});

test("413 reaches Python's urllib (it uploads the whole body, then reads the answer)", async () => {
  const limit = 32 * 1024;
  const srv = await startServer([slots], { limits: { maxBodyBytes: limit } });
  try {
    const script = [
      'import sys, urllib.request, urllib.error, json',
      'body = json.dumps({"inputs": "q" * int(sys.argv[2])}).encode()',
      'req = urllib.request.Request(sys.argv[1] + "/generate", data=body, headers={"Content-Type": "application/json"})',
      'try:',
      '    urllib.request.urlopen(req); print(200)',
      'except urllib.error.HTTPError as e:',
      '    print(e.code, json.loads(e.read())["error_type"])',
    ].join('\n');
    for (const size of [limit * 2, limit * 10, limit * 40]) {
      const out = await new Promise<string>((resolve, reject) => {
        const p = spawn('python3', ['-c', script, srv.url, String(size)]);
        let text = '';
        p.stdout.on('data', (d) => (text += d));
        p.stderr.on('data', (d) => (text += d));
        p.on('error', reject);
        p.on('close', () => resolve(text.trim()));
      });
      assert.is(out, '413 payload_too_large', `python ${size} bytes`);
    }
  } finally {
    await srv.close();
  }
});

test.run();
