// The one build service: spec + examples (+ eval) files → artifact bytes and the winner's eval report.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readArtifact } from '../../../core/artifact/index.ts';
import { buildFromFiles, saveBuilt } from '../../../core/build/index.ts';
import { generateKeyPair, parsePrivateKey } from '../../../core/sign/index.ts';
import { errorOf } from '../../_util/errors.ts';
import { slotTask } from '../../_util/slot-task.ts';
import { listFiles } from '../../_util/tmp.ts';

const test = suite('build');

test('spec + examples + eval: the winner scored on the eval set, gated, and the same bytes on a rebuild', async () => {
  const dir = slotTask();
  const input = {
    specPath: join(dir, 'spec.json'),
    examplesPath: join(dir, 'train.jsonl'),
    evalPath: join(dir, 'validation.jsonl'),
    defaultName: 'unused',
    sourceDateEpoch: '1700000000',
  };
  const a = await buildFromFiles(input);
  assert.is(a.name, 'slots', 'the spec names it');
  assert.is(a.outcome.winner, 'extract');
  assert.ok(a.evalReport, 'the eval report comes back');
  assert.is(a.evalReport!.cases, 100);
  assert.is(a.outcome.eval!.K, a.evalReport!.K, 'the manifest figures are the report\'s');
  assert.equal(a.evalReport!.gates!.map((g) => g.gate), ['K_min'], 'gated by the spec');
  assert.equal(a.datasets.map((d) => [d.role, d.rows]), [['train', 400], ['eval', 100]]);
  const manifest = (await readArtifact(a.bytes)).manifest;
  assert.is(manifest.created, '2023-11-14T22:13:20.000Z');
  assert.is(manifest.metrics?.eval?.K, Number(a.evalReport!.K.toFixed(6)));
  const b = await buildFromFiles(input);
  assert.ok(Buffer.from(a.bytes).equals(Buffer.from(b.bytes)), 'same inputs → same bytes');
});

test('without eval there is no report; a name and defaultName apply when the spec has none', async () => {
  const dir = slotTask();
  const spec = JSON.parse(readFileSync(join(dir, 'spec.json'), 'utf8'));
  delete spec.name;
  writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec));
  const base = { specPath: join(dir, 'spec.json'), examplesPath: join(dir, 'train.jsonl'), only: ['extract'] as const };
  const a = await buildFromFiles({ ...base, defaultName: 'fallback' });
  assert.is(a.name, 'fallback');
  assert.is(a.evalReport, undefined);
  assert.is(a.outcome.eval, undefined);
  assert.is((await buildFromFiles({ ...base, name: 'given', defaultName: 'fallback' })).name, 'given');
});

test('a missing spec is E_PATH_NOT_FOUND before any work; nothing is written', async () => {
  const dir = slotTask();
  const before = listFiles(dir);
  const e = await errorOf(() => buildFromFiles({ specPath: join(dir, 'nope.json'), specShown: 'nope.json', examplesPath: join(dir, 'train.jsonl'), defaultName: 'x' }));
  assert.is(e.code, 'E_PATH_NOT_FOUND');
  assert.match(e.message, /^no spec at nope\.json \(.*nope\.json does not exist\)/);
  assert.equal(listFiles(dir), before);
});

test('saveBuilt writes the bytes as they are, or signed with the sidecar bundle beside them', async () => {
  const dir = slotTask();
  const built = await buildFromFiles({ specPath: join(dir, 'spec.json'), examplesPath: join(dir, 'train.jsonl'), only: ['extract'], defaultName: 'x' });
  const plain = await saveBuilt(join(dir, 'plain.kolm'), built.bytes);
  assert.ok(readFileSync(plain.path).equals(Buffer.from(built.bytes)));
  assert.is(plain.signed, undefined);
  assert.not.ok(existsSync(`${plain.path}.sigstore.json`));

  const pair = generateKeyPair();
  const signed = await saveBuilt(join(dir, 'signed.kolm'), built.bytes, { method: { mode: 'key', privateKey: parsePrivateKey(pair.privateKeyPem, 'key') } }, 'signed.kolm');
  assert.ok(signed.signed);
  assert.ok(readFileSync(signed.path).equals(Buffer.from(signed.bytes)));
  assert.is(signed.bundlePath, `${signed.path}.sigstore.json`);
  assert.ok(existsSync(signed.bundlePath!));
  assert.ok((await readArtifact(signed.bytes)).signature, 'kolm.sig is inside');
});

test.run();
