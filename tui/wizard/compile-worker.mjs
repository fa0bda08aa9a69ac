// The worker entry when the wizard runs from TypeScript (tests): loaders do not carry into worker threads,
// so register tsx here, then run the one entry the built CLI runs as dist/cli/compile-worker.js.
import { register } from 'tsx/esm/api';

register();
await import('./compile-worker.ts');
