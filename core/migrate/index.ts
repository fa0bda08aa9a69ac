export { findExports, getExport, tryExportAt } from './find.ts';
export type { FoundExport } from './find.ts';
export { buildArtifact, migrateExport, specFileText, translateAndConvert } from './pipeline.ts';
export type { BuildResult, MigrateOptions, MigrateResult, TranslatedExport } from './pipeline.ts';
export { applyColumnFixes, fixMapping } from './mapping.ts';
export { workflowYaml, gatesInput, WORKFLOW_PATH, DEFAULT_ACTION_REF } from './workflow.ts';
export type { WorkflowOptions } from './workflow.ts';
