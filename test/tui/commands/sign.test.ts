import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readArtifact, writeArtifact } from '../../../core/artifact/index.ts';
import { kolm } from '../../_util/cli.ts';
import { listFiles, tmpdir } from '../../_util/tmp.ts';
import { slotTask } from '../../_util/slot-task.ts';
import { manifestInput, payload } from '../../core/artifact/_fixture.ts';
import { GITHUB_ISSUER, WORKFLOW_IDENTITY, startFakeSigstore } from '../../core/sign/_sigstore.ts';

const test = suite('kolm sign');

async function setup(): Promise<string> {
  const dir = tmpdir({ 'model.kolm': await writeArtifact({ manifest: manifestInput(), entries: payload() }) });
  const k = await kolm(['keygen'], { cwd: dir });
  assert.is(k.code, 0, k.stderr);
  return dir;
}

test('--key puts kolm.sig inside and writes model.kolm.sigstore.json; kolm.json and the root digest stay', async () => {
  const dir = await setup();
  const before = await readArtifact(join(dir, 'model.kolm'));
  const r = await kolm(['sign', 'model.kolm', '--key', 'kolm.key'], { cwd: dir });
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /signed model\.kolm by key [0-9a-f]{16}…/);
  assert.equal(listFiles(dir), ['kolm.key', 'kolm.pub', 'model.kolm', 'model.kolm.sigstore.json']);
  const after = await readArtifact(join(dir, 'model.kolm'));
  assert.ok(after.signature);
  assert.is(after.rootDigest, before.rootDigest);
  const v = await kolm(['verify', 'model.kolm', '--key', 'kolm.pub'], { cwd: dir });
  assert.is(v.code, 0, v.stderr);
  const i = await kolm(['inspect', 'model.kolm'], { cwd: dir });
  assert.match(i.stdout, /  signature +signed \(not verified here: run kolm verify\)\n  signer +key [0-9a-f]{16}… \(sha256 of the public key PEM\) \(claimed\)\n/);
});

test('an encrypted key signs with KOLM_KEY_PASSPHRASE and is refused without it', async () => {
  const dir = tmpdir({ 'model.kolm': await writeArtifact({ manifest: manifestInput(), entries: payload() }) });
  await kolm(['keygen'], { cwd: dir, env: { KOLM_KEY_PASSPHRASE: 'pw' } });
  const without = await kolm(['sign', 'model.kolm', '--key', 'kolm.key'], { cwd: dir });
  assert.is(without.code, 1);
  assert.match(without.stderr, /kolm\.key is encrypted and no passphrase was given/);
  assert.equal(listFiles(dir), ['kolm.key', 'kolm.pub', 'model.kolm'], 'nothing written on failure');
  const ok = await kolm(['sign', 'model.kolm', '--key', 'kolm.key'], { cwd: dir, env: { KOLM_KEY_PASSPHRASE: 'pw' } });
  assert.is(ok.code, 0, ok.stderr);
});

test('usage: neither or both of --key and --keyless', async () => {
  const dir = await setup();
  const none = await kolm(['sign', 'model.kolm'], { cwd: dir });
  assert.is(none.code, 2);
  assert.match(none.stderr, /say how to sign: --key FILE or --keyless/);
  const both = await kolm(['sign', 'model.kolm', '--key', 'kolm.key', '--keyless'], { cwd: dir });
  assert.is(both.code, 2);
});

test('--keyless in a GitHub-Actions-like environment against local Fulcio/TSA, then verify by identity', async () => {
  const sigstore = await startFakeSigstore();
  try {
    const dir = tmpdir({ 'model.kolm': await writeArtifact({ manifest: manifestInput(), entries: payload() }), 'trusted_root.json': JSON.stringify(sigstore.trustedRoot) });
    const env = { ACTIONS_ID_TOKEN_REQUEST_URL: sigstore.oidcRequestURL, ACTIONS_ID_TOKEN_REQUEST_TOKEN: sigstore.oidcRequestToken };
    const r = await kolm(['sign', 'model.kolm', '--keyless', '--fulcio-url', sigstore.fulcioURL, '--tsa-url', sigstore.tsaURL, '--no-tlog', '--json'], { cwd: dir, env });
    assert.is(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).signer, { kind: 'certificate', identity: WORKFLOW_IDENTITY, issuer: GITHUB_ISSUER });
    const args = ['verify', 'model.kolm', '--trusted-root', 'trusted_root.json', '--certificate-oidc-issuer', GITHUB_ISSUER];
    const ok = await kolm([...args, '--certificate-identity', WORKFLOW_IDENTITY], { cwd: dir });
    assert.is(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /verified, signed by https:\/\/github\.com\/acme\/models\/\.github\/workflows\/release\.yml@refs\/tags\/v1\.2\.0/);
    const wrong = await kolm([...args, '--certificate-identity', 'https://github.com/evil/models/.github/workflows/release.yml@refs/tags/v1.2.0'], { cwd: dir });
    assert.is(wrong.code, 1);
    assert.match(wrong.stderr, /was signed by https:\/\/github\.com\/acme\/.* not by https:\/\/github\.com\/evil\//s);
  } finally {
    await sigstore.close();
  }
});

test('compile --sign --key signs as the last step; run refuses the artifact once kolm.sig no longer matches', async () => {
  const dir = slotTask();
  writeFileSync(join(dir, 'kolm.key'), '');
  const k = await kolm(['keygen', '--force'], { cwd: dir });
  assert.is(k.code, 0, k.stderr);
  const out = join(dir, 'slots.kolm');
  const c = await kolm(['compile', '--spec', 'spec.json', '--examples', 'train.jsonl', '--out', 'slots.kolm', '--sign', '--key', 'kolm.key'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1700000000' } });
  assert.is(c.code, 0, c.stderr);
  assert.match(c.stdout, /signed by key [0-9a-f]{16}… \(sha256 of the public key PEM\); bundle slots\.kolm\.sigstore\.json/, c.stdout);
  const v = await kolm(['verify', 'slots.kolm', '--key', 'kolm.pub'], { cwd: dir });
  assert.is(v.code, 0, v.stderr);
  const one = await kolm(['run', out, JSON.stringify({ input: 'I want to go from Reno to Boston.' })]);
  assert.is(one.code, 0, one.stderr);

  // Re-pack with kolm.json edited (its files stay consistent, so only the signature can tell).
  const contents = await readArtifact(out);
  const forged = await writeArtifact({ manifest: { ...contents.manifest, name: 'forged' }, entries: contents.entries, signature: contents.signature });
  writeFileSync(out, forged);
  const refused = await kolm(['run', out, JSON.stringify({ input: 'I want to go from Reno to Boston.' })]);
  assert.is(refused.code, 1);
  assert.match(refused.stderr, /kolm\.sig does not match the artifact/);
  assert.match(refused.stderr, /entry "kolm\.json" does not match the signature/);
  assert.is(readFileSync(out).length, forged.length);
});

test.run();
