import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseSpec, parseSpecText, specJsonSchema } from '../../../core/spec/index.ts';
import { KolmError } from '../../../core/errors.ts';

const test = suite('spec schema');

const minimal = { kolm: 1, task: 'classify questions', shape: { input: 'string', output: 'string' } };

test('accepts the DESIGN §4 example', () => {
  const spec = parseSpec({
    kolm: 1,
    task: 'respond to user prompt in the established voice',
    shape: { input: 'string', output: 'string' },
    base: 'meta-llama/Llama-3.1-8B-Instruct',
    train: { adapter: 'lora', rank: 16, alpha: 32, epochs: 3, learning_rate: 0.0002 },
    prompt: { template: '...' },
    generation: { max_new_tokens: 64, temperature: 0 },
    quantization: 'int8',
    gates: { K_min: 0.85, p50_ms_max: 200 },
  });
  assert.is(spec.train?.rank, 16);
});

test('unknown keys are errors that name their path', () => {
  try {
    parseSpec({ ...minimal, gates: { K_minimum: 0.9 }, extra: true });
    assert.unreachable('should throw');
  } catch (err) {
    assert.instance(err, KolmError);
    const e = err as KolmError;
    assert.is(e.code, 'E_BAD_SPEC');
    assert.match(e.message, 'gates.K_minimum: unknown key');
    assert.match(e.message, 'extra: unknown key');
  }
});

test('object shapes name fields; train without base is refused', () => {
  parseSpec({ ...minimal, shape: { input: { utterance: 'string', requested_slots: 'string' }, output: 'string' } });
  assert.throws(() => parseSpec({ ...minimal, train: { adapter: 'lora', rank: 8, alpha: 16, epochs: 1, learning_rate: 1e-4 } }), /train.*base/s);
  assert.throws(() => parseSpec({ ...minimal, shape: { input: 'text', output: 'string' } }), /shape\.input/);
});

test('JSON syntax errors say so', () => {
  assert.throws(() => parseSpecText('{"kolm": 1,}', 'my/spec.json'), /my\/spec\.json is not valid JSON/);
});

test('the JSON Schema forbids unknown keys and lists the versions', () => {
  const schema = specJsonSchema() as { additionalProperties: boolean; properties: Record<string, { const?: number }> };
  assert.is(schema.additionalProperties, false);
  assert.is(schema.properties.kolm.const, 1);
});

test.run();
