import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { KolmError } from '../../../core/errors.ts';
import { compileTemplate, DEFAULT_ZERO_SHOT_PROMPT_TEMPLATE, renderTemplate } from '../../../core/prompt/index.ts';

const test = suite('prompt render');

test('renders a one-column template from a string and several columns from an object', () => {
  assert.is(renderTemplate('Tweet: {tweet}\nEmotion:', 'so happy'), 'Tweet: so happy\nEmotion:');
  const render = compileTemplate('R: {requested_slots} M: {utterance}');
  assert.is(render({ requested_slots: 'to_location', utterance: 'to NYC' }), 'R: to_location M: to NYC');
  assert.is(render({ requested_slots: '', utterance: 'hi' }), 'R:  M: hi');
});

test('special fields: __task__, __context__ and __sample__ (json.dumps with ensure_ascii, quotes stripped)', () => {
  const out = renderTemplate(DEFAULT_ZERO_SHOT_PROMPT_TEMPLATE, 'café "ok"', { task: 'classify' });
  // Python: json.dumps('café "ok"', indent=2).strip('"') also strips the escaped quote's closing '"'.
  assert.is(out, 'SAMPLE INPUT: caf\\u00e9 \\"ok\\\n\nUSER: Complete the following task: classify\n\nASSISTANT:\n');
  assert.is(renderTemplate('[{__context__}]{q}', 'x'), '[]x', '~> context renders empty without retrieval');
  assert.is(renderTemplate('{__sample__}|{q}|{r}', { q: 'a\nb', r: 'c' }, { sampleField: 'q' }), 'a\\nb|a\nb|c');
  assert.throws(() => renderTemplate('{__task__} {q}', 'x'), /__task__/);
});

test('a missing field is E_BAD_INPUT naming it', () => {
  const render = compileTemplate('{a} {b}');
  assert.throws(() => render({ a: '1' }), (e: KolmError) => e.code === 'E_BAD_INPUT' && /\{b\}/.test(e.message));
  assert.throws(() => render('one string'), /one value but the template reads 2 columns/);
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
