// Binding a port fails as what the user can change (the port, the address), never as a raw socket error.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createServer } from 'node:net';
import { isKolmError } from '../../../core/errors.ts';
import { listen } from '../../../core/serve/listen.ts';

const test = suite('listen');
const handler = (_req: unknown, res: { end: (s: string) => void }) => res.end('ok');
const opts = (port: number, host = '127.0.0.1') => ({ port, host, requestTimeoutMs: 1000, signal: new AbortController().signal });

async function failure(port: number, host?: string) {
  try {
    const l = await listen(handler as never, opts(port, host));
    l.server.close();
  } catch (err) {
    return err;
  }
  throw new Error(`listen on ${host}:${port} succeeded`);
}

test('a port held by another process is E_PORT_IN_USE with the port and a hint', async () => {
  const blocker = createServer();
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
  const { port } = blocker.address() as { port: number };
  try {
    const err = await failure(port);
    assert.ok(isKolmError(err));
    assert.is(err.code, 'E_PORT_IN_USE');
    assert.is(err.message, `port ${port} on 127.0.0.1 is already in use`);
    assert.match(err.hint!, '--port 0');
  } finally {
    blocker.close();
  }
});

test('a port out of range and an address not on this machine are usage errors', async () => {
  for (const port of [65536, 70000, -1]) {
    const err = await failure(port);
    assert.ok(isKolmError(err), `${port}`);
    assert.is(err.code, 'E_USAGE');
    assert.match(err.message, `port ${port} is out of range: use 0 to 65535`);
  }
  const err = await failure(0, '192.0.2.1');
  assert.ok(isKolmError(err));
  assert.is(err.code, 'E_USAGE');
  assert.match(err.message, 'cannot listen on 192.0.2.1: not an address of this machine');
});

test('a free port still binds, answers and closes on abort', async () => {
  const controller = new AbortController();
  const l = await listen(handler as never, { ...opts(0), signal: controller.signal });
  assert.ok(l.port > 0);
  assert.is(await (await fetch(l.url)).text(), 'ok');
  controller.abort();
  await l.closed;
});

test.run();
