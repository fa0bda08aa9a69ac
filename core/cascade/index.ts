// Cascades (DESIGN §5): a recipe answers what it is sure of, a fallback (an adapter artifact or an endpoint)
// answers the rest, and the gates hold for the whole. Choosing the threshold is pure (threshold.ts).
export { cascadeAt, chooseThreshold, formatCurve } from './threshold.ts';
export type { CascadeCase, CascadePoint, ChooseOptions, ThresholdChoice } from './threshold.ts';
export { CASCADE_ENTRY, CASCADE_FORMAT, CascadeConfigSchema, FALLBACK_ERROR_POLICIES, parseCascadeConfig, serializeCascadeConfig } from './config.ts';
export type { CascadeConfig, FallbackErrorPolicy, FallbackRef } from './config.ts';
export { artifactFallback, endpointFallback, DEFAULT_FALLBACK_RETRIES, DEFAULT_FALLBACK_TIMEOUT_MS } from './fallback.ts';
export type { EndpointFallbackOptions, Fallback, FallbackAnswer } from './fallback.ts';
export { cascadePredictor, isCascadePrediction } from './predictor.ts';
export type { CascadePath, CascadePrediction, CascadeRouting } from './predictor.ts';
export type { CascadeRuntimeOptions } from './load.ts';
export { cascadeReport } from './report.ts';
export type { CascadeReport } from './report.ts';
export { fallbackLabel, renderCascadeSummary } from './render.ts';
export type { CascadeSummaryInput } from './render.ts';
