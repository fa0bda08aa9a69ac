// What every route of the handler shares: the server's context (artifacts, limits, clocks), the record of
// one request (Exchange, for the answer, the metrics and the log line), and the Reply that writes answers,
// so that every write notes its status and error type and a draining server closes the connection after it.
import type { ServerResponse, OutgoingHttpHeaders } from 'node:http';
import type { ArtifactSet } from './artifacts.ts';
import { openAiErrorObject, openAiStatus, type ServeError } from './errors.ts';
import type { Metrics } from './metrics.ts';
import { DEFAULT_GENERATION_LIMITS, type GenerationLimits } from './params.ts';

export interface ServeLimits extends GenerationLimits {
  /** Generate requests running (from a complete body to the last byte of the answer) before 429 "overloaded". */
  maxConcurrency: number;
  maxBodyBytes: number;
  /** Generate bodies being received at once, over every client, before 429 (bounds their memory). */
  maxPendingBodies: number;
  /** Generate requests one remote address may have open at once (receiving or running) before 429. */
  maxPerClient: number;
  /** A body must be complete this long after its headers; else 408 and the connection closes. */
  bodyTimeoutMs: number;
}

export const DEFAULT_SERVE_LIMITS: ServeLimits = {
  ...DEFAULT_GENERATION_LIMITS,
  maxConcurrency: 1024, // LoRAX's max_concurrent_requests default
  maxBodyBytes: 2 * 1024 * 1024, // axum's default body limit
  maxPendingBodies: 1024,
  maxPerClient: 256,
  bodyTimeoutMs: 10_000,
};

/**
 * The limits a handler runs with: what was given over the defaults; the two pools follow a given
 * max-concurrency (bodies being received: as many; one client: a quarter) unless given themselves.
 */
export function serveLimits(given: Partial<ServeLimits> = {}): ServeLimits {
  const maxConcurrency = given.maxConcurrency ?? DEFAULT_SERVE_LIMITS.maxConcurrency;
  return {
    ...DEFAULT_SERVE_LIMITS,
    maxPendingBodies: maxConcurrency,
    maxPerClient: Math.max(1, Math.ceil(maxConcurrency / 4)),
    ...given,
  };
}

// The handler's deps with their defaults filled in, as the routes read them.
export interface ServeContext {
  artifacts: ArtifactSet;
  limits: ServeLimits;
  metrics: Metrics;
  /** Monotonic milliseconds, for durations. */
  now: () => number;
  /** Epoch milliseconds, for log times and `created`. */
  wallClock: () => number;
  version: string;
  loraxCompat: boolean;
  draining?: () => boolean;
  /** Random text for response ids. */
  randomId: () => string;
}

export type RouteKind = 'generate' | 'generate_stream' | 'compat' | 'completions' | 'chat' | 'health' | 'info' | 'metrics' | 'models' | 'model';

/** State of one request, for the answer, the metrics and the log line. */
export interface Exchange {
  id: number;
  start: number;
  route: string;
  kind: RouteKind | undefined;
  status: number;
  errorType?: string;
  artifact: string;
  bytesIn: number;
  stream: boolean;
  generatedTokens?: number;
  /** Holds a generate slot (its body is complete). */
  counted: boolean;
  /** Counted against this remote address (a generate request, from its headers to its end). */
  client?: string;
  /** Its body is being received (counted in the pending pool). */
  reading: boolean;
  /** A /v1 route outside --lorax-compat: errors in OpenAI's shape and status codes. */
  openai: boolean;
}

export const JSON_TYPE = 'application/json';

// Answers one exchange. A reply after the answer began (or after the client left) is dropped.
export interface Reply {
  readonly res: ServerResponse;
  readonly ex: Exchange;
  /** `hold`: write the whole answer but leave the response open (the caller ends it: see body.ts discard). */
  send(status: number, body: string, headers: OutgoingHttpHeaders, hold?: boolean): void;
  json(status: number, value: unknown, headers?: OutgoingHttpHeaders): void;
  error(err: ServeError, headers?: OutgoingHttpHeaders, hold?: boolean): void;
  /** Errors on the streaming routes before they began: LoRAX answers 200 and sends the error as an event. */
  streamError(err: ServeError): void;
  /** Open an event stream now (adapter artifacts stream tokens as they are generated). */
  open(headers: OutgoingHttpHeaders): void;
  event(data: string): void;
  /** An error once the stream is under way: the last event (LoRAX's or OpenAI's shape), then the end. */
  failStream(err: ServeError): void;
}

export function createReply(res: ServerResponse, ex: Exchange, draining: (() => boolean) | undefined): Reply {
  const send = (status: number, body: string, headers: OutgoingHttpHeaders, hold = false) => {
    if (res.headersSent || res.destroyed) return;
    ex.status = status;
    if (draining?.()) res.shouldKeepAlive = false;
    headers['content-length'] = Buffer.byteLength(body);
    res.writeHead(status, headers);
    if (hold) res.write(body);
    else res.end(body);
  };
  const error = (err: ServeError, headers: OutgoingHttpHeaders = {}, hold = false) => {
    ex.errorType = err.errorType;
    if (ex.openai) {
      headers['content-type'] = JSON_TYPE;
      return send(openAiStatus(err), JSON.stringify({ error: openAiErrorObject(err) }), headers, hold);
    }
    headers['content-type'] = err.contentType();
    send(err.status, err.body(), headers, hold);
  };
  const event = (data: string) => {
    if (!res.destroyed && !res.writableEnded) res.write(`data: ${data}\n\n`);
  };
  return {
    res,
    ex,
    send,
    json(status, value, headers = {}) {
      headers['content-type'] = JSON_TYPE;
      send(status, JSON.stringify(value), headers);
    },
    error,
    streamError(err) {
      // OpenAI answers a stream refused before its first byte with the HTTP error, as a plain request.
      if (err.plain || ex.openai) return error(err);
      ex.errorType = err.errorType;
      const body = `data: ${JSON.stringify({ error: err.message, error_type: err.errorType })}\n\n`;
      send(200, body, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' });
    },
    open(headers) {
      if (res.headersSent || res.destroyed) return;
      ex.status = 200;
      if (draining?.()) res.shouldKeepAlive = false;
      res.writeHead(200, headers);
    },
    event,
    failStream(err) {
      ex.errorType = err.errorType;
      event(JSON.stringify(ex.openai ? { error: openAiErrorObject(err) } : { error: err.message, error_type: err.errorType }));
      if (!res.writableEnded) res.end();
    },
  };
}
