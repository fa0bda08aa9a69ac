import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { KolmError } from '../../../core/errors.ts';
import { compileTemplate, formatFloat, parseTemplate, renderTemplate, type FloatSpec } from '../../../core/prompt/index.ts';
import { pythonJsonSample, pythonStr, toPythonFloat } from '../../../core/prompt/python-format.ts';

const test = suite('prompt python-format');

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

/** The FloatSpec a template field `{x:<spec>}` parses to. */
function spec(source: string): FloatSpec {
  const part = parseTemplate(`{x:${source}}`).parts[0]!;
  if (part.kind !== 'field' || !part.spec) throw new Error(`no float spec in ${source}`);
  return part.spec;
}

test("formatFloat: fill, alignment, sign, z, # and grouping as Python's format() writes them", () => {
  // Expected values are Python 3.11's format(value, spec).
  assert.is(formatFloat(3.14159, spec('*^10.2f')), '***3.14***', '~> centred with a fill');
  assert.is(formatFloat(5, spec('<8.1f')), '5.0     ');
  assert.is(formatFloat(-5, spec('=8.1f')), '-    5.0', '~> = pads between sign and digits');
  assert.is(formatFloat(-3.5, spec('010.2f')), '-000003.50', '~> a leading 0 is fill 0 with = alignment');
  assert.is(formatFloat(12.5, spec(' .0f')), ' 12', '~> space sign; 12.5 rounds to even');
  assert.is(formatFloat(-0.001, spec('z.2f')), '0.00', '~> z drops the sign of a negative zero');
  assert.is(formatFloat(2, spec('#.0f')), '2.', '~> # keeps the point');
  assert.is(formatFloat(1234567.891, spec('_.1f')), '1_234_567.9');
  assert.is(formatFloat(Infinity, spec('F')), 'INF');
  assert.is(formatFloat(-Infinity, spec('.1f')), '-inf');
  assert.is(formatFloat(NaN, spec('+.1f')), '+nan');
  assert.is(formatFloat(5e-324, spec('.0f')), '0', '~> the smallest subnormal');
  assert.is(formatFloat(0.1, spec('.20f')), '0.10000000000000000555', '~> the exact binary value, not the shortest');
});

test("pythonStr, toPythonFloat and pythonJsonSample write cells as Python's str, float and json.dumps do", () => {
  assert.is(pythonStr(true, 'nan'), 'True');
  assert.is(pythonStr(-Infinity, 'nan'), '-inf');
  assert.is(pythonStr(undefined, 'NULL'), 'NULL', '~> a missing cell is the null text');
  assert.is(toPythonFloat('  -Inf ', 'x'), -Infinity);
  assert.is(toPythonFloat('.5', 'x'), 0.5);
  assert.is(toPythonFloat(true, 'x'), 1);
  assert.ok(Number.isNaN(toPythonFloat('NaN', 'x')));
  assert.throws(() => toPythonFloat('1__0', 'x'), (e: KolmError) => e.code === 'E_BAD_INPUT', '~> Python refuses doubled underscores');
  assert.is(pythonJsonSample({ a: 'é' }), '{\n  "a": "\\u00e9"\n}');
});

test.run();
