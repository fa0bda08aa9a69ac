import {
  commitFilesAtomic,
  ensureFolder,
  tempPathFor,
  writeFileAtomic
} from "./chunk-WBWVS4MC.js";
import "./chunk-QMXGNTLL.js";
import "./chunk-AYSNEYKG.js";
export {
  commitFilesAtomic,
  ensureFolder,
  tempPathFor,
  writeFileAtomic
};
