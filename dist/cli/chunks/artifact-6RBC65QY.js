import {
  ADAPTER_CONFIG_ENTRY,
  ADAPTER_GGUF_ENTRY,
  compileAdapterArtifact,
  dtypeForSpec
} from "./chunk-SIJ3N4SD.js";
import "./chunk-4RNX3ROK.js";
import "./chunk-FY2AZ2K4.js";
import "./chunk-HCB5U3V4.js";
export {
  ADAPTER_CONFIG_ENTRY,
  ADAPTER_GGUF_ENTRY,
  compileAdapterArtifact,
  dtypeForSpec
};
