// The wizard's step state, as a pure reducer: which step is showing and what each finished step produced.
// No Ink, no I/O: the step components do the work through core and dispatch the results here, so the
// rules (forward, back, what a changed answer invalidates, cancel) are unit-tested without a terminal.
import type { ConvertReport } from '../../core/ingest/index.ts';
import type { FoundExport, BuildResult } from '../../core/migrate/index.ts';
import type { InputMapping } from '../../core/ludwig/index.ts';
import type { Comparison, EvalReport } from '../../core/eval/index.ts';
import type { Spec } from '../../core/spec/index.ts';

export const STEPS = ['find', 'features', 'spec', 'compile', 'evaluate', 'ship'] as const;
export type StepName = (typeof STEPS)[number];

export const STEP_TITLES: Record<StepName, string> = {
  find: 'find',
  features: 'features',
  spec: 'spec',
  compile: 'compile',
  evaluate: 'eval',
  ship: 'ship',
};

/** Step 2's result: the translated config and the data as written to the out folder. */
export interface Converted {
  spec: Spec;
  mapping: InputMapping;
  warnings: string[];
  report: ConvertReport;
  /** The first rows of train.jsonl, as written. */
  preview: { input: unknown; output: unknown }[];
  /** Ludwig features as the config names them, for display. */
  features: { inputs: { name: string; type: string }[]; outputs: { name: string; type: string }[] };
  /** Columns the user chose in place of ones the data lacks (config name → data column). */
  columnFixes: Record<string, string>;
}

export interface AbResult {
  remote: EvalReport;
  comparison: Comparison;
  remotePath: string;
}

export interface WizardState {
  step: StepName;
  found?: FoundExport;
  converted?: Converted;
  spec?: Spec;
  specPath?: string;
  built?: BuildResult;
  ab?: AbResult;
  workflowPath?: string;
  /** Set when the walk ends: finished (exit 0), stopped at a dead end (1), or cancelled by the user (130). */
  outcome?: 'finished' | 'stopped' | 'cancelled';
}

export type WizardAction =
  | { type: 'found'; found: FoundExport }
  | { type: 'converted'; converted: Converted }
  | { type: 'specWritten'; spec: Spec; specPath: string }
  | { type: 'built'; built: BuildResult }
  | { type: 'abDone'; ab: AbResult }
  | { type: 'evaluated' }
  | { type: 'workflowWritten'; path: string }
  | { type: 'back' }
  | { type: 'goto'; step: StepName }
  | { type: 'finish' }
  | { type: 'stop' }
  | { type: 'cancel' };

export const initialState = (): WizardState => ({ step: 'find' });

const next = (step: StepName): StepName => STEPS[Math.min(STEPS.indexOf(step) + 1, STEPS.length - 1)]!;
const previous = (step: StepName): StepName => STEPS[Math.max(STEPS.indexOf(step) - 1, 0)]!;

/** Everything downstream of a step, dropped when that step's answer changes (a new export → new data …). */
function without(state: WizardState, from: StepName): WizardState {
  const order = STEPS.indexOf(from);
  const s = { ...state };
  if (order <= STEPS.indexOf('features')) delete s.converted;
  if (order <= STEPS.indexOf('spec')) {
    delete s.spec;
    delete s.specPath;
  }
  if (order <= STEPS.indexOf('compile')) delete s.built;
  if (order <= STEPS.indexOf('evaluate')) delete s.ab;
  return s;
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  if (state.outcome) return state; // the walk is over; late results from work still in flight are ignored
  switch (action.type) {
    case 'found': {
      // Picking the same export again keeps what was done with it: the steps after it resume.
      const same = state.found?.exportDir === action.found.exportDir && state.found.config === action.found.config;
      return { ...(same ? state : without(state, 'features')), found: action.found, step: 'features' };
    }
    case 'converted':
      return { ...without(state, 'spec'), converted: action.converted, step: 'spec' };
    case 'specWritten': {
      const same = state.spec !== undefined && JSON.stringify(state.spec) === JSON.stringify(action.spec);
      return { ...(same ? state : without(state, 'compile')), spec: action.spec, specPath: action.specPath, step: 'compile' };
    }
    case 'built':
      return { ...without(state, 'evaluate'), built: action.built, step: 'evaluate' };
    case 'abDone':
      return { ...state, ab: action.ab };
    case 'evaluated':
      return { ...state, step: 'ship' };
    case 'workflowWritten':
      return { ...state, workflowPath: action.path };
    case 'back':
      return { ...state, step: previous(state.step) };
    case 'goto':
      // Only to a step already reached: every step before it has its result.
      return STEPS.indexOf(action.step) <= reachable(state) ? { ...state, step: action.step } : state;
    case 'finish':
      return { ...state, outcome: 'finished' };
    case 'stop':
      return { ...state, outcome: 'stopped' };
    case 'cancel':
      return { ...state, outcome: 'cancelled' };
  }
}

/** Index of the furthest step whose inputs are all present. */
export function reachable(state: WizardState): number {
  const have = [true, !!state.found, !!state.converted, !!state.spec, !!state.built, !!state.built];
  let i = 0;
  while (i + 1 < have.length && have[i + 1]) i++;
  return i;
}

export function exitCodeOf(state: WizardState): number {
  return state.outcome === 'finished' ? 0 : state.outcome === 'cancelled' ? 130 : 1;
}

export { next as nextStep, previous as previousStep };
