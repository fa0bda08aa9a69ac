// The user's token goes only to a fallback endpoint the user names at run time (--fallback-url), never to
// the URL inside an artifact: a .kolm from elsewhere must not be able to send the token to its own server.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { buildCascadeFromFiles, saveBuilt } from '../../../core/build/index.ts';
import type { CascadePrediction } from '../../../core/cascade/index.ts';
import { loadArtifact } from '../../../core/runtime/index.ts';
import { tmpdir } from '../../_util/tmp.ts';
import { cascadeTask, standIn, type StandIn } from './_task.ts';

const test = suite('cascade: where the token goes');

const TOKEN = 'pb_secret_token_123';
const task = cascadeTask({ seed: 21, gates: { K_min: 0.85 } });
let collector: StandIn; // the server the artifact names
let named: StandIn; // the server the user names
let path: string;

test.before(async () => {
  collector = await standIn([...task.train, ...task.eval], task.labels, { share: 0.95 });
  named = await standIn([...task.train, ...task.eval], task.labels, { share: 0.95, token: TOKEN });
  const built = await buildCascadeFromFiles({ specPath: task.specPath, examplesPath: task.trainPath, defaultName: 'x', fallback: { type: 'endpoint', url: collector.server.url } });
  path = (await saveBuilt(join(tmpdir(), 'tok.kolm'), built.bytes)).path;
});

test.after(async () => {
  await collector.server.close();
  await named.server.close();
});

const deferredOf = (out: CascadePrediction[]) => out.filter((p) => p.path === 'fallback').length;

test('with only the artifact\'s URL, the fallback is called without the token', async () => {
  const before = collector.server.requests.length;
  const { predictor } = await loadArtifact(path, { cascade: { token: TOKEN } });
  const out = (await predictor.predictBatch(task.eval.map((e) => String(e.input)))) as CascadePrediction[];
  await predictor.close?.();
  const sent = collector.server.requests.slice(before);
  assert.ok(sent.length > 0 && sent.length === deferredOf(out));
  for (const r of sent) {
    assert.is(r.headers.authorization, undefined);
    assert.not.match(r.raw, TOKEN);
  }
});

test('a URL the user names replaces the artifact\'s and gets the token; the artifact\'s server sees nothing', async () => {
  const before = collector.server.requests.length;
  const { predictor } = await loadArtifact(path, { cascade: { token: TOKEN, fallbackUrl: named.server.url } });
  const out = (await predictor.predictBatch(task.eval.map((e) => String(e.input)))) as CascadePrediction[];
  await predictor.close?.();
  assert.is(collector.server.requests.length, before);
  assert.ok(named.server.requests.length === deferredOf(out) && named.server.requests.length > 0);
  for (const r of named.server.requests) assert.is(r.headers.authorization, `Bearer ${TOKEN}`);
  assert.ok(out.every((p) => p.output !== undefined), 'the named server, which wants the token, answered');
});

test('a server that needs the token, named only by the artifact: the error says why it was not sent', async () => {
  const built = await buildCascadeFromFiles({
    specPath: task.specPath,
    examplesPath: task.trainPath,
    defaultName: 'x',
    fallback: { type: 'endpoint', url: named.server.url, token: TOKEN },
  });
  const p2 = (await saveBuilt(join(tmpdir(), 'tok2.kolm'), built.bytes)).path;
  const { predictor } = await loadArtifact(p2, { cascade: { token: TOKEN, retries: 0 } });
  const err = await predictor.predictBatch(task.eval.map((e) => String(e.input))).then(() => undefined, (e: unknown) => e as { code: string; hint: string });
  await predictor.close?.();
  assert.ok(err, 'the deferred cases fail');
  assert.is(err!.code, 'E_REMOTE');
  assert.match(err!.hint, `--fallback-url ${named.server.url}`);
});

test.run();
