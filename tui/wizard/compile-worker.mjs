// Worker entry for the wizard's compile step: the recipe fits are CPU-bound and synchronous, so they run
// here and the terminal keeps drawing (spinner, elapsed time, per-candidate progress). Plain JS because it
// must register the TypeScript loader before importing the job, as bin/kolm-migrate.mjs does.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runCompileJob } = await import('./compile-job.ts');
await runCompileJob(workerData, parentPort);
