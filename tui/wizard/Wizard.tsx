/** @jsxRuntime automatic @jsxImportSource react */
// The wizard: the step reducer, the header and the current step. Steps do their work through core (via
// services.ts) and report back with dispatch; Esc goes back one step, Ctrl-C leaves at once (every write
// is atomic, so leaving never leaves a half-written file).
import { join, relative } from 'node:path';
import { useEffect, useReducer, useState, type ReactNode } from 'react';
import { Box, Text, useApp, useInput } from 'ink';
import { specNameFromConfigPath } from '../../core/ludwig/index.ts';
import { exitCodeOf, initialState, STEP_TITLES, STEPS, wizardReducer, type WizardState } from './state.ts';
import { CompileStep } from './steps/CompileStep.tsx';
import { EvaluateStep } from './steps/EvaluateStep.tsx';
import { FeaturesStep } from './steps/FeaturesStep.tsx';
import { FindStep } from './steps/FindStep.tsx';
import { ShipStep } from './steps/ShipStep.tsx';
import { SpecStep } from './steps/SpecStep.tsx';
import { clip, useColor, useWidth } from './ui/kit.tsx';

export interface WizardProps {
  cwd: string;
  env: Record<string, string | undefined>;
  /** --export, --out, --name as given. */
  exportPath?: string;
  outDir?: string;
  name?: string;
  /** Called once with the final state when the walk ends (finished, stopped or cancelled). */
  onExit?: (state: WizardState) => void;
}

function Header({ state }: { state: WizardState }): ReactNode {
  const color = useColor();
  const width = useWidth();
  const current = STEPS.indexOf(state.step);
  return (
    <Box flexDirection="column" marginBottom={1}>
      <Text>
        <Text bold color={color('magenta')}>
          kolm-migrate
        </Text>
        {'  '}
        {STEPS.map((s, i) => (
          <Text key={s} bold={i === current} color={i === current ? color('cyan') : undefined} dimColor={i > current}>
            {i === current ? `[${i + 1} ${STEP_TITLES[s]}]` : `${i + 1} ${STEP_TITLES[s]}`}
            {i < STEPS.length - 1 ? ' › ' : ''}
          </Text>
        ))}
      </Text>
      <Text dimColor>{'─'.repeat(Math.min(width, 100))}</Text>
    </Box>
  );
}

export function Wizard(props: WizardProps): ReactNode {
  const { cwd } = props;
  const [state, dispatch] = useReducer(wizardReducer, undefined, initialState);
  const [endpoint, setEndpoint] = useState<{ url: string; adapterId?: string }>();
  const { exit } = useApp();
  const width = useWidth();

  useInput((input, key) => {
    if (key.ctrl && input === 'c') dispatch({ type: 'cancel' });
  });
  useEffect(() => {
    if (!state.outcome) return;
    props.onExit?.(state);
    // Let the last frame render before Ink unmounts.
    const t = setTimeout(() => exit(), 20);
    return () => clearTimeout(t);
  }, [state.outcome]);

  const outDir = state.found ? (props.outDir ?? join(cwd, 'kolm-out', props.name ?? specNameFromConfigPath(state.found.config) ?? 'migration')) : '';
  const back = () => dispatch({ type: 'back' });

  if (state.outcome) {
    const show = (p: string) => relative(cwd, p) || '.';
    const where = show(state.built?.artifactPath ?? state.specPath ?? outDir);
    const text =
      state.outcome === 'finished'
        ? `Done: ${where}${state.workflowPath ? ` · ${show(state.workflowPath)}` : ''}`
        : state.outcome === 'stopped'
          ? `Stopped. What was written is in ${show(outDir || cwd)}.`
          : `Cancelled. Nothing half-written${state.found ? `; what was finished is in ${show(outDir)}` : ''}.`;
    return (
      <Box flexDirection="column">
        <Header state={state} />
        <Text>{clip(text, width * 2)}</Text>
      </Box>
    );
  }

  let body: ReactNode;
  switch (state.step) {
    case 'find':
      body = <FindStep cwd={cwd} {...(props.exportPath ? { initialPath: props.exportPath } : {})} {...(state.found ? { current: state.found } : {})} onFound={(found) => dispatch({ type: 'found', found })} />;
      break;
    case 'features':
      body = (
        <FeaturesStep
          key={state.found!.exportDir}
          cwd={cwd}
          found={state.found!}
          outDir={outDir}
          {...(props.name ? { name: props.name } : {})}
          {...(state.converted ? { converted: state.converted } : {})}
          onDone={(converted) => dispatch({ type: 'converted', converted })}
          onBack={back}
        />
      );
      break;
    case 'spec':
      body = <SpecStep spec={state.spec ?? state.converted!.spec} warnings={state.converted!.warnings} outDir={outDir} onWritten={(spec, specPath) => dispatch({ type: 'specWritten', spec, specPath })} onBack={back} />;
      break;
    case 'compile':
      body = (
        <CompileStep
          key={JSON.stringify(state.spec)}
          cwd={cwd}
          outDir={outDir}
          spec={state.spec!}
          specPath={state.specPath!}
          converted={state.converted!}
          {...(state.found?.adapterDir ? { adapterDir: state.found.adapterDir } : {})}
          {...(state.built ? { built: state.built } : {})}
          onBuilt={(built) => dispatch({ type: 'built', built })}
          onSpecChanged={(spec, specPath) => dispatch({ type: 'specWritten', spec, specPath })}
          onStop={() => dispatch({ type: 'stop' })}
          onBack={back}
        />
      );
      break;
    case 'evaluate':
      body = (
        <EvaluateStep
          cwd={cwd}
          outDir={outDir}
          spec={state.spec!}
          built={state.built!}
          {...(state.ab ? { ab: state.ab } : {})}
          {...(props.env.PREDIBASE_API_TOKEN ? { envToken: props.env.PREDIBASE_API_TOKEN } : {})}
          onAb={(ab, ep) => {
            setEndpoint(ep);
            dispatch({ type: 'abDone', ab });
          }}
          onNext={() => dispatch({ type: 'evaluated' })}
          onBack={back}
        />
      );
      break;
    case 'ship':
      body = (
        <ShipStep
          cwd={cwd}
          outDir={outDir}
          spec={state.spec!}
          specPath={state.specPath!}
          built={state.built!}
          {...(endpoint ? { endpoint } : {})}
          {...(state.workflowPath ? { workflowPath: state.workflowPath } : {})}
          onWorkflow={(path) => dispatch({ type: 'workflowWritten', path })}
          onFinish={() => dispatch({ type: 'finish' })}
          onBack={back}
        />
      );
      break;
  }
  return (
    <Box flexDirection="column" width={width}>
      <Header state={state} />
      {body}
    </Box>
  );
}

export { exitCodeOf };
