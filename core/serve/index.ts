// `kolm serve`'s core: a LoRAX-compatible HTTP handler over loaded artifacts (DESIGN §7), the loader that
// verifies them, metrics, and the edge helpers that bind a port and watch files.
export { createHandler } from './handler.ts';
export type { HandlerDeps, ServeHandler, RequestLog } from './handler.ts';
export { DEFAULT_SERVE_LIMITS } from './exchange.ts';
export type { ServeLimits } from './exchange.ts';
export { ArtifactSet, loadServedArtifact } from './artifacts.ts';
export type { ServedArtifact, LoadOptions } from './artifacts.ts';
export { ServeError, toServeError } from './errors.ts';
export { Metrics } from './metrics.ts';
export { listen } from './listen.ts';
export type { ListenOptions, Listening } from './listen.ts';
export { watchFiles } from './watch.ts';
export { inputMapper, outputText } from './inputs.ts';
export { chunks, countChunks, generate } from './tokens.ts';
export { DEFAULT_GENERATION_LIMITS } from './params.ts';
export type { GenerationLimits } from './params.ts';
