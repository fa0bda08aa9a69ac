// A server that echoes the token into any field (finish reason, error type, error text, a 4xx body, a
// nested detail) must not get it written to the resume cache, returned in a result, printed through the
// reporter or thrown in an error. One real HTTP server on loopback echoes it everywhere it can.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KolmError } from '../../../core/errors.ts';
import { recordingReporter } from '../../../core/progress.ts';
import { createRedactor, REDACTED, runRemote } from '../../../core/remote/index.ts';
import { redactDeep, redactKolmError } from '../../../core/remote/redact.ts';
import { tmpdir } from '../../_util/tmp.ts';
import { sendJson, sendLoraxError } from '../../_util/lorax-server.ts';
import { cases, fakeServers, fakeSleep } from './_remote.ts';

const test = suite('remote: the token is redacted in every string');
const { serve, closeAll } = fakeServers();
test.after.each(closeAll);

const TOKENS = ['pb_Secret-token_123', 'tok/with+url&chars=='];

for (const token of TOKENS) {
  test(`echoed in finish_reason, error_type, error text and output (${token}): nowhere in cache, results or reporter`, async () => {
    const lorax = await serve({
      token,
      handler(req, res) {
        const n = Number(req.inputs.split(' ')[1]);
        if (n === 0) return sendJson(res, 200, { generated_text: `out ${token}`, details: { finish_reason: `eos ${token}`, generated_tokens: 1, prompt_tokens: 1, tokens: [], prefill: [], seed: null, skipped_tokens: 0 } });
        if (n === 1) return sendLoraxError(res, 422, `validation_${token}`, `bad input, auth was Bearer ${token}`);
        if (n === 2) return sendLoraxError(res, 500, `generation ${encodeURIComponent(token)}`, `failed for ${encodeURIComponent(token)}`);
        return sendJson(res, 200, { generated_text: 'plain' });
      },
    });
    const cachePath = join(tmpdir(), 'ab-cache.jsonl');
    const reporter = recordingReporter();
    const results = await runRemote({ endpoint: lorax.url, cases: cases(4), token, cachePath, reporter, retries: 1, sleep: fakeSleep(), parameters: { details: true } });
    const everything = [readFileSync(cachePath, 'utf8'), JSON.stringify(results), JSON.stringify(reporter.events), JSON.stringify(reporter.infos), JSON.stringify(reporter.warnings)].join('\n');
    for (const form of [token, encodeURIComponent(token)]) assert.not.ok(everything.includes(form), `"${form}" leaked:\n${everything}`);
    assert.ok(readFileSync(cachePath, 'utf8').includes(REDACTED), 'the fields are kept, redacted');
    assert.match(results[0]!.finish_reason!, /^eos \[redacted\]$/);
    assert.match(results[1]!.error!.error_type!, /\[redacted\]/);
  });
}

test('a cache file that already holds the token (an older kolm) is read back redacted', async () => {
  const token = TOKENS[0]!;
  const lorax = await serve({ token, handler: (_req, res) => sendJson(res, 200, { generated_text: 'fresh' }) });
  const cachePath = join(tmpdir(), 'ab-cache.jsonl');
  // First run writes the lines with the right digests; then a hand edit puts the token in them.
  await runRemote({ endpoint: lorax.url, cases: cases(2), token, cachePath });
  writeFileSync(cachePath, readFileSync(cachePath, 'utf8').replaceAll('"fresh"', JSON.stringify(`old ${token}`)));
  const results = await runRemote({ endpoint: lorax.url, cases: cases(2), token, cachePath });
  assert.ok(results.every((r) => r.cached));
  assert.not.ok(JSON.stringify(results).includes(token));
});

test('a fatal answer quoting the token: the thrown error is clean in message, hint and details', async () => {
  const token = TOKENS[1]!;
  const lorax = await serve({ handler: (_req, res) => sendLoraxError(res, 401, `unauthorized ${token}`, `token ${token} is not valid`) });
  let error: unknown;
  try {
    await runRemote({ endpoint: lorax.url, cases: cases(3), token });
  } catch (err) {
    error = err;
  }
  assert.instance(error, KolmError);
  const text = JSON.stringify((error as KolmError).toJSON()) + (error as KolmError).message + ((error as KolmError).hint ?? '');
  assert.not.ok(text.includes(token) || text.includes(encodeURIComponent(token)), text);
});

test('redactDeep reaches nested strings and keys, and leaves numbers, booleans and null', () => {
  const redact = createRedactor(['s3cr3t']);
  const got = redactDeep({ a: 's3cr3t', n: 4, b: true, z: null, list: ['x s3cr3t y', { deep: ['s3cr3t'] }], ['key-s3cr3t']: 1 }, redact);
  assert.equal(got, { a: REDACTED, n: 4, b: true, z: null, list: [`x ${REDACTED} y`, { deep: [REDACTED] }], [`key-${REDACTED}`]: 1 });
  const e = new KolmError('E_REMOTE', 'said s3cr3t', { hint: 'not s3cr3t', place: { file: 's3cr3t.txt' }, details: { body: 's3cr3t' } });
  assert.equal(redactKolmError(e, redact).toJSON(), { code: 'E_REMOTE', message: `said ${REDACTED}`, hint: `not ${REDACTED}`, place: { file: `${REDACTED}.txt` }, details: { body: REDACTED } });
  const clean = new KolmError('E_REMOTE', 'nothing here');
  assert.is(redactKolmError(clean, redact), clean);
});

test.run();
