import {
  DEFAULT_ACTION_REF,
  WORKFLOW_PATH,
  applyColumnFixes,
  buildArtifact,
  findExports,
  fixMapping,
  gatesInput,
  getExport,
  migrateExport,
  specFileText,
  translateAndConvert,
  tryExportAt,
  workflowYaml
} from "./chunk-CFNLVVDT.js";
import "./chunk-P43PATYW.js";
import "./chunk-7HYQUOIA.js";
import "./chunk-LKBP2VSA.js";
import "./chunk-ZVLIYQQP.js";
import "./chunk-CCMG3WRW.js";
import "./chunk-WP33B6NK.js";
import "./chunk-KJEBBPXY.js";
import "./chunk-OBWXLOW7.js";
import "./chunk-2CJC64JB.js";
import "./chunk-YZC6GRKW.js";
import "./chunk-P6XBHVKH.js";
import "./chunk-27DNCZ6H.js";
import "./chunk-LL7JIVUI.js";
import "./chunk-3BN23YBG.js";
import "./chunk-2SISIE42.js";
import "./chunk-I4LAGOGP.js";
import "./chunk-TNBATMMU.js";
import "./chunk-NVDMUG2T.js";
import "./chunk-KIDQGF2E.js";
import "./chunk-5PASBJYA.js";
import "./chunk-4NIWZNTF.js";
import "./chunk-NAXT4SUI.js";
import "./chunk-RMWOEK4E.js";
import "./chunk-4COXVCH4.js";
import "./chunk-676Q6BTA.js";
import "./chunk-LIGPPG57.js";
import "./chunk-AYSNEYKG.js";
export {
  DEFAULT_ACTION_REF,
  WORKFLOW_PATH,
  applyColumnFixes,
  buildArtifact,
  findExports,
  fixMapping,
  gatesInput,
  getExport,
  migrateExport,
  specFileText,
  translateAndConvert,
  tryExportAt,
  workflowYaml
};
