import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { KolmError } from '../../../core/errors.ts';
import { formatPath, parseLudwigYaml } from '../../../core/ludwig/index.ts';
import { errorOfSync } from '../../_util/errors.ts';

const test = suite('ludwig yaml');


test('invalid YAML is E_BAD_YAML with the file, line and column', () => {
  const e = errorOfSync(() => parseLudwigYaml('model_type: llm\ninput_features:\n  - name: prompt\n    type: [text\noutput_features: []\n', 'exp/config.yaml'));
  assert.is(e.code, 'E_BAD_YAML');
  assert.match(e.message, 'exp/config.yaml is not valid YAML');
  assert.is(e.place?.file, 'exp/config.yaml');
  assert.ok(typeof e.place?.line === 'number' && e.place.line >= 4, `line ${e.place?.line}`);
  assert.ok(typeof e.place?.column === 'number');
  assert.match(e.message, /\(line \d+, column \d+\)/);
});

test('bad indentation and tabs point at the offending line', () => {
  // The over-indented key continues the value on line 2, which is where the parser stops.
  const e = errorOfSync(() => parseLudwigYaml('trainer:\n  epochs: 3\n   learning_rate: 0.1\n'));
  assert.is(e.place?.line, 2);
  assert.is(e.place?.column, 11);
  const tab = errorOfSync(() => parseLudwigYaml('trainer:\n\tepochs: 3\n'));
  assert.is(tab.place?.line, 2);
});

test('a duplicate key is an error at its second occurrence', () => {
  const e = errorOfSync(() => parseLudwigYaml('base_model: a/b\ntrainer: {}\nbase_model: c/d\n'));
  assert.is(e.code, 'E_BAD_YAML');
  assert.is(e.place?.line, 3);
  assert.is(e.place?.column, 1);
});

test('locate gives 1-based line and column of keys and list items, or the nearest parent', () => {
  const y = parseLudwigYaml('model_type: llm\ninput_features:\n  - name: prompt\n    type: text\n  - name: photo\n    type: image\nadapter:\n  type: lora\n');
  assert.equal(y.locate(['input_features', 1]), { line: 5, column: 5 });
  assert.equal(y.locate(['input_features', 1, 'type']), { line: 6, column: 5 });
  assert.equal(y.locate(['adapter']), { line: 7, column: 1 });
  assert.equal(y.locate(['adapter', 'r']), { line: 7, column: 1 }, '~> missing key: its parent');
});

test('YAML 1.2 reading: `y`, `on` and `yes` stay strings, 1e-4 is a number', () => {
  const y = parseLudwigYaml('y: 1\nflag: on\nok: yes\nlr: 1e-4\n');
  assert.equal(y.value, { y: 1, flag: 'on', ok: 'yes', lr: 0.0001 });
});

test('formatPath writes paths as they appear in messages', () => {
  assert.is(formatPath(['input_features', 1, 'encoder', 'type']), 'input_features[1].encoder.type');
  assert.is(formatPath([]), '(top level)');
});

test.run();
