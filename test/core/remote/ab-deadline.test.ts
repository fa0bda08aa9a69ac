// The A/B run as `kolm eval --against` drives it (evaluateRemote) carries the deadline down to the client:
// a loopback LoRAX that answers every case 429 with Retry-After: 30 stops the run at its deadline with an
// E_REMOTE that counts the finished cases and says a re-run resumes from the cache; the re-run does.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { evaluateRemote } from '../../../core/eval/ab.ts';
import { createScorer } from '../../../core/kscore/index.ts';
import type { Spec } from '../../../core/spec/index.ts';
import { tmpdir } from '../../_util/tmp.ts';
import { sendJson, sendLoraxError } from '../../_util/lorax-server.ts';
import { fakeServers, rejects } from './_remote.ts';

const test = suite('eval A/B: overall deadline');
const { serve, closeAll } = fakeServers();
test.after.each(closeAll);

const spec = { kolm: 1, name: 't', task: 'upper', shape: { input: 'string', output: 'string' } } as unknown as Spec;
const examples = Array.from({ length: 12 }, (_, i) => ({ input: `case ${i}`, output: `CASE ${i}` }));

test('every case told Retry-After 30: the A/B stops at its deadline, resumably; a re-run sends only the rest', async () => {
  let answering = false;
  const lorax = await serve({
    handler(req, res) {
      if (answering || String(req.inputs).includes('case 1')) return sendJson(res, 200, { generated_text: String(req.inputs).toUpperCase() });
      sendLoraxError(res, 429, 'overloaded', 'Model is overloaded', { 'retry-after': '30' });
    },
  });
  const cachePath = join(tmpdir(), 'ab-cache.jsonl');
  const scorer = createScorer('short', {});
  const started = Date.now();
  const e = await rejects(evaluateRemote(spec, examples, scorer, { url: lorax.url, cachePath, deadlineMs: 3_000, concurrency: 3 }));
  assert.is(e.code, 'E_REMOTE');
  assert.match(e.message, /deadline of 3000 ms after 1 of 12 cases/, e.message);
  assert.match(e.hint!, /run it again to resume/);
  assert.ok(Date.now() - started < 29_000, 'it did not sit out a 30 s Retry-After');

  answering = true;
  const sent = lorax.requests.length;
  const report = await evaluateRemote(spec, examples, scorer, { url: lorax.url, cachePath, deadlineMs: 60_000 });
  assert.is(lorax.requests.length - sent, 11, 'the finished case is not sent again');
  assert.equal([report.cases, report.errors, report.passed], [12, 0, 12]);
});

test.run();
