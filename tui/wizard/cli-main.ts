// The `kolm-migrate` process: the one place that reads argv and sets the exit code (built to dist/cli/kolm-migrate.js).
import { runWizardCli } from './cli.ts';

process.exitCode = await runWizardCli(process.argv.slice(2));
