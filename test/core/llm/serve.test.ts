// `kolm serve` with two adapter artifacts on one base: one loaded model, requests routed by adapter_id,
// real tokens streamed on /generate_stream and the OpenAI streams, stop / max_new_tokens / details /
// response_format honoured. Everything generated here (tiny base, two PEFT adapters), run on llama.cpp.
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ArtifactSet, createHandler, listen, loadServedArtifact } from '../../../core/serve/index.ts';
import { loadedModelCount } from '../../../core/llm/runtime.ts';
import { textGenerator } from '../../../core/runtime/types.ts';
import { adapterFixture } from '../../_util/adapter-fixture.ts';
import { kolm } from '../../_util/cli.ts';
import { TEST_RUNTIME } from '../../_util/llm.ts';
import { postJson, sseEvents } from '../serve/_serve.ts';

const f = adapterFixture();
const paths: string[] = [];
for (const name of ['a', 'b']) {
  const out = join(f.dir, `${name}.kolm`);
  const r = await kolm(['compile', '--spec', f.specPath, '--adapter', f.adapters[name]!, '--name', `adapter-${name}`, '--out', out], { env: f.env, cwd: f.dir });
  if (r.code !== 0) throw new Error(r.stderr);
  paths.push(out);
}
const options = { adapter: { modelsDir: f.models, runtime: TEST_RUNTIME, tmpDir: f.dir } };
const loaded = [await loadServedArtifact(paths[0]!, options), await loadServedArtifact(paths[1]!, options)];
const controller = new AbortController();
const server = await listen(
  createHandler({ artifacts: new ArtifactSet(loaded), now: () => performance.now(), wallClock: () => Date.now(), version: '0.1.0' }),
  { port: 0, host: '127.0.0.1', requestTimeoutMs: 10_000, signal: controller.signal, graceMs: 1_000 },
);
const PROMPT = 'Q: the cat\nA:';

async function generate(adapterId: string, parameters: Record<string, unknown> = {}) {
  const res = await postJson(`${server.url}/generate`, { inputs: PROMPT, parameters: { adapter_id: adapterId, max_new_tokens: 12, ...parameters } });
  assert.is(res.status, 200, await res.clone().text());
  return (await res.json()) as { generated_text: string; details?: { finish_reason: string; generated_tokens: number; prompt_tokens: number; tokens: { id: number; text: string; logprob: number | null; special: boolean }[] } };
}

test('two adapters on one base share one loaded model, and adapter_id routes to each', async () => {
  assert.is(loadedModelCount(), 1);
  const a = await generate('adapter-a', { details: true });
  const b = await generate('adapter-b', { details: true });
  assert.is.not(a.generated_text, b.generated_text, 'the two adapters answer differently');
  // Each answer is exactly what that artifact's own generator gives (greedy, deterministic).
  for (const [i, got] of [a, b].entries()) {
    const direct = await textGenerator(loaded[i]!.predictor)!.generate(PROMPT, { maxNewTokens: 12, stop: [] });
    assert.is(got.generated_text, direct.text);
  }
  assert.is(a.details!.generated_tokens, a.details!.tokens.length);
  assert.is(a.details!.prompt_tokens, Buffer.byteLength(PROMPT), 'byte-level tokenizer: one token per byte');
  assert.ok(a.details!.tokens.every((t) => t.logprob !== null && t.logprob <= 0), 'details carry log-probabilities');
  const noId = await postJson(`${server.url}/generate`, { inputs: PROMPT, parameters: { max_new_tokens: 12 } });
  assert.is(((await noId.json()) as { generated_text: string }).generated_text, a.generated_text, 'no adapter_id: the first artifact');
});

test('/generate_stream sends the real tokens, the last with generated_text and details', async () => {
  const whole = await generate('adapter-b', { details: true });
  const res = await postJson(`${server.url}/generate_stream`, { inputs: PROMPT, parameters: { adapter_id: 'adapter-b', max_new_tokens: 12, details: true } });
  assert.is(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
  const events = sseEvents(await res.text()).map((e) => JSON.parse(e.data));
  assert.is(events.length, whole.details!.tokens.length);
  assert.equal(events.map((e) => e.token.id), whole.details!.tokens.map((t) => t.id));
  assert.ok(events.slice(0, -1).every((e) => e.generated_text === null && e.details === null));
  const last = events.at(-1);
  assert.is(last.generated_text, whole.generated_text);
  assert.is(last.details.finish_reason, whole.details!.finish_reason);
  assert.is(last.details.generated_tokens, events.length);
});

test('stop sequences, max_new_tokens and EOS end generation as LoRAX does', async () => {
  const whole = await generate('adapter-a', { max_new_tokens: 16, details: true });
  const text = whole.generated_text;
  const stop = [...text].slice(3, 5).join('');
  const stopped = await generate('adapter-a', { max_new_tokens: 16, stop: [stop], details: true });
  assert.is(stopped.details!.finish_reason, 'stop_sequence');
  assert.ok(stopped.generated_text.endsWith(stop) && text.startsWith(stopped.generated_text), JSON.stringify([stop, stopped.generated_text, text]));
  const short = await generate('adapter-a', { max_new_tokens: 3, details: true });
  assert.is(short.details!.finish_reason, 'length');
  assert.is(short.details!.generated_tokens, 3);
  assert.ok(['length', 'eos_token'].includes(whole.details!.finish_reason));
});

test('response_format json_schema constrains the output through the grammar', async () => {
  const schema = { type: 'object', properties: { label: { enum: ['positive', 'negative'] } }, required: ['label'], additionalProperties: false };
  const r = await generate('adapter-a', { max_new_tokens: 60, response_format: { type: 'json_schema', schema } });
  const value = JSON.parse(r.generated_text) as { label: string };
  assert.ok(['positive', 'negative'].includes(value.label), r.generated_text);
});

test('OpenAI completion and chat streams carry the same tokens and end with [DONE]', async () => {
  const whole = await generate('adapter-b', { max_new_tokens: 8 });
  const res = await postJson(`${server.url}/v1/completions`, { model: 'adapter-b', prompt: PROMPT, max_tokens: 8, stream: true });
  const events = sseEvents(await res.text());
  assert.is(events.at(-1)!.data, '[DONE]');
  const chunks = events.slice(0, -1).map((e) => JSON.parse(e.data));
  assert.is(chunks.map((c) => c.choices[0].text).join(''), whole.generated_text);
  assert.ok(chunks.slice(0, -1).every((c) => c.choices[0].finish_reason === null));
  assert.ok(chunks.at(-1).choices[0].finish_reason !== null);
  const chat = await postJson(`${server.url}/v1/chat/completions`, { model: 'adapter-b', messages: [{ role: 'user', content: 'the cat' }], max_tokens: 4, stream: true });
  const chatEvents = sseEvents(await chat.text());
  assert.is(chatEvents.at(-1)!.data, '[DONE]');
  assert.ok(chatEvents.length >= 2);
});

test('shutdown', async () => {
  controller.abort();
  for (const a of loaded) await a.predictor.close?.();
  assert.is(loadedModelCount(), 0, 'the shared model is disposed with its last adapter');
});

test.run();
