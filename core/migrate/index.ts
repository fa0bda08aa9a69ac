export { findExports, getExport, tryExportAt } from './find.ts';
export type { FoundExport } from './find.ts';
export { migrateExport, specFileText } from './pipeline.ts';
export type { MigrateOptions, MigrateResult } from './pipeline.ts';
