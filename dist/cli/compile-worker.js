import {
  runCompileJob
} from "./chunks/chunk-AMQSYNUQ.js";
import "./chunks/chunk-2ZXFY2TG.js";
import "./chunks/chunk-A4SXVQ24.js";
import "./chunks/chunk-TSLRCPRA.js";
import "./chunks/chunk-FY2AZ2K4.js";
import "./chunks/chunk-HCB5U3V4.js";

// tui/wizard/compile-worker.ts
import { parentPort, workerData } from "node:worker_threads";
await runCompileJob(workerData, parentPort);
