import {
  ADAPTER_CONFIG_ENTRY,
  ADAPTER_GGUF_ENTRY,
  compileAdapterArtifact,
  dtypeForSpec
} from "./chunk-JCP56AFO.js";
import "./chunk-4RNX3ROK.js";
import "./chunk-VAW3NW7K.js";
import "./chunk-HCB5U3V4.js";
export {
  ADAPTER_CONFIG_ENTRY,
  ADAPTER_GGUF_ENTRY,
  compileAdapterArtifact,
  dtypeForSpec
};
