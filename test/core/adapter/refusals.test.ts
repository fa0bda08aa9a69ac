// What llama.cpp cannot represent is refused by name before anything is written; a base that does not fit
// the adapter is refused naming the expected and the found base; the containers are read defensively.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import yazl from 'yazl';
import { convertPeftAdapter } from '../../../core/adapter/convert.ts';
import { readGgufHeader } from '../../../core/adapter/gguf.ts';
import { readSafetensors, tensorValues, writeSafetensors } from '../../../core/adapter/safetensors.ts';
import { readAdapterSource } from '../../../core/adapter/source.ts';
import { checkSpecBase, readBaseInfo } from '../../../core/adapter/validate.ts';
import { KolmError } from '../../../core/errors.ts';
import { errorOf } from '../../_util/errors.ts';
import { tmpdir } from '../../_util/tmp.ts';
import { adapterConfig, loraSafetensors, PROJ, tinyBaseGguf, tinyLora, tinyWeights, TINY } from '../../_util/tiny-llama.ts';

const dir = tmpdir();
const basePath = join(dir, 'base.gguf');
writeFileSync(basePath, tinyBaseGguf(tinyWeights(3)));
const lora = tinyLora(5, 4, 8);

function refused(fn: () => unknown, code: string, pattern: RegExp): KolmError {
  try {
    fn();
  } catch (err) {
    assert.instance(err, KolmError);
    const e = err as KolmError;
    assert.is(e.code, code, e.message);
    assert.match(e.message, pattern);
    assert.ok(e.hint, 'has a hint');
    return e;
  }
  throw new Error('expected a refusal');
}

test('DoRA is refused (use_dora, or a lora_magnitude_vector tensor)', async () => {
  const info = await readBaseInfo(basePath);
  refused(() => convertPeftAdapter(adapterConfig(lora, { use_dora: true }), loraSafetensors(lora), info), 'E_NOT_PORTABLE', /DoRA/);
  const w = loraSafetensors(lora, 'F32', [{ name: 'base_model.model.model.layers.0.self_attn.q_proj.lora_magnitude_vector', shape: [64] }]);
  refused(() => convertPeftAdapter(adapterConfig(lora), w, info), 'E_NOT_PORTABLE', /lora_magnitude_vector.*DoRA/);
});

test('modules_to_save, LoRA bias and full embedding / lm_head weights are refused by name', async () => {
  const info = await readBaseInfo(basePath);
  refused(() => convertPeftAdapter(adapterConfig(lora, { modules_to_save: ['lm_head'] }), loraSafetensors(lora), info), 'E_NOT_PORTABLE', /modules_to_save \(lm_head\)/);
  refused(() => convertPeftAdapter(adapterConfig(lora, { bias: 'lora_only' }), loraSafetensors(lora), info), 'E_NOT_PORTABLE', /bias is "lora_only"/);
  const withBias = loraSafetensors(lora, 'F32', [{ name: 'base_model.model.model.layers.0.self_attn.q_proj.base_layer.bias', shape: [64] }]);
  refused(() => convertPeftAdapter(adapterConfig(lora), withBias, info), 'E_NOT_PORTABLE', /q_proj\.base_layer\.bias is a LoRA bias/);
  const embed = loraSafetensors(lora, 'F32', [{ name: 'base_model.model.model.embed_tokens.base_layer.weight', shape: [257, 64] }]);
  refused(() => convertPeftAdapter(adapterConfig(lora), embed, info), 'E_NOT_PORTABLE', /embed_tokens\.base_layer\.weight is a full embedding/);
  const head = loraSafetensors(lora, 'F32', [{ name: 'base_model.model.lm_head.weight', shape: [257, 64] }]);
  refused(() => convertPeftAdapter(adapterConfig(lora), head, info), 'E_NOT_PORTABLE', /lm_head\.weight is a full embedding \/ lm_head weight/);
  const embLora = loraSafetensors(lora, 'F32', [{ name: 'base_model.model.model.embed_tokens.lora_embedding_A', shape: [4, 257] }]);
  refused(() => convertPeftAdapter(adapterConfig(lora), embLora, info), 'E_NOT_PORTABLE', /embedding LoRA/);
});

test('a base with other shapes or fewer layers is refused, naming the expected and the found base', async () => {
  const info = await readBaseInfo(basePath, 'kolm-test/tiny-llama');
  // An adapter for a 3-layer model.
  const deeper = tinyLora(6, 4, 8);
  deeper.pairs.push(deeper.pairs[0]!);
  let e = refused(() => convertPeftAdapter(adapterConfig(deeper), loraSafetensors(deeper), info), 'E_BASE_MISMATCH', /layer 2 does not exist \(the base has 2 layers\)/);
  assert.match(e.message, /expects base kolm-test\/tiny-llama; found tiny-llama \(base\.gguf: llama, 2 layers, hidden 64, 4 heads \/ 2 kv\)/);
  // An adapter for a wider model: q_proj maps 128 → 128.
  const wide = writeSafetensors([
    { name: 'base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight', dtype: 'F32', shape: [4, 128], values: new Float64Array(512) },
    { name: 'base_model.model.model.layers.0.self_attn.q_proj.lora_B.weight', dtype: 'F32', shape: [128, 4], values: new Float64Array(512) },
  ]);
  e = refused(() => convertPeftAdapter(adapterConfig(lora), wide, info), 'E_BASE_MISMATCH', /maps 128 → 128, but blk\.0\.attn_q\.weight in the base is 64 → 64/);
  assert.equal(e.place?.path, 'blk.0.attn_q.weight');
});

test('the spec base and the adapter base must agree; rank must match the config', async () => {
  refused(() => checkSpecBase('meta-llama/Llama-3.1-8B', 'mistralai/Mistral-7B-v0.1', false, { spec: 'spec.json', config: 'adapter_config.json' }), 'E_BASE_MISMATCH', /trained on mistralai\/Mistral-7B-v0\.1.*names base meta-llama\/Llama-3\.1-8B/);
  checkSpecBase('Org/Model', 'org/model', false, { spec: 's', config: 'c' });
  checkSpecBase('org/model', '/home/me/ckpt', true, { spec: 's', config: 'c' });
  const info = await readBaseInfo(basePath);
  refused(() => convertPeftAdapter(adapterConfig({ ...lora, r: 8 }), loraSafetensors(lora), info), 'E_BAD_ADAPTER', /rank 4, but .* says r = 8/);
});

test('an adapter GGUF or a non-GGUF file is not accepted as the base', async () => {
  const info = await readBaseInfo(basePath);
  const adapterPath = join(dir, 'adapter.gguf');
  writeFileSync(adapterPath, convertPeftAdapter(adapterConfig(lora), loraSafetensors(lora), info).gguf);
  {
    const e = await errorOf(() => readBaseInfo(adapterPath));
    assert.ok(e.code === 'E_BASE_MISMATCH' && /adapter GGUF, not a base model/.test(e.message), e.message);
  }
  const header = await readGgufHeader(adapterPath);
  assert.is(header.metadata.get('general.type'), 'adapter');
  assert.is(header.metadata.get('adapter.lora.alpha'), 8);
  assert.equal(header.tensors.get('blk.1.ffn_down.weight.lora_b')?.ne, [4, TINY.hidden]);
  const notGguf = join(dir, 'x.gguf');
  writeFileSync(notGguf, 'hello world, not a model');
  {
    const e = await errorOf(() => readBaseInfo(notGguf));
    assert.ok(e.code === 'E_BASE_MISMATCH' && /no "GGUF" magic/.test(e.message), e.message);
  }
});

test('safetensors: F16/BF16 values round-trip; LFS pointers and bad offsets are refused', () => {
  const values = [0, 1, -2.5, 0.333];
  for (const dtype of ['F32', 'F16', 'BF16'] as const) {
    const st = readSafetensors(writeSafetensors([{ name: 'w', dtype, shape: [2, 2], values }]));
    const got = [...tensorValues(st.tensors.get('w')!)];
    got.forEach((v, i) => assert.ok(Math.abs(v - values[i]!) < (dtype === 'F32' ? 1e-7 : 1e-2), `${dtype} ${v}`));
  }
  refused(() => readSafetensors(Buffer.from('version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 12\n')), 'E_BAD_ADAPTER', /Git LFS pointer/);
  const good = writeSafetensors([{ name: 'w', dtype: 'F32', shape: [2], values: [1, 2] }]);
  refused(() => readSafetensors(good.subarray(0, good.length - 4)), 'E_BAD_ADAPTER', /outside the/);
});

test('the export is read from a folder (one level down too) or from the zip Predibase gives', async () => {
  const folder = join(dir, 'export', 'my-adapter');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'adapter_config.json'), adapterConfig(lora));
  writeFileSync(join(folder, 'adapter_model.safetensors'), loraSafetensors(lora));
  const fromFolder = await readAdapterSource(join(dir, 'export'));
  assert.match(fromFolder.weightsFile, /my-adapter\/adapter_model\.safetensors$/);
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(adapterConfig(lora)), 'my-adapter/adapter_config.json');
  zip.addBuffer(Buffer.from(loraSafetensors(lora)), 'my-adapter/adapter_model.safetensors');
  zip.end();
  const parts: Buffer[] = [];
  for await (const c of zip.outputStream) parts.push(c as Buffer);
  const zipPath = join(dir, 'adapter.zip');
  writeFileSync(zipPath, Buffer.concat(parts));
  const fromZip = await readAdapterSource(zipPath);
  assert.equal(Buffer.from(fromZip.weights), Buffer.from(fromFolder.weights));
  assert.match(fromZip.configFile, /adapter\.zip!my-adapter\/adapter_config\.json$/);
  const pickle = join(dir, 'pickle');
  mkdirSync(pickle);
  writeFileSync(join(pickle, 'adapter_config.json'), adapterConfig(lora));
  writeFileSync(join(pickle, 'adapter_model.bin'), 'x');
  {
    const e = await errorOf(() => readAdapterSource(pickle));
    assert.ok(e.code === 'E_BAD_ADAPTER' && /pickle/.test(e.hint ?? ''), e.message);
  }
  assert.ok(Object.keys(PROJ).length === 7);
});

test.run();
