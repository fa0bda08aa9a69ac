import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { KolmError } from '../../../core/errors.ts';
import { parseTemplate, renderTemplate, templateFields } from '../../../core/prompt/index.ts';

const test = suite('prompt parse');

function templateError(source: string): KolmError {
  try {
    parseTemplate(source);
  } catch (err) {
    assert.instance(err, KolmError);
    assert.is((err as KolmError).code, 'E_BAD_TEMPLATE');
    return err as KolmError;
  }
  throw new Error(`expected ${JSON.stringify(source)} to be rejected`);
}

test('parses literal and field parts and lists columns in first-use order', () => {
  const t = parseTemplate('Requested: {requested_slots}\nMessage: {utterance} ({requested_slots})');
  assert.equal(t.columns, ['requested_slots', 'utterance']);
  assert.equal(t.parts.map((p) => p.kind), ['literal', 'field', 'literal', 'field', 'literal', 'field', 'literal']);
  assert.equal(templateFields('{__task__}: {q}'), ['__task__', 'q']);
  assert.equal(parseTemplate('{__task__} {__sample__} {__context__} {q}').columns, ['q'], '~> special fields are not columns');
});

test('attribute, index, conversion, positional and non-float specs are rejected naming the field and offset', () => {
  let e = templateError('Q: {a.b}');
  assert.match(e.message, '{a.b}');
  assert.match(e.message, 'offset 3');
  assert.match(e.hint ?? '', '{a_b}', '~> hint names the sanitized column');
  e = templateError('x {x[0]} y');
  assert.match(e.message, 'index syntax');
  assert.match(e.message, 'offset 2');
  e = templateError('{x!r}');
  assert.match(e.message, 'conversion');
  assert.match(e.message, '{x!r}');
  assert.match(templateError('a {} b').message, 'positional');
  assert.match(templateError('a {0} b').message, 'positional');
  assert.match(templateError('{n:d}').message, 'float specs');
  assert.match(templateError('{n:>10}').message, 'float specs');
  assert.match(templateError('{n:{w}f}').message, 'nests');
});

test('unbalanced braces are rejected with their offset', () => {
  assert.match(templateError('abc { def').message, 'unclosed "{" at offset 4');
  assert.match(templateError('abc } def').message, 'single "}" at offset 4');
});

test('a field that Ludwig sanitizing renames can never resolve', () => {
  const e = templateError('Name: {full name (first)}');
  assert.match(e.message, 'can never resolve');
  assert.match(e.hint ?? '', '{full name _first_}');
  // A column name with a space is left alone by Ludwig, so it resolves.
  assert.is(renderTemplate('{full name}', { 'full name': 'Ada' }), 'Ada');
});

test.run();
