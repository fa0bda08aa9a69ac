// What every route of the handler shares: the server's context (artifacts, limits, clocks), the record of
// one request (Exchange, for the answer, the metrics and the log line), and the Reply that writes answers,
// so that every write notes its status and error type and a draining server closes the connection after it.
import type { ServerResponse, OutgoingHttpHeaders } from 'node:http';
import type { ArtifactSet } from './artifacts.ts';
import type { ServeError } from './errors.ts';
import type { Metrics } from './metrics.ts';
import { DEFAULT_GENERATION_LIMITS, type GenerationLimits } from './params.ts';

export interface ServeLimits extends GenerationLimits {
  /** Generate requests in flight (from first byte to last byte of the answer) before 429 "overloaded". */
  maxConcurrency: number;
  maxBodyBytes: number;
}

export const DEFAULT_SERVE_LIMITS: ServeLimits = {
  ...DEFAULT_GENERATION_LIMITS,
  maxConcurrency: 1024, // LoRAX's max_concurrent_requests default
  maxBodyBytes: 2 * 1024 * 1024, // axum's default body limit
};

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
}

export type RouteKind = 'generate' | 'generate_stream' | 'compat' | 'completions' | 'chat' | 'health' | 'info' | 'metrics' | 'models';

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
  counted: boolean;
}

export const JSON_TYPE = 'application/json';

// Answers one exchange. A reply after the answer began (or after the client left) is dropped.
export interface Reply {
  readonly res: ServerResponse;
  readonly ex: Exchange;
  send(status: number, body: string, headers: OutgoingHttpHeaders): void;
  json(status: number, value: unknown, headers?: OutgoingHttpHeaders): void;
  error(err: ServeError, headers?: OutgoingHttpHeaders): void;
  /** Errors on the streaming routes: LoRAX answers 200 and sends the error as an event. */
  streamError(err: ServeError): void;
  /** Open an event stream now (adapter artifacts stream tokens as they are generated). */
  open(headers: OutgoingHttpHeaders): void;
  event(data: string): void;
}

export function createReply(res: ServerResponse, ex: Exchange, draining: (() => boolean) | undefined): Reply {
  const send = (status: number, body: string, headers: OutgoingHttpHeaders) => {
    if (res.headersSent || res.destroyed) return;
    ex.status = status;
    if (draining?.()) res.shouldKeepAlive = false;
    headers['content-length'] = Buffer.byteLength(body);
    res.writeHead(status, headers);
    res.end(body);
  };
  const error = (err: ServeError, headers: OutgoingHttpHeaders = {}) => {
    ex.errorType = err.errorType;
    headers['content-type'] = err.contentType();
    send(err.status, err.body(), headers);
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
      if (err.plain) return error(err);
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
    event(data) {
      if (!res.destroyed && !res.writableEnded) res.write(`data: ${data}\n\n`);
    },
  };
}
