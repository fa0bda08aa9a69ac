// The llama.cpp runtime is optional: without node-llama-cpp, loading an adapter artifact is one clear
// error with the install command, and recipes never import it. Checked in a child process whose module
// resolution really lacks the package (a resolve hook), not by mocking our code.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { physicalCores } from '../../../core/llm/runtime.ts';
import { tmpdir } from '../../_util/tmp.ts';

const root = new URL('../../../', import.meta.url).pathname;

function withoutRuntime(script: string): { status: number | null; stdout: string; stderr: string } {
  const dir = tmpdir({
    'hooks.mjs': `export async function resolve(spec, ctx, next) {
  if (spec === 'node-llama-cpp' || spec.startsWith('node-llama-cpp/')) {
    const e = new Error("Cannot find package 'node-llama-cpp' imported from " + ctx.parentURL);
    e.code = 'ERR_MODULE_NOT_FOUND';
    throw e;
  }
  return next(spec, ctx);
}\n`,
    'register.mjs': `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`,
    'main.mts': script,
  });
  const r = spawnSync(process.execPath, ['--import', join(dir, 'register.mjs'), '--import', 'tsx', join(dir, 'main.mts')], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('without node-llama-cpp: E_RUNTIME_MISSING with the one install command; recipes still load', () => {
  const r = withoutRuntime(`
import { loadNodeLlamaCpp } from '${root}core/llm/runtime.ts';
import '${root}core/runtime/index.ts';
import '${root}core/serve/index.ts';
try {
  await loadNodeLlamaCpp();
  console.log(JSON.stringify({ loaded: true }));
} catch (e) {
  console.log(JSON.stringify({ code: e.code, message: e.message, hint: e.hint }));
}
`);
  assert.is(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
  assert.is(out.code, 'E_RUNTIME_MISSING');
  assert.match(out.message, /node-llama-cpp/);
  assert.match(out.hint, /npm install --save-exact node-llama-cpp@3\.21\.1/);
});

test('threads default to physical cores (at least one)', () => {
  assert.ok(physicalCores() >= 1);
});

test.run();
