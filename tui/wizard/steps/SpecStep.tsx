/** @jsxRuntime automatic @jsxImportSource react */
// Step 3: the translated spec (base, adapter, gates) and the translation's warnings; the user may edit the
// name and the gates, then spec.json is written (atomically) in the out folder.
import { useState, type ReactNode } from 'react';
import { Box, Text, useInput } from 'ink';
import type { Spec } from '../../../core/spec/index.ts';
import { editSpec, writeSpec } from '../services.ts';
import { clip, ErrorBox, Keys, LineInput, Select, useColor, useWidth } from '../ui/kit.tsx';

export interface SpecStepProps {
  spec: Spec;
  warnings: string[];
  outDir: string;
  onWritten: (spec: Spec, specPath: string) => void;
  onBack: () => void;
}

type Field = 'name' | 'K_min' | 'p50_ms_max';
type Choice = Field | 'write';

export function gatesText(spec: Spec): string {
  const g = spec.gates ?? {};
  const parts = [
    g.K_min !== undefined ? `K ≥ ${g.K_min}` : '',
    g.pass_min !== undefined ? `pass ≥ ${g.pass_min}` : '',
    g.p50_ms_max !== undefined ? `p50 ≤ ${g.p50_ms_max} ms` : '',
    g.p95_ms_max !== undefined ? `p95 ≤ ${g.p95_ms_max} ms` : '',
  ].filter(Boolean);
  return parts.join(' · ') || 'none';
}

export function SpecStep({ spec: initial, warnings, outDir, onWritten, onBack }: SpecStepProps): ReactNode {
  const color = useColor();
  const width = useWidth();
  const [spec, setSpec] = useState(initial);
  const [editing, setEditing] = useState<Field | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [writing, setWriting] = useState(false);

  useInput(
    (_input, key) => {
      if (!key.escape) return;
      if (editing) {
        setEditing(null);
        setError(null);
      } else onBack();
    },
    { isActive: !writing },
  );

  const shape = (s: Spec['shape']['input']) => (typeof s === 'string' ? s : `{${Object.keys(s).join(', ')}}`);
  const t = spec.train;
  const rows: [string, string][] = [
    ['name', spec.name ?? '(none)'],
    ['task', spec.task],
    ['shape', `${shape(spec.shape.input)} → ${shape(spec.shape.output)}`],
    ['base', spec.base ? `${spec.base}${spec.base_revision ? `@${spec.base_revision}` : ''}` : '(none: recipes only)'],
    ['adapter', t ? `${t.adapter} r${t.rank} α${t.alpha}${t.dropout !== undefined ? ` dropout ${t.dropout}` : ''} · ${t.epochs} epochs · lr ${t.learning_rate}` : '(none)'],
    ['prompt', spec.prompt ? oneLineTemplate(spec.prompt.template) : '(none)'],
    ['quantize', spec.quantization ?? 'int8'],
    ['gates', gatesText(spec)],
  ];
  const now = (f: Field) => (f === 'name' ? spec.name ?? '' : spec.gates?.[f] !== undefined ? String(spec.gates[f]) : '');
  const items: { label: string; value: Choice }[] = [
    { label: 'Write spec.json and compile', value: 'write' },
    { label: `Edit the name (${spec.name ?? 'none'})`, value: 'name' },
    { label: `Edit gate K_min (${spec.gates?.K_min ?? 'none'})`, value: 'K_min' },
    { label: `Edit gate p50_ms_max (${spec.gates?.p50_ms_max ?? 'none'})`, value: 'p50_ms_max' },
  ];

  return (
    <Box flexDirection="column">
      <Text bold>spec.json, translated from config.yaml</Text>
      {rows.map(([k, v]) => (
        <Text key={k}>
          <Text dimColor>{k.padEnd(9)}</Text>
          {clip(v, width - 10)}
        </Text>
      ))}
      {warnings.slice(0, 3).map((w, i) => (
        <Text key={i} color={color('yellow')}>
          {clip(`! ${w}`, width)}
        </Text>
      ))}
      {warnings.length > 3 ? <Text dimColor>  … {warnings.length - 3} more warnings</Text> : null}
      <Box marginTop={1} flexDirection="column">
        {editing ? (
          <>
            <Box>
              <Text>{editing === 'name' ? 'Name' : `${editing} (empty: no gate)`}: </Text>
              <LineInput
                value={text}
                onChange={(v) => {
                  setText(v);
                  setError(null);
                }}
                onSubmit={(v) => {
                  try {
                    setSpec(editSpec(spec, editing, v));
                    setEditing(null);
                  } catch (err) {
                    setError(err);
                  }
                }}
              />
            </Box>
            {error ? <ErrorBox error={error} /> : null}
            <Keys items={['enter set', 'esc cancel the edit']} />
          </>
        ) : writing ? (
          <Text>writing spec.json…</Text>
        ) : (
          <>
            <Select
              items={items}
              onSelect={(choice) => {
                if (choice !== 'write') {
                  setText(now(choice));
                  setEditing(choice);
                  return;
                }
                setWriting(true);
                writeSpec(outDir, spec).then(
                  (path) => onWritten(spec, path),
                  (err) => {
                    setWriting(false);
                    setError(err);
                  },
                );
              }}
            />
            {error ? <ErrorBox error={error} /> : null}
            <Keys items={['↑↓ choose', 'enter pick', 'esc back', 'ctrl-c quit']} />
          </>
        )}
      </Box>
    </Box>
  );
}

const oneLineTemplate = (t: string) => t.replace(/\s+/g, ' ');
