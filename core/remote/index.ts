// The remote side of an A/B: send eval cases to a LoRAX server or Predibase deployment and get outputs and
// latencies back, resumably (DESIGN §6, lorax-api.md).
export { resolveEndpoint } from './endpoint.ts';
export type { RemoteEndpoint, EndpointKind } from './endpoint.ts';
export {
  runRemote,
  parseRetryAfter,
  defaultSleep,
  DEFAULT_CONCURRENCY,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_RETRIES,
  DEFAULT_BACKOFF_MS,
  DEFAULT_MAX_BACKOFF_MS,
  DEFAULT_MAX_RETRY_AFTER_MS,
} from './client.ts';
export type { RunRemoteOptions, FetchLike, Sleep } from './client.ts';
export { readCache, requestDigest, CACHE_VERSION } from './cache.ts';
export type { CacheLine } from './cache.ts';
export { createRedactor, REDACTED } from './redact.ts';
export type { Redactor } from './redact.ts';
export { renderPrompt, promptRenderer, remoteParameters } from './prompt.ts';
export type { RemoteCase, RemoteParameters, RemoteResult, RemoteError } from './types.ts';
