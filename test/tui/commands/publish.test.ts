import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeArtifact } from '../../../core/artifact/index.ts';
import { kolm } from '../../_util/cli.ts';
import { tmpdir } from '../../_util/tmp.ts';
import { manifestInput, payload } from '../../core/artifact/_fixture.ts';
import { startFakeGitHub } from '../../core/publish/_github.ts';

const test = suite('kolm publish');

test('attaches the signed artifact and its bundle, creating then replacing; --private refuses a public repo', async () => {
  const gh = await startFakeGitHub();
  try {
    const dir = tmpdir({ 'model.kolm': await writeArtifact({ manifest: manifestInput(), entries: payload() }) });
    await kolm(['keygen'], { cwd: dir });
    const s = await kolm(['sign', 'model.kolm', '--key', 'kolm.key'], { cwd: dir });
    assert.is(s.code, 0, s.stderr);
    const env = { GITHUB_TOKEN: gh.token, GITHUB_API_URL: gh.url };
    const args = ['publish', 'model.kolm', '--repo', 'acme/models', '--tag', 'v1.2.0'];

    const missing = await kolm(args, { cwd: dir, env });
    assert.is(missing.code, 1);
    assert.match(missing.stderr, /has no release for tag v1\.2\.0/);

    const created = await kolm([...args, '--create'], { cwd: dir, env });
    assert.is(created.code, 0, created.stderr);
    assert.match(created.stdout, /created release v1\.2\.0 of acme\/models/);
    assert.match(created.stdout, /attached model\.kolm \([\d.]+ (B|KiB)\)\n.*attached model\.kolm\.sigstore\.json/);
    const release = gh.releases[0]!;
    assert.equal(release.assets.map((a) => a.name), ['model.kolm', 'model.kolm.sigstore.json']);
    assert.equal(release.assets[0]!.bytes, readFileSync(join(dir, 'model.kolm')));

    const again = await kolm([...args, '--json'], { cwd: dir, env });
    assert.is(again.code, 0, again.stderr);
    assert.equal(JSON.parse(again.stdout).assets.map((a: { replaced: boolean }) => a.replaced), [true, true]);
    assert.is(gh.releases[0]!.assets.length, 2);

    const priv = await kolm([...args, '--private'], { cwd: dir, env });
    assert.is(priv.code, 1);
    assert.match(priv.stderr, /acme\/models is public; --private refuses to publish to it/);
  } finally {
    await gh.close();
  }
});

test('an artifact signed inside (no sidecar) is published alone, with GH_TOKEN as gh reads it', async () => {
  const gh = await startFakeGitHub();
  try {
    const dir = tmpdir({ 'model.kolm': await writeArtifact({ manifest: manifestInput(), entries: payload() }) });
    await kolm(['keygen'], { cwd: dir });
    const s = await kolm(['sign', 'model.kolm', '--key', 'kolm.key', '--no-sidecar'], { cwd: dir });
    assert.is(s.code, 0, s.stderr);
    const r = await kolm(['publish', 'model.kolm', '--repo', 'acme/models', '--tag', 'v2', '--create', '--json'], { cwd: dir, env: { GH_TOKEN: gh.token, GITHUB_API_URL: gh.url } });
    assert.is(r.code, 0, r.stderr);
    const body = JSON.parse(r.stdout);
    assert.is(body.signature, 'embedded');
    assert.equal(gh.releases[0]!.assets.map((a) => a.name), ['model.kolm'], 'no sidecar to upload, and none made up');
    assert.equal(gh.releases[0]!.assets[0]!.bytes, readFileSync(join(dir, 'model.kolm')), 'the signed bytes, kolm.sig inside');
    const text = await kolm(['publish', 'model.kolm', '--repo', 'acme/models', '--tag', 'v2'], { cwd: dir, env: { GH_TOKEN: gh.token, GITHUB_API_URL: gh.url } });
    assert.is(text.code, 0, text.stderr);
    assert.match(text.stdout, 'signature: kolm.sig inside the artifact');
    // A wrong GITHUB_TOKEN does not win over GH_TOKEN (gh's order).
    const both = await kolm(['publish', 'model.kolm', '--repo', 'acme/models', '--tag', 'v2'], { cwd: dir, env: { GH_TOKEN: gh.token, GITHUB_TOKEN: 'wrong', GITHUB_API_URL: gh.url } });
    assert.is(both.code, 0, both.stderr);
    // A --bundle that is named must exist.
    const named = await kolm(['publish', 'model.kolm', '--repo', 'acme/models', '--tag', 'v2', '--bundle', 'nope.json'], { cwd: dir, env: { GH_TOKEN: gh.token, GITHUB_API_URL: gh.url } });
    assert.is(named.code, 1);
    assert.match(named.stderr, /^error\[E_PATH_NOT_FOUND\]: nope\.json could not be read/);
  } finally {
    await gh.close();
  }
});

test('refuses an unsigned artifact (no bundle) and a missing token', async () => {
  const dir = tmpdir({ 'model.kolm': await writeArtifact({ manifest: manifestInput(), entries: payload() }) });
  const r = await kolm(['publish', 'model.kolm', '--repo', 'acme/models', '--tag', 'v1', '--create'], { cwd: dir, env: { GITHUB_TOKEN: 'x', GITHUB_API_URL: 'http://127.0.0.1:9' } });
  assert.is(r.code, 1);
  assert.match(r.stderr, /E_UNSIGNED/);
  assert.match(r.stderr, /model\.kolm is not signed: it has no kolm\.sig inside and no model\.kolm\.sigstore\.json beside it/);
  assert.match(r.stderr, /sign first/);
  const t = await kolm(['publish', 'model.kolm', '--repo', 'acme/models', '--tag', 'v1', '--allow-unsigned'], { cwd: dir, env: { GITHUB_API_URL: 'http://127.0.0.1:9' } });
  assert.is(t.code, 2);
  assert.match(t.stderr, /needs a GitHub token/);
});

test.run();
