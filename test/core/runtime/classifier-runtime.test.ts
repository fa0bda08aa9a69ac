// classifierRuntime through the one runtime: an artifact's classifier (and a composite's label parts) load on
// the TypeScript scorer by default and on onnxruntime-node when asked, with the same predictions. Without
// onnxruntime-node (a child process whose module resolution really lacks it, by a resolve hook) the default
// still loads and predicts, and asking for 'onnx' is E_RUNTIME_MISSING with the install command.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compileRecipe, recipeArtifactBytes } from '../../../core/compile/index.ts';
import { loadArtifact, type ClassifierRuntime, type Example, type Input } from '../../../core/runtime/index.ts';
import type { RecipeType } from '../../../core/recipes/index.ts';
import type { Spec } from '../../../core/spec/index.ts';
import { seededRandom } from '../../../core/util/random.ts';
import { tmpdir } from '../../_util/tmp.ts';
import { generateClasses } from '../recipes/classifier/_gen.ts';

const test = suite('classifier runtime choice');
const root = new URL('../../../', import.meta.url).pathname;
const spec: Spec = { kolm: 1, task: 't', shape: { input: 'string', output: 'string' } };
const meta = { spec, name: 'test', created: '2026-01-01T00:00:00.000Z', datasets: [] };

/** JSON outputs with a label field and a span field: the composite recipe, whose label parts are classifiers. */
function bookings(n: number, seed: number): Example[] {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const cities = ['Paris', 'Lima', 'Oslo', 'Cairo', 'Quito', 'Delhi', 'Seoul', 'Accra', 'Hanoi', 'Dakar'];
  const intents: [string, string[]][] = [
    ['book', ['book a trip to', 'reserve a ticket to']],
    ['cancel', ['cancel my trip to', 'drop the booking for']],
    ['weather', ['what is the weather in', 'is it raining in']],
  ];
  return Array.from({ length: n }, () => {
    const [intent, phrases] = pick(intents);
    const city = pick(cities);
    return { input: `${pick(phrases)} ${city} please`, output: JSON.stringify({ intent, city }) };
  });
}

async function artifact(train: Example[], only: RecipeType, classifierRuntime?: ClassifierRuntime): Promise<Uint8Array> {
  const outcome = await compileRecipe({ spec, train, only: [only], ...(classifierRuntime ? { classifierRuntime } : {}) });
  assert.is(outcome.winner, only);
  await outcome.predictor.close?.();
  return recipeArtifactBytes(outcome, meta);
}

const tasks: { name: string; only: RecipeType; train: Example[]; held: Input[] }[] = [
  { name: 'classifier (12 classes)', only: 'classifier', train: generateClasses(700, 12, 21), held: generateClasses(200, 12, 22).map((e) => e.input) },
  { name: 'composite (label part + span part)', only: 'composite', train: bookings(400, 1), held: bookings(100, 2).map((e) => e.input) },
];

const files: Record<string, Uint8Array> = {};
for (const t of tasks) {
  test(`${t.name}: loaded from bytes, the default and 'onnx' give the same predictions`, async () => {
    const bytes = await artifact(t.train, t.only);
    files[`${t.only}.kolm`] = bytes;
    // Compile-time scoring on either runtime leaves the same artifact.
    assert.equal(await artifact(t.train, t.only, 'onnx'), bytes);
    const byDefault = await loadArtifact(bytes);
    const onnx = await loadArtifact(bytes, { classifierRuntime: 'onnx' });
    const a = await byDefault.predictor.predictBatch(t.held);
    const b = await onnx.predictor.predictBatch(t.held);
    a.forEach((p, i) => {
      assert.equal(p.output, b[i]!.output, `case ${i}`);
      assert.ok(Math.abs(p.confidence! - b[i]!.confidence!) < 1e-5, `case ${i}: ${p.confidence} vs ${b[i]!.confidence}`);
    });
    await byDefault.predictor.close?.();
    await onnx.predictor.close?.();
  });
}

test('without onnxruntime-node: the default loads and predicts; asking for onnx is E_RUNTIME_MISSING with the install command', () => {
  const dir = tmpdir({
    ...files,
    'hooks.mjs': `export async function resolve(spec, ctx, next) {
  if (spec === 'onnxruntime-node' || spec.startsWith('onnxruntime-node/')) {
    const e = new Error("Cannot find package 'onnxruntime-node' imported from " + ctx.parentURL);
    e.code = 'ERR_MODULE_NOT_FOUND';
    throw e;
  }
  return next(spec, ctx);
}\n`,
    'register.mjs': `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`,
    'main.mts': `
import { readFileSync } from 'node:fs';
import { loadArtifact } from '${root}core/runtime/index.ts';
const out = {};
for (const name of ${JSON.stringify(Object.keys(files))}) {
  const bytes = readFileSync(new URL(name, import.meta.url));
  const { predictor } = await loadArtifact(bytes);
  const p = await predictor.predict('book a trip to Oslo please');
  const e = await loadArtifact(bytes, { classifierRuntime: 'onnx' }).then(() => null, (err) => err);
  out[name] = { predicted: typeof p.confidence === 'number', code: e?.code, message: e?.message, hint: e?.hint };
}
console.log(JSON.stringify(out));
`,
  });
  assert.equal(Object.keys(files).sort(), ['classifier.kolm', 'composite.kolm']);
  const r = spawnSync(process.execPath, ['--import', join(dir, 'register.mjs'), '--import', 'tsx', join(dir, 'main.mts')], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  assert.is(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, { predicted: boolean; code?: string; message?: string; hint?: string }>;
  for (const [name, o] of Object.entries(out)) {
    assert.ok(o.predicted, `${name}: the default runtime predicted`);
    assert.is(o.code, 'E_RUNTIME_MISSING', name);
    assert.match(o.message!, /onnxruntime-node is not installed/);
    assert.match(o.hint!, /ONNXRUNTIME_NODE_INSTALL=skip npm install onnxruntime-node@1\.30/);
  }
});

test.run();
