// The body reader (body.ts) without a server: header checks, the byte limit while reading, and the
// UTF-8/JSON errors, fed from an in-memory stream.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { discardBody, readJsonBody, refuseBody, type BodyRead } from '../../../core/serve/body.ts';

const test = suite('serve body');

/** Feed `chunks` to readJsonBody; resolves with every `done` call and the chunk sizes heard once the stream ends. */
function read(chunks: Buffer[], limit: number): Promise<{ reads: BodyRead[]; sizes: number[] }> {
  const req = Readable.from(chunks, { objectMode: false }) as unknown as IncomingMessage;
  const reads: BodyRead[] = [];
  const sizes: number[] = [];
  readJsonBody(req, limit, (n) => sizes.push(n), (r) => reads.push(r));
  return new Promise((resolve) => req.on('close', () => setImmediate(() => resolve({ reads, sizes }))));
}

test('refuseBody: only JSON media types pass; a declared length past the limit is 413, closing past the discard bound (64×)', () => {
  for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON', 'application/vnd.api+json']) {
    assert.is(refuseBody({ 'content-type': type }, 100), null, type);
  }
  for (const type of [undefined, 'text/plain', 'application/jsonx', 'application/x-www-form-urlencoded']) {
    const r = refuseBody({ 'content-type': type }, 100);
    assert.is(r?.error.status, 415, String(type));
    assert.is(r?.close, false);
  }
  const json = { 'content-type': 'application/json' };
  assert.is(refuseBody({ ...json, 'content-length': '100' }, 100), null, '~> exactly the limit is fine');
  assert.equal([refuseBody({ ...json, 'content-length': '101' }, 100)?.error.status, refuseBody({ ...json, 'content-length': '101' }, 100)?.close], [413, false]);
  assert.is(refuseBody({ ...json, 'content-length': '6401' }, 100)?.close, true, '~> an absurd body closes the connection');
  assert.is(refuseBody({ ...json, 'content-length': '6400' }, 100)?.close, false);
});

test('readJsonBody: JSON over several chunks; at the limit is read, one byte past is too_large once and at once', async () => {
  const ok = await read([Buffer.from('{"inputs":'), Buffer.from('"héllo"}')], 19);
  assert.equal(ok.reads, [{ kind: 'json', body: { inputs: 'héllo' } }]);
  assert.equal(ok.sizes, [10, 9]);
  const over = await read([Buffer.from('{"inputs":'), Buffer.from('"héllo"}'), Buffer.from('   ')], 18);
  assert.is(over.reads.length, 1, '~> done is called once');
  assert.is(over.reads[0]!.kind, 'too_large');
  assert.is(over.reads[0]!.kind !== 'json' && over.reads[0]!.error.status, 413);
  assert.equal(over.sizes, [10, 9], '~> chunks after the limit are not counted');
});

test('readJsonBody: bad UTF-8, bad JSON and an empty body are bad_json (400) with the reason', async () => {
  const cases: [Buffer[], RegExp][] = [
    [[Buffer.from([0x7b, 0xff, 0x7d])], /not UTF-8/],
    [[Buffer.from('{"inputs": ')], /Failed to parse the request body as JSON: .*JSON/],
    [[], /Failed to parse the request body as JSON/],
  ];
  for (const [chunks, message] of cases) {
    const { reads } = await read(chunks, 1024);
    assert.is(reads.length, 1);
    const r = reads[0]!;
    assert.is(r.kind, 'bad_json');
    if (r.kind !== 'bad_json') continue;
    assert.is(r.error.status, 400);
    assert.match(r.error.message, message);
  }
});

test('discardBody: reads a body to its end keeping nothing, or stops as soon as it passes the bound', async () => {
  const run = (chunks: Buffer[], bound: number) =>
    new Promise<boolean>((resolve) => discardBody(Readable.from(chunks, { objectMode: false }) as unknown as IncomingMessage, bound, resolve));
  const kb = Buffer.alloc(1024, 'x');
  assert.is(await run([kb, kb, kb], 3 * 1024), true, 'exactly the bound: read to the end');
  assert.is(await run([kb, kb, kb, kb], 3 * 1024), false, 'one chunk past it: cut');
  assert.is(await run([], 0), true, 'an empty rest');
});

test.run();
