import {
  runCompileJob
} from "./chunks/chunk-P4GLUFJB.js";
import "./chunks/chunk-725ZKZ5Y.js";
import "./chunks/chunk-45PXXHI4.js";
import "./chunks/chunk-TSLRCPRA.js";
import "./chunks/chunk-XGNBGGWJ.js";
import "./chunks/chunk-HCB5U3V4.js";

// tui/wizard/compile-worker.ts
import { parentPort, workerData } from "node:worker_threads";
await runCompileJob(workerData, parentPort);
