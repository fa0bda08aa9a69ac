/** @jsxRuntime automatic @jsxImportSource react */
// Step 4: compile. Live progress per candidate (spinner, bar, elapsed time) from core's progress events,
// then the candidate table and the winner; or, when no recipe passes the gates, that table and the ways on:
// lower the gates to what the best candidate reached, add a base model (the adapter route), or stop.
import { basename, relative } from 'node:path';
import { useEffect, useState, type ReactNode } from 'react';
import { Box, Text, useInput } from 'ink';
import type { CandidateRow } from '../../../core/compile/index.ts';
import { isKolmError } from '../../../core/errors.ts';
import type { BuildResult } from '../../../core/migrate/index.ts';
import { parseSpec, type Spec } from '../../../core/spec/index.ts';
import { compileStep, relaxGates, writeSpec } from '../services.ts';
import type { Converted } from '../state.ts';
import { gatesText } from './SpecStep.tsx';
import { formatBytes } from '../../render/units.ts';
import { Busy, clip, ErrorBox, Keys, LineInput, ProgressBar, Select, TextTable, useColor, useElapsed, useReporter, useWidth } from '../ui/kit.tsx';

export interface CompileStepProps {
  cwd: string;
  outDir: string;
  spec: Spec;
  specPath: string;
  converted: Converted;
  adapterDir?: string;
  built?: BuildResult;
  onBuilt: (built: BuildResult) => void;
  /** The spec was changed here (gates lowered, base added) and written again. */
  onSpecChanged: (spec: Spec, specPath: string) => void;
  onStop: () => void;
  onBack: () => void;
}

type Phase =
  | { kind: 'running' }
  | { kind: 'done'; built: BuildResult }
  | { kind: 'none'; table: CandidateRow[]; hint?: string }
  | { kind: 'base'; table: CandidateRow[]; text: string; written?: string }
  | { kind: 'error'; error: unknown };

const f3 = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(3));

export function candidateRows(table: readonly CandidateRow[], width: number): string[][] {
  const reasonWidth = Math.max(10, width - 44);
  return [
    ['candidate', 'K', 'pass', 'p50 ms', 'status'],
    ...table.map((r) => [
      r.type,
      f3(r.K),
      r.pass_rate === undefined ? '–' : `${(r.pass_rate * 100).toFixed(1)}%`,
      r.p50_ms === undefined ? '–' : r.p50_ms.toFixed(3),
      clip(r.reason ? `${r.status}: ${r.reason}` : r.status, reasonWidth),
    ]),
  ];
}

export function CompileStep(props: CompileStepProps): ReactNode {
  const { outDir, spec, specPath, converted, built, cwd } = props;
  const color = useColor();
  const width = useWidth();
  const { reporter, progress } = useReporter();
  const [phase, setPhase] = useState<Phase>(built ? { kind: 'done', built } : { kind: 'running' });
  const [started] = useState(() => Date.now());
  const [finished, setFinished] = useState<number | null>(built ? Date.now() : null);
  const elapsed = useElapsed(started, phase.kind === 'running');

  useEffect(() => {
    if (phase.kind !== 'running') return;
    let live = true;
    const job = compileStep({ outDir, spec, specPath, converted }, reporter);
    job.result.then(
      (b) => {
        if (!live) return;
        setFinished(Date.now());
        setPhase({ kind: 'done', built: b });
      },
      (error) => {
        if (!live) return;
        setFinished(Date.now());
        const table = isKolmError(error) && error.code === 'E_NO_CANDIDATE' ? (error.data as { table?: CandidateRow[] })?.table : undefined;
        setPhase(table ? { kind: 'none', table, hint: error.hint } : { kind: 'error', error });
      },
    );
    return () => {
      // Leaving the step (Ctrl-C, Esc is off while running) stops the worker; nothing half-written stays.
      live = false;
      void job.cancel();
    };
  }, []);

  useInput(
    (_input, key) => {
      if (phase.kind === 'base') {
        if (phase.written && (key.return || key.escape)) props.onStop();
        else if (!phase.written && key.escape) setPhase({ kind: 'none', table: phase.table });
      } else if (key.escape) props.onBack();
      else if (key.return && phase.kind === 'done') props.onBuilt(phase.built);
      else if (key.return && phase.kind === 'error') props.onBack();
    },
    { isActive: phase.kind !== 'running' },
  );

  const show = (p: string) => relative(cwd, p) || '.';
  const title = (
    <Text bold>
      Compile {spec.name ?? ''} · gates {gatesText(spec)}
    </Text>
  );

  if (phase.kind === 'running') {
    const candidates = progress.stages.filter((s) => s.stage.startsWith('compile:') && s.stage !== 'compile:refit' && s.stage !== 'compile:eval');
    const bar = candidates[candidates.length - 1]?.event;
    const tail = progress.stages.filter((s) => !s.stage.startsWith('compile:') || s.stage === 'compile:refit');
    return (
      <Box flexDirection="column">
        {title}
        <Text dimColor>elapsed {elapsed.toFixed(1)} s</Text>
        {candidates.map(({ stage, event }) => {
          const name = stage.slice('compile:'.length);
          const busy = !/scored|unsuitable/.test(event.message ?? '');
          return busy ? (
            <Busy key={stage} label={`${name.padEnd(11)} ${event.message ?? ''}`} />
          ) : (
            <Text key={stage}>
              <Text color={color('green')}>✓</Text> {name.padEnd(11)} {(event.message ?? '').replace(new RegExp(`^${name}:? `), '')}
            </Text>
          );
        })}
        {bar?.total ? <ProgressBar done={bar.done ?? 0} total={bar.total} /> : null}
        {tail.map(({ stage, event }) => (
          <Box key={stage} flexDirection="column">
            <Busy label={clip(event.message ?? stage, width - 4)} />
            {event.total ? <ProgressBar done={event.done ?? 0} total={event.total} /> : null}
          </Box>
        ))}
      </Box>
    );
  }

  const took = `${(((finished ?? Date.now()) - started) / 1000).toFixed(1)} s`;
  if (phase.kind === 'done') {
    const b = phase.built;
    return (
      <Box flexDirection="column">
        {title}
        <TextTable rows={candidateRows(b.outcome.table, width)} align={['l', 'r', 'r', 'r', 'l']} width={width} />
        <Box marginTop={1} flexDirection="column">
          <Text color={color('green')}>
            ✓ winner: {b.outcome.winner} · K {f3(b.outcome.validation.K)} on {b.outcome.folds > 1 ? `${b.outcome.folds}-fold validation` : 'validation'} · {took}
          </Text>
          <Text>{clip(`wrote ${show(b.artifactPath)} (${formatBytes(b.bytes)})`, width)}</Text>
        </Box>
        <Keys items={['enter evaluate', 'esc back to the spec', 'ctrl-c quit']} />
      </Box>
    );
  }

  if (phase.kind === 'error') {
    return (
      <Box flexDirection="column">
        {title}
        <ErrorBox error={phase.error} />
        <Keys items={['enter/esc back to the spec', 'ctrl-c quit']} />
      </Box>
    );
  }

  const table = <TextTable rows={candidateRows(phase.table, width)} align={['l', 'r', 'r', 'r', 'l']} width={width} />;
  if (phase.kind === 'base') {
    const command = `kolm compile --spec ${show(specPath)}${props.adapterDir ? ` --adapter ${show(props.adapterDir)}` : ' --adapter ADAPTER_DIR'} --base-gguf BASE.gguf --out ${show(outDir)}/${spec.name ?? 'model'}.kolm`;
    return (
      <Box flexDirection="column">
        {title}
        {table}
        <Box marginTop={1} flexDirection="column">
          {phase.written ? (
            <>
              <Text color={color('green')}>✓ wrote {show(phase.written)} with base {phase.text}</Text>
              <Text>The adapter route runs the LoRA on that base (llama.cpp). With the base weights as GGUF:</Text>
              <Text color={color('cyan')}>  {command}</Text>
              <Keys items={['enter/esc stop here', 'ctrl-c quit']} />
            </>
          ) : (
            <>
              <Box>
                <Text>Base model id: </Text>
                <LineInput
                  value={phase.text}
                  placeholder="meta-llama/Llama-3.1-8B-Instruct"
                  onChange={(text) => setPhase({ ...phase, text })}
                  onSubmit={(text) => {
                    if (!text.trim()) return;
                    const next = parseSpec({ ...spec, base: text.trim() });
                    writeSpec(outDir, next).then(
                      (path) => setPhase({ ...phase, text: text.trim(), written: path }),
                      (error) => setPhase({ kind: 'error', error }),
                    );
                  }}
                />
              </Box>
              <Keys items={['enter write it to spec.json', 'esc back to the choices']} />
            </>
          )}
        </Box>
      </Box>
    );
  }

  const relaxed = relaxGates(spec, phase.table);
  const canRelax = JSON.stringify(relaxed.gates) !== JSON.stringify(spec.gates);
  return (
    <Box flexDirection="column">
      {title}
      <Text color={color('red')}>✗ no recipe passes the gates ({took})</Text>
      {table}
      <Box marginTop={1}>
        <Select
          items={[
            ...(canRelax ? [{ label: `Lower the gates to what the best candidate reached (${gatesText(relaxed)})`, value: 'lower' as const }] : []),
            { label: spec.base ? `Use the base model (${clip(spec.base, 30)}): the adapter route` : 'Add a base model: the adapter route (a LoRA on an LLM)', value: 'base' as const },
            { label: 'Stop here', value: 'stop' as const },
          ]}
          onSelect={(choice) => {
            if (choice === 'stop') return props.onStop();
            if (choice === 'base') return setPhase({ kind: 'base', table: phase.table, text: spec.base ?? '' });
            writeSpec(outDir, relaxed).then(
              (path) => props.onSpecChanged(relaxed, path),
              (error) => setPhase({ kind: 'error', error }),
            );
          }}
        />
      </Box>
      <Keys items={['↑↓ choose', 'enter pick', 'esc back to the spec', 'ctrl-c quit']} />
    </Box>
  );
}
