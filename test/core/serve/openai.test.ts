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
  assert.is(noUser.status, 400);
  assert.match((await noUser.json()).error.message, /no user message/);
  const bad = await postJson(`${srv.url}/v1/completions`, { model: '', prompt: 'x', temperature: 3 });
  assert.is(bad.status, 400);
  assert.equal(await bad.json(), {
    error: { message: "Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got 3 instead.", type: 'invalid_request_error', param: 'temperature', code: 'decimal_above_max_value' },
  });
});

test('/v1 refusals are OpenAI errors: unknown model 404 model_not_found, unsupported parameters 400 naming the parameter', async () => {
  const unknown = await postJson(`${srv.url}/v1/completions`, { model: 'nope/3', prompt: 'x' });
  assert.is(unknown.status, 404);
  const u = (await unknown.json()).error;
  assert.equal([u.type, u.param, u.code], ['invalid_request_error', 'model', 'model_not_found']);
  assert.match(u.message, /nope\/3.*slots, other, bus-slots/);
  for (const [path, extra, param] of [
    ['/v1/completions', { n: 2 }, 'n'], ['/v1/completions', { logprobs: 1 }, 'logprobs'], ['/v1/chat/completions', { logprobs: true }, 'logprobs'],
    ['/v1/chat/completions', { tools: [{ type: 'function', function: { name: 'f' } }] }, 'tools'], ['/v1/chat/completions', { top_p: 1.5 }, 'top_p'],
    ['/v1/completions', { stream_options: { include_usage: true } }, 'stream_options'],
  ] as const) {
    const body = path.endsWith('chat/completions') ? { model: '', messages: [{ role: 'user', content: 'x' }], ...extra } : { model: '', prompt: 'x', ...extra };
    const r = await postJson(`${srv.url}${path}`, body);
    assert.is(r.status, 400, JSON.stringify(extra));
    assert.is((await r.json()).error.param, param);
  }
  const models = await fetch(`${srv.url}/v1/models/other`);
  assert.equal((await models.json()).id, 'other');
  const missing = await fetch(`${srv.url}/v1/models/nope`);
  assert.is(missing.status, 404);
  assert.is((await missing.json()).error.code, 'model_not_found');
});

test('/v1/completions: a list prompt gives one choice per prompt; ids are random, never a counter', async () => {
  const c = await (await postJson(`${srv.url}/v1/completions`, { model: '', prompt: ['Book me a bus to Reno.', 'Leaving from Boise please.'] })).json();
  assert.equal(c.choices.map((x: { index: number }) => x.index), [0, 1]);
  assert.equal(JSON.parse(c.choices[1].text), { from_location: 'Boise' });
  const again = await (await postJson(`${srv.url}/v1/completions`, { model: '', prompt: 'x y' })).json();
  assert.match(c.id, /^cmpl-[A-Za-z0-9_-]{20,}$/);
  assert.is.not(again.id, c.id);
});

test('/v1 streaming: one chunk per token, then data: [DONE]; the chat stream ends with finish_reason and usage', async () => {
  const text = await (await postJson(`${srv.url}/v1/chat/completions`, { model: 'slots', stream: true, messages: [{ role: 'user', content: 'Book me a bus to Reno.' }] })).text();
  const events = sseEvents(text);
  assert.is(events.at(-1)!.data, '[DONE]');
  const chunks = events.slice(0, -1).map((e) => JSON.parse(e.data));
  for (const ch of chunks) {
    assert.is(ch.object, 'chat.completion.chunk');
    assert.equal(Object.keys(ch.choices[0]), ['index', 'delta', 'logprobs', 'finish_reason']);
    assert.not.ok('usage' in ch, 'no usage without stream_options.include_usage');
  }
  assert.equal(chunks[0].choices[0].delta, { role: 'assistant', content: '' });
  const last = chunks.at(-1);
  assert.is(last.choices[0].finish_reason, 'stop');
  assert.equal(last.choices[0].delta, {});
  assert.is(chunks.slice(0, -1).map((c) => c.choices[0].delta.content).join(''), '{"to_location":"Reno"}');

  const comp = sseEvents(await (await postJson(`${srv.url}/v1/completions`, { model: '', prompt: 'Book me a bus to Reno.', stream: true, stream_options: { include_usage: true } })).text());
  assert.is(comp.at(-1)!.data, '[DONE]');
  const body = comp.slice(0, -1).map((e) => JSON.parse(e.data));
  for (const ch of body.slice(0, -1)) assert.is(ch.usage, null);
  assert.equal(body.at(-1).choices, []);
  assert.ok(body.at(-1).usage.completion_tokens > 0, 'include_usage: the last chunk has the usage and no choices');
});

test('/v1 answers what the router refuses in OpenAI\'s shape too: bad JSON, unknown routes and methods, huge bodies; LoRAX routes keep LoRAX\'s', async () => {
  const shape = async (r: Response, status: number) => {
    assert.is(r.status, status);
    const body = await r.json();
    assert.equal(Object.keys(body.error), ['message', 'type', 'param', 'code']);
    return body.error;
  };
  assert.match((await shape(await postJson(`${srv.url}/v1/completions`, '{"model":'), 400)).message, /parse the request body as JSON/);
  await shape(await fetch(`${srv.url}/v1/nope`), 404);
  await shape(await fetch(`${srv.url}/v1/completions`), 405);
  assert.is((await shape(await postJson(`${srv.url}/v1/completions`, { model: 1, prompt: 'x' }), 400)).param, 'model');
  const lorax = await postJson(`${srv.url}/generate`, '{"inputs":');
  assert.is(lorax.status, 400);
  assert.match(await lorax.text(), /^Failed to parse the request body as JSON/, 'LoRAX routes: axum\'s plain text');
});

test('response ids are random: a restarted server does not repeat them', async () => {
  const firstId = async () => {
    const fresh = await startServer([paths.slots]);
    try {
      return (await (await postJson(`${fresh.url}/v1/chat/completions`, { model: '', messages: [{ role: 'user', content: 'Book me a bus to Reno.' }] })).json()).id as string;
    } finally {
      await fresh.close();
    }
  };
  const [a, b] = [await firstId(), await firstId()];
  assert.match(a, /^chatcmpl-[A-Za-z0-9_-]{20,}$/);
  assert.is.not(a, b, 'the first answer of each run has its own id');
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
