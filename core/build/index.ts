// The build service: spec + examples (+ eval) → artifact bytes and report (buildFromFiles), then saved,
// signed or not (saveBuilt). Every face builds through these two.
export { buildFromFiles } from './build.ts';
export type { BuildInput, Built, CompileSummary } from './build.ts';
export { saveBuilt } from './save.ts';
export type { Saved, SaveSigning } from './save.ts';
export { buildAdapterFromFiles } from './adapter.ts';
export type { AdapterBuildInput } from './adapter.ts';
export { buildCascadeFromFiles } from './cascade.ts';
export type { BuiltCascade, CascadeBuildInput, CascadeEval, CascadeFallbackInput } from './cascade.ts';
