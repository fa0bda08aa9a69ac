import {
  ADAPTER_CONFIG_ENTRY,
  ADAPTER_GGUF_ENTRY,
  compileAdapterArtifact,
  dtypeForSpec
} from "./chunk-BWA76FFL.js";
import "./chunk-4RNX3ROK.js";
import "./chunk-MJ5SRUD2.js";
import "./chunk-HCB5U3V4.js";
export {
  ADAPTER_CONFIG_ENTRY,
  ADAPTER_GGUF_ENTRY,
  compileAdapterArtifact,
  dtypeForSpec
};
