import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash } from 'node:crypto';
import { compareNames, entryDigest, rootDigest } from '../../../core/artifact/digest.ts';

const hex = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

test('entryDigest is sha256:<hex> of the bytes', () => {
  assert.is(entryDigest(Buffer.from('abc')), 'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

test('rootDigest hashes name || 0x00 || raw digest for kolm.json and every file, sorted by UTF-8 bytes', () => {
  const manifest = Buffer.from('{"format":1}\n');
  const files = { 'b.bin': `sha256:${hex('b')}`, 'B.bin': `sha256:${hex('B')}`, 'a/z.json': `sha256:${hex('z')}` } as Record<string, string>;
  // Byte order: "B.bin" (0x42) < "a/z.json" (0x61) < "b.bin" (0x62) < "kolm.json" (0x6b).
  const expected = createHash('sha256');
  for (const [name, digest] of [
    ['B.bin', hex('B')],
    ['a/z.json', hex('z')],
    ['b.bin', hex('b')],
    ['kolm.json', hex(manifest)],
  ]) {
    expected.update(Buffer.concat([Buffer.from(name!), Buffer.from([0]), Buffer.from(digest!, 'hex')]));
  }
  assert.is(rootDigest(manifest, files), expected.digest('hex'));
});

test('rootDigest does not depend on the order of files, and changes with any name, digest or manifest byte', () => {
  const files = { 'x.bin': `sha256:${hex('x')}`, 'y.bin': `sha256:${hex('y')}` };
  const m = Buffer.from('{}');
  const root = rootDigest(m, files);
  assert.is(rootDigest(m, { 'y.bin': files['y.bin'], 'x.bin': files['x.bin'] }), root);
  assert.is.not(rootDigest(Buffer.from('{ }'), files), root);
  assert.is.not(rootDigest(m, { 'x.bin': files['x.bin'], 'z.bin': files['y.bin'] }), root);
  assert.is.not(rootDigest(m, { 'x.bin': files['x.bin'], 'y.bin': `sha256:${hex('w')}` }), root);
});

test('rootDigest refuses malformed digests and a files entry named kolm.json', () => {
  assert.throws(() => rootDigest(Buffer.from('{}'), { a: 'md5:00' }), /malformed digest/);
  assert.throws(() => rootDigest(Buffer.from('{}'), { 'kolm.json': `sha256:${hex('')}` }), /cannot be listed/);
});

test('compareNames orders by UTF-8 bytes, not UTF-16 code units', () => {
  // U+FF5E (3 UTF-8 bytes, EF BD 9E) vs U+1F600 (4 bytes, F0 9F 98 80): UTF-16 puts the emoji (D83D…) first.
  const names = ['\u{1F600}', '\uFF5E', 'a'];
  assert.equal([...names].sort(compareNames), ['a', '\uFF5E', '\u{1F600}']);
  assert.equal([...names].sort(), ['a', '\u{1F600}', '\uFF5E']);
});

test.run();
