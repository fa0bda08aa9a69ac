// The base pin comes from an artifact, so it is hostile input: its id and file name must name a file inside
// the models folder, and a pin without a digest is refused. Each climbing case has a real file waiting at
// the place the climb would reach, so a lookup that followed it would find (and hash) that file.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { baseFileProblem, baseIdProblem, findBaseForCompile, resolvePinnedBase, type BasePin } from '../../../core/adapter/base.ts';
import { checkManifest } from '../../../core/artifact/manifest.ts';
import { errorOf } from '../../_util/errors.ts';
import { tmpdir } from '../../_util/tmp.ts';
import { manifestInput } from '../artifact/_fixture.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const root = tmpdir();
const models = join(root, 'home', 'models');
mkdirSync(join(models, 'org', 'name'), { recursive: true });
writeFileSync(join(models, 'org', 'name', 'base.gguf'), 'BASE');
writeFileSync(join(models, 'flat.gguf'), 'FLAT');
// What a climbing name would reach: outside the models folder.
writeFileSync(join(root, 'secret.gguf'), 'SECRET');
writeFileSync(join(root, 'home', 'secret.gguf'), 'SECRET');
mkdirSync(join(root, 'org'), { recursive: true });
writeFileSync(join(root, 'org', 'secret.gguf'), 'SECRET');

const good: BasePin = { id: 'org/name', file: 'base.gguf', sha256: sha('BASE') };

test('a well-formed pin resolves inside the models folder, both layouts', async () => {
  assert.is(await resolvePinnedBase(good, { modelsDir: models }), join(models, 'org', 'name', 'base.gguf'));
  assert.is(await resolvePinnedBase({ id: 'other/model', file: 'flat.gguf', sha256: sha('FLAT') }, { modelsDir: models }), join(models, 'flat.gguf'));
});

const climbingFiles = ['../../secret.gguf', '../../../secret.gguf', '..\\..\\secret.gguf', `${root}/secret.gguf`, '..', 'a/../../../../secret.gguf'];
for (const file of climbingFiles) {
  test(`base file "${file}" is refused before any file is read`, async () => {
    const e = await errorOf(() => resolvePinnedBase({ id: 'org/name', file, sha256: sha('SECRET') }, { modelsDir: models }, 'x.kolm'));
    assert.is(e.code, 'E_BAD_ARTIFACT', e.message);
    assert.equal(e.place?.path, 'base.file');
    assert.not.ok(e.message.includes(sha('SECRET')), 'the file outside was not hashed');
  });
}

const climbingIds = ['../..', '..', '../../org', `${root}`, '/etc', 'a/../..', 'org/name/../../..', 'C:\\models', 'a//b', './x'];
for (const id of climbingIds) {
  test(`base id "${id}" is refused when looked up in the models folder`, async () => {
    const e = await errorOf(() => resolvePinnedBase({ id, file: 'secret.gguf', sha256: sha('SECRET') }, { modelsDir: models }, 'x.kolm'));
    assert.is(e.code, 'E_BAD_ARTIFACT', e.message);
    assert.equal(e.place?.path, 'base.id');
  });
}

test('the decoys sit where the climbing names land, and plain names are not refused', async () => {
  assert.is(join(models, '../../secret.gguf'), join(root, 'secret.gguf'));
  assert.is(join(models, '../..', 'secret.gguf'), join(root, 'secret.gguf'));
  for (const id of ['org/name', 'gpt2', 'meta-llama/Llama-3.1-8B-Instruct', 'a.b/c..d']) assert.is(baseIdProblem(id), null, id);
  for (const file of ['base.gguf', '..gguf', 'model-Q4_K_M.gguf']) assert.is(baseFileProblem(file), null, file);
});

test('a pin without a digest (or with a malformed one) is refused, even with --base-gguf', async () => {
  for (const sha256 of [undefined, '', 'abc', sha('BASE').toUpperCase()]) {
    const pin = { id: 'org/name', file: 'base.gguf', ...(sha256 !== undefined ? { sha256 } : {}) };
    for (const options of [{ modelsDir: models }, { baseGguf: join(models, 'org', 'name', 'base.gguf') }]) {
      const e = await errorOf(() => resolvePinnedBase(pin, options, 'x.kolm'));
      assert.is(e.code, 'E_BAD_ARTIFACT', e.message);
      assert.match(e.message, /without a SHA-256/);
    }
  }
});

test('a digest that differs is still E_BASE_MISMATCH naming both digests', async () => {
  const e = await errorOf(() => resolvePinnedBase({ ...good, sha256: sha('OTHER') }, { modelsDir: models }));
  assert.is(e.code, 'E_BASE_MISMATCH');
  assert.ok(e.message.includes(sha('BASE')) && e.message.includes(sha('OTHER')));
});

test('compile: a spec base that climbs is refused; --base-gguf is taken as the user gave it', async () => {
  const e = await errorOf(() => findBaseForCompile('../..', { modelsDir: models }));
  assert.is(e.code, 'E_BAD_SPEC', e.message);
  assert.is(await findBaseForCompile('../..', { baseGguf: join(root, 'secret.gguf') }), join(root, 'secret.gguf'));
  assert.is(await findBaseForCompile('org/name', { modelsDir: models }), join(models, 'org', 'name', 'base.gguf'));
});

test('the manifest itself refuses a base file with a folder part', () => {
  for (const file of ['../x.gguf', 'a/b.gguf', '..', 'a\\b.gguf', 'x\u0000.gguf']) {
    const m = { ...manifestInput({ kind: 'adapter', base: { id: 'org/name', file, sha256: sha('BASE') } }), format: 1, sizes: { total_bytes: 0, entries: {} }, files: {} };
    const r = checkManifest(m);
    assert.not.ok(r.ok, file);
    if (!r.ok) assert.ok(r.problems.some((p) => p.startsWith('base.file')), r.problems.join('; '));
  }
  const ok = checkManifest({ ...manifestInput({ kind: 'adapter', base: { id: 'org/name', file: 'base.Q8_0.gguf', sha256: sha('BASE') } }), format: 1, sizes: { total_bytes: 0, entries: {} }, files: {} });
  assert.ok(ok.ok, ok.ok ? '' : ok.problems.join('; '));
});

test.run();
