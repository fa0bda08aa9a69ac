import {
  buildAdapterFromFiles,
  buildCascadeFromFiles,
  buildFromFiles,
  saveBuilt
} from "./chunk-6AKJQH3X.js";
import "./chunk-KIDQGF2E.js";
import "./chunk-L7GFDHQW.js";
import "./chunk-2CJC64JB.js";
import "./chunk-LKBP2VSA.js";
import "./chunk-YZC6GRKW.js";
import "./chunk-5PASBJYA.js";
import "./chunk-KJEBBPXY.js";
import "./chunk-P6XBHVKH.js";
import "./chunk-27DNCZ6H.js";
import "./chunk-LL7JIVUI.js";
import "./chunk-3BN23YBG.js";
import "./chunk-OBWXLOW7.js";
import "./chunk-JYLD3XQQ.js";
import "./chunk-I4LAGOGP.js";
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
