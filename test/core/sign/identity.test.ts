import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { KolmError } from '../../../core/errors.ts';
import { ambientIdentityToken } from '../../../core/sign/index.ts';
import { startFakeSigstore } from './_sigstore.ts';

const test = suite('ambient OIDC identity');

test('explicit token, then SIGSTORE_ID_TOKEN, then the GitHub Actions endpoint (audience sigstore)', async () => {
  assert.is(await ambientIdentityToken({ env: { SIGSTORE_ID_TOKEN: 'env' }, token: 'given' }), 'given');
  assert.is(await ambientIdentityToken({ env: { SIGSTORE_ID_TOKEN: 'env', ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9' } }), 'env');
  const s = await startFakeSigstore();
  try {
    const token = await ambientIdentityToken({ env: { ACTIONS_ID_TOKEN_REQUEST_URL: s.oidcRequestURL, ACTIONS_ID_TOKEN_REQUEST_TOKEN: s.oidcRequestToken } });
    assert.is(token, s.idToken);
    assert.equal(s.oidcRequests, [{ audience: 'sigstore', authorization: `Bearer ${s.oidcRequestToken}` }]);
    try {
      await ambientIdentityToken({ env: { ACTIONS_ID_TOKEN_REQUEST_URL: s.oidcRequestURL, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'wrong' } });
      assert.unreachable();
    } catch (err) {
      assert.is((err as KolmError).code, 'E_REMOTE');
      assert.match((err as Error).message, /answered 401/);
    }
  } finally {
    await s.close();
  }
});

test('no token anywhere: a usage error that says to grant id-token: write', async () => {
  try {
    await ambientIdentityToken({ env: { ACTIONS_ID_TOKEN_REQUEST_URL: 'http://x' } });
    assert.unreachable();
  } catch (err) {
    assert.instance(err, KolmError);
    assert.is((err as KolmError).code, 'E_USAGE');
    assert.match((err as KolmError).hint ?? '', /permissions: id-token: write/);
  }
});

test.run();
