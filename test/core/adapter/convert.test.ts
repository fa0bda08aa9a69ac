// The converted GGUF LoRA on the base gives the merged model's next-token distribution: a tiny llama base
// and PEFT adapters generated here, the merge W + s·B·A computed here in HF layout (independently of the
// converter), both run on the real llama.cpp.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { GGML_TYPE } from '../../../core/adapter/gguf.ts';
import { convertPeftAdapter, type AdapterDtype } from '../../../core/adapter/convert.ts';
import { readBaseInfo } from '../../../core/adapter/validate.ts';
import { loadAdapterOnBase } from '../../../core/llm/runtime.ts';
import { compare, distributions, TEST_RUNTIME } from '../../_util/llm.ts';
import { tmpdir } from '../../_util/tmp.ts';
import { adapterConfig, hfPermute, loraSafetensors, merged, tinyBaseGguf, tinyLora, tinyWeights, type TinyLora } from '../../_util/tiny-llama.ts';

const PROMPT = 'the cat sat on the mat and';
const dir = tmpdir();
const weights = tinyWeights(7);
const basePath = join(dir, 'base.gguf');
writeFileSync(basePath, tinyBaseGguf(weights));

async function runBoth(lora: TinyLora, config: string, scale: (l: number, mod: string, r: number) => number, dtype: AdapterDtype = 'f32', tag = 'x') {
  const info = await readBaseInfo(basePath);
  const converted = convertPeftAdapter(config, loraSafetensors(lora), info, { dtype });
  const mergedPath = join(dir, `merged-${tag}.gguf`);
  writeFileSync(mergedPath, tinyBaseGguf(merged(weights, lora, scale)));
  const withAdapter = await loadAdapterOnBase(basePath, { bytes: converted.gguf, tmpDir: dir }, TEST_RUNTIME);
  const reference = await loadAdapterOnBase(mergedPath, null, TEST_RUNTIME);
  const base = await loadAdapterOnBase(basePath, null, TEST_RUNTIME);
  try {
    const a = await distributions(withAdapter, PROMPT);
    const m = await distributions(reference, PROMPT);
    const b = await distributions(base, PROMPT);
    return { converted, vsMerged: compare(a, m), vsBase: compare(a, b) };
  } finally {
    await withAdapter.close();
    await reference.close();
    await base.close();
  }
}

const plain = (alpha: number) => (_l: number, _m: string, r: number) => alpha / r;

test('an F32 adapter on the base matches the merged weights W + (α/r)·B·A (max abs ≤ 1e-3, argmax equal)', async () => {
  const lora = tinyLora(11, 4, 8);
  const { converted, vsMerged, vsBase } = await runBoth(lora, adapterConfig(lora), plain(8), 'f32', 'plain');
  assert.is(converted.scaling, 'alpha');
  assert.is(converted.alpha, 8);
  assert.ok(vsMerged.maxAbs <= 1e-3, `max abs difference ${vsMerged.maxAbs}`);
  assert.is(vsMerged.argmaxAgree, vsMerged.n);
  // The adapter must matter, or the comparison proves nothing.
  assert.ok(vsBase.maxAbs > 0.05, `adapter changed the distribution by only ${vsBase.maxAbs}`);
  console.log(`    F32 adapter vs merged: max abs ${vsMerged.maxAbs.toExponential(2)} over ${vsMerged.n} positions; vs base ${vsBase.maxAbs.toFixed(3)}`);
});

test('rsLoRA scaling α/√r is baked into lora_b (alpha written as 0) and matches the merge', async () => {
  const lora = tinyLora(12, 4, 8);
  const { converted, vsMerged } = await runBoth(lora, adapterConfig(lora, { use_rslora: true }), (_l, _m, r) => 8 / Math.sqrt(r), 'f32', 'rs');
  assert.is(converted.scaling, 'baked');
  assert.is(converted.alpha, 0);
  assert.ok(converted.tensors.filter((t) => t.name.endsWith('lora_b')).every((t) => Math.abs(t.baked_scale! - 4) < 1e-12));
  assert.ok(vsMerged.maxAbs <= 1e-3, `max abs difference ${vsMerged.maxAbs}`);
  assert.is(vsMerged.argmaxAgree, vsMerged.n);
});

test('alpha_pattern and rank_pattern give per-module scales, matching the merge', async () => {
  const lora = tinyLora(13, 4, 8, undefined, 0.3, (_l, mod) => (mod === 'v_proj' ? 2 : 4));
  const config = adapterConfig(lora, { alpha_pattern: { q_proj: 32 }, rank_pattern: { v_proj: 2 } });
  const scale = (_l: number, mod: string, r: number) => (mod === 'q_proj' ? 32 : 8) / r;
  const { converted, vsMerged } = await runBoth(lora, config, scale, 'f32', 'pattern');
  assert.is(converted.scaling, 'baked');
  assert.ok(vsMerged.maxAbs <= 1e-3, `max abs difference ${vsMerged.maxAbs}`);
  assert.is(vsMerged.argmaxAgree, vsMerged.n);
});

test('F16 (the default) stays close to the merge; int8 writes Q8_0 where blocks of 32 fit and F16 elsewhere', async () => {
  const lora = tinyLora(14, 4, 8);
  const f16 = await runBoth(lora, adapterConfig(lora), plain(8), 'f16', 'f16');
  assert.ok(f16.converted.tensors.every((t) => t.type === 'F16'));
  assert.ok(f16.vsMerged.maxAbs <= 1e-2, `f16 max abs ${f16.vsMerged.maxAbs}`);
  assert.is(f16.vsMerged.argmaxAgree, f16.vsMerged.n);
  const q8 = await runBoth(lora, adapterConfig(lora), plain(8), 'q8_0', 'q8');
  for (const t of q8.converted.tensors) assert.is(t.type, t.ne[0]! % 32 === 0 ? 'Q8_0' : 'F16', t.name);
  assert.ok(q8.converted.tensors.some((t) => t.type === 'Q8_0'));
  assert.ok(q8.vsMerged.maxAbs <= 0.1, `q8 max abs ${q8.vsMerged.maxAbs}`);
  assert.ok(q8.converted.warnings.some((w) => /Q8_0/.test(w)));
  assert.ok(GGML_TYPE.Q8_0 === 8);
});

test('control: a q/k merge that skips the row permutation disagrees, so the permutation is what matches', async () => {
  const lora = tinyLora(15, 4, 8, ['q_proj', 'k_proj']);
  const { vsMerged, vsBase } = await runBoth(lora, adapterConfig(lora), plain(8), 'f32', 'qk');
  assert.ok(vsMerged.maxAbs <= 1e-3, `max abs ${vsMerged.maxAbs}`);
  assert.ok(vsBase.maxAbs > 1e-2, `q/k LoRA changes the output (${vsBase.maxAbs})`);
  // The same deltas with B's rows left in HF order on the GGUF side: what a converter without the permute gives.
  const wrong: TinyLora = {
    ...lora,
    pairs: lora.pairs.map((m) => new Map([...m].map(([mod, { A, B }]) => [mod, { A, B: hfPermute(B, mod === 'q_proj' ? 4 : 2) }]))),
  };
  const info = await readBaseInfo(basePath);
  const converted = convertPeftAdapter(adapterConfig(lora), loraSafetensors(lora), info, { dtype: 'f32' });
  const wrongPath = join(dir, 'merged-wrong.gguf');
  writeFileSync(wrongPath, tinyBaseGguf(merged(weights, wrong, plain(8))));
  const a = await loadAdapterOnBase(basePath, { bytes: converted.gguf, tmpDir: dir }, TEST_RUNTIME);
  const w = await loadAdapterOnBase(wrongPath, null, TEST_RUNTIME);
  try {
    const d = compare(await distributions(a, PROMPT), await distributions(w, PROMPT));
    assert.ok(d.maxAbs > 10 * vsMerged.maxAbs && d.maxAbs > 1e-2, `unpermuted merge differs by only ${d.maxAbs}`);
  } finally {
    await a.close();
    await w.close();
  }
});

test.run();

