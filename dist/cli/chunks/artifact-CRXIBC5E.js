import {
  ADAPTER_CONFIG_ENTRY,
  ADAPTER_GGUF_ENTRY,
  compileAdapterArtifact,
  dtypeForSpec
} from "./chunk-SHW56LHW.js";
import "./chunk-IMQARR2S.js";
import "./chunk-WP33B6NK.js";
import "./chunk-NVDMUG2T.js";
import "./chunk-NAXT4SUI.js";
import "./chunk-4COXVCH4.js";
import "./chunk-676Q6BTA.js";
import "./chunk-LIGPPG57.js";
import "./chunk-AYSNEYKG.js";
export {
  ADAPTER_CONFIG_ENTRY,
  ADAPTER_GGUF_ENTRY,
  compileAdapterArtifact,
  dtypeForSpec
};
