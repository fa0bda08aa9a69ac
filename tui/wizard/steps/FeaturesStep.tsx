/** @jsxRuntime automatic @jsxImportSource react */
// Step 2: translate the config and convert the data, then show what will be written: the Ludwig features,
// the column mapping, the first rows of train.jsonl and the ingestion report. When the data lacks a column
// the config names, the user picks the column to use and the conversion runs again.
import { relative } from 'node:path';
import { useEffect, useState, type ReactNode } from 'react';
import { Box, Text, useInput } from 'ink';
import { isKolmError, KolmError } from '../../../core/errors.ts';
import type { FoundExport } from '../../../core/migrate/index.ts';
import { convertStep } from '../services.ts';
import type { Converted } from '../state.ts';
import { Busy, clip, ErrorBox, Keys, oneLine, ProgressBar, Select, TextTable, useColor, useReporter, useWidth } from '../ui/kit.tsx';

export interface FeaturesStepProps {
  cwd: string;
  found: FoundExport;
  outDir: string;
  name?: string;
  /** The result from before, when the user came back to this step: shown again, not recomputed. */
  converted?: Converted;
  onDone: (converted: Converted) => void;
  onBack: () => void;
}

type Phase = { kind: 'running' } | { kind: 'done'; converted: Converted } | { kind: 'missing'; error: KolmError; column: string; found: string[]; closest?: string } | { kind: 'error'; error: unknown };

const num = (n: number) => n.toLocaleString('en-US');

export function FeaturesStep({ cwd, found, outDir, name, converted, onDone, onBack }: FeaturesStepProps): ReactNode {
  const color = useColor();
  const width = useWidth();
  const { reporter, progress, reset } = useReporter();
  const [fixes, setFixes] = useState<Record<string, string>>(converted?.columnFixes ?? {});
  const [phase, setPhase] = useState<Phase>(converted ? { kind: 'done', converted } : { kind: 'running' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (phase.kind !== 'running') return;
    let live = true;
    reset();
    convertStep({ found, outDir, name, columnFixes: fixes }, reporter).then(
      (c) => live && setPhase({ kind: 'done', converted: c }),
      (error) => {
        if (!live) return;
        const data = isKolmError(error) ? (error.data as { columnsFound?: string[]; closest?: string } | undefined) : undefined;
        if (isKolmError(error) && error.code === 'E_MISSING_COLUMN' && data?.columnsFound && typeof error.place?.column === 'string') {
          setPhase({ kind: 'missing', error, column: error.place.column, found: data.columnsFound, ...(data.closest ? { closest: data.closest } : {}) });
        } else setPhase({ kind: 'error', error });
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  useInput((input, key) => {
    if (phase.kind === 'running') return;
    if (key.escape) return onBack();
    if (key.return && phase.kind === 'done') return onDone(phase.converted);
    if (phase.kind === 'error' && (input === 'r' || key.return)) {
      setPhase({ kind: 'running' });
      setAttempt((a) => a + 1);
    }
  });

  const title = <Text bold>Features and data · {relative(cwd, found.exportDir) || '.'}</Text>;
  if (phase.kind === 'running') {
    const last = progress.stages[progress.stages.length - 1]?.event;
    return (
      <Box flexDirection="column">
        {title}
        <Busy label={clip(last?.message ?? 'reading the export', width - 4)} />
        {last?.total ? <ProgressBar done={last.done ?? 0} total={last.total} /> : null}
      </Box>
    );
  }
  if (phase.kind === 'error') {
    return (
      <Box flexDirection="column">
        {title}
        <ErrorBox error={phase.error} />
        <Keys items={['enter retry', 'esc back', 'ctrl-c quit']} />
      </Box>
    );
  }
  if (phase.kind === 'missing') {
    const options = [...(phase.closest ? [phase.closest] : []), ...phase.found.filter((c) => c !== phase.closest)];
    return (
      <Box flexDirection="column">
        {title}
        <Text color={color('yellow')}>{clip(phase.error.message.split('. Columns found')[0]!, width * 2)}</Text>
        <Text>Which column of the data holds "{phase.column}"?</Text>
        <Box marginTop={1}>
          <Select
            items={options.map((c) => ({ label: c === phase.closest ? `${c}  (closest)` : c, value: c }))}
            onSelect={(c) => {
              setFixes((f) => ({ ...f, [phase.column]: c }));
              setPhase({ kind: 'running' });
              setAttempt((a) => a + 1);
            }}
          />
        </Box>
        <Keys items={['↑↓ choose', 'enter use this column', 'esc back', 'ctrl-c quit']} />
      </Box>
    );
  }

  const c = phase.converted;
  const r = c.report;
  const t = r.totals;
  const dropped = Object.values(t.dropped).reduce((a, b) => a + b, 0);
  const kept = t.rowsOut.train + t.rowsOut.validation + t.rowsOut.test;
  const feats = (fs: { name: string; type: string }[]) => fs.map((f) => `${f.name} (${f.type})`).join(', ') || '–';
  const fixed = Object.entries(c.columnFixes).map(([a, b]) => `${a}→${b}`);
  const half = Math.max(12, Math.floor((width - 4) / 2));
  const previewRows = [['input', 'output'], ...c.preview.map((p) => [clip(oneLine(p.input), half + 8), clip(oneLine(p.output), half - 10)])];
  const splits = (['train', 'validation', 'test'] as const).filter((s) => t.rowsOut[s] > 0).map((s) => `${s} ${num(t.rowsOut[s])}`);
  const warnings = [...c.warnings, ...r.warnings];
  return (
    <Box flexDirection="column">
      {title}
      <Text>
        Ludwig features  input: {feats(c.features.inputs)} → output: {feats(c.features.outputs)}
      </Text>
      <Text>
        {clip(`Column mapping   input ← ${c.mapping.inputColumns.join(', ')} (${r.input.kind}) · output ← ${c.mapping.outputColumn}${fixed.length ? ` · you chose ${fixed.join(', ')}` : ''}`, width)}
      </Text>
      <Box marginTop={1} flexDirection="column">
        <Text dimColor>Preview: train.jsonl, first {c.preview.length} of {num(t.rowsOut.train)} rows</Text>
        <TextTable rows={previewRows} width={width} />
      </Box>
      <Box marginTop={1} flexDirection="column">
        <Text>
          Ingestion  {num(t.rowsIn)} rows in → {num(kept)} kept ({splits.join(' · ')}) · dropped {num(dropped)}
          {t.sampledOut ? ` · sampled out ${num(t.sampledOut)}` : ''}
        </Text>
        <Text>
          {clip(`           duplicates ${num(r.duplicates.exact)} · conflicting inputs ${num(r.duplicates.conflictingInputs)} (${num(r.duplicates.conflictingRows)} rows) · in several splits ${num(r.duplicates.inputsInSeveralSplits)} · ${num(r.output.distinct)} distinct outputs`, width)}
        </Text>
      </Box>
      {warnings.slice(0, 2).map((w, i) => (
        <Text key={i} color={color('yellow')}>
          {clip(`! ${w}`, width)}
        </Text>
      ))}
      {warnings.length > 2 ? <Text dimColor>  … {warnings.length - 2} more in report.json</Text> : null}
      <Keys items={['enter continue to the spec', 'esc back', 'ctrl-c quit']} />
    </Box>
  );
}
