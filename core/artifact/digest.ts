// SHA-256 digests of artifact entries, and the root digest that signing (DESIGN §8) uses as the subject.
import { createHash } from 'node:crypto';
import { MANIFEST_ENTRY } from './names.ts';

/** `sha256:<64 lowercase hex>`: the form of every value in kolm.json `files`. */
export type EntryDigest = `sha256:${string}`;

export const ENTRY_DIGEST_PATTERN = /^sha256:[0-9a-f]{64}$/;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function entryDigest(bytes: Uint8Array): EntryDigest {
  return `sha256:${sha256Hex(bytes)}`;
}

/** Byte-wise order of the UTF-8 names: the same in every language, unlike JS's UTF-16 `sort()`. */
export function compareNames(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * The root digest of an artifact: one SHA-256 that commits to kolm.json and every payload entry (not kolm.sig,
 * which carries it). Hex, lowercase, without the `sha256:` prefix (the in-toto subject form).
 *
 * Byte construction, exactly: take the list of (name, digest) pairs made of ("kolm.json", SHA-256 of the
 * kolm.json bytes) and every (name, digest) of `files`; sort it by the UTF-8 bytes of the name (unsigned,
 * byte-wise; a prefix sorts first); then hash the concatenation, for each pair in order, of
 *   UTF-8(name) || 0x00 || the 32 raw digest bytes.
 * Entry names never contain NUL (the name rules reject it) and digests are fixed-length, so the encoding is
 * unambiguous. Note: this is not model_signing's root (which hashes the raw digests alone, names left out).
 */
export function rootDigest(manifestBytes: Uint8Array, files: Readonly<Record<string, string>>): string {
  const pairs: [string, Buffer][] = [[MANIFEST_ENTRY, createHash('sha256').update(manifestBytes).digest()]];
  for (const [name, digest] of Object.entries(files)) {
    if (!ENTRY_DIGEST_PATTERN.test(digest)) throw new Error(`rootDigest: ${name} has a malformed digest ${digest}`);
    if (name === MANIFEST_ENTRY) throw new Error(`rootDigest: ${MANIFEST_ENTRY} cannot be listed in files`);
    pairs.push([name, Buffer.from(digest.slice('sha256:'.length), 'hex')]);
  }
  pairs.sort((a, b) => compareNames(a[0], b[0]));
  const hash = createHash('sha256');
  for (const [name, raw] of pairs) {
    hash.update(Buffer.from(name, 'utf8'));
    hash.update(Buffer.from([0]));
    hash.update(raw);
  }
  return hash.digest('hex');
}
