import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeArtifact } from '../../../core/artifact/index.ts';
import { kolm } from '../../_util/cli.ts';
import { tmpdir } from '../../_util/tmp.ts';
import { manifestInput, noise, payload } from '../../core/artifact/_fixture.ts';

const test = suite('kolm verify');

async function signedDir(): Promise<string> {
  const dir = tmpdir({ 'model.kolm': await writeArtifact({ manifest: manifestInput(), entries: payload() }) });
  for (const args of [['keygen'], ['keygen', '--out', 'other'], ['sign', 'model.kolm', '--key', 'kolm.key']]) {
    const r = await kolm(args, { cwd: dir });
    assert.is(r.code, 0, r.stderr);
  }
  return dir;
}

test('passes with the right key, checking kolm.sig and the sidecar; --json', async () => {
  const dir = await signedDir();
  const r = await kolm(['verify', 'model.kolm', '--key', 'kolm.pub'], { cwd: dir });
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /model\.kolm: verified, signed by key /);
  assert.match(r.stdout, /kolm\.sig \(inside\): signature and every entry digest match/);
  assert.match(r.stdout, /model\.kolm\.sigstore\.json \(sidecar\)/);
  const j = await kolm(['verify', 'model.kolm', '--key', 'kolm.pub', '--json'], { cwd: dir });
  const body = JSON.parse(j.stdout);
  assert.is(body.verified, true);
  assert.equal(body.checked.map((c: { placement: string }) => c.placement), ['embedded', 'sidecar']);
});

test('a wrong key fails (exit 1) naming both keys', async () => {
  const dir = await signedDir();
  const r = await kolm(['verify', 'model.kolm', '--key', 'other.pub'], { cwd: dir });
  assert.is(r.code, 1);
  assert.match(r.stderr, /E_BAD_SIGNATURE/);
  assert.match(r.stderr, /kolm\.sig was not signed with other\.pub/);
});

test('a flipped byte in an entry, in the sidecar, or a missing signature fails with what does not match', async () => {
  const dir = await signedDir();
  const path = join(dir, 'model.kolm');
  const good = readFileSync(path);
  const bad = Buffer.from(good);
  bad[bad.indexOf(noise(4096).subarray(0, 64)) + 5] ^= 0x01;
  writeFileSync(path, bad);
  const entry = await kolm(['verify', 'model.kolm', '--key', 'kolm.pub'], { cwd: dir });
  assert.is(entry.code, 1);
  assert.match(entry.stderr, /entry "recipe\/model\.onnx" does not match its digest/);
  writeFileSync(path, good);

  const sidecar = join(dir, 'model.kolm.sigstore.json');
  const bundle = JSON.parse(readFileSync(sidecar, 'utf8'));
  const sig = Buffer.from(bundle.dsseEnvelope.signatures[0].sig, 'base64');
  sig[10] ^= 0x01;
  bundle.dsseEnvelope.signatures[0].sig = sig.toString('base64');
  writeFileSync(sidecar, JSON.stringify(bundle));
  const side = await kolm(['verify', 'model.kolm', '--key', 'kolm.pub'], { cwd: dir });
  assert.is(side.code, 1);
  assert.match(side.stderr, /model\.kolm\.sigstore\.json has a signature that does not verify with kolm\.pub/);

  writeFileSync(join(dir, 'plain.kolm'), await writeArtifact({ manifest: manifestInput(), entries: payload() }));
  const plain = await kolm(['verify', 'plain.kolm', '--key', 'kolm.pub'], { cwd: dir });
  assert.is(plain.code, 1);
  assert.match(plain.stderr, /E_UNSIGNED/);
});

test('usage: no trust given, or a half-given identity', async () => {
  const dir = await signedDir();
  const none = await kolm(['verify', 'model.kolm'], { cwd: dir });
  assert.is(none.code, 2);
  assert.match(none.stderr, /say whom to trust/);
  const half = await kolm(['verify', 'model.kolm', '--certificate-identity', 'https://github.com/a/b/.github/workflows/x.yml@refs/heads/main'], { cwd: dir });
  assert.is(half.code, 2);
  assert.match(half.stderr, /needs --certificate-oidc-issuer/);
});

test.run();
