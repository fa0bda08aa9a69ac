import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertExport, openIngestDb, type IngestDb } from '../../../core/ingest/index.ts';
import type { InputMapping } from '../../../core/ludwig/types.ts';
import { KolmError } from '../../../core/errors.ts';
import { recordingReporter } from '../../../core/progress.ts';

const test = suite('ingest convertExport');
const EXAMPLES = new URL('../../../examples/', import.meta.url).pathname;

let db: IngestDb;
let dir: string;
test.before(async () => {
  db = await openIngestDb({ memoryLimit: '256MB', tmpDir: tmpdir() });
  dir = mkdtempSync(join(tmpdir(), 'kolm-ingest-test-'));
});
test.after(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
function files(spec: Record<string, string | Buffer>): string {
  const d = join(dir, `case${n++}`);
  mkdirSync(d, { recursive: true });
  for (const [name, body] of Object.entries(spec)) writeFileSync(join(d, name), body);
  return d;
}
const out = () => join(dir, `out${n++}`);
const jsonl = (path: string) => readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const convert = (exportPaths: string[], mapping: InputMapping, outDir = out()) => convertExport({ db, exportPaths, mapping, outDir }).then((report) => ({ report, outDir }));

test('trec-questions CSV export: one input column becomes a string, files give the splits', async () => {
  const reporter = recordingReporter();
  const outDir = out();
  const report = await convertExport(
    { db, exportPaths: [join(EXAMPLES, 'trec-questions/predibase-export')], mapping: { inputColumns: ['prompt'], outputColumn: 'response' }, outDir },
    reporter,
  );
  assert.equal(report.totals.rowsIn, 5452);
  assert.equal(report.totals.rowsOut, { train: 4907, validation: 545, test: 0 });
  assert.equal(report.files.map((f) => f.splitSource), ['file name', 'file name']);
  assert.equal(readdirSync(outDir).sort(), ['report.json', 'train.jsonl', 'validation.jsonl']);
  const train = jsonl(join(outDir, 'train.jsonl'));
  assert.equal(train.length, 4907);
  assert.equal(train[0], {
    input: "Who served as inspiration for the schoolteacher portrayed by Robin Williams in `` Dead Poets Society '' ?",
    output: 'HUM',
  });
  assert.equal(train[3], { input: 'What Caribbean island is northeast of Trinidad ?', output: 'LOC' });
  assert.equal(report.output.distinct, 6);
  assert.ok(report.output.labelLike);
  assert.equal(report.output.top!.map((t) => t.value).sort(), ['ABBR', 'DESC', 'ENTY', 'HUM', 'LOC', 'NUM']);
  assert.ok(report.input.length.p50 > 10 && report.input.length.p50 <= report.input.length.p90);
  assert.equal(JSON.parse(readFileSync(join(outDir, 'report.json'), 'utf8')), JSON.parse(JSON.stringify(report)));
  assert.ok(reporter.events.some((e) => e.stage === 'ingest:read'), 'progress goes through the Reporter');
});

test('tweet-emotion Parquet export', async () => {
  const { report, outDir } = await convert([join(EXAMPLES, 'tweet-emotion/predibase-export')], { inputColumns: ['tweet'], outputColumn: 'emotion' });
  assert.equal(report.totals.rowsOut, { train: 3257, validation: 374, test: 0 });
  assert.equal(report.files.map((f) => f.format), ['parquet', 'parquet']);
  const validation = jsonl(join(outDir, 'validation.jsonl'));
  assert.equal(validation.length, 374);
  assert.type(validation[0].input, 'string');
  assert.ok(['anger', 'joy', 'optimism', 'sadness'].includes(validation[0].output));
  assert.equal(report.output.distinct, 4);
});

test('bus-slots: two template columns become an object, the JSON output column stays a string', async () => {
  const { report, outDir } = await convert([join(EXAMPLES, 'bus-slots/predibase-export')], {
    inputColumns: ['requested_slots', 'utterance'],
    outputColumn: 'slots',
    template: 'Requested: {requested_slots}\nMessage: {utterance}',
  });
  assert.equal(report.totals.rowsOut, { train: 1133, validation: 377, test: 0 });
  assert.is(report.input.kind, 'object');
  const train = jsonl(join(outDir, 'train.jsonl'));
  assert.equal(train[0], { input: { requested_slots: '', utterance: 'Can you help me out and look for a bus for me?' }, output: '{}' });
  assert.equal(train[1], { input: { requested_slots: 'to_location', utterance: 'I want to visit New York.' }, output: '{"to_location": "New York"}' });
  assert.type(train[2].output, 'string');
  assert.equal(JSON.parse(train[2].output), { from_location: 'Washington', leaving_date: '11th of March' });
  // Empty requested_slots cells are nulls written as "": counted, not dropped.
  assert.ok(report.input.nullCells!.requested_slots > 100);
  assert.is(report.input.nullCells!.utterance, 0);
  assert.is(report.output.labelLike, false);
});

test('"looks like a label task" is compile\'s kind decision on the same rows, not a rows-per-label rule of its own', async () => {
  // 5 labels over 20 rows: labels to compile (n >= 3 per label); a 10-rows-per-label rule said free text.
  const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo'];
  const labels = files({ 'train.csv': `text,label\n${Array.from({ length: 20 }, (_, i) => `code word ${i},${words[i % 5]}`).join('\n')}\n` });
  assert.is((await convert([labels], { inputColumns: ['text'], outputColumn: 'label' })).report.output.labelLike, true);
  // Three distinct numbers repeated 30 times each: a number task to compile, so not labels here either.
  const numbers = files({ 'train.csv': `text,n\n${Array.from({ length: 90 }, (_, i) => `box ${i},${i % 3}`).join('\n')}\n` });
  const { report } = await convert([numbers], { inputColumns: ['text'], outputColumn: 'n' });
  assert.is(report.output.distinct, 3);
  assert.is(report.output.labelLike, false);
});

test('a split column: 0/1/2 (also "1.0"), other numbers dropped and counted, column names sanitized', async () => {
  const d = files({ 'data.csv': 'text,label,split\na,x,0\nb,y,1.0\nc,z,2\nd,w,7\ne,v, 0 \nf,u,\n' });
  const { report, outDir } = await convert([d], { inputColumns: ['text'], outputColumn: 'label' });
  assert.equal(report.totals.rowsOut, { train: 2, validation: 1, test: 1 });
  assert.is(report.totals.dropped.bad_split_value, 2);
  assert.is(report.files[0]!.splitSource, 'column');
  assert.equal(jsonl(join(outDir, 'train.jsonl')), [{ input: 'a', output: 'x' }, { input: 'e', output: 'v' }]);
  assert.equal(jsonl(join(outDir, 'test.jsonl')), [{ input: 'c', output: 'z' }]);
});

test('fixed split on a named column; a file without it falls back to its name with a warning', async () => {
  const d = files({ 'all.csv': 'q,a,fold\n1,x,2\n2,y,0\n', 'validation.csv': 'q,a\n3,z\n' });
  const reporter = recordingReporter();
  const report = await convertExport(
    { db, exportPaths: [join(d, 'all.csv'), join(d, 'validation.csv')], mapping: { inputColumns: ['q'], outputColumn: 'a', split: { type: 'fixed', column: 'fold' } }, outDir: out() },
    reporter,
  );
  assert.equal(report.totals.rowsOut, { train: 1, validation: 1, test: 1 });
  assert.ok(reporter.warnings.some((w) => w.includes('no split column "fold"')));
});

test('rows are dropped for null/empty input or output, with reasons; multi-column rows only when all inputs are empty', async () => {
  const d = files({
    'train.csv': 'q,a\n"  ",x\n,y\nok,\nok2,"  \t"\ngood,z\n',
    'two.csv': 'p,q,a\n,,x\n"",  ,y\n,only q,z\n',
  });
  const one = await convert([join(d, 'train.csv')], { inputColumns: ['q'], outputColumn: 'a' });
  assert.equal(one.report.totals.dropped, { bad_split_value: 0, null_output: 1, empty_output: 1, null_input: 1, empty_input: 1 });
  assert.equal(jsonl(join(one.outDir, 'train.jsonl')), [{ input: 'good', output: 'z' }]);
  const two = await convert([join(d, 'two.csv')], { inputColumns: ['p', 'q'], outputColumn: 'a' });
  assert.is(two.report.totals.dropped.null_input, 1);
  assert.is(two.report.totals.dropped.empty_input, 1);
  assert.equal(jsonl(join(two.outDir, 'train.jsonl')), [{ input: { p: '', q: 'only q' }, output: 'z' }]);
  assert.equal(two.report.input.nullCells, { p: 1, q: 0 });
});

test('duplicates: exact, conflicting (same input, other output) and across splits', async () => {
  const d = files({ 'train.csv': 'q,a\nx,1\nx,1\ny,1\ny,2\nz,3\n', 'test.csv': 'q,a\nz,3\n' });
  const { report } = await convert([d], { inputColumns: ['q'], outputColumn: 'a' });
  assert.is(report.duplicates.exact, 2);
  assert.is(report.duplicates.conflictingInputs, 1);
  assert.is(report.duplicates.conflictingRows, 2);
  assert.equal(report.duplicates.examples, [{ input: 'y', outputs: ['1', '2'], rows: 2 }]);
  assert.is(report.duplicates.inputsInSeveralSplits, 1);
});

test('sampling and random split are seeded: same seed same rows, other seed other rows', async () => {
  const rows = Array.from({ length: 200 }, (_, i) => `q${i},a${i % 7}`).join('\n');
  const d = files({ 'data.csv': `q,a\n${rows}\n` });
  const mapping = (seed: number): InputMapping => ({
    inputColumns: ['q'],
    outputColumn: 'a',
    sampling: { ratio: 0.5, seed },
    split: { type: 'random', probabilities: [0.7, 0.1, 0.2], seed },
  });
  const a = await convert([d], mapping(42));
  const b = await convert([d], mapping(42));
  const c = await convert([d], mapping(7));
  assert.is(a.report.totals.sampledOut, 100);
  assert.equal(a.report.totals.rowsOut, { train: 70, validation: 10, test: 20 });
  for (const f of ['train.jsonl', 'validation.jsonl', 'test.jsonl']) {
    assert.is(readFileSync(join(a.outDir, f), 'utf8'), readFileSync(join(b.outDir, f), 'utf8'), `${f} reproduces`);
  }
  assert.is.not(readFileSync(join(a.outDir, 'train.jsonl'), 'utf8'), readFileSync(join(c.outDir, 'train.jsonl'), 'utf8'));
  // Kept rows keep their source order inside each split.
  const idx = jsonl(join(a.outDir, 'train.jsonl')).map((r) => Number(r.input.slice(1)));
  assert.equal(idx, [...idx].sort((x, y) => x - y));
  const sized = await convert([d], { inputColumns: ['q'], outputColumn: 'a', sampling: { size: 25, seed: 42 } });
  assert.is(sized.report.totals.rowsOut.train, 25);
});

test('CSV dialects: semicolons, tabs, BOM, quoted delimiters and line breaks', async () => {
  const d = files({
    'semi.csv': 'q;a\n"x;1";"multi\nline"\n3;4\n',
    'tab.tsv': 'q\ta\nx\ty\n',
    'bom.csv': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('q,a\n"he said ""hi""",b\n')]),
  });
  const m = { inputColumns: ['q'], outputColumn: 'a' };
  assert.equal(jsonl(join((await convert([join(d, 'semi.csv')], m)).outDir, 'train.jsonl')), [{ input: 'x;1', output: 'multi\nline' }, { input: '3', output: '4' }]);
  assert.equal(jsonl(join((await convert([join(d, 'tab.tsv')], m)).outDir, 'train.jsonl')), [{ input: 'x', output: 'y' }]);
  assert.equal(jsonl(join((await convert([join(d, 'bom.csv')], m)).outDir, 'train.jsonl')), [{ input: 'he said "hi"', output: 'b' }]);
});

test('JSON lines: nested values stay JSON text, numbers become text, column names are sanitized', async () => {
  const d = files({ 'train.jsonl': '{"text.body":"a","out":{"k":[1,2]}}\n{"text.body":"b","out":3}\n\n' });
  const { outDir } = await convert([d], { inputColumns: ['text_body'], outputColumn: 'out' });
  assert.equal(jsonl(join(outDir, 'train.jsonl')), [{ input: 'a', output: '{"k":[1,2]}' }, { input: 'b', output: '3' }]);
});

test('several export paths keep their order; a second run removes a split file the first one wrote', async () => {
  const d = files({ 'b.csv': 'q,a\nb1,x\n', 'a.csv': 'q,a\na1,y\n', 'test.csv': 'q,a\nt,z\n' });
  const outDir = out();
  await convert([d], { inputColumns: ['q'], outputColumn: 'a' }, outDir);
  assert.ok(existsSync(join(outDir, 'test.jsonl')));
  const { report } = await convert([join(d, 'b.csv'), join(d, 'a.csv')], { inputColumns: ['q'], outputColumn: 'a' }, outDir);
  assert.equal(jsonl(join(outDir, 'train.jsonl')), [{ input: 'b1', output: 'x' }, { input: 'a1', output: 'y' }]);
  assert.equal(report.outputs, [{ file: 'train.jsonl', rows: 2 }]);
  assert.not.ok(existsSync(join(outDir, 'test.jsonl')));
});

test('a bad mapping is refused before anything is read', async () => {
  try {
    await convert([join(EXAMPLES, 'trec-questions/predibase-export')], { inputColumns: ['prompt'], outputColumn: 'response', sampling: { ratio: 1.5, seed: 1 } });
    assert.unreachable();
  } catch (err) {
    assert.instance(err, KolmError);
    assert.is((err as KolmError).code, 'E_BAD_CONFIG');
  }
});

test('order survives drops on a file of many row groups: no sort, and no hash join in the row filters', async () => {
  // Several row groups (122,880 rows each), so DuckDB scans it on several threads; a join in the filter (DuckDB turns a long
  // IN list inside CASE into one) wrote these rows out of order.
  const n = 400_000;
  const lines = ['q,a'];
  for (let i = 0; i < n; i++) lines.push(i % 997 === 0 ? `q${i},"  "` : i % 991 === 0 ? `,a${i}` : `q${i},a${i % 13}`);
  const d = files({ 'train.csv': `${lines.join('\n')}\n`, 'validation.csv': 'q,a\nv1,x\n  ,y\nv2,z\n' });
  const { report, outDir } = await convert([d], { inputColumns: ['q'], outputColumn: 'a' });
  const dropped = Math.ceil(n / 997) + Math.ceil(n / 991) - 1 + 1;
  assert.is(report.totals.dropped.empty_output + report.totals.dropped.null_input + report.totals.dropped.empty_input, dropped);
  const train = jsonl(join(outDir, 'train.jsonl')).map((r) => Number(String(r.input).slice(1)));
  assert.is(train.length, n - dropped + 1);
  assert.ok(train.every((v, i) => i === 0 || v > train[i - 1]!), 'train rows keep the file order');
  assert.equal(jsonl(join(outDir, 'validation.jsonl')), [{ input: 'v1', output: 'x' }, { input: 'v2', output: 'z' }]);
});

test.run();
