// A fuzz pass over ingestion: mutated CSV and JSON-lines exports through the real convert (real DuckDB),
// seeded. Each either converts or fails with a KolmError that has a code and a hint, and leaves nothing
// in the output folder. Bounded by a count and a time budget; prints how many it tried.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir as osTmpdir } from 'node:os';
import { join } from 'node:path';
import { convertExport, openIngestDb } from '../../../core/ingest/index.ts';
import { KolmError } from '../../../core/errors.ts';
import { seededRandom } from '../../../core/util/random.ts';
import { tmpdir } from '../../_util/tmp.ts';
import { mutate } from '../artifact/_mutate.ts';

const test = suite('ingest fuzz');
const CASES = Number(process.env.KOLM_FUZZ_CASES ?? 400);
const BUDGET_MS = Number(process.env.KOLM_FUZZ_BUDGET_MS ?? 60_000);

const csv = Buffer.from(
  'q,a,split\n"hello, world",yes,0\nfoo,bar,1\n"multi\nline",x,2\nplain,"quoted ""x""",0\n' + Array.from({ length: 30 }, (_, i) => `r${i},o${i % 3},${i % 3}`).join('\n') + '\n',
);
const jsonl = Buffer.from(Array.from({ length: 30 }, (_, i) => JSON.stringify({ q: `r${i} ✓`, a: { x: i }, split: i % 3 })).join('\n') + '\n');

test(`${CASES} mutated CSV / JSONL exports: converted, or a KolmError with a code and nothing written`, async () => {
  const db = await openIngestDb({ tmpDir: osTmpdir(), memoryLimit: '256MB' });
  const root = tmpdir();
  const rand = seededRandom(31);
  const codes = new Map<string, number>();
  const started = Date.now();
  let tried = 0;
  try {
    for (; tried < CASES && Date.now() - started < BUDGET_MS; tried++) {
      const ext = tried % 2 ? 'csv' : 'jsonl';
      const body = mutate(ext === 'csv' ? csv : jsonl, rand);
      const d = join(root, `c${tried}`);
      mkdirSync(d);
      writeFileSync(join(d, `train.${ext}`), body);
      const outDir = join(d, 'out');
      try {
        await convertExport({ db, exportPaths: [join(d, `train.${ext}`)], mapping: { inputColumns: ['q'], outputColumn: 'a' }, outDir });
        codes.set('converted', (codes.get('converted') ?? 0) + 1);
      } catch (err) {
        if (!(err instanceof KolmError)) throw new Error(`case ${tried} (${ext}): not a KolmError: ${(err as Error)?.stack ?? String(err)}\nbody: ${body.toString('base64')}`);
        assert.ok(err.hint, `case ${tried}: ${err.code} has a hint`);
        assert.not.ok(existsSync(outDir), `case ${tried}: nothing written`);
        codes.set(err.code, (codes.get(err.code) ?? 0) + 1);
      }
      rmSync(d, { recursive: true, force: true });
    }
  } finally {
    db.close();
  }
  console.log(`  ingest fuzz: ${tried} cases in ${Date.now() - started} ms: ${JSON.stringify(Object.fromEntries(codes))}`);
  assert.ok(tried >= Math.min(CASES, 50));
});

test.run();
