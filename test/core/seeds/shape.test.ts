import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkShape, formatShape, inferShape, jsonTypeOf } from '../../../core/seeds/shape.ts';

const test = suite('seeds shape');

test('jsonTypeOf names values in spec field types', () => {
  assert.equal([null, [], {}, 'a', 3, 3.5, true].map(jsonTypeOf), ['null', 'array', 'object', 'string', 'integer', 'number', 'boolean']);
});

test('string shape: wrong types and empty strings are named', () => {
  assert.equal(checkShape('input', 'hi', 'string'), []);
  assert.equal(checkShape('input', 3, 'string'), ['input is a number (3), expected string']);
  assert.equal(checkShape('output', null, 'string'), ['output is null, expected string']);
  assert.equal(checkShape('output', '  \t', 'string'), ['output is an empty string']);
  assert.equal(checkShape('output', { a: 1 }, 'string'), ['output is an object, expected string']);
});

test('number accepts integers, integer refuses fractions', () => {
  assert.equal(checkShape('output', 3, 'number'), []);
  assert.equal(checkShape('output', 3.5, 'integer'), ['output is a number (3.5), expected integer']);
  assert.equal(checkShape('output', {}, 'object'), []);
});

test('object shape names the missing, mistyped and unknown fields', () => {
  const shape = { utterance: 'string', requested_slots: 'string' } as const;
  assert.equal(checkShape('input', { utterance: 'hi', requested_slots: '' }, shape), [], 'one empty field is fine');
  assert.equal(checkShape('input', { utterance: 'hi', requested_slots: null }, shape), [], 'null field is fine');
  assert.equal(checkShape('input', { utterance: 'hi' }, shape), ['input.requested_slots is missing']);
  assert.equal(checkShape('input', { utterance: 7, requested_slots: 'a' }, shape), ['input.utterance is a number (7), expected string']);
  assert.equal(checkShape('input', { utterance: 'a', requested_slots: 'b', extra: 1 }, shape), [
    'input.extra is not a field of the shape (utterance, requested_slots)',
  ]);
  assert.equal(checkShape('input', { utterance: ' ', requested_slots: null }, shape), ['input has every field empty']);
  assert.equal(checkShape('input', 'text', shape), ['input is a string, expected an object with fields utterance, requested_slots']);
});

test('inference: input objects keep field names, output objects are "object", numbers widen', () => {
  assert.equal(inferShape('input', { a: 'x', b: 2, c: null }), { a: 'string', b: 'number', c: 'string' });
  assert.is(inferShape('output', { to_location: 'NY' }), 'object');
  assert.is(inferShape('output', 3), 'number');
  assert.is(inferShape('input', 'q'), 'string');
});

test('formatShape', () => {
  assert.is(formatShape('string'), 'string');
  assert.is(formatShape({ utterance: 'string', n: 'integer' }), '{utterance: string, n: integer}');
});

test.run();
