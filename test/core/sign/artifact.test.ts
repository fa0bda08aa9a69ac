import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash } from 'node:crypto';
import { BUNDLE_V03_MEDIA_TYPE, bundleFromJSON, isBundleWithDsseEnvelope } from '@sigstore/bundle';
import { readArtifact, writeArtifact } from '../../../core/artifact/index.ts';
import { KolmError } from '../../../core/errors.ts';
import {
  KOLM_PREDICATE_TYPE,
  generateKeyPair,
  parsePrivateKey,
  parsePublicKey,
  signArtifact,
  verifyArtifactContents,
  type KeyTrust,
  type SignedArtifact,
} from '../../../core/sign/index.ts';
import { manifestInput, noise, payload } from '../artifact/_fixture.ts';

const test = suite('sign/verify an artifact with a key pair');
const pair = generateKeyPair();
const trust: KeyTrust = { mode: 'key', publicKey: parsePublicKey(pair.publicKeyPem, 'kolm.pub'), name: 'kolm.pub' };
let unsigned: Uint8Array;
let signed: SignedArtifact;

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const sidecarOf = (bytes: Uint8Array, bundle = signed.sidecar!) => ({ bytes: bundle, where: 'model.kolm.sigstore.json', fileSha256: sha(bytes) });

function refused(fn: () => unknown, code: string, message: RegExp): KolmError {
  try {
    fn();
  } catch (err) {
    assert.instance(err, KolmError);
    assert.is((err as KolmError).code, code, (err as Error).message);
    assert.match((err as Error).message, message);
    return err as KolmError;
  }
  throw new Error('expected a refusal');
}

test.before(async () => {
  unsigned = await writeArtifact({ manifest: manifestInput(), entries: payload() });
  signed = await signArtifact(unsigned, { mode: 'key', privateKey: parsePrivateKey(pair.privateKeyPem, 'kolm.key') }, { fileName: 'model.kolm' });
});

test('signing adds kolm.sig without changing kolm.json, the entries or the root digest', async () => {
  const before = await readArtifact(unsigned);
  const after = await readArtifact(signed.artifact);
  assert.ok(after.signature);
  assert.equal(Buffer.from(after.manifestBytes), Buffer.from(before.manifestBytes));
  assert.is(after.rootDigest, before.rootDigest);
  assert.is(signed.rootDigest, before.rootDigest);
  assert.is(signed.fileSha256, sha(signed.artifact));
  assert.equal(signed.signer, { kind: 'key', keyHint: pair.hint });
});

test('key-pair sign → verify passes for kolm.sig and the sidecar', async () => {
  const contents = await readArtifact(signed.artifact);
  const state = verifyArtifactContents(contents, { file: 'model.kolm', trust, sidecar: sidecarOf(signed.artifact) });
  assert.is(state.state, 'verified');
  assert.equal(state.checks.map((c) => c.placement), ['embedded', 'sidecar']);
  assert.equal(state.signer, { kind: 'key', keyHint: pair.hint });
});

test('both bundles parse with the Sigstore bundle library: v0.3, DSSE, in-toto statement with the right subjects', async () => {
  const contents = await readArtifact(signed.artifact);
  for (const [bytes, subject] of [
    [contents.signature!, contents.rootDigest],
    [signed.sidecar!, signed.fileSha256],
  ] as const) {
    const bundle = bundleFromJSON(JSON.parse(Buffer.from(bytes).toString('utf8')));
    assert.is(bundle.mediaType, BUNDLE_V03_MEDIA_TYPE);
    assert.ok(isBundleWithDsseEnvelope(bundle));
    assert.is(bundle.verificationMaterial.content.$case, 'publicKey');
    const statement = JSON.parse(Buffer.from(bundle.content.dsseEnvelope!.payload).toString('utf8'));
    assert.is(statement._type, 'https://in-toto.io/Statement/v1');
    assert.is(statement.predicateType, KOLM_PREDICATE_TYPE);
    assert.is(statement.subject[0].digest.sha256, subject);
    assert.equal(
      statement.predicate.resources.map((r: { name: string }) => r.name),
      ['kolm.json', 'recipe/model.onnx', 'recipe/recipe.json', 'tokenizer/vocab.txt'],
    );
    assert.is(statement.predicate.resources[0].digest, sha(contents.manifestBytes));
  }
});

test('a wrong key fails and names both keys', async () => {
  const other = generateKeyPair();
  const contents = await readArtifact(signed.artifact);
  refused(
    () => verifyArtifactContents(contents, { file: 'model.kolm', trust: { mode: 'key', publicKey: parsePublicKey(other.publicKeyPem, 'other.pub'), name: 'other.pub' } }),
    'E_BAD_SIGNATURE',
    new RegExp(`model\\.kolm: kolm\\.sig was not signed with other\\.pub: it names key ${pair.hint.slice(0, 16)}`),
  );
});

test('one flipped byte in an entry is refused, naming the entry', async () => {
  const bytes = Buffer.from(signed.artifact);
  bytes[bytes.indexOf(noise(4096).subarray(0, 64)) + 100] ^= 0x01;
  try {
    await readArtifact(bytes, { name: 'model.kolm' });
    assert.unreachable('read a tampered entry');
  } catch (err) {
    assert.is((err as KolmError).code, 'E_DIGEST_MISMATCH');
    assert.match((err as Error).message, /entry "recipe\/model\.onnx" does not match its digest/);
  }
  // The sidecar names the whole file, so it refuses the same bytes on its own.
  const untouched = await readArtifact(signed.artifact);
  refused(() => verifyArtifactContents(untouched, { file: 'model.kolm', trust, sidecar: sidecarOf(bytes) }), 'E_BAD_SIGNATURE', /the signed subject is sha256:[0-9a-f]{64}, but model\.kolm is sha256:/);
});

test('an entry changed with kolm.json rewritten to match is refused by kolm.sig, naming what differs', async () => {
  const entries = payload();
  const weights = Buffer.from(entries.get('recipe/model.onnx')!);
  weights[7] ^= 0x01;
  entries.set('recipe/model.onnx', weights);
  const original = await readArtifact(signed.artifact);
  const forged = await writeArtifact({ manifest: manifestInput(), entries, signature: original.signature });
  const contents = await readArtifact(forged);
  const err = refused(() => verifyArtifactContents(contents, { file: 'model.kolm', trust }), 'E_BAD_SIGNATURE', /kolm\.sig does not match the artifact/);
  assert.match(err.message, /entry "recipe\/model\.onnx" does not match the signature \(signed sha256:[0-9a-f]{64}, artifact has sha256:[0-9a-f]{64}\)/);
  assert.match(err.message, /entry "kolm\.json" does not match the signature/);
  assert.match(err.message, /the signed subject is sha256:/);
});

test('one flipped byte in kolm.json is refused, naming kolm.json', async () => {
  const bytes = Buffer.from(signed.artifact);
  const at = bytes.indexOf(Buffer.from('"trec-questions"'));
  assert.ok(at > 0);
  bytes[at + 1] = 'T'.charCodeAt(0); // still valid JSON and a valid name
  const contents = await readArtifact(bytes, { name: 'model.kolm' });
  assert.is(contents.manifest.name, 'Trec-questions');
  const err = refused(() => verifyArtifactContents(contents, { file: 'model.kolm', trust }), 'E_BAD_SIGNATURE', /entry "kolm\.json" does not match the signature/);
  assert.not.match(err.message, /model\.onnx/);
});

test('one flipped byte in the bundle (kolm.sig or sidecar) fails the signature', async () => {
  const original = await readArtifact(signed.artifact);
  const json = JSON.parse(Buffer.from(original.signature!).toString('utf8'));
  const sig = Buffer.from(json.dsseEnvelope.signatures[0].sig, 'base64');
  sig[sig.length - 3] ^= 0x01;
  json.dsseEnvelope.signatures[0].sig = sig.toString('base64');
  const forged = await writeArtifact({ manifest: manifestInput(), entries: payload(), signature: Buffer.from(JSON.stringify(json)) });
  const forgedContents = await readArtifact(forged);
  refused(() => verifyArtifactContents(forgedContents, { file: 'model.kolm', trust }), 'E_BAD_SIGNATURE', /kolm\.sig has a signature that does not verify with kolm\.pub \(SIGNATURE_ERROR/);

  // The payload (the statement) flipped in the sidecar: its signature no longer covers it.
  const side = JSON.parse(Buffer.from(signed.sidecar!).toString('utf8'));
  const payloadBytes = Buffer.from(side.dsseEnvelope.payload, 'base64');
  payloadBytes[payloadBytes.indexOf('"digest"') + 20] ^= 0x01;
  side.dsseEnvelope.payload = payloadBytes.toString('base64');
  const good = await readArtifact(signed.artifact);
  refused(
    () => verifyArtifactContents(good, { file: 'model.kolm', trust, sidecar: sidecarOf(signed.artifact, Buffer.from(JSON.stringify(side))) }),
    'E_BAD_SIGNATURE',
    /model\.kolm\.sigstore\.json has a signature that does not verify/,
  );
  // A raw byte flipped in the JSON text: not a bundle any more.
  const text = Buffer.from(signed.sidecar!);
  text[0] ^= 0x01;
  refused(() => verifyArtifactContents(good, { file: 'model.kolm', trust, sidecar: sidecarOf(signed.artifact, text) }), 'E_BAD_SIGNATURE', /model\.kolm\.sigstore\.json is not valid JSON/);
});

test('without a trust only the content is compared; unsigned artifacts pass unless a signature is required', async () => {
  const good = await readArtifact(signed.artifact);
  assert.is(verifyArtifactContents(good, { file: 'model.kolm' }).state, 'unverified');
  const plain = await readArtifact(unsigned);
  assert.is(verifyArtifactContents(plain, { file: 'model.kolm' }).state, 'unsigned');
  refused(() => verifyArtifactContents(plain, { file: 'model.kolm', requireSignature: true }), 'E_UNSIGNED', /model\.kolm is not signed/);
  refused(() => verifyArtifactContents(plain, { file: 'model.kolm', trust }), 'E_UNSIGNED', /not signed/);
});

test.run();
