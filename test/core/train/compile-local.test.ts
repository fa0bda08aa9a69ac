// End to end through the real CLI: `kolm compile --runtime local` trains the tiny random llama (the same
// weights written both as the HF folder the trainer loads and as the base GGUF llama.cpp serves) on a toy
// task, converts the PEFT adapter, scores it on --eval and writes the artifact with the training run in its
// manifest. Its K is far above an adapter that did not learn (learning rate ~0: the base model's answers),
// and `kolm run` serves the same answers.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readArtifact } from '../../../core/artifact/index.ts';
import { kolm } from '../../_util/cli.ts';
import { tmpdir } from '../../_util/tmp.ts';
import { tinyBaseGguf, tinyWeights } from '../../_util/tiny-llama.ts';
import { writeTinyHf } from './_util/tiny-hf.ts';
import { toyExamples, venvPython } from './_util/train-fixtures.ts';

const dir = tmpdir();
const w = tinyWeights(11);
const hf = join(dir, 'hf');
writeTinyHf(hf, w);
const gguf = join(dir, 'tiny-llama.gguf');
writeFileSync(gguf, tinyBaseGguf(w));
const examples = toyExamples(16, 5);
const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
writeFileSync(join(dir, 'train.jsonl'), jsonl(examples));
writeFileSync(join(dir, 'eval.jsonl'), jsonl(examples));
const spec = (learningRate: number) => ({
  kolm: 1,
  task: 'the colour of each item',
  shape: { input: 'string', output: 'string' },
  base: 'kolm-test/tiny-llama',
  train: { adapter: 'lora', rank: 8, alpha: 16, dropout: 0, target_modules: ['q_proj', 'k_proj', 'v_proj', 'o_proj', 'gate_proj', 'up_proj', 'down_proj'], epochs: 30, learning_rate: learningRate, batch_size: 4, gradient_accumulation_steps: 1 },
  prompt: { template: 'colour of {thing}:' },
  generation: { max_new_tokens: 6 },
  quantization: 'f16',
});
mkdirSync(join(dir, 'runs'));
writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec(0.01)));
writeFileSync(join(dir, 'spec-untrained.json'), JSON.stringify(spec(1e-9)));
const env = { KOLM_THREADS: '1', KOLM_GPU: '0', SOURCE_DATE_EPOCH: '1700000000', PATH: process.env.PATH!, HOME: process.env.HOME!, OMP_NUM_THREADS: '2' };
const args = (specFile: string, out: string) => ['compile', '--spec', specFile, '--examples', 'train.jsonl', '--eval', 'eval.jsonl', '--runtime', 'local', '--python', venvPython(), '--base-weights', hf, '--base-gguf', gguf, '--out', out, '--json'];

test('kolm compile --runtime local trains, converts, scores and writes; K far above the unlearned adapter; kolm run agrees', async () => {
  const r = await kolm(args('spec.json', 'runs/toy.kolm'), { env, cwd: dir });
  assert.is(r.code, 0, r.stderr.slice(-3000));
  const s = JSON.parse(r.stdout);
  const base = await kolm(args('spec-untrained.json', 'runs/untrained.kolm'), { env, cwd: dir });
  assert.is(base.code, 0, base.stderr.slice(-3000));
  const u = JSON.parse(base.stdout);
  console.log(`toy task K: trained ${s.eval.K.toFixed(3)} vs unlearned ${u.eval.K.toFixed(3)}; loss ${s.training.loss_curve[0][1].toFixed(3)} -> ${s.training.loss_curve.at(-1)[1].toFixed(4)} in ${s.training.steps} steps, ${s.training.seconds}s on ${s.training.device.name}`);
  assert.ok(s.eval.K >= 0.9, `trained K ${s.eval.K}`);
  assert.ok(u.eval.K <= 0.3, `unlearned K ${u.eval.K}`);

  const { manifest } = await readArtifact(join(dir, 'runs/toy.kolm'));
  const t = manifest.training!;
  assert.is(manifest.kind, 'adapter');
  assert.is(t.runtime, 'local');
  assert.is(t.steps, 120);
  assert.is(t.config.lora.r, 8);
  assert.is(t.engine.trl, '1.16.0');
  assert.is(t.engine.peft, '0.21.2');
  assert.equal(t.base, { path: hf });
  assert.ok(t.loss_curve.at(-1)![1]! < t.loss_curve[0]![1]! / 3);
  assert.equal(manifest.datasets.map((d) => d.role), ['train', 'eval']);

  const run = await kolm(['run', join(dir, 'runs/toy.kolm'), '--base-gguf', gguf], { env, cwd: dir, stdin: jsonl(examples.map((e) => ({ input: e.input }))) });
  assert.is(run.code, 0, run.stderr);
  const answers = run.stdout.trim().split('\n').map((l) => JSON.parse(l).output);
  const right = answers.filter((a, i) => a === examples[i]!.output).length;
  assert.ok(Math.abs(right / examples.length - s.eval.pass_rate) < 1e-9, `kolm run right ${right}/${examples.length}, eval pass ${s.eval.pass_rate}`);
});

test.run();
