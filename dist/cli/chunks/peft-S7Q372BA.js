import {
  crossCheckAdapter,
  jsonErrorPosition,
  parsePeftAdapterConfig
} from "./chunk-WP33B6NK.js";
import "./chunk-AYSNEYKG.js";
export {
  crossCheckAdapter,
  jsonErrorPosition,
  parsePeftAdapterConfig
};
