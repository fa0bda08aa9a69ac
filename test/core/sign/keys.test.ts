import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { KolmError } from '../../../core/errors.ts';
import { generateKeyPair, keyHint, parsePrivateKey, parsePublicKey, writeKeyPairFiles } from '../../../core/sign/index.ts';
import { listFiles, tmpdir } from '../../_util/tmp.ts';

const test = suite('key pairs');

function refused(fn: () => unknown, code: string, message: RegExp): void {
  try {
    fn();
  } catch (err) {
    assert.instance(err, KolmError);
    assert.is((err as KolmError).code, code);
    assert.match((err as Error).message, message);
    return;
  }
  assert.unreachable('expected a refusal');
}

test('a P-256 pair whose hint is the SHA-256 of the public key PEM text', () => {
  const pair = generateKeyPair();
  assert.match(pair.privateKeyPem, /^-----BEGIN PRIVATE KEY-----/);
  assert.match(pair.publicKeyPem, /^-----BEGIN PUBLIC KEY-----/);
  assert.is(pair.hint, createHash('sha256').update(pair.publicKeyPem).digest('hex'));
  assert.is(keyHint(pair.publicKeyPem), pair.hint);
  assert.is(parsePublicKey(pair.publicKeyPem, 'kolm.pub').asymmetricKeyDetails?.namedCurve, 'prime256v1');
});

test('an encrypted private key needs its passphrase, and the right one', () => {
  const pair = generateKeyPair({ passphrase: 'correct horse' });
  assert.ok(pair.encrypted);
  assert.match(pair.privateKeyPem, /ENCRYPTED PRIVATE KEY/);
  refused(() => parsePrivateKey(pair.privateKeyPem, 'kolm.key'), 'E_BAD_KEY', /kolm\.key is encrypted and no passphrase was given/);
  refused(() => parsePrivateKey(pair.privateKeyPem, 'kolm.key', 'wrong'), 'E_BAD_KEY', /could not be decrypted/);
  assert.is(parsePrivateKey(pair.privateKeyPem, 'kolm.key', 'correct horse').type, 'private');
});

test('other curves and key types are refused', () => {
  const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey.export({ format: 'pem', type: 'spki' }) as string;
  refused(() => parsePublicKey(p384, 'p384.pub'), 'E_BAD_KEY', /p384\.pub is an EC secp384r1 key; kolm signs with ECDSA P-256 keys only/);
  const ed = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
  refused(() => parsePrivateKey(ed, 'ed.key'), 'E_BAD_KEY', /ed\.key is a ed25519 key/);
  refused(() => parsePublicKey('not a key', 'x.pub'), 'E_BAD_KEY', /x\.pub is not a PEM public key/);
});

test('key files: private 0600, public 0644, never overwritten without force', async () => {
  const dir = tmpdir();
  const paths = { privateKey: join(dir, 'kolm.key'), publicKey: join(dir, 'kolm.pub') };
  const pair = generateKeyPair();
  await writeKeyPairFiles(pair, paths);
  assert.is((await stat(paths.privateKey)).mode & 0o777, 0o600);
  assert.is((await stat(paths.publicKey)).mode & 0o777, 0o644);
  assert.is(await readFile(paths.publicKey, 'utf8'), pair.publicKeyPem);
  try {
    await writeKeyPairFiles(generateKeyPair(), paths);
    assert.unreachable('overwrote a key');
  } catch (err) {
    assert.match((err as Error).message, /kolm\.key already exists/);
  }
  assert.is(await readFile(paths.privateKey, 'utf8'), pair.privateKeyPem);
  await writeKeyPairFiles(generateKeyPair(), paths, { force: true });
  assert.is.not(await readFile(paths.privateKey, 'utf8'), pair.privateKeyPem);
  assert.equal(listFiles(dir), ['kolm.key', 'kolm.pub']);
});

test.run();
