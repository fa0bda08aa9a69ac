// Never a useless winner: a candidate wins only when its K's 95 % lower bound is above the K of answering
// the most common training output on the same folds, gates or no gates. Otherwise compile fails with the
// candidate table, the majority baseline beside it, and what would help.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compileRecipe } from '../../../core/compile/index.ts';
import type { Baseline, CandidateRow } from '../../../core/compile/index.ts';
import type { Example } from '../../../core/runtime/index.ts';
import type { Spec } from '../../../core/spec/index.ts';
import { errorOf } from '../../_util/errors.ts';
import { labelTask, shortAnswers } from '../../_util/label-tasks.ts';

const test = suite('compile: the majority baseline');

const spec = (extra: Partial<Spec> = {}): Spec => ({ kolm: 1, task: 't', shape: { input: 'string', output: 'string' }, ...extra });
const details = (e: { data?: unknown }) => e.data as { table: CandidateRow[]; baseline: Baseline };

test('lookup on a 77-label task whose inputs never repeat (K ≈ 0.02, no gates) fails with the baseline in the table', async () => {
  const train = labelTask(77, 13, 77);
  const e = await errorOf(() => compileRecipe({ spec: spec(), train, only: ['lookup'] }));
  assert.is(e.code, 'E_NO_CANDIDATE');
  const { table, baseline } = details(e);
  const lookup = table.find((r) => r.type === 'lookup')!;
  assert.ok(lookup.K! < 0.05, `lookup K ${lookup.K}`);
  assert.is(lookup.status, 'below baseline');
  assert.match(lookup.reason!, 'majority baseline K');
  // The baseline is the most common training output, scored on the same folds as the candidate.
  assert.is(baseline.n, lookup.n);
  assert.ok(baseline.K > 0 && baseline.K < 0.05, `baseline K ${baseline.K}`);
  const counts = new Map<unknown, number>();
  for (const x of train) counts.set(x.output, (counts.get(x.output) ?? 0) + 1);
  assert.is(counts.get(baseline.output), Math.max(...counts.values()));
  assert.match(e.message, 'beats answering the most common output');
  assert.match(e.message, /majority\s+0\.0\d\d .* baseline: always answers "/);
  assert.match(e.hint!, /"base" model/);
  assert.match(e.hint!, /more training data/);
});

test('with a base model in the spec, the hint names it for the adapter route', async () => {
  const train = labelTask(77, 13, 78);
  const e = await errorOf(() => compileRecipe({ spec: spec({ base: 'Qwen/Qwen2.5-7B-Instruct' }), train, only: ['lookup'] }));
  assert.match(e.hint!, /adapter route on the spec's base model \(Qwen\/Qwen2\.5-7B-Instruct\)/);
});

test('free-text answers to new questions: lookup is the only suitable candidate and does not win by default', async () => {
  const answers = shortAnswers(400, 9, 0.3);
  const train: Example[] = answers.map((output, i) => ({ input: `question number ${i * 7919} about the text`, output }));
  const e = await errorOf(() => compileRecipe({ spec: spec(), train }));
  assert.is(e.code, 'E_NO_CANDIDATE');
  const { table } = details(e);
  assert.equal(table.filter((r) => r.K !== undefined).map((r) => [r.type, r.status]), [['lookup', 'below baseline']]);
});

test('a task a recipe learns still compiles, and the outcome carries the baseline it beat', async () => {
  // Repeated questions whose answers only memory knows: lookup wins at K 1 against a baseline near 1/60.
  const train: Example[] = [];
  for (let r = 0; r < 6; r++) for (let i = 0; i < 60; i++) train.push({ input: `price code for item ${i * 7919}`, output: `code ${(i * 104729).toString(36)}` });
  const out = await compileRecipe({ spec: spec(), train, only: ['lookup'] });
  assert.is(out.winner, 'lookup');
  assert.ok(out.validation.K_low > out.baseline.K);
  assert.ok(out.baseline.K < 0.05, `baseline K ${out.baseline.K}`);
});

test.run();
