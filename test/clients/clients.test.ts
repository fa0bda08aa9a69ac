// Real clients, unmodified, against `kolm serve` as a child process: the openai npm SDK here, and
// lorax-client and openai for Python through drive.py (its venv from venv.sh, which .ci/run calls). Every
// Python check is a test of its own, by name, so the runner's totals count them.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import OpenAI, { APIError, BadRequestError, NotFoundError } from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { z } from 'zod';
import { repoRoot } from '../_util/tmp.ts';
import { clientsVenv, serveClientArtifacts, type Served } from './_fixture.ts';

const test = suite('real clients against kolm serve');
let served: Served;
let client: OpenAI;

const QUESTION = 'How many miles is it from London to Paris ?';
const BUS = 'Utterance: I want to go from Fresno to Boston.\nSlots: from_location,to_location\n### Response:';

// The checks drive.py runs, in its order; a check it did not report is a failure too.
const PY_CHECKS = [
  'lorax_generate_details', 'lorax_predibase_ids_route_to_the_artifact', 'lorax_predibase_sdk_style_client', 'lorax_unknown_adapter_is_generation_error',
  'lorax_generate_stream_matches_generate', 'lorax_stream_error_is_the_clients_exception', 'lorax_best_of', 'lorax_async_client',
  'lorax_response_format_label_enum', 'lorax_response_format_extract_object', 'lorax_response_format_refused_with_why', 'lorax_template_whitespace_tolerated',
  'lorax_adapter_artifact_generates', 'openai_models_list_and_retrieve', 'openai_completions_with_predibase_id', 'openai_completions_list_prompt',
  'openai_chat_and_stream_with_usage', 'openai_parse_pydantic_label', 'openai_parse_pydantic_extract', 'openai_parse_refused_with_why',
  'openai_unknown_model_not_found', 'openai_unsupported_parameters_named', 'openai_stream_error_mid_stream', 'openai_adapter_artifact_chat_stream',
];
let python: Promise<Map<string, { ok: boolean; detail?: string }>> | undefined;

function runDriver(): Promise<Map<string, { ok: boolean; detail?: string }>> {
  const py = join(clientsVenv(), 'bin/python');
  if (!existsSync(py)) {
    return Promise.reject(new Error(`no Python venv for the client suite at ${clientsVenv()}: run test/clients/venv.sh (network, once; .ci/run does it)`));
  }
  return new Promise((resolve, reject) => {
    const child = spawn(py, [join(repoRoot, 'test/clients/drive.py'), served.url, JSON.stringify(served.labels)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      const results = new Map<string, { ok: boolean; detail?: string }>();
      for (const line of out.split('\n')) if (line.startsWith('{')) {
        const r = JSON.parse(line) as { check: string; ok: boolean; detail?: string };
        results.set(r.check, r);
      }
      if (results.size === 0) reject(new Error(`drive.py exited ${code} without results: ${err}`));
      else resolve(results);
    });
  });
}

test.before(async () => {
  served = await serveClientArtifacts();
  client = new OpenAI({ baseURL: `${served.url}/v1`, apiKey: 'kolm-test', maxRetries: 0 });
});
test.after(async () => served?.close());

test('openai (npm): models.list() and models.retrieve() know the names and the Predibase ids', async () => {
  const ids: string[] = [];
  for await (const m of client.models.list()) ids.push(m.id);
  for (const want of ['trec-classifier', 'trec-questions/1', 'trec-questions', 'bus-slots/2', 'tiny-adapter/3']) assert.ok(ids.includes(want), `${want} in ${ids}`);
  assert.is((await client.models.retrieve('bus-slots/2')).id, 'bus-slots/2');
});

test('openai (npm): completions, a list prompt, and chat by Predibase id', async () => {
  const c = await client.completions.create({ model: 'trec-questions/1', prompt: QUESTION, max_tokens: 8 });
  assert.ok(served.labels.includes(c.choices[0]!.text), c.choices[0]!.text);
  const list = await client.completions.create({ model: 'bus-slots/2', prompt: [BUS, BUS.replace('Fresno', 'Reno')] });
  assert.equal(list.choices.map((x) => JSON.parse(x.text).from_location), ['Fresno', 'Reno']);
  const chat = await client.chat.completions.create({ model: 'bus-slots/2', messages: [{ role: 'user', content: BUS }], temperature: 0 });
  assert.equal(JSON.parse(chat.choices[0]!.message.content!), { from_location: 'Fresno', to_location: 'Boston' });
});

test('openai (npm): chat stream with stream_options.include_usage ends with a usage chunk', async () => {
  const stream = await client.chat.completions.create({ model: 'bus-slots/2', messages: [{ role: 'user', content: BUS }], stream: true, stream_options: { include_usage: true } });
  let text = '';
  let last: OpenAI.Chat.Completions.ChatCompletionChunk | undefined;
  for await (const ch of stream) {
    text += ch.choices[0]?.delta.content ?? '';
    last = ch;
  }
  assert.equal(JSON.parse(text), { from_location: 'Fresno', to_location: 'Boston' });
  assert.equal(last!.choices, []);
  assert.ok(last!.usage!.completion_tokens > 0);
});

test('openai (npm): chat.completions.parse with a zod schema, on the classifier and the extraction', async () => {
  const Answer = z.object({ label: z.enum(served.labels as [string, ...string[]]) });
  const a = await client.chat.completions.parse({ model: 'trec-questions/1', messages: [{ role: 'user', content: QUESTION }], response_format: zodResponseFormat(Answer, 'answer') });
  assert.ok(served.labels.includes(a.choices[0]!.message.parsed!.label));
  const Slots = z.object({ from_location: z.string().nullable(), to_location: z.string().nullable() });
  const s = await client.chat.completions.parse({ model: 'bus-slots/2', messages: [{ role: 'user', content: BUS }], response_format: zodResponseFormat(Slots, 'slots') });
  assert.equal(s.choices[0]!.message.parsed, { from_location: 'Fresno', to_location: 'Boston' });
});

test('openai (npm): refusals are the SDK\'s own errors with the server\'s message and param', async () => {
  const notFound = await client.completions.create({ model: 'trec-questions/5', prompt: QUESTION }).catch((e: unknown) => e);
  assert.instance(notFound, NotFoundError);
  assert.is((notFound as NotFoundError).code, 'model_not_found');
  assert.match((notFound as NotFoundError).message, /trec-questions\/5/);
  const n = await client.chat.completions.create({ model: 'trec-questions/1', messages: [{ role: 'user', content: QUESTION }], n: 3 }).catch((e: unknown) => e);
  assert.instance(n, BadRequestError);
  assert.is((n as BadRequestError).param, 'n');
  const wrong = await client.chat.completions
    .parse({ model: 'trec-questions/1', messages: [{ role: 'user', content: QUESTION }], response_format: zodResponseFormat(z.object({ count: z.number() }), 'count') })
    .catch((e: unknown) => e);
  assert.instance(wrong, BadRequestError);
  assert.match((wrong as BadRequestError).message, /response_format.*number/);
});

test('openai (npm): an error in the middle of a stream is an APIError carrying the server\'s message', async () => {
  const stream = await client.completions.create({ model: 'bus-slots/2', prompt: [BUS, 'not from the template'], stream: true });
  const indexes: number[] = [];
  const err = await (async () => {
    for await (const ch of stream) indexes.push(...ch.choices.map((c) => c.index));
  })().catch((e: unknown) => e);
  assert.instance(err, APIError);
  assert.match((err as APIError).message, /takes an object input/);
  assert.ok(indexes.includes(0) && !indexes.includes(1), 'the first choice streamed, the second failed');
});

for (const name of PY_CHECKS) {
  test(`python: ${name}`, async () => {
    python ??= runDriver();
    const r = (await python).get(name);
    assert.ok(r, `drive.py did not report ${name}`);
    assert.ok(r.ok, r.detail);
  });
}

test('python: drive.py runs exactly the checks listed here', async () => {
  python ??= runDriver();
  assert.equal([...(await python).keys()], PY_CHECKS);
});

test.run();
