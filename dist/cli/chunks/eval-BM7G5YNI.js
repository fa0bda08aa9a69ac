import {
  compareReports,
  evaluateArtifact,
  evaluateArtifactFile,
  evaluateRemote,
  readEvalReport,
  renderComparisonMarkdown,
  renderComparisonText,
  renderEvalMarkdown,
  renderReportMarkdown
} from "./chunk-VGAJCKQ2.js";
import "./chunk-KIDQGF2E.js";
import {
  evaluatePredictor,
  timeSingleCalls
} from "./chunk-2CJC64JB.js";
import {
  EVAL_REPORT_VERSION,
  buildReport,
  checkGates,
  firstMissedGate,
  gateFailure,
  latencyStats,
  parseGates,
  scoreCases
} from "./chunk-YZC6GRKW.js";
import "./chunk-5PASBJYA.js";
import "./chunk-P6XBHVKH.js";
import "./chunk-27DNCZ6H.js";
import "./chunk-LL7JIVUI.js";
import "./chunk-3BN23YBG.js";
import "./chunk-JYLD3XQQ.js";
import "./chunk-I4LAGOGP.js";
import "./chunk-TNBATMMU.js";
import "./chunk-62KDHQQ6.js";
import "./chunk-NVDMUG2T.js";
import "./chunk-4NIWZNTF.js";
import "./chunk-KACU67E6.js";
import "./chunk-BLKCQOPR.js";
import "./chunk-WBWVS4MC.js";
import "./chunk-QMXGNTLL.js";
import "./chunk-LIGPPG57.js";
import "./chunk-AYSNEYKG.js";
export {
  EVAL_REPORT_VERSION,
  buildReport,
  checkGates,
  compareReports,
  evaluateArtifact,
  evaluateArtifactFile,
  evaluatePredictor,
  evaluateRemote,
  firstMissedGate,
  gateFailure,
  latencyStats,
  parseGates,
  readEvalReport,
  renderComparisonMarkdown,
  renderComparisonText,
  renderEvalMarkdown,
  renderReportMarkdown,
  scoreCases,
  timeSingleCalls
};
