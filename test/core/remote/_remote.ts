// Helpers for the remote client tests: numbered cases, a sleep that records its waits, a rejection
// catcher, and fake LoRAX servers that are closed after each test.
import * as assert from 'uvu/assert';
import { KolmError } from '../../../core/errors.ts';
import type { RemoteCase, Sleep } from '../../../core/remote/index.ts';
import { startLoraxServer, type FakeLorax } from '../../_util/lorax-server.ts';

export const cases = (n: number, prefix = 'q'): RemoteCase[] =>
  Array.from({ length: n }, (_, i) => ({ id: `c${i}`, prompt: `${prefix} ${i}` }));

// Backoff waits are recorded and skipped, so retry tests take no real time.
export function fakeSleep(): Sleep & { waits: number[] } {
  const waits: number[] = [];
  const fn: Sleep = async (ms) => {
    waits.push(ms);
  };
  return Object.assign(fn, { waits });
}

export async function rejects(p: Promise<unknown>): Promise<KolmError> {
  try {
    await p;
  } catch (err) {
    assert.instance(err, KolmError);
    return err as KolmError;
  }
  throw new Error('expected a rejection');
}

/** Fake LoRAX servers for one suite: `serve` starts one, `closeAll` (in `after.each`) stops them. */
export function fakeServers(): { serve: (...args: Parameters<typeof startLoraxServer>) => Promise<FakeLorax>; closeAll: () => Promise<void> } {
  let servers: FakeLorax[] = [];
  return {
    async serve(...args) {
      const s = await startLoraxServer(...args);
      servers.push(s);
      return s;
    },
    async closeAll() {
      await Promise.all(servers.map((s) => s.close()));
      servers = [];
    },
  };
}
