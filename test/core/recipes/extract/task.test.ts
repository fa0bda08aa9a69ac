import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { analyzeTask, renderJsonString, type TaskShape } from '../../../../core/recipes/extract/task.ts';
import { extractCandidate } from '../../../../core/recipes/extract/index.ts';
import { silentReporter } from '../../../../core/progress.ts';
import { generateSlots, TRAIN_CITIES } from './_gen.ts';

const ctx = { kind: 'json' as const, quantization: 'int8' as const, seed: 1, reporter: silentReporter, prefix: 'recipe/' };

test('bus-style data: spans come from the utterance, requested_slots is context, python style sorted keys', () => {
  const shape = analyzeTask(generateSlots({ n: 200, seed: 3, cities: TRAIN_CITIES })) as TaskShape;
  assert.type(shape, 'object');
  assert.is(shape.source, 'utterance');
  assert.equal(shape.context, ['requested_slots']);
  assert.equal(shape.fields, ['from_location', 'leaving_date', 'to_location']);
  assert.is(shape.style.mode, 'json-string');
  assert.is(shape.style.order, 'sorted');
  assert.is(shape.style.itemSep, ', ');
  assert.is(shape.style.keySep, ': ');
});

test('compact JSON strings and object outputs are recognized as such', () => {
  const compact = analyzeTask(generateSlots({ n: 200, seed: 3, cities: TRAIN_CITIES, style: 'compact' })) as TaskShape;
  assert.is(compact.style.itemSep, ',');
  assert.is(compact.style.keySep, ':');
  const objects = analyzeTask(generateSlots({ n: 200, seed: 3, cities: TRAIN_CITIES, style: 'object' })) as TaskShape;
  assert.is(objects.style.mode, 'json-object');
});

test('a fixed key order that is not alphabetical is learned, and null for absent fields', () => {
  const train = Array.from({ length: 40 }, (_, i) => ({
    input: `ship ${i} boxes to Dock${i}`,
    output: JSON.stringify({ where: `Dock${i}`, count: i % 3 ? String(i) : null }),
  }));
  const shape = analyzeTask(train) as TaskShape;
  assert.is(shape.style.order, 'rank');
  assert.equal(shape.style.rank, ['where', 'count']);
  assert.equal(shape.style.absent, ['null', 'omit']);
  assert.is(renderJsonString(['where', 'count'], (k) => (k === 'where' ? 'Dock1' : null), shape.style), '{"where":"Dock1","count":null}');
});

test('unsuitable: says why for labels, non-string values, mixed outputs and empty data', () => {
  const labels = Array.from({ length: 30 }, (_, i) => ({ input: `question ${i} about the weather`, output: i % 2 ? 'positive' : 'negative' }));
  assert.match(extractCandidate.unsuitable(labels, ctx)!, /are spans of the input/);
  const numbers = Array.from({ length: 30 }, (_, i) => ({ input: `I need ${i} seats`, output: { seats: i } }));
  assert.match(extractCandidate.unsuitable(numbers, ctx)!, /field "seats" holds 30 non-string/);
  const labelField = Array.from({ length: 30 }, (_, i) => ({
    input: `book a bus to City${i}`,
    output: JSON.stringify({ intent: 'book_bus', to: `City${i}` }),
  }));
  assert.match(extractCandidate.unsuitable(labelField, ctx)!, /field "intent" .* looks like a label/);
  const empty = Array.from({ length: 30 }, () => ({ input: 'thanks', output: '{}' }));
  assert.match(extractCandidate.unsuitable(empty, ctx)!, /every training output is empty/);
  const mixed = [{ input: 'a', output: 'a' }, { input: { t: 'b' }, output: 'b' }];
  assert.match(extractCandidate.unsuitable(mixed, ctx)!, /mix plain strings and objects/);
  assert.match(extractCandidate.unsuitable([], ctx)!, /no training examples/);
});

test('suitable: plain string outputs that are spans of a string input', () => {
  const train = Array.from({ length: 30 }, (_, i) => ({ input: `Order AB-${1000 + i} arrived`, output: `AB-${1000 + i}` }));
  assert.is(extractCandidate.unsuitable(train, ctx), null);
  const shape = analyzeTask(train) as TaskShape;
  assert.is(shape.style.mode, 'string');
  assert.is(shape.source, '');
});

test.run();
