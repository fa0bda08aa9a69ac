import {
  FIELD_TYPES,
  OUTPUT_KINDS,
  QUANTIZATIONS,
  SpecSchema,
  parseSpec,
  parseSpecText,
  readSpecFile,
  specJsonSchema
} from "./chunk-LIGPPG57.js";
import "./chunk-AYSNEYKG.js";
export {
  FIELD_TYPES,
  OUTPUT_KINDS,
  QUANTIZATIONS,
  SpecSchema,
  parseSpec,
  parseSpecText,
  readSpecFile,
  specJsonSchema
};
