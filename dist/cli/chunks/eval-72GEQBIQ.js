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
} from "./chunk-BE6LTV4K.js";
import "./chunk-KIDQGF2E.js";
import {
  evaluatePredictor,
  timeSingleCalls
} from "./chunk-VXLLJYN6.js";
import {
  EVAL_REPORT_VERSION,
  buildReport,
  checkGates,
  confidenceFigures,
  firstMissedGate,
  gateFailure,
  latencyStats,
  parseGates,
  scoreCases
} from "./chunk-KQIU45A5.js";
import "./chunk-5PASBJYA.js";
import "./chunk-P6XBHVKH.js";
import "./chunk-27DNCZ6H.js";
import "./chunk-LL7JIVUI.js";
import "./chunk-3BN23YBG.js";
import "./chunk-4K3U4TX7.js";
import "./chunk-634HSXJB.js";
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
  confidenceFigures,
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
