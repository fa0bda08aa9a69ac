// Evaluating a .kolm on disk: what `kolm eval`, the Action and the wizard's A/B step each did by hand.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateArtifactFile } from '../../../core/eval/index.ts';
import { errorOf } from '../../_util/errors.ts';
import { slotArtifact } from '../../_util/slot-task.ts';

const test = suite('evaluateArtifactFile');

test('scores the cases in the artifact\'s shape, gated by its spec unless overridden, named as shown', async () => {
  const dir = await slotArtifact();
  const r = await evaluateArtifactFile({ artifactPath: join(dir, 'slots.kolm'), shown: 'slots.kolm', examplesPath: join(dir, 'validation.jsonl') });
  assert.is(r.manifest.name, 'slots');
  assert.is(r.examplesFile, join(dir, 'validation.jsonl'));
  assert.is(r.kolm.cases, 100);
  assert.is(r.kolm.kind, 'json');
  assert.is(r.kolm.system.artifact, 'slots.kolm');
  assert.equal(r.kolm.gates!.map((g) => g.gate), ['K_min'], 'the spec\'s gates');
  const overridden = await evaluateArtifactFile({ artifactPath: join(dir, 'slots.kolm'), examplesPath: join(dir, 'validation.jsonl'), gates: { K_min: 1.0, pass_min: 0.5 } });
  assert.equal(overridden.kolm.gates!.map((g) => g.gate), ['K_min', 'pass_min']);
  assert.is(overridden.kolm.system.artifact, join(dir, 'slots.kolm'));
  const withBase = await evaluateArtifactFile({ artifactPath: join(dir, 'slots.kolm'), examplesPath: join(dir, 'validation.jsonl'), baseline: { report: r.kolm, name: 'base (main)' } });
  assert.is(withBase.baseline!.b.name, 'base (main)');
});

test('cases that do not fit the artifact\'s shape are refused with their line', async () => {
  const dir = await slotArtifact();
  writeFileSync(join(dir, 'bad.jsonl'), '{"input": 3, "output": "{}"}\n');
  const e = await errorOf(() => evaluateArtifactFile({ artifactPath: join(dir, 'slots.kolm'), examplesPath: join(dir, 'bad.jsonl') }));
  assert.is(e.code, 'E_BAD_SEEDS');
  assert.match(e.message, 'line 1');
});

test.run();
