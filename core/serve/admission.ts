// Who may send a generate body now, and when it may run. A body is received in a pool of its own
// (maxPendingBodies) under a deadline of its own (bodyTimeoutMs → 408); it takes one of the maxConcurrency
// generate slots only once it is complete, so connections that trickle a body in hold no slot. One remote
// address may have at most maxPerClient generate requests open (receiving or running), so one client cannot
// fill either pool. An oversized body is answered 413 at once and the rest read and dropped (body.ts).
import type { IncomingMessage } from 'node:http';
import { discardBody, discardBound, readJsonBody, refuseBody } from './body.ts';
import { bodyTimeoutError, clientLimitError, overloadedError, type ServeError } from './errors.ts';
import type { Exchange, Reply, RouteKind, ServeLimits } from './exchange.ts';

/** Starts `fn` after `ms`; returns the cancel. */
export interface Timer {
  set(fn: () => void, ms: number): () => void;
}

const systemTimer: Timer = {
  set(fn, ms) {
    const t = setTimeout(fn, ms);
    t.unref();
    return () => clearTimeout(t);
  },
};

/**
 * The key one client is counted under: its address, an IPv4-mapped IPv6 address as the IPv4 one, and an
 * IPv6 address by its /64 (one host usually holds the whole /64).
 */
export function clientKey(address: string | undefined): string {
  if (!address) return '';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.toLowerCase().split('::');
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const groups = tail === undefined ? front : [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

export class Admission {
  /** Generate requests holding a slot. */
  active = 0;
  /** Generate bodies being received. */
  pending = 0;
  private readonly clients = new Map<string, number>();

  constructor(
    private readonly limits: ServeLimits,
    private readonly timer: Timer = systemTimer,
  ) {}

  /**
   * Admit, receive and parse one generate request's body, then take a slot and hand the body to `ready`.
   * Every refusal is answered here: 415/413 on the headers, 429 when this client or the pending pool is
   * full, 413 while reading, 408 past the body deadline, 400 bad JSON, 429 when every slot is taken.
   */
  receive(req: IncomingMessage, reply: Reply, kind: RouteKind, ready: (body: unknown) => void): void {
    const { res, ex } = reply;
    const { limits } = this;
    const refuse = (err: ServeError) => (kind === 'generate_stream' ? reply.streamError(err) : reply.error(err));
    const refused = refuseBody(req.headers, limits.maxBodyBytes);
    if (refused && refused.error.status !== 413) return reply.error(refused.error);

    const client = clientKey(req.socket.remoteAddress);
    const held = this.clients.get(client) ?? 0;
    if (held >= limits.maxPerClient) return refuse(clientLimitError(limits.maxPerClient));
    if (this.pending >= limits.maxPendingBodies) return refuse(overloadedError());
    this.clients.set(client, held + 1);
    ex.client = client;
    this.pending++;
    ex.reading = true;

    let state: 'reading' | 'draining' | 'done' = 'reading';
    const received = () => {
      state = 'done';
      cancel();
      this.stopReading(ex);
    };
    const cancel = this.timer.set(() => {
      if (state === 'reading') {
        received();
        res.shouldKeepAlive = false;
        reply.error(bodyTimeoutError(limits.bodyTimeoutMs));
      } else if (state === 'draining') {
        // The client is still uploading what we refused: stop reading, close after the 413.
        state = 'done';
        res.end();
      }
    }, limits.bodyTimeoutMs);
    res.once('close', cancel);

    // The 413 goes out whole now; the connection closes once the rest of the body is read (or past the bound).
    const tooLarge = (err: ServeError) => {
      this.stopReading(ex);
      state = 'draining';
      reply.error(err, { connection: 'close' }, true);
      discardBody(req, discardBound(limits.maxBodyBytes) - ex.bytesIn, () => {
        if (state !== 'draining') return;
        state = 'done';
        cancel();
        res.end();
      });
    };

    if (refused) {
      if (!refused.close) return tooLarge(refused.error);
      received();
      res.shouldKeepAlive = false;
      return reply.error(refused.error);
    }
    readJsonBody(req, limits.maxBodyBytes, (bytes) => (ex.bytesIn += bytes), (read) => {
      if (state !== 'reading') return;
      if (read.kind === 'too_large') return tooLarge(read.error);
      received();
      if (read.kind === 'bad_json') return reply.error(read.error);
      if (this.active >= limits.maxConcurrency) return refuse(overloadedError());
      this.active++;
      ex.counted = true;
      ready(read.body);
    });
  }

  /** The exchange ended: give back its slot, its place in the pending pool and its client's share. */
  release(ex: Exchange): void {
    if (ex.counted) {
      ex.counted = false;
      this.active--;
    }
    this.stopReading(ex);
    if (ex.client !== undefined) {
      const n = (this.clients.get(ex.client) ?? 1) - 1;
      if (n > 0) this.clients.set(ex.client, n);
      else this.clients.delete(ex.client);
      ex.client = undefined; // not delete: the exchange keeps one shape (a delete turns it into a dictionary)
    }
  }

  private stopReading(ex: Exchange): void {
    if (!ex.reading) return;
    ex.reading = false;
    this.pending--;
  }
}
