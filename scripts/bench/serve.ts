// `kolm serve` benchmark: POST /generate on a compiled artifact, side by side with a bare node:http server
// that answers a fixed JSON body (the ceiling on this machine). Each server runs in its own process, the
// load generator (autocannon, loopback, fixed duration) in this one. Prints req/s for both and their
// ratio, p50/p99 latency, errors and the server's peak RSS. Targets: ≥ 0.6 of the ceiling, p99 < 10 ms at
// 50 connections, zero errors.
// For a classifier it also serves the artifact on each classifier runtime (the default TypeScript scorer and
// onnxruntime-node), through core's serve service in a child process of this script (`--child`), so the
// two are compared in the same run under the same load.
//
//   node --import tsx scripts/bench/serve.ts [--duration 10] [--connections 50] [--rounds 3] [--logs] [--recipe extract]
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error autocannon ships no types
import autocannon from 'autocannon';
import { ArtifactSet, createHandler, listen, loadServedArtifact, Metrics } from '../../core/serve/index.ts';
import type { ClassifierRuntime } from '../../core/runtime/index.ts';
import { VERSION } from '../../core/version.ts';
import { slotArtifact } from '../../test/_util/slot-task.ts';
import { buildArtifact, getExport, migrateExport } from '../../core/migrate/index.ts';
import { tmpdir } from '../../test/_util/tmp.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i === -1 ? dflt : args[i + 1]!;
};
const duration = Number(arg('--duration', '10'));
const connections = Number(arg('--connections', '50'));
const withLogs = args.includes('--logs');
// Rounds per classifier runtime (median reported).
const ROUNDS = Number(arg('--rounds', '3'));

// Child mode: serve one artifact on the given classifier runtime, as `kolm serve --quiet` wires the service.
if (args[0] === '--child') {
  const served = await loadServedArtifact(args[1]!, { classifierRuntime: args[2] as ClassifierRuntime });
  const handler = createHandler({ artifacts: new ArtifactSet([served]), now: () => performance.now(), wallClock: () => Date.now(), metrics: new Metrics(), version: VERSION });
  const controller = new AbortController();
  process.on('SIGTERM', () => controller.abort());
  const server = await listen(handler, { port: 0, host: '127.0.0.1', requestTimeoutMs: 30_000, signal: controller.signal });
  console.log(JSON.stringify({ msg: 'listening', url: server.url }));
  await server.closed;
  process.exit(0);
}

// --recipe classifier (default: the case, the trec-questions classifier) or extract (a slot task).
const recipe = arg('--recipe', 'classifier');
const BODY =
  recipe === 'classifier'
    ? JSON.stringify({ inputs: 'How many miles is it from London to Paris ?', parameters: { max_new_tokens: 64 } })
    : JSON.stringify({ inputs: 'I want to go from Fresno to Boston.', parameters: { max_new_tokens: 64 } });
const FIXED = JSON.stringify({ generated_text: recipe === 'classifier' ? 'NUM' : '{"from_location":"Fresno","to_location":"Boston"}' });

const BARE = `
const http = require('node:http');
const body = ${JSON.stringify(FIXED)};
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ msg: 'listening', url: 'http://127.0.0.1:' + server.address().port })));
`;

function start(cmd: string, argv: string[]): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(cmd, argv, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buf = '';
    const onData = (d: Buffer) => {
      buf += d;
      for (const line of buf.split('\n')) {
        if (!line.startsWith('{')) continue;
        try {
          const l = JSON.parse(line);
          if (l.msg === 'listening') {
            // Drain the rest (request logs with --logs) so the pipe never blocks the server.
            proc.stdout!.off('data', onData);
            proc.stdout!.resume();
            return resolve({ proc, url: l.url });
          }
        } catch {
          /* a partial line */
        }
      }
    };
    proc.stdout!.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`${argv.join(' ')} exited ${code}`)));
  });
}

function peakRssMB(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

interface Result {
  side: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  requests: number;
  rssMB: number;
}

async function load(side: string, url: string, pid: number): Promise<Result> {
  const opts = {
    url: `${url}/generate`, method: 'POST', body: BODY, headers: { 'content-type': 'application/json' }, connections, duration, pipelining: 1,
  };
  await autocannon({ ...opts, duration: 2 }); // warm-up (JIT, connection setup)
  const r = await autocannon(opts);
  return {
    side, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx,
    requests: r.requests.total, rssMB: peakRssMB(pid),
  };
}

let artifact: string;
if (recipe === 'classifier') {
  const out = tmpdir(); // removed at exit
  const migrated = await migrateExport({ found: getExport(join(root, 'examples', 'trec-questions', 'predibase-export')), outDir: out, tmpDir: tmpdir() });
  artifact = (await buildArtifact(migrated)).artifactPath;
} else artifact = join(await slotArtifact(), 'slots.kolm');
const bare = await start(process.execPath, ['-e', BARE]);
const kolm = await start(process.execPath, [join(root, 'bin/kolm.mjs'), 'serve', artifact, '--port', '0', ...(withLogs ? [] : ['--quiet'])]);
const runtimes: ClassifierRuntime[] = recipe === 'classifier' ? ['ts', 'onnx'] : [];
const children: { proc: ChildProcess; url: string; runtime: ClassifierRuntime }[] = [];
try {
  for (const runtime of runtimes) children.push({ runtime, ...(await start(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', artifact, runtime])) });
  const ceiling = await load('bare node:http (fixed body)', bare.url, bare.proc.pid!);
  const ours = await load(`kolm serve /generate${withLogs ? ' (request logs on)' : ' (--quiet)'}`, kolm.url, kolm.proc.pid!);
  // Rounds in alternating order (ts, onnx, then onnx, ts, ...), so drift in the machine's other load hits
  // both alike; each runtime's median round is reported.
  const rounds: Result[][] = children.map(() => []);
  for (let r = 0; r < (children.length ? ROUNDS : 0); r++) {
    const order = r % 2 === 0 ? children.map((_, i) => i) : children.map((_, i) => children.length - 1 - i);
    for (const i of order) {
      const c = children[i]!;
      rounds[i]!.push(await load(`  classifier runtime '${c.runtime}'${c.runtime === 'ts' ? ' (default)' : ''}`, c.url, c.proc.pid!));
    }
  }
  const byRuntime = rounds.map((rs) => rs.slice().sort((x, y) => x.rps - y.rps)[Math.floor(rs.length / 2)]!);
  const fmt = (r: Result) =>
    `${r.side.padEnd(36)} ${r.rps.toFixed(0).padStart(8)} req/s  p50 ${String(r.p50).padStart(3)} ms  p99 ${String(r.p99).padStart(3)} ms  ` +
    `errors ${r.errors}  non-2xx ${r.non2xx}  requests ${r.requests}  peak RSS ${r.rssMB.toFixed(0)} MB`;
  console.log(`\n${connections} connections, ${duration} s each, loopback, ${process.version}`);
  console.log(fmt(ceiling));
  console.log(fmt(ours));
  if (byRuntime.length === 2) {
    console.log(`the same service on each classifier runtime (core/serve in a child process, no request logs; median of ${ROUNDS} alternating rounds):`);
    for (const r of byRuntime) console.log(fmt(r));
    children.forEach((c, i) => console.log(`  '${c.runtime}' req/s by round: ${rounds[i]!.map((r) => r.rps.toFixed(0)).join(', ')}`));
    console.log(`ts / onnx req/s: ${(byRuntime[0]!.rps / byRuntime[1]!.rps).toFixed(2)} (the default must not be slower: ≥ 1.00)`);
  }
  const ratio = ours.rps / ceiling.rps;
  console.log(`ratio ${ratio.toFixed(2)} of the ceiling (target ≥ 0.60); p99 ${ours.p99} ms (target < 10 ms); errors ${ours.errors + ours.non2xx} (target 0)`);
  const pass = ratio >= 0.6 && ours.p99 < 10 && ours.errors + ours.non2xx === 0;
  console.log(pass ? 'PASS' : 'MISS');
  process.exitCode = pass ? 0 : 1;
} finally {
  bare.proc.kill('SIGTERM');
  kolm.proc.kill('SIGTERM');
  for (const c of children) c.proc.kill('SIGTERM');
}
