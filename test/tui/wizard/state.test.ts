import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { BuildResult, FoundExport } from '../../../core/migrate/index.ts';
import type { Spec } from '../../../core/spec/index.ts';
import { exitCodeOf, initialState, reachable, wizardReducer, type Converted, type WizardAction, type WizardState } from '../../../tui/wizard/state.ts';

const test = suite('wizard step reducer');

const found = (dir: string): FoundExport => ({ exportDir: dir, config: `${dir}/config.yaml`, dataFiles: [`${dir}/train.csv`] });
const spec = (K_min?: number): Spec => ({ kolm: 1, task: 't', shape: { input: 'string', output: 'string' }, ...(K_min !== undefined ? { gates: { K_min } } : {}) });
const converted = { spec: spec(), warnings: [] } as unknown as Converted;
const built = { artifactPath: '/o/m.kolm' } as unknown as BuildResult;

const walk = (...actions: WizardAction[]): WizardState => actions.reduce(wizardReducer, initialState());
const toEvaluate = (): WizardAction[] => [
  { type: 'found', found: found('/a') },
  { type: 'converted', converted },
  { type: 'specWritten', spec: spec(), specPath: '/o/spec.json' },
  { type: 'built', built },
];

test('each finished step moves to the next, in order', () => {
  const steps = [initialState().step];
  let s = initialState();
  for (const a of [...toEvaluate(), { type: 'evaluated' } as WizardAction]) {
    s = wizardReducer(s, a);
    steps.push(s.step);
  }
  assert.equal(steps, ['find', 'features', 'spec', 'compile', 'evaluate', 'ship']);
});

test('back goes one step back and keeps every result, so going forward resumes', () => {
  let s = walk(...toEvaluate());
  s = wizardReducer(s, { type: 'back' });
  assert.is(s.step, 'compile');
  assert.is(s.built, built, '~> the compiled artifact is kept');
  s = wizardReducer(wizardReducer(wizardReducer(s, { type: 'back' }), { type: 'back' }), { type: 'back' });
  assert.is(s.step, 'find');
  assert.is(wizardReducer(s, { type: 'back' }).step, 'find', '~> nothing before the first step');
  s = wizardReducer(s, { type: 'found', found: found('/a') });
  assert.is(s.step, 'features');
  assert.ok(s.converted && s.spec && s.built, '~> the same export again: everything after it is still there');
});

test('a different export drops what was made from the old one', () => {
  let s = walk(...toEvaluate(), { type: 'back' }, { type: 'back' }, { type: 'back' }, { type: 'back' });
  s = wizardReducer(s, { type: 'found', found: found('/b') });
  assert.is(s.step, 'features');
  assert.is(s.converted, undefined);
  assert.is(s.spec, undefined);
  assert.is(s.built, undefined);
});

test('a changed spec drops the artifact built from the old one; the same spec keeps it', () => {
  const base = walk(...toEvaluate(), { type: 'back' }, { type: 'back' });
  assert.is(base.step, 'spec');
  const same = wizardReducer(base, { type: 'specWritten', spec: spec(), specPath: '/o/spec.json' });
  assert.is(same.built, built);
  const changed = wizardReducer(base, { type: 'specWritten', spec: spec(0.7), specPath: '/o/spec.json' });
  assert.is(changed.step, 'compile');
  assert.is(changed.built, undefined);
  assert.equal(changed.spec?.gates, { K_min: 0.7 });
});

test('goto only reaches steps whose inputs exist', () => {
  const s = walk({ type: 'found', found: found('/a') });
  assert.is(reachable(s), 1);
  assert.is(wizardReducer(s, { type: 'goto', step: 'compile' }).step, 'features', '~> compile needs a spec');
  assert.is(wizardReducer(s, { type: 'goto', step: 'find' }).step, 'find');
});

test('the walk ends in one of three outcomes with its exit code, and later results are ignored', () => {
  assert.is(exitCodeOf(walk({ type: 'finish' })), 0);
  assert.is(exitCodeOf(walk({ type: 'stop' })), 1);
  const cancelled = walk({ type: 'found', found: found('/a') }, { type: 'cancel' });
  assert.is(exitCodeOf(cancelled), 130);
  const late = wizardReducer(cancelled, { type: 'converted', converted });
  assert.is(late, cancelled, '~> work that finishes after Ctrl-C changes nothing');
});

test.run();
