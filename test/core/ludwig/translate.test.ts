import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { KolmError } from '../../../core/errors.ts';
import {
  parsePeftAdapterConfig,
  RE_ARCHITECTURE,
  translateLudwigFiles,
  translateLudwigYaml,
  type TranslateResult,
} from '../../../core/ludwig/index.ts';
import { compileTemplate } from '../../../core/prompt/index.ts';
import { errorOfSync } from '../../_util/errors.ts';

const test = suite('ludwig translate');
const EXAMPLES = new URL('../../../examples/', import.meta.url).pathname;

/** Run `fn` and return the KolmError it throws (uvu hides errors that carry `details`, so catch here). */

function llm(body: string): string {
  return `model_type: llm\nbase_model: meta-llama/Llama-3.1-8B-Instruct\n${body}`;
}
const FEATURES = 'input_features:\n  - name: prompt\n    type: text\noutput_features:\n  - name: response\n    type: text\n';
const FINETUNE = 'trainer:\n  type: finetune\n  epochs: 2\n  learning_rate: 0.0001\n';
const adapterJson = (over: Record<string, unknown> = {}) =>
  parsePeftAdapterConfig(JSON.stringify({ peft_type: 'LORA', base_model_name_or_path: 'meta-llama/Llama-3.1-8B-Instruct', r: 16, lora_alpha: 32, lora_dropout: 0.05, bias: 'none', target_modules: ['v_proj', 'q_proj'], ...over }), 'adapter_config.json');

const hasWarning = (r: TranslateResult, ...parts: string[]) => r.warnings.some((w) => parts.every((p) => w.includes(p)));

test('trec-questions: the raw prompt column is the input, no template, values from the YAML', async () => {
  const r = await translateLudwigFiles({ config: `${EXAMPLES}trec-questions/predibase-export/config.yaml` });
  assert.equal(r.spec, {
    kolm: 1,
    name: 'trec-questions',
    task: 'map prompt to response',
    shape: { input: 'string', output: 'string' },
    base: 'meta-llama/Llama-3.1-8B-Instruct',
    train: { adapter: 'lora', rank: 16, alpha: 32, dropout: 0.05, epochs: 3, learning_rate: 0.0002, batch_size: 1, gradient_accumulation_steps: 16 },
    generation: { max_new_tokens: 32, temperature: 0.1, do_sample: true },
    quantization: 'int4',
  });
  assert.equal(r.mapping, { inputColumns: ['prompt'], outputColumn: 'response' });
  assert.not.ok('gates' in r.spec, '~> no default gates');
});

test('trec-questions with its adapter: target modules come from adapter_config.json, no mismatch', async () => {
  const r = await translateLudwigFiles({
    config: `${EXAMPLES}trec-questions/predibase-export/config.yaml`,
    adapter: `${EXAMPLES}trec-questions/predibase-adapter`,
  });
  assert.equal(r.spec.train?.target_modules, ['k_proj', 'o_proj', 'q_proj', 'v_proj']);
  assert.is(r.spec.base, 'meta-llama/Llama-3.1-8B-Instruct');
  assert.not.ok(r.warnings.some((w) => w.includes('mismatch')), r.warnings.join('\n'));
});

test('tweet-emotion: the template reads the input feature column itself', async () => {
  for (const adapter of [undefined, `${EXAMPLES}tweet-emotion/predibase-adapter/adapter_config.json`]) {
    const r = await translateLudwigFiles({ config: `${EXAMPLES}tweet-emotion/predibase-export/config.yaml`, adapter });
    assert.is(r.spec.base, 'mistralai/Mistral-7B-Instruct-v0.3');
    assert.equal(r.mapping.inputColumns, ['tweet']);
    assert.is(r.mapping.outputColumn, 'emotion');
    // YAML `>-` folds the lines with spaces, before the template is parsed.
    assert.is(r.spec.prompt?.template, 'Classify the emotion of this tweet as anger, joy, optimism or sadness. Tweet: {tweet} Emotion:');
    assert.is(r.mapping.template, r.spec.prompt?.template);
    assert.is(r.spec.shape.input, 'string');
    assert.is(r.spec.train?.target_modules !== undefined, adapter !== undefined);
  }
});

test('bus-slots: a placeholder input whose template reads two columns gives an object input', async () => {
  const r = await translateLudwigFiles({ config: `${EXAMPLES}bus-slots/predibase-export/config.yaml`, adapter: `${EXAMPLES}bus-slots/predibase-adapter` });
  assert.equal(r.mapping.inputColumns, ['requested_slots', 'utterance']);
  assert.equal(r.spec.shape.input, { requested_slots: 'string', utterance: 'string' });
  assert.is(r.spec.base, 'Qwen/Qwen2.5-7B-Instruct');
  assert.is(r.spec.name, 'bus-slots');
  const render = compileTemplate(r.spec.prompt!.template);
  assert.is(render({ requested_slots: 'to_location', utterance: 'I want to visit New York.' }),
    "Extract the slots from the user's message as JSON. Requested: to_location Message: I want to visit New York.");
});

test('adapter_config.json values win over the YAML, each mismatch named with both values', () => {
  const peft = adapterJson({ r: 8, lora_alpha: 16, lora_dropout: 0.1, bias: 'lora_only', use_rslora: true, base_model_name_or_path: 'someone/Llama-3.1-8B-fork', revision: 'abc123' });
  const r = translateLudwigYaml(llm(`${FEATURES}${FINETUNE}adapter:\n  type: lora\n  r: 16\n  alpha: 32\n  dropout: 0.05\n  target_modules: [q_proj, k_proj]\n`), 'config.yaml', { adapter: peft });
  assert.equal(
    { rank: r.spec.train?.rank, alpha: r.spec.train?.alpha, dropout: r.spec.train?.dropout, rs: r.spec.train?.use_rslora, tm: r.spec.train?.target_modules },
    { rank: 8, alpha: 16, dropout: 0.1, rs: true, tm: ['q_proj', 'v_proj'] },
  );
  assert.ok(hasWarning(r, 'adapter.r is 16', 'r is 8'), r.warnings.join('\n'));
  assert.ok(hasWarning(r, 'adapter.alpha is 32', 'lora_alpha is 16'));
  assert.ok(hasWarning(r, 'adapter.dropout is 0.05', 'lora_dropout is 0.1'));
  assert.ok(hasWarning(r, 'adapter.bias_type is "none" (Ludwig default)', 'bias is "lora_only"'));
  assert.ok(hasWarning(r, 'target_modules', '[q_proj, k_proj]', '[q_proj, v_proj]'));
  assert.ok(hasWarning(r, 'base model mismatch', 'meta-llama/Llama-3.1-8B-Instruct', 'someone/Llama-3.1-8B-fork'));
  assert.is(r.spec.base, 'someone/Llama-3.1-8B-fork');
  assert.is(r.spec.base_revision, 'abc123');
});

test('an adapter whose base is a local path keeps the YAML base; a YAML default alpha is compared as 2r', () => {
  const peft = adapterJson({ base_model_name_or_path: '/home/ray/models/llama', lora_alpha: 32, r: 16 });
  const r = translateLudwigYaml(llm(`${FEATURES}${FINETUNE}adapter:\n  type: lora\n  r: 8\n`), 'config.yaml', { adapter: peft });
  assert.is(r.spec.base, 'meta-llama/Llama-3.1-8B-Instruct');
  assert.ok(hasWarning(r, 'local path', '/home/ray/models/llama'));
  assert.ok(hasWarning(r, 'adapter.alpha is 16 (Ludwig default)', 'lora_alpha is 32'), r.warnings.join('\n'));
});

test('version defaults: alpha 16 and do_sample false in Ludwig 0.8, 2r and true from 0.9', () => {
  const body = `${FEATURES}${FINETUNE}adapter:\n  type: lora\n  r: 4\n`;
  const old = translateLudwigYaml(llm(`ludwig_version: 0.8.6\n${body}`));
  assert.is(old.spec.train?.alpha, 16);
  assert.is(old.spec.generation?.do_sample, false);
  assert.ok(hasWarning(old, 'adapter.alpha', 'Ludwig 0.8 default 16'));
  const cur = translateLudwigYaml(llm(`ludwig_version: 0.10.4\n${body}`));
  assert.is(cur.spec.train?.alpha, 8);
  assert.is(cur.spec.generation?.do_sample, true);
  const none = translateLudwigYaml(llm(body));
  assert.is(none.spec.train?.alpha, 8, '~> no version: assume ≥ 0.9');
});

test('legacy model_name and presets resolve to HF ids; a bare `adapter: lora` gets Ludwig defaults', () => {
  const r = translateLudwigYaml(`model_type: llm\nmodel_name: llama-2-7b\n${FEATURES}${FINETUNE}adapter: lora\n`);
  assert.is(r.spec.base, 'meta-llama/Llama-2-7b-hf');
  assert.ok(hasWarning(r, 'model_name', 'base_model'));
  assert.equal([r.spec.train?.rank, r.spec.train?.alpha, r.spec.train?.dropout], [8, 16, 0.05]);
  assert.is(r.spec.generation?.do_sample, false, '~> model_name predates 0.9');
  assert.is(translateLudwigYaml(llm(FEATURES).replace('meta-llama/Llama-3.1-8B-Instruct', 'mistral-7b-instruct')).spec.base, 'mistralai/Mistral-7B-Instruct-v0.1');
});

test('trainer: finetune defaults are 100 epochs and lr 0.001; an omitted trainer means no training', () => {
  const ft = translateLudwigYaml(llm(`${FEATURES}trainer:\n  type: finetune\nadapter:\n  type: lora\n`));
  assert.equal([ft.spec.train?.epochs, ft.spec.train?.learning_rate, ft.spec.train?.batch_size], [100, 0.001, 1]);
  assert.ok(hasWarning(ft, 'trainer.epochs', '100'));
  assert.ok(hasWarning(ft, 'trainer.learning_rate', '0.001'));
  const zero = translateLudwigYaml(llm(FEATURES));
  assert.is(zero.spec.train, undefined);
  assert.is(zero.spec.base, 'meta-llama/Llama-3.1-8B-Instruct');
  assert.ok(hasWarning(zero, 'trainer', 'none'));
  const e = errorOfSync(() => translateLudwigYaml(llm(`${FEATURES}adapter:\n  type: lora\n`)));
  assert.is(e.code, 'E_BAD_CONFIG');
  assert.match(e.message, 'trainer.type: finetune');
});

test('quantization: bits 4 → int4, 8 → int8, none → f16 (the spec default int8 would be wrong)', () => {
  const q = (yaml: string) => translateLudwigYaml(llm(`${FEATURES}${yaml}`)).spec.quantization;
  assert.is(q('quantization:\n  bits: 4\n'), 'int4');
  assert.is(q('quantization:\n  bits: 8\n'), 'int8');
  assert.is(q(''), 'f16');
  assert.is(errorOfSync(() => q('quantization:\n  bits: 3\n')).code, 'E_BAD_CONFIG');
});

test('a task without a template uses Ludwig\'s zero-shot template with the task written in', () => {
  const r = translateLudwigYaml(llm(`${FEATURES}prompt:\n  task: "Say {yes} or no"\n`));
  assert.is(r.spec.task, 'Say {yes} or no');
  assert.is(r.spec.prompt?.template, 'SAMPLE INPUT: {__sample__}\n\nUSER: Complete the following task: Say {{yes}} or no\n\nASSISTANT:\n');
  assert.equal(r.mapping.inputColumns, ['prompt']);
  assert.is(compileTemplate(r.spec.prompt!.template)('hi'), 'SAMPLE INPUT: hi\n\nUSER: Complete the following task: Say {yes} or no\n\nASSISTANT:\n');
});

test("the input feature's own prompt wins over the global one", () => {
  const r = translateLudwigYaml(llm(
    'input_features:\n  - name: prompt\n    type: text\n    preprocessing:\n      prompt:\n        template: "Q: {question}"\n' +
      'output_features:\n  - name: answer\n    type: text\nprompt:\n  template: "{other}"\n',
  ));
  assert.equal(r.mapping.inputColumns, ['question']);
  assert.ok(hasWarning(r, 'prompt (line', 'takes priority'));
});

test('column names are sanitized the way Ludwig renames them; templates must use the new names', () => {
  const r = translateLudwigYaml(llm(
    'input_features:\n  - name: q\n    column: user.question\n    type: text\noutput_features:\n  - name: label\n    column: "gold(label)"\n    type: text\n',
  ));
  assert.equal(r.mapping, { inputColumns: ['user_question'], outputColumn: 'gold_label_' });
  const ok = translateLudwigYaml(llm(`${FEATURES}prompt:\n  template: "Q: {user_question}"\n`));
  assert.equal(ok.mapping.inputColumns, ['user_question']);
  const e = errorOfSync(() => translateLudwigYaml(llm(`${FEATURES}prompt:\n  template: "Q: {user.question}"\n`)));
  assert.is(e.code, 'E_BAD_TEMPLATE');
  assert.match(e.message, 'prompt.template');
  assert.match(e.message, '{user.question}');
  assert.match(e.hint ?? '', '{user_question}');
  assert.is(e.place?.line, 10, '~> the line of the template in the YAML');
});

test('template errors: output column, task without {__task__}, {x!r}, no fields', () => {
  const cases: [string, RegExp][] = [
    ['prompt:\n  template: "{q} -> {response}"\n', /reads the output column \{response\}/],
    ['prompt:\n  template: "{q}"\n  task: classify\n', /no \{__task__\}/],
    ['prompt:\n  template: "{q!r}"\n', /conversion/],
    ['prompt:\n  template: "{q[0]}"\n', /index syntax/],
    ['prompt:\n  template: "no fields {{here}}"\n', /reads no column/],
  ];
  for (const [yaml, re] of cases) {
    const e = errorOfSync(() => translateLudwigYaml(llm(`${FEATURES}${yaml}`)));
    assert.is(e.code, 'E_BAD_TEMPLATE', yaml);
    assert.match(e.message, re);
  }
});

test('an LLM needs exactly one text input feature', () => {
  const e = errorOfSync(() => translateLudwigYaml(llm('input_features:\n  - name: a\n    type: text\n  - name: b\n    type: text\noutput_features:\n  - name: y\n    type: text\n')));
  assert.is(e.code, 'E_BAD_CONFIG');
  assert.match(e.message, 'exactly one text input feature');
  assert.match(e.message, 'a (text), b (text)');
});

test('ECD text → category becomes a label spec with no base model; architecture settings are warnings', () => {
  const r = translateLudwigYaml(
    [
      'input_features:',
      '  - name: review',
      '    type: text',
      '    encoder:',
      '      type: bert',
      '      trainable: true',
      'output_features:',
      '  - name: sentiment',
      '    type: category',
      '    decoder:',
      '      type: classifier',
      'combiner:',
      '  type: concat',
      'trainer:',
      '  epochs: 10',
      'backend:',
      '  type: ray',
      'hyperopt:',
      '  goal: maximize',
      'preprocessing:',
      '  split:',
      '    type: stratify',
      '    column: sentiment',
      '    probabilities: [0.8, 0.1, 0.1]',
      '  oversample_minority: 0.5',
      '',
    ].join('\n'),
    'ecd.yaml',
  );
  assert.equal(r.spec, { kolm: 1, name: 'sentiment', task: 'map review to sentiment', shape: { input: 'string', output: 'string' }, output_kind: 'label' });
  assert.equal(r.mapping, { inputColumns: ['review'], outputColumn: 'sentiment', split: { type: 'random', probabilities: [0.8, 0.1, 0.1], seed: 42 } });
  for (const [path, text] of [
    ['input_features[0].encoder (line 4)', 'type: bert'],
    ['output_features[0].decoder', 'not transferable'],
    ['combiner (line 12)', 'dropped'],
    ['trainer', 'dropped'],
    ['backend (line 16)', 'dropped'],
    ['hyperopt', 'dropped'],
    ['preprocessing.split', 'stratify split on sentiment'],
    ['preprocessing.oversample_minority', 'not carried'],
  ]) assert.ok(hasWarning(r, path, text), `${path}: ${r.warnings.join('\n')}`);
});

test('ECD with several text inputs gives an object input; number inputs are carried with loss', () => {
  const r = translateLudwigYaml('input_features:\n  - {name: title, type: text}\n  - {name: body, type: text}\n  - {name: stars, type: number}\noutput_features:\n  - {name: topic, type: category}\n');
  assert.equal(r.mapping.inputColumns, ['title', 'body', 'stars']);
  assert.equal(r.spec.shape.input, { title: 'string', body: 'string', stars: 'string' });
  assert.ok(hasWarning(r, 'input_features[2]', 'number becomes text'));
});

test('ECD refusals list every item with its YAML path and line, and say it is a re-architecture', () => {
  const yaml = [
    'input_features:', //                          1
    '  - name: caption', //                         2
    '    type: text', //                            3
    '  - name: photo', //                           4
    '    type: image', //                           5
    '  - name: clip', //                            6
    '    type: audio', //                           7
    '  - name: sensor', //                          8
    '    type: timeseries', //                      9
    '  - name: tags', //                            10
    '    type: set', //                             11
    '  - name: when', //                            12
    '    type: date', //                            13
    '  - name: doc', //                             14
    '    type: text', //                            15
    '    encoder: [{type: bert}, {type: rnn}]', //  16
    'output_features:', //                          17
    '  - name: label', //                           18
    '    type: category', //                        19
    '  - name: score', //                           20
    '    type: number', //                          21
    'combiner:', //                                 22
    '  type: tabtransformer', //                    23
    '',
  ].join('\n');
  const e = errorOfSync(() => translateLudwigYaml(yaml, 'multi.yaml'));
  assert.is(e.code, 'E_NOT_PORTABLE');
  assert.match(e.message, RE_ARCHITECTURE);
  for (const item of [
    'input_features[1] (photo: image), line 4',
    'input_features[2] (clip: audio), line 6',
    'input_features[3] (sensor: timeseries), line 8',
    'input_features[4] (tags: set), line 10',
    'input_features[5] (when: date), line 12',
    'input_features[6].encoder (encoder ensemble), line 16',
    'output_features[1] (score: number), line 20',
    'combiner (type: tabtransformer), line 22',
  ]) assert.match(e.message, item);
  assert.is((e.data as unknown[]).length, 8);
});

test('LLM refusals: non-LoRA adapter, DoRA, preference training, retrieval — all at once', () => {
  const e = errorOfSync(() => translateLudwigYaml(llm(`${FEATURES}adapter:\n  type: ia3\n  use_dora: true\ntrainer:\n  type: dpo\nprompt:\n  task: x\n  retrieval:\n    type: semantic\n    model_name: m\n`)));
  assert.is(e.code, 'E_NOT_PORTABLE');
  for (const item of ['adapter.type: ia3, line 10', 'adapter.use_dora: true, line 11', 'trainer.type: dpo, line 13', 'prompt.retrieval (type: semantic), line 16']) {
    assert.match(e.message, item);
  }
  assert.match(e.message, RE_ARCHITECTURE);
  assert.match(errorOfSync(() => translateLudwigYaml('model_type: gbm\ninput_features: [{name: a, type: number}]\noutput_features: [{name: b, type: binary}]\n')).message, 'model_type: gbm');
  assert.match(errorOfSync(() => translateLudwigYaml(llm(`${FEATURES}adapter:\n  type: vera\n`))).message, 'adapter.type: vera');
});

test('an LLM encoder nested in ECD, a sequence tagger and bag/vector/h3 features are refused', () => {
  const e = errorOfSync(() => translateLudwigYaml('input_features:\n  - {name: t, type: text, encoder: {type: llm, base_model: x}}\n  - {name: b, type: bag}\n  - {name: v, type: vector}\n  - {name: h, type: h3}\noutput_features:\n  - {name: s, type: sequence, decoder: {type: tagger}}\n'));
  for (const item of ['input_features[0].encoder.type: llm', 'input_features[1] (b: bag)', 'input_features[2] (v: vector)', 'input_features[3] (h: h3)', 'output_features[0].decoder.type: tagger']) {
    assert.match(e.message, item);
  }
});

test('adalora is carried as LoRA with r = target_r, with a warning', () => {
  const r = translateLudwigYaml(llm(`${FEATURES}${FINETUNE}adapter:\n  type: adalora\n  target_r: 4\n  init_r: 12\n`));
  assert.is(r.spec.train?.rank, 4);
  assert.ok(hasWarning(r, 'adapter.type', 'adalora becomes lora'));
  assert.ok(hasWarning(r, 'adapter.init_r', 'not carried'));
});

test('data plan: fixed split column, sampling with seed 42, legacy split keys', () => {
  const plan = (pre: string) => translateLudwigYaml(llm(`${FEATURES}preprocessing:\n${pre}`)).mapping;
  assert.equal(plan('  split:\n    type: fixed\n').split, { type: 'fixed', column: 'split' });
  assert.equal(plan('  split:\n    type: fixed\n    column: my.split\n').split, { type: 'fixed', column: 'my_split' });
  assert.equal(plan('  sample_ratio: 0.25\n').sampling, { ratio: 0.25, seed: 42 });
  assert.equal(plan('  sample_size: 100\n').sampling, { size: 100, seed: 42 });
  assert.is(plan('  sample_ratio: 1.0\n').sampling, undefined);
  assert.equal(plan('  split_probabilities: [0.6, 0.2, 0.2]\n').split, { type: 'random', probabilities: [0.6, 0.2, 0.2], seed: 42 });
  assert.match(errorOfSync(() => plan('  sample_ratio: 0.5\n  sample_size: 10\n')).message, 'sample_ratio < 1');
  assert.match(errorOfSync(() => plan('  split:\n    type: random\n    probabilities: [0.5, 0.5, 0.5]\n')).message, 'sum to 1');
});

test('generation: max_new_tokens follows the output max_sequence_length as Ludwig does; extra keys warn', () => {
  const r = translateLudwigYaml(llm('input_features:\n  - {name: prompt, type: text}\noutput_features:\n  - name: response\n    type: text\n    preprocessing:\n      max_sequence_length: 256\ngeneration:\n  temperature: 0\n  num_beams: 4\n  top_k: 20\n'));
  assert.equal(r.spec.generation, { max_new_tokens: 256, temperature: 0, top_k: 20, do_sample: true });
  assert.ok(hasWarning(r, 'generation.num_beams', 'not carried'));
});

test('config errors name the path and line; wrong types and unknown feature types too', () => {
  let e = errorOfSync(() => translateLudwigYaml(llm(`${FEATURES}trainer:\n  type: finetune\n  learning_rate: fast\nadapter: lora\n`)));
  assert.is(e.code, 'E_BAD_CONFIG');
  assert.match(e.message, 'trainer.learning_rate');
  assert.is(e.place?.line, 11);
  e = errorOfSync(() => translateLudwigYaml(llm('input_features:\n  - {name: a, type: txt}\noutput_features:\n  - {name: b, type: text}\n')));
  assert.match(e.hint ?? '', 'did you mean text');
  e = errorOfSync(() => translateLudwigYaml(llm('output_features:\n  - {name: b, type: text}\n')));
  assert.match(e.message, 'input_features');
  assert.is(errorOfSync(() => translateLudwigYaml('')).code, 'E_BAD_CONFIG');
});

test('PyYAML spellings are accepted: 1e-4 and yes/no', () => {
  const r = translateLudwigYaml(llm(`${FEATURES}trainer:\n  type: finetune\n  epochs: 1\n  learning_rate: "1e-4"\nadapter:\n  type: lora\n  use_rslora: yes\n`));
  assert.is(r.spec.train?.learning_rate, 0.0001);
  assert.is(r.spec.train?.use_rslora, true);
});

test('the examples folder layout is what these tests read', () => {
  assert.ok(readFileSync(`${EXAMPLES}bus-slots/predibase-adapter/adapter_config.json`, 'utf8').includes('LORA'));
});

test.run();
