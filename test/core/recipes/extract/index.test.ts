import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { extractCandidate, fieldF1, fitExtract, loadExtract } from '../../../../core/recipes/extract/index.ts';
import type { FitContext } from '../../../../core/recipes/types.ts';
import type { Example, Predictor } from '../../../../core/runtime/types.ts';
import { KolmError } from '../../../../core/errors.ts';
import { silentReporter } from '../../../../core/progress.ts';
import { generateSlots, TEST_CITIES, TRAIN_CITIES } from './_gen.ts';

const ctx: FitContext = { kind: 'json', quantization: 'int8', seed: 7, reporter: silentReporter, prefix: 'recipe/' };
const FIELDS = ['from_location', 'leaving_date', 'to_location'];

function asValues(output: unknown): string[] {
  const o = (typeof output === 'string' ? JSON.parse(output) : output) as Record<string, string>;
  return FIELDS.map((f) => o[f] ?? '');
}

async function meanF1(p: Predictor, cases: readonly Example[]): Promise<number> {
  let sum = 0;
  for (const c of cases) sum += fieldF1(asValues(c.output), asValues((await p.predict(c.input)).output));
  return sum / cases.length;
}

const train = generateSlots({ n: 300, seed: 11, cities: TRAIN_CITIES });
const unseen = generateSlots({ n: 150, seed: 12, cities: TEST_CITIES });
const fitted = await extractCandidate.fit(train, ctx);

test('learns generated slot filling and generalizes to city names never seen in training', async () => {
  const k = await meanF1(fitted.predictor, unseen);
  assert.ok(k >= 0.9, `K on unseen cities ${k.toFixed(3)}`);
});

test('predicts empty objects, in the training outputs’ own JSON style', async () => {
  const none = await fitted.predictor.predict({ utterance: 'Thanks, that is all I need.', requested_slots: '' });
  assert.is(none.output, '{}');
  const two = await fitted.predictor.predict({ utterance: 'I want to go from Albany to Boise.', requested_slots: '' });
  assert.is(two.output, '{"from_location": "Albany", "to_location": "Boise"}');
});

test('the context field decides between fields when the utterance alone cannot', async () => {
  const from = await fitted.predictor.predict({ utterance: 'Spokane.', requested_slots: 'from_location' });
  const to = await fitted.predictor.predict({ utterance: 'Spokane.', requested_slots: 'to_location' });
  assert.is(from.output, '{"from_location": "Spokane"}');
  assert.is(to.output, '{"to_location": "Spokane"}');
});

test('confidence is a probability, higher on what it gets right than on what it gets wrong', async () => {
  const right: number[] = [];
  const wrong: number[] = [];
  const odd = generateSlots({ n: 80, seed: 13, cities: TEST_CITIES }).map((e) => ({
    input: { utterance: `${(e.input as Record<string, string>).utterance} Or maybe Tulsa`, requested_slots: '' },
    output: e.output,
  }));
  for (const c of [...unseen, ...odd]) {
    const p = await fitted.predictor.predict(c.input);
    assert.ok(p.confidence! >= 0 && p.confidence! <= 1);
    (fieldF1(asValues(c.output), asValues(p.output)) >= 1 ? right : wrong).push(p.confidence!);
  }
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  if (wrong.length > 0) assert.ok(mean(right) > mean(wrong), `right ${mean(right)} vs wrong ${mean(wrong)}`);
});

test('save/load: a predictor rebuilt from the saved JSON config and bytes predicts identically', async () => {
  const config = JSON.parse(JSON.stringify(fitted.saved.config)) as Record<string, unknown>;
  const files = new Map([...fitted.saved.files].map(([k, v]) => [k, Uint8Array.from(v)]));
  assert.equal([...files.keys()], ['recipe/extract.bin']);
  const loaded = await loadExtract(config, files);
  const inputs = [...unseen, ...train.slice(0, 50)].map((c) => c.input);
  const a = await fitted.predictor.predictBatch(inputs);
  const b = await loaded.predictBatch(inputs);
  assert.equal(b, a);
});

test('the same data and seed give the same bytes', async () => {
  const again = await extractCandidate.fit(train, ctx);
  assert.equal(again.saved.config, fitted.saved.config);
  assert.equal(again.saved.files.get('recipe/extract.bin'), fitted.saved.files.get('recipe/extract.bin'));
});

test('object outputs in, object outputs out', async () => {
  const objs = generateSlots({ n: 200, seed: 21, cities: TRAIN_CITIES, style: 'object' });
  const f = await extractCandidate.fit(objs, ctx);
  const p = await f.predictor.predict({ utterance: 'I want to go from Tulsa to Mobile.', requested_slots: '' });
  assert.equal(p.output, { from_location: 'Tulsa', to_location: 'Mobile' });
  assert.equal((await f.predictor.predict({ utterance: 'Can you help me find a bus?', requested_slots: '' })).output, {});
});

test('plain string outputs: returns the span, or "" when there is none', async () => {
  const names = ['Ann Lee', 'Bo Chan', 'Cy Diaz', 'Di Ford', 'Ed Gray', 'Flo Hart', 'Gus Ives', 'Hal Jones', 'Ida King', 'Jo Lam'];
  const rand = (i: number): string => names[(i * 7) % names.length]!;
  const train: Example[] = Array.from({ length: 120 }, (_, i) =>
    i % 4 === 3
      ? { input: `Nothing to ship today, ticket ${i}.`, output: '' }
      : i % 2
        ? { input: `Please ship order ${i} to ${rand(i)} by Friday.`, output: rand(i) }
        : { input: `Deliver to ${rand(i)}, order ${i}.`, output: rand(i) },
  );
  const f = await fitExtract(train, { ...ctx, kind: 'short' });
  assert.is((await f.predictor.predict('Please ship order 9000 to Kim Moss by Friday.')).output, 'Kim Moss');
  assert.is((await f.predictor.predict('Deliver to Lou Nash, order 12.')).output, 'Lou Nash');
  assert.is((await f.predictor.predict('Nothing to ship today, ticket 5.')).output, '');
});

test('fit refuses unsuitable data, load refuses a damaged artifact, both with a KolmError', async () => {
  try {
    await fitExtract([{ input: 'x', output: 'nope' }], ctx);
    assert.unreachable();
  } catch (err) {
    assert.instance(err, KolmError);
    assert.is((err as KolmError).code, 'E_NO_CANDIDATE');
  }
  const files = new Map([['recipe/extract.bin', fitted.saved.files.get('recipe/extract.bin')!.slice(0, 100)]]);
  try {
    await loadExtract(fitted.saved.config, files);
    assert.unreachable();
  } catch (err) {
    assert.is((err as KolmError).code, 'E_BAD_ARTIFACT');
    assert.match((err as Error).message, /recipe\/extract.bin/);
  }
  try {
    await loadExtract(fitted.saved.config, new Map());
    assert.unreachable();
  } catch (err) {
    assert.is((err as KolmError).code, 'E_BAD_ARTIFACT');
  }
});

test.run();
