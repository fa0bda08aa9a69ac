import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { countOutputs, inferOutputKind, inferOutputKindFromCounts, isClosedSet, isJsonOutput, labelSet, outputKindFor } from '../../../core/kscore/infer.ts';
import { seededRandom } from '../../../core/util/random.ts';
import { labelTask, shortAnswers } from '../../_util/label-tasks.ts';

const test = suite('kscore infer');
const repeat = <T>(values: T[], times: number): T[] => Array.from({ length: times }, () => values).flat();
const csvColumn = (path: string, column: string): string[] =>
  (parse(readFileSync(new URL(`../../../examples/${path}`, import.meta.url)), { columns: true }) as Record<string, string>[]).map((r) => r[column]!);

test('real exports: trec-questions is label, bus-slots (JSON strings) is json', () => {
  assert.is(inferOutputKind(csvColumn('trec-questions/predibase-export/train.csv', 'response')), 'label');
  assert.is(inferOutputKind(csvColumn('bus-slots/predibase-export/train.csv', 'slots')), 'json');
});

test('json: objects, arrays, or strings holding them; 95 % is enough', () => {
  assert.is(isJsonOutput('{"to_location": "New York"}'), true);
  assert.is(isJsonOutput(' [1, 2] '), true);
  assert.is(isJsonOutput('{not json'), false);
  assert.is(isJsonOutput('"a string"'), false);
  assert.is(isJsonOutput(3), false);
  assert.is(inferOutputKind([{ a: 1 }, [1], '{}']), 'json');
  assert.is(inferOutputKind([...repeat(['{"a": "x"}'], 19), 'none']), 'json', '19 of 20');
  assert.not.equal(inferOutputKind([...repeat(['{"a": "x"}'], 18), 'none', 'n/a']), 'json', '18 of 20');
});

test('number: every output numeric', () => {
  assert.is(inferOutputKind(['1', '2.5', '-3', 4, '1,200']), 'number');
  assert.is.not(inferOutputKind(['1', '2', 'three']), 'number');
});

test('label: short outputs, n ≥ 3·distinct, and few seen only once', () => {
  const six = ['DESC', 'ENTY', 'ABBR', 'HUM', 'NUM', 'LOC'];
  assert.is(inferOutputKind(repeat(six, 3)), 'label', '18 rows, 6 labels');
  assert.is(inferOutputKind(repeat(six, 2)), 'short', '12 rows < 3·6');
  // No fixed maximum: 51 distinct outputs, 5 rows each, are as closed a set as 6 (the old rule said short).
  const fiftyOne = Array.from({ length: 51 }, (_, i) => `class_${i}`);
  assert.is(inferOutputKind(repeat(fiftyOne, 5)), 'label', '51 distinct');
  assert.is(inferOutputKind(repeat(['yes', 'no', 'not sure at all really now'], 5)), 'short', 'a 6-word output is not a label');
  assert.is(inferOutputKind(repeat([true, false], 5)), 'label');
});

test('label sets of any size are labels: 6, 77, 151 and 500 labels, balanced or skewed', () => {
  for (const [d, perLabel, skew] of [[6, 20, 0], [77, 130, 0], [77, 20, 2], [151, 20, 0], [151, 100, 1], [500, 20, 0], [500, 6, 0.5]] as const) {
    const outputs = labelTask(d, perLabel, d + perLabel, skew).map((e) => e.output);
    assert.is(new Set(outputs).size, d);
    assert.is(inferOutputKind(outputs), 'label', `${d} labels, ~${perLabel} rows each, skew ${skew}`);
    assert.is(inferOutputKindFromCounts(countOutputs(outputs)), 'label', 'the same from counts');
  }
  // A real long tail: 151 labels of ~100 rows, plus a few labels seen only once or twice.
  const tail = [...labelTask(151, 100, 9).map((e) => e.output), 'rare_one', 'rare_two', 'rare_two'];
  assert.is(inferOutputKind(tail), 'label');
});

test('short free text that repeats a little is not labels, however many rows', () => {
  for (const [n, again] of [[300, 0.3], [3000, 0.3], [3000, 0.6], [20000, 0.3]] as const) {
    const answers = shortAnswers(n, n, again);
    const counts = countOutputs(answers);
    const rare = counts.filter((c) => c.count <= 2).reduce((sum, c) => sum + c.count, 0);
    assert.ok(rare / n > 0.25, `many answers appear once or twice (${rare} of ${n} rows)`);
    assert.is(inferOutputKind(answers), 'short', `${n} answers, ${counts.length} distinct`);
  }
  // Two very common answers and a fifth of the rows free text: n ≥ 3·distinct, but a fifth of held-out
  // cases would carry an answer never seen in training.
  const rand = seededRandom(5);
  const mixed = [...shortAnswers(400, 11, 0), ...Array.from({ length: 1600 }, () => (rand() < 0.5 ? 'yes' : 'no'))];
  assert.ok(mixed.length >= 3 * new Set(mixed).size, 'enough rows per distinct output on average');
  assert.is(inferOutputKind(mixed), 'short');
});

test('numbers, JSON and long text stay themselves even when they repeat like labels', () => {
  const numbers = Array.from({ length: 600 }, (_, i) => String(i % 120));
  assert.is(inferOutputKind(numbers), 'number', '120 numbers, 5 rows each');
  const json = Array.from({ length: 600 }, (_, i) => JSON.stringify({ intent: `i${i % 100}` }));
  assert.is(inferOutputKind(json), 'json');
  const sentences = Array.from({ length: 100 }, (_, i) => `this is the full canned reply number ${i} that the bot gives`);
  assert.is(inferOutputKind(repeat(sentences, 5)), 'long', 'canned replies of 11 words, 5 rows each');
  assert.is(inferOutputKind(repeat(sentences.map((s) => s.slice(0, 40)), 5)), 'short', '7-word replies are not labels');
});

test('short vs long by median word count (≤ 8 short)', () => {
  assert.is(inferOutputKind(['Paris', 'George Washington', 'in 1492', 'the red one']), 'short');
  const sentence = 'this answer is a full sentence with well over eight words in it';
  assert.is(inferOutputKind([sentence, `${sentence} again`, 'short one']), 'long');
});

test('missing outputs are ignored; none at all is short; the spec override wins', () => {
  assert.is(inferOutputKind([null, undefined, '  ', '{"a": 1}']), 'json');
  assert.is(inferOutputKind([]), 'short');
  assert.is(inferOutputKind(repeat(['A', 'B'], 10), 'long'), 'long');
});

test('the decision from counts is the decision from rows (the ingestion report reads counts)', () => {
  const sentence = 'this answer is a full sentence with well over eight words in it';
  const sets: unknown[][] = [
    repeat(['yes', 'no', 'maybe'], 4),
    repeat(['yes', 'no', 'maybe'], 2),
    repeat(['1', '2', 3], 10),
    [...repeat(['{"a": "x"}'], 19), 'none'],
    ['Paris', 'George Washington', 'in 1492', 'the red one', 'Paris'],
    [sentence, sentence, `${sentence} again`, 'short one', 'short one'],
    labelTask(151, 20, 1).map((e) => e.output),
    shortAnswers(2000, 3),
  ];
  for (const outputs of sets) assert.is(inferOutputKindFromCounts(countOutputs(outputs)), inferOutputKind(outputs), JSON.stringify(outputs).slice(0, 60));
  assert.equal(countOutputs([4, '4', 4]), [{ value: 4, count: 2 }, { value: '4', count: 1 }], '4 and "4" stay apart');
});

test('outputKindFor: the spec override, else the outputs, else the output shape (an object is json)', () => {
  const spec = (output: 'string' | Record<string, 'string'>, output_kind?: 'label') => ({ shape: { input: 'string' as const, output }, ...(output_kind ? { output_kind } : {}) });
  assert.is(outputKindFor(spec('string')), 'short');
  assert.is(outputKindFor(spec({ city: 'string' })), 'json');
  assert.is(outputKindFor(spec({ city: 'string' }, 'label')), 'label');
  assert.is(outputKindFor(spec('string'), repeat(['A', 'B'], 10)), 'label');
});

test('isClosedSet compares values as text: a column of repeating numbers is a closed set (composite fields)', () => {
  assert.is(isClosedSet(countOutputs(repeat([1, 2, '2', 3], 3))), true);
  assert.is(isClosedSet(countOutputs([1, 2, 3, 4, 5, 6, 1, 2, 3])), false, 'too few rows per value');
  assert.is(isClosedSet([]), false);
});

test('labelSet is the distinct outputs as text', () => {
  assert.equal(labelSet(['HUM', 'DESC', 'HUM', null, 3]), ['HUM', 'DESC', '3']);
});

test.run();
