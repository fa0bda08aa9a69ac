// Key pairs for offline signing: ECDSA P-256 only (reference/signing.md §2: @sigstore/verify's DSSE check uses
// SHA-256 for EC keys, so P-384/521 signatures would not verify), PKCS#8 PEM private key, SPKI PEM public key.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { KolmError } from '../errors.ts';
import { tempPathFor } from '../fs/atomic.ts';

export const PASSPHRASE_ENV = 'KOLM_KEY_PASSPHRASE';
const CURVE = 'prime256v1';

export interface KeyPairPem {
  privateKeyPem: string;
  publicKeyPem: string;
  /** Hex SHA-256 of the public key's SPKI PEM text: the bundle's `publicKey.hint` (model_signing's convention). */
  hint: string;
  encrypted: boolean;
}

export function generateKeyPair(options: { passphrase?: string } = {}): KeyPairPem {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: CURVE });
  const encrypted = Boolean(options.passphrase);
  const privateKeyPem = privateKey.export(
    encrypted ? { format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: options.passphrase! } : { format: 'pem', type: 'pkcs8' },
  ) as string;
  const publicKeyPem = publicKeyToPem(publicKey);
  return { privateKeyPem, publicKeyPem, hint: keyHint(publicKeyPem), encrypted };
}

/** The SPKI PEM of a public key, or of a private key's public half. */
export function publicKeyToPem(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return pub.export({ format: 'pem', type: 'spki' }) as string;
}

export function keyHint(publicKeyPem: string): string {
  return createHash('sha256').update(publicKeyPem, 'utf8').digest('hex');
}

/** A P-256 private key from PEM; `file` names it in errors. Encrypted keys need the passphrase. */
export function parsePrivateKey(pem: string | Uint8Array, file: string, passphrase?: string): KeyObject {
  const text = typeof pem === 'string' ? pem : Buffer.from(pem).toString('utf8');
  const encrypted = text.includes('ENCRYPTED PRIVATE KEY');
  if (encrypted && !passphrase) {
    throw new KolmError('E_BAD_KEY', `${file} is encrypted and no passphrase was given`, {
      hint: `set ${PASSPHRASE_ENV} to the passphrase used with \`kolm keygen\``,
      place: { file },
    });
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(encrypted ? { key: text, format: 'pem', passphrase } : { key: text, format: 'pem' });
  } catch (err) {
    throw new KolmError('E_BAD_KEY', encrypted ? `${file} could not be decrypted: wrong passphrase?` : `${file} is not a PEM private key (${(err as Error).message})`, {
      hint: encrypted ? `check ${PASSPHRASE_ENV}` : 'pass the private key `kolm keygen` wrote (kolm.key), not the public one',
      place: { file },
      cause: err,
    });
  }
  checkCurve(key, file);
  return key;
}

/** A P-256 public key from PEM (an unencrypted private key file is accepted too: its public half is used). */
export function parsePublicKey(pem: string | Uint8Array, file: string): KeyObject {
  const text = typeof pem === 'string' ? pem : Buffer.from(pem).toString('utf8');
  let key: KeyObject;
  try {
    key = createPublicKey({ key: text, format: 'pem' });
  } catch (err) {
    throw new KolmError('E_BAD_KEY', `${file} is not a PEM public key (${(err as Error).message})`, {
      hint: 'pass the public key `kolm keygen` wrote (kolm.pub)',
      place: { file },
      cause: err,
    });
  }
  checkCurve(key, file);
  return key;
}

function checkCurve(key: KeyObject, file: string): void {
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== CURVE) {
    const what = key.asymmetricKeyType === 'ec' ? `an EC ${key.asymmetricKeyDetails?.namedCurve} key` : `a ${key.asymmetricKeyType} key`;
    throw new KolmError('E_BAD_KEY', `${file} is ${what}; kolm signs with ECDSA P-256 keys only`, {
      hint: 'make a P-256 key pair with `kolm keygen`',
      place: { file },
    });
  }
}

/**
 * Write the pair: the private key created with mode 0600 from its first byte (never world-readable, even
 * briefly), each file via temp + rename, and nothing overwritten unless `force`.
 */
export async function writeKeyPairFiles(pair: KeyPairPem, paths: { privateKey: string; publicKey: string }, options: { force?: boolean } = {}): Promise<void> {
  if (!options.force) {
    for (const p of [paths.privateKey, paths.publicKey]) {
      if (await exists(p)) {
        throw new KolmError('E_WRITE_FAILED', `${p} already exists; not overwriting a key`, { hint: 'pass --force to replace it, or choose another --out', place: { file: p } });
      }
    }
  }
  const temps: string[] = [];
  try {
    for (const p of [paths.privateKey, paths.publicKey]) await mkdir(dirname(p), { recursive: true });
    for (const [target, text, mode] of [
      [paths.privateKey, pair.privateKeyPem, 0o600],
      [paths.publicKey, pair.publicKeyPem, 0o644],
    ] as const) {
      const tmp = tempPathFor(target);
      temps.push(tmp);
      const handle = await open(tmp, 'wx', mode);
      try {
        await handle.writeFile(text);
        await handle.chmod(mode); // a umask cannot loosen 0600, but could tighten 0644: set it exactly
      } finally {
        await handle.close();
      }
    }
    await rename(temps[0]!, paths.privateKey);
    await rename(temps[1]!, paths.publicKey);
  } catch (err) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    throw new KolmError('E_WRITE_FAILED', `could not write the key pair: ${(err as Error).message}`, {
      hint: 'check that the folder exists and is writable',
      place: { file: paths.privateKey },
      cause: err,
    });
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}
