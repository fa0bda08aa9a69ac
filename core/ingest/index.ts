// Ingestion's public surface: open DuckDB at the edge, convert an export, read the report.
export { convertExport } from './convert.ts';
export type { ConvertOptions } from './convert.ts';
export { openIngestDb } from './duckdb.ts';
export type { IngestDb, IngestDbOptions } from './duckdb.ts';
export { DROP_REASONS, DROP_REASON_TEXT } from './report.ts';
export type { ConvertReport, DropReason, FileReport, LengthStats, SplitCounts, SplitSource } from './report.ts';
export { formatOf, resolveDataFiles, SUPPORTED_EXTENSIONS } from './sources.ts';
export type { DataFile, DataFormat } from './sources.ts';
