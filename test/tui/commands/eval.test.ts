import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kolm } from '../../_util/cli.ts';
import { slotArtifact } from '../../_util/slot-task.ts';

const test = suite('kolm eval / compare');

test('eval scores the cases, writes the report and passes its gates', async () => {
  const dir = await slotArtifact();
  const r = await kolm(['eval', join(dir, 'slots.kolm'), '--examples', join(dir, 'validation.jsonl'), '--out', join(dir, 'eval.json')]);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /100 cases \(json\) · K 1\.000/);
  assert.match(r.stdout, /from_location\s+\d+\s+1\.000/);
  assert.match(r.stdout, 'gate K_min: pass');
  const report = JSON.parse(readFileSync(join(dir, 'eval.json'), 'utf8'));
  assert.is(report.cases, 100);
  assert.is(report.results.length, 100);
  assert.ok(report.latency_ms.p50 > 0);
});

test('a missed gate exits 3 and says which and by how much', async () => {
  const dir = await slotArtifact();
  // Half the references are wrong on purpose: K drops to about 0.6.
  const lines = readFileSync(join(dir, 'validation.jsonl'), 'utf8').trim().split('\n');
  const bent = lines.map((l, i) => (i % 2 ? l : JSON.stringify({ ...JSON.parse(l), output: '{"to_location": "Nowhere"}' })));
  writeFileSync(join(dir, 'bent.jsonl'), `${bent.join('\n')}\n`);
  const r = await kolm(['eval', join(dir, 'slots.kolm'), '--examples', join(dir, 'bent.jsonl'), '--gates', 'K_min=0.95,p50_ms_max=1000']);
  assert.is(r.code, 3);
  assert.match(r.stderr, /gate failed: K 0\.\d{3} is 0\.\d{3} under K_min 0\.95/);
  assert.match(r.stdout, 'gate p50_ms_max: pass');
  const usage = await kolm(['eval', join(dir, 'slots.kolm'), '--examples', join(dir, 'bent.jsonl'), '--gates', 'K=1']);
  assert.is(usage.code, 2);
  assert.match(usage.stderr, /bad gate "K=1"/);
});

test('compare reads two reports and writes the Markdown comment', async () => {
  const dir = await slotArtifact();
  const a = join(dir, 'a.json');
  assert.is((await kolm(['eval', join(dir, 'slots.kolm'), '--examples', join(dir, 'validation.jsonl'), '--out', a])).code, 0);
  const b = JSON.parse(readFileSync(a, 'utf8'));
  b.system.name = 'Predibase';
  b.results[0].pass = false;
  b.results[0].s = 0;
  b.results[0].prediction = '{}';
  b.K = (b.K * 100 - 1) / 100;
  writeFileSync(join(dir, 'b.json'), JSON.stringify(b));
  const r = await kolm(['compare', a, join(dir, 'b.json'), '--markdown', '-']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /^### ✅ kolm is on par with Predibase/);
  assert.match(r.stdout, /Cases where they disagree \(1 of 1\)/);
  const bad = await kolm(['compare', a, join(dir, 'validation.jsonl')]);
  assert.is(bad.code, 1);
  assert.match(bad.stderr, /not a kolm eval report|cannot read eval report/);
});

test.run();
