// Malformed exports: each must fail with an error that names the file and the place (line, row or column),
// says what to do, and leaves nothing in the output folder.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertExport, openIngestDb, type IngestDb } from '../../../core/ingest/index.ts';
import { KolmError, type ErrorCode, type ErrorPlace } from '../../../core/errors.ts';
import type { InputMapping } from '../../../core/ludwig/types.ts';

const test = suite('ingest malformed inputs');
let db: IngestDb;
let dir: string;
test.before(async () => {
  db = await openIngestDb({ memoryLimit: '256MB', tmpDir: tmpdir() });
  dir = mkdtempSync(join(tmpdir(), 'kolm-ingest-bad-'));
});
test.after(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const QA: InputMapping = { inputColumns: ['q'], outputColumn: 'a' };
let n = 0;

function write(name: string, body: string | Buffer): string {
  const d = join(dir, `case${n++}`);
  mkdirSync(d, { recursive: true });
  const path = join(d, name);
  writeFileSync(path, body);
  return path;
}

async function parquet(name: string, sql: string): Promise<string> {
  const d = join(dir, `case${n++}`);
  mkdirSync(d, { recursive: true });
  const path = join(d, name);
  const conn = await db.connect();
  await conn.run(`COPY (${sql}) TO '${path}' (FORMAT parquet)`);
  conn.close();
  return path;
}

interface Expect {
  code: ErrorCode;
  /** Substrings the message must contain. */
  says: string[];
  place: Partial<ErrorPlace>;
  hint?: RegExp;
}

async function fails(exportPaths: string[], mapping: InputMapping, expect: Expect): Promise<void> {
  const outDir = join(dir, `out${n++}`);
  let error: unknown;
  try {
    await convertExport({ db, exportPaths, mapping, outDir });
  } catch (err) {
    error = err;
  }
  assert.instance(error, KolmError, `expected a KolmError, got ${String(error)}`);
  const e = error as KolmError;
  assert.is(e.code, expect.code, e.message);
  for (const s of expect.says) assert.ok(e.message.includes(s), `message "${e.message}" should contain "${s}"`);
  for (const [k, v] of Object.entries(expect.place)) assert.equal((e.place as Record<string, unknown>)?.[k], v, `place.${k} in ${JSON.stringify(e.place)}`);
  assert.ok(e.hint && e.hint.length > 10, 'has a hint');
  if (expect.hint) assert.match(e.hint!, expect.hint);
  assert.not.ok(existsSync(outDir), 'nothing is written on failure');
}

test('missing input column: lists the columns found and the closest name', async () => {
  const f = write('train.csv', 'question,answer\nx,y\n');
  await fails([f], { inputColumns: ['questoin'], outputColumn: 'answer' }, {
    code: 'E_MISSING_COLUMN',
    says: [f, '"questoin"', 'Columns found: "question", "answer"', 'Did you mean "question"?'],
    place: { file: f, column: 'questoin' },
  });
});

test('missing output column with nothing close', async () => {
  const f = write('train.csv', 'question,answer\nx,y\n');
  await fails([f], { inputColumns: ['question'], outputColumn: 'label_text_long' }, {
    code: 'E_MISSING_COLUMN',
    says: [f, '"label_text_long" (the output)'],
    place: { file: f, column: 'label_text_long' },
  });
});

test('non-UTF-8 bytes in a CSV: the line is named', async () => {
  const f = write('train.csv', Buffer.concat([Buffer.from('q,a\nfine,ok\ncaf'), Buffer.from([0xe9]), Buffer.from(',x\n')]));
  await fails([f], QA, { code: 'E_BAD_ENCODING', says: [f, 'line 3', 'UTF-8'], place: { file: f, line: 3, row: 2 }, hint: /iconv/ });
});

test('ragged CSV row with an extra field', async () => {
  const rows = Array.from({ length: 50 }, (_, i) => `q${i},a${i}`).join('\n');
  const f = write('train.csv', `q,a\n${rows}\nbad,row,extra\nq,a\n`);
  await fails([f], QA, { code: 'E_BAD_CSV', says: [f, 'line 52', '3 fields', 'header has 2'], place: { file: f, line: 52 } });
});

test('ragged CSV row with a missing field', async () => {
  const f = write('train.csv', 'q,a,c\n1,2,3\n4,5\n');
  await fails([f], QA, { code: 'E_BAD_CSV', says: [f, 'line 3', '2 fields', 'header has 3'], place: { file: f, line: 3, row: 2 } });
});

test('ragged row after a quoted line break: the physical line is named', async () => {
  const f = write('train.csv', 'q,a\n"multi\nline\nfield",x\n1,2,3\n');
  await fails([f], QA, { code: 'E_BAD_CSV', says: [f, 'line 5'], place: { file: f, line: 5, row: 2 } });
});

test('unterminated quote', async () => {
  const f = write('train.csv', 'q,a\nok,fine\n"never closed,2\n3,4\n');
  await fails([f], QA, { code: 'E_BAD_CSV', says: [f, 'line 3', 'quote'], place: { file: f, line: 3 } });
});

test('empty file (0 bytes)', async () => {
  const f = write('train.csv', '');
  await fails([f], QA, { code: 'E_EMPTY_FILE', says: [f, 'empty'], place: { file: f } });
});

test('CSV with a header and no rows', async () => {
  const f = write('validation.csv', 'q,a\n');
  await fails([f], QA, { code: 'E_EMPTY_FILE', says: [f, 'no data rows'], place: { file: f } });
});

test('a .parquet file that is not Parquet', async () => {
  const f = write('train.parquet', 'q,a\nx,y\n');
  await fails([f], QA, { code: 'E_BAD_PARQUET', says: [f, 'not a readable Parquet file'], place: { file: f } });
});

test('a Parquet file with no rows', async () => {
  const f = await parquet('train.parquet', "SELECT 'x' AS q, 'y' AS a WHERE false");
  await fails([f], QA, { code: 'E_EMPTY_FILE', says: [f], place: { file: f } });
});

test('a Parquet file missing the output column', async () => {
  const f = await parquet('train.parquet', "SELECT 'x' AS q, 'y' AS answer");
  await fails([f], QA, { code: 'E_MISSING_COLUMN', says: [f, '"a"', '"answer"'], place: { file: f, column: 'a' } });
});

test('malformed JSON line', async () => {
  const f = write('train.jsonl', '{"q":"x","a":"y"}\n{"q":"x","a":"y"}\n{"q": oops}\n');
  await fails([f], QA, { code: 'E_BAD_JSONL', says: [f, 'line 3', 'not valid JSON'], place: { file: f, line: 3 } });
});

test('a JSON line that is not an object', async () => {
  const f = write('train.jsonl', '{"q":"x","a":"y"}\n["q","a"]\n');
  await fails([f], QA, { code: 'E_BAD_JSONL', says: [f, 'line 2', 'not a JSON object'], place: { file: f, line: 2 } });
});

test('non-UTF-8 bytes in JSON lines', async () => {
  const f = write('train.jsonl', Buffer.concat([Buffer.from('{"q":"x","a":"y"}\n{"q":"caf'), Buffer.from([0xe9]), Buffer.from('","a":"z"}\n')]));
  await fails([f], QA, { code: 'E_BAD_ENCODING', says: [f, 'line 2', 'UTF-8'], place: { file: f, line: 2 } });
});

test('an export path that does not exist: suggests the near name', async () => {
  const f = write('train.csv', 'q,a\nx,y\n');
  const wrong = f.replace('train.csv', 'trian.csv');
  await fails([wrong], QA, { code: 'E_PATH_NOT_FOUND', says: [wrong, 'does not exist', 'train.csv'], place: { path: wrong } });
});

test('a folder with no data files', async () => {
  const f = write('config.yaml', 'model_type: llm\n');
  const folder = join(f, '..');
  await fails([folder], QA, { code: 'E_NO_DATA_FILES', says: [folder, 'no data files'], place: { path: folder } });
});

test('a file kolm does not read', async () => {
  const f = write('train.xlsx', 'PK');
  await fails([f], QA, { code: 'E_NO_DATA_FILES', says: [f], place: { file: f }, hint: /\.csv/ });
});

test('an unreadable path (a directory named like a data file)', async () => {
  const d = join(dir, `case${n++}`, 'train.csv');
  mkdirSync(join(d, 'inner'), { recursive: true });
  writeFileSync(join(d, 'inner', 'x.txt'), 'x');
  // As root, permissions do not stop reads; a folder with no data files is what is left to refuse.
  chmodSync(d, 0o000);
  try {
    await fails([d], QA, { code: process.getuid?.() === 0 ? 'E_NO_DATA_FILES' : 'E_PATH_UNREADABLE', says: [d], place: { path: d } });
  } finally {
    chmodSync(d, 0o755);
  }
});

test('split column with words instead of 0/1/2: file, row and column named', async () => {
  const f = write('data.csv', 'q,a,split\nx,y,0\nz,w,train\n');
  await fails([f], QA, { code: 'E_BAD_SPLIT', says: [f, 'row 2', '"train"'], place: { file: f, row: 2, column: 'split' }, hint: /0 for train/ });
});

test('every row dropped', async () => {
  const f = write('train.csv', 'q,a\nx,\ny,"  "\n');
  await fails([f], QA, { code: 'E_NO_ROWS', says: ['no rows left', 'output is null'], place: { path: f } });
});

test('two columns that sanitize to the same name', async () => {
  const f = write('train.csv', 'a.b,a_b,a\n1,2,3\n');
  await fails([f], { inputColumns: ['a_b'], outputColumn: 'a' }, { code: 'E_MISSING_COLUMN', says: [f, '"a.b"', '"a_b"'], place: { file: f, column: 'a_b' } });
});

test('a failure in the second file leaves an existing output folder as it was', async () => {
  const good = write('train.csv', 'q,a\nx,y\n');
  const bad = write('validation.csv', 'q,a\n1,2,3\n');
  const outDir = join(dir, `out${n++}`);
  mkdirSync(outDir);
  writeFileSync(join(outDir, 'train.jsonl'), 'old\n');
  await convertExport({ db, exportPaths: [good, bad], mapping: QA, outDir }).then(
    () => assert.unreachable(),
    (err) => assert.is((err as KolmError).code, 'E_BAD_CSV'),
  );
  assert.equal(readdirSync(outDir), ['train.jsonl']);
});

test.run();
