// `kolm compile --cascade` through the real CLI against a loopback LoRAX stand-in: the threshold chosen and
// printed with its curve, the fallback's answers kept beside --out (a rerun sends none), a gate no threshold
// meets exits 3 with nothing written; then `kolm run` routes each case, `kolm eval` splits the report by
// path, and `kolm serve` says the path in details and counts it in /metrics.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kolm } from '../../_util/cli.ts';
import { tmpdir } from '../../_util/tmp.ts';
import { serveInProcess } from './_serve-inproc.ts';
import { cascadeTask, standIn, writeSpec } from '../../core/cascade/_task.ts';

const test = suite('kolm compile --cascade, then run, eval, serve');

const TOKEN = 'tok-cascade-cli-77';
const env = { PREDIBASE_API_TOKEN: TOKEN };

test('compile picks the threshold on the folds, run and eval route by it, serve reports the path', async () => {
  for (const seed of [21, 22]) {
    const task = cascadeTask({ seed, d: seed === 21 ? 5 : 7 });
    const s = await standIn([...task.train, ...task.eval], task.labels, { share: 0.95, token: TOKEN });
    try {
      const out = join(task.dir, 'intents.kolm');
      const base = ['compile', '--spec', task.specPath, '--examples', task.trainPath, '--eval', task.evalPath, '--cascade', '--fallback-url', s.server.url, '--adapter-id', 'intents/2', '--out', out];
      // A probe under a budget learns both ends on these folds; then a gate between them.
      const probe = await kolm([...base, '--max-fallback-share', '0.5', '--json'], { env });
      assert.is(probe.code, 0, probe.stderr);
      const p = JSON.parse(probe.stdout).cascade;
      assert.ok(p.recipe_only.K < p.fallback_only.K - 0.05, `recipe alone ${p.recipe_only.K}, fallback alone ${p.fallback_only.K}`);
      assert.ok(p.chosen.local >= 0.5 - 1e-9, 'the budget holds');
      assert.ok(existsSync(`${out}.cascade-cache.jsonl`), 'the fallback\'s answers are kept beside --out');
      const asked = s.server.requests.length;
      assert.ok(s.server.requests.every((r) => r.parameters.adapter_id === 'intents/2' && r.headers.authorization === `Bearer ${TOKEN}`));

      const kMin = Number((p.fallback_only.K - 0.02).toFixed(3));
      writeSpec(task, { K_min: kMin });
      const r = await kolm([...base, '--json'], { env });
      assert.is(r.code, 0, r.stderr);
      assert.is(s.server.requests.length, asked, 'a rebuild reads the fallback\'s answers from the cache');
      const j = JSON.parse(r.stdout);
      assert.is(j.ok, true);
      assert.is(j.kind, 'cascade');
      assert.ok(j.cascade.chosen.K >= kMin, `K whole ${j.cascade.chosen.K} ≥ ${kMin}`);
      assert.ok(j.cascade.chosen.local > 0 && j.cascade.chosen.local < 1);
      assert.equal(j.cascade.fallback, { type: 'endpoint', url: `${s.server.url}/generate`, kind: 'lorax', adapter_id: 'intents/2' });
      assert.ok(j.cascade.eval.requests_saved > 0);
      assert.ok(!r.stdout.includes(TOKEN));
      assert.not.match(r.stdout, /"[a-z]+[A-Z][A-Za-z]*":/, '--json keys are snake_case (recipe_only, fallback_cases, ...)');
      const threshold = j.cascade.threshold as number;

      const text = await kolm([...base.slice(0, -1), join(task.dir, 'text.kolm')], { env });
      assert.is(text.code, 0, text.stderr);
      assert.match(text.stdout, /← chosen/);
      assert.match(text.stdout, /cascade: the recipe answers at confidence ≥ /);
      assert.match(text.stdout, /requests .* not sent to the GPU/);

      // kolm run: confident cases answered locally, the rest by the stand-in (its answer, its request).
      const before = s.server.requests.length;
      const run = await kolm(['run', out, '--fallback-url', s.server.url], { env, stdin: task.eval.map((e) => JSON.stringify({ input: e.input })).join('\n') });
      assert.is(run.code, 0, run.stderr);
      const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
      assert.is(lines.length, task.eval.length);
      const deferred = lines.filter((l) => l.path === 'fallback');
      assert.ok(deferred.length > 0 && deferred.length < lines.length, `${deferred.length} of ${lines.length} deferred`);
      lines.forEach((l, i) => {
        if (l.path === 'local') assert.ok(l.confidence >= threshold);
        else {
          assert.is(l.path, 'fallback');
          assert.ok(l.recipe_confidence < threshold);
          assert.is(l.output, s.answerFor(String(task.eval[i]!.input)));
        }
      });
      assert.is(s.server.requests.length - before, deferred.length, 'only the deferred cases reach the fallback');

      // The token goes only to a URL the user names: without --fallback-url it is withheld, and the error says so.
      const unnamed = await kolm(['run', out, '--fallback-retries', '0'], { env, stdin: task.eval.map((e) => JSON.stringify({ input: e.input })).join('\n') });
      assert.is(unnamed.code, 1);
      assert.match(unnamed.stderr, /the token was not sent to .*the URL inside the artifact/);
      // --on-fallback-error local: a fallback that is down leaves the recipe's answers, flagged.
      const down = await kolm(['run', out, '--fallback-url', 'http://127.0.0.1:9', '--fallback-retries', '0', '--fallback-timeout', '2', '--on-fallback-error', 'local'], { env, stdin: task.eval.map((e) => JSON.stringify({ input: e.input })).join('\n') });
      assert.is(down.code, 0, down.stderr);
      const kept = down.stdout.trim().split('\n').map((l) => JSON.parse(l));
      assert.is(kept.filter((l) => l.low_confidence === true).length, deferred.length);
      assert.ok(kept.every((l) => l.path === 'local'));

      // kolm eval: the report splits by path.
      const ev = await kolm(['eval', out, '--examples', task.evalPath, '--fallback-url', s.server.url, '--json'], { env });
      assert.is(ev.code, 0, ev.stderr);
      const c = JSON.parse(ev.stdout).cascade;
      assert.is(c.local + c.fallback, task.eval.length);
      assert.is(c.fallback, deferred.length);
      assert.is(c.requests_saved, c.local);
      assert.ok(c.latency_ms.local && c.latency_ms.fallback);
      const evText = await kolm(['eval', out, '--examples', task.evalPath, '--fallback-url', s.server.url], { env });
      assert.match(evText.stdout, new RegExp(`cascade: local ${c.local} \\(`));
      assert.match(evText.stdout, new RegExp(`${c.requests_saved} requests not sent to the fallback`));

      if (seed === 21) {
        await serveChecks(out, s.server.url, task.eval.map((e) => String(e.input)), lines);
        await fallbackErrorMetrics(out, String(task.eval[deferred[0] === undefined ? 0 : lines.indexOf(deferred[0])]!.input));
      }
    } finally {
      await s.server.close();
    }
  }
});

/** kolm serve in-process: details say the path and the confidence; /metrics counts answers by path. */
async function serveChecks(out: string, fallbackUrl: string, inputs: string[], expected: { path: string; output: unknown }[]): Promise<void> {
  const srv = await serveInProcess([out, '--fallback-url', fallbackUrl], env);
  let stopped = false;
  try {
    const counts = { local: 0, fallback: 0 };
    for (let i = 0; i < 8; i++) {
      const res = await fetch(`${srv.url}/generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ inputs: inputs[i], parameters: { details: true } }) });
      assert.is(res.status, 200);
      const body = await res.json();
      assert.is(body.details.path, expected[i]!.path);
      assert.is(body.generated_text, expected[i]!.output);
      counts[body.details.path as 'local' | 'fallback']++;
      if (body.details.path === 'local') assert.type(body.details.confidence, 'number');
    }
    const metrics = await (await fetch(`${srv.url}/metrics`)).text();
    for (const path of ['local', 'fallback'] as const) {
      const m = new RegExp(`kolm_cascade_answers_total\\{artifact="intents",path="${path}"\\} (\\d+)`).exec(metrics);
      if (counts[path] === 0) assert.ok(!m);
      else assert.is(Number(m?.[1]), counts[path], metrics);
    }
    stopped = true;
    const { code, stderr } = await srv.stop();
    assert.is(code, 0, stderr);
  } finally {
    if (!stopped) await srv.stop();
  }
}

/** A fallback that is down: the request fails (policy error) or the recipe answers (local); /metrics counts each. */
async function fallbackErrorMetrics(out: string, unsure: string): Promise<void> {
  for (const policy of ['error', 'local'] as const) {
    const srv = await serveInProcess([out, '--fallback-url', 'http://127.0.0.1:9', '--fallback-retries', '0', '--on-fallback-error', policy], env);
    try {
      const res = await fetch(`${srv.url}/generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ inputs: unsure, parameters: { details: true } }) });
      if (policy === 'error') assert.ok(res.status >= 400, `status ${res.status}`);
      else {
        assert.is(res.status, 200);
        assert.is((await res.json()).details.path, 'local');
      }
      const metrics = await (await fetch(`${srv.url}/metrics`)).text();
      assert.match(metrics, `kolm_cascade_fallback_errors_total{artifact="intents",policy="${policy}"} 1`);
    } finally {
      const { code, stderr } = await srv.stop();
      assert.is(code, 0, stderr);
    }
  }
}

test('--fallback X.kolm: found beside the cascade by name at run time; a whole that misses the gate on --eval exits 3, nothing written', async () => {
  for (const [seed, d] of [[24, 6], [25, 4]] as const) await artifactFallbackCase(seed, d);
});

async function artifactFallbackCase(seed: number, d: number): Promise<void> {
  const task = cascadeTask({ seed, d });
  const jsonl = (xs: readonly { input: unknown; output: unknown }[]) => xs.map((x) => JSON.stringify(x)).join('\n') + '\n';
  const compile = (examples: string, out: string) => kolm(['compile', '--spec', task.specPath, '--examples', examples, '--recipe', 'classifier', '--out', out]);
  /** A cascade on `fallback` with K_min `margin` under what the fallback alone reaches on the folds (a probe learns it). */
  const cascade = async (fallback: string, out: string, margin: number) => {
    writeSpec(task, {});
    const probe = await kolm(['compile', '--spec', task.specPath, '--examples', task.trainPath, '--cascade', '--fallback', fallback, '--max-fallback-share', '0.5', '--out', join(task.dir, 'probe.kolm'), '--json']);
    assert.is(probe.code, 0, probe.stderr);
    const kMin = Number((JSON.parse(probe.stdout).cascade.fallback_only.K - margin).toFixed(3));
    writeSpec(task, { K_min: kMin });
    return { kMin, r: await kolm(['compile', '--spec', task.specPath, '--examples', task.trainPath, '--eval', task.evalPath, '--cascade', '--fallback', fallback, '--out', out, '--json']) };
  };
  // The fallback: a classifier that has seen every case, train and eval (a stand-in for a stronger model).
  writeFileSync(join(task.dir, 'all.jsonl'), jsonl([...task.train, ...task.eval]));
  const fallback = join(task.dir, 'memo.kolm');
  assert.is((await compile(join(task.dir, 'all.jsonl'), fallback)).code, 0);
  const out = join(task.dir, 'cascade.kolm');
  // No gate: the best K with at most half the cases sent to the fallback.
  writeSpec(task, {});
  const r = await kolm(['compile', '--spec', task.specPath, '--examples', task.trainPath, '--eval', task.evalPath, '--cascade', '--fallback', fallback, '--max-fallback-share', '0.5', '--out', out, '--json']);
  assert.is(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout).cascade;
  assert.equal({ type: j.fallback.type, name: j.fallback.name }, { type: 'artifact', name: 'memo' });
  assert.ok(j.chosen.local >= 0.5 && j.chosen.local < 1, `local ${j.chosen.local}`);
  assert.ok(j.eval.whole.K > j.eval.recipe_only.K, JSON.stringify(j.eval));

  // Shipped together in another folder: the cascade finds memo.kolm beside it (the digest decides).
  const shipped = tmpdir();
  copyFileSync(out, join(shipped, 'cascade.kolm'));
  copyFileSync(fallback, join(shipped, 'memo.kolm'));
  const run = await kolm(['run', join(shipped, 'cascade.kolm')], { stdin: jsonl(task.eval) });
  assert.is(run.code, 0, run.stderr);
  const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
  const direct = (await kolm(['run', fallback], { stdin: jsonl(task.eval) })).stdout.trim().split('\n').map((l) => JSON.parse(l));
  const deferred = lines.flatMap((l, i) => (l.path === 'fallback' ? [i] : []));
  assert.ok(deferred.length > 0 && deferred.length < lines.length);
  for (const i of deferred) assert.is(lines[i].output, direct[i].output, 'a deferred case is the fallback\'s answer');
  const alone = tmpdir();
  copyFileSync(out, join(alone, 'cascade.kolm'));
  const missing = await kolm(['run', join(alone, 'cascade.kolm'), 'hello'], { env: { KOLM_MODELS: alone } });
  assert.is(missing.code, 1);
  assert.match(missing.stderr, /memo\.kolm is in none of/);

  // A fallback that saw only the training rows looks strong on the folds (it has seen them), not on --eval.
  const rote = join(task.dir, 'rote.kolm');
  assert.is((await compile(task.trainPath, rote)).code, 0);
  const never = join(task.dir, 'never.kolm');
  const g = (await cascade(rote, never, 0.02)).r;
  assert.is(g.code, 3, g.stderr);
  assert.is(JSON.parse(g.stdout).ok, false);
  assert.match(g.stderr, /gate failed: K 0\.\d{3} is 0\.\d{3} under K_min/);
  assert.match(g.stderr, /nothing written/);
  assert.ok(!existsSync(never), 'nothing written');
}

test('a gate no threshold meets exits 3 with the curve and writes nothing; the flags go together', async () => {
  const task = cascadeTask({ seed: 23, gates: { K_min: 0.995 } });
  const s = await standIn(task.train, task.labels, { share: 0.8 });
  try {
    const out = join(task.dir, 'never.kolm');
    const r = await kolm(['compile', '--spec', task.specPath, '--examples', task.trainPath, '--cascade', '--fallback-url', s.server.url, '--out', out]);
    assert.is(r.code, 3, r.stderr);
    assert.match(r.stderr, /error\[E_GATE_FAILED\]: no cascade threshold meets the gates/);
    assert.ok(!existsSync(out), 'nothing written');
  } finally {
    await s.server.close();
  }
  const base = ['compile', '--spec', task.specPath, '--examples', task.trainPath, '--out', join(task.dir, 'x.kolm')];
  for (const [extra, why] of [
    [['--cascade'], /--cascade needs a fallback/],
    [['--fallback-url', 'http://127.0.0.1:9'], /--fallback-url is for a cascade: add --cascade/],
    [['--cascade', '--fallback', 'a.kolm', '--fallback-url', 'http://127.0.0.1:9'], /one fallback/],
    [['--cascade', '--fallback-url', 'http://127.0.0.1:9', '--on-fallback-error', 'retry'], /unknown --on-fallback-error "retry"/],
  ] as const) {
    const u = await kolm([...base, ...extra]);
    assert.is(u.code, 2, `${extra.join(' ')}: ${u.stderr}`);
    assert.match(u.stderr, why);
  }
});

test.run();
