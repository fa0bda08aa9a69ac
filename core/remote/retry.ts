// The retry policy of the A/B client: which answers are worth another try, how long to wait before it
// (jittered exponential backoff, or the server's Retry-After, both capped), and the loop that tries again
// until an answer is final or the retries are spent.

export const DEFAULT_RETRIES = 4;
export const DEFAULT_BACKOFF_MS = 500;
export const DEFAULT_MAX_BACKOFF_MS = 20_000;
export const DEFAULT_MAX_RETRY_AFTER_MS = 30_000;

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

// 429 overloaded and the 5xx a gateway or a restarting shard gives; 424 (generation failed, e.g. an adapter
// that cannot load) and 4xx validation answers are the same on every try.
const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);

/** True for an HTTP status that another try may answer differently. */
export function isRetryStatus(status: number): boolean {
  return RETRY_STATUS.has(status);
}

/** Retry-After in ms (seconds or an HTTP date), or undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

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

export interface RetryPolicy {
  /** Retries after the first attempt (0: one try only). */
  retries: number;
  /** Base backoff in ms: retry n waits about backoff·2^(n-1), jittered to between half and all of it. */
  backoff: number;
  maxBackoffMs: number;
  maxRetryAfterMs: number;
  random: () => number;
  sleep: Sleep;
}

/** How long to wait before retry `attempt` (1 for the first retry): the server's Retry-After when it sent one. */
export function retryWait(attempt: number, retryAfterMs: number | undefined, policy: Omit<RetryPolicy, 'retries' | 'sleep'>): number {
  const exp = Math.min(policy.maxBackoffMs, policy.backoff * 2 ** (attempt - 1));
  return retryAfterMs !== undefined ? Math.min(policy.maxRetryAfterMs, retryAfterMs) : exp / 2 + (policy.random() * exp) / 2;
}

/** What the retry loop needs to know of one try: `kind: 'retry'` asks for another. */
export interface Tried {
  kind: string;
  retryAfterMs?: number;
}

/**
 * Try until the outcome is not a retry, or it still is after `policy.retries` retries (then that retry
 * outcome is returned), waiting `retryWait` between tries. `onRetry` hears each wait before it starts; an
 * abort during a wait ends the loop with `{kind: 'aborted'}`.
 */
export async function withRetries<O extends Tried>(
  attempt: () => Promise<O>,
  policy: RetryPolicy,
  signal: AbortSignal,
  onRetry: (outcome: Extract<O, { kind: 'retry' }>, attempts: number, waitMs: number) => void,
): Promise<{ outcome: O | { kind: 'aborted' }; attempts: number }> {
  let attempts = 0;
  for (;;) {
    attempts++;
    const outcome = await attempt();
    if (outcome.kind !== 'retry' || attempts > policy.retries) return { outcome, attempts };
    const wait = retryWait(attempts, outcome.retryAfterMs, policy);
    onRetry(outcome as Extract<O, { kind: 'retry' }>, attempts, wait);
    await policy.sleep(wait, signal);
    if (signal.aborted) return { outcome: { kind: 'aborted' }, attempts };
  }
}
