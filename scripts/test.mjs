#!/usr/bin/env node
// Runs every test/**/*.test.ts (or the files/folders given) with uvu, each file in its own process
// (isolation, and two at a time on this 2-core machine), then prints the totals as the last line:
// `N passed, N failed`. Folders named _util or _fixtures are helpers, never tests.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cpus } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const targets = args.length ? args : ['test'];
const FILE_TIMEOUT_MS = Number(process.env.KOLM_TEST_TIMEOUT_MS ?? 300_000);

function collect(path, out) {
  const st = statSync(path);
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      if (name.startsWith('_') || name === 'node_modules') continue;
      collect(join(path, name), out);
    }
  } else if (/\.test\.tsx?$/.test(path)) out.push(path);
  return out;
}

const files = targets.flatMap((t) => collect(join(root, t), []));
const strip = (s) => s.replace(/\u001b\[[0-9;]*m/g, '');

function runFile(file) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', file], {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      output += `\n[test runner] killed after ${FILE_TIMEOUT_MS} ms\n`;
      child.kill('SIGKILL');
    }, FILE_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      const text = strip(output);
      const total = Number(/Total:\s+(\d+)/.exec(text)?.[1] ?? NaN);
      const passed = Number(/Passed:\s+(\d+)/.exec(text)?.[1] ?? NaN);
      const skipped = Number(/Skipped:\s+(\d+)/.exec(text)?.[1] ?? 0);
      let failed = Number.isFinite(total) ? total - passed - skipped : 1;
      // A file that exits non-zero after uvu's summary (e.g. an unhandled rejection) still failed.
      if (code !== 0 && failed === 0) failed = 1;
      resolve({ file, passed: Number.isFinite(passed) ? passed : 0, failed, skipped, code, text, ms: Date.now() - started });
    });
  });
}

const concurrency = Math.max(1, Math.min(Number(process.env.KOLM_TEST_JOBS ?? cpus().length), 4));
const results = [];
let next = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < files.length) {
      const file = files[next++];
      const r = await runFile(file);
      results.push(r);
      const mark = r.failed ? 'FAIL' : 'ok  ';
      process.stdout.write(`${mark} ${relative(root, file)}  (${r.passed} passed, ${r.failed} failed, ${(r.ms / 1000).toFixed(1)}s)\n`);
    }
  }),
);

for (const r of results.filter((r) => r.failed)) {
  process.stdout.write(`\n──── ${relative(root, r.file)} (exit ${r.code}) ────\n${r.text}\n`);
}
const passed = results.reduce((a, r) => a + r.passed, 0);
const failed = results.reduce((a, r) => a + r.failed, 0);
const skipped = results.reduce((a, r) => a + r.skipped, 0);
if (files.length === 0) process.stdout.write('no test files found\n');
process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exitCode = failed || files.length === 0 ? 1 : 0;
