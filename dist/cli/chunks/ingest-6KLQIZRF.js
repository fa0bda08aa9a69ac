import {
  DROP_REASONS,
  DROP_REASON_TEXT,
  SUPPORTED_EXTENSIONS,
  convertExport,
  formatOf,
  openIngestDb,
  resolveDataFiles
} from "./chunk-WTY55LNG.js";
import "./chunk-5PASBJYA.js";
import "./chunk-3BN23YBG.js";
import "./chunk-TNBATMMU.js";
import "./chunk-4NIWZNTF.js";
import "./chunk-WBWVS4MC.js";
import "./chunk-QMXGNTLL.js";
import "./chunk-AYSNEYKG.js";
export {
  DROP_REASONS,
  DROP_REASON_TEXT,
  SUPPORTED_EXTENSIONS,
  convertExport,
  formatOf,
  openIngestDb,
  resolveDataFiles
};
