import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { KolmError } from '../../../core/errors.ts';
import {
  compileTemplate,
  DEFAULT_ZERO_SHOT_PROMPT_TEMPLATE,
  parseTemplate,
  rebuildTemplate,
  renderTemplate,
  sanitizeColumnName,
  templateFields,
} from '../../../core/prompt/index.ts';

const test = suite('prompt template');

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

test('renders a one-column template from a string and several columns from an object', () => {
  assert.is(renderTemplate('Tweet: {tweet}\nEmotion:', 'so happy'), 'Tweet: so happy\nEmotion:');
  const render = compileTemplate('R: {requested_slots} M: {utterance}');
  assert.is(render({ requested_slots: 'to_location', utterance: 'to NYC' }), 'R: to_location M: to NYC');
  assert.is(render({ requested_slots: '', utterance: 'hi' }), 'R:  M: hi');
});

test('doubled braces are literal braces, both ways', () => {
  const t = parseTemplate('JSON like {{"a": {x}}} here');
  assert.equal(t.columns, ['x']);
  assert.is(renderTemplate(t, '1'), 'JSON like {"a": 1} here');
  assert.is(rebuildTemplate(t), 'JSON like {{"a": {x}}} here', '~> rebuilding re-escapes');
});

test('a float spec casts the value to float and formats it like Python (round half to even)', () => {
  const render = compileTemplate('{price:.2f}|{price:08.3f}|{price:+,.1f}|{price:f}');
  assert.is(render({ price: '1234.5' }), '1234.50|1234.500|+1,234.5|1234.500000');
  assert.is(renderTemplate('{x:.2f}', '2.675'), '2.67', '~> 2.675 is below the tie in binary');
  assert.is(renderTemplate('{x:.2f}', '0.125'), '0.12', '~> exact tie rounds to even');
  assert.is(renderTemplate('{x:.0f}', 2.5), '2');
  assert.is(renderTemplate('{x:.0f}', '3.5'), '4');
  assert.is(renderTemplate('{x:.2f}', '-0.0'), '-0.00');
  assert.is(renderTemplate('{x:.1f}', '1_000.25'), '1000.2', '~> Python float() accepts underscores');
  assert.is(renderTemplate('{x:.2f}', 1e22), '10000000000000000000000.00');
  assert.is(renderTemplate('{x:.2f}', null), 'nan', '~> a missing cell is NaN in pandas');
  assert.throws(() => renderTemplate('{x:.2f}', 'abc'), (e: KolmError) => e.code === 'E_BAD_INPUT' && /\{x\}/.test(e.message));
});

test('special fields: __task__, __context__ and __sample__ (json.dumps with ensure_ascii, quotes stripped)', () => {
  const out = renderTemplate(DEFAULT_ZERO_SHOT_PROMPT_TEMPLATE, 'café "ok"', { task: 'classify' });
  // Python: json.dumps('café "ok"', indent=2).strip('"') also strips the escaped quote's closing '"'.
  assert.is(out, 'SAMPLE INPUT: caf\\u00e9 \\"ok\\\n\nUSER: Complete the following task: classify\n\nASSISTANT:\n');
  assert.is(renderTemplate('[{__context__}]{q}', 'x'), '[]x', '~> context renders empty without retrieval');
  assert.is(renderTemplate('{__sample__}|{q}|{r}', { q: 'a\nb', r: 'c' }, { sampleField: 'q' }), 'a\\nb|a\nb|c');
  assert.throws(() => renderTemplate('{__task__} {q}', 'x'), /__task__/);
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

test('a missing field is E_BAD_INPUT naming it', () => {
  const render = compileTemplate('{a} {b}');
  assert.throws(() => render({ a: '1' }), (e: KolmError) => e.code === 'E_BAD_INPUT' && /\{b\}/.test(e.message));
  assert.throws(() => render('one string'), /one value but the template reads 2 columns/);
});

test("sanitizeColumnName is Ludwig's get_sanitized_feature_name", () => {
  assert.is(sanitizeColumnName('a.b'), 'a_b');
  assert.is(sanitizeColumnName(`f(x)[0]{k}:"q"'s'`), 'f_x__0__k___q__s_');
  assert.is(sanitizeColumnName('plain name-1'), 'plain name-1');
});

test('a pre-compiled template renders the same text for every row it is given', () => {
  const render = compileTemplate('Extract the slots as JSON.\nRequested: {requested_slots}\nMessage: {utterance}');
  const a = render({ requested_slots: 'to_location', utterance: 'I want to visit New York.' });
  const b = render({ requested_slots: '', utterance: 'Hi' });
  assert.is(a, 'Extract the slots as JSON.\nRequested: to_location\nMessage: I want to visit New York.');
  assert.is(b, 'Extract the slots as JSON.\nRequested: \nMessage: Hi');
  assert.is(render({ requested_slots: 'to_location', utterance: 'I want to visit New York.' }), a);
});

test.run();
