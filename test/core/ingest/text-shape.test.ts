// Diagnostics for the bytes of a text file: a UTF-16/32 export is named as such with how to convert it
// (not "no column q" with NUL bytes in the names), and mixed CRLF/LF endings name the first odd line (not
// DuckDB's "state machine reached an invalid state"). Real files, real DuckDB; files of several sizes.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertExport, openIngestDb, type IngestDb } from '../../../core/ingest/index.ts';
import { sniffWideEncoding } from '../../../core/ingest/text-shape.ts';
import { KolmError } from '../../../core/errors.ts';

const test = suite('ingest: encodings and line endings');
let db: IngestDb;
let dir: string;
test.before(async () => {
  db = await openIngestDb({ memoryLimit: '256MB', tmpDir: tmpdir() });
  dir = mkdtempSync(join(tmpdir(), 'kolm-textshape-'));
});
test.after(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
function file(name: string, body: Buffer): string {
  const d = join(dir, `case${n++}`);
  mkdirSync(d);
  writeFileSync(join(d, name), body);
  return join(d, name);
}
const QA = { inputColumns: ['q'], outputColumn: 'a' };

async function convert(path: string) {
  const outDir = join(dir, `out${n++}`);
  return { outDir, report: await convertExport({ db, exportPaths: [path], mapping: QA, outDir }) };
}

async function failure(path: string): Promise<KolmError> {
  const outDir = join(dir, `out${n++}`);
  try {
    await convertExport({ db, exportPaths: [path], mapping: QA, outDir });
  } catch (err) {
    if (!(err instanceof KolmError)) throw err;
    assert.not.ok(existsSync(outDir));
    assert.not.ok(err.message.includes('\u0000'), 'no NUL bytes in the message');
    return err;
  }
  assert.unreachable('expected a refusal');
  throw new Error('unreachable');
}

const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();
const utf32le = (s: string) => {
  const cps = [...s].map((c) => c.codePointAt(0)!);
  const b = Buffer.alloc(cps.length * 4);
  cps.forEach((cp, i) => b.writeUInt32LE(cp, i * 4));
  return b;
};
const csvText = (rows: number) => `q,a\n${Array.from({ length: rows }, (_, i) => `question ${i},answer ${i}`).join('\n')}\n`;

const WIDE: [string, (s: string) => Buffer, string][] = [
  ['UTF-16LE with a BOM', (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]), 'UTF-16LE'],
  ['UTF-16LE without a BOM', (s) => Buffer.from(s, 'utf16le'), 'UTF-16LE'],
  ['UTF-16BE with a BOM', (s) => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(s)]), 'UTF-16BE'],
  ['UTF-16BE without a BOM', (s) => utf16be(s), 'UTF-16BE'],
  ['UTF-32LE with a BOM', (s) => Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32le(s)]), 'UTF-32LE'],
];

for (const [label, encode, name] of WIDE) {
  for (const rows of [1, 40, 2000]) {
    test(`a ${label} CSV (${rows} rows) is named ${name}, with iconv`, async () => {
      const e = await failure(file('train.csv', encode(csvText(rows))));
      assert.is(e.code, 'E_BAD_ENCODING', e.message);
      assert.match(e.message, new RegExp(`is ${name} text`));
      assert.match(e.hint!, /iconv -f UTF-(16|32) -t UTF-8/);
    });
  }
}

test('a UTF-16 JSONL file, and a UTF-16 CSV of non-Latin text with its BOM', async () => {
  const j = await failure(file('train.jsonl', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"q":"x","a":"y"}\n{"q":"z","a":"w"}\n', 'utf16le')])));
  assert.is(j.code, 'E_BAD_ENCODING');
  assert.match(j.message, /UTF-16LE/);
  const cjk = await failure(file('train.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('q,a\n東京はどこ,日本\n大阪,日本\n', 'utf16le')])));
  assert.match(cjk.message, /UTF-16LE/);
});

test('UTF-8 (with or without a BOM, any script) is not mistaken for a wide encoding', async () => {
  for (const body of [csvText(3), `\ufeff${csvText(3)}`, 'q,a\n東京はどこ,日本\nκαλημέρα,γεια\n']) {
    const { outDir } = await convert(file('train.csv', Buffer.from(body)));
    assert.ok(readFileSync(join(outDir, 'train.jsonl'), 'utf8').length > 0);
  }
  assert.is(sniffWideEncoding(Buffer.from('plain ascii text, long enough to count')), undefined);
  assert.is(sniffWideEncoding(Buffer.from([0x71])), undefined);
});

for (const [rows, odd, firstEnding] of [[3, 3, '\r\n'], [50, 37, '\r\n'], [50, 2, '\n'], [400, 399, '\n']] as const) {
  test(`mixed line endings: ${rows} rows in ${JSON.stringify(firstEnding)}, one other at line ${odd}: that line is named`, async () => {
    const other = firstEnding === '\r\n' ? '\n' : '\r\n';
    const lines = ['q,a', ...Array.from({ length: rows }, (_, i) => `question ${i},answer ${i}`)];
    const body = lines.map((l, i) => l + (i + 1 === odd ? other : firstEnding)).join('');
    const e = await failure(file('train.csv', Buffer.from(body)));
    assert.is(e.code, 'E_BAD_CSV', e.message);
    assert.is(e.place?.line, odd, e.message);
    assert.match(e.message, new RegExp(`line ${odd} ends with ${other === '\n' ? 'LF' : 'CRLF'}, but line 1 ends with ${firstEnding === '\n' ? 'LF' : 'CRLF'}`));
    assert.match(e.hint!, /sed -i|dos2unix/);
    assert.not.match(e.message, /state machine/);
  });
}

test('one ending throughout (CRLF, LF, with quoted line breaks) converts', async () => {
  for (const body of ['q,a\r\n"multi\r\nline",x\r\ny,z\r\n', 'q,a\n"multi\nline",x\ny,z\n', csvText(10).replaceAll('\n', '\r\n')]) {
    const { outDir } = await convert(file('train.csv', Buffer.from(body)));
    assert.ok(existsSync(join(outDir, 'train.jsonl')), JSON.stringify(body));
  }
});

test.run();
