// Worker entry for the wizard's compile step: the recipe fits are CPU-bound and synchronous, so they run
// here and the terminal keeps drawing (spinner, elapsed time, per-candidate progress).
import { parentPort, workerData } from 'node:worker_threads';
import { runCompileJob } from './compile-job.ts';

await runCompileJob(workerData, parentPort);
