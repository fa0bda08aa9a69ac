// Strings that did not come from kolm (an artifact's task, a server's answers, the data's inputs) reach the
// terminal escaped: `kolm inspect` and `kolm eval`'s text never print ESC/OSC/CSI, CR or bidi controls raw.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeArtifact } from '../../../core/artifact/index.ts';
import { buildReport } from '../../../core/eval/index.ts';
import { createScorer } from '../../../core/kscore/index.ts';
import { renderEvalReport } from '../../../tui/render/eval.ts';
import { kolm } from '../../_util/cli.ts';
import { manifestInput, payload } from '../../core/artifact/_fixture.ts';

const test = suite('terminal escapes in text output');

const ATTACKS = ['\u001b]0;pwned\u0007', '\u001b[2J\u001b[H', 'ok\rFAKE', '\u202eevil', '\u009b31m'];
/** No control a terminal acts on: C0 but TAB/LF, DEL, C1, the bidi overrides and isolates. */
const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

test('kolm inspect: an artifact whose task carries terminal controls prints them escaped', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kolm-escape-'));
  const base = manifestInput();
  const task = `classify ${ATTACKS.join(' ')}`;
  await writeFile(join(dir, 'x.kolm'), await writeArtifact({ manifest: { ...base, spec: { ...base.spec, task } }, entries: payload() }));
  const r = await kolm(['inspect', join(dir, 'x.kolm')]);
  assert.is(r.code, 0, r.stderr);
  assert.ok(r.stdout.includes('classify'), r.stdout);
  assert.not.ok(raw.test(r.stdout), `raw control in: ${JSON.stringify(r.stdout.match(raw))}`);
});

test('kolm eval text: worst cases with hostile inputs and answers are escaped; plain text is unchanged', () => {
  const outcomes = ATTACKS.map((a, i) => ({ input: `question ${i} ${a}`, reference: 'LOC', prediction: `answer ${a}` }));
  const text = renderEvalReport(buildReport({ name: 'remote' }, outcomes, createScorer('short')));
  assert.not.ok(raw.test(text), `raw control in: ${JSON.stringify(text.match(raw))}`);
  assert.ok(text.includes('question 0'));
  const plain = renderEvalReport(buildReport({ name: 'kolm' }, [{ input: 'What is the capital of Peru ?', reference: 'LOC', prediction: 'HUM' }], createScorer('label')));
  assert.ok(plain.includes('What is the capital of Peru ?'));
});

test.run();
