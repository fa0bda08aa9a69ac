// One request of the A/B client: POST a case's body to the endpoint under a timeout that covers reading
// the answer too, and say what came of it: an output, an answer worth retrying, a final per-case error,
// or a failure (401/403/404) that would hit every other case the same way.
import type { RemoteEndpoint } from './endpoint.ts';
import { isRetryStatus, parseRetryAfter } from './retry.ts';
import type { RemoteError } from './types.ts';

export const DEFAULT_TIMEOUT_MS = 60_000;

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export type Outcome =
  | { kind: 'ok'; output: string; latency_ms: number; finish_reason?: string; generated_tokens?: number }
  | { kind: 'retry'; error: RemoteError; retryAfterMs?: number; unreachable?: boolean }
  | { kind: 'fail'; error: RemoteError }
  | { kind: 'fatal'; error: RemoteError; hint: string }
  | { kind: 'aborted' };

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const MAX_MESSAGE = 500;
// A generate answer is a few KB (with details, tens of KB); anything far larger is not LoRAX.
const MAX_BODY_BYTES = 16 * 1024 * 1024;

function clip(text: string): string {
  const t = text.trim();
  return t.length > MAX_MESSAGE ? `${t.slice(0, MAX_MESSAGE)}…` : t;
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

export interface AttemptContext {
  endpoint: RemoteEndpoint;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  fetch: FetchLike;
  runSignal: AbortSignal;
}

export async function attemptOnce(ctx: AttemptContext): Promise<Outcome> {
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
    if (isRetryStatus(res.status)) {
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
