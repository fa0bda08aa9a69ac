import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compositeCandidate, loadComposite } from '../../../core/recipes/composite.ts';
import { loadRecipe } from '../../../core/recipes/index.ts';
import type { FitContext } from '../../../core/recipes/index.ts';
import type { Example } from '../../../core/runtime/index.ts';
import { silentReporter } from '../../../core/progress.ts';
import { seededRandom } from '../../../core/util/random.ts';

const test = suite('composite recipe');

const CITIES = ['Paris', 'Lima', 'Oslo', 'Cairo', 'Quito', 'Delhi', 'Seoul', 'Accra', 'Hanoi', 'Dakar', 'Perth', 'Tunis', 'Sofia', 'Riga'];
const INTENTS: [string, string[]][] = [
  ['book', ['book a trip to', 'reserve a ticket to', 'I want to fly to']],
  ['cancel', ['cancel my trip to', 'drop the booking for', 'call off the journey to']],
  ['weather', ['what is the weather in', 'is it raining in', 'how warm is it in']],
];

function examples(n: number, seed: number): Example[] {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  return Array.from({ length: n }, () => {
    const [intent, phrases] = pick(INTENTS);
    const city = pick(CITIES);
    const withCity = rand() < 0.8;
    const text = withCity ? `${pick(phrases)} ${city} please` : `${pick(phrases)} somewhere nice`;
    return { input: text, output: JSON.stringify(withCity ? { intent, city } : { intent }) };
  });
}

const ctx: FitContext = { kind: 'json', quantization: 'int8', seed: 1, reporter: silentReporter, prefix: 'recipe/' };

test('label fields get a classifier and span fields the tagger; outputs keep the training style', async () => {
  const train = examples(600, 1);
  assert.is(compositeCandidate.unsuitable(train, ctx), null);
  const fitted = await compositeCandidate.fit(train, ctx);
  const config = fitted.saved.config as { fields: { name: string; role: string }[] };
  assert.equal(config.fields, [{ name: 'city', role: 'span' }, { name: 'intent', role: 'label' }]);
  const held = examples(100, 2);
  const predictions = await fitted.predictor.predictBatch(held.map((e) => e.input));
  const exact = predictions.filter((p, i) => p.output === held[i]!.output).length;
  assert.ok(exact >= 95, `${exact}/100 exact`);
  // Training outputs are compact JSON with "intent" first: predictions are written the same way.
  assert.is((await fitted.predictor.predict('cancel my trip to Sofia please')).output, '{"intent":"cancel","city":"Sofia"}');
  const p = await fitted.predictor.predict('is it raining in Oslo please');
  assert.equal(JSON.parse(p.output as string), { intent: 'weather', city: 'Oslo' });
  assert.ok(p.confidence! > 0 && p.confidence! <= 1);

  // Rebuilt from its saved bytes, it answers the same.
  const loaded = await loadComposite(fitted.saved.config, fitted.saved.files, loadRecipe);
  assert.equal(await loaded.predictBatch(held.map((e) => e.input)), predictions);
  await fitted.predictor.close?.();
  await loaded.close?.();
});

test('says why it does not apply', () => {
  assert.match(compositeCandidate.unsuitable([{ input: 'a', output: 'plain text' }], ctx)!, 'not all JSON objects');
  const spansOnly = examples(50, 3).map((e) => ({ ...e, output: JSON.stringify({ city: (JSON.parse(e.output as string) as { city?: string }).city ?? '' }) }));
  assert.match(compositeCandidate.unsuitable(spansOnly, ctx)!, 'extract recipe covers it');
  const free = Array.from({ length: 40 }, (_, i) => ({ input: `q${i}`, output: JSON.stringify({ answer: `unrelated free text number ${i * 7919}` }) }));
  assert.match(compositeCandidate.unsuitable(free, ctx)!, 'neither a span of the input nor a closed label set');
});

test.run();
