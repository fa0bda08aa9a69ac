import {
  abstaining,
  checkAbstainPolicy,
  loadArtifact,
  predictorFromContents,
  verifyArtifactSignature
} from "./chunk-4K3U4TX7.js";
import {
  CLASSIFIER_RUNTIMES,
  DEFAULT_CLASSIFIER_RUNTIME,
  predictEach,
  textGenerator
} from "./chunk-634HSXJB.js";
import "./chunk-TNBATMMU.js";
import "./chunk-62KDHQQ6.js";
import "./chunk-NVDMUG2T.js";
import "./chunk-4NIWZNTF.js";
import "./chunk-KACU67E6.js";
import "./chunk-WBWVS4MC.js";
import "./chunk-QMXGNTLL.js";
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
