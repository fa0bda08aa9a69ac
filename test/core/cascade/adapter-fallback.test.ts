// A cascade whose fallback is an adapter artifact (the generated tiny llama base and a PEFT LoRA, run on
// llama.cpp): the build asks the adapter on the held-out cases, and at run time the cases under the
// threshold are answered by exactly what the adapter artifact gives, found beside the cascade by digest.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readArtifact, writeArtifact } from '../../../core/artifact/index.ts';
import { buildAdapterFromFiles, buildCascadeFromFiles, saveBuilt } from '../../../core/build/index.ts';
import { CASCADE_ENTRY, parseCascadeConfig, type CascadePrediction } from '../../../core/cascade/index.ts';
import { loadArtifact } from '../../../core/runtime/index.ts';
import { adapterFixture } from '../../_util/adapter-fixture.ts';
import { TEST_RUNTIME } from '../../_util/llm.ts';
import { cascadeTask } from './_task.ts';

const test = suite('cascade with an adapter fallback');

test('the adapter answers the held-out cases at build time and the deferred cases at run time', async () => {
  const f = adapterFixture({ prompt: { template: 'Q: {text}\nA:' }, generation: { max_new_tokens: 4 } });
  const adapter = { modelsDir: f.models, runtime: TEST_RUNTIME, tmpDir: f.dir };
  const built = await buildAdapterFromFiles({ specPath: f.specPath, adapterPath: f.adapters.a!, base: { modelsDir: f.models }, defaultName: 'tiny', name: 'tiny-lora' });
  const adapterPath = join(f.dir, 'tiny-lora.kolm');
  writeFileSync(adapterPath, built.bytes);

  const task = cascadeTask({ d: 4, perLabel: 25, seed: 9 });
  // A random LoRA knows no labels: with a budget and no gate, the best K keeps every case local.
  const cascade = await buildCascadeFromFiles({
    specPath: task.specPath,
    examplesPath: task.trainPath,
    defaultName: 'x',
    fallback: { type: 'artifact', path: adapterPath, load: { adapter } },
    maxFallbackShare: 0.3,
  });
  assert.is(cascade.choice.fallbackOnly.K, 0);
  assert.is(cascade.choice.chosen.local, 1);
  assert.equal(cascade.config.fallback.type, 'artifact');

  // Raise the threshold by hand (an unsigned rewrite) so that some cases go to the adapter.
  const contents = await readArtifact(cascade.bytes);
  const config = parseCascadeConfig(contents.entries.get(CASCADE_ENTRY), 'x');
  const entries = new Map(contents.entries);
  entries.set(CASCADE_ENTRY, new TextEncoder().encode(JSON.stringify({ ...config, threshold: 0.9 })));
  const { files: _f, sizes: _s, ...manifest } = contents.manifest;
  const path = (await saveBuilt(join(f.dir, 'c.kolm'), await writeArtifact({ manifest, entries }))).path;

  const { predictor } = await loadArtifact(path, { adapter });
  const direct = await loadArtifact(adapterPath, { adapter });
  const inputs = task.eval.map((e) => e.input);
  const out = (await predictor.predictBatch(inputs)) as CascadePrediction[];
  const deferred = out.map((p, i) => [p, i] as const).filter(([p]) => p.path === 'fallback');
  assert.ok(deferred.length > 0, 'some cases are under 0.9');
  for (const [p, i] of deferred.slice(0, 5)) {
    assert.ok(p.recipe_confidence! < 0.9);
    assert.is(p.output, (await direct.predictor.predict(inputs[i]!)).output, 'the adapter artifact\'s own answer');
  }
  assert.ok(out.filter((p) => p.path === 'local').every((p) => p.recipe_confidence! >= 0.9));
  await predictor.close?.();
  await direct.predictor.close?.();
});

test.run();
