// `--out` can name any path: a file where a folder must be, a folder where a file goes, a file deep in the
// path. Each is E_WRITE_FAILED naming the path in the way (never a raw ENOTDIR / EISDIR, which the faces
// print as an internal error), and nothing is left behind, with the real writers and real DuckDB.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir as osTmpdir } from 'node:os';
import { saveArtifact, writeArtifact } from '../../../core/artifact/index.ts';
import { KolmError } from '../../../core/errors.ts';
import { commitFilesAtomic, writeFileAtomic } from '../../../core/fs/atomic.ts';
import { convertExport, openIngestDb } from '../../../core/ingest/index.ts';
import { listFiles, tmpdir } from '../../_util/tmp.ts';
import { manifestInput, payload } from '../artifact/_fixture.ts';

const test = suite('fs: atomic writes refuse paths in the way');

async function writeFailure(fn: () => Promise<unknown>): Promise<KolmError> {
  try {
    await fn();
  } catch (err) {
    if (!(err instanceof KolmError)) throw new Error(`expected a KolmError, got ${(err as Error)?.stack ?? String(err)}`);
    assert.is(err.code, 'E_WRITE_FAILED', err.message);
    assert.ok(err.hint && err.hint.length > 10);
    return err;
  }
  assert.unreachable('expected a refusal');
  throw new Error('unreachable');
}

test('a file where the folder must be, at any depth: the file is named', async () => {
  const dir = tmpdir({ 'taken': 'x', 'deep/also': 'y' });
  for (const [target, inTheWay] of [
    [join(dir, 'taken', 'model.kolm'), join(dir, 'taken')],
    [join(dir, 'taken', 'a', 'b', 'model.kolm'), join(dir, 'taken')],
    [join(dir, 'deep', 'also', 'x', 'spec.json'), join(dir, 'deep', 'also')],
  ]) {
    const e = await writeFailure(() => writeFileAtomic(target, 'data'));
    assert.match(e.message, new RegExp(`${inTheWay.replace(/[/.]/g, '\\$&')} is a file, not a folder`));
    assert.is(e.place?.path, inTheWay);
  }
  assert.equal(listFiles(dir), ['deep/also', 'taken']);
});

test('a folder where the file goes: refused, the folder untouched', async () => {
  const dir = tmpdir({ 'model.kolm/inside.txt': 'keep' });
  const e = await writeFailure(() => writeFileAtomic(join(dir, 'model.kolm'), 'data'));
  assert.match(e.message, /is a folder/);
  assert.is(readFileSync(join(dir, 'model.kolm', 'inside.txt'), 'utf8'), 'keep');
  assert.equal(listFiles(dir), ['model.kolm/inside.txt'], 'no temp file left');
  const empty = tmpdir();
  mkdirSync(join(empty, 'spec.json'));
  await writeFailure(() => writeFileAtomic(join(empty, 'spec.json'), '{}'));
});

test('saveArtifact onto a folder, and into a file: E_WRITE_FAILED', async () => {
  const bytes = await writeArtifact({ manifest: manifestInput(), entries: payload() });
  const dir = tmpdir({ 'out/keep': 'k', 'file.txt': 'f' });
  await writeFailure(() => saveArtifact(join(dir, 'out'), bytes));
  await writeFailure(() => saveArtifact(join(dir, 'file.txt', 'a.kolm'), bytes));
  assert.equal(listFiles(dir), ['file.txt', 'out/keep']);
});

test('commitFilesAtomic: a folder at one target is refused before the work is done', async () => {
  const dir = tmpdir({ 'validation.jsonl/x': '' });
  let produced = false;
  const e = await writeFailure(() =>
    commitFilesAtomic([join(dir, 'train.jsonl'), join(dir, 'validation.jsonl')], async (temps) => {
      produced = true;
      for (const t of temps) writeFileSync(t, 'rows');
    }),
  );
  assert.match(e.message, /validation\.jsonl: a folder of that name is in the way/);
  assert.not.ok(produced, 'nothing was produced');
  assert.equal(listFiles(dir), ['validation.jsonl/x']);
});

test('commitFilesAtomic: errors from the work that are not file-system errors pass through unchanged', async () => {
  const dir = tmpdir();
  const bug = new TypeError('our bug');
  try {
    await commitFilesAtomic([join(dir, 'a')], async () => {
      throw bug;
    });
  } catch (err) {
    assert.is(err, bug);
  }
  assert.equal(listFiles(dir), []);
});

test('convert with --out naming an existing file, or a folder named like an output file: E_WRITE_FAILED', async () => {
  const db = await openIngestDb({ tmpDir: osTmpdir() });
  try {
    const dir = tmpdir({ 'train.csv': 'q,a\nx,y\nz,w\n', 'out.txt': 'not a folder', 'out2/report.json/x': '' });
    const mapping = { inputColumns: ['q'], outputColumn: 'a' };
    const e1 = await writeFailure(() => convertExport({ db, exportPaths: [join(dir, 'train.csv')], mapping, outDir: join(dir, 'out.txt') }));
    assert.match(e1.message, /out\.txt is a file, not a folder/);
    const e2 = await writeFailure(() => convertExport({ db, exportPaths: [join(dir, 'train.csv')], mapping, outDir: join(dir, 'out2') }));
    assert.match(e2.message, /report\.json: a folder of that name is in the way/);
    assert.equal(listFiles(dir), ['out.txt', 'out2/report.json/x', 'train.csv']);
  } finally {
    db.close();
  }
});

test.run();
