// An adapter zip is read through the artifact reader's bounded primitives: a weights entry that inflates
// past its declared size, or past the bounds, or whose name escapes the zip is refused (E_BAD_ADAPTER)
// before any byte is used; entries that are never inflated do not matter. The zips are built byte by byte.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readAdapterSource } from '../../../core/adapter/source.ts';
import { DEFAULT_LIMITS } from '../../../core/artifact/limits.ts';
import { errorOf } from '../../_util/errors.ts';
import { tmpdir } from '../../_util/tmp.ts';
import { adapterConfig, loraSafetensors, tinyLora } from '../../_util/tiny-llama.ts';
import { rawZip, type RawEntry } from '../artifact/_rawzip.ts';

const test = suite('adapter zip');
const dir = tmpdir();
const lora = tinyLora(5, 4, 8);
const config = { name: 'my-adapter/adapter_config.json', data: Buffer.from(adapterConfig(lora)), method: 8 };
const weights = { name: 'my-adapter/adapter_model.safetensors', data: Buffer.from(loraSafetensors(lora)), method: 8 };

let n = 0;
function zipFile(entries: RawEntry[]): string {
  const path = join(dir, `adapter-${n++}.zip`);
  writeFileSync(path, rawZip(entries));
  return path;
}

async function refusal(entries: RawEntry[], pattern: RegExp) {
  const path = zipFile(entries);
  const e = await errorOf(() => readAdapterSource(path));
  assert.is(e.code, 'E_BAD_ADAPTER', e.message);
  assert.match(e.message, pattern);
  assert.ok(e.hint, 'every refusal has a hint');
  assert.is(e.place?.file, path);
  return e;
}

test('a well-formed zip (with a folder entry and other files) gives both files', async () => {
  const path = zipFile([{ name: 'my-adapter/', data: Buffer.alloc(0), externalAttributes: (0o040755 << 16) >>> 0 }, config, weights, { name: 'my-adapter/README.md', data: Buffer.from('# hi') }]);
  const got = await readAdapterSource(path);
  assert.equal(Buffer.from(got.weights), weights.data);
  assert.is(got.configText, config.data.toString());
  assert.is(got.weightsFile, `${path}!my-adapter/adapter_model.safetensors`);
});

test('weights that inflate past their declared size are refused while inflating', async () => {
  const e = await refusal([config, { ...weights, uncompressedSize: 100 }], /adapter_model\.safetensors: inflates to more than the 100 bytes its header declares/);
  assert.is(e.place?.path, 'my-adapter/adapter_model.safetensors');
});

test('weights shorter than declared are refused', async () => {
  const stored = { ...weights, method: 0, uncompressedSize: weights.data.length + 10, compressedSize: weights.data.length + 10 };
  // A stored entry whose sizes agree but whose data runs into the next entry is an overlap.
  await refusal([stored, config], /overlaps the data of another entry/);
  await refusal([config, { ...weights, uncompressedSize: weights.data.length + 10 }], /holds \d+ bytes, but its header declares \d+/);
});

test('sizes and ratios over the bounds are refused from the headers, before inflating', async () => {
  const bomb = { ...weights, data: Buffer.alloc(8 * 1024 * 1024) };
  await refusal([config, bomb], /would inflate \d+ bytes to 8388608, a \d+:1 ratio over the limit of 100:1/);
  const huge = DEFAULT_LIMITS.maxEntryBytes + 1;
  await refusal([config, { ...weights, data: randomBytes(64), uncompressedSize: huge }], new RegExp(`is ${huge} bytes uncompressed, over the limit of ${DEFAULT_LIMITS.maxEntryBytes}`));
  const bigConfig = DEFAULT_LIMITS.maxManifestBytes + 1;
  await refusal([{ ...config, uncompressedSize: bigConfig }, weights], new RegExp(`adapter_config\\.json: is ${bigConfig} bytes uncompressed`));
});

test('names that escape the zip, repeat, or are links are refused', async () => {
  await refusal([{ ...config, name: '../adapter_config.json' }, weights], /is refused: the name has a "\.\." segment/);
  await refusal([config, weights, weights], /appears twice in the zip/);
  await refusal([config, { ...weights, externalAttributes: (0o120777 << 16) >>> 0 }], /is a symbolic link/);
  await refusal([config, { ...weights, method: 12 }], /compression method 12/);
  await refusal([{ name: Buffer.from([0x61, 0xff, 0x2f]), data: Buffer.from('x') }, config, weights], /name is not UTF-8/);
});

test('an entry that is never inflated may be anything but an overlap', async () => {
  const checkpoint = { name: 'my-adapter/checkpoint/optimizer.pt', data: Buffer.alloc(8 * 1024 * 1024), method: 8 };
  const got = await readAdapterSource(zipFile([config, weights, { ...checkpoint, uncompressedSize: 5 }]));
  assert.equal(Buffer.from(got.weights), weights.data);
  await refusal([config, weights, { ...checkpoint, offsetOf: 1 }], /overlaps the data of another entry/);
});

test('a file that is not a zip, or a damaged one, is refused', async () => {
  const bytes = rawZip([config, weights]);
  const path = join(dir, 'cut.zip');
  writeFileSync(path, bytes.subarray(0, bytes.length - 30));
  const e = await errorOf(() => readAdapterSource(path));
  assert.is(e.code, 'E_BAD_ADAPTER');
  assert.match(e.message, /cut\.zip: is not a readable zip/);
});

test.run();
