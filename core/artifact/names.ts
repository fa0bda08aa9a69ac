// Entry names inside a .kolm: relative POSIX paths, checked the same way on write and on read, so that what
// kolm writes it can always read, and a crafted zip cannot point anywhere outside the artifact.

/** The manifest entry: always present, never listed in its own `files`. */
export const MANIFEST_ENTRY = 'kolm.json';
/** The signature entry (a Sigstore bundle): optional, never listed in `files`, not covered by the root digest. */
export const SIGNATURE_ENTRY = 'kolm.sig';

const MAX_NAME_BYTES = 1024;

/** Why `name` is not an acceptable entry name, or null when it is. */
export function entryNameProblem(name: string): string | null {
  if (name.length === 0) return 'the name is empty';
  if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) return `the name is longer than ${MAX_NAME_BYTES} bytes`;
  if (name.includes('\\')) return 'the name contains a backslash';
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'the name contains a control character';
  if (name.startsWith('/')) return 'the name is an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'the name starts with a drive letter (an absolute Windows path)';
  if (name.endsWith('/')) return 'the entry is a directory (a .kolm holds only files)';
  const segments = name.split('/');
  if (segments.includes('..')) return 'the name has a ".." segment';
  if (segments.includes('.')) return 'the name has a "." segment';
  if (segments.includes('')) return 'the name has an empty segment ("//")';
  return null;
}
