import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readArtifact } from '../../../core/artifact/index.ts';
import { compileRecipe, recipeArtifactBytes } from '../../../core/compile/index.ts';
import type { Example } from '../../../core/runtime/index.ts';
import { loadArtifact } from '../../../core/runtime/index.ts';
import type { Spec } from '../../../core/spec/index.ts';
import { seededRandom } from '../../../core/util/random.ts';
import { convertedExample } from '../../_util/examples.ts';
import { errorOf } from '../../_util/errors.ts';

const test = suite('compile');

const spec = (extra: Partial<Spec> = {}): Spec => ({ kolm: 1, task: 't', shape: { input: 'string', output: 'string' }, ...extra });
const meta = (s: Spec) => ({ spec: s, name: 'test', created: '2026-01-01T00:00:00.000Z', datasets: [] });

test('a task whose inputs repeat compiles to the lookup recipe', async () => {
  // Unrelated random codes for 60 product ids, each id asked 10 times: only memory can answer.
  const rand = seededRandom(7);
  const codes = Array.from({ length: 60 }, () => Math.floor(rand() * 1e9).toString(36));
  const train: Example[] = [];
  for (let r = 0; r < 10; r++) codes.forEach((c, i) => train.push({ input: `price code for item ${i * 7919}`, output: c }));
  const out = await compileRecipe({ spec: spec(), train });
  assert.is(out.winner, 'lookup');
  assert.is(out.validation.K, 1);
  const row = out.table.find((r) => r.type === 'extract')!;
  assert.is(row.status, 'unsuitable');
});

test('bus-slots compiles to the extract recipe with K ≥ 0.85, and the artifact predicts what compile measured', async () => {
  const ex = await convertedExample('bus-slots');
  const out = await compileRecipe({ spec: ex.spec, train: ex.train, eval: ex.validation });
  assert.is(out.kind, 'json');
  assert.is(out.winner, 'extract');
  assert.ok(out.eval!.K >= 0.85, `eval K ${out.eval!.K}`);
  const bytes = await recipeArtifactBytes(out, meta(ex.spec));
  const loaded = await loadArtifact(bytes);
  assert.is(loaded.contents.manifest.recipe?.type, 'extract');
  assert.is(loaded.contents.manifest.metrics?.eval?.K, Number(out.eval!.K.toFixed(6)));
  const inputs = ex.validation.slice(0, 50).map((e) => e.input);
  const before = await out.predictor.predictBatch(inputs);
  const after = await loaded.predictor.predictBatch(inputs);
  assert.equal(after, before);
});

test('trec-questions compiles to the classifier and the bytes are the same on a second compile', async () => {
  const ex = await convertedExample('trec-questions');
  const s = { ...ex.spec, gates: { K_min: 0.8 } };
  const a = await compileRecipe({ spec: s, train: ex.train });
  assert.is(a.kind, 'label');
  assert.is(a.winner, 'classifier');
  const b = await compileRecipe({ spec: s, train: ex.train });
  const [ba, bb] = await Promise.all([recipeArtifactBytes(a, meta(s)), recipeArtifactBytes(b, meta(s))]);
  assert.ok(Buffer.from(ba).equals(Buffer.from(bb)), 'same inputs → same bytes');
  const manifest = (await readArtifact(ba)).manifest;
  assert.is(manifest.recipe?.type, 'classifier');
  assert.ok(manifest.files['recipe/model.onnx'], 'the ONNX graph is an entry');
  assert.is(manifest.quantization, 'int8', 'the spec asks for int4; int8 is what the classifier stores');
  await a.predictor.close?.();
  await b.predictor.close?.();
});

test('a task no recipe can learn fails with the table of every candidate and what would help', async () => {
  // Outputs are random words unrelated to the inputs: nothing generalizes.
  const rand = seededRandom(3);
  const word = () => Array.from({ length: 3 + Math.floor(rand() * 5) }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(rand() * 26)]).join('');
  const train: Example[] = Array.from({ length: 300 }, (_, i) => ({ input: `request number ${i} ${word()}`, output: `${word()} ${word()} ${word()} ${word()} ${word()} ${word()} ${word()} ${word()} ${word()} ${word()}` }));
  const e = await errorOf(() => compileRecipe({ spec: spec({ gates: { K_min: 0.6 } }), train }));
  assert.is(e.code, 'E_NO_CANDIDATE');
  for (const name of ['lookup', 'extract', 'classifier', 'composite']) assert.match(e.message, name);
  assert.match(e.message, 'candidate');
  assert.match(e.hint!, /"base" model/);
  assert.match(e.hint!, /lower gates\.K_min/);
  const table = (e.data as { table: { type: string }[] }).table;
  assert.is(table.length, 4);
});

test('a latency gate no recipe meets is named in the table', async () => {
  const train: Example[] = Array.from({ length: 200 }, (_, i) => ({ input: `q${i % 20}`, output: `a${i % 20}` }));
  const e = await errorOf(() => compileRecipe({ spec: spec({ gates: { p50_ms_max: 1e-9 } }), train }));
  assert.is(e.code, 'E_NO_CANDIDATE');
  assert.match(e.message, /below gate: p50 .* > p50_ms_max/);
});

test.run();
