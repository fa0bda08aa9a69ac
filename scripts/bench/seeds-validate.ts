// Benchmark (not a test): `kolm seeds validate` streams in constant memory. Writes a large JSONL file in
// the OS tmpdir (default 300 MB, `--mb N`), with one 8 MB line in the middle and a few bad lines, validates
// it, prints rows/s, MB/s and peak RSS, and deletes the file.
//   node --import tsx scripts/bench/seeds-validate.ts [--mb 300]
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateSeedsFile } from '../../core/seeds/index.ts';

const mbArg = process.argv.indexOf('--mb');
const targetBytes = (mbArg > 0 ? Number(process.argv[mbArg + 1]) : 300) * 1024 * 1024;
const dir = await mkdtemp(join(tmpdir(), 'kolm-bench-seeds-'));
const path = join(dir, 'seeds.jsonl');
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

try {
  const out = createWriteStream(path, { highWaterMark: 1024 * 1024 });
  let written = 0;
  let rows = 0;
  let batch: string[] = [];
  const flush = async () => {
    const text = batch.join('');
    batch = [];
    written += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  while (written < targetBytes) {
    rows++;
    if (rows % 1_000_003 === 0) batch.push('not json\n');
    else if (rows === 500_000) batch.push(`${JSON.stringify({ input: 'long '.repeat(1_600_000), output: 'LONG' })}\n`);
    else batch.push(`${JSON.stringify({ input: `row ${rows}: what is the capital of country number ${rows % 197}?`, output: `label_${rows % 6}` })}\n`);
    if (batch.length >= 2000) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');

  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  const started = performance.now();
  const report = await validateSeedsFile(path, { reporter: { progress: sample, info() {}, warn() {} } });
  const seconds = (performance.now() - started) / 1000;
  sample();

  console.log(`file:       ${mib(report.bytes)}, ${report.rows} rows (${report.badCount} bad, as planted)`);
  console.log(`time:       ${seconds.toFixed(2)} s`);
  console.log(`throughput: ${Math.round(report.rows / seconds).toLocaleString('en')} rows/s, ${(report.bytes / 1024 / 1024 / seconds).toFixed(0)} MiB/s`);
  console.log(`RSS:        ${mib(rssBefore)} before, ${mib(peakRss)} peak while validating (sampled every 8 MiB read); process maxRSS ${mib(process.resourceUsage().maxRSS * 1024)}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
