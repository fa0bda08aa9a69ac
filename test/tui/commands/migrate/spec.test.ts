import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseSpecText } from '../../../../core/spec/index.ts';
import { kolm } from '../../../_util/cli.ts';

const test = suite('kolm migrate spec');
const EXAMPLES = new URL('../../../../examples/', import.meta.url).pathname;

let dir = '';
test.before.each(() => {
  dir = mkdtempSync(join(tmpdir(), 'kolm-migrate-spec-'));
});
test.after.each(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('writes spec.json and prints the mapping summary and warnings', async () => {
  const out = join(dir, 'nested', 'spec.json');
  const r = await kolm(['migrate', 'spec', '--config', `${EXAMPLES}bus-slots/predibase-export/config.yaml`, '--adapter', `${EXAMPLES}bus-slots/predibase-adapter`, '--out', out]);
  assert.is(r.code, 0, r.stderr);
  const spec = parseSpecText(readFileSync(out, 'utf8'), out);
  assert.is(spec.base, 'Qwen/Qwen2.5-7B-Instruct');
  assert.equal(spec.shape.input, { requested_slots: 'string', utterance: 'string' });
  assert.match(r.stdout, 'base:    Qwen/Qwen2.5-7B-Instruct');
  assert.match(r.stdout, 'LoRA r 16, alpha 32');
  assert.match(r.stdout, 'columns requested_slots, utterance (an object), rendered with the prompt template');
  assert.match(r.stdout, 'output:  column slots');
  assert.match(r.stderr, 'warning: generation.max_new_tokens');
});

test('--json prints spec, mapping and warnings; relative paths resolve against the working folder', async () => {
  const r = await kolm(['migrate', 'spec', '--config', 'tweet-emotion/predibase-export', '--adapter', 'tweet-emotion/predibase-adapter/adapter_config.json', '--out', join(dir, 'spec.json'), '--json'], { cwd: EXAMPLES });
  assert.is(r.code, 0, r.stderr);
  const body = JSON.parse(r.stdout) as { spec: { name: string; prompt: { template: string } }; mapping: { input_columns: string[] }; warnings: string[] };
  assert.equal(Object.keys(body), ['ok', 'spec', 'mapping', 'warnings']);
  assert.is(body.spec.name, 'tweet-emotion');
  assert.match(body.spec.prompt.template, 'Tweet: {tweet}');
  assert.equal(body.mapping.input_columns, ['tweet']);
  assert.ok(Array.isArray(body.warnings));
  assert.equal(JSON.parse(readFileSync(join(dir, 'spec.json'), 'utf8')), body.spec);
});

test('a config that is not portable fails with every item listed and writes nothing', async () => {
  const config = join(dir, 'config.yaml');
  writeFileSync(config, 'input_features:\n  - name: photo\n    type: image\n  - name: caption\n    type: text\noutput_features:\n  - name: label\n    type: category\ncombiner:\n  type: transformer\n');
  const r = await kolm(['migrate', 'spec', '--config', config, '--out', join(dir, 'spec.json')]);
  assert.is(r.code, 1);
  assert.match(r.stderr, 'error[E_NOT_PORTABLE]');
  assert.match(r.stderr, 'This is a re-architecture, not a port.');
  assert.match(r.stderr, 'input_features[0] (photo: image), line 2');
  assert.match(r.stderr, 'combiner (type: transformer), line 9');
  assert.equal(readdirSync(dir), ['config.yaml'], '~> no spec.json, no temp file');
});

test('invalid YAML reports the line and column; --json errors are JSON', async () => {
  const config = join(dir, 'config.yaml');
  writeFileSync(config, 'model_type: llm\nbase_model: "unterminated\ninput_features: []\n');
  const r = await kolm(['migrate', 'spec', '--config', config, '--out', join(dir, 'spec.json'), '--json']);
  assert.is(r.code, 1);
  const body = JSON.parse(r.stdout) as { ok: boolean; error: { code: string; place: { line: number; column: number } } };
  assert.is(body.ok, false);
  assert.is(body.error.code, 'E_BAD_YAML');
  assert.is(typeof body.error.place.line, 'number');
  assert.is(typeof body.error.place.column, 'number');
  assert.not.ok(existsSync(join(dir, 'spec.json')));
});

test('a missing config file names the path', async () => {
  const r = await kolm(['migrate', 'spec', '--config', join(dir, 'nope.yaml'), '--out', join(dir, 'spec.json')]);
  assert.is(r.code, 1);
  assert.match(r.stderr, 'E_PATH_NOT_FOUND');
  assert.match(r.stderr, 'nope.yaml');
});

test('a mismatched adapter export is reported with both values', async () => {
  writeFileSync(join(dir, 'adapter_config.json'), JSON.stringify({ peft_type: 'LORA', base_model_name_or_path: 'meta-llama/Llama-3.1-8B-Instruct', r: 8, lora_alpha: 16, lora_dropout: 0.05 }));
  const r = await kolm(['migrate', 'spec', '--config', `${EXAMPLES}trec-questions/predibase-export/config.yaml`, '--adapter', dir, '--out', join(dir, 'spec.json')]);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, 'adapter.r is 16');
  assert.match(r.stderr, 'r is 8');
  assert.match(r.stdout, 'LoRA r 8, alpha 16');
});

test('--out is required', async () => {
  const r = await kolm(['migrate', 'spec', '--config', `${EXAMPLES}trec-questions/predibase-export/config.yaml`]);
  assert.is.not(r.code, 0);
});

test.run();
