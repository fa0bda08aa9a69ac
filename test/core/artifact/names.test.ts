import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { entryNameProblem } from '../../../core/artifact/names.ts';

test('plain relative names are fine, including nested folders and Unicode', () => {
  for (const name of ['kolm.json', 'recipe/model.onnx', 'adapter/adapter_model.safetensors', 'tables/étiquettes.json', 'a.b/c-d_e']) {
    assert.is(entryNameProblem(name), null, name);
  }
});

test('each unsafe name is refused with its reason', () => {
  const cases: [string, RegExp][] = [
    ['', /empty/],
    ['/abs', /absolute path/],
    ['C:/x', /drive letter/],
    ['c:x', /drive letter/],
    ['C:\\x', /backslash/],
    ['\\\\host\\share', /backslash/],
    ['a\\b', /backslash/],
    ['..', /"\.\." segment/],
    ['a/../b', /"\.\." segment/],
    ['./a', /"\." segment/],
    ['a//b', /empty segment/],
    ['dir/', /directory/],
    ['a\u0000b', /control character/],
    ['a\nb', /control character/],
    ['x'.repeat(1025), /longer than 1024 bytes/],
  ];
  for (const [name, reason] of cases) assert.match(entryNameProblem(name) ?? 'accepted', reason, JSON.stringify(name));
});

test.run();
