// Loading artifacts for serving goes through the runtime's one signature gate.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArtifactSet, loadServedArtifact, type ServedArtifact } from '../../../core/serve/index.ts';
import { kolm } from '../../_util/cli.ts';
import { generateKeyPair, parsePrivateKey, parsePublicKey, signArtifact } from '../../../core/sign/index.ts';
import { errorOf } from '../../_util/errors.ts';
import { slotArtifact } from '../../_util/slot-task.ts';

const test = suite('served artifacts');

test('signed: verified with the right key, refused with another; unsigned: refused when a signature is required', async () => {
  const dir = await slotArtifact();
  const bytes = readFileSync(join(dir, 'slots.kolm'));
  const pair = generateKeyPair();
  const other = generateKeyPair();
  const signed = (await signArtifact(bytes, { mode: 'key', privateKey: parsePrivateKey(pair.privateKeyPem, 'k') }, { fileName: 'slots.kolm', sidecar: false })).artifact;
  const key = (pem: string) => ({ mode: 'key' as const, publicKey: parsePublicKey(pem, 'kolm.pub'), name: 'kolm.pub' });

  const verified = await loadServedArtifact(signed, { trust: key(pair.publicKeyPem), requireSignature: true });
  assert.is(verified.signature, 'verified');
  assert.ok(verified.signer);
  assert.is((await loadServedArtifact(signed)).signature, 'unverified');
  assert.is((await errorOf(() => loadServedArtifact(signed, { trust: key(other.publicKeyPem) }))).code, 'E_BAD_SIGNATURE');
  assert.is((await loadServedArtifact(bytes)).signature, 'unsigned');
  assert.is((await errorOf(() => loadServedArtifact(bytes, { requireSignature: true }))).code, 'E_UNSIGNED');
});

test('Predibase ids: --adapter-id is recorded; REPO/VERSION, REPO (the highest version) and the name resolve; a shared id is refused', async () => {
  const dir = await slotArtifact();
  const out = join(dir, 'v2.kolm');
  const r = await kolm(['compile', '--spec', join(dir, 'spec.json'), '--examples', join(dir, 'train.jsonl'), '--out', out, '--name', 'slots-v2', '--adapter-id', 'bus-slots/2']);
  assert.is(r.code, 0, r.stderr);
  const v2 = await loadServedArtifact(out);
  assert.equal(v2.manifest.origin, { predibase: { repo: 'bus-slots', version: 2 } });
  // Other versions of the same repository: the same artifact under another name and origin (data only).
  const as = (name: string, version?: number): ServedArtifact => ({
    ...v2, name, path: `${name}.kolm`, manifest: { ...v2.manifest, name, origin: { predibase: { repo: 'bus-slots', ...(version ? { version } : {}) } } },
  });
  const v1 = as('slots-v1', 1);
  const set = new ArtifactSet([v1, v2, as('slots-v10', 10)]);
  assert.is(set.resolve('bus-slots/2')?.name, 'slots-v2');
  assert.is(set.resolve('bus-slots/1')?.name, 'slots-v1');
  assert.is(set.resolve('bus-slots')?.name, 'slots-v10', 'REPO alone: the highest version');
  assert.is(set.resolve('slots-v2')?.name, 'slots-v2');
  assert.is(set.resolve('bus-slots/3'), undefined);
  assert.equal(set.ids(v2), ['slots-v2', 'bus-slots/2']);
  assert.match((await errorOf(() => new ArtifactSet([v1, as('again', 1)]))).message, /both answer to the adapter id "bus-slots\/1"/);
  assert.match((await errorOf(() => new ArtifactSet([as('a'), as('b')]))).message, /"bus-slots"/);
  const bad = await kolm(['compile', '--spec', join(dir, 'spec.json'), '--examples', join(dir, 'train.jsonl'), '--out', join(dir, 'x.kolm'), '--adapter-id', 'bus-slots/2@5']);
  assert.is(bad.code, 2);
  assert.match(bad.stderr, /not a Predibase adapter id/);
});

test.run();
