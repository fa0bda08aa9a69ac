import {
  abstaining,
  checkAbstainPolicy,
  loadArtifact,
  predictorFromContents,
  verifyArtifactSignature
} from "./chunk-2SISIE42.js";
import {
  CLASSIFIER_RUNTIMES,
  DEFAULT_CLASSIFIER_RUNTIME,
  predictEach,
  textGenerator
} from "./chunk-I4LAGOGP.js";
import "./chunk-TNBATMMU.js";
import "./chunk-NVDMUG2T.js";
import "./chunk-4NIWZNTF.js";
import "./chunk-RMWOEK4E.js";
import "./chunk-4COXVCH4.js";
import "./chunk-676Q6BTA.js";
import "./chunk-LIGPPG57.js";
import "./chunk-AYSNEYKG.js";
export {
  CLASSIFIER_RUNTIMES,
  DEFAULT_CLASSIFIER_RUNTIME,
  abstaining,
  checkAbstainPolicy,
  loadArtifact,
  predictEach,
  predictorFromContents,
  textGenerator,
  verifyArtifactSignature
};
