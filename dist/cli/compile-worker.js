import {
  runCompileJob
} from "./chunks/chunk-UB6EASSX.js";
import "./chunks/chunk-J4MTYFNQ.js";
import "./chunks/chunk-26UZAA2T.js";
import "./chunks/chunk-TSLRCPRA.js";
import "./chunks/chunk-MJ5SRUD2.js";
import "./chunks/chunk-HCB5U3V4.js";

// tui/wizard/compile-worker.ts
import { parentPort, workerData } from "node:worker_threads";
await runCompileJob(workerData, parentPort);
