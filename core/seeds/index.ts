export { validateSeedsStream, createSeedsChecker } from './validate.ts';
export type { RowShape, SeedsIssue, SeedsWarning, SeedsReport, ValidateSeedsOptions } from './validate.ts';
export { validateSeedsFile } from './read.ts';
export { checkShape, inferShape, formatShape, jsonTypeOf } from './shape.ts';
export { LineSplitter, firstInvalidUtf8Offset, DEFAULT_MAX_LINE_BYTES } from './lines.ts';
export type { RawLine } from './lines.ts';
export { readExamples } from './examples.ts';
export type { LoadedExamples } from './examples.ts';
