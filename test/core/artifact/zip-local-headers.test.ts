// Parser differential: a streaming extractor trusts each entry's local header, we read the central
// directory. Wherever the two disagree (name, method, flags, CRC, sizes, data descriptor) the zip is
// refused, in the .kolm reader and in the adapter-export reader alike. Each hostile zip is built byte by
// byte and differs from an accepted one in exactly that field.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yazl from 'yazl';
import { buildManifest, readArtifact } from '../../../core/artifact/index.ts';
import { readAdapterSource } from '../../../core/adapter/source.ts';
import { KolmError } from '../../../core/errors.ts';
import { tmpdir } from '../../_util/tmp.ts';
import { manifestInput, payload } from './_fixture.ts';
import { rawZip, type RawEntry } from './_rawzip.ts';

const test = suite('zip: local headers agree with the directory');
const TARGET = 'recipe/model.onnx';

function validRaw(change: Partial<RawEntry> = {}, target = TARGET): RawEntry[] {
  const entries = payload();
  const { manifestBytes } = buildManifest(manifestInput(), entries);
  return [{ name: 'kolm.json', data: manifestBytes, method: 8 }, ...[...entries].map(([name, data]) => ({ name, data, method: 8 }))].map((e) =>
    e.name === target ? { ...e, ...change } : e,
  );
}

async function refusedWith(zip: Buffer, pattern: RegExp): Promise<void> {
  let error: unknown;
  try {
    await readArtifact(zip, { name: 'x.kolm' });
  } catch (err) {
    error = err;
  }
  assert.instance(error, KolmError, `expected a refusal, got ${String(error)}`);
  const e = error as KolmError;
  assert.is(e.code, 'E_BAD_ARTIFACT', e.message);
  assert.match(e.message, pattern);
  assert.ok(e.hint);
}

test('the unaltered zip, and one with data descriptors (signed, unsigned, zip64), are accepted', async () => {
  await readArtifact(rawZip(validRaw()));
  for (const descriptor of [{}, { signature: false }, { zip64: true }, { zip64: true, signature: false }]) {
    await readArtifact(rawZip(validRaw({ descriptor }).map((e) => ({ ...e, descriptor }))));
  }
});

test('yazl stream entries (what kolm writes for entries over 1 GiB) carry descriptors and are accepted', async () => {
  const entries = payload();
  const { manifestBytes } = buildManifest(manifestInput(), entries);
  const zip = new yazl.ZipFile();
  const { Readable } = await import('node:stream');
  for (const [name, data] of [['kolm.json', manifestBytes] as const, ...entries]) {
    zip.addReadStream(Readable.from([Buffer.from(data)]), name, { size: data.length });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  const bytes = Buffer.concat(chunks);
  assert.ok((bytes.readUInt16LE(6) & 0x8) !== 0, 'the first entry uses a data descriptor');
  const back = await readArtifact(bytes);
  assert.is(back.entries.size, entries.size);
});

const CASES: [string, Partial<RawEntry>, RegExp][] = [
  ['another name', { local: { name: 'recipe/model.onnY' } }, /names "recipe\/model\.onnY"/],
  ['a climbing, shorter name', { local: { name: '../../evil.onnx' } }, /names "\.\.\/\.\.\/evil\.onnx"|overlaps/],
  ['a longer name (the data shifts)', { local: { name: `${TARGET}.x` } }, /names /],
  ['a name differing in case', { local: { name: 'RECIPE/model.onnx' } }, /names "RECIPE/],
  ['a name with a NUL after it', { local: { name: Buffer.concat([Buffer.from(TARGET), Buffer.from([0])]) } }, /names /],
  ['stored locally, deflated in the directory', { local: { method: 0 } }, /method 0, the directory says 8/],
  ['an unknown local method', { local: { method: 99 } }, /method 99/],
  ['a compressed size that differs', { local: { compressedSize: 5 } }, /sizes 5\//],
  ['an uncompressed size that differs', { local: { uncompressedSize: 4095 } }, /sizes \d+\/4095/],
  ['a CRC that differs', { local: { crc: 0x12345678 } }, /CRC 0x12345678/],
  ['the encryption flag only locally', { local: { flags: 0x801 } }, /encryption flag differs/],
  ['the UTF-8 flag dropped locally', { local: { flags: 0 } }, /UTF-8 name flag differs/],
  ['a data descriptor flag only locally', { local: { flags: 0x808, crc: 0, compressedSize: 0, uncompressedSize: 0 } }, /data descriptor flag differs/],
];

for (const [label, change, pattern] of CASES) {
  test(`a local header with ${label} is refused`, async () => {
    await refusedWith(rawZip(validRaw(change)), pattern);
  });
}

test('a data descriptor that is missing or disagrees is refused', async () => {
  for (const descriptor of [{ omit: true }, { crc: 1 }, { compressedSize: 3 }, { uncompressedSize: 3 }, { zip64: true, uncompressedSize: 7 }]) {
    await refusedWith(rawZip(validRaw({ descriptor })), /data descriptor is missing or gives another CRC or sizes|overlaps/);
  }
  // With a descriptor, the local header may give zeros, or the true values, but nothing else.
  await readArtifact(rawZip(validRaw({ descriptor: {}, local: { uncompressedSize: 4096 } })));
  await refusedWith(rawZip(validRaw({ descriptor: {}, local: { uncompressedSize: 17 } })), /CRC or sizes differ/);
});

test('an entry whose header sits in the tail of another entry\'s data is an overlap (a local extra field hid it)', async () => {
  // B's genuine local block is quoted at the end of A's stored data. A's directory record ignores A's local
  // extra field, so by the directory's lengths A ends before B starts; by its true extent it does not.
  const bBody = Buffer.from('inner entry bytes');
  const bBlock = rawZip([{ name: 'b.bin', data: bBody }]).subarray(0, 30 + 'b.bin'.length + bBody.length);
  const pad = Buffer.alloc(64, 0x41);
  const aData = Buffer.concat([pad, bBlock]);
  const extra = Buffer.concat([Buffer.from([0xfe, 0xca]), Buffer.from([bBlock.length + 8, 0]), Buffer.alloc(bBlock.length + 8)]);
  const raw = validRaw();
  const aIndex = raw.length;
  const aNameLength = 'a.bin'.length;
  const zip = rawZip([
    ...raw,
    { name: 'a.bin', data: aData, local: { extra } },
    { name: 'b.bin', data: bBody, offsetOf: aIndex, offsetPlus: 30 + aNameLength + extra.length + pad.length },
  ]);
  await refusedWith(zip, /"(a|b)\.bin": overlaps the data of another entry/);
});

test('a CRC wrong in both headers is refused after the digest check (the bytes are what the manifest says)', async () => {
  await refusedWith(rawZip(validRaw({ crc: 0xdeadbeef })), /fails its CRC check/);
});

test('the adapter-export reader refuses the same differential, even in an entry it never inflates', async () => {
  const dir = tmpdir();
  const config = Buffer.from(JSON.stringify({ peft_type: 'LORA', r: 4, lora_alpha: 8, target_modules: ['q_proj'] }));
  const weights = Buffer.from('not read far');
  const good: RawEntry[] = [
    { name: 'adapter_config.json', data: config },
    { name: 'adapter_model.safetensors', data: weights },
    { name: 'README.md', data: Buffer.from('readme') },
  ];
  const ok = join(dir, 'ok.zip');
  writeFileSync(ok, rawZip(good));
  const src = await readAdapterSource(ok);
  assert.is(src.configText, config.toString());
  for (const [i, local] of [[0, { name: 'adapter_config.jsoN' }], [1, { method: 8 }], [2, { name: 'README.exe' }], [1, { uncompressedSize: 1 }]] as const) {
    const path = join(dir, `bad${i}-${Object.keys(local)[0]}.zip`);
    writeFileSync(path, rawZip(good.map((e, j) => (j === i ? { ...e, local } : e))));
    let error: unknown;
    try {
      await readAdapterSource(path);
    } catch (err) {
      error = err;
    }
    assert.instance(error, KolmError, path);
    assert.is((error as KolmError).code, 'E_BAD_ADAPTER', (error as KolmError).message);
    assert.match((error as KolmError).message, /local header that disagrees/);
  }
  const crcPath = join(dir, 'crc.zip');
  writeFileSync(crcPath, rawZip(good.map((e, j) => (j === 0 ? { ...e, crc: 7 } : e))));
  try {
    await readAdapterSource(crcPath);
    assert.unreachable('a CRC that fails is refused');
  } catch (err) {
    assert.match((err as Error).message, /fails its CRC check/);
  }
});

test.run();
