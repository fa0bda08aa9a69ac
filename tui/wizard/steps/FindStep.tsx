/** @jsxRuntime automatic @jsxImportSource react */
// Step 1: find the export. Lists the exports found under the folder (or the one given with --export); the
// last item lets the user type a path, checked as it is typed, with Tab completing folder names.
import { existsSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { useMemo, useState, type ReactNode } from 'react';
import { Box, Text, useInput } from 'ink';
import { findExports, tryExportAt, type FoundExport } from '../../../core/migrate/index.ts';
import { checkExportPath, completePath } from '../services.ts';
import { clip, Keys, LineInput, Select, useColor, useWidth } from '../ui/kit.tsx';

export interface FindStepProps {
  cwd: string;
  /** --export, when given. */
  initialPath?: string;
  /** The export chosen before (Esc back from step 2): highlighted again. */
  current?: FoundExport;
  onFound: (found: FoundExport) => void;
}

const TYPE = Symbol('type a path');

export function describeExport(e: FoundExport): string {
  const data = e.dataFiles.map((f) => basename(f)).join(', ');
  return `${basename(e.config)} · ${e.dataFiles.length} data file${e.dataFiles.length > 1 ? 's' : ''} (${data})${e.adapterDir ? ` · adapter: ${basename(e.adapterDir)}` : ''}`;
}

export function FindStep({ cwd, initialPath, current, onFound }: FindStepProps): ReactNode {
  const color = useColor();
  const width = useWidth();
  const root = resolve(cwd, initialPath ?? '.');
  const exports = useMemo(() => {
    if (!existsSync(root)) return [];
    const here = tryExportAt(root);
    return here ? [here] : findExports(root);
  }, [root]);
  const show = (p: string) => relative(cwd, p) || '.';
  const [mode, setMode] = useState<'list' | 'type'>(exports.length ? 'list' : 'type');
  const [text, setText] = useState(initialPath && !exports.length ? initialPath : '');
  const [matches, setMatches] = useState<string[]>([]);
  const [highlight, setHighlight] = useState<FoundExport | typeof TYPE>(current ?? exports[0] ?? TYPE);
  const check = checkExportPath(text, cwd);

  useInput(
    (_input, key) => {
      if (key.escape && exports.length) {
        setMode('list');
        setMatches([]);
      }
    },
    { isActive: mode === 'type' },
  );

  const items = [
    ...exports.map((e) => ({ label: clip(show(e.exportDir), width - 4), value: e as FoundExport | typeof TYPE })),
    { label: 'Type a path…', value: TYPE as FoundExport | typeof TYPE },
  ];
  const initialIndex = Math.max(0, exports.findIndex((e) => e.exportDir === current?.exportDir));

  return (
    <Box flexDirection="column">
      <Text bold>Find the Predibase export</Text>
      {exports.length ? (
        <Text>
          Found {exports.length} export{exports.length > 1 ? 's' : ''} under {show(root)}:
        </Text>
      ) : (
        <Text color={color('yellow')}>No export under {show(root)}: it needs config.yaml beside CSV/Parquet/JSONL files.</Text>
      )}
      {mode === 'list' ? (
        <>
          <Box marginTop={1}>
            <Select
              items={items}
              initialIndex={initialIndex}
              onHighlight={setHighlight}
              onSelect={(v) => (v === TYPE ? setMode('type') : onFound(v))}
            />
          </Box>
          <Box marginTop={1}>
            <Text dimColor>{highlight === TYPE ? 'a folder with config.yaml and the data files' : clip(describeExport(highlight), width)}</Text>
          </Box>
          <Keys items={['↑↓ choose', 'enter pick', 'ctrl-c quit']} />
        </>
      ) : (
        <>
          <Box marginTop={1}>
            <Text>Path: </Text>
            <LineInput
              value={text}
              placeholder="predibase-export/"
              onChange={(v) => {
                setText(v);
                setMatches([]);
              }}
              onTab={() => {
                const c = completePath(text, cwd);
                setText(c.text);
                setMatches(c.matches.length > 1 ? c.matches : []);
              }}
              onSubmit={(v) => {
                const c = checkExportPath(v, cwd);
                if (c.ok) onFound(c.found);
              }}
            />
          </Box>
          {matches.length ? <Text dimColor>{clip(matches.join('  '), width)}</Text> : null}
          <Text color={check.ok ? color('green') : color('yellow')}>{clip(check.ok ? `✓ ${describeExport(check.found)}` : `✗ ${check.message}`, width)}</Text>
          <Keys items={['tab complete', 'enter use this export', ...(exports.length ? ['esc back to the list'] : []), 'ctrl-c quit']} />
        </>
      )}
    </Box>
  );
}
