export { findExports, getExport, tryExportAt } from './find.ts';
export type { FoundExport } from './find.ts';
export { buildArtifact, migrateExport, specFileText } from './pipeline.ts';
export type { BuildResult, MigrateOptions, MigrateResult } from './pipeline.ts';
