import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { countOutputs, inferOutputKind, inferOutputKindFromCounts, isJsonOutput, labelSet, outputKindFor } from '../../../core/kscore/infer.ts';

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

test('label: ≤ 50 distinct, n ≥ 3·distinct, every output ≤ 5 words', () => {
  const six = ['DESC', 'ENTY', 'ABBR', 'HUM', 'NUM', 'LOC'];
  assert.is(inferOutputKind(repeat(six, 3)), 'label', '18 rows, 6 labels');
  assert.is(inferOutputKind(repeat(six, 2)), 'short', '12 rows < 3·6');
  const fiftyOne = Array.from({ length: 51 }, (_, i) => `class_${i}`);
  assert.is(inferOutputKind(repeat(fiftyOne, 5)), 'short', '51 distinct');
  assert.is(inferOutputKind(repeat(['yes', 'no', 'not sure at all really now'], 5)), 'short', 'a 6-word output is not a label');
  assert.is(inferOutputKind(repeat([true, false], 5)), 'label');
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

test('labelSet is the distinct outputs as text', () => {
  assert.equal(labelSet(['HUM', 'DESC', 'HUM', null, 3]), ['HUM', 'DESC', '3']);
});

test.run();
