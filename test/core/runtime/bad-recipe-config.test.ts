// A recipe config inside an artifact is the artifact's word, digest-checked but not trusted: one that is not
// JSON, not an object, of another recipe's shape, or that kolm.json points at the wrong entry for, is
// E_BAD_ARTIFACT naming the entry, at load or at the first prediction, never a plain exception.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readArtifact, writeArtifact, type ManifestInput } from '../../../core/artifact/index.ts';
import { compileRecipe, recipeArtifactBytes } from '../../../core/compile/index.ts';
import { KolmError } from '../../../core/errors.ts';
import type { RecipeType } from '../../../core/recipes/index.ts';
import { loadArtifact, type Example } from '../../../core/runtime/index.ts';
import type { Spec } from '../../../core/spec/index.ts';
import { noise } from '../artifact/_fixture.ts';
import { generateClasses } from '../recipes/classifier/_gen.ts';

const test = suite('runtime: bad recipe configs');
const spec: Spec = { kolm: 1, task: 't', shape: { input: 'string', output: 'string' } };
const meta = { spec, name: 'test', created: '2026-01-01T00:00:00.000Z', datasets: [] };

async function artifact(train: Example[], only: RecipeType): Promise<Uint8Array> {
  const outcome = await compileRecipe({ spec, train, only: [only] });
  await outcome.predictor.close?.();
  return recipeArtifactBytes(outcome, meta);
}

const lookupTrain: Example[] = Array.from({ length: 60 }, (_, i) => ({ input: `q${i % 20}`, output: `a${i % 20}` }));
let lookup: Uint8Array;
let classifier: Uint8Array;

test.before(async () => {
  lookup = await artifact(lookupTrain, 'lookup');
  classifier = await artifact(generateClasses(300, 4, 3), 'classifier');
});

/** The artifact with entries changed and kolm.json re-derived (a consistent, digest-valid artifact). */
async function tampered(bytes: Uint8Array, change: (entries: Map<string, Uint8Array>, manifest: ManifestInput) => ManifestInput | void): Promise<Uint8Array> {
  const c = await readArtifact(bytes);
  const entries = new Map(c.entries);
  const { files: _f, sizes: _s, ...rest } = c.manifest;
  const manifest: ManifestInput = structuredClone(rest);
  return writeArtifact({ manifest: change(entries, manifest) ?? manifest, entries });
}

async function refusedAtLoadOrPredict(bytes: Uint8Array, pattern: RegExp): Promise<void> {
  let error: unknown;
  try {
    const { predictor } = await loadArtifact(bytes, { name: 'x.kolm' });
    await predictor.predict('q1');
    await predictor.close?.();
  } catch (err) {
    error = err;
  }
  if (!(error instanceof KolmError)) throw new Error(`expected a KolmError, got ${(error as Error)?.stack ?? String(error)}`);
  assert.is(error.code, 'E_BAD_ARTIFACT', error.message);
  assert.match(error.message, pattern);
  assert.ok(error.hint);
}

const configEntry = async (bytes: Uint8Array) => (await readArtifact(bytes)).manifest.recipe!.entry;

test('the untampered artifacts load and predict (so each refusal below is the change it makes)', async () => {
  for (const bytes of [lookup, classifier]) {
    const { predictor } = await loadArtifact(bytes);
    await predictor.predict('q1');
    await predictor.close?.();
  }
});

test('recipe.entry pointing at a binary entry: not a JSON config', async () => {
  const bad = await tampered(lookup, (entries, m) => {
    entries.set('recipe/blob.bin', noise(512));
    m.recipe = { ...m.recipe!, entry: 'recipe/blob.bin' };
  });
  await refusedAtLoadOrPredict(bad, /"recipe\/blob\.bin": is not a JSON config/);
});

for (const [label, body, pattern] of [
  ['not UTF-8', Buffer.from([0xff, 0xfe, 0x7b, 0x7d]), /is not a JSON config/],
  ['truncated JSON', Buffer.from('{"table": {"a": '), /is not a JSON config/],
  ['a JSON array', Buffer.from('[1, 2, 3]'), /not an object \(an array\)/],
  ['JSON null', Buffer.from('null'), /not an object \(null\)/],
  ['a JSON string', Buffer.from('"lookup"'), /not an object \(string\)/],
] as const) {
  test(`a recipe config that is ${label} is refused`, async () => {
    const entry = await configEntry(lookup);
    await refusedAtLoadOrPredict(await tampered(lookup, (entries) => void entries.set(entry, body)), pattern);
  });
}

test('a lookup config naming a missing table, and a table that is not JSON', async () => {
  const lookupEntry = await configEntry(lookup);
  await refusedAtLoadOrPredict(await tampered(lookup, (entries) => void entries.set(lookupEntry, Buffer.from('{"entry": "recipe/none.json"}'))), /none\.json/);
  const table = JSON.parse(Buffer.from((await readArtifact(lookup)).entries.get(lookupEntry)!).toString()).entry as string;
  await refusedAtLoadOrPredict(await tampered(lookup, (entries) => void entries.set(table, Buffer.from('{"broken'))), /recipe config .* cannot be loaded/);
});

test('another recipe type\'s config: a lookup artifact relabelled as a classifier', async () => {
  await refusedAtLoadOrPredict(await tampered(lookup, (_e, m) => void (m.recipe = { ...m.recipe!, type: 'classifier' })), /./);
});

test.run();
