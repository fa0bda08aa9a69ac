import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yazl from 'yazl';
import { buildManifest, readArtifact, rootDigest, writeArtifact, type ReadArtifactOptions } from '../../../core/artifact/index.ts';
import { KolmError, type ErrorCode } from '../../../core/errors.ts';
import { manifestInput, noise, payload } from './_fixture.ts';
import { rawZip, type RawEntry } from './_rawzip.ts';

const test = suite('artifact reader');
let dir = '';

test.before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kolm-artifact-read-'));
});
test.after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A valid artifact's entries as raw-zip input (kolm.json first), for tests that change one thing. */
function validRaw(entries = payload()): RawEntry[] {
  const { manifestBytes } = buildManifest(manifestInput(), entries);
  return [{ name: 'kolm.json', data: manifestBytes, method: 8 }, ...[...entries].map(([name, data]) => ({ name, data }))];
}

/** kolm.json bytes from an arbitrary object (valid or not). */
function manifestEntry(value: unknown): RawEntry {
  return { name: 'kolm.json', data: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)) };
}

async function refused(input: Uint8Array | string, code: ErrorCode, message: RegExp, options: ReadArtifactOptions = {}): Promise<KolmError> {
  try {
    await readArtifact(input, { name: 'model.kolm', ...options });
  } catch (err) {
    if (!(err instanceof KolmError)) throw err;
    assert.is(err.code, code, err.message);
    assert.match(err.message, message);
    assert.ok(err.hint, 'every refusal has a hint');
    return err;
  }
  assert.unreachable(`expected ${code} ${message}`);
  throw new Error('unreachable');
}

test('round trip: manifest, entries and root digest come back as written', async () => {
  const entries = payload();
  const bytes = await writeArtifact({ manifest: manifestInput(), entries });
  const back = await readArtifact(bytes);
  const { manifest, manifestBytes } = buildManifest(manifestInput(), entries);
  assert.equal(back.manifest, manifest);
  assert.equal(Buffer.from(back.manifestBytes), Buffer.from(manifestBytes));
  assert.equal([...back.entries.keys()], Object.keys(manifest.files));
  for (const [name, data] of entries) assert.equal(Buffer.from(back.entries.get(name)!), Buffer.from(data), name);
  assert.is(back.signature, undefined);
  assert.is(back.rootDigest, rootDigest(manifestBytes, manifest.files));
});

test('reading a path gives what reading the bytes gives; a missing path is E_PATH_NOT_FOUND', async () => {
  const bytes = await writeArtifact({ manifest: manifestInput(), entries: payload() });
  const path = join(dir, 'a.kolm');
  await writeFile(path, bytes);
  const fromPath = await readArtifact(path);
  const fromBytes = await readArtifact(bytes);
  assert.is(fromPath.rootDigest, fromBytes.rootDigest);
  assert.equal(fromPath.manifest, fromBytes.manifest);
  const err = await readArtifact(join(dir, 'nope.kolm')).catch((e) => e);
  assert.is((err as KolmError).code, 'E_PATH_NOT_FOUND');
});

test('the raw test zip of a valid artifact is accepted (so each refusal below is the flaw it adds)', async () => {
  const back = await readArtifact(rawZip(validRaw()));
  assert.is(back.entries.size, 3);
});

test('errors name the artifact and the entry and say how to recover', async () => {
  const err = await refused(rawZip([...validRaw(), { name: 'extra.bin', data: Buffer.from('x') }]), 'E_BAD_ARTIFACT', /^model\.kolm: entry "extra\.bin": /);
  assert.equal(err.place, { file: 'model.kolm', path: 'extra.bin' });
  assert.match(err.hint!, /rebuild it with `kolm compile` or fetch it again/);
});

const nameCases: [string, string | Uint8Array, RegExp][] = [
  ['absolute POSIX path', '/etc/passwd', /absolute path/],
  ['Windows drive path', 'C:\\x', /backslash/],
  ['Windows drive path with slash', 'C:/x', /drive letter/],
  ['UNC path', '\\\\server\\share', /backslash/],
  ['".." segment', 'recipe/../../evil', /"\.\." segment/],
  ['backslash', 'recipe\\x', /backslash/],
  ['empty name', '', /empty/],
  ['empty segment', 'recipe//x', /empty segment/],
  ['NUL in name', 'a\u0000b', /control character/],
  ['directory entry', 'recipe/', /directory/],
  ['non-UTF-8 name', Buffer.from([0x72, 0xff, 0x66]), /not UTF-8 \(bytes 72ff66\)/],
];
for (const [label, name, message] of nameCases) {
  test(`refuses an entry name: ${label}`, async () => {
    await refused(rawZip([...validRaw(), { name, data: Buffer.from('x') }]), 'E_BAD_ARTIFACT', message);
  });
}

test('refuses a non-ASCII name without the UTF-8 flag', async () => {
  await refused(rawZip([...validRaw(), { name: 'é.txt', data: Buffer.from('x'), flags: 0 }]), 'E_BAD_ARTIFACT', /without the zip UTF-8 flag/);
});

test('refuses a duplicate name, and names that differ only by case', async () => {
  const raw = validRaw();
  await refused(rawZip([...raw, { ...raw[1]! }]), 'E_BAD_ARTIFACT', /entry "recipe\/recipe\.json": appears twice/);
  await refused(rawZip([...raw, { ...raw[1]!, name: 'RECIPE/recipe.json' }]), 'E_BAD_ARTIFACT', /differs only by case/);
  // yazl writes duplicates without complaint: the reader must catch them itself.
  const zip = new yazl.ZipFile();
  for (const e of [...raw, raw[1]!]) zip.addBuffer(Buffer.from(e.data), e.name as string);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  await refused(Buffer.concat(chunks), 'E_BAD_ARTIFACT', /appears twice/);
});

test('refuses symbolic links and directory-mode entries', async () => {
  await refused(rawZip([...validRaw(), { name: 'link', data: Buffer.from('/etc/passwd'), externalAttributes: (0o120777 << 16) >>> 0 }]), 'E_BAD_ARTIFACT', /symbolic link/);
  await refused(rawZip([...validRaw(), { name: 'd', data: Buffer.alloc(0), externalAttributes: (0o040755 << 16) >>> 0 }]), 'E_BAD_ARTIFACT', /is a directory/);
});

test('refuses an entry in the zip but not in files, and a file listed but missing', async () => {
  await refused(rawZip([...validRaw(), { name: 'extra.bin', data: Buffer.from('x') }]), 'E_BAD_ARTIFACT', /"extra\.bin": is in the zip but not listed in kolm\.json files/);
  const raw = validRaw().filter((e) => e.name !== 'tokenizer/vocab.txt');
  await refused(rawZip(raw), 'E_BAD_ARTIFACT', /"tokenizer\/vocab\.txt": is listed in kolm\.json files but missing from the zip/);
});

test('refuses a payload byte flipped after writing: E_DIGEST_MISMATCH naming the entry', async () => {
  const bytes = Buffer.from(await writeArtifact({ manifest: manifestInput(), entries: payload() }));
  // model.onnx is incompressible, so the writer stored it: its bytes sit verbatim in the zip.
  const at = bytes.indexOf(noise(4096).subarray(0, 64));
  assert.ok(at > 0);
  bytes[at + 100] ^= 0x01;
  const err = await refused(bytes, 'E_DIGEST_MISMATCH', /entry "recipe\/model\.onnx" does not match its digest in kolm\.json \(expected sha256:[0-9a-f]{64}, got sha256:[0-9a-f]{64}\)/);
  assert.match(err.hint!, /altered or truncated/);
});

test('refuses a zip bomb by ratio, from the header, before inflating', async () => {
  const entries = payload();
  entries.set('bomb.bin', new Uint8Array(8 * 1024 * 1024));
  const raw = validRaw(entries).map((e) => (e.name === 'bomb.bin' ? { ...e, method: 8 } : e));
  await refused(rawZip(raw), 'E_BAD_ARTIFACT', /"bomb\.bin": would inflate \d+ bytes to 8388608, a \d+:1 ratio over the limit of 100:1/);
});

test('refuses an entry whose header lies about its size, while inflating', async () => {
  const entries = payload();
  entries.set('liar.bin', new Uint8Array(200_000));
  const raw = validRaw(entries).map((e) => (e.name === 'liar.bin' ? { ...e, method: 8, uncompressedSize: 300 } : e));
  // kolm.json's sizes say 200000, the header says 300: the header is checked against the data, not the manifest.
  const err = await refused(rawZip(raw), 'E_BAD_ARTIFACT', /"liar\.bin": /);
  assert.match(err.message, /inflates to more than the 300 bytes its header declares|kolm\.json sizes says 200000/);
  // With a manifest that agrees with the lying header, the inflate-time check is what stops it.
  const lying = new Map(entries);
  lying.set('liar.bin', new Uint8Array(300));
  const { manifestBytes } = buildManifest(manifestInput(), lying);
  const raw2 = raw.map((e) => (e.name === 'kolm.json' ? { ...e, data: manifestBytes } : e));
  await refused(rawZip(raw2), 'E_BAD_ARTIFACT', /"liar\.bin": inflates to more than the 300 bytes its header declares/);
});

test('refuses a stored entry whose sizes disagree, and one shorter than declared', async () => {
  const raw = validRaw().map((e) => (e.name === 'tokenizer/vocab.txt' ? { ...e, uncompressedSize: 5 } : e));
  await refused(rawZip(raw), 'E_BAD_ARTIFACT', /is stored, but its header gives/);
  // Deflated data that ends short of the declared size (the manifest agrees with the header).
  const declared = new Map(payload());
  declared.set('short.bin', new Uint8Array(400));
  const { manifestBytes } = buildManifest(manifestInput(), declared);
  const short = [{ name: 'kolm.json', data: manifestBytes }, ...validRaw().slice(1), { name: 'short.bin', data: new Uint8Array(300), method: 8, uncompressedSize: 400 }];
  await refused(rawZip(short), 'E_BAD_ARTIFACT', /"short\.bin": holds 300 bytes, but its header declares 400/);
});

test('refuses entries over the size, count and total limits', async () => {
  const bytes = await writeArtifact({ manifest: manifestInput(), entries: payload() });
  await refused(bytes, 'E_BAD_ARTIFACT', /"recipe\/model\.onnx": is 4096 bytes uncompressed, over the limit of 1000/, { maxEntryBytes: 1000 });
  await refused(bytes, 'E_BAD_ARTIFACT', /has 4 entries, over the limit of 3/, { maxEntries: 3 });
  await refused(bytes, 'E_BAD_ARTIFACT', /uncompressed total past the limit of 5000 bytes/, { maxTotalBytes: 5000 });
});

test('refuses overlapping entries (the overlapping-zip-bomb trick)', async () => {
  const raw = validRaw();
  await refused(rawZip([...raw, { name: 'again', data: raw[1]!.data, offsetOf: 1 }]), 'E_BAD_ARTIFACT', /overlaps the data of another entry/);
});

test('refuses encrypted entries and unknown compression methods', async () => {
  await refused(rawZip(validRaw().map((e) => (e.name === 'recipe/model.onnx' ? { ...e, flags: 0x801 } : e))), 'E_BAD_ARTIFACT', /"recipe\/model\.onnx": is encrypted/);
  await refused(rawZip(validRaw().map((e) => (e.name === 'recipe/model.onnx' ? { ...e, method: 12 } : e))), 'E_BAD_ARTIFACT', /compression method 12/);
});

test('refuses a truncated zip and something that is not a zip at all', async () => {
  const bytes = await writeArtifact({ manifest: manifestInput(), entries: payload() });
  await refused(bytes.subarray(0, bytes.length - 30), 'E_BAD_ARTIFACT', /^model\.kolm: is not a \.kolm artifact: not a readable zip/);
  await refused(bytes.subarray(0, 200), 'E_BAD_ARTIFACT', /not a readable zip/);
  await refused(Buffer.from('{"input": "hello"}\n'), 'E_BAD_ARTIFACT', /not a readable zip/);
  await refused(new Uint8Array(0), 'E_BAD_ARTIFACT', /not a readable zip/);
});

test('refuses a zip without kolm.json', async () => {
  await refused(rawZip(validRaw().slice(1)), 'E_BAD_ARTIFACT', /has no kolm\.json/);
});

test('refuses kolm.json that is not JSON, has an unknown key, or has the wrong format version', async () => {
  const rest = validRaw().slice(1);
  const { manifest } = buildManifest(manifestInput(), payload());
  await refused(rawZip([manifestEntry('{"format": 1,'), ...rest]), 'E_BAD_ARTIFACT', /entry "kolm\.json": is not valid JSON/);
  await refused(rawZip([manifestEntry({ ...manifest, surprise: true }), ...rest]), 'E_BAD_ARTIFACT', /entry "kolm\.json": is not a valid manifest \(format 1\):\n {2}- surprise: unknown key/);
  await refused(rawZip([manifestEntry({ ...manifest, spec: { ...manifest.spec, extra: 1 } }), ...rest]), 'E_BAD_ARTIFACT', /spec\.extra: unknown key/);
  const v2 = await refused(rawZip([manifestEntry({ ...manifest, format: 2 }), ...rest]), 'E_BAD_ARTIFACT', /is format 2; this kolm reads format 1/);
  assert.match(v2.hint!, /kolm-migrate version/);
  await refused(rawZip([{ name: 'kolm.json', data: Buffer.from([0x7b, 0xff, 0x7d]) }, ...rest]), 'E_BAD_ARTIFACT', /is not UTF-8/);
});

test('refuses a manifest whose sizes or recipe entry disagree with the zip', async () => {
  const rest = validRaw().slice(1);
  const { manifest } = buildManifest(manifestInput(), payload());
  const sizes = { ...manifest.sizes, entries: { ...manifest.sizes.entries, 'recipe/model.onnx': 1 } };
  await refused(rawZip([manifestEntry({ ...manifest, sizes }), ...rest]), 'E_BAD_ARTIFACT', /"recipe\/model\.onnx": is 4096 bytes, but kolm\.json sizes says 1/);
  await refused(rawZip([manifestEntry({ ...manifest, sizes: { ...manifest.sizes, total_bytes: 1 } }), ...rest]), 'E_BAD_ARTIFACT', /total_bytes is 1/);
  await refused(rawZip([manifestEntry({ ...manifest, recipe: { type: 'lookup', entry: 'gone.json' } }), ...rest]), 'E_BAD_ARTIFACT', /recipe\.entry "gone\.json"/);
  const files = { ...manifest.files, 'kolm.sig': manifest.files['recipe/model.onnx']! };
  await refused(rawZip([manifestEntry({ ...manifest, files }), ...rest]), 'E_BAD_ARTIFACT', /never lists itself or the signature/);
});

test('a kolm.sig entry comes back as the signature and is not a payload entry', async () => {
  const back = await readArtifact(rawZip([...validRaw(), { name: 'kolm.sig', data: Buffer.from('{"bundle":1}') }]));
  assert.is(Buffer.from(back.signature!).toString(), '{"bundle":1}');
  assert.not.ok(back.entries.has('kolm.sig'));
});

test.run();
