// Confidence in eval reports: a system that gives confidences gets its calibration and coverage curve; one
// that gives none (a remote endpoint) gets neither.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildReport } from '../../../core/eval/index.ts';
import { createScorer } from '../../../core/kscore/index.ts';

const test = suite('eval calibration');

test('outcomes without confidences (a remote endpoint) get no calibration or curve; an unanswered case counts as not answered', () => {
  const scorer = createScorer('label');
  const remote = buildReport({ name: 'predibase' }, [{ input: 'a', reference: 'x', prediction: 'x' }], scorer);
  assert.is(remote.calibration, undefined);
  assert.is(remote.coverage, undefined);
  const local = buildReport(
    { name: 'kolm' },
    [
      { input: 'a', reference: 'x', prediction: 'x', confidence: 0.9 },
      { input: 'b', reference: 'y', prediction: 'x', confidence: 0.6 },
      { input: 'c', reference: 'y', error: 'timeout' },
    ],
    scorer,
  );
  assert.equal(local.coverage!.map((p) => [p.answered, p.K]).at(-1), [1, 0.3333]);
  assert.equal(local.coverage![0], { threshold: 0.9, answered: 0.3333, K: 1 });
});

test.run();
