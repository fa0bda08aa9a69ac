// A data file's name is a name, never a pattern: DuckDB globs `*`, `?` and `[...]`, reads hive folders
// (`split=2/`) as columns and expands a leading `~`. Each case puts the real file beside decoys that the
// pattern reading would pick up, with real DuckDB, and checks convert reads exactly the real file's rows.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertExport, openIngestDb, type IngestDb } from '../../../core/ingest/index.ts';
import { filePath, literal } from '../../../core/ingest/sql.ts';
import type { InputMapping } from '../../../core/ludwig/types.ts';

const test = suite('ingest: file names reach DuckDB as literal paths');
let db: IngestDb;
let dir: string;
test.before(async () => {
  db = await openIngestDb({ memoryLimit: '256MB', tmpDir: tmpdir() });
  dir = mkdtempSync(join(tmpdir(), 'kolm-literal-'));
});
test.after(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const QA: InputMapping = { inputColumns: ['q'], outputColumn: 'a' };
let n = 0;
const fresh = () => {
  const d = join(dir, `case${n++}`);
  mkdirSync(d, { recursive: true });
  return d;
};
const csv = (tag: string, rows: number) => `q,a\n${Array.from({ length: rows }, (_, i) => `${tag} q${i},${tag}`).join('\n')}\n`;
const jsonlBody = (tag: string, rows: number) => Array.from({ length: rows }, (_, i) => JSON.stringify({ q: `${tag} q${i}`, a: tag })).join('\n') + '\n';

async function outputs(paths: string[], mapping = QA): Promise<string[]> {
  const outDir = join(dir, `out${n++}`);
  await convertExport({ db, exportPaths: paths, mapping, outDir });
  return readFileSync(join(outDir, 'train.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).output as string);
}

const CSV_NAMES: [string, string[]][] = [
  ['data[1].csv', ['data1.csv']],
  ['data[12].csv', ['data1.csv', 'data2.csv']],
  ['*.csv', ['a.csv', 'b.csv']],
  ['q?.csv', ['qa.csv', 'qb.csv']],
  ['[!x].csv', ['a.csv']],
  ['all**.csv', ['all.csv', 'allx.csv']],
  ['x]1.csv', ['x1.csv']],
  ['{a,b}.csv', ['a.csv', 'b.csv']],
  ["it's [v2] (final).csv", ["it's v (final).csv"]],
];

for (const [real, decoys] of CSV_NAMES) {
  test(`CSV named ${real} beside ${decoys.join(', ')}: only its own rows`, async () => {
    const d = fresh();
    writeFileSync(join(d, real), csv('REAL', 3));
    decoys.forEach((name, i) => writeFileSync(join(d, name), csv(`DECOY${i}`, 2 + i)));
    const got = await outputs([join(d, real)]);
    assert.equal(got, ['REAL', 'REAL', 'REAL']);
  });
}

test('JSONL named q?.jsonl beside qa.jsonl: only its own rows', async () => {
  const d = fresh();
  writeFileSync(join(d, 'q?.jsonl'), jsonlBody('REAL', 2));
  writeFileSync(join(d, 'qa.jsonl'), jsonlBody('DECOY', 5));
  assert.equal(await outputs([join(d, 'q?.jsonl')]), ['REAL', 'REAL']);
});

test('Parquet named [ab].parquet beside a.parquet and b.parquet: only its own rows', async () => {
  const d = fresh();
  const conn = await db.connect();
  const write = (name: string, tag: string, rows: number) =>
    conn.run(`COPY (SELECT '${tag} q' || i AS q, '${tag}' AS a FROM range(${rows}) t(i)) TO ${literal(join(d, name))} (FORMAT parquet)`);
  await write('[ab].parquet', 'REAL', 4);
  await write('a.parquet', 'DECOY', 1);
  await write('b.parquet', 'DECOY', 2);
  conn.close();
  assert.equal(await outputs([join(d, '[ab].parquet')]), ['REAL', 'REAL', 'REAL', 'REAL']);
});

test('a folder whose own name has glob characters: its files are read, the decoy folder is not', async () => {
  const root = fresh();
  mkdirSync(join(root, 'export[1]'));
  mkdirSync(join(root, 'export1'));
  writeFileSync(join(root, 'export[1]', 'train.csv'), csv('REAL', 2));
  writeFileSync(join(root, 'export1', 'train.csv'), csv('DECOY', 3));
  assert.equal(await outputs([join(root, 'export[1]')]), ['REAL', 'REAL']);
});

for (const format of ['csv', 'parquet'] as const) {
  test(`a folder named split=2 is not a column (${format}): with no split column its rows stay in train`, async () => {
    const root = fresh();
    mkdirSync(join(root, 'split=2'));
    const file = join(root, 'split=2', `train.${format}`);
    if (format === 'csv') writeFileSync(file, csv('REAL', 2));
    else {
      const conn = await db.connect();
      await conn.run(`COPY (SELECT 'REAL q' || i AS q, 'REAL' AS a FROM range(2) t(i)) TO ${literal(file)} (FORMAT parquet)`);
      conn.close();
    }
    const outDir = join(dir, `out${n++}`);
    await convertExport({ db, exportPaths: [join(root, 'split=2')], mapping: QA, outDir });
    assert.ok(existsSync(join(outDir, 'train.jsonl')), 'rows are in train');
    assert.not.ok(existsSync(join(outDir, 'test.jsonl')), 'the folder name did not send them to test');
  });
}

test('a relative path starting with ~ is the file in the working folder, not the home folder', async () => {
  const d = fresh();
  writeFileSync(join(d, '~exp.csv'), csv('REAL', 2));
  const cwd = process.cwd();
  process.chdir(d);
  try {
    assert.equal(await outputs(['~exp.csv']), ['REAL', 'REAL']);
  } finally {
    process.chdir(cwd);
  }
});

test('filePath quotes and neutralises every glob character and nothing else', () => {
  assert.is(filePath("/a/it's [1]*?.csv"), "'/a/it''s [[]1][*][?].csv'");
  assert.is(filePath('/plain/x.csv'), "'/plain/x.csv'");
  assert.is(filePath('~/x.csv'), "'./~/x.csv'");
});

test.run();
