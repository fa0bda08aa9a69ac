import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { KolmError } from '../../../core/errors.ts';
import { publishRelease } from '../../../core/publish/index.ts';
import { startFakeGitHub, type FakeGitHub } from './_github.ts';

const test = suite('publish to a GitHub release');
let gh: FakeGitHub;

test.before.each(async () => {
  gh = await startFakeGitHub();
});
test.after.each(async () => {
  await gh.close();
});

const assets = (v: string) => [
  { name: 'model.kolm', bytes: Buffer.from(`kolm ${v}`) },
  { name: 'model.kolm.sigstore.json', bytes: Buffer.from(`{"v":"${v}"}`), contentType: 'application/json' },
];

async function refused(fn: () => Promise<unknown>, code: string, message: RegExp): Promise<void> {
  try {
    await fn();
  } catch (err) {
    assert.instance(err, KolmError);
    assert.is((err as KolmError).code, code, (err as Error).message);
    assert.match((err as Error).message, message);
    return;
  }
  assert.unreachable('expected a refusal');
}

test('creates the release when asked and attaches both files through upload_url', async () => {
  const result = await publishRelease({ repo: 'acme/models', tag: 'v1.2.0', token: gh.token, assets: assets('a'), create: true, apiUrl: gh.url });
  assert.ok(result.release.created);
  assert.equal(result.assets.map((a) => [a.name, a.replaced]), [['model.kolm', false], ['model.kolm.sigstore.json', false]]);
  const [release] = gh.releases;
  assert.is(release!.tag_name, 'v1.2.0');
  assert.equal(release!.assets.map((a) => [a.name, a.bytes.toString()]), [['model.kolm', 'kolm a'], ['model.kolm.sigstore.json', '{"v":"a"}']]);
  assert.is(release!.assets[1]!.content_type, 'application/json');
  assert.ok(gh.requests.some((r) => r.method === 'POST' && r.path.startsWith('/uploads/repos/acme/models/releases/')));
  assert.ok(gh.requests.every((r) => r.authorization === `Bearer ${gh.token}`));
});

test('replaces same-named assets and keeps the others', async () => {
  await publishRelease({ repo: 'acme/models', tag: 'v1.2.0', token: gh.token, assets: assets('a'), create: true, apiUrl: gh.url });
  gh.releases[0]!.assets.push({ id: 999, name: 'notes.txt', size: 1, content_type: 'text/plain', bytes: Buffer.from('n') });
  const result = await publishRelease({ repo: 'acme/models', tag: 'v1.2.0', token: gh.token, assets: assets('b'), apiUrl: gh.url });
  assert.not.ok(result.release.created);
  assert.equal(result.assets.map((a) => a.replaced), [true, true]);
  const names = gh.releases[0]!.assets.map((a) => `${a.name}=${a.bytes.toString()}`).sort();
  assert.equal(names, ['model.kolm.sigstore.json={"v":"b"}', 'model.kolm=kolm b', 'notes.txt=n']);
});

test('a missing release is an error unless --create', async () => {
  await refused(() => publishRelease({ repo: 'acme/models', tag: 'v9', token: gh.token, assets: assets('a'), apiUrl: gh.url }), 'E_PUBLISH', /acme\/models has no release for tag v9/);
  assert.is(gh.releases.length, 0);
});

test('--private refuses a public repository and publishes to a private one', async () => {
  await refused(
    () => publishRelease({ repo: 'acme/models', tag: 'v1', token: gh.token, assets: assets('a'), create: true, requirePrivate: true, apiUrl: gh.url }),
    'E_PUBLISH',
    /acme\/models is public; --private refuses to publish to it/,
  );
  assert.is(gh.releases.length, 0);
  assert.not.ok(gh.requests.some((r) => r.method !== 'GET'));
  gh.setPrivate(true);
  const result = await publishRelease({ repo: 'acme/models', tag: 'v1', token: gh.token, assets: assets('a'), create: true, requirePrivate: true, apiUrl: gh.url });
  assert.is(result.assets.length, 2);
});

test('a bad token and a bad repo are reported with hints', async () => {
  await refused(() => publishRelease({ repo: 'acme/models', tag: 'v1', token: 'nope', assets: assets('a'), apiUrl: gh.url }), 'E_PUBLISH', /GitHub refused GET repository acme\/models: 401 Bad credentials/);
  await refused(() => publishRelease({ repo: 'acme/other', tag: 'v1', token: gh.token, assets: assets('a'), apiUrl: gh.url }), 'E_PUBLISH', /404 Not Found/);
  await refused(() => publishRelease({ repo: 'not a repo', tag: 'v1', token: gh.token, assets: assets('a'), apiUrl: gh.url }), 'E_USAGE', /not OWNER\/NAME/);
  await refused(() => publishRelease({ repo: 'acme/models', tag: 'v1', token: '', assets: assets('a'), apiUrl: gh.url }), 'E_USAGE', /needs a GitHub token/);
});

test.run();
