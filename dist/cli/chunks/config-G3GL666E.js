import {
  CASCADE_ENTRY,
  CASCADE_FORMAT,
  CascadeConfigSchema,
  FALLBACK_ERROR_POLICIES,
  parseCascadeConfig,
  serializeCascadeConfig
} from "./chunk-OBWXLOW7.js";
import "./chunk-AYSNEYKG.js";
export {
  CASCADE_ENTRY,
  CASCADE_FORMAT,
  CascadeConfigSchema,
  FALLBACK_ERROR_POLICIES,
  parseCascadeConfig,
  serializeCascadeConfig
};
