import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseTemplate, rebuildTemplate, renderTemplate, sanitizeColumnName } from '../../../core/prompt/index.ts';

const test = suite('prompt template');

test('doubled braces are literal braces, both ways', () => {
  const t = parseTemplate('JSON like {{"a": {x}}} here');
  assert.equal(t.columns, ['x']);
  assert.is(renderTemplate(t, '1'), 'JSON like {"a": 1} here');
  assert.is(rebuildTemplate(t), 'JSON like {{"a": {x}}} here', '~> rebuilding re-escapes');
});

test("sanitizeColumnName is Ludwig's get_sanitized_feature_name", () => {
  assert.is(sanitizeColumnName('a.b'), 'a_b');
  assert.is(sanitizeColumnName(`f(x)[0]{k}:"q"'s'`), 'f_x__0__k___q__s_');
  assert.is(sanitizeColumnName('plain name-1'), 'plain name-1');
});

test.run();
