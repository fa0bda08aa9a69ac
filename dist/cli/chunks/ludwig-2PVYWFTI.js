import {
  RE_ARCHITECTURE,
  formatPath,
  parseLudwigYaml,
  readLudwigConfig,
  readPeftAdapterConfig,
  specName,
  specNameFromConfigPath,
  translateLudwigConfig,
  translateLudwigFiles,
  translateLudwigYaml
} from "./chunk-ZVLIYQQP.js";
import {
  MODEL_PRESETS,
  crossCheckAdapter,
  parsePeftAdapterConfig,
  resolveBaseModel
} from "./chunk-WP33B6NK.js";
import "./chunk-LL7JIVUI.js";
import "./chunk-3BN23YBG.js";
import "./chunk-LIGPPG57.js";
import "./chunk-AYSNEYKG.js";
export {
  MODEL_PRESETS,
  RE_ARCHITECTURE,
  crossCheckAdapter,
  formatPath,
  parseLudwigYaml,
  parsePeftAdapterConfig,
  readLudwigConfig,
  readPeftAdapterConfig,
  resolveBaseModel,
  specName,
  specNameFromConfigPath,
  translateLudwigConfig,
  translateLudwigFiles,
  translateLudwigYaml
};
