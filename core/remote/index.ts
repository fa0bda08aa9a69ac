// The remote side of an A/B: send eval cases to a LoRAX server or Predibase deployment and get outputs and
// latencies back, resumably (DESIGN §6, lorax-api.md).
export { resolveEndpoint } from './endpoint.ts';
export type { RemoteEndpoint, EndpointKind } from './endpoint.ts';
export { runRemote, DEFAULT_CONCURRENCY, DEFAULT_DEADLINE_MS } from './client.ts';
export type { RunRemoteOptions } from './client.ts';
export { DEFAULT_TIMEOUT_MS } from './attempt.ts';
export type { FetchLike } from './attempt.ts';
export { parseRetryAfter, defaultSleep, DEFAULT_RETRIES, DEFAULT_BACKOFF_MS, DEFAULT_MAX_BACKOFF_MS, DEFAULT_MAX_RETRY_AFTER_MS } from './retry.ts';
export type { Sleep } from './retry.ts';
export { readCache, requestDigest, CACHE_VERSION } from './cache.ts';
export type { CacheLine } from './cache.ts';
export { createRedactor, REDACTED } from './redact.ts';
export type { Redactor } from './redact.ts';
export { renderPrompt, promptRenderer, remoteParameters } from './prompt.ts';
export type { RemoteCase, RemoteParameters, RemoteResult, RemoteError } from './types.ts';
