// Start-up of the built CLI (bin/kolm.mjs → dist/cli), side by side with `node -e 0` (the floor: Node's own
// start) measured in the same run. Each command runs as a whole process, alternating with the floor, and
// the medians are printed. Targets: `kolm --help` < 0.3 s; `kolm run` of one input is what a user piping
// single questions pays per call.
//
//   node --import tsx scripts/bench/startup.ts [--runs 15]
//   (run `npm run bundle` first: it measures dist/cli, what users install)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildArtifact, getExport, migrateExport } from '../../core/migrate/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] ?? 15) || 15;
const kolm = join(root, 'bin/kolm.mjs');
if (!existsSync(join(root, 'dist/cli/kolm.js'))) throw new Error('dist/cli is missing: run `npm run bundle` first');

const out = mkdtempSync(join(tmpdir(), 'kolm-startup-'));
const migrated = await migrateExport({ found: getExport(join(root, 'examples/trec-questions/predibase-export')), outDir: out, tmpDir: tmpdir() });
const built = await buildArtifact(migrated);

function seconds(argv: string[]): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t) / 1e9;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const cases: [string, string[]][] = [
  ['node -e 0 (floor)', ['-e', '0']],
  ['kolm --help', [kolm, '--help']],
  ['kolm --version', [kolm, '--version']],
  ['kolm run (one input)', [kolm, 'run', built.artifactPath, 'What is the capital of Peru ?']],
];
const times = new Map<string, number[]>(cases.map(([name]) => [name, []]));
for (let i = 0; i < runs; i++) for (const [name, argv] of cases) times.get(name)!.push(seconds(argv));

const floor = median(times.get(cases[0]![0])!);
console.log(`${'command'.padEnd(24)}  median s  min s   over floor`);
for (const [name] of cases) {
  const xs = times.get(name)!;
  console.log(`${name.padEnd(24)}  ${median(xs).toFixed(3).padStart(8)}  ${Math.min(...xs).toFixed(3)}   +${(median(xs) - floor).toFixed(3)} s`);
}
console.log(`target: kolm --help < 0.300 s (${median(times.get('kolm --help')!) < 0.3 ? 'met' : 'missed'}); ${runs} runs each, interleaved`);
