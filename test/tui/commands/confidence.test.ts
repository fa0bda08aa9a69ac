// What confidences are worth, through the real CLI: kolm compile prints the winner's ECE and coverage
// points (and --json has them), kolm eval the same from its report, --abstain-below answers the abstain
// output under a threshold in run and eval, and --classifier-runtime picks what scores the classifier.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kolm } from '../../_util/cli.ts';
import { cascadeTask } from '../../core/cascade/_task.ts';
import { serveInProcess } from './_serve-inproc.ts';

const test = suite('kolm confidence: ECE, coverage, abstain, classifier runtime');

/** A classifier on a label task with vague rows (so confidences spread), compiled through the CLI. */
async function classifier(seed: number, d: number) {
  const task = cascadeTask({ seed, d, perLabel: 50, vague: 0.3 });
  const out = join(task.dir, 'intents.kolm');
  const r = await kolm(['compile', '--spec', task.specPath, '--examples', task.trainPath, '--eval', task.evalPath, '--recipe', 'classifier', '--out', out, '--json']);
  assert.is(r.code, 0, r.stderr);
  return { task, out, summary: JSON.parse(r.stdout) };
}

test('compile: the winner\'s ECE and coverage curve, in --json and as one text line', async () => {
  for (const [seed, d] of [[11, 4], [12, 7]] as const) {
    const { task, summary } = await classifier(seed, d);
    const v = summary.validation;
    assert.type(v.ece, 'number');
    assert.ok(v.ece >= 0 && v.ece <= 1);
    assert.ok(v.coverage.length >= 2, 'a curve');
    // Highest threshold first; the share answered grows to all of it.
    for (let i = 1; i < v.coverage.length; i++) {
      assert.ok(v.coverage[i].threshold <= v.coverage[i - 1].threshold);
      assert.ok(v.coverage[i].answered >= v.coverage[i - 1].answered);
    }
    assert.is(v.coverage.at(-1).answered, 1);
    assert.type(summary.eval.ece, 'number');
    const text = await kolm(['compile', '--spec', task.specPath, '--examples', task.trainPath, '--eval', task.evalPath, '--recipe', 'classifier', '--out', join(task.dir, 't.kolm')]);
    assert.is(text.code, 0, text.stderr);
    const line = text.stdout.split('\n').find((l) => l.startsWith('confidence (validation): '));
    assert.ok(line, text.stdout);
    assert.ok(line!.includes(`ECE ${v.ece.toFixed(3)}`), line);
    assert.match(line!, /answering conf ≥ 0\.\d{3} covers \d+ % at K [01]\.\d{3}/);
    assert.ok(line!.endsWith(`all at K ${v.coverage.at(-1).K.toFixed(3)}`), line);
    assert.match(text.stdout, /^confidence \(eval\): ECE /m);
  }
});

test('eval: calibration and coverage in --json, ECE and coverage points in the text', async () => {
  const { task, out } = await classifier(13, 5);
  const j = await kolm(['eval', out, '--examples', task.evalPath, '--json']);
  assert.is(j.code, 0, j.stderr);
  const report = JSON.parse(j.stdout);
  assert.type(report.calibration.ece, 'number');
  assert.ok(report.coverage.length >= 2);
  const t = await kolm(['eval', out, '--examples', task.evalPath]);
  assert.is(t.code, 0, t.stderr);
  assert.ok(t.stdout.includes(`confidence: ECE ${report.calibration.ece.toFixed(3)}`), t.stdout);
  const mid = report.coverage.find((p: { answered: number }) => p.answered < 1);
  assert.ok(mid);
  assert.match(t.stdout, /covers \d+ % at K/);
});

test('--abstain-below: run answers the abstain output under the threshold, flagged, and eval scores it so', async () => {
  const { task, out } = await classifier(14, 5);
  const cases = task.eval.map((e) => JSON.stringify({ input: e.input })).join('\n');
  const plain = await kolm(['run', out], { stdin: cases });
  assert.is(plain.code, 0, plain.stderr);
  const before = plain.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(before.every((p) => typeof p.confidence === 'number' && p.abstained === undefined), 'every line carries its confidence');
  // A threshold between the confidences seen, so some cases abstain and some do not.
  const sorted = before.map((p) => p.confidence as number).sort((a, b) => a - b);
  const below = Number(sorted[Math.floor(sorted.length / 3)]!.toFixed(4)) + 0.0001;
  const r = await kolm(['run', out, '--abstain-below', String(below), '--abstain-output', 'oos'], { stdin: cases });
  assert.is(r.code, 0, r.stderr);
  const after = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.is(after.length, before.length);
  let abstained = 0;
  after.forEach((p, i) => {
    assert.is(p.confidence, before[i].confidence, 'confidence stays the predictor\'s');
    if (before[i].confidence < below) {
      abstained++;
      assert.equal(p, { output: 'oos', confidence: before[i].confidence, abstained: true, withheld: before[i].output });
    } else assert.equal(p, before[i]);
  });
  assert.ok(abstained > 0 && abstained < after.length, `${abstained} of ${after.length} abstained`);

  // eval scores what run answers: every abstained case is an "oos" answer, scored against its gold label.
  const ev = await kolm(['eval', out, '--examples', task.evalPath, '--abstain-below', String(below), '--abstain-output', 'oos', '--json']);
  assert.is(ev.code, 0, ev.stderr);
  const report = JSON.parse(ev.stdout);
  assert.is(report.results.filter((x: { prediction: unknown }) => x.prediction === 'oos').length, abstained);

  // kolm serve: the same answer, `abstained` and the confidence in details, counted in /metrics.
  const srv = await serveInProcess([out, '--abstain-below', String(below), '--abstain-output', 'oos']);
  try {
    let n = 0;
    for (const [i, e] of task.eval.slice(0, 12).entries()) {
      const res = await fetch(`${srv.url}/generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ inputs: e.input, parameters: { details: true } }) });
      const body = await res.json();
      assert.is(body.generated_text, after[i].output);
      assert.ok(Math.abs(body.details.confidence - after[i].confidence) < 1e-12);
      assert.is(body.details.abstained, after[i].abstained);
      if (after[i].abstained) n++;
    }
    const metrics = await (await fetch(`${srv.url}/metrics`)).text();
    if (n) assert.match(metrics, `kolm_abstained_total{artifact="intents"} ${n}`);
    else assert.not.match(metrics, 'kolm_abstained_total{');
  } finally {
    const { code, stderr } = await srv.stop();
    assert.is(code, 0, stderr);
  }

  const lonely = await kolm(['run', out, '--abstain-below', '0.5', 'hello']);
  assert.is(lonely.code, 2);
  assert.match(lonely.stderr, /--abstain-below 0\.5 without --abstain-output/);
  const range = await kolm(['run', out, '--abstain-below', '1.5', '--abstain-output', 'x', 'hello']);
  assert.is(range.code, 2);
  assert.match(range.stderr, /--abstain-below/);
});

test('--classifier-runtime: ts is the default; an unknown runtime is a usage error naming the choices', async () => {
  const { task, out } = await classifier(15, 4);
  const input = String(task.eval[0]!.input);
  const dflt = await kolm(['run', out, input]);
  const ts = await kolm(['run', out, '--classifier-runtime', 'ts', input]);
  assert.is(ts.code, 0, ts.stderr);
  assert.equal(JSON.parse(ts.stdout), JSON.parse(dflt.stdout));
  // onnx (onnxruntime-node, installed here) scores the same graph: same labels, confidences to float rounding.
  for (const e of task.eval.slice(0, 5)) {
    const [a, b] = await Promise.all([kolm(['run', out, '--classifier-runtime', 'onnx', String(e.input)]), kolm(['run', out, String(e.input)])]);
    assert.is(a.code, 0, a.stderr);
    const [pa, pb] = [JSON.parse(a.stdout), JSON.parse(b.stdout)];
    assert.is(pa.output, pb.output);
    assert.ok(Math.abs(pa.confidence - pb.confidence) < 1e-4, `${pa.confidence} vs ${pb.confidence}`);
  }
  for (const cmd of [['run', out, input], ['eval', out, '--examples', task.evalPath], ['serve', out, '--port', '0'], ['compile', '--spec', task.specPath, '--examples', task.trainPath, '--out', join(task.dir, 'x.kolm')]]) {
    const bad = await kolm([...cmd, '--classifier-runtime', 'wasm']);
    assert.is(bad.code, 2, `${cmd[0]}: ${bad.stderr}`);
    assert.match(bad.stderr, /unknown --classifier-runtime "wasm"/);
    assert.match(bad.stderr, /ts, onnx/);
  }
  // compile --classifier-runtime onnx scores the candidates on onnxruntime: the same winner and figures.
  const viaOnnx = await kolm(['compile', '--spec', task.specPath, '--examples', task.trainPath, '--recipe', 'classifier', '--classifier-runtime', 'onnx', '--out', join(task.dir, 'onnx.kolm'), '--json']);
  assert.is(viaOnnx.code, 0, viaOnnx.stderr);
  const viaTs = await kolm(['compile', '--spec', task.specPath, '--examples', task.trainPath, '--recipe', 'classifier', '--out', join(task.dir, 'ts.kolm'), '--json']);
  const [a, b] = [JSON.parse(viaOnnx.stdout), JSON.parse(viaTs.stdout)];
  assert.is(a.winner, b.winner);
  assert.ok(Math.abs(a.validation.K - b.validation.K) < 1e-3, `${a.validation.K} vs ${b.validation.K}`);
  assert.ok(Math.abs(a.validation.ece - b.validation.ece) < 1e-3);
  const help = await kolm(['run', '--help']);
  assert.match(help.stdout, /--classifier-runtime <ts\|onnx>/);
  assert.match(help.stdout, /--abstain-below <confidence>/);
});

test.run();
