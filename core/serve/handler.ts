// The LoRAX-compatible HTTP handler (DESIGN §7, lorax-api.md). `createHandler(deps)` returns a plain
// `(req, res) => void`: it binds no port and reads no clock, file or process of its own (deps carry the
// artifacts, the clocks, the timer, the logger and the limits), so tests and `kolm serve` drive the same
// code. This file is the router: it routes, admits bodies and holds the concurrency slots (admission.ts),
// reads bodies (body.ts), hands them to the LoRAX (lorax.ts) or OpenAI (openai.ts) routes, maps what they
// throw in one onError, and logs each request.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ArtifactSet } from './artifacts.ts';
import { Admission, type Timer } from './admission.ts';
import { methodError, notFoundError, toServeError } from './errors.ts';
import { createReply, serveLimits, type Exchange, type Reply, type RouteKind, type ServeContext, type ServeLimits } from './exchange.ts';
import { getHealth, getMetrics, info, postGenerate } from './lorax.ts';
import { Metrics } from './metrics.ts';
import { getModel, getModels } from './models.ts';
import { postOpenAi } from './openai.ts';

/** One structured log line per request. Never holds bodies, tokens or the Authorization header. */
export interface RequestLog {
  time: string;
  id: number;
  method: string;
  path: string;
  status: number;
  ms: number;
  artifact?: string;
  error_type?: string;
  bytes_in: number;
  stream?: boolean;
  aborted?: boolean;
}

export interface HandlerDeps {
  artifacts: ArtifactSet;
  limits?: Partial<ServeLimits>;
  /** Monotonic milliseconds, for durations. */
  now: () => number;
  /** Epoch milliseconds, for log times and `created`. */
  wallClock: () => number;
  log?: (line: RequestLog) => void;
  metrics?: Metrics;
  /** Reported in /info and system_fingerprint. */
  version: string;
  /** LoRAX's exact values on the /v1 routes (see openai.ts). */
  loraxCompat?: boolean;
  /** True once shutdown began: /health answers 503 and connections close after their answer. */
  draining?: () => boolean;
  /** Random text for OpenAI response ids (default: 18 random bytes), so ids never repeat across restarts. */
  randomId?: () => string;
  /** The body deadline's timer (default: setTimeout). */
  timer?: Timer;
}

export interface ServeHandler {
  (req: IncomingMessage, res: ServerResponse): void;
  readonly metrics: Metrics;
  /** Generate requests being handled now (holding a slot: body complete, answer not yet done). */
  readonly inFlight: number;
  /** Generate bodies being received now. */
  readonly pendingBodies: number;
}

// lorax-api.md §1; /v1/models is ours (LoRAX has none).
const ROUTES: Record<string, Partial<Record<string, RouteKind>>> = {
  '/': { POST: 'compat', GET: 'health' },
  '/invocations': { POST: 'compat' },
  '/generate': { POST: 'generate' },
  '/generate_stream': { POST: 'generate_stream' },
  '/health': { GET: 'health' },
  '/ping': { GET: 'health' },
  '/info': { GET: 'info' },
  '/metrics': { GET: 'metrics' },
  '/v1/completions': { POST: 'completions' },
  '/v1/chat/completions': { POST: 'chat' },
  '/v1/models': { GET: 'models' },
};

// GET /v1/models/{id}: ids may hold a "/" (Predibase's REPO/VERSION), sent as is or percent-encoded.
const MODEL_PREFIX = '/v1/models/';
const MODEL_ROUTE: Partial<Record<string, RouteKind>> = { GET: 'model' };

function modelIdOf(path: string): string {
  const raw = path.slice(MODEL_PREFIX.length);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

const GENERATE_KINDS = new Set<RouteKind>(['generate', 'generate_stream', 'compat', 'completions', 'chat']);

/**
 * What a POST route threw → its answer; the status codes come from toServeError. On the streaming routes
 * an error is an event (status 200), and a stream already under way ends with an error event, as LoRAX's.
 */
function onError(reply: Reply, err: unknown, stream: boolean): void {
  const { res } = reply;
  const e = toServeError(err);
  if (stream && res.headersSent && !res.writableEnded) reply.failStream(e);
  else if (stream) reply.streamError(e);
  else reply.error(e);
}

export function createHandler(deps: HandlerDeps): ServeHandler {
  const ctx: ServeContext = {
    artifacts: deps.artifacts,
    limits: serveLimits(deps.limits),
    metrics: deps.metrics ?? new Metrics(),
    now: deps.now,
    wallClock: deps.wallClock,
    version: deps.version,
    loraxCompat: deps.loraxCompat ?? false,
    ...(deps.draining ? { draining: deps.draining } : {}),
    randomId: deps.randomId ?? (() => randomBytes(18).toString('base64url')),
  };
  const { limits, metrics, now, wallClock } = ctx;
  const log = deps.log;
  let nextId = 1;
  const admission = new Admission(limits, deps.timer);
  metrics.gauge('kolm_requests_in_flight', 'Generate requests in flight', {}, () => admission.active);
  metrics.gauge('kolm_bodies_pending', 'Generate request bodies being received', {}, () => admission.pending);
  metrics.gauge('kolm_max_concurrency', 'Generate requests allowed in flight (--max-concurrency)', {}, () => limits.maxConcurrency);

  const finish = (ex: Exchange, method: string, aborted: boolean) => {
    admission.release(ex);
    const ms = now() - ex.start;
    const status = aborted && ex.status === 0 ? 499 : ex.status;
    metrics.observe({
      route: ex.route,
      artifact: ex.artifact,
      status,
      ...(ex.errorType ? { errorType: ex.errorType } : aborted ? { errorType: 'aborted' } : {}),
      seconds: ms / 1000,
      generate: ex.kind !== undefined && GENERATE_KINDS.has(ex.kind),
      ...(ex.generatedTokens !== undefined ? { generatedTokens: ex.generatedTokens } : {}),
    });
    if (!log) return;
    log({
      time: new Date(wallClock()).toISOString(),
      id: ex.id,
      method,
      path: ex.route,
      status,
      ms: Math.round(ms * 1000) / 1000,
      ...(ex.artifact ? { artifact: ex.artifact } : {}),
      ...(ex.errorType ? { error_type: ex.errorType } : {}),
      bytes_in: ex.bytesIn,
      ...(ex.stream ? { stream: true } : {}),
      ...(aborted ? { aborted: true } : {}),
    });
  };

  const get = (req: IncomingMessage, reply: Reply, kind: RouteKind, path: string, query: string) => {
    if (kind === 'health') return getHealth(ctx, reply);
    if (kind === 'info') return reply.json(200, info(ctx));
    if (kind === 'models') return getModels(ctx, reply);
    if (kind === 'model') return getModel(ctx, reply, modelIdOf(path));
    getMetrics(ctx, reply, query, req.headers.accept);
  };

  const post = (reply: Reply, kind: RouteKind, body: unknown): Promise<void> => {
    if (kind === 'completions' || kind === 'chat') return postOpenAi(ctx, reply, kind, body);
    return postGenerate(ctx, reply, kind === 'compat' || kind === 'generate_stream' ? kind : 'generate', body);
  };

  const handler = ((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const methods = ROUTES[path] ?? (path.startsWith(MODEL_PREFIX) && path.length > MODEL_PREFIX.length ? MODEL_ROUTE : undefined);
    const method = req.method ?? 'GET';
    const kind = methods?.[method === 'HEAD' ? 'GET' : method];
    const ex: Exchange = {
      id: nextId++, start: now(), route: methods === MODEL_ROUTE ? '/v1/models/{id}' : methods ? path : 'unknown', kind, status: 0, artifact: '',
      bytesIn: 0, stream: false, counted: false, reading: false, client: undefined, openai: path.startsWith('/v1/') && !ctx.loraxCompat,
    };
    res.once('close', () => finish(ex, method, !res.writableFinished));
    const reply = createReply(res, ex, ctx.draining);

    if (!methods) return reply.error(notFoundError(path));
    if (method === 'OPTIONS') {
      // CORS preflight, as LoRAX allows it: any origin, GET and POST, Content-Type.
      return reply.send(204, '', {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': 'content-type',
      });
    }
    if (!kind) {
      const allow = Object.keys(methods);
      return reply.error(methodError(method, path, allow), { allow: allow.join(', ') });
    }
    if (method === 'GET' || method === 'HEAD') return get(req, reply, kind, path, q < 0 ? '' : url.slice(q + 1));

    // A generate request takes a slot only once its body is complete (admission.ts), so a slow upload
    // holds nothing but its place among the bodies being received and its client's share.
    admission.receive(req, reply, kind, (body) => {
      void post(reply, kind, body).catch((err) => onError(reply, err, ex.stream || kind === 'generate_stream'));
    });
  }) as ServeHandler;

  Object.defineProperty(handler, 'metrics', { value: metrics });
  Object.defineProperty(handler, 'inFlight', { get: () => admission.active });
  Object.defineProperty(handler, 'pendingBodies', { get: () => admission.pending });
  return handler;
}
