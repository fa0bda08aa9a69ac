import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { findExports, getExport } from '../../../core/migrate/index.ts';
import { errorOf } from '../../_util/errors.ts';
import { examplesDir, tmpdir } from '../../_util/tmp.ts';

const test = suite('finding an export');

test('an export folder is found with its data files and the adapter beside it', () => {
  const found = getExport(join(examplesDir, 'bus-slots'));
  assert.is(found.exportDir, join(examplesDir, 'bus-slots', 'predibase-export'));
  assert.is(found.config, join(found.exportDir, 'config.yaml'));
  assert.equal(found.dataFiles.map((f) => f.slice(found.exportDir.length + 1)), ['train.csv', 'validation.csv']);
  assert.is(found.adapterDir, join(examplesDir, 'bus-slots', 'predibase-adapter'));
});

test('several exports under a folder are listed, and asking for one there is an error naming them', async () => {
  assert.is(findExports(examplesDir).length, 3);
  const e = await errorOf(() => getExport(examplesDir));
  assert.is(e.code, 'E_USAGE');
  assert.match(e.message, 'holds 3 exports');
  assert.match(e.message, 'tweet-emotion');
});

test('a missing folder and a folder without a config are clear errors', async () => {
  assert.is((await errorOf(() => getExport('/nonexistent/predibase-export'))).code, 'E_PATH_NOT_FOUND');
  const dir = tmpdir({ 'train.csv': 'a,b\n1,2\n' });
  const e = await errorOf(() => getExport(dir));
  assert.is(e.code, 'E_NO_DATA_FILES');
  assert.match(e.message, 'config.yaml');
});

test.run();
