import {
  runCompileJob
} from "./chunks/chunk-ZE4ZJN4P.js";
import "./chunks/chunk-CFNLVVDT.js";
import "./chunks/chunk-P43PATYW.js";
import "./chunks/chunk-7HYQUOIA.js";
import "./chunks/chunk-LKBP2VSA.js";
import "./chunks/chunk-ZVLIYQQP.js";
import "./chunks/chunk-CCMG3WRW.js";
import "./chunks/chunk-WP33B6NK.js";
import "./chunks/chunk-KJEBBPXY.js";
import "./chunks/chunk-OBWXLOW7.js";
import "./chunks/chunk-2CJC64JB.js";
import "./chunks/chunk-YZC6GRKW.js";
import "./chunks/chunk-P6XBHVKH.js";
import "./chunks/chunk-27DNCZ6H.js";
import "./chunks/chunk-LL7JIVUI.js";
import "./chunks/chunk-3BN23YBG.js";
import "./chunks/chunk-2SISIE42.js";
import "./chunks/chunk-I4LAGOGP.js";
import "./chunks/chunk-TNBATMMU.js";
import "./chunks/chunk-NVDMUG2T.js";
import "./chunks/chunk-KIDQGF2E.js";
import "./chunks/chunk-5PASBJYA.js";
import "./chunks/chunk-4NIWZNTF.js";
import "./chunks/chunk-NAXT4SUI.js";
import "./chunks/chunk-RMWOEK4E.js";
import "./chunks/chunk-4COXVCH4.js";
import "./chunks/chunk-676Q6BTA.js";
import "./chunks/chunk-LIGPPG57.js";
import "./chunks/chunk-AYSNEYKG.js";

// tui/wizard/compile-worker.ts
import { parentPort, workerData } from "node:worker_threads";
await runCompileJob(workerData, parentPort);
