import {
  createTempRegistry,
  onInterrupt,
  tempPaths
} from "./chunk-QMXGNTLL.js";
export {
  createTempRegistry,
  onInterrupt,
  tempPaths
};
