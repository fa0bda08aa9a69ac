import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import yauzl from 'yauzl';
import { buildManifest, readArtifact, rootDigest, saveArtifact, writeArtifact } from '../../../core/artifact/index.ts';
import { KolmError } from '../../../core/errors.ts';
import { manifestInput, noise, payload } from './_fixture.ts';

const test = suite('artifact writer');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
let dir = '';

test.before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kolm-artifact-write-'));
});
test.after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function centralEntries(bytes: Uint8Array): Promise<yauzl.Entry[]> {
  const zip = await yauzl.fromBufferPromise(Buffer.from(bytes), { lazyEntries: true });
  const out: yauzl.Entry[] = [];
  for await (const e of zip.eachEntry()) out.push(e);
  zip.close();
  return out;
}

test('the same inputs give the same bytes, whatever the order entries and keys were built in', async () => {
  const a = await writeArtifact({ manifest: manifestInput(), entries: payload() });
  const b = await writeArtifact({ manifest: manifestInput(), entries: payload() });
  assert.is(sha(a), sha(b));
  const d1 = await writeArtifact({ manifest: manifestInput(), entries: payload(), compression: 'deflate' });
  const d2 = await writeArtifact({ manifest: manifestInput(), entries: new Map([...payload()].reverse()), compression: 'deflate' });
  assert.is(sha(d1), sha(d2));
  const reversedEntries = new Map([...payload()].reverse());
  const m = manifestInput();
  const reversedKeys = Object.fromEntries(Object.entries(m).reverse()) as typeof m;
  const c = await writeArtifact({ manifest: reversedKeys, entries: reversedEntries });
  assert.is(sha(c), sha(a));
});

test('the stored bytes of a fixed input are pinned: a change here is a format change (zlib plays no part)', async () => {
  const bytes = await writeArtifact({ manifest: manifestInput(), entries: payload() });
  assert.is(bytes.length, 9441);
  assert.is(sha(bytes), '9e48b1530c53c434e3d2aa4d5e0a2eb0106343657bbdaf6569f166a33db7ee0e');
});

test('a different input byte gives different bytes', async () => {
  const a = await writeArtifact({ manifest: manifestInput(), entries: payload() });
  const entries = payload();
  entries.set('tokenizer/vocab.txt', Buffer.from('other'));
  const b = await writeArtifact({ manifest: manifestInput(), entries });
  assert.is.not(sha(a), sha(b));
});

test('the bytes do not depend on the time zone or the clock (child processes under three TZs)', async () => {
  const script = join(dir, 'write-in-tz.mts');
  const writer = pathToFileURL(join(process.cwd(), 'core/artifact/index.ts')).href;
  const fixture = pathToFileURL(join(process.cwd(), 'test/core/artifact/_fixture.ts')).href;
  await writeFile(
    script,
    `import { writeArtifact } from '${writer}';\nimport { manifestInput, payload } from '${fixture}';\nimport { createHash } from 'node:crypto';\n` +
      `const bytes = await writeArtifact({ manifest: manifestInput(), entries: payload() });\n` +
      `process.stdout.write(createHash('sha256').update(bytes).digest('hex'));\n`,
  );
  const here = sha(await writeArtifact({ manifest: manifestInput(), entries: payload() }));
  for (const tz of ['UTC', 'Asia/Kolkata', 'America/Los_Angeles']) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
    assert.is(r.status, 0, r.stderr);
    assert.is(r.stdout, here, `TZ=${tz}`);
  }
});

test('entries: kolm.json first, payload by name, fixed DOS time 1980-01-01 00:00, mode 0644, no extra fields', async () => {
  const bytes = await writeArtifact({ manifest: manifestInput(), entries: payload(), signature: Buffer.from('{"sig":1}') });
  const entries = await centralEntries(bytes);
  assert.equal(
    entries.map((e) => e.fileName),
    ['kolm.json', 'recipe/model.onnx', 'recipe/recipe.json', 'tokenizer/vocab.txt', 'kolm.sig'],
  );
  for (const e of entries) {
    assert.is(e.lastModFileDate, (0 << 9) | (1 << 5) | 1, `${e.fileName} date`);
    assert.is(e.lastModFileTime, 0, `${e.fileName} time`);
    assert.is(e.extraFieldLength, 0, `${e.fileName} extra`);
    assert.is((e.externalFileAttributes >>> 16) & 0o777, 0o644);
    assert.is(e.fileCommentLength, 0);
  }
});

test('by default every entry is stored (bytes independent of the zlib build)', async () => {
  const methods = (await centralEntries(await writeArtifact({ manifest: manifestInput(), entries: payload() }))).map((e) => e.compressionMethod);
  assert.equal(methods, [0, 0, 0, 0]);
});

test('with deflate: text is deflated, incompressible bytes stored, a very repetitive large entry stored too', async () => {
  const entries = payload();
  entries.set('zeros.bin', new Uint8Array(2 * 1024 * 1024));
  const bytes = await writeArtifact({ manifest: manifestInput(), entries, compression: 'deflate' });
  const methods = Object.fromEntries((await centralEntries(bytes)).map((e) => [e.fileName, e.compressionMethod]));
  assert.is(methods['recipe/recipe.json'], 8);
  assert.is(methods['recipe/model.onnx'], 0);
  // 2 MiB of zeros deflates ~1000:1, past the 100:1 readers refuse: stored, so kolm reads what it writes.
  assert.is(methods['zeros.bin'], 0);
  const back = await readArtifact(bytes);
  assert.is(back.entries.get('zeros.bin')!.length, 2 * 1024 * 1024);
});

test('the manifest gets files (sha256 of each entry) and sizes; rewriting it with a signature keeps the root', async () => {
  const { manifest, manifestBytes } = buildManifest(manifestInput(), payload());
  assert.equal(Object.keys(manifest.files), ['recipe/model.onnx', 'recipe/recipe.json', 'tokenizer/vocab.txt']);
  assert.is(manifest.files['recipe/model.onnx'], `sha256:${sha(noise(4096))}`);
  assert.is(manifest.sizes.entries['recipe/model.onnx'], 4096);
  assert.is(manifest.sizes.total_bytes, [...payload().values()].reduce((n, b) => n + b.length, 0));
  assert.is(manifest.format, 1);

  const unsigned = await readArtifact(await writeArtifact({ manifest: manifestInput(), entries: payload() }));
  const signed = await readArtifact(await writeArtifact({ manifest: unsigned.manifest, entries: unsigned.entries, signature: Buffer.from('bundle') }));
  assert.equal(Buffer.from(signed.manifestBytes), Buffer.from(manifestBytes));
  assert.is(signed.rootDigest, unsigned.rootDigest);
  assert.is(signed.rootDigest, rootDigest(manifestBytes, manifest.files));
  assert.is(Buffer.from(signed.signature!).toString(), 'bundle');
});

test('the writer refuses bad names, reserved names, invalid manifests and a dangling recipe entry', async () => {
  const cases: [string, () => Promise<unknown>, RegExp][] = [
    ['..', () => writeArtifact({ manifest: manifestInput(), entries: new Map([...payload(), ['../x', new Uint8Array(1)]]) }), /"\.\.\/x".*"\.\." segment/],
    ['reserved', () => writeArtifact({ manifest: manifestInput(), entries: new Map([...payload(), ['kolm.json', new Uint8Array(1)]]) }), /reserved/],
    ['case', () => writeArtifact({ manifest: manifestInput(), entries: new Map([...payload(), ['Recipe/recipe.json', new Uint8Array(1)]]) }), /only by case/],
    ['unknown key', () => writeArtifact({ manifest: { ...manifestInput(), extra: 1 } as never, entries: payload() }), /extra: unknown key/],
    ['recipe.entry', () => writeArtifact({ manifest: manifestInput({ recipe: { type: 'lookup', entry: 'nope.json' } }), entries: payload() }), /recipe\.entry "nope\.json"/],
    ['files disagree', () => writeArtifact({ manifest: { ...manifestInput(), files: { 'recipe/recipe.json': `sha256:${'0'.repeat(64)}` } }, entries: payload() }), /files does not match/],
  ];
  for (const [label, run, message] of cases) {
    try {
      await run();
      assert.unreachable(label);
    } catch (err) {
      assert.instance(err, KolmError, label);
      assert.is((err as KolmError).code, 'E_BAD_ARTIFACT', label);
      assert.match((err as KolmError).message, message, label);
    }
  }
});

test('saveArtifact writes the bytes atomically and leaves no temp file', async () => {
  const bytes = await writeArtifact({ manifest: manifestInput(), entries: payload() });
  const path = join(dir, 'out', 'model.kolm');
  await saveArtifact(path, bytes);
  assert.is(sha(await readFile(path)), sha(bytes));
  assert.equal(await readdir(join(dir, 'out')), ['model.kolm']);
});

test.run();
