import {
  runCompileJob
} from "./chunks/chunk-VKSZNNFK.js";
import "./chunks/chunk-53BTHMP7.js";
import "./chunks/chunk-ZVLIYQQP.js";
import "./chunks/chunk-25VUC6NN.js";
import "./chunks/chunk-KIDQGF2E.js";
import "./chunks/chunk-EJ7TQGZX.js";
import "./chunks/chunk-VXLLJYN6.js";
import "./chunks/chunk-PHOCAAMB.js";
import "./chunks/chunk-KQIU45A5.js";
import "./chunks/chunk-WTY55LNG.js";
import "./chunks/chunk-5PASBJYA.js";
import "./chunks/chunk-WP33B6NK.js";
import "./chunks/chunk-KJEBBPXY.js";
import "./chunks/chunk-P6XBHVKH.js";
import "./chunks/chunk-27DNCZ6H.js";
import "./chunks/chunk-LL7JIVUI.js";
import "./chunks/chunk-3BN23YBG.js";
import "./chunks/chunk-OBWXLOW7.js";
import "./chunks/chunk-4K3U4TX7.js";
import "./chunks/chunk-634HSXJB.js";
import "./chunks/chunk-TNBATMMU.js";
import "./chunks/chunk-62KDHQQ6.js";
import "./chunks/chunk-NVDMUG2T.js";
import "./chunks/chunk-4NIWZNTF.js";
import "./chunks/chunk-KACU67E6.js";
import "./chunks/chunk-NAXT4SUI.js";
import "./chunks/chunk-WBWVS4MC.js";
import "./chunks/chunk-QMXGNTLL.js";
import "./chunks/chunk-LIGPPG57.js";
import "./chunks/chunk-AYSNEYKG.js";

// tui/wizard/compile-worker.ts
import { parentPort, workerData } from "node:worker_threads";
await runCompileJob(workerData, parentPort);
