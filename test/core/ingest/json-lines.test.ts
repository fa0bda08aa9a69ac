// Long JSON lines: DuckDB refuses a line past its object size limit, or runs out of its memory on one; the
// error names that line, its size, that the JSON is valid, and what to do. The locator is one linear pass
// (chunks joined once per line), so a line of tens of megabytes costs one copy, not one per chunk.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertExport, openIngestDb, type IngestDb } from '../../../core/ingest/index.ts';
import { scanJsonLines } from '../../../core/ingest/json-lines.ts';
import { KolmError } from '../../../core/errors.ts';

const test = suite('ingest: long JSON lines');
let db: IngestDb;
let dir: string;
test.before(async () => {
  db = await openIngestDb({ memoryLimit: '256MB', tmpDir: tmpdir() });
  dir = mkdtempSync(join(tmpdir(), 'kolm-longline-'));
});
test.after(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
const row = (q: string, a = 't') => JSON.stringify({ q, a });
function file(lines: string[]): string {
  const d = join(dir, `case${n++}`);
  mkdirSync(d);
  const path = join(d, 'train.jsonl');
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

async function failure(path: string): Promise<KolmError> {
  const outDir = join(dir, `out${n++}`);
  try {
    await convertExport({ db, exportPaths: [path], mapping: { inputColumns: ['q'], outputColumn: 'a' }, outDir });
  } catch (err) {
    assert.instance(err, KolmError, String(err));
    assert.not.ok(existsSync(outDir), 'nothing written');
    return err as KolmError;
  }
  assert.unreachable('expected a refusal');
  throw new Error('unreachable');
}

for (const [mb, at] of [[40, 2], [24, 5]] as const) {
  test(`a valid ${mb} MB line (line ${at}) is named with its size and DuckDB's limit, not "not valid JSON"`, async () => {
    const lines = Array.from({ length: 6 }, (_, i) => (i === at - 1 ? row('x'.repeat(mb * 1e6)) : row(`short ${i}`)));
    const e = await failure(file(lines));
    assert.is(e.code, 'E_BAD_JSONL');
    assert.is(e.place?.line, at);
    assert.match(e.message, new RegExp(`line ${at} is ${mb}\\.0 MB`));
    assert.match(e.message, /the JSON itself is valid/);
    assert.not.match(e.message, /not valid JSON/);
    assert.match(e.hint!, /Parquet/);
  });
}

test('a valid 20 MB line: the true reason too (size limit or memory), with its line', async () => {
  const e = await failure(file([row('a'), row('y'.repeat(20e6)), row('b')]));
  assert.is(e.place?.line, 2);
  assert.match(e.message, /line 2 is 20\.0 MB.*(over the 16 MiB|memory limit)/);
});

test('a long line and a malformed line after it: the malformed line is the reason', async () => {
  const e = await failure(file([row('a'), row('z'.repeat(30e6)), row('b'), '{"q": bad}', row('c')]));
  assert.is(e.place?.line, 4);
  assert.match(e.message, /line 4 is not valid JSON/);
});

test('a long line that is also broken JSON is named as broken', async () => {
  const e = await failure(file([row('a'), `{"q": "${'w'.repeat(30e6)}`]));
  assert.is(e.place?.line, 2);
  assert.match(e.message, /line 2 is not valid JSON/);
});

test('lines under the limit (several MB) convert', async () => {
  const big = 'v'.repeat(3e6);
  const path = file([row('a'), row(big, 'long'), row('b')]);
  const outDir = join(dir, `out${n++}`);
  await convertExport({ db, exportPaths: [path], mapping: { inputColumns: ['q'], outputColumn: 'a' }, outDir });
  const out = readFileSync(join(outDir, 'train.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.is(out.length, 3);
  assert.is(out[1].input.length, big.length);
});

test('scanJsonLines: the longest line and the first bad one, across chunk boundaries, CRLF and blank lines', async () => {
  for (const size of [1, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) + 7]) {
    const long = row('q'.repeat(size + 1));
    const d = join(dir, `scan${n++}`);
    mkdirSync(d);
    const path = join(d, 'x.jsonl');
    writeFileSync(path, `${row('a')}\r\n\r\n${long}\r\n${row('b')}\n[1,2]\n${row('c')}`);
    const scan = await scanJsonLines(path);
    assert.equal(scan.bad, { line: 5, reason: 'not-object' }, `size ${size}`);
    assert.equal(scan.longest, { line: 3, bytes: Buffer.byteLength(long) + 1 }, `size ${size} (the CR counts)`);
  }
  const d = join(dir, `scan${n++}`);
  mkdirSync(d);
  writeFileSync(join(d, 'ok.jsonl'), `${row('a')}\n${row('b')}`);
  assert.equal(await scanJsonLines(join(d, 'ok.jsonl')), { longest: { line: 1, bytes: row('a').length } });
});

test.run();
