// The A/B client: sends each case to a LoRAX server or Predibase deployment (`POST …/generate`, lorax-api.md
// §2–4) with a bounded number in flight (pool.ts), a per-request timeout (attempt.ts), bounded retries with
// jittered backoff on overload/5xx/dropped connections (retry.ts), and a resume cache (resume.ts). Auth and
// routing failures (401/403/404) stop the whole run at once, since every other case would fail the same way.
// The token goes only in the Authorization header; every string handed back is passed through the redactor.
import { isKolmError, KolmError } from '../errors.ts';
import { silentReporter, type Reporter } from '../progress.ts';
import { attemptOnce, type AttemptContext, type FetchLike, DEFAULT_TIMEOUT_MS } from './attempt.ts';
import { CacheWriter, cacheLineFor, readCache, requestDigest, type CacheLine } from './cache.ts';
import { resolveEndpoint, type RemoteEndpoint } from './endpoint.ts';
import { runPool } from './pool.ts';
import { createRedactor, redactDeep, redactingReporter, redactKolmError, type Redactor } from './redact.ts';
import { resumeState } from './resume.ts';
import {
  defaultSleep, withRetries, DEFAULT_BACKOFF_MS, DEFAULT_MAX_BACKOFF_MS, DEFAULT_MAX_RETRY_AFTER_MS, DEFAULT_RETRIES, type RetryPolicy, type Sleep,
} from './retry.ts';
import type { RemoteCase, RemoteError, RemoteParameters, RemoteResult } from './types.ts';

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_DEADLINE_MS = 60 * 60 * 1000;

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
  /**
   * The whole run's limit in ms (default 1 h): a server that answers every case with a long Retry-After
   * would otherwise keep an A/B going for hours. At the deadline the run stops like an abort: finished
   * cases stay in the cache, and the error says how many and how to resume.
   */
  deadlineMs?: number;
  reporter?: Reporter;
  fetch?: FetchLike;
  /** Aborting stops new requests, cancels those in flight and rejects with E_REMOTE (finished cases stay cached). */
  signal?: AbortSignal;
  /** Injected for fast, deterministic tests. */
  random?: () => number;
  sleep?: Sleep;
}

function positiveInt(name: string, value: number | undefined, fallback: number, min: number): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v < min || Math.floor(v) !== v) {
    throw new KolmError('E_USAGE', `${name} must be a whole number ≥ ${min}, got ${value}`, { hint: `omit it for the default (${fallback})` });
  }
  return v;
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
  const params: RemoteParameters = { ...(options.parameters ?? {}) };
  // Predibase's curl example puts the token in parameters.api_token; LoRAX reads the header instead, and a
  // token in the body would land in the request digest. Move it to the header.
  const token = options.token || (typeof params.api_token === 'string' ? params.api_token : undefined) || undefined;
  delete params.api_token;
  const redact = createRedactor([token]);
  // The one exit for errors: whatever is thrown from here on, its text is redacted (a server can echo the
  // token into any field, and an error message quotes what the server said).
  try {
    return await runRedacted(options, params, token, redact);
  } catch (err) {
    throw isKolmError(err) ? redactKolmError(err, redact) : err;
  }
}

async function runRedacted(options: RunRemoteOptions, params: RemoteParameters, token: string | undefined, redact: Redactor): Promise<RemoteResult[]> {
  const endpoint = typeof options.endpoint === 'string' ? resolveEndpoint(options.endpoint) : options.endpoint;
  const reporter = redactingReporter(options.reporter ?? silentReporter, redact);
  if (token !== undefined && !/^[\x21-\x7e]+$/.test(token)) {
    throw new KolmError('E_USAGE', 'the API token has spaces or control characters, so it cannot be sent as a header', {
      hint: 'check PREDIBASE_API_TOKEN (or --token) for a stray newline or quote',
    });
  }
  const concurrency = positiveInt('concurrency', options.concurrency, DEFAULT_CONCURRENCY, 1);
  const timeoutMs = positiveInt('timeout', options.timeoutMs, DEFAULT_TIMEOUT_MS, 1);
  const retries = positiveInt('retries', options.retries, DEFAULT_RETRIES, 0);
  const deadlineMs = positiveInt('deadline', options.deadlineMs, DEFAULT_DEADLINE_MS, 1);
  const policy: RetryPolicy = {
    retries,
    backoff: options.backoff ?? DEFAULT_BACKOFF_MS,
    maxBackoffMs: options.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS,
    maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS,
    random: options.random ?? Math.random,
    sleep: options.sleep ?? defaultSleep,
  };
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
  const bodies = options.cases.map((c) => JSON.stringify({ inputs: c.prompt, parameters: params }));
  const digests = bodies.map((b) => requestDigest(endpoint.url, JSON.parse(b)));

  if (endpoint.note) reporter.info(endpoint.note);
  let cached: Map<string, CacheLine> | undefined;
  if (options.cachePath) cached = await readCache(options.cachePath);
  const resumed = resumeState(options.cases, digests, cached);
  // A cache written before (by an older kolm, or by hand) may hold the token: cleaned like a fresh answer.
  const results = resumed.results.map((r) => (r ? redactDeep(r, redact) : r));
  const { pending } = resumed;
  let writer: CacheWriter | undefined;
  if (options.cachePath) {
    if (pending.length < total) reporter.info(`resuming: ${total - pending.length} of ${total} cases answered before (${options.cachePath})`);
    writer = await CacheWriter.open(options.cachePath, redact);
  }

  // One controller for the run: the caller's abort and our own stop (fatal answer) both end it.
  const run = new AbortController();
  let fatal: KolmError | undefined;
  const onCallerAbort = () => run.abort();
  if (options.signal?.aborted) run.abort();
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });
  let pastDeadline = false;
  const deadline = setTimeout(() => {
    pastDeadline = true;
    run.abort();
  }, deadlineMs);
  deadline.unref?.();

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
    const { outcome, attempts } = await withRetries(() => attemptOnce(ctx), policy, run.signal, (o, n, wait) => {
      reporter.progress({
        stage,
        done,
        total,
        message: redact(`case ${c.id}: ${describe(o.error)}; retry ${n}/${retries} in ${Math.round(wait)} ms`),
      });
    });
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
    // A retry outcome here means the retries are spent.
    if (outcome.kind === 'retry' && outcome.unreachable) {
      stop(outcome.error, `is the server running at ${endpoint.display}? check the host and port`, c.id);
      return undefined;
    }
    return { id: c.id, error: redactError(outcome.error, redact), attempts };
  };

  let writeFailure: unknown;
  try {
    await runPool(pending, concurrency, run.signal, async (i) => {
      const found = await runCase(i);
      if (!found) return;
      // The one exit for results: every string of it (output, error, finish reason, ...) is redacted.
      const r = redactDeep(found, redact);
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
    });
  } finally {
    clearTimeout(deadline);
    options.signal?.removeEventListener('abort', onCallerAbort);
    await writer?.close();
  }
  if (writeFailure) throw writeFailure;
  if (fatal) throw fatal;
  if (pastDeadline && !options.signal?.aborted) {
    const minutes = deadlineMs >= 60_000 ? `${Math.round(deadlineMs / 60_000)} min` : `${deadlineMs} ms`;
    throw new KolmError('E_REMOTE', `the A/B against ${endpoint.display} reached its deadline of ${minutes} after ${done} of ${total} cases (the server was slow or kept asking to retry later)`, {
      hint: options.cachePath
        ? `run it again to resume: the ${done} finished cases are kept in ${options.cachePath}; or give the A/B a longer deadline`
        : 'run it again with a cache file to resume where it stopped, or give the A/B a longer deadline',
      details: { done, total, deadline_ms: deadlineMs },
    });
  }
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
