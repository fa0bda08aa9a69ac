import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { kolm } from '../../_util/cli.ts';
import { listFiles, tmpdir } from '../../_util/tmp.ts';

const test = suite('kolm keygen');

test('writes kolm.key (0600) and kolm.pub, and refuses to overwrite them', async () => {
  const dir = tmpdir();
  const r = await kolm(['keygen'], { cwd: dir });
  assert.is(r.code, 0, r.stderr);
  assert.equal(listFiles(dir), ['kolm.key', 'kolm.pub']);
  assert.is(statSync(join(dir, 'kolm.key')).mode & 0o777, 0o600);
  assert.match(r.stdout, /wrote kolm\.key \(private, mode 0600, not encrypted\) and kolm\.pub/);
  const again = await kolm(['keygen'], { cwd: dir });
  assert.is(again.code, 1);
  assert.match(again.stderr, /already exists; not overwriting a key/);
});

test('encrypts the private key with KOLM_KEY_PASSPHRASE; --out and --json', async () => {
  const dir = tmpdir();
  const r = await kolm(['keygen', '--out', 'keys/release', '--json'], { cwd: dir, env: { KOLM_KEY_PASSPHRASE: 'pw' } });
  assert.is(r.code, 0, r.stderr);
  const body = JSON.parse(r.stdout);
  assert.equal([body.private_key, body.public_key, body.encrypted], ['keys/release.key', 'keys/release.pub', true]);
  assert.match(readFileSync(join(dir, 'keys/release.key'), 'utf8'), /ENCRYPTED PRIVATE KEY/);
});

test.run();
