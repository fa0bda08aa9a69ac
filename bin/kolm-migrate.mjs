#!/usr/bin/env node
// Entry point: the only place that touches process for `kolm-migrate`.
import { register } from 'tsx/esm/api';

register();
const { runWizardCli } = await import('../tui/wizard/cli.ts');
process.exitCode = await runWizardCli(process.argv.slice(2));
