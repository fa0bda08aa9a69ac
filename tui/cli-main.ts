// The `kolm` process: the one place that reads argv and sets the exit code (built to dist/cli/kolm.js).
import { runCli } from './cli.ts';

process.exitCode = await runCli(process.argv.slice(2));
