import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { KolmError } from '../../../core/errors.ts';
import { crossCheckAdapter, parsePeftAdapterConfig } from '../../../core/ludwig/index.ts';
import { jsonErrorPosition } from '../../../core/ludwig/peft.ts';
import { errorOfSync } from '../../_util/errors.ts';

const test = suite('peft adapter_config.json');


const parse = (o: Record<string, unknown>) => parsePeftAdapterConfig(JSON.stringify(o, null, 2), 'a/adapter_config.json');

test('reads a 2023-style file (17 keys) and ignores unknown keys of newer PEFT versions', () => {
  const old = parse({ base_model_name_or_path: 'meta-llama/Llama-2-7b-hf', bias: 'none', fan_in_fan_out: false, inference_mode: true, init_lora_weights: true, layers_pattern: null, layers_to_transform: null, lora_alpha: 16, lora_dropout: 0.05, modules_to_save: null, peft_type: 'LORA', r: 8, revision: null, target_modules: ['v_proj', 'q_proj'], task_type: 'CAUSAL_LM' });
  assert.equal({ base: old.base, r: old.r, alpha: old.alpha, tm: old.targetModules, rs: old.useRslora, revision: old.revision }, { base: 'meta-llama/Llama-2-7b-hf', r: 8, alpha: 16, tm: ['q_proj', 'v_proj'], rs: false, revision: undefined });
  assert.equal(old.warnings, []);
  const recent = parse({ peft_type: 'LORA', r: 16, lora_alpha: 32, use_rslora: true, use_dora: false, eva_config: null, corda_config: null, lora_bias: false, target_parameters: null, trainable_token_indices: null, peft_version: '0.17.1', target_modules: 'all-linear', revision: 'main' });
  assert.equal({ tm: recent.targetModules, rs: recent.useRslora, revision: recent.revision, base: recent.base }, { tm: 'all-linear', rs: true, revision: 'main', base: undefined });
});

test('PEFT defaults apply when keys are missing: r 8, lora_alpha 8, dropout 0, bias none', () => {
  const a = parse({ peft_type: 'LORA' });
  assert.equal([a.r, a.alpha, a.dropout, a.bias, a.targetModules], [8, 8, 0, 'none', undefined]);
});

test('non-LoRA peft types and DoRA are refused', () => {
  for (const type of ['IA3', 'ADALORA', 'LOHA', 'PROMPT_TUNING']) {
    const e = errorOfSync(() => parse({ peft_type: type, r: 8 }));
    assert.is(e.code, 'E_NOT_PORTABLE');
    assert.match(e.message, `peft_type is ${type}`);
  }
  const e = errorOfSync(() => parse({ peft_type: 'LORA', use_dora: true }));
  assert.is(e.code, 'E_NOT_PORTABLE');
  assert.match(e.message, 'use_dora');
});

test('bad JSON names the line and column; wrong types name the key', () => {
  const e = errorOfSync(() => parsePeftAdapterConfig('{\n  "r": 8,\n  "lora_alpha": ,\n}', 'x.json'));
  assert.is(e.code, 'E_BAD_ADAPTER_CONFIG');
  assert.is(e.place?.line, 3);
  assert.is(e.place?.column, 17);
  assert.match(e.message, '(line 3, column 17)');
  assert.equal(jsonErrorPosition('{"a": [1, 2'), { line: 1, column: 12 }, '~> unexpected end');
  assert.is(jsonErrorPosition('{"a": [1, 2]}'), undefined);
  assert.match(errorOfSync(() => parse({ peft_type: 'LORA', r: '8' })).message, '"r" must be');
  assert.match(errorOfSync(() => parse({ peft_type: 'LORA', target_modules: [1, 2] })).message, 'target_modules');
  assert.is(errorOfSync(() => parsePeftAdapterConfig('[]')).code, 'E_BAD_ADAPTER_CONFIG');
});

test('things an import must know about are warnings: local base path, modules_to_save, rank_pattern, pissa', () => {
  const a = parse({ peft_type: 'LORA', base_model_name_or_path: '/mnt/models/llama', modules_to_save: ['lm_head'], rank_pattern: { q_proj: 4 }, init_lora_weights: 'pissa_niter_4' });
  assert.ok(a.baseIsLocalPath);
  assert.ok(a.warnings.some((w) => w.includes('modules_to_save (lm_head)')));
  assert.ok(a.warnings.some((w) => w.includes('rank_pattern')));
  assert.ok(a.warnings.some((w) => w.includes('pissa')));
  assert.not.ok(parse({ peft_type: 'LORA', base_model_name_or_path: 'Qwen/Qwen2.5-7B-Instruct' }).baseIsLocalPath);
});

test('cross-check: each difference names the Ludwig key and value and the PEFT key and value', () => {
  const peft = parse({ peft_type: 'LORA', r: 16, lora_alpha: 32, lora_dropout: 0.05, bias: 'all', target_modules: ['q_proj', 'v_proj'] });
  const same = crossCheckAdapter({ r: 16, alpha: 32, dropout: 0.05, bias: 'all', targetModules: ['v_proj', 'q_proj'], useRslora: false, explicit: new Set(['r']) }, peft);
  assert.equal(same, [], '~> target module order does not matter');
  const diff = crossCheckAdapter({ r: 8, alpha: 16, dropout: 0.1, bias: 'none', useRslora: false, explicit: new Set(['r', 'dropout']) }, peft, 'config.yaml');
  assert.is(diff.length, 4);
  assert.match(diff[0]!, 'config.yaml adapter.r is 8, a/adapter_config.json r is 16');
  assert.match(diff[1]!, 'adapter.alpha is 16 (Ludwig default)');
  assert.match(diff[1]!, 'lora_alpha is 32');
  assert.match(diff[3]!, 'adapter.bias_type is "none" (Ludwig default), a/adapter_config.json bias is "all"');
});

test.run();
