import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readArtifact, writeArtifact } from '../../../core/artifact/index.ts';
import { kolm } from '../../_util/cli.ts';
import { manifestInput, noise, payload } from '../../core/artifact/_fixture.ts';

const test = suite('kolm inspect');
let dir = '';

test.before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kolm-inspect-'));
  await writeFile(join(dir, 'model.kolm'), await writeArtifact({ manifest: manifestInput(), entries: payload() }));
  const adapter = manifestInput({
    name: 'support-bot',
    kind: 'adapter',
    recipe: undefined,
    base: { id: 'meta-llama/Llama-3.1-8B-Instruct', revision: 'main' },
    output_kind: 'long',
  });
  const entries = new Map([['adapter/adapter_model.safetensors', noise(2048)]]);
  await writeFile(join(dir, 'signed.kolm'), await writeArtifact({ manifest: adapter, entries, signature: Buffer.from('{"mediaType":"x"}') }));
  const tampered = Buffer.from(await readFile(join(dir, 'model.kolm')));
  tampered[tampered.indexOf(noise(4096).subarray(0, 64)) + 10] ^= 0xff;
  await writeFile(join(dir, 'tampered.kolm'), tampered);
});
test.after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('prints a summary: kind, recipe, metrics, datasets, digests, entries, signature state', async () => {
  const r = await kolm(['inspect', 'model.kolm'], { cwd: dir });
  assert.is(r.code, 0, r.stderr);
  const out = r.stdout;
  assert.match(out, /^model\.kolm: \.kolm format 1\n/);
  assert.match(out, /  kind +recipe \(classifier, entry recipe\/recipe\.json\)\n/);
  assert.match(out, /  validation score +K 0\.912, pass 90\.0%, n 500, p50 0\.200 ms\n/);
  assert.match(out, /  train data +4,000 rows, sha256:a{64}\n/);
  assert.match(out, /  quantization +int8\n/);
  const art = await readArtifact(join(dir, 'model.kolm'));
  assert.match(out, new RegExp(`  root digest +${art.rootDigest}\n`));
  const fileSha = createHash('sha256').update(await readFile(join(dir, 'model.kolm'))).digest('hex');
  assert.match(out, ` ${fileSha}\n`);
  assert.match(out, /  signature +unsigned\n/);
  assert.match(out, new RegExp(`  recipe/model\\.onnx +4\\.0 KiB  ${art.manifest.files['recipe/model.onnx']}`));
  assert.match(out, /  kolm\.json +[\d.]+ (B|KiB)  manifest/);
});

test('a signed adapter shows its base ref and "signed (not verified here)"', async () => {
  const r = await kolm(['inspect', 'signed.kolm'], { cwd: dir });
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /  base +meta-llama\/Llama-3\.1-8B-Instruct@main\n/);
  assert.match(r.stdout, /  signature +signed \(not verified here: run kolm verify\)\n/);
  assert.match(r.stdout, /  kolm\.sig +17 B  signature/);
});

test('--json gives the manifest, file digest, root digest and signature state', async () => {
  const r = await kolm(['inspect', 'model.kolm', '--json'], { cwd: dir });
  assert.is(r.code, 0, r.stderr);
  const body = JSON.parse(r.stdout);
  const art = await readArtifact(join(dir, 'model.kolm'));
  assert.is(body.ok, true);
  assert.is(body.signature, 'unsigned');
  assert.is(body.root_digest, art.rootDigest);
  assert.equal(body.manifest, JSON.parse(JSON.stringify(art.manifest)));
  assert.is(body.bytes, (await readFile(join(dir, 'model.kolm'))).length);
});

test('a tampered artifact is refused with E_DIGEST_MISMATCH, exit 1, naming the entry', async () => {
  const r = await kolm(['inspect', 'tampered.kolm'], { cwd: dir });
  assert.is(r.code, 1);
  assert.match(r.stderr, 'error[E_DIGEST_MISMATCH]: tampered.kolm: entry "recipe/model.onnx" does not match its digest');
  assert.match(r.stderr, 'hint: the file was altered or truncated');
  const j = await kolm(['inspect', 'tampered.kolm', '--json'], { cwd: dir });
  assert.is(JSON.parse(j.stdout).error.code, 'E_DIGEST_MISMATCH');
});

test('a missing file and a file that is not an artifact are clear errors', async () => {
  const missing = await kolm(['inspect', 'nope.kolm'], { cwd: dir });
  assert.is(missing.code, 1);
  assert.match(missing.stderr, 'error[E_PATH_NOT_FOUND]: nope.kolm does not exist');
  await writeFile(join(dir, 'train.jsonl'), '{"input":"a","output":"b"}\n');
  const notZip = await kolm(['inspect', 'train.jsonl'], { cwd: dir });
  assert.is(notZip.code, 1);
  assert.match(notZip.stderr, 'error[E_BAD_ARTIFACT]: train.jsonl: is not a .kolm artifact');
});

test.run();
