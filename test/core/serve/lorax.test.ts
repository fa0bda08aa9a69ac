// The LoRAX routes (lorax.ts): /generate, /generate_stream, /, /health, /info and /metrics, driven over real
// HTTP on a loopback port. Expected bodies are written from LoRAX's API (shared reference lorax-api.md §2-§4),
// not from this server's output. The /metrics test reads the requests the tests before it made.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { BUS_TEMPLATE, ERROR_KEYS, postJson, sseEvents, TOKEN_KEYS, withServer, type TestServer } from './_serve.ts';

const test = suite('serve lorax routes');
let srv: TestServer;
withServer(test, (s) => (srv = s));

test('POST /generate: GenerateResponse with only generated_text when details is off (router default)', async () => {
  const r = await postJson(`${srv.url}/generate`, { inputs: 'I want to go from Reno to Boston.' });
  assert.is(r.status, 200);
  assert.is(r.headers.get('content-type'), 'application/json');
  assert.is(r.headers.get('x-model-id'), 'slots');
  assert.ok(r.headers.get('x-compute-time'));
  const body = await r.json();
  assert.equal(Object.keys(body), ['generated_text']);
  assert.equal(JSON.parse(body.generated_text), { from_location: 'Reno', to_location: 'Boston' });
});

test('POST /generate with details: the Details schema field by field', async () => {
  const r = await postJson(`${srv.url}/generate`, { inputs: 'Book me a bus to Denver.', parameters: { details: true } });
  const body = await r.json();
  assert.equal(Object.keys(body), ['generated_text', 'details']);
  const d = body.details;
  // LoRAX's Details fields in its order, then kolm's own: the recipe's confidence (clients ignore extra keys).
  assert.equal(Object.keys(d), ['finish_reason', 'prompt_tokens', 'generated_tokens', 'skipped_tokens', 'seed', 'prefill', 'tokens', 'confidence']);
  assert.ok(d.confidence > 0 && d.confidence <= 1, `confidence ${d.confidence}`);
  assert.is(d.finish_reason, 'eos_token');
  assert.is(typeof d.prompt_tokens, 'number');
  assert.ok(d.prompt_tokens > 0);
  assert.is(d.skipped_tokens, 0);
  assert.is(d.seed, null, 'no sampling → no seed');
  assert.equal(d.prefill, [], 'prefill is [] unless decoder_input_details');
  assert.is(d.generated_tokens, d.tokens.length);
  for (const t of d.tokens) {
    assert.equal(Object.keys(t), TOKEN_KEYS);
    assert.is(typeof t.id, 'number');
    assert.is(typeof t.logprob, 'number');
    assert.is(t.skipped, false);
  }
  const last = d.tokens.at(-1);
  assert.is(last.special, true, 'generation ended on the end-of-sequence token');
  assert.is(d.tokens.slice(0, -1).map((t: { text: string }) => t.text).join(''), body.generated_text, 'tokens join to generated_text');
  assert.equal(JSON.parse(body.generated_text), { to_location: 'Denver' });
});

test('stop sequences cut after the stop (finish stop_sequence); max_new_tokens cuts by token count (finish length)', async () => {
  const stop = await (await postJson(`${srv.url}/generate`, { inputs: 'I want to go from Reno to Boston.', parameters: { stop: ['Reno'], details: true } })).json();
  assert.is(stop.generated_text, '{"from_location":"Reno');
  assert.is(stop.details.finish_reason, 'stop_sequence');
  const len = await (await postJson(`${srv.url}/generate`, { inputs: 'I want to go from Reno to Boston.', parameters: { max_new_tokens: 2, details: true } })).json();
  assert.is(len.details.finish_reason, 'length');
  assert.is(len.details.generated_tokens, 2);
  assert.is(len.generated_text, '{"from_location');
});

test('return_full_text prepends inputs; seed comes back when sampling; decoder_input_details fills prefill', async () => {
  const inputs = 'Book me a bus to Miami.';
  const full = await (await postJson(`${srv.url}/generate`, { inputs, parameters: { return_full_text: true } })).json();
  assert.is(full.generated_text, `${inputs}{"to_location":"Miami"}`);
  const seeded = await (await postJson(`${srv.url}/generate`, { inputs, parameters: { do_sample: true, seed: 42, details: true } })).json();
  assert.is(seeded.details.seed, 42);
  const pre = await (await postJson(`${srv.url}/generate`, { inputs, parameters: { decoder_input_details: true } })).json();
  assert.ok(pre.details, 'decoder_input_details alone brings details');
  assert.is(pre.details.prefill[0].logprob, null, 'the first prefill token has no logprob');
  assert.equal(Object.keys(pre.details.prefill[0]), ['id', 'text', 'logprob']);
  assert.is(pre.details.prefill.map((t: { text: string }) => t.text).join(''), inputs);
  const best = await (await postJson(`${srv.url}/generate`, { inputs, parameters: { best_of: 2, do_sample: true, details: true } })).json();
  assert.is(best.details.best_of_sequences.length, 1);
  assert.equal(Object.keys(best.details.best_of_sequences[0]), ['generated_text', 'finish_reason', 'generated_tokens', 'seed', 'prefill', 'tokens']);
});

test("the lorax-client body (every Parameters field, nulls included) on POST / answers a one-element array", async () => {
  const clientBody = {
    inputs: 'Leaving from Tulsa please.',
    parameters: {
      adapter_id: null, adapter_source: null, merged_adapters: null, api_token: null, do_sample: false, max_new_tokens: null,
      ignore_eos_token: false, repetition_penalty: null, return_full_text: false, stop: [], seed: null, temperature: null, top_k: null,
      top_p: null, truncate: null, typical_p: null, best_of: null, watermark: false, details: true, decoder_input_details: false,
      return_k_alternatives: null, response_format: null,
    },
    stream: false,
  };
  for (const path of ['/', '/invocations']) {
    const r = await postJson(`${srv.url}${path}`, clientBody);
    assert.is(r.status, 200, path);
    const body = await r.json();
    assert.ok(Array.isArray(body), `${path} answers a JSON array`);
    assert.is(body.length, 1);
    assert.equal(JSON.parse(body[0].generated_text), { from_location: 'Tulsa' });
    assert.equal(Object.keys(body[0].details), ['finish_reason', 'prompt_tokens', 'generated_tokens', 'skipped_tokens', 'seed', 'prefill', 'tokens', 'confidence']);
  }
});

test('POST /generate_stream: token events, then the final event with generated_text and StreamDetails; no [DONE]', async () => {
  const r = await postJson(`${srv.url}/generate_stream`, { inputs: 'I want to go from Omaha to Reno.', parameters: { details: true } });
  assert.is(r.status, 200);
  assert.match(r.headers.get('content-type')!, /^text\/event-stream/);
  assert.is(r.headers.get('cache-control'), 'no-cache');
  const text = await r.text();
  assert.not.match(text, /\[DONE\]/);
  assert.not.match(text, /^event:|^id:/m, 'axum frames data lines only');
  const events = sseEvents(text).map((e) => JSON.parse(e.data));
  assert.ok(events.length > 2);
  for (const e of events.slice(0, -1)) {
    assert.equal(Object.keys(e), ['token', 'generated_text', 'details']);
    assert.equal(Object.keys(e.token), TOKEN_KEYS);
    assert.is(e.generated_text, null);
    assert.is(e.details, null);
  }
  const last = events.at(-1);
  assert.equal(JSON.parse(last.generated_text), { from_location: 'Omaha', to_location: 'Reno' });
  assert.equal(Object.keys(last.details), ['finish_reason', 'prompt_tokens', 'generated_tokens', 'seed', 'confidence']);
  assert.is(last.details.finish_reason, 'eos_token');
  assert.is(last.details.generated_tokens, events.length);
  assert.is(last.token.special, true);
  assert.is(events.slice(0, -1).map((e) => e.token.text).join(''), last.generated_text);

  const quiet = sseEvents(await (await postJson(`${srv.url}/generate_stream`, { inputs: 'Book me a bus to Reno.' })).text());
  assert.is(JSON.parse(quiet.at(-1)!.data).details, null, 'details:false → null details on the last event');

  const compat = sseEvents(await (await postJson(`${srv.url}/`, { inputs: 'Book me a bus to Reno.', stream: true })).text());
  assert.equal(JSON.parse(JSON.parse(compat.at(-1)!.data).generated_text), { to_location: 'Reno' }, 'POST / with stream:true streams too');
});

test('validation errors: 422 {"error","error_type":"validation"} with the router texts', async () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ temperature: -1 }, '`temperature` must be non-negative'],
    [{ top_p: 0 }, '`top_p` must be > 0.0 and < 1.0'],
    [{ top_p: 1.5 }, '`top_p` must be > 0.0 and < 1.0'],
    [{ typical_p: 1 }, '`typical_p` must be > 0.0 and < 1.0'],
    [{ top_k: 0 }, '`top_k` must be strictly positive'],
    [{ repetition_penalty: 0 }, '`repetition_penalty` must be strictly positive'],
    [{ frequency_penalty: 2.5 }, '`frequency_penalty` must be >= -2.0 and <= 2.0'],
    [{ presence_penalty: -3 }, '`presence_penalty` must be >= -2.0 and <= 2.0'],
    [{ max_new_tokens: 0 }, '`max_new_tokens` must be strictly positive'],
    [{ stop: ['a', 'b', 'c', 'd', 'e'] }, '`stop` supports up to 4 stop sequences. Given: 5'],
    [{ best_of: 2 }, 'you must use sampling when `best_of` is > 1'],
    [{ best_of: 3, do_sample: true }, '`best_of` must be > 0 and <= 2. Given: 3'],
    [{ best_of: 2, do_sample: true, seed: 1 }, '`seed` must not be set when `best_of` > 1'],
    [{ truncate: 0 }, '`truncate` must be strictly positive and less than 32768. Given: 0'],
    [{ return_k_alternatives: 0 }, '`return_k_alternatives` must be strictly positive'],
    [{ adapter_id: 'slots', merged_adapters: { ids: ['a'], weights: [1] } }, 'at most one of `adapter_id` or `adapters` may be provided'],
    [{ merged_adapters: { ids: [], weights: [] } }, 'at least one adapter ID must be provided when setting `adapters`'],
    [{ merged_adapters: { ids: ['a', 'b'], weights: [1] } }, 'number of adapter IDs must match number of adapter weights'],
  ];
  for (const [parameters, message] of cases) {
    const r = await postJson(`${srv.url}/generate`, { inputs: 'Book me a bus to Reno.', parameters });
    assert.is(r.status, 422, JSON.stringify(parameters));
    const body = await r.json();
    assert.equal(body, { error: `Input validation error: ${message}`, error_type: 'validation' }, JSON.stringify(parameters));
  }
  const empty = await postJson(`${srv.url}/generate`, { inputs: '' });
  assert.equal(await empty.json(), { error: 'Input validation error: `inputs` cannot be empty', error_type: 'validation' });
  const temp0 = await postJson(`${srv.url}/generate`, { inputs: 'Book me a bus to Reno.', parameters: { temperature: 0, top_p: 1.0 } });
  assert.is(temp0.status, 200, 'temperature 0 and top_p 1.0 are accepted by the router');
});

test('streaming routes answer validation errors as an error event with status 200', async () => {
  const r = await postJson(`${srv.url}/generate_stream`, { inputs: 'x', parameters: { temperature: -1 } });
  assert.is(r.status, 200);
  const events = sseEvents(await r.text());
  assert.is(events.length, 1);
  assert.equal(JSON.parse(events[0]!.data), { error: 'Input validation error: `temperature` must be non-negative', error_type: 'validation' });
  const best = sseEvents(await (await postJson(`${srv.url}/generate_stream`, { inputs: 'x', parameters: { best_of: 2, do_sample: true } })).text());
  assert.equal(JSON.parse(best[0]!.data), { error: 'Input validation error: `best_of` != 1 is not supported when streaming tokens', error_type: 'validation' });
  const dec = sseEvents(await (await postJson(`${srv.url}/generate_stream`, { inputs: 'x', parameters: { decoder_input_details: true } })).text());
  assert.equal(JSON.parse(dec[0]!.data), { error: 'Input validation error: `decoder_input_details` == true is not supported when streaming tokens', error_type: 'validation' });
});

test('adapter_id routes between two artifacts; no id → the first; an unknown id → LoRAX generation error 424', async () => {
  const first = await postJson(`${srv.url}/generate`, { inputs: 'Book me a bus to Reno.' });
  assert.is(first.headers.get('x-model-id'), 'slots');
  const other = await postJson(`${srv.url}/generate`, { inputs: 'Book me a bus to Reno.', parameters: { adapter_id: 'other' } });
  assert.is(other.status, 200);
  assert.is(other.headers.get('x-model-id'), 'other');
  assert.is(other.headers.get('x-adapter-id'), 'other');
  const empty = await postJson(`${srv.url}/generate`, { inputs: 'Book me a bus to Reno.', parameters: { adapter_id: '' } });
  assert.is(empty.headers.get('x-model-id'), 'slots', '"" is the base model');
  const unknown = await postJson(`${srv.url}/generate`, { inputs: 'x', parameters: { adapter_id: 'acme/7' } });
  assert.is(unknown.status, 424);
  const body = await unknown.json();
  assert.equal(Object.keys(body), ERROR_KEYS);
  assert.is(body.error_type, 'generation');
  assert.match(body.error, /^Request failed during generation: adapter `acme\/7` is not loaded; this server serves slots, other, bus-slots/);
  const byLog = srv.logs.filter((l) => l.path === '/generate' && l.status === 200).map((l) => l.artifact);
  assert.ok(byLog.includes('other') && byLog.includes('slots'), 'the request log names the artifact');
});

test('object-shaped input: the rendered prompt is read back through the template, or a JSON object of the fields', async () => {
  const rendered = BUS_TEMPLATE.replace('{utterance}', 'I want to go from Fresno to Denver.').replace('{requested_slots}', 'from_location,to_location');
  const r = await postJson(`${srv.url}/generate`, { inputs: rendered, parameters: { adapter_id: 'bus-slots' } });
  assert.is(r.status, 200);
  assert.equal(JSON.parse((await r.json()).generated_text), { from_location: 'Fresno', to_location: 'Denver' });
  const stripped = await postJson(`${srv.url}/generate`, { inputs: rendered.trimEnd(), parameters: { adapter_id: 'bus-slots' } });
  assert.is(stripped.status, 200);
  const asJson = await postJson(`${srv.url}/generate`, {
    inputs: JSON.stringify({ utterance: 'Book me a bus to Miami.', requested_slots: 'to_location' }),
    parameters: { adapter_id: 'bus-slots' },
  });
  assert.equal(JSON.parse((await asJson.json()).generated_text), { to_location: 'Miami' });
  const neither = await postJson(`${srv.url}/generate`, { inputs: 'just some words', parameters: { adapter_id: 'bus-slots' } });
  assert.is(neither.status, 422);
  const err = await neither.json();
  assert.is(err.error_type, 'validation');
  assert.match(err.error, /takes an object input.*a JSON object of its fields \((utterance, requested_slots|requested_slots, utterance)\)/, err.error);
});

test('GET /health, /ping, / → 200 empty; GET /info → LoRAX Info fields in order; GET /v1/models lists every artifact', async () => {
  for (const path of ['/health', '/ping', '/']) {
    const r = await fetch(`${srv.url}${path}`);
    assert.is(r.status, 200, path);
    assert.is(await r.text(), '');
  }
  const info = await (await fetch(`${srv.url}/info`)).json();
  assert.equal(Object.keys(info).slice(0, 19), [
    'model_id', 'model_sha', 'model_dtype', 'model_device_type', 'model_pipeline_tag', 'max_concurrent_requests', 'max_best_of',
    'max_stop_sequences', 'max_input_length', 'max_total_tokens', 'waiting_served_ratio', 'max_batch_total_tokens', 'max_waiting_tokens',
    'validation_workers', 'eager_prefill', 'version', 'sha', 'docker_label', 'request_logger_url',
  ]);
  assert.is(info.model_id, 'slots');
  assert.is(info.max_concurrent_requests, 1024);
  assert.is(info.max_best_of, 2);
  assert.is(info.max_stop_sequences, 4);
  assert.is(info.model_pipeline_tag, null);
  assert.equal(info.kolm.artifacts.map((a: { name: string }) => a.name), ['slots', 'other', 'bus-slots']);
  const models = await (await fetch(`${srv.url}/v1/models`)).json();
  assert.is(models.object, 'list');
  assert.equal(models.data.map((m: { id: string }) => m.id), ['slots', 'other', 'bus-slots']);
  assert.equal(Object.keys(models.data[0]), ['id', 'object', 'created', 'owned_by', 'root', 'parent']);
});

test('GET /metrics: Prometheus text with requests, a latency histogram, errors by type, per artifact; JSON form too', async () => {
  const text = await (await fetch(`${srv.url}/metrics`)).text();
  assert.match(text, /^# TYPE kolm_requests_total counter$/m);
  assert.match(text, /^kolm_requests_total\{route="\/generate",artifact="other",status="200"\} \d+$/m);
  assert.match(text, /^kolm_request_duration_seconds_bucket\{route="\/generate",artifact="slots",le="0\.005"\} \d+$/m);
  assert.match(text, /^kolm_request_duration_seconds_count\{route="\/generate",artifact="slots"\} \d+$/m);
  assert.match(text, /^kolm_request_errors_total\{route="\/generate",artifact="",error_type="validation"\} \d+$/m);
  assert.match(text, /^lorax_request_failure\{err="generation"\} \d+$/m);
  assert.match(text, /^lorax_request_count \d+$/m);
  for (const line of text.trim().split('\n')) {
    assert.match(line, /^(# (HELP|TYPE) \w+ .+|\w+(\{[^}]*\})? -?[\d.e+-]+)$/, `exposition line: ${line}`);
  }
  const json = await (await fetch(`${srv.url}/metrics?format=json`)).json();
  assert.is(json.lorax_request_count.type, 'counter');
  assert.ok(json.lorax_request_count.data[0].value > 0);
  assert.equal(Object.keys(json.lorax_request_duration.data[0]), ['key', 'value']);
});

test.run();
