// Ingestion benchmark: a 1,000,000-row CSV (two text columns, quoted commas, quotes and line breaks) converted
// by kolm's DuckDB ingestion and by the plain Node approach a user would write (csv-parse + JSON.stringify).
// Each side runs in its own child process so peak RSS is per side. Checks both outputs hold the same rows,
// then prints the speed ratio and peak memory. Targets: ours ≥ 10× faster, ours under 500 MB peak RSS.
//
//   node --import tsx scripts/bench/ingest.ts [--rows 1000000] [--keep]
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../../core/util/random.ts';

interface SideResult {
  side: string;
  ms: number;
  maxRssMB: number;
  rows: number;
}

const self = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};

async function main(): Promise<void> {
  const rows = Number(arg('--rows') ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'kolm-bench-ingest-'));
  try {
    const csv = join(dir, 'data.csv');
    let t = Date.now();
    await generateCsv(csv, rows);
    console.log(`generated ${rows.toLocaleString('en-US')} rows in ${Date.now() - t} ms: ${csv}`);
    const naive = runChild('naive', csv, join(dir, 'naive'));
    const ours = runChild('ours', csv, join(dir, 'ours'));
    t = Date.now();
    const [a, b] = await Promise.all([digestJsonl(join(dir, 'naive', 'train.jsonl')), digestJsonl(join(dir, 'ours', 'train.jsonl'))]);
    const same = a.rows === b.rows && a.digest === b.digest && a.rows === rows;
    console.log(`outputs compared in ${Date.now() - t} ms: naive ${a.rows} rows, ours ${b.rows} rows, ${same ? 'identical rows in the same order' : 'DIFFERENT'}`);
    const table = [naive, ours].map((r) => `${r.side.padEnd(6)} ${String(r.ms).padStart(7)} ms   peak RSS ${String(r.maxRssMB).padStart(5)} MB`);
    console.log(table.join('\n'));
    const ratio = naive.ms / ours.ms;
    console.log(`speed ratio (naive / ours): ${ratio.toFixed(1)}×   target ≥ 10×: ${ratio >= 10 ? 'met' : 'NOT met'}`);
    console.log(`ours peak RSS ${ours.maxRssMB} MB   target < 500 MB: ${ours.maxRssMB < 500 ? 'met' : 'NOT met'}`);
    if (!same) process.exitCode = 1;
  } finally {
    if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  }
}

function runChild(side: string, csv: string, out: string): SideResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--side', side, '--csv', csv, '--out', out], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`${side} side failed (exit ${r.status})`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as SideResult;
}

// Text with the things that make CSV hard: the delimiter, doubled quotes and line breaks inside fields.
const WORDS = 'the a of to and in is it you that he was for on are with as I his they be at one have this from or had by hot word but what some we can out other were all there when up use your how said an each she which do their time if will way about many then them write would like so these her long make thing see him two has look more day could go come did number sound no most people my over know water than call first who may down side been now find'.split(' ');

async function generateCsv(path: string, rows: number): Promise<void> {
  const rand = seededRandom(7);
  const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
  const field = (min: number, spread: number) => {
    let s = words(min + Math.floor(rand() * spread));
    const r = rand();
    if (r < 0.3) s = s.replace(' ', ', ');
    else if (r < 0.4) s = `${s}\n${words(3)}`;
    else if (r < 0.45) s = `she said "${s}", then left`;
    return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const out = createWriteStream(path);
  out.write('question,answer\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    chunk += `${field(6, 12)},${field(2, 8)}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

async function runOurs(csv: string, outDir: string): Promise<SideResult> {
  const { convertExport, openIngestDb } = await import('../../core/ingest/index.ts');
  const started = performance.now();
  const db = await openIngestDb({ tmpDir: tmpdir() });
  try {
    const report = await convertExport({ db, exportPaths: [csv], mapping: { inputColumns: ['question'], outputColumn: 'answer' }, outDir });
    return finish('ours', started, report.totals.rowsOut.train);
  } finally {
    db.close();
  }
}

/** What a user would write: stream the CSV through csv-parse, JSON.stringify each record to a JSONL stream. */
async function runNaive(csv: string, outDir: string): Promise<SideResult> {
  const { parse } = await import('csv-parse');
  const { mkdirSync } = await import('node:fs');
  const started = performance.now();
  mkdirSync(outDir, { recursive: true });
  const out = createWriteStream(join(outDir, 'train.jsonl'));
  let rows = 0;
  for await (const rec of createReadStream(csv).pipe(parse({ columns: true, bom: true })) as AsyncIterable<Record<string, string>>) {
    if (!out.write(`${JSON.stringify({ input: rec.question, output: rec.answer })}\n`)) await once(out, 'drain');
    rows++;
  }
  out.end();
  await once(out, 'finish');
  return finish('naive', started, rows);
}

function finish(side: string, started: number, rows: number): SideResult {
  // maxRSS is in kilobytes and covers the whole life of this process: the per-side peak.
  return { side, ms: Math.round(performance.now() - started), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), rows };
}

/** Row count and a digest of the parsed rows in order, so two JSON encoders of the same rows compare equal. */
async function digestJsonl(path: string): Promise<{ rows: number; digest: string }> {
  const hash = createHash('sha256');
  let rows = 0;
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    if (!line) continue;
    const { input, output } = JSON.parse(line) as { input: string; output: string };
    hash.update(JSON.stringify([input, output]));
    hash.update('\n');
    rows++;
  }
  return { rows, digest: hash.digest('hex') };
}

// Last, so every const above is initialised before it runs.
if (arg('--side')) {
  const result = arg('--side') === 'ours' ? await runOurs(arg('--csv')!, arg('--out')!) : await runNaive(arg('--csv')!, arg('--out')!);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  await main();
}
