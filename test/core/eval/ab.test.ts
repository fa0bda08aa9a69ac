import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { evaluateArtifact, renderEvalMarkdown, renderReportMarkdown } from '../../../core/eval/ab.ts';
import type { Predictor, Input } from '../../../core/runtime/types.ts';
import type { Spec } from '../../../core/spec/index.ts';

const test = suite('evaluate + A/B');

// A real (if tiny) predictor: upper-cases its input, wrong on inputs containing "x".
const predictor: Predictor = {
  predict: async (input: Input) => ({ output: String(input).includes('x') ? 'WRONG' : String(input).toUpperCase() }),
  predictBatch: async (inputs) => Promise.all(inputs.map((i) => predictor.predict(i))),
};
const spec = { kolm: 1, name: 't', task: 'upper', shape: { input: 'string', output: 'string' }, gates: { K_min: 0.9 } } as unknown as Spec;
const examples = ['ab', 'cd', 'ex', 'gh', 'ij', 'kx', 'mn', 'op', 'qr', 'st'].map((s) => ({ input: s, output: s.toUpperCase() }));

test('scores, gates with the spec (or the override), and reports the local side before any A/B', async () => {
  const seen: number[] = [];
  const r = await evaluateArtifact({ spec, outputKind: 'short', predictor, artifact: 't.kolm', examples, onLocalReport: (k) => void seen.push(k.cases) });
  assert.equal(seen, [10]);
  assert.is(r.kolm.pass_rate, 0.8);
  assert.equal(r.kolm.gates!.map((g) => [g.gate, g.pass]), [['K_min', false]]);
  const loose = await evaluateArtifact({ spec, outputKind: 'short', predictor, artifact: 't.kolm', examples, gates: { K_min: 0.5 } });
  assert.equal(loose.kolm.gates!.map((g) => [g.gate, g.pass]), [['K_min', true]]);
  assert.is(loose.comparison, undefined);
  assert.is(loose.baseline, undefined);
});

test('alone, the Markdown is the report table with the missed gate; with a baseline, the comparison under its name', async () => {
  const r = await evaluateArtifact({ spec, outputKind: 'short', predictor, artifact: 't.kolm', examples });
  const md = renderEvalMarkdown(r);
  assert.is(md, renderReportMarkdown(r.kolm));
  assert.match(md, /^### ❌ kolm missed 1 gate: K 0\.800/);
  assert.match(md, /\| pass rate \| 80\.0 % \|/);
  assert.match(md, /\| K_min \| 0\.9 \| 0\.8 \| ❌ K 0\.800 is 0\.100 under K_min 0\.9 \|/);

  const withBase = await evaluateArtifact({ spec, outputKind: 'short', predictor, artifact: 't.kolm', examples, baseline: { report: { ...r.kolm, K: 0.5 }, name: 'base (main)' } });
  const md2 = renderEvalMarkdown(withBase);
  assert.match(md2, /\| \| kolm \| base \(main\) \| Δ \|/);
  assert.is(withBase.baseline!.b.name, 'base (main)');
  assert.is(r.kolm.system.name, 'kolm', 'the baseline report given is not renamed in place');
});

test.run();
