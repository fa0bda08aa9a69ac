// The OpenAI-style routes (openai.ts): /v1/completions, /v1/chat/completions and their streams, plain and
// --lorax-compat, driven over real HTTP on a loopback port. Expected bodies follow lorax-api.md §6.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { postJson, sseEvents, startServer, withServer, type Artifacts, type TestServer } from './_serve.ts';

const test = suite('serve openai routes');
let srv: TestServer;
let paths: Artifacts;
withServer(test, (s, p) => ((srv = s), (paths = p)));

test('POST /v1/completions and /v1/chat/completions: OpenAI reply shapes; model picks the artifact', async () => {
  const c = await (await postJson(`${srv.url}/v1/completions`, { model: 'other', prompt: 'Book me a bus to Reno.', max_tokens: 50 })).json();
  assert.equal(Object.keys(c), ['id', 'object', 'created', 'model', 'choices', 'usage']);
  assert.is(c.object, 'text_completion');
  assert.is(c.model, 'other');
  assert.equal(Object.keys(c.choices[0]), ['index', 'text', 'logprobs', 'finish_reason']);
  assert.equal(JSON.parse(c.choices[0].text), { to_location: 'Reno' });
  assert.is(c.choices[0].logprobs, null);
  assert.is(c.choices[0].finish_reason, 'stop');
  assert.equal(Object.keys(c.usage), ['prompt_tokens', 'total_tokens', 'completion_tokens']);
  assert.is(c.usage.total_tokens, c.usage.prompt_tokens + c.usage.completion_tokens);

  const chat = await (await postJson(`${srv.url}/v1/chat/completions`, {
    model: '', temperature: 0, messages: [{ role: 'system', content: 'be brief' }, { role: 'user', content: [{ type: 'text', text: 'Leaving from Boise please.' }] }],
  })).json();
  assert.equal(Object.keys(chat), ['id', 'object', 'created', 'model', 'system_fingerprint', 'choices', 'usage']);
  assert.is(chat.object, 'chat.completion');
  assert.equal(chat.choices[0].message.role, 'assistant');
  assert.equal(JSON.parse(chat.choices[0].message.content), { from_location: 'Boise' });
  assert.is(chat.choices[0].finish_reason, 'stop');

  const noUser = await postJson(`${srv.url}/v1/chat/completions`, { model: '', messages: [{ role: 'system', content: 'hi' }] });
  assert.is(noUser.status, 422);
  assert.is((await noUser.json()).error_type, 'template_error');
  const bad = await postJson(`${srv.url}/v1/completions`, { model: '', prompt: 'x', temperature: -2 });
  assert.equal(await bad.json(), { error: 'Input validation error: `temperature` must be non-negative', error_type: 'validation' });
});

test('/v1 streaming: one chunk per token, then data: [DONE]; the chat stream ends with finish_reason and usage', async () => {
  const text = await (await postJson(`${srv.url}/v1/chat/completions`, { model: 'slots', stream: true, messages: [{ role: 'user', content: 'Book me a bus to Reno.' }] })).text();
  const events = sseEvents(text);
  assert.is(events.at(-1)!.data, '[DONE]');
  const chunks = events.slice(0, -1).map((e) => JSON.parse(e.data));
  for (const ch of chunks) {
    assert.is(ch.object, 'chat.completion.chunk');
    assert.equal(Object.keys(ch.choices[0]), ['index', 'delta', 'finish_reason']);
  }
  const last = chunks.at(-1);
  assert.is(last.choices[0].finish_reason, 'stop');
  assert.equal(last.choices[0].delta, {}, 'on "stop" the last delta has no role or content');
  assert.ok(last.usage.completion_tokens > 0);
  assert.is(chunks.slice(0, -1).map((c) => c.choices[0].delta.content).join(''), '{"to_location":"Reno"}');
  assert.is(chunks[0].usage, null);

  const comp = sseEvents(await (await postJson(`${srv.url}/v1/completions`, { model: '', prompt: 'Book me a bus to Reno.', stream: true })).text());
  assert.is(comp.at(-1)!.data, '[DONE]');
  for (const e of comp.slice(0, -1)) assert.ok(JSON.parse(e.data).usage, 'completion chunks carry usage on every chunk');
});

test('--lorax-compat: the /v1 replies carry LoRAX\'s own values', async () => {
  const compat = await startServer([paths.slots], { loraxCompat: true });
  try {
    const c = await (await postJson(`${compat.url}/v1/completions`, { model: '', prompt: 'I want to go from Reno to Boston.', stop: ['Reno'] })).json();
    assert.is(c.id, 'null');
    assert.is(c.created, 0);
    assert.is(c.model, 'null');
    assert.is(c.choices[0].finish_reason, 'content_filter', 'LoRAX maps stop_sequence to content_filter');
    const chat = await (await postJson(`${compat.url}/v1/chat/completions`, { model: '', messages: [{ role: 'user', content: 'Book me a bus to Reno.' }] })).json();
    assert.is(chat.object, 'text_completion');
    assert.is(chat.id, 'null');
    assert.is(chat.model, 'slots', "chat answers with the base model_id");
    assert.is(chat.system_fingerprint, '0.1.0-native');
  } finally {
    await compat.close();
  }
});

test.run();
