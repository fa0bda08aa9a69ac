import {
  buildAdapterFromFiles,
  buildCascadeFromFiles,
  buildFromFiles,
  saveBuilt
} from "./chunk-25VUC6NN.js";
import "./chunk-KIDQGF2E.js";
import "./chunk-EJ7TQGZX.js";
import "./chunk-VXLLJYN6.js";
import "./chunk-PHOCAAMB.js";
import "./chunk-KQIU45A5.js";
import "./chunk-5PASBJYA.js";
import "./chunk-KJEBBPXY.js";
import "./chunk-P6XBHVKH.js";
import "./chunk-27DNCZ6H.js";
import "./chunk-LL7JIVUI.js";
import "./chunk-3BN23YBG.js";
import "./chunk-OBWXLOW7.js";
import "./chunk-4K3U4TX7.js";
import "./chunk-634HSXJB.js";
import "./chunk-TNBATMMU.js";
import "./chunk-62KDHQQ6.js";
import "./chunk-NVDMUG2T.js";
import "./chunk-4NIWZNTF.js";
import "./chunk-KACU67E6.js";
import "./chunk-NAXT4SUI.js";
import "./chunk-WBWVS4MC.js";
import "./chunk-QMXGNTLL.js";
import "./chunk-LIGPPG57.js";
import "./chunk-AYSNEYKG.js";
export {
  buildAdapterFromFiles,
  buildCascadeFromFiles,
  buildFromFiles,
  saveBuilt
};
