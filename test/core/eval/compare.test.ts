import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { buildReport, checkGates, compareReports, renderComparisonMarkdown, renderComparisonText, type CaseOutcome } from '../../../core/eval/index.ts';
import { createScorer } from '../../../core/kscore/index.ts';

const test = suite('compare');
const golden = new URL('./golden/compare.md', import.meta.url).pathname;

// 20 label cases: kolm misses 2, Predibase misses 4 (two of them where kolm is right), with latencies.
const labels = ['HUM', 'LOC', 'NUM', 'DESC'];
const gold = Array.from({ length: 20 }, (_, i) => labels[i % 4]!);
const questions = gold.map((g, i) => `question ${i + 1} about ${g.toLowerCase()} | with a pipe`);
const kolmOut = gold.map((g, i) => (i === 3 || i === 17 ? 'ENTY' : g));
const pbOut = gold.map((g, i) => (i === 3 || i === 5 || i === 9 || i === 14 ? 'ENTY' : g));
const scorer = createScorer('label', { labels: [...labels, 'ENTY'] });
const outcomes = (out: string[], ms: (i: number) => number): CaseOutcome[] => gold.map((g, i) => ({ input: questions[i], reference: g, prediction: out[i], latency_ms: ms(i) }));

function reports() {
  const a = buildReport({ name: 'kolm' }, outcomes(kolmOut, (i) => 0.04 + i * 0.001), scorer);
  a.gates = checkGates(a, { K_min: 0.85, p50_ms_max: 1 });
  const b = buildReport({ name: 'Predibase' }, outcomes(pbOut, (i) => 380 + i * 3), scorer);
  return { a, b };
}

test('the Markdown comment matches the golden file', () => {
  const { a, b } = reports();
  const md = renderComparisonMarkdown(compareReports(a, b));
  if (process.env.UPDATE_GOLDEN) writeFileSync(golden, md);
  assert.fixture(md, readFileSync(golden, 'utf8'));
});

test('deltas, paired verdict and disagreements are computed from the cases', () => {
  const { a, b } = reports();
  const c = compareReports(a, b);
  assert.is(a.K, 0.9);
  assert.is(b.K, 0.8);
  assert.ok(Math.abs(c.K_delta - 0.1) < 1e-12);
  assert.ok(c.paired);
  // 3 cases in kolm's favour, 1 against, out of 20: +0.1 with an interval that still holds 0 → on par.
  assert.ok(c.K_delta_ci95[0] < 0 && c.K_delta_ci95[1] > 0.1);
  assert.is(c.verdict, 'on par');
  assert.is(c.disagreements.total, 4);
  assert.equal(c.disagreements.shown.map((d) => d.index), [17, 5, 9, 14], 'where kolm loses comes first');
  const p50 = c.rows.find((r) => r.metric === 'p50 latency')!;
  assert.ok(p50.delta! < -300);
  assert.match(renderComparisonText(c), 'kolm');
});

test('a worse system on the same cases gets the "worse" verdict', () => {
  const { a, b } = reports();
  const c = compareReports(b, a);
  assert.is(c.verdict === 'worse' || c.verdict === 'on par', true);
  assert.ok(c.K_delta < 0);
  const many = buildReport({ name: 'bad' }, gold.map((g, i) => ({ input: questions[i], reference: g, prediction: 'ENTY' })), scorer);
  assert.is(compareReports(many, a).verdict, 'worse');
});

test.run();
