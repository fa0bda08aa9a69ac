// The job folder: every hyperparameter explicit in the trainer config, prompts rendered exactly as serving
// renders them, and the spec's gaps named as errors before anything runs.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compileTemplate } from '../../../core/prompt/index.ts';
import { buildJob, parseGpus, parseRuntime, plannedSteps, TRAIN_DEFAULTS, trainerConfigFor, trainerFiles } from '../../../core/train/index.ts';
import type { Spec } from '../../../core/spec/index.ts';
import { errorOfSync } from '../../_util/errors.ts';

function expectKolmError(fn: () => unknown, code: string) {
  const e = errorOfSync(fn);
  assert.is(e.code, code);
  return e;
}
import { toyExamples, toySpec } from './_util/train-fixtures.ts';

const files = trainerFiles();

test('the trainer config sets every hyperparameter, from the spec where it speaks and kolm defaults where not', () => {
  const spec = { ...toySpec(), base_revision: 'abc123', train: { adapter: 'lora', rank: 16, alpha: 32, epochs: 3, learning_rate: 0.0002 } } as Spec;
  const c = trainerConfigFor({ spec, train: toyExamples(40), seed: 9 });
  assert.equal(c.base, { id: 'kolm-test/tiny-llama', revision: 'abc123' });
  assert.equal(c.lora, { r: 16, alpha: 32, dropout: TRAIN_DEFAULTS.dropout, target_modules: ['q_proj', 'v_proj'], use_rslora: false });
  assert.is(c.train.batch_size, 4);
  assert.is(c.train.gradient_accumulation_steps, 4, 'effective batch 16');
  assert.is(c.train.seed, 9);
  for (const [k, v] of Object.entries(c.train)) assert.ok(v !== undefined && v !== null, `train.${k} is set`);
  const own = trainerConfigFor({ spec: toySpec({ dropout: 0.1, batch_size: 2, gradient_accumulation_steps: 3 }), train: toyExamples(8), seed: 1, baseWeights: '/models/tiny' });
  assert.equal(own.base, { path: '/models/tiny' });
  assert.is(own.lora.dropout, 0.1);
  assert.is(own.train.gradient_accumulation_steps, 3);
});

test('planned steps follow the Trainer: ceil per epoch over batches and accumulation, at least one', () => {
  assert.is(plannedSteps(12, { batch_size: 4, gradient_accumulation_steps: 1, epochs: 24 }), 72);
  assert.is(plannedSteps(13, { batch_size: 4, gradient_accumulation_steps: 1, epochs: 1 }), 4);
  assert.is(plannedSteps(13, { batch_size: 4, gradient_accumulation_steps: 3, epochs: 2 }), 4);
  assert.is(plannedSteps(3, { batch_size: 4, gradient_accumulation_steps: 16, epochs: 3 }), 3);
  assert.is(plannedSteps(100, { batch_size: 4, gradient_accumulation_steps: 4, epochs: 1.5 }), 11);
});

test('prompts are rendered by the serving template renderer; JSON outputs become compact JSON completions', () => {
  const spec = { ...toySpec(), shape: { input: { name: 'string', city: 'string' }, output: { label: 'string' } }, prompt: { template: 'Name: {name}\nCity: {city}\nLabel:' } } as Spec;
  const train = [
    { input: { name: 'Ada', city: 'Köln' }, output: { label: 'x' } },
    { input: { name: 'Bo "B"', city: '' }, output: '{"label":"y"}' },
  ];
  const job = buildJob({ spec, train, eval: train.slice(0, 1), seed: 1, baseWeights: '/m' }, files);
  const rows = new TextDecoder().decode(job.files.get('train.jsonl')).trim().split('\n').map((l) => JSON.parse(l));
  const render = compileTemplate(spec.prompt!.template);
  assert.equal(rows.map((r) => r.prompt), train.map((e) => render(e.input as never)));
  assert.equal(rows.map((r) => r.completion), ['{"label":"x"}', '{"label":"y"}']);
  assert.ok(job.files.has('eval.jsonl'));
  assert.ok(job.files.has('kolm_train.py') && job.files.has('requirements.txt') && job.files.has('venv.sh'));
  const noTemplate = buildJob({ spec: { ...spec, prompt: undefined }, train, seed: 1, baseWeights: '/m' }, files);
  assert.is(JSON.parse(new TextDecoder().decode(noTemplate.files.get('train.jsonl')).split('\n')[0]!).prompt, JSON.stringify(train[0]!.input));
});

test('the job id names its contents: the same data gives the same id, other data another', () => {
  const a = buildJob({ spec: toySpec(), train: toyExamples(12), seed: 1, baseWeights: '/m' }, files);
  const b = buildJob({ spec: toySpec(), train: toyExamples(12), seed: 1, baseWeights: '/m' }, files);
  const c = buildJob({ spec: toySpec(), train: toyExamples(13), seed: 1, baseWeights: '/m' }, files);
  assert.is(a.id, b.id);
  assert.is.not(a.id, c.id);
  assert.match(a.id, /^[0-9a-f]{16}$/);
});

test('a hub base without a pinned revision, or a spec without train, is E_BAD_SPEC naming the key', () => {
  const e = expectKolmError(() => trainerConfigFor({ spec: toySpec(), train: toyExamples(4), seed: 1 }), 'E_BAD_SPEC');
  assert.match(e.message, /base_revision/);
  assert.match(e.hint ?? '', /--base-weights/);
  const { train: _t, ...bare } = toySpec();
  expectKolmError(() => trainerConfigFor({ spec: bare as Spec, train: toyExamples(4), seed: 1, baseWeights: '/m' }), 'E_BAD_SPEC');
});

test('--runtime and --gpus parse, and bad ones are usage errors that show the forms', () => {
  assert.equal(parseRuntime('local'), { kind: 'local' });
  assert.equal(parseRuntime('skypilot'), { kind: 'cloud' });
  assert.equal(parseRuntime('ssh://ubuntu@gpu.example.com:2222'), { kind: 'ssh', user: 'ubuntu', host: 'gpu.example.com', port: 2222 });
  assert.equal(parseRuntime('ssh://box'), { kind: 'ssh', host: 'box', port: 22 });
  assert.equal(parseRuntime('ssh://me@[::1]:2200'), { kind: 'ssh', user: 'me', host: '::1', port: 2200 });
  for (const bad of ['gpu', 'ssh://', 'ssh://a@b:99999', 'ssh://a b']) assert.match(expectKolmError(() => parseRuntime(bad), 'E_USAGE').hint ?? '', /ssh:\/\//);
  assert.equal(parseGpus('H100:1'), { name: 'H100', count: 1 });
  assert.equal(parseGpus('A100-80GB:8'), { name: 'A100-80GB', count: 8 });
  assert.equal(parseGpus('L4'), { name: 'L4', count: 1 });
  expectKolmError(() => parseGpus('H100:0'), 'E_USAGE');
});

test.run();
