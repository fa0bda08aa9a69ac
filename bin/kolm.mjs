#!/usr/bin/env node
// Entry point: the only place that touches process for the `kolm` CLI.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../tui/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
