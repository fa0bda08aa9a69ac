// The .kolm artifact, format 1 (DESIGN §8): one writer, one reader, the manifest schema and the root digest.
export { writeArtifact, saveArtifact, buildManifest } from './write.ts';
export type { ArtifactInput } from './write.ts';
export { readArtifact } from './read.ts';
export { entryJson } from './entry-json.ts';
export type { ReadArtifactOptions, ArtifactContents } from './read.ts';
export {
  ManifestSchema,
  checkManifest,
  serializeManifest,
  ARTIFACT_FORMAT,
  ARTIFACT_KINDS,
  ARTIFACT_QUANTIZATIONS,
  DATASET_ROLES,
  RECIPE_TYPES,
  parsePredibaseAdapterId,
} from './manifest.ts';
export type { Manifest, ManifestInput, ManifestMetrics, ArtifactKind, PredibaseOrigin, ManifestTraining } from './manifest.ts';
export { rootDigest, entryDigest, sha256Hex, compareNames } from './digest.ts';
export type { EntryDigest } from './digest.ts';
export { DEFAULT_LIMITS } from './limits.ts';
export type { ArtifactLimits } from './limits.ts';
export { MANIFEST_ENTRY, SIGNATURE_ENTRY, entryNameProblem } from './names.ts';
export { REBUILD_HINT, ARTIFACT_HINT } from './errors.ts';
