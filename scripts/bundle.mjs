#!/usr/bin/env node
// Builds what ships, into dist/ (committed; .ci/run rebuilds it and fails when the committed copy differs):
//
// dist/cli/: the published `kolm` and `kolm-migrate` (bin/*.mjs import them). Our TypeScript compiled to
// plain ESM for Node 20, with every npm package left external (they are the package's dependencies), and
// split so that what a command loads lazily (the Ink wizard, node-llama-cpp's path) stays out of start-up.
// No TypeScript compiler at run time. The LoRA trainer (core/train/python: a Python entry point and its
// pinned requirements) is copied beside it as dist/cli/train-python/, where core/train finds it.
//
// dist/action.js: the GitHub Action (action/index.ts), one ESM file for node24 that runs from a checkout
// with no node_modules, so every dependency is inlined.
// - onnxruntime-node and node-llama-cpp (native, optional) stay external and are never loaded: classifiers
//   score on core's TypeScript scorer by default (onnxruntime-node only under classifierRuntime: 'onnx',
//   which the Action never asks for), and the Action refuses adapter artifacts before llama.cpp is needed.
// - CommonJS dependencies call require() for Node built-ins: the banner gives the ESM bundle one.
import { build } from 'esbuild';
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Chunk names carry content hashes: clear the folder so a rebuild leaves no stale chunk behind.
rmSync(`${root}dist/cli`, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { kolm: 'tui/cli-main.ts', 'kolm-migrate': 'tui/wizard/cli-main.ts', 'compile-worker': 'tui/wizard/compile-worker.ts' },
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.17',
  packages: 'external',
  jsx: 'automatic',
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
});
cpSync(`${root}core/train/python`, `${root}dist/cli/train-python`, { recursive: true, filter: (src) => !src.includes('__pycache__') });

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
  external: ['onnxruntime-node', 'node-llama-cpp'],
  mainFields: ['module', 'main'],
  banner: { js: "import { createRequire as __kolmCreateRequire } from 'node:module'; const require = __kolmCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
