// Keyless signing end to end, offline: local Fulcio (CA + CT log) and TSA stand-ins from @sigstore/mock, the
// token from a GitHub-Actions-style OIDC endpoint, verification against a trusted root of exactly those.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readArtifact, writeArtifact } from '../../../core/artifact/index.ts';
import { KolmError } from '../../../core/errors.ts';
import {
  ambientIdentityProvider,
  parseTrustedRoot,
  publicGoodTrustedRoot,
  signArtifact,
  verifyArtifactContents,
  type IdentityTrust,
  type SignedArtifact,
} from '../../../core/sign/index.ts';
import { manifestInput, payload } from '../artifact/_fixture.ts';
import { GITHUB_ISSUER, WORKFLOW_IDENTITY, startFakeSigstore, type FakeSigstore } from './_sigstore.ts';

const test = suite('keyless signing (Fulcio + TSA stand-ins)');
let sigstore: FakeSigstore;
let signed: SignedArtifact;
let trust: IdentityTrust;

async function refused(fn: () => unknown, code: string, message: RegExp): Promise<KolmError> {
  try {
    await fn();
  } catch (err) {
    assert.instance(err, KolmError, String(err));
    assert.is((err as KolmError).code, code, (err as Error).message);
    assert.match((err as Error).message, message);
    return err as KolmError;
  }
  throw new Error('expected a refusal');
}

test.before(async () => {
  sigstore = await startFakeSigstore();
  const env = { ACTIONS_ID_TOKEN_REQUEST_URL: sigstore.oidcRequestURL, ACTIONS_ID_TOKEN_REQUEST_TOKEN: sigstore.oidcRequestToken };
  const unsigned = await writeArtifact({ manifest: manifestInput(), entries: payload() });
  signed = await signArtifact(
    unsigned,
    { mode: 'keyless', identityProvider: ambientIdentityProvider({ env }), fulcioURL: sigstore.fulcioURL, tsaURL: sigstore.tsaURL, tlog: false },
    { fileName: 'model.kolm' },
  );
  trust = { mode: 'keyless', trustedRoot: parseTrustedRoot(Buffer.from(JSON.stringify(sigstore.trustedRoot)), 'trusted_root.json'), identity: WORKFLOW_IDENTITY, issuer: GITHUB_ISSUER };
});
test.after(async () => {
  await sigstore.close();
});

test('the ambient GitHub Actions token was requested with audience "sigstore" and the request bearer token', () => {
  assert.ok(sigstore.oidcRequests.length >= 1);
  for (const r of sigstore.oidcRequests) assert.equal(r, { audience: 'sigstore', authorization: `Bearer ${sigstore.oidcRequestToken}` });
});

test('the bundles carry a Fulcio certificate for the workflow identity and a signed timestamp', () => {
  assert.equal(signed.signer, { kind: 'certificate', identity: WORKFLOW_IDENTITY, issuer: GITHUB_ISSUER });
  const bundle = JSON.parse(Buffer.from(signed.sidecar!).toString('utf8'));
  assert.is(bundle.mediaType, 'application/vnd.dev.sigstore.bundle.v0.3+json');
  assert.ok(bundle.verificationMaterial.certificate.rawBytes);
  assert.is(bundle.verificationMaterial.timestampVerificationData.rfc3161Timestamps.length, 1);
});

test('verifies end to end: certificate chain, SCT, timestamp, identity and issuer, both placements', async () => {
  const contents = await readArtifact(signed.artifact);
  const { createHash } = await import('node:crypto');
  const fileSha256 = createHash('sha256').update(signed.artifact).digest('hex');
  const state = verifyArtifactContents(contents, { file: 'model.kolm', trust, sidecar: { bytes: signed.sidecar!, where: 'model.kolm.sigstore.json', fileSha256 } });
  assert.is(state.state, 'verified');
  assert.equal(state.signer, { kind: 'certificate', identity: WORKFLOW_IDENTITY, issuer: GITHUB_ISSUER });
  // The same identity as a regular expression.
  const byPattern = verifyArtifactContents(contents, { file: 'model.kolm', trust: { ...trust, identity: undefined, identityRegExp: '^https://github\\.com/acme/models/' } });
  assert.is(byPattern.state, 'verified');
});

test('an identity mismatch is refused, naming who signed and who was expected', async () => {
  const contents = await readArtifact(signed.artifact);
  const other = WORKFLOW_IDENTITY.replace('v1.2.0', 'v1.2.1');
  const err = await refused(() => verifyArtifactContents(contents, { file: 'model.kolm', trust: { ...trust, identity: other } }), 'E_BAD_SIGNATURE', /was signed by https:\/\/github\.com\/acme\/models\/\.github\/workflows\/release\.yml@refs\/tags\/v1\.2\.0/);
  assert.match(err.message, /not by https:\/\/github\.com\/acme\/models\/\.github\/workflows\/release\.yml@refs\/tags\/v1\.2\.1/);
  // A prefix of the real identity is not the identity (the match is anchored).
  await refused(() => verifyArtifactContents(contents, { file: 'model.kolm', trust: { ...trust, identity: WORKFLOW_IDENTITY.slice(0, -2) } }), 'E_BAD_SIGNATURE', /not by/);
  await refused(() => verifyArtifactContents(contents, { file: 'model.kolm', trust: { ...trust, issuer: 'https://accounts.google.com' } }), 'E_BAD_SIGNATURE', /not by .*issuer https:\/\/accounts\.google\.com/);
});

test('a certificate from a CA outside the trusted root is refused', async () => {
  const contents = await readArtifact(signed.artifact);
  await refused(() => verifyArtifactContents(contents, { file: 'model.kolm', trust: { ...trust, trustedRoot: publicGoodTrustedRoot() } }), 'E_BAD_SIGNATURE', /kolm\.sig does not verify \((CERTIFICATE|TIMESTAMP|TLOG)_ERROR/);
});

test('a key-pair trust refuses a keyless bundle with a hint', async () => {
  const contents = await readArtifact(signed.artifact);
  const { generateKeyPair, parsePublicKey } = await import('../../../core/sign/index.ts');
  const key = parsePublicKey(generateKeyPair().publicKeyPem, 'kolm.pub');
  const err = await refused(() => verifyArtifactContents(contents, { file: 'model.kolm', trust: { mode: 'key', publicKey: key, name: 'kolm.pub' } }), 'E_BAD_SIGNATURE', /was signed keyless by https:\/\/github\.com\/acme/);
  assert.match(err.hint ?? '', /--certificate-identity/);
});

test('without an OIDC token keyless signing says how to get one', async () => {
  const unsigned = await writeArtifact({ manifest: manifestInput(), entries: payload() });
  const err = await refused(
    () => signArtifact(unsigned, { mode: 'keyless', identityProvider: ambientIdentityProvider({ env: {} }), fulcioURL: sigstore.fulcioURL, tsaURL: sigstore.tsaURL, tlog: false }, { fileName: 'model.kolm' }),
    'E_USAGE',
    /keyless signing needs an OIDC identity token/,
  );
  assert.match(err.hint ?? '', /id-token: write/);
});

test.run();
