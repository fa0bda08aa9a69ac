import {
  checkShape,
  createSeedsChecker,
  formatShape,
  inferShape,
  jsonTypeOf,
  readExamples,
  validateSeedsFile,
  validateSeedsStream
} from "./chunk-KIDQGF2E.js";
import {
  DEFAULT_MAX_LINE_BYTES,
  LineSplitter,
  firstInvalidUtf8Offset
} from "./chunk-5PASBJYA.js";
import "./chunk-4NIWZNTF.js";
import "./chunk-AYSNEYKG.js";
export {
  DEFAULT_MAX_LINE_BYTES,
  LineSplitter,
  checkShape,
  createSeedsChecker,
  firstInvalidUtf8Offset,
  formatShape,
  inferShape,
  jsonTypeOf,
  readExamples,
  validateSeedsFile,
  validateSeedsStream
};
