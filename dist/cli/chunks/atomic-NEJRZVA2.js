import {
  commitFilesAtomic,
  ensureFolder,
  tempPathFor,
  writeFileAtomic
} from "./chunk-676Q6BTA.js";
import "./chunk-AYSNEYKG.js";
export {
  commitFilesAtomic,
  ensureFolder,
  tempPathFor,
  writeFileAtomic
};
