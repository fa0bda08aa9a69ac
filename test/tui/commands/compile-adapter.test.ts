// `kolm compile --adapter` end to end through the real CLI: a PEFT export (generated here) becomes an
// adapter artifact pinned to its base; `kolm run` finds the base in KOLM_MODELS or by --base-gguf and
// refuses one whose digest differs; `kolm eval`'s core scores it; `--base` alone says training is not here.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readArtifact } from '../../../core/artifact/index.ts';
import { evaluatePredictor } from '../../../core/eval/index.ts';
import { createScorer } from '../../../core/kscore/index.ts';
import { loadArtifact } from '../../../core/runtime/index.ts';
import { adapterFixture } from '../../_util/adapter-fixture.ts';
import { kolm } from '../../_util/cli.ts';
import { TEST_RUNTIME } from '../../_util/llm.ts';
import { tinyBaseGguf, tinyWeights } from '../../_util/tiny-llama.ts';

const f = adapterFixture({ quantization: 'int8' });
const out = join(f.dir, 'a.kolm');

test('compile --adapter writes an adapter artifact: GGUF LoRA, template, generation defaults, pinned base', async () => {
  const r = await kolm(['compile', '--spec', f.specPath, '--adapter', f.adapters.a!, '--name', 'a', '--out', out, '--json'], { env: f.env, cwd: f.dir });
  assert.is(r.code, 0, r.stderr);
  const summary = JSON.parse(r.stdout);
  assert.is(summary.kind, 'adapter');
  assert.equal(summary.tensors, { Q8_0: 14, F16: 14 }, 'int8: Q8_0 where ne[0] % 32 == 0 (lora_a), F16 for rank-4 lora_b');
  const { manifest, entries } = await readArtifact(out);
  assert.is(manifest.kind, 'adapter');
  assert.is(manifest.quantization, 'int8');
  assert.is(manifest.base!.id, 'kolm-test/tiny-llama');
  assert.is(manifest.base!.file, 'tiny-llama.gguf');
  assert.match(manifest.base!.sha256!, /^[0-9a-f]{64}$/);
  assert.ok(entries.has('adapter/adapter.gguf'));
  const config = JSON.parse(new TextDecoder().decode(entries.get('adapter/config.json')!));
  assert.is(config.template, 'Q: {text}\nA:');
  assert.equal(config.generation, { max_new_tokens: 8 });
  assert.ok(config.tensors.every((t: { type: string; ne: number[] }) => t.type === (t.ne[0]! % 32 === 0 ? 'Q8_0' : 'F16')));
  // Same inputs, same bytes.
  const again = join(f.dir, 'again.kolm');
  await kolm(['compile', '--spec', f.specPath, '--adapter', f.adapters.a!, '--name', 'a', '--out', again], { env: f.env, cwd: f.dir });
  const { rootDigest } = await readArtifact(again);
  assert.is(rootDigest, (await readArtifact(out)).rootDigest);
});

test('kolm run generates greedily on the adapter (the base from KOLM_MODELS), the same twice', async () => {
  const one = await kolm(['run', out, '{"input": "the cat"}'], { env: f.env, cwd: f.dir });
  assert.is(one.code, 0, one.stderr);
  const two = await kolm(['run', out], { env: f.env, cwd: f.dir, stdin: '{"input": "the cat"}\n{"input": "a dog"}\n' });
  assert.is(two.code, 0, two.stderr);
  const lines = two.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.is(lines.length, 2);
  assert.equal(lines[0], JSON.parse(one.stdout));
  assert.is.not(lines[0].output, lines[1].output);
});

test('the base digest is pinned: another base file is refused, naming both digests', async () => {
  const other = join(f.dir, 'other.gguf');
  writeFileSync(other, tinyBaseGguf(tinyWeights(8)));
  const r = await kolm(['run', out, '{"input": "the cat"}', '--base-gguf', other], { env: f.env, cwd: f.dir });
  assert.is(r.code, 1);
  const { manifest } = await readArtifact(out);
  assert.match(r.stderr, /E_BASE_MISMATCH/);
  assert.ok(r.stderr.includes(manifest.base!.sha256!), 'names the pinned digest');
  assert.match(r.stderr, /has SHA-256 [0-9a-f]{64}/);
  // The right file under another name, passed explicitly, is accepted.
  const copy = join(f.dir, 'renamed.gguf');
  copyFileSync(f.basePath, copy);
  const ok = await kolm(['run', out, '{"input": "the cat"}', '--base-gguf', copy], { env: { ...f.env, KOLM_MODELS: join(f.dir, 'nowhere') }, cwd: f.dir });
  assert.is(ok.code, 0, ok.stderr);
  const missing = await kolm(['run', out, '{"input": "the cat"}'], { env: { ...f.env, KOLM_MODELS: join(f.dir, 'nowhere') }, cwd: f.dir });
  assert.is(missing.code, 1);
  assert.match(missing.stderr, /E_BASE_NOT_FOUND[\s\S]*kolm-test\/tiny-llama[\s\S]*--base-gguf/);
});

test('compile refuses an adapter whose base differs from the spec base, and a base GGUF of another shape', async () => {
  const spec2 = join(f.dir, 'spec-other.json');
  writeFileSync(spec2, JSON.stringify({ kolm: 1, task: 't', shape: { input: 'string', output: 'string' }, base: 'meta-llama/Llama-3.1-8B' }));
  const r = await kolm(['compile', '--spec', spec2, '--adapter', f.adapters.a!, '--base-gguf', f.basePath, '--out', join(f.dir, 'x.kolm')], { env: f.env, cwd: f.dir });
  assert.is(r.code, 1);
  assert.match(r.stderr, /E_BASE_MISMATCH[\s\S]*trained on kolm-test\/tiny-llama/);
  const dora = join(f.dir, 'dora');
  mkdirSync(dora);
  copyFileSync(join(f.adapters.a!, 'adapter_model.safetensors'), join(dora, 'adapter_model.safetensors'));
  writeFileSync(join(dora, 'adapter_config.json'), JSON.stringify({ peft_type: 'LORA', r: 4, lora_alpha: 8, use_dora: true, base_model_name_or_path: 'kolm-test/tiny-llama' }));
  const d = await kolm(['compile', '--spec', f.specPath, '--adapter', dora, '--out', join(f.dir, 'd.kolm')], { env: f.env, cwd: f.dir });
  assert.is(d.code, 1);
  assert.match(d.stderr, /E_NOT_PORTABLE[\s\S]*DoRA/);
});

test('compile --base without --adapter or --runtime says how to train (--runtime) or import (--adapter)', async () => {
  const r = await kolm(['compile', '--spec', f.specPath, '--base', 'meta-llama/Llama-3.1-8B', '--examples', 'x.jsonl', '--out', join(f.dir, 'n.kolm')], { env: f.env, cwd: f.dir });
  assert.ok(r.code !== 0);
  assert.match(r.stderr, /E_USAGE[\s\S]*--runtime[\s\S]*--adapter/);
});

test('eval of an adapter artifact end to end: loaded from the file, scored with K-score', async () => {
  const { contents, predictor } = await loadArtifact(out, { adapter: { modelsDir: f.models, runtime: TEST_RUNTIME, tmpDir: f.dir } });
  try {
    const first = await predictor.predict('the cat');
    const cases = [
      { input: 'the cat', output: first.output },
      { input: 'a dog', output: 'certainly not this' },
    ];
    const report = await evaluatePredictor(predictor, cases, createScorer(contents.manifest.output_kind), { system: { name: 'kolm', artifact: out }, latencySample: 2 });
    assert.is(report.cases, 2);
    assert.is(report.errors, 0);
    assert.is(report.results[0]!.s, 1, 'the first case scores its own greedy output');
    assert.ok(report.K >= 0.5 && report.K < 1, `K ${report.K}`);
    assert.ok(report.latency_ms !== null);
  } finally {
    await predictor.close?.();
  }
});

test.run();
