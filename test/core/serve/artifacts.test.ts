// Loading artifacts for serving goes through the runtime's one signature gate.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadServedArtifact } from '../../../core/serve/index.ts';
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

test.run();
