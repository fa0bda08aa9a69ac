// Tokens/s of `kolm run` on an adapter artifact next to node-llama-cpp driven directly on the same base +
// adapter (target ≥ 0.9×), and the per-request overhead of `kolm serve` (HTTP + routing) over the in-process
// generator. The model is generated here (tiny llama, or BENCH_HIDDEN / BENCH_LAYERS for a bigger one);
// pass BENCH_BASE=base.gguf BENCH_ADAPTER=dir to measure a real model instead.
//   node --import tsx scripts/bench/adapter.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileAdapterArtifact } from '../../core/adapter/artifact.ts';
import { ADAPTER_GGUF_ENTRY } from '../../core/adapter/artifact.ts';
import { readArtifact } from '../../core/artifact/index.ts';
import { loadAdapterOnBase, loadNodeLlamaCpp, physicalCores } from '../../core/llm/runtime.ts';
import { loadArtifact } from '../../core/runtime/index.ts';
import { ArtifactSet, createHandler, listen, loadServedArtifact } from '../../core/serve/index.ts';
import { parseSpec } from '../../core/spec/index.ts';
import { adapterConfig, loraSafetensors, tinyBaseGguf, tinyLora, tinyWeights, writeAdapterFolder } from '../../test/_util/tiny-llama.ts';

const TOKENS = Number(process.env.BENCH_TOKENS ?? 64);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const threads = Number(process.env.BENCH_THREADS ?? physicalCores());
const runtime = { threads, gpu: false as const, contextSize: 256, sequencesPerAdapter: 1 };

const dir = mkdtempSync(join(tmpdir(), 'kolm-bench-'));
let basePath = process.env.BENCH_BASE;
let adapterDir = process.env.BENCH_ADAPTER;
if (!basePath || !adapterDir) {
  basePath = join(dir, 'base.gguf');
  writeFileSync(basePath, tinyBaseGguf(tinyWeights(7)));
  adapterDir = join(dir, 'adapter');
  mkdirSync(adapterDir);
  const lora = tinyLora(21, 4, 8);
  writeAdapterFolder(adapterDir, adapterConfig(lora), loraSafetensors(lora));
}
const spec = parseSpec({ kolm: 1, task: 'bench', shape: { input: 'string', output: 'string' }, base: 'kolm-test/tiny-llama', generation: { max_new_tokens: TOKENS } });
const built = await compileAdapterArtifact({
  spec, specFile: 'spec.json', adapterPath: adapterDir, base: { baseGguf: basePath }, name: 'bench', created: '2024-01-01T00:00:00Z', datasets: [], outputKind: 'short',
});
const artifactPath = join(dir, 'bench.kolm');
writeFileSync(artifactPath, built.bytes);
const prompt = 'the cat sat on the mat and';

// 1. node-llama-cpp directly: its own LlamaCompletion on a context with the same adapter file.
const nlc = await loadNodeLlamaCpp();
const llama = await nlc.getLlama({ gpu: false, build: 'never', maxThreads: threads, logLevel: nlc.LlamaLogLevel.error });
const model = await llama.loadModel({ modelPath: basePath });
const adapterFile = join(dir, 'adapter.gguf');
writeFileSync(adapterFile, (await readArtifact(artifactPath)).entries.get(ADAPTER_GGUF_ENTRY)!);
const context = await model.createContext({ contextSize: 256, threads, lora: { adapters: [{ filePath: adapterFile }] } });
const completion = new nlc.LlamaCompletion({ contextSequence: context.getSequence() });
let directTokens = 0;
let directMs = 0;
for (let i = 0; i <= RUNS; i++) {
  let n = 0;
  const t0 = performance.now();
  await completion.generateCompletion(prompt, { temperature: 0, maxTokens: TOKENS, onToken: (t) => (n += t.length) });
  if (i > 0) {
    directMs += performance.now() - t0;
    directTokens += n;
  }
}
await context.dispose();
await model.dispose();

// 2. kolm's runtime on the artifact (what `kolm run` calls per input).
const { predictor } = await loadArtifact(artifactPath, { adapter: { baseGguf: basePath, runtime, tmpDir: tmpdir() } });
let kolmTokens = 0;
let kolmMs = 0;
for (let i = 0; i <= RUNS; i++) {
  const t0 = performance.now();
  const out = await predictor.generator!.generate(prompt, { maxNewTokens: TOKENS, stop: [] });
  if (i > 0) {
    kolmMs += performance.now() - t0;
    kolmTokens += out.tokens.length;
  }
}

// 3. `kolm serve`: the same generation over HTTP, per-request overhead = HTTP time - in-process time.
const served = await loadServedArtifact(artifactPath, { adapter: { baseGguf: basePath, runtime, tmpDir: tmpdir() } });
const controller = new AbortController();
const server = await listen(createHandler({ artifacts: new ArtifactSet([served]), now: () => performance.now(), wallClock: () => Date.now(), version: 'bench' }), {
  port: 0, host: '127.0.0.1', requestTimeoutMs: 60_000, signal: controller.signal,
});
const SMALL = 4;
const timeIt = async (fn: () => Promise<unknown>, n: number) => {
  await fn();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn();
  return (performance.now() - t0) / n;
};
const inproc = await timeIt(() => served.predictor.generator!.generate(prompt, { maxNewTokens: SMALL, stop: [] }), 20);
const http = await timeIt(async () => {
  const r = await fetch(`${server.url}/generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ inputs: prompt, parameters: { max_new_tokens: SMALL } }) });
  await r.text();
}, 20);
controller.abort();
await server.closed;
await served.predictor.close?.();
await predictor.close?.();

const direct = directTokens / (directMs / 1000);
const kolm = kolmTokens / (kolmMs / 1000);
console.log(`threads ${threads}, ${TOKENS} new tokens × ${RUNS} runs, greedy, CPU`);
console.log(`node-llama-cpp direct (LlamaCompletion): ${direct.toFixed(1)} tokens/s`);
console.log(`kolm run (adapter artifact):             ${kolm.toFixed(1)} tokens/s  (${(kolm / direct).toFixed(2)}× direct; target ≥ 0.90×)`);
console.log(`kolm serve /generate (${SMALL} tokens): ${http.toFixed(2)} ms/request vs ${inproc.toFixed(2)} ms in-process → overhead ${(http - inproc).toFixed(2)} ms/request`);
