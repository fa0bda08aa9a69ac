// Decompression bounds on the whole zip: entries each under the per-entry ratio floor can still add up to
// far more than the file; the total is bounded by the file's size (× the ratio, plus the floor) as well as
// by the cap, from the central directory before anything is inflated. The writer keeps the same bound, so
// kolm reads all it writes.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildManifest, DEFAULT_LIMITS, readArtifact, writeArtifact } from '../../../core/artifact/index.ts';
import { maxInflatedTotal } from '../../../core/artifact/limits.ts';
import { readAdapterSource } from '../../../core/adapter/source.ts';
import { KolmError } from '../../../core/errors.ts';
import { tmpdir } from '../../_util/tmp.ts';
import { manifestInput, noise } from './_fixture.ts';
import { rawZip, type RawEntry } from './_rawzip.ts';

const test = suite('zip: total inflated size bounded by the file size');
const KiB = 1024;

/** A .kolm of `count` deflated entries of `each` zero bytes: each one under the per-entry floor. */
function manySmall(count: number, each: number): Buffer {
  const entries = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) entries.set(`recipe/part${String(i).padStart(4, '0')}.bin`, new Uint8Array(each));
  const { manifestBytes } = buildManifest({ ...manifestInput(), recipe: { type: 'lookup', entry: 'recipe/part0000.bin' } }, entries);
  const raw: RawEntry[] = [{ name: 'kolm.json', data: manifestBytes, method: 8 }, ...[...entries].map(([name, data]) => ({ name, data, method: 8 }))];
  return rawZip(raw);
}

async function refusal(fn: () => Promise<unknown>): Promise<KolmError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof KolmError) return err;
    throw err;
  }
  assert.unreachable('expected a refusal');
  throw new Error('unreachable');
}

for (const [count, each] of [[64, 512 * KiB], [400, 128 * KiB], [2000, 32 * KiB]] as const) {
  test(`${count} entries of ${each / KiB} KiB zeros (each under the floor) are refused from the directory`, async () => {
    const zip = manySmall(count, each);
    const total = count * each;
    assert.ok(each < DEFAULT_LIMITS.ratioFloorBytes, 'each entry is under the per-entry ratio floor');
    assert.ok(total > maxInflatedTotal(DEFAULT_LIMITS, zip.length), `${total} inflated from ${zip.length} bytes is over the bound`);
    const e = await refusal(() => readArtifact(zip, { name: 'bomb.kolm' }));
    assert.is(e.code, 'E_BAD_ARTIFACT', e.message);
    assert.match(e.message, /times the zip's \d+ bytes/);
  });
}

test('the same entries stored (ratio 1) are read', async () => {
  const entries = new Map<string, Uint8Array>();
  for (let i = 0; i < 64; i++) entries.set(`recipe/part${i}.bin`, noise(8 * KiB, `p${i}`));
  const bytes = await writeArtifact({ manifest: { ...manifestInput(), recipe: { type: 'lookup', entry: 'recipe/part0.bin' } }, entries });
  const back = await readArtifact(bytes);
  assert.is(back.entries.size, 64);
});

test('the bound is the ratio times the file size plus the floor, and never past the cap', () => {
  const limits = { maxTotalBytes: 10_000, maxRatio: 4, ratioFloorBytes: 100 };
  assert.is(maxInflatedTotal(limits, 0), 100);
  assert.is(maxInflatedTotal(limits, 1000), 4100);
  assert.is(maxInflatedTotal(limits, 5000), 10_000);
});

test('tightened limits: a deflated repetitive payload over ratio × size is refused; stored is not', async () => {
  const table = Buffer.from('{"k":"v"}'.repeat(20_000));
  const entries = new Map<string, Uint8Array>([['recipe/a.json', table], ['recipe/b.json', table]]);
  const manifest = { ...manifestInput(), recipe: { type: 'lookup' as const, entry: 'recipe/a.json' } };
  const deflated = await writeArtifact({ manifest, entries, compression: 'deflate' });
  const stored = await writeArtifact({ manifest, entries });
  // Each entry (180 kB) is under this floor, so only the whole-zip bound can stop them (360 kB from ~2 kB).
  const options = { maxRatio: 3, ratioFloorBytes: 200_000 };
  const e = await refusal(() => readArtifact(deflated, options));
  assert.match(e.message, /times the zip's/);
  await readArtifact(stored, options);
  await readArtifact(deflated); // under the default bounds it is fine
});

test('the writer stores everything when deflated small entries would pass the whole-zip bound', async () => {
  // 120 entries of 512 KiB zeros: each deflates ~1000:1 (under the 1 MiB floor, so each alone is allowed),
  // together 60 MiB from a ~70 KiB zip. Deflate would make an artifact kolm refuses to read.
  const entries = new Map<string, Uint8Array>();
  for (let i = 0; i < 120; i++) entries.set(`recipe/z${i}.bin`, new Uint8Array(512 * KiB));
  const bytes = await writeArtifact({ manifest: { ...manifestInput(), recipe: { type: 'lookup', entry: 'recipe/z0.bin' } }, entries, compression: 'deflate' });
  assert.ok(bytes.length > 120 * 512 * KiB, `stored: ${bytes.length} bytes`);
  const back = await readArtifact(bytes);
  assert.is(back.entries.size, 120);
});

test('the adapter-export reader bounds the entries it inflates by the zip size too', async () => {
  const dir = tmpdir();
  const config = Buffer.concat([Buffer.from('{"peft_type":"LORA","r":4,"lora_alpha":8,"target_modules":["q_proj"]}'), Buffer.alloc(1000 * KiB, 0x20)]);
  const weights = new Uint8Array(1000 * KiB);
  const path = join(dir, 'adapter.zip');
  writeFileSync(path, rawZip([{ name: 'adapter_config.json', data: config, method: 8 }, { name: 'adapter_model.safetensors', data: weights, method: 8 }]));
  const e = await refusal(() => readAdapterSource(path));
  assert.is(e.code, 'E_BAD_ADAPTER', e.message);
  assert.match(e.message, /times the zip's/);
});

test.run();
