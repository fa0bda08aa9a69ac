// response_format on recipe artifacts (json-format.ts): the output is put in the schema's shape when the task
// can fill it, the result validates against the schema, and everything else is refused with the reason.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Manifest } from '../../../core/artifact/index.ts';
import { ServeError } from '../../../core/serve/index.ts';
import { planResponseFormat, schemaProblem } from '../../../core/serve/json-format.ts';

// Only the fields the planner reads; the rest of a manifest does not bear on the format.
const manifest = (output_kind: Manifest['output_kind'], output: Manifest['spec']['shape']['output']) =>
  ({ output_kind, spec: { shape: { input: 'string', output } } }) as unknown as Manifest;

const LABELS = ['LOC', 'NUM', 'HUM'];
const label = manifest('label', 'string');
const slotsText = manifest('json', 'string');
const slotsObject = manifest('json', { from_location: 'string', to_location: 'string', seats: 'integer' });

function refusal(fn: () => unknown, pattern: RegExp): void {
  try {
    fn();
  } catch (e) {
    assert.instance(e, ServeError);
    assert.is((e as ServeError).status, 422);
    assert.match((e as ServeError).message, /`response_format`/);
    assert.match((e as ServeError).message, pattern);
    return;
  }
  assert.unreachable('expected a refusal');
}

test('a label task: a string or enum schema gives the label as JSON; an object with one string field gives {field: label}', () => {
  for (const schema of [{ type: 'string' }, { type: 'string', enum: LABELS }, { enum: LABELS }]) {
    const plan = planResponseFormat(label, { type: 'json_object', schema })!;
    assert.is(plan('NUM'), 'NUM');
    assert.is(schemaProblem(plan('NUM'), schema, schema), null);
  }
  // pydantic's strict schema for `label: Literal[...]`, and one with the enum behind a $ref.
  const pyd = { type: 'object', properties: { label: { type: 'string', enum: LABELS, title: 'Label' } }, required: ['label'], additionalProperties: false };
  assert.equal(planResponseFormat(label, { type: 'json_schema', schema: pyd })!('LOC'), { label: 'LOC' });
  const ref = { $defs: { Kind: { enum: LABELS, type: 'string' } }, type: 'object', properties: { kind: { $ref: '#/$defs/Kind' } }, required: ['kind'] };
  assert.equal(planResponseFormat(label, { type: 'json_object', schema: ref })!('HUM'), { kind: 'HUM' });
  assert.equal(planResponseFormat(label, { type: 'json_object' })!('HUM'), { label: 'HUM' }, 'no schema: any object');
  assert.is(planResponseFormat(label, { type: 'text' }), undefined);
});

test('a label the schema\'s enum does not hold, or a schema a label cannot fill, is refused with why', () => {
  const plan = planResponseFormat(label, { type: 'json_object', schema: { enum: ['LOC'] } })!;
  refusal(() => plan('NUM'), /"NUM", not one of the schema's enum/);
  refusal(() => planResponseFormat(label, { type: 'json_object', schema: { type: 'integer' } }), /label task answers one label.*integer/);
  refusal(() => planResponseFormat(label, { type: 'json_object', schema: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, required: ['a', 'b'] } }), /2 required properties \(a, b\)/);
  refusal(() => planResponseFormat(label, { type: 'json_object', schema: { type: 'object', properties: { n: { type: 'number' } } } }), /`n` is number/);
  refusal(() => planResponseFormat(label, { type: 'json_object', schema: { $ref: 'http://x/y' } }), /not a local reference/);
});

test('an extraction: its object under an object schema; missing fields null where allowed; extra fields dropped when the schema closes', () => {
  const schema = {
    type: 'object', additionalProperties: false, required: ['from_location', 'to_location'],
    properties: { from_location: { anyOf: [{ type: 'string' }, { type: 'null' }] }, to_location: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
  };
  const plan = planResponseFormat(slotsText, { type: 'json_schema', schema })!;
  assert.equal(plan('{"from_location":"Fresno","to_location":"Boston"}'), { from_location: 'Fresno', to_location: 'Boston' });
  assert.equal(plan('{"to_location":"Reno"}'), { from_location: null, to_location: 'Reno' });
  assert.equal(plan({ to_location: 'Reno', extra: 1 }), { from_location: null, to_location: 'Reno' });
  const strict = planResponseFormat(slotsText, { type: 'json_object', schema: { type: 'object', properties: { to_location: { type: 'string' } }, required: ['to_location'] } })!;
  refusal(() => strict('{"from_location":"Boise"}'), /has no `to_location`, which the schema requires/);
  refusal(() => strict('LOC'), /not a JSON object/);
});

test('an object-shaped output is checked against the schema before predicting: required fields and types', () => {
  refusal(() => planResponseFormat(slotsObject, { type: 'json_object', schema: { type: 'object', properties: { date: { type: 'string' } }, required: ['date'] } }), /requires `date`.*its fields: from_location, to_location, seats/);
  refusal(() => planResponseFormat(slotsObject, { type: 'json_object', schema: { type: 'object', properties: { seats: { type: 'string' } } } }), /`seats` is a integer/);
  refusal(() => planResponseFormat(slotsObject, { type: 'json_object', schema: { type: 'string' } }), /answers an object of fields/);
  const ok = planResponseFormat(slotsObject, { type: 'json_object', schema: { type: 'object', properties: { seats: { type: 'number' } }, required: ['seats'] } })!;
  assert.equal(ok({ seats: 2, to_location: 'Reno' }), { seats: 2, to_location: 'Reno' });
});

test('a number task takes a number schema; a text task a string schema', () => {
  assert.is(planResponseFormat(manifest('number', 'string'), { type: 'json_object', schema: { type: 'number' } })!('3.5'), 3.5);
  assert.is(planResponseFormat(manifest('short', 'string'), { type: 'json_object', schema: { type: 'string' } })!('hi'), 'hi');
  refusal(() => planResponseFormat(manifest('long', 'string'), { type: 'json_object' }), /text task answers a string/);
});

test.run();
