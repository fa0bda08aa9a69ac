import {
  ADAPTER_CONFIG_ENTRY,
  ADAPTER_GGUF_ENTRY,
  compileAdapterArtifact,
  dtypeForSpec
} from "./chunk-TUOOWCGY.js";
import "./chunk-IMQARR2S.js";
import "./chunk-WP33B6NK.js";
import "./chunk-NVDMUG2T.js";
import "./chunk-KACU67E6.js";
import "./chunk-NAXT4SUI.js";
import "./chunk-WBWVS4MC.js";
import "./chunk-QMXGNTLL.js";
import "./chunk-LIGPPG57.js";
import "./chunk-AYSNEYKG.js";
export {
  ADAPTER_CONFIG_ENTRY,
  ADAPTER_GGUF_ENTRY,
  compileAdapterArtifact,
  dtypeForSpec
};
