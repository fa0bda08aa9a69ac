// A cascade at run time, loaded from disk through the one runtime: each case routed by the recipe's
// confidence, the fallback a real loopback LoRAX server (then down, then slow) or an artifact found by
// name and digest beside the cascade.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readArtifact, writeArtifact } from '../../../core/artifact/index.ts';
import { buildCascadeFromFiles, saveBuilt } from '../../../core/build/index.ts';
import { isCascadePrediction, type CascadePrediction } from '../../../core/cascade/index.ts';
import { evaluateArtifact, renderReportMarkdown } from '../../../core/eval/index.ts';
import { candidates } from '../../../core/recipes/index.ts';
import { silentReporter } from '../../../core/progress.ts';
import { loadArtifact } from '../../../core/runtime/index.ts';
import { VERSION } from '../../../core/version.ts';
import { errorOf } from '../../_util/errors.ts';
import { tmpdir } from '../../_util/tmp.ts';
import { cascadeTask, standIn, type StandIn } from './_task.ts';

const test = suite('cascade runtime');

const task = cascadeTask({ seed: 8, gates: { K_min: 0.85 } });
let s: StandIn;
let path: string;
let threshold: number;

test.before(async () => {
  s = await standIn([...task.train, ...task.eval], task.labels, { share: 0.95 });
  const built = await buildCascadeFromFiles({ specPath: task.specPath, examplesPath: task.trainPath, defaultName: 'x', fallback: { type: 'endpoint', url: s.server.url } });
  threshold = built.choice.threshold;
  path = (await saveBuilt(join(tmpdir(), 'intents.kolm'), built.bytes)).path;
});

test.after(async () => {
  await s.server.close();
});

const inputs = () => task.eval.map((e) => String(e.input));

test('each case is answered by the recipe at or above the threshold, by the fallback under it, and says which', async () => {
  const { predictor } = await loadArtifact(path);
  const before = s.server.requests.length;
  const out = (await predictor.predictBatch(inputs())) as CascadePrediction[];
  const deferred = out.flatMap((p, i) => (p.path === 'fallback' ? [inputs()[i]!] : []));
  assert.ok(deferred.length > 0 && deferred.length < out.length, `${deferred.length} of ${out.length} deferred`);
  out.forEach((p, i) => {
    assert.ok(isCascadePrediction(p));
    assert.is(p.path, p.recipe_confidence! >= threshold ? 'local' : 'fallback', `case ${i}`);
    if (p.path === 'fallback') {
      assert.is(p.output, s.answerFor(inputs()[i]!), 'the fallback\'s answer, as it gave it');
      assert.ok(p.fallback_ms! >= 0);
    }
  });
  const sent = s.server.requests.slice(before).map((r) => r.inputs);
  assert.equal(sent.sort(), deferred.sort(), 'exactly the deferred cases reached the GPU');
  // One at a time (as a server answers) the same.
  for (const i of [0, 1, 2, 3]) {
    const one = (await predictor.predict(inputs()[i]!)) as CascadePrediction;
    assert.equal([one.output, one.path], [out[i]!.output, out[i]!.path]);
  }
  await predictor.close?.();
});

test('eval of a cascade: K of the whole, the split between paths with K and latency on each, and the GPU requests saved', async () => {
  const { contents, predictor } = await loadArtifact(path);
  const { kolm } = await evaluateArtifact({ spec: contents.manifest.spec, outputKind: contents.manifest.output_kind, predictor, artifact: path, examples: task.eval });
  await predictor.close?.();
  const c = kolm.cascade!;
  assert.ok(c, 'the report has a cascade section');
  assert.is(c.local + c.fallback, task.eval.length);
  assert.is(c.requests_saved, c.local);
  assert.ok(c.local > 0 && c.fallback > 0);
  // K of the whole is the two paths' K weighted by their counts.
  assert.ok(Math.abs(kolm.K - (c.K_local! * c.local + c.K_fallback! * c.fallback) / task.eval.length) < 1e-3);
  assert.ok(c.latency_ms.local!.n === c.local && c.latency_ms.fallback!.n === c.fallback);
  assert.ok(c.fallback_ms_saved! > 0);
  const md = renderReportMarkdown(kolm);
  assert.match(md, /answered locally/);
  assert.match(md, new RegExp(`GPU requests saved \\| ${c.requests_saved}`));
});

test('a slow fallback: a bounded wait, then E_REMOTE on that case; confident cases are still answered', async () => {
  const { predictor } = await loadArtifact(path, { cascade: { timeoutMs: 150, retries: 0 } });
  const out = (await predictor.predictBatch(inputs())) as CascadePrediction[];
  const localIdx = out.findIndex((p) => p.path === 'local');
  const fallbackIdx = out.findIndex((p) => p.path === 'fallback');
  s.setDelay(3000);
  try {
    const err = await errorOf(() => predictor.predict(inputs()[fallbackIdx]!));
    assert.is(err.code, 'E_REMOTE');
    assert.match(err.hint ?? '', /longer than 150 ms/);
    assert.is((await predictor.predict(inputs()[localIdx]!)).output, out[localIdx]!.output);
  } finally {
    s.setDelay(0);
    await predictor.close?.();
  }
});

test('a fallback that is down: E_REMOTE, or with on-fallback-error local the recipe\'s answer flagged low-confidence', async () => {
  const down = await standIn(task.eval, task.labels);
  // The same cascade pointed at a server that is gone: rewrite only the URL, as a moved deployment would be.
  const contents = await readArtifact(path);
  const config = JSON.parse(new TextDecoder().decode(contents.entries.get('cascade.json')));
  config.fallback.url = `${down.server.url}/generate`;
  await down.server.close();
  const entries = new Map(contents.entries);
  entries.set('cascade.json', new TextEncoder().encode(JSON.stringify(config)));
  const { files: _f, sizes: _s, ...manifest } = contents.manifest;
  const moved = join(tmpdir(), 'moved.kolm');
  writeFileSync(moved, await writeArtifact({ manifest, entries }));

  const strict = (await loadArtifact(moved, { cascade: { retries: 0 } })).predictor;
  const out = (await strict.predictBatch(inputs()).catch((e) => e)) as Error;
  assert.is((out as { code?: string }).code, 'E_REMOTE');
  assert.match(out.message, /fallback .* did not answer/);
  await strict.close?.();

  const lenient = (await loadArtifact(moved, { cascade: { retries: 0, onFallbackError: 'local' } })).predictor;
  const answers = (await lenient.predictBatch(inputs())) as CascadePrediction[];
  const flagged = answers.filter((p) => p.low_confidence);
  assert.ok(flagged.length > 0);
  for (const p of flagged) {
    assert.is(p.path, 'local');
    assert.ok(p.recipe_confidence! < threshold);
    assert.match(p.fallback_error!, /did not answer/);
  }
  assert.ok(answers.filter((p) => !p.low_confidence).every((p) => p.recipe_confidence! >= threshold));
  await lenient.close?.();
});

/** A lookup recipe that memorized every case: a fallback artifact right wherever it has seen the input. */
async function memorizer(dir: string): Promise<string> {
  const lookup = candidates.find((c) => c.type === 'lookup')!;
  const fitted = await lookup.fit([...task.train, ...task.eval], { kind: 'label', quantization: 'int8', seed: 1, reporter: silentReporter, prefix: 'recipe/' });
  await fitted.predictor.close?.();
  const entries = new Map(fitted.saved.files);
  entries.set('recipe/config.json', new TextEncoder().encode(JSON.stringify(fitted.saved.config)));
  const spec = { kolm: 1 as const, task: 'route the request', shape: { input: 'string' as const, output: 'string' as const } };
  const bytes = await writeArtifact({
    manifest: { name: 'oracle', created: '2024-01-01T00:00:00.000Z', spec, kind: 'recipe', recipe: { type: 'lookup', entry: 'recipe/config.json' }, quantization: 'none', compiler: { name: 'kolm-migrate', version: VERSION }, datasets: [], output_kind: 'label' },
    entries,
  });
  const file = join(dir, 'oracle.kolm');
  writeFileSync(file, bytes);
  return file;
}

test('an artifact fallback: found by name and digest beside the cascade or in the models folder; another file of that name is refused', async () => {
  const dir = tmpdir();
  const oracle = await memorizer(dir);
  const built = await buildCascadeFromFiles({ specPath: task.specPath, examplesPath: task.trainPath, defaultName: 'x', fallback: { type: 'artifact', path: oracle } });
  assert.is(built.choice.fallbackOnly.K, 1, 'the memorizer is right on every held-out case');
  assert.equal(Object.keys(built.config.fallback).sort(), ['name', 'sha256', 'type']);
  const cascade = (await saveBuilt(join(dir, 'c.kolm'), built.bytes)).path;
  const { predictor } = await loadArtifact(cascade);
  const out = (await predictor.predictBatch(inputs())) as CascadePrediction[];
  const viaFallback = out.filter((p) => p.path === 'fallback');
  assert.ok(viaFallback.length > 0);
  out.forEach((p, i) => p.path === 'fallback' && assert.is(p.output, task.eval[i]!.output));
  await predictor.close?.();

  // Elsewhere: not beside it, but in the models folder.
  const other = tmpdir();
  copyFileSync(cascade, join(other, 'c.kolm'));
  assert.is((await errorOf(() => loadArtifact(join(other, 'c.kolm')))).code, 'E_PATH_NOT_FOUND');
  const models = join(other, 'models');
  mkdirSync(models);
  copyFileSync(oracle, join(models, 'oracle.kolm'));
  const found = await loadArtifact(join(other, 'c.kolm'), { cascade: { searchDirs: [models] } });
  await found.predictor.close?.();
  // A different artifact under the same name is not the one it was built with.
  writeFileSync(join(models, 'oracle.kolm'), readFileSync(oracle).subarray(0, 10));
  assert.is((await errorOf(() => loadArtifact(join(other, 'c.kolm'), { cascade: { searchDirs: [models] } }))).code, 'E_DIGEST_MISMATCH');
});

test.run();
