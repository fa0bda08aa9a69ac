// The compile step's two halves: `runCompileJob` runs inside the worker (compile-worker.ts) and posts
// progress and the result as plain messages; `compileInWorker` starts it and turns the messages back into a
// Reporter's calls and a BuildResult (or the KolmError, with its code, hint and data intact).
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, type MessagePort } from 'node:worker_threads';
import { isKolmError, KolmError, type ErrorCode } from '../../core/errors.ts';
import { buildArtifact, type BuildResult, type MigrateResult } from '../../core/migrate/index.ts';
import type { ProgressEvent, Reporter } from '../../core/progress.ts';

type JobMessage =
  | { type: 'progress'; event: ProgressEvent }
  | { type: 'info'; message: string }
  | { type: 'warn'; message: string }
  | { type: 'done'; built: BuildResult }
  | { type: 'error'; error: { code?: ErrorCode; message: string; hint?: string; place?: KolmError['place']; data?: unknown; stack?: string } };

export async function runCompileJob(job: MigrateResult, port: MessagePort | null): Promise<void> {
  const post = (m: JobMessage) => port?.postMessage(m);
  const reporter: Reporter = {
    progress: (event) => post({ type: 'progress', event }),
    info: (message) => post({ type: 'info', message }),
    warn: (message) => post({ type: 'warn', message }),
  };
  try {
    post({ type: 'done', built: await buildArtifact(job, reporter) });
  } catch (err) {
    const e = err as Error;
    post({
      type: 'error',
      error: isKolmError(err)
        ? { code: err.code, message: err.message, ...(err.hint ? { hint: err.hint } : {}), ...(err.place ? { place: err.place } : {}), ...(err.data !== undefined ? { data: err.data } : {}) }
        : { message: String(e?.message ?? err), ...(e?.stack ? { stack: e.stack } : {}) },
    });
  }
}

// writeFileAtomic's temp names (core/fs/atomic.ts tempPathFor): `.<name>.<12 hex>.tmp`.
const TEMP_FILE = /^\..+\.[0-9a-f]{12}\.tmp$/;

export interface CompileJob {
  result: Promise<BuildResult>;
  /** Stop the worker and remove any temp file it was writing: nothing half-written is left. */
  cancel(): Promise<void>;
}

// From source (tests run under tsx) the entry is compile-worker.mjs, which registers tsx in the thread;
// in the built CLI this code sits in dist/cli/chunks/ and the entry is dist/cli/compile-worker.js.
function workerEntry(): URL {
  if (import.meta.url.endsWith('.ts')) return new URL('./compile-worker.mjs', import.meta.url);
  const built = [new URL('./compile-worker.js', import.meta.url), new URL('../compile-worker.js', import.meta.url)];
  return built.find((u) => existsSync(u)) ?? built[0]!;
}

export function compileInWorker(job: MigrateResult, reporter: Reporter): CompileJob {
  const worker = new Worker(workerEntry(), { workerData: job });
  let settled = false;
  const result = new Promise<BuildResult>((resolve, reject) => {
    worker.on('message', (m: JobMessage) => {
      if (m.type === 'progress') reporter.progress(m.event);
      else if (m.type === 'info') reporter.info(m.message);
      else if (m.type === 'warn') reporter.warn(m.message);
      else if (m.type === 'done') {
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
    worker.on('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.on('exit', (code) => {
      // A worker that exits without a result crashed (nothing the user did): our bug, not a usage error.
      if (!settled) reject(new KolmError('E_INTERNAL', `the compile stopped (worker exit ${code})`, { hint: 'run the compile step again' }));
    });
  });
  return {
    result,
    async cancel() {
      if (settled) return;
      settled = true;
      await worker.terminate();
      for (const name of readdirSync(job.outDir)) if (TEMP_FILE.test(name)) rmSync(join(job.outDir, name), { force: true });
    },
  };
}
