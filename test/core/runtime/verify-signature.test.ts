// The signature gate of core/runtime (verifyArtifactSignature, called by loadArtifact).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readArtifact, writeArtifact } from '../../../core/artifact/index.ts';
import { KolmError } from '../../../core/errors.ts';
import { verifyArtifactSignature } from '../../../core/runtime/index.ts';
import { generateKeyPair, parsePrivateKey, parsePublicKey, signArtifact } from '../../../core/sign/index.ts';
import { manifestInput, payload } from '../artifact/_fixture.ts';

const test = suite('runtime signature gate');
const pair = generateKeyPair();
const trust = { mode: 'key' as const, publicKey: parsePublicKey(pair.publicKeyPem, 'kolm.pub'), name: 'kolm.pub' };

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    assert.instance(err, KolmError);
    return (err as KolmError).code;
  }
  return 'ok';
}

test('unsigned passes unless required; signed passes, verified with a key; a stale kolm.sig is refused', async () => {
  const unsigned = await readArtifact(await writeArtifact({ manifest: manifestInput(), entries: payload() }));
  assert.is(verifyArtifactSignature(unsigned, { file: 'a.kolm' }).state, 'unsigned');
  assert.is(code(() => verifyArtifactSignature(unsigned, { file: 'a.kolm', requireSignature: true })), 'E_UNSIGNED');

  const signedBytes = (await signArtifact(await writeArtifact({ manifest: manifestInput(), entries: payload() }), { mode: 'key', privateKey: parsePrivateKey(pair.privateKeyPem, 'k') }, { fileName: 'a.kolm', sidecar: false })).artifact;
  const signed = await readArtifact(signedBytes);
  assert.is(verifyArtifactSignature(signed, { file: 'a.kolm', requireSignature: true }).state, 'unverified');
  assert.is(verifyArtifactSignature(signed, { file: 'a.kolm', trust }).state, 'verified');

  const stale = await readArtifact(await writeArtifact({ manifest: manifestInput({ name: 'renamed' }), entries: payload(), signature: signed.signature }));
  assert.is(code(() => verifyArtifactSignature(stale, { file: 'a.kolm' })), 'E_BAD_SIGNATURE');
});

test.run();
