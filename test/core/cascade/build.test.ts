// Building a cascade against a real loopback LoRAX server: the threshold chosen on the validation folds,
// the fallback asked once (the resume cache), the gate refused with the curve, and the artifact signed whole.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readArtifact, writeArtifact } from '../../../core/artifact/index.ts';
import { buildCascadeFromFiles, saveBuilt } from '../../../core/build/index.ts';
import { CASCADE_ENTRY, parseCascadeConfig, renderCascadeSummary, type CascadePoint } from '../../../core/cascade/index.ts';
import { loadArtifact } from '../../../core/runtime/index.ts';
import { generateKeyPair, parsePrivateKey } from '../../../core/sign/index.ts';
import { errorOf } from '../../_util/errors.ts';
import { tmpdir } from '../../_util/tmp.ts';
import { cascadeTask, standIn, writeSpec } from './_task.ts';

const test = suite('cascade build');

const TOKEN = 'sekret-token-123';

test('a K_min the recipe alone misses: the cascade meets it on the folds, answers most cases locally, and asks the fallback once', async () => {
  const task = cascadeTask({ seed: 3 });
  const s = await standIn([...task.train, ...task.eval], task.labels, { share: 0.95, token: TOKEN });
  try {
    const cachePath = join(task.dir, 'cache.jsonl');
    const input = {
      specPath: task.specPath,
      examplesPath: task.trainPath,
      evalPath: task.evalPath,
      defaultName: 'x',
      sourceDateEpoch: '1700000000',
      fallback: { type: 'endpoint' as const, url: s.server.url, adapterId: 'intents/2', token: TOKEN, cachePath },
    };
    // First a probe under a budget, to learn both ends on these folds; then a gate between them.
    const probe = await buildCascadeFromFiles({ ...input, maxFallbackShare: 0.5 });
    const { recipeOnly, fallbackOnly } = probe.choice;
    assert.ok(recipeOnly.K < fallbackOnly.K - 0.1, `the recipe alone (${recipeOnly.K}) is well under the fallback (${fallbackOnly.K})`);
    const asked = s.server.requests.length;
    assert.is(asked, task.train.length + task.eval.length, 'every held-out training case and every eval case, once');
    assert.ok(s.server.requests.every((r) => r.parameters.adapter_id === 'intents/2'));

    const kMin = Number((fallbackOnly.K - 0.01).toFixed(3));
    writeSpec(task, { K_min: kMin });
    const built = await buildCascadeFromFiles(input);
    assert.is(s.server.requests.length, asked, 'a rebuild reads the fallback\'s answers from the cache');
    assert.ok(built.choice.chosen.K >= kMin, `K whole ${built.choice.chosen.K} ≥ ${kMin}`);
    assert.ok(built.choice.chosen.local >= 0.5, `local share ${built.choice.chosen.local}`);
    assert.ok(built.choice.chosen.local < 1);

    const contents = await readArtifact(built.bytes);
    assert.is(contents.manifest.kind, 'cascade');
    assert.is(contents.manifest.recipe?.type, built.outcome.winner);
    assert.is(contents.manifest.metrics?.validation?.K, built.choice.chosen.K, 'the manifest carries the whole\'s K');
    assert.is(contents.manifest.metrics?.eval?.K, built.cascadeEval!.whole.K);
    const config = parseCascadeConfig(contents.entries.get(CASCADE_ENTRY), 'x');
    assert.is(config.threshold, built.choice.threshold);
    assert.equal(config.fallback, { type: 'endpoint', url: `${s.server.url}/generate`, kind: 'lorax', adapter_id: 'intents/2' });
    assert.is(config.held_out.source, 'validation');
    assert.ok(!Buffer.from(built.bytes).toString('latin1').includes(TOKEN), 'no secret in the artifact');

    // Eval: the whole beside each side alone, and what the GPU no longer sees.
    const ev = built.cascadeEval!;
    assert.ok(ev.whole.K > ev.recipeOnly.K);
    assert.is(ev.requests_saved, Math.round(ev.whole.local * task.eval.length));
    assert.ok(ev.latency_ms.local && ev.latency_ms.fallback);
    assert.equal(ev.gates.map((g) => g.gate), ['K_min']);
    const text = renderCascadeSummary(built);
    assert.match(text, /← chosen/);
    assert.match(text, new RegExp(`${ev.requests_saved} requests .* not sent to the GPU`));
    assert.ok(text.includes('adapter intents/2') && !text.includes(TOKEN));
  } finally {
    await s.server.close();
  }
});

test('a gate no threshold meets is refused with the curve; the fallback being worse is said', async () => {
  const task = cascadeTask({ seed: 4, gates: { K_min: 0.99 } });
  const s = await standIn(task.train, task.labels, { share: 0.8 });
  try {
    const err = await errorOf(() =>
      buildCascadeFromFiles({ specPath: task.specPath, examplesPath: task.trainPath, defaultName: 'x', fallback: { type: 'endpoint', url: s.server.url } }),
    );
    assert.is(err.code, 'E_GATE_FAILED');
    const curve = (err.data as { curve: CascadePoint[] }).curve;
    assert.ok(curve.length > 3 && curve.every((p) => p.K < 0.99));
    assert.match(err.message, /K whole/);
    assert.match(err.hint ?? '', /fallback alone reaches K 0\.[78]/);
  } finally {
    await s.server.close();
  }
});

test('a fallback that fails held-out cases stops the build with E_REMOTE, and the cache keeps what it answered', async () => {
  const task = cascadeTask({ seed: 5, gates: { K_min: 0.8 } });
  const s = await standIn(task.train, task.labels);
  const url = s.server.url;
  await s.server.close();
  const err = await errorOf(() =>
    buildCascadeFromFiles({ specPath: task.specPath, examplesPath: task.trainPath, defaultName: 'x', fallback: { type: 'endpoint', url, retries: 0, cachePath: join(task.dir, 'c.jsonl') } }),
  );
  assert.is(err.code, 'E_REMOTE');
  assert.ok(err.message.includes(url.replace('http://', '')) || err.message.includes('127.0.0.1'));
});

test('signed like every artifact: the signature covers cascade.json, and a changed threshold is refused', async () => {
  const task = cascadeTask({ seed: 6, gates: { K_min: 0.85 } });
  const s = await standIn(task.train, task.labels);
  try {
    const built = await buildCascadeFromFiles({ specPath: task.specPath, examplesPath: task.trainPath, defaultName: 'x', fallback: { type: 'endpoint', url: s.server.url } });
    const dir = tmpdir();
    const pair = generateKeyPair();
    const saved = await saveBuilt(join(dir, 'c.kolm'), built.bytes, { method: { mode: 'key', privateKey: parsePrivateKey(pair.privateKeyPem, 'key') } });
    const ok = await loadArtifact(saved.path, { requireSignature: true });
    assert.is(ok.contents.manifest.kind, 'cascade');
    assert.is(ok.signature?.state, 'unverified');
    await ok.predictor.close?.();

    // Rewrite the artifact with a lower threshold (digests recomputed, old signature kept): refused.
    const contents = await readArtifact(readFileSync(saved.path));
    const config = parseCascadeConfig(contents.entries.get(CASCADE_ENTRY), 'c.kolm');
    const entries = new Map(contents.entries);
    entries.set(CASCADE_ENTRY, new TextEncoder().encode(JSON.stringify({ ...config, threshold: 0 })));
    const { files: _f, sizes: _s, ...manifest } = contents.manifest;
    const forged = await writeArtifact({ manifest, entries, signature: contents.signature });
    const err = await errorOf(() => loadArtifact(forged, { name: 'forged.kolm' }));
    assert.is(err.code, 'E_BAD_SIGNATURE');
  } finally {
    await s.server.close();
  }
});

test.run();
