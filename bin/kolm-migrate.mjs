#!/usr/bin/env node
// `kolm-migrate`: the built wizard (scripts/bundle.mjs compiles tui/ and core/ into dist/cli/).
import '../dist/cli/kolm-migrate.js';
