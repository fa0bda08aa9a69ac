import {
  RECIPE_CONFIG_ENTRY,
  carveFolds,
  compileRecipe,
  createdFromInputs,
  formatCandidateTable,
  measureLatency,
  recipeArtifactBytes,
  recipeManifest,
  scoreOn
} from "./chunk-EJ7TQGZX.js";
import "./chunk-VXLLJYN6.js";
import "./chunk-KQIU45A5.js";
import "./chunk-27DNCZ6H.js";
import "./chunk-634HSXJB.js";
import "./chunk-TNBATMMU.js";
import "./chunk-NVDMUG2T.js";
import "./chunk-4NIWZNTF.js";
import "./chunk-KACU67E6.js";
import "./chunk-NAXT4SUI.js";
import "./chunk-WBWVS4MC.js";
import "./chunk-QMXGNTLL.js";
import "./chunk-LIGPPG57.js";
import "./chunk-AYSNEYKG.js";
export {
  RECIPE_CONFIG_ENTRY,
  carveFolds,
  compileRecipe,
  createdFromInputs,
  formatCandidateTable,
  measureLatency,
  recipeArtifactBytes,
  recipeManifest,
  scoreOn
};
