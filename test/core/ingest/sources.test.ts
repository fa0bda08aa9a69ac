import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatOf, resolveDataFiles, splitFromFileName } from '../../../core/ingest/sources.ts';

const test = suite('ingest sources');

test('file names give splits: train, validation/val/eval/dev, test; anything else none', () => {
  assert.is(splitFromFileName('export/train.csv'), 0);
  assert.is(splitFromFileName('train-00000-of-00001.parquet'), 0);
  for (const n of ['validation.csv', 'val.jsonl', 'eval.parquet', 'dev.tsv', 'my_valid_set.csv']) assert.is(splitFromFileName(n), 1, n);
  assert.is(splitFromFileName('test.csv.gz'), 2);
  assert.is(splitFromFileName('contest.csv'), undefined);
  assert.is(splitFromFileName('train_test.csv'), undefined, 'two split words: ambiguous');
  assert.is(splitFromFileName('data.csv'), undefined);
});

test('formats by extension', () => {
  assert.is(formatOf('a.csv'), 'csv');
  assert.is(formatOf('a.TSV'), 'csv');
  assert.is(formatOf('a.csv.gz'), 'csv');
  assert.is(formatOf('a.parquet'), 'parquet');
  assert.is(formatOf('a.ndjson'), 'jsonl');
  assert.is(formatOf('a.json'), 'json');
  assert.is(formatOf('config.yaml'), undefined);
});

test('a folder lists its data files train, validation, test first, skipping other files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kolm-sources-'));
  try {
    mkdirSync(join(dir, 'export'));
    for (const name of ['test.csv', 'extra.csv', 'train.csv', 'validation.csv', 'config.yaml', '.hidden.csv', 'README.md']) {
      writeFileSync(join(dir, 'export', name), 'q,a\nx,y\n');
    }
    const files = await resolveDataFiles([join(dir, 'export')]);
    assert.equal(files.map((f) => f.path.split('/').pop()), ['train.csv', 'validation.csv', 'test.csv', 'extra.csv']);
    assert.equal(files.map((f) => f.splitFromName), [0, 1, 2, undefined]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
