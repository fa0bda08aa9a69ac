// A fuzz pass over the artifact reader: thousands of mutations of valid .kolm files (stored, deflated,
// with data descriptors), seeded so a failure replays. Every refusal must be a KolmError with an artifact
// code, never another exception; every accepted file must still verify. Bounded by a case count and a
// time budget; it prints how many it tried. KOLM_FUZZ_CASES raises the count (CI default below).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildManifest, entryDigest, readArtifact, writeArtifact } from '../../../core/artifact/index.ts';
import { KolmError } from '../../../core/errors.ts';
import { seededRandom } from '../../../core/util/random.ts';
import { manifestInput, payload } from './_fixture.ts';
import { mutate } from './_mutate.ts';
import { rawZip, type RawEntry } from './_rawzip.ts';

const test = suite('artifact reader fuzz');
const CASES = Number(process.env.KOLM_FUZZ_CASES ?? 10000);
const BUDGET_MS = Number(process.env.KOLM_FUZZ_BUDGET_MS ?? 60_000);
const ALLOWED = new Set(['E_BAD_ARTIFACT', 'E_DIGEST_MISMATCH']);

async function seeds(): Promise<Buffer[]> {
  const entries = payload();
  const manifest = manifestInput();
  const stored = Buffer.from(await writeArtifact({ manifest, entries }));
  const deflated = Buffer.from(await writeArtifact({ manifest, entries, compression: 'deflate' }));
  const { manifestBytes } = buildManifest(manifest, entries);
  const raw: RawEntry[] = [{ name: 'kolm.json', data: manifestBytes, method: 8 }, ...[...entries].map(([name, data]) => ({ name, data, method: 8, descriptor: {} }))];
  const small = new Map([['recipe/recipe.json', Buffer.from('{"a":1}')]]);
  const tiny = Buffer.from(await writeArtifact({ manifest: { ...manifest, recipe: { type: 'lookup', entry: 'recipe/recipe.json' } }, entries: small }));
  return [stored, deflated, rawZip(raw), tiny];
}

test(`${CASES} mutated artifacts: KolmErrors with artifact codes, or files that still verify`, async () => {
  const bases = await seeds();
  for (const b of bases) await readArtifact(b); // the seeds themselves are valid
  const rand = seededRandom(20261203);
  const started = Date.now();
  const outcomes = new Map<string, number>();
  let tried = 0;
  for (; tried < CASES && Date.now() - started < BUDGET_MS; tried++) {
    const base = bases[tried % bases.length]!;
    const bytes = mutate(base, rand);
    try {
      const c = await readArtifact(bytes, { name: 'fuzz.kolm' });
      for (const [name, data] of c.entries) assert.is(entryDigest(data), c.manifest.files[name], `case ${tried}: accepted entry ${name} verifies`);
      outcomes.set('accepted', (outcomes.get('accepted') ?? 0) + 1);
    } catch (err) {
      if (!(err instanceof KolmError)) {
        throw new Error(`case ${tried} (seed ${tried % bases.length}): not a KolmError: ${(err as Error)?.stack ?? String(err)}\nbytes: ${bytes.toString('base64')}`);
      }
      assert.ok(ALLOWED.has(err.code), `case ${tried}: code ${err.code}: ${err.message}`);
      assert.ok(err.hint, `case ${tried}: has a hint`);
      outcomes.set(err.code, (outcomes.get(err.code) ?? 0) + 1);
    }
  }
  console.log(`  artifact fuzz: ${tried} cases in ${Date.now() - started} ms: ${JSON.stringify(Object.fromEntries(outcomes))}`);
  assert.ok(tried >= Math.min(CASES, 500), `tried ${tried}`);
});

test.run();
