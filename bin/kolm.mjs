#!/usr/bin/env node
// `kolm`: the built CLI (scripts/bundle.mjs compiles tui/ and core/ into dist/cli/).
import '../dist/cli/kolm.js';
