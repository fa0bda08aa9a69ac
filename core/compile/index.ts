// The compiler's public entry: choose and fit a recipe (compileRecipe), then package it (recipeArtifactBytes).
export { compileRecipe, formatCandidateTable, scoreOn, measureLatency } from './compile.ts';
export type { Baseline, CandidateRow, CandidateStatus, CompileInput, CompileOutcome, DatasetRef, Metrics } from './compile.ts';
export { recipeArtifactBytes, recipeManifest, RECIPE_CONFIG_ENTRY } from './artifact.ts';
export type { ArtifactMeta } from './artifact.ts';
export { carveFolds } from './split.ts';
export { createdFromInputs } from './created.ts';
