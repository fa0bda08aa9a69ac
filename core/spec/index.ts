export { SpecSchema, parseSpec, parseSpecText, specJsonSchema, FIELD_TYPES, OUTPUT_KINDS, QUANTIZATIONS } from './schema.ts';
export type { Spec, Shape, Gates, OutputKind } from './schema.ts';
export { readSpecFile } from './read.ts';
