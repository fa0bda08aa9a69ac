import {
  runCompileJob
} from "./chunks/chunk-OCNSL4WO.js";
import "./chunks/chunk-O6DZQUOM.js";
import "./chunks/chunk-7CFP2BJ3.js";
import "./chunks/chunk-TSLRCPRA.js";
import "./chunks/chunk-VAW3NW7K.js";
import "./chunks/chunk-HCB5U3V4.js";

// tui/wizard/compile-worker.ts
import { parentPort, workerData } from "node:worker_threads";
await runCompileJob(workerData, parentPort);
