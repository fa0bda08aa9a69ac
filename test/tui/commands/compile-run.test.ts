import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kolm } from '../../_util/cli.ts';
import { listFiles } from '../../_util/tmp.ts';
import { slotTask } from '../../_util/slot-task.ts';

const test = suite('kolm compile / run');

test('compile writes one .kolm and prints the candidate table; run answers one input and a stream', async () => {
  const dir = slotTask();
  const out = join(dir, 'slots.kolm');
  const c = await kolm(['compile', '--spec', join(dir, 'spec.json'), '--examples', join(dir, 'train.jsonl'), '--out', out], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
  assert.is(c.code, 0, c.stderr);
  assert.match(c.stdout, /lookup .*\n.*extract .*winner/s);
  assert.ok(existsSync(out));

  const one = await kolm(['run', out, JSON.stringify({ input: 'I want to go from Reno to Boston.' })]);
  assert.is(one.code, 0, one.stderr);
  assert.equal(JSON.parse(JSON.parse(one.stdout).output), { from_location: 'Reno', to_location: 'Boston' });

  const stdin = [
    JSON.stringify({ input: 'Book me a bus to Denver.' }),
    'this is not json',
    JSON.stringify({ input: 42 }),
    JSON.stringify({ input: 'Thanks, that is all.', id: 7 }),
  ].join('\n');
  const stream = await kolm(['run', out], { stdin });
  assert.is(stream.code, 1, 'bad lines make the exit code 1');
  assert.ok(stream.stdout.trim(), stream.stderr);
  const lines = stream.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.is(lines.length, 4, 'one line out per line in, in order');
  assert.equal(JSON.parse(lines[0].output), { to_location: 'Denver' });
  assert.is(lines[1].line, 2);
  assert.is(lines[1].error.code, 'E_BAD_INPUT');
  assert.is(lines[2].line, 3);
  assert.match(lines[2].error.message, 'expected string');
  assert.is(lines[3].output, '{}');
  assert.match(stream.stderr, /line 2: .*not JSON/);
});

test('the same inputs give the same artifact bytes', async () => {
  const dir = slotTask();
  const args = (o: string) => ['compile', '--spec', join(dir, 'spec.json'), '--examples', join(dir, 'train.jsonl'), '--out', join(dir, o)];
  assert.is((await kolm(args('a.kolm'), { env: { SOURCE_DATE_EPOCH: '1700000000' } })).code, 0);
  assert.is((await kolm(args('b.kolm'), { env: { SOURCE_DATE_EPOCH: '1700000000' } })).code, 0);
  assert.ok(readFileSync(join(dir, 'a.kolm')).equals(readFileSync(join(dir, 'b.kolm'))));
});

test('no passing recipe: exit 1, the table on stderr, nothing written', async () => {
  const dir = slotTask();
  const spec = JSON.parse(readFileSync(join(dir, 'spec.json'), 'utf8'));
  spec.gates = { K_min: 1, p50_ms_max: 0.000001 };
  writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec));
  const before = listFiles(dir);
  const r = await kolm(['compile', '--spec', join(dir, 'spec.json'), '--examples', join(dir, 'train.jsonl'), '--out', join(dir, 'x.kolm')]);
  assert.is(r.code, 1);
  assert.match(r.stderr, /E_NO_CANDIDATE/);
  assert.match(r.stderr, /candidate\s+K\s+pass/);
  assert.equal(listFiles(dir), before);
});

test('bad seeds are refused with their line numbers; a tampered artifact is refused by run', async () => {
  const dir = slotTask();
  writeFileSync(join(dir, 'bad.jsonl'), '{"input": "a", "output": "{}"}\n{"input": 3, "output": "{}"}\n');
  const r = await kolm(['compile', '--spec', join(dir, 'spec.json'), '--examples', join(dir, 'bad.jsonl'), '--out', join(dir, 'x.kolm')]);
  assert.is(r.code, 1);
  assert.match(r.stderr, /E_BAD_SEEDS/);
  assert.match(r.stderr, /line 2: input is a number/);

  const out = join(dir, 'ok.kolm');
  assert.is((await kolm(['compile', '--spec', join(dir, 'spec.json'), '--examples', join(dir, 'train.jsonl'), '--out', out])).code, 0);
  const bytes = readFileSync(out);
  const at = bytes.indexOf(Buffer.from('extract.bin')) + 200; // inside the payload, past its local header
  bytes[at] = bytes[at]! ^ 0xff;
  writeFileSync(out, bytes);
  const run = await kolm(['run', out, '{"input": "x"}']);
  assert.is(run.code, 1);
  assert.match(run.stderr, /E_DIGEST_MISMATCH|E_BAD_ARTIFACT/);
});

test('run --require-signature refuses an unsigned artifact', async () => {
  const dir = slotTask();
  const out = join(dir, 'u.kolm');
  assert.is((await kolm(['compile', '--spec', join(dir, 'spec.json'), '--examples', join(dir, 'train.jsonl'), '--out', out])).code, 0);
  const r = await kolm(['run', out, '--require-signature', '{"input": "Book me a bus to Reno."}']);
  assert.is(r.code, 1);
  assert.match(r.stderr, /E_UNSIGNED/);
  assert.is(r.stdout, '');
});

test.run();
