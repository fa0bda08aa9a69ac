import {
  buildArtifact
} from "./chunk-53BTHMP7.js";
import {
  KolmError,
  isKolmError
} from "./chunk-AYSNEYKG.js";

// tui/wizard/compile-job.ts
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
async function runCompileJob(job, port) {
  const post = (m) => port?.postMessage(m);
  const reporter = {
    progress: (event) => post({ type: "progress", event }),
    info: (message) => post({ type: "info", message }),
    warn: (message) => post({ type: "warn", message })
  };
  try {
    post({ type: "done", built: await buildArtifact(job, reporter) });
  } catch (err) {
    const e = err;
    post({
      type: "error",
      error: isKolmError(err) ? { code: err.code, message: err.message, ...err.hint ? { hint: err.hint } : {}, ...err.place ? { place: err.place } : {}, ...err.data !== void 0 ? { data: err.data } : {} } : { message: String(e?.message ?? err), ...e?.stack ? { stack: e.stack } : {} }
    });
  }
}
var TEMP_FILE = /^\..+\.[0-9a-f]{12}\.tmp$/;
function workerEntry() {
  if (import.meta.url.endsWith(".ts")) return new URL("./compile-worker.mjs", import.meta.url);
  const built = [new URL("./compile-worker.js", import.meta.url), new URL("../compile-worker.js", import.meta.url)];
  return built.find((u) => existsSync(u)) ?? built[0];
}
function compileInWorker(job, reporter) {
  const worker = new Worker(workerEntry(), { workerData: job });
  let settled = false;
  const result = new Promise((resolve, reject) => {
    worker.on("message", (m) => {
      if (m.type === "progress") reporter.progress(m.event);
      else if (m.type === "info") reporter.info(m.message);
      else if (m.type === "warn") reporter.warn(m.message);
      else if (m.type === "done") {
        settled = true;
        void worker.terminate();
        resolve(m.built);
      } else {
        settled = true;
        void worker.terminate();
        if (m.error.code) reject(new KolmError(m.error.code, m.error.message, { hint: m.error.hint, place: m.error.place, details: m.error.data }));
        else reject(Object.assign(new Error(m.error.message), { stack: m.error.stack }));
      }
    });
    worker.on("error", (err) => {
      settled = true;
      reject(err);
    });
    worker.on("exit", (code) => {
      if (!settled) reject(new KolmError("E_INTERNAL", `the compile stopped (worker exit ${code})`, { hint: "run the compile step again" }));
    });
  });
  return {
    result,
    async cancel() {
      if (settled) return;
      settled = true;
      await worker.terminate();
      for (const name of readdirSync(job.outDir)) if (TEMP_FILE.test(name)) rmSync(join(job.outDir, name), { force: true });
    }
  };
}

export {
  runCompileJob,
  compileInWorker
};
