import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { promptRenderer, renderPrompt, remoteParameters } from '../../../core/remote/index.ts';
import { KolmError } from '../../../core/errors.ts';

const test = suite('remote prompt');

test('the spec template renders the input the adapter was trained on', () => {
  const spec = { prompt: { template: 'Classify: {text}\nLabel:' } };
  assert.is(renderPrompt(spec, 'great movie'), 'Classify: great movie\nLabel:');
  assert.is(renderPrompt(spec, { text: 'meh' }), 'Classify: meh\nLabel:');
  const two = promptRenderer({ prompt: { template: '[{a}] [{b}]' } });
  assert.is(two({ a: 'x', b: 2 }), '[x] [2]');
});

test('a missing template field is E_BAD_INPUT naming it', () => {
  try {
    renderPrompt({ prompt: { template: '{a} {b}' } }, { a: 'x' });
    assert.unreachable();
  } catch (err) {
    assert.instance(err, KolmError);
    assert.is((err as KolmError).code, 'E_BAD_INPUT');
    assert.match((err as KolmError).message, /\{b\}/);
  }
});

test('no template: a string input is sent as is, an object as JSON', () => {
  assert.is(renderPrompt({}, 'hello'), 'hello');
  assert.is(renderPrompt({}, { q: 'x', n: 1 }), '{"q":"x","n":1}');
});

test('parameters: spec generation, flags on top, greedy sent as do_sample false without temperature', () => {
  const spec = { generation: { max_new_tokens: 64, temperature: 0, stop: ['</s>'] } };
  assert.equal(remoteParameters(spec), { details: true, max_new_tokens: 64, stop: ['</s>'], do_sample: false });
  assert.equal(remoteParameters(spec, { adapter_id: 'repo/2', max_new_tokens: 8 }), {
    details: true,
    max_new_tokens: 8,
    stop: ['</s>'],
    adapter_id: 'repo/2',
    do_sample: false,
  });
  assert.equal(remoteParameters({}, { temperature: 0.7 }), { details: true, temperature: 0.7 });
  assert.equal(remoteParameters({}, { temperature: 0.7, max_new_tokens: undefined }), { details: true, temperature: 0.7 });
});

test.run();
