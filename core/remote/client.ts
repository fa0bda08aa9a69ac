// The A/B client: sends each case to a LoRAX server or Predibase deployment (`POST …/generate`, lorax-api.md
// §2–4) with a bounded number in flight, a per-request timeout, bounded retries with jittered backoff on
// overload/5xx/dropped connections, and a resume cache. Auth and routing failures (401/403/404) stop the
// whole run at once, since every other case would fail the same way. The token goes only in the
// Authorization header; every string handed back is passed through the redactor.
import { KolmError } from '../errors.ts';
import { silentReporter, type Reporter } from '../progress.ts';
import { CacheWriter, cacheLineFor, readCache, requestDigest, resultFromCache } from './cache.ts';
import { resolveEndpoint, type RemoteEndpoint } from './endpoint.ts';
import { createRedactor, type Redactor } from './redact.ts';
import type { RemoteCase, RemoteError, RemoteParameters, RemoteResult } from './types.ts';

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_RETRIES = 4;
export const DEFAULT_BACKOFF_MS = 500;
export const DEFAULT_MAX_BACKOFF_MS = 20_000;
export const DEFAULT_MAX_RETRY_AFTER_MS = 30_000;

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export interface RunRemoteOptions {
  /** A resolved endpoint, or the `--against` value to resolve. */
  endpoint: RemoteEndpoint | string;
  cases: readonly RemoteCase[];
  /** LoRAX `parameters`, sent with every case (see remoteParameters). */
  parameters?: RemoteParameters;
  /** Bearer token (PREDIBASE_API_TOKEN). Never logged, cached or put in a message. */
  token?: string;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /** Per attempt, from sending to the whole body read (default 60 000 ms). */
  timeoutMs?: number;
  /** Retries after the first attempt, per case (default 4: at most 5 requests per case). */
  retries?: number;
  /** Base backoff in ms: retry n waits about backoff·2^(n-1), jittered to between half and all of it. */
  backoff?: number;
  /** Cap on one backoff wait (default 20 s). */
  maxBackoffMs?: number;
  /** Cap on a server's Retry-After (default 30 s). */
  maxRetryAfterMs?: number;
  /** JSONL resume cache: finished cases are appended; cases already answered for the same request are skipped. */
  cachePath?: string;
  reporter?: Reporter;
  fetch?: FetchLike;
  /** Aborting stops new requests, cancels those in flight and rejects with E_REMOTE (finished cases stay cached). */
  signal?: AbortSignal;
  /** Injected for fast, deterministic tests. */
  random?: () => number;
  sleep?: Sleep;
}

type Outcome =
  | { kind: 'ok'; output: string; latency_ms: number; finish_reason?: string; generated_tokens?: number }
  | { kind: 'retry'; error: RemoteError; retryAfterMs?: number; unreachable?: boolean }
  | { kind: 'fail'; error: RemoteError }
  | { kind: 'fatal'; error: RemoteError; hint: string }
  | { kind: 'aborted' };

// 429 overloaded and the 5xx a gateway or a restarting shard gives; 424 (generation failed, e.g. an adapter
// that cannot load) and 4xx validation answers are the same on every try.
const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const MAX_MESSAGE = 500;
// A generate answer is a few KB (with details, tens of KB); anything far larger is not LoRAX.
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export const defaultSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });

function positiveInt(name: string, value: number | undefined, fallback: number, min: number): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v < min || Math.floor(v) !== v) {
    throw new KolmError('E_USAGE', `${name} must be a whole number ≥ ${min}, got ${value}`, { hint: `omit it for the default (${fallback})` });
  }
  return v;
}

function clip(text: string): string {
  const t = text.trim();
  return t.length > MAX_MESSAGE ? `${t.slice(0, MAX_MESSAGE)}…` : t;
}

/** Retry-After in ms (seconds or an HTTP date), or undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** LoRAX's `{error, error_type}` body, or the plain text axum sends for bodies it rejects (lorax-api.md §4). */
function errorFromBody(status: number, statusText: string, text: string): RemoteError {
  try {
    const body = JSON.parse(text) as unknown;
    if (body && typeof body === 'object' && typeof (body as { error?: unknown }).error === 'string') {
      const b = body as { error: string; error_type?: unknown };
      return {
        status,
        ...(typeof b.error_type === 'string' ? { error_type: b.error_type } : {}),
        message: clip(b.error),
      };
    }
  } catch {
    // not JSON: fall through to the text
  }
  return { status, message: clip(text) || statusText || `HTTP ${status}` };
}

function fatalHint(status: number, endpoint: RemoteEndpoint): string {
  if (status === 401) return 'check PREDIBASE_API_TOKEN (or --token): the server did not accept the token';
  if (status === 403) return 'check PREDIBASE_API_TOKEN (or --token): the token has no access to this deployment';
  return endpoint.kind === 'predibase'
    ? 'check the deployment URL: https://serving.app.predibase.com/<tenant>/deployments/v2/llms/<deployment>'
    : `check the URL: ${endpoint.display} should be the LoRAX server's /generate route`;
}

function networkCode(err: unknown): string | undefined {
  let e = err as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === 'string') return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

function parseSuccess(text: string, status: number): Outcome | { kind: 'body'; output: string; finish_reason?: string; generated_tokens?: number } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { kind: 'fail', error: { status, error_type: 'malformed_response', message: `the response is not JSON: ${clip(text.slice(0, 120)) || '(empty body)'}` } };
  }
  // `/` and `/invocations` wrap the object in an array; accept that too.
  if (Array.isArray(body) && body.length === 1) body = body[0];
  const b = body as { generated_text?: unknown; error?: unknown; error_type?: unknown; details?: { finish_reason?: unknown; generated_tokens?: unknown } };
  if (b && typeof b === 'object' && typeof b.generated_text === 'string') {
    const out: { kind: 'body'; output: string; finish_reason?: string; generated_tokens?: number } = { kind: 'body', output: b.generated_text };
    if (b.details && typeof b.details.finish_reason === 'string') out.finish_reason = b.details.finish_reason;
    if (b.details && typeof b.details.generated_tokens === 'number') out.generated_tokens = b.details.generated_tokens;
    return out;
  }
  if (b && typeof b === 'object' && typeof b.error === 'string') {
    return { kind: 'fail', error: { status, ...(typeof b.error_type === 'string' ? { error_type: b.error_type } : {}), message: clip(b.error) } };
  }
  return { kind: 'fail', error: { status, error_type: 'malformed_response', message: 'the response has no "generated_text" string' } };
}

/** The body as text, or undefined when it passes `limit` bytes (the rest is not read). */
async function readBounded(res: Response, limit: number): Promise<string | undefined> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

interface AttemptContext {
  endpoint: RemoteEndpoint;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  fetch: FetchLike;
  runSignal: AbortSignal;
}

async function attemptOnce(ctx: AttemptContext): Promise<Outcome> {
  if (ctx.runSignal.aborted) return { kind: 'aborted' };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, ctx.timeoutMs);
  const onRunAbort = () => controller.abort();
  ctx.runSignal.addEventListener('abort', onRunAbort, { once: true });
  const started = performance.now();
  try {
    const res = await ctx.fetch(ctx.endpoint.url, { method: 'POST', headers: ctx.headers, body: ctx.body, signal: controller.signal });
    // The body is read under the same timeout: a server that sends headers and then stalls is a timeout too.
    const text = await readBounded(res, MAX_BODY_BYTES);
    if (text === undefined) {
      return { kind: 'fail', error: { status: res.status, error_type: 'malformed_response', message: `the response is larger than ${MAX_BODY_BYTES} bytes` } };
    }
    const latency_ms = Math.round((performance.now() - started) * 1000) / 1000;
    if (res.status >= 200 && res.status < 300) {
      const parsed = parseSuccess(text, res.status);
      if (parsed.kind !== 'body') return parsed;
      const ok: Outcome = { kind: 'ok', output: parsed.output, latency_ms };
      if (parsed.finish_reason !== undefined) ok.finish_reason = parsed.finish_reason;
      if (parsed.generated_tokens !== undefined) ok.generated_tokens = parsed.generated_tokens;
      return ok;
    }
    const error = errorFromBody(res.status, res.statusText, text);
    if (res.status === 401 || res.status === 403 || res.status === 404) {
      return { kind: 'fatal', error, hint: fatalHint(res.status, ctx.endpoint) };
    }
    if (RETRY_STATUS.has(res.status)) {
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
      return retryAfterMs === undefined ? { kind: 'retry', error } : { kind: 'retry', error, retryAfterMs };
    }
    return { kind: 'fail', error };
  } catch (err) {
    if (ctx.runSignal.aborted) return { kind: 'aborted' };
    if (timedOut) {
      return { kind: 'retry', error: { error_type: 'timeout', message: `no complete answer within ${ctx.timeoutMs} ms` } };
    }
    const code = networkCode(err);
    const what = code ?? ((err as Error)?.message || String(err));
    return {
      kind: 'retry',
      error: { error_type: 'network', message: `connection failed: ${clip(what)}` },
      unreachable: code !== undefined && UNREACHABLE_CODES.has(code),
    };
  } finally {
    clearTimeout(timer);
    ctx.runSignal.removeEventListener('abort', onRunAbort);
  }
}

function redactError(error: RemoteError, redact: Redactor): RemoteError {
  return { ...error, message: redact(error.message) };
}

function describe(error: RemoteError): string {
  const head = [error.status !== undefined ? `HTTP ${error.status}` : undefined, error.error_type].filter(Boolean).join(' ');
  return head ? `${head}: ${error.message}` : error.message;
}

/**
 * Send every case and return one result per case, in the order given. Per-case failures (validation,
 * retries exhausted, malformed answers) are results with `error`; an auth or routing failure, an unreachable
 * server, or an abort rejects with E_REMOTE. With `cachePath`, finished cases are appended as they finish
 * and a later run sends only the cases not yet answered for the same request.
 */
export async function runRemote(options: RunRemoteOptions): Promise<RemoteResult[]> {
  const endpoint = typeof options.endpoint === 'string' ? resolveEndpoint(options.endpoint) : options.endpoint;
  const reporter = options.reporter ?? silentReporter;
  const params: RemoteParameters = { ...(options.parameters ?? {}) };
  // Predibase's curl example puts the token in parameters.api_token; LoRAX reads the header instead, and a
  // token in the body would land in the request digest. Move it to the header.
  const token = options.token || (typeof params.api_token === 'string' ? params.api_token : undefined) || undefined;
  delete params.api_token;
  const redact = createRedactor([token]);
  if (token !== undefined && !/^[\x21-\x7e]+$/.test(token)) {
    throw new KolmError('E_USAGE', 'the API token has spaces or control characters, so it cannot be sent as a header', {
      hint: 'check PREDIBASE_API_TOKEN (or --token) for a stray newline or quote',
    });
  }
  const concurrency = positiveInt('concurrency', options.concurrency, DEFAULT_CONCURRENCY, 1);
  const timeoutMs = positiveInt('timeout', options.timeoutMs, DEFAULT_TIMEOUT_MS, 1);
  const retries = positiveInt('retries', options.retries, DEFAULT_RETRIES, 0);
  const backoff = options.backoff ?? DEFAULT_BACKOFF_MS;
  const maxBackoffMs = options.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;
  const fetchFn: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));

  const seen = new Set<string>();
  for (const c of options.cases) {
    if (seen.has(c.id)) {
      throw new KolmError('E_BAD_INPUT', `case id "${c.id}" appears twice in the A/B cases`, {
        hint: 'give every eval case a unique id (the resume cache is keyed by it)',
      });
    }
    seen.add(c.id);
  }

  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', 'user-agent': 'kolm-migrate' };
  if (token) headers.authorization = `Bearer ${token}`;

  const total = options.cases.length;
  const results: (RemoteResult | undefined)[] = new Array(total);
  const bodies = options.cases.map((c) => JSON.stringify({ inputs: c.prompt, parameters: params }));
  const digests = bodies.map((b) => requestDigest(endpoint.url, JSON.parse(b)));

  if (endpoint.note) reporter.info(endpoint.note);
  let writer: CacheWriter | undefined;
  const pending: number[] = [];
  if (options.cachePath) {
    const cached = await readCache(options.cachePath);
    options.cases.forEach((c, i) => {
      const line = cached.get(c.id);
      if (line && line.digest === digests[i] && line.output !== undefined && !line.error) results[i] = resultFromCache(line);
      else pending.push(i);
    });
    if (pending.length < total) reporter.info(`resuming: ${total - pending.length} of ${total} cases answered before (${options.cachePath})`);
    writer = await CacheWriter.open(options.cachePath);
  } else {
    for (let i = 0; i < total; i++) pending.push(i);
  }

  // One controller for the run: the caller's abort and our own stop (fatal answer) both end it.
  const run = new AbortController();
  let fatal: KolmError | undefined;
  const onCallerAbort = () => run.abort();
  if (options.signal?.aborted) run.abort();
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });

  let done = total - pending.length;
  const stage = 'remote';
  reporter.progress({ stage, done, total, message: endpoint.display });

  const stop = (error: RemoteError, hint: string, id: string) => {
    if (fatal) return;
    const where = endpoint.display;
    fatal = new KolmError('E_REMOTE', redact(`${where} answered case "${id}" with ${describe(error)}; the A/B stopped`), {
      hint: redact(hint),
      details: { endpoint: where, case: id, ...error, message: redact(error.message) },
    });
    run.abort();
  };

  const runCase = async (i: number): Promise<RemoteResult | undefined> => {
    const c = options.cases[i]!;
    const ctx: AttemptContext = { endpoint, body: bodies[i]!, headers, timeoutMs, fetch: fetchFn, runSignal: run.signal };
    let attempts = 0;
    for (;;) {
      attempts++;
      const outcome = await attemptOnce(ctx);
      if (outcome.kind === 'aborted') return undefined;
      if (outcome.kind === 'ok') {
        const r: RemoteResult = { id: c.id, output: redact(outcome.output), latency_ms: outcome.latency_ms, attempts };
        if (outcome.finish_reason !== undefined) r.finish_reason = outcome.finish_reason;
        if (outcome.generated_tokens !== undefined) r.generated_tokens = outcome.generated_tokens;
        return r;
      }
      if (outcome.kind === 'fatal') {
        stop(outcome.error, outcome.hint, c.id);
        return undefined;
      }
      if (outcome.kind === 'fail') return { id: c.id, error: redactError(outcome.error, redact), attempts };
      // retry
      if (attempts > retries) {
        if (outcome.unreachable) {
          stop(outcome.error, `is the server running at ${endpoint.display}? check the host and port`, c.id);
          return undefined;
        }
        return { id: c.id, error: redactError(outcome.error, redact), attempts };
      }
      const exp = Math.min(maxBackoffMs, backoff * 2 ** (attempts - 1));
      const wait =
        outcome.retryAfterMs !== undefined ? Math.min(maxRetryAfterMs, outcome.retryAfterMs) : exp / 2 + (random() * exp) / 2;
      reporter.progress({
        stage,
        done,
        total,
        message: redact(`case ${c.id}: ${describe(outcome.error)}; retry ${attempts}/${retries} in ${Math.round(wait)} ms`),
      });
      await sleep(wait, run.signal);
      if (run.signal.aborted) return undefined;
    }
  };

  let next = 0;
  let writeFailure: unknown;
  const worker = async () => {
    while (!run.signal.aborted && next < pending.length) {
      const i = pending[next++]!;
      const r = await runCase(i);
      if (!r) continue;
      results[i] = r;
      done++;
      if (writer) {
        try {
          await writer.append(cacheLineFor(r, digests[i]!));
        } catch (err) {
          writeFailure = err;
          run.abort();
        }
      }
      reporter.progress({ stage, done, total, message: endpoint.display });
    }
  };

  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, pending.length) }, worker));
  } finally {
    options.signal?.removeEventListener('abort', onCallerAbort);
    await writer?.close();
  }
  if (writeFailure) throw writeFailure;
  if (fatal) throw fatal;
  if (run.signal.aborted) {
    throw new KolmError('E_REMOTE', `the A/B against ${endpoint.display} was interrupted after ${done} of ${total} cases`, {
      hint: options.cachePath
        ? `run it again: the ${done} finished cases are kept in ${options.cachePath} and will not be sent again`
        : 'run it again (give a cache file to keep finished cases across runs)',
      details: { done, total },
    });
  }
  return results as RemoteResult[];
}
