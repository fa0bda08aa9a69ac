import {
  crossCheckAdapter,
  jsonErrorPosition,
  parsePeftAdapterConfig
} from "./chunk-HCB5U3V4.js";
export {
  crossCheckAdapter,
  jsonErrorPosition,
  parsePeftAdapterConfig
};
