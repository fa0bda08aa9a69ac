import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kolm } from '../../../_util/cli.ts';

const test = suite('kolm migrate convert');
const ROOT = new URL('../../../../', import.meta.url).pathname;
let dir: string;
test.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'kolm-convert-cli-'));
});
test.after(() => rmSync(dir, { recursive: true, force: true }));

test('converts the trec-questions export and prints the report as a table', async () => {
  const out = join(dir, 'trec');
  const r = await kolm(['migrate', 'convert', '--export', 'examples/trec-questions/predibase-export', '--config', 'examples/trec-questions/predibase-export/config.yaml', '--out', out], { cwd: ROOT });
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /5,452 rows in → 5,452 out \(train 4,907 · validation 545 · test 0\)/);
  assert.match(r.stdout, /examples\/trec-questions\/predibase-export\/train\.csv\s+csv\s+4,907/);
  assert.match(r.stdout, /6 distinct \(looks like a label task\)/);
  assert.match(r.stdout, /duplicates: 71 exact/);
  const first = JSON.parse(readFileSync(join(out, 'train.jsonl'), 'utf8').split('\n')[0]!);
  assert.equal(Object.keys(first), ['input', 'output']);
  assert.is(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).totals.rowsIn, 5452);
});

test('--json prints the report; config.yaml is found in the export folder when --config is left out', async () => {
  const out = join(dir, 'bus');
  const r = await kolm(['migrate', 'convert', '--export', 'examples/bus-slots/predibase-export', '--out', out, '--json'], { cwd: ROOT });
  assert.is(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.input.columns.sort(), ['requested_slots', 'utterance']);
  assert.is(report.input.kind, 'object');
  assert.equal(report.outputs.map((o: { file: string }) => o.file), ['train.jsonl', 'validation.jsonl']);
  const row = JSON.parse(readFileSync(join(out, 'validation.jsonl'), 'utf8').split('\n')[0]!);
  assert.type(row.output, 'string');
});

test('bad data: exit 1, the error names file, line and hint, nothing is written', async () => {
  const exp = join(dir, 'bad-export');
  mkdirSync(exp);
  writeFileSync(join(exp, 'config.yaml'), 'model_type: llm\nbase_model: meta-llama/Llama-3.1-8B-Instruct\ninput_features:\n  - name: prompt\n    type: text\noutput_features:\n  - name: response\n    type: text\n');
  writeFileSync(join(exp, 'train.csv'), 'prompt,response\nok,fine\nbroken,row,here\n');
  const out = join(dir, 'bad-out');
  const r = await kolm(['migrate', 'convert', '--export', exp, '--out', out]);
  assert.is(r.code, 1);
  assert.match(r.stderr, /error\[E_BAD_CSV\]: .*train\.csv line 3 \(data row 2\) has 3 fields but the header has 2/);
  assert.match(r.stderr, /hint: /);
  assert.not.match(r.stderr, /at .*\.ts:\d+/, 'no stack trace');
  assert.not.ok(existsSync(out));
});

test('bad data with --json: the error object on stdout', async () => {
  const exp = join(dir, 'missing-col');
  mkdirSync(exp);
  writeFileSync(join(exp, 'config.yaml'), 'model_type: llm\nbase_model: meta-llama/Llama-3.1-8B-Instruct\ninput_features:\n  - name: prompt\n    type: text\noutput_features:\n  - name: response\n    type: text\n');
  writeFileSync(join(exp, 'train.csv'), 'promt,response\nok,fine\n');
  const r = await kolm(['migrate', 'convert', '--export', exp, '--out', join(dir, 'mc-out'), '--json']);
  assert.is(r.code, 1);
  const body = JSON.parse(r.stdout);
  assert.is(body.ok, false);
  assert.is(body.error.code, 'E_MISSING_COLUMN');
  assert.is(body.error.place.column, 'prompt');
  assert.match(body.error.message, /Did you mean "promt"\?/);
});

test('no config anywhere is a usage error (exit 2)', async () => {
  const exp = join(dir, 'no-config');
  mkdirSync(exp);
  writeFileSync(join(exp, 'train.csv'), 'q,a\nx,y\n');
  const r = await kolm(['migrate', 'convert', '--export', exp, '--out', join(dir, 'nc-out')]);
  assert.is(r.code, 2);
  assert.match(r.stderr, /no --config given and no config\.yaml/);
});

test.run();
