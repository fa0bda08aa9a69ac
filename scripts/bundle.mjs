#!/usr/bin/env node
// Bundles the GitHub Action (action/index.ts) into dist/action.js: one ESM file for node24 that runs from a
// checkout with no node_modules. .ci/run rebuilds it and fails when the committed dist/ differs.
// - onnxruntime-node (native) is replaced by action/ort-ts.ts, the TypeScript scorer (see that file).
// - node-llama-cpp (native, optional) stays external: only adapter artifacts load it, and the Action
//   refuses those before they get there.
// - CommonJS dependencies call require() for Node built-ins: the banner gives the ESM bundle one.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: ['action/index.ts'],
  outfile: 'dist/action.js',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  sourcemap: true,
  sourcesContent: false,
  legalComments: 'none',
  minifySyntax: false,
  alias: { 'onnxruntime-node': './action/ort-ts.ts' },
  external: ['node-llama-cpp'],
  mainFields: ['module', 'main'],
  banner: { js: "import { createRequire as __kolmCreateRequire } from 'node:module'; const require = __kolmCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
