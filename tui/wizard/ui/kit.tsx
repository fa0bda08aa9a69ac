/** @jsxRuntime automatic @jsxImportSource react */
// Small Ink building blocks the steps share: colour that honours NO_COLOR, a line input (with a mask for
// secrets), a select list, a progress bar, an aligned table clipped to the terminal, key hints, and a
// Reporter that turns core's progress events into React state.
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Box, Text, useInput, useStdout } from 'ink';
import Spinner from 'ink-spinner';
import type { ProgressEvent, Reporter } from '../../../core/progress.ts';
import { isKolmError } from '../../../core/errors.ts';

/** False under NO_COLOR: every colour prop below turns into plain text. */
export const ColorContext = createContext(true);

export function useColor(): (c: string) => string | undefined {
  const on = useContext(ColorContext);
  return (c) => (on ? c : undefined);
}

export function useWidth(): number {
  const { stdout } = useStdout();
  return Math.max(40, Math.min((stdout as NodeJS.WriteStream).columns || 80, 160));
}

export const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, Math.max(0, n - 1))}…` : s);
export const oneLine = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v) ?? '').replace(/\s+/g, ' ');

export function Keys({ items }: { items: string[] }): ReactNode {
  return (
    <Box marginTop={1}>
      <Text dimColor>{items.join(' · ')}</Text>
    </Box>
  );
}

export function Busy({ label }: { label: string }): ReactNode {
  const color = useColor();
  return (
    <Text>
      <Text color={color('cyan')}>
        <Spinner type="dots" />
      </Text>{' '}
      {label}
    </Text>
  );
}

export function ProgressBar({ done, total, width = 30 }: { done: number; total: number; width?: number }): ReactNode {
  const color = useColor();
  const ratio = total > 0 ? Math.min(1, done / total) : 0;
  const full = Math.round(ratio * width);
  return (
    <Text>
      <Text color={color('green')}>{'█'.repeat(full)}</Text>
      <Text dimColor>{'░'.repeat(width - full)}</Text> {done}/{total}
    </Text>
  );
}

/** Seconds since `since`, ticking while `running`. */
export function useElapsed(since: number, running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setNow(Date.now()), 200);
    return () => clearInterval(t);
  }, [running]);
  return ((running ? now : Math.max(now, since)) - since) / 1000;
}

/** Columns padded to their widest cell, each row clipped to the terminal. First column left, the rest as given. */
export function TextTable({ rows, align = [], width }: { rows: string[][]; align?: ('l' | 'r')[]; width: number }): ReactNode {
  if (!rows.length) return null;
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => ((align[i] ?? 'l') === 'r' ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return (
    <Box flexDirection="column">
      {rows.map((r, i) => (
        <Text key={i} bold={i === 0}>
          {clip(line(r), width)}
        </Text>
      ))}
    </Box>
  );
}

export interface LineInputProps {
  value: string;
  onChange: (value: string) => void;
  onSubmit: (value: string) => void;
  onTab?: () => void;
  /** Shown instead of each character (secrets). */
  mask?: string;
  placeholder?: string;
  isActive?: boolean;
}

/** One line of text, edited at its end: type, Backspace, Ctrl-U clears, Tab calls onTab, Enter submits. */
export function LineInput({ value, onChange, onSubmit, onTab, mask, placeholder, isActive = true }: LineInputProps): ReactNode {
  // Keys that arrive in one chunk (fast typing, paste, "text\r") are handled before React re-renders, so
  // the latest value lives in a ref, not in the render's closure.
  const latest = useRef(value);
  latest.current = value;
  const change = (v: string) => {
    latest.current = v;
    onChange(v);
  };
  useInput(
    (input, key) => {
      if (key.return) return onSubmit(latest.current);
      if (key.tab) return onTab?.();
      if (key.backspace || key.delete) return change(latest.current.slice(0, -1));
      if (key.ctrl && input === 'u') return change('');
      if (key.ctrl || key.meta || key.escape || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow) return;
      // A chunk such as "0.9\r" comes as one input: take the text, then submit.
      const submit = /[\r\n]/.test(input);
      const text = input.split(/[\r\n]/)[0]!.replace(/\t/g, '');
      if (text) change(latest.current + text);
      if (submit) onSubmit(latest.current);
    },
    { isActive },
  );
  const shown = mask ? mask.repeat(value.length) : value;
  return (
    <Text>
      {shown === '' && placeholder ? <Text dimColor>{placeholder}</Text> : shown}
      <Text inverse> </Text>
    </Text>
  );
}

export interface SelectItem<T> {
  label: string;
  value: T;
}

/** A vertical list: ↑/↓ (or k/j) move, Enter picks. */
export function Select<T>({ items, onSelect, onHighlight, isActive = true, initialIndex = 0 }: { items: SelectItem<T>[]; onSelect: (value: T) => void; onHighlight?: (value: T) => void; isActive?: boolean; initialIndex?: number }): ReactNode {
  const color = useColor();
  const [index, setIndex] = useState(Math.min(initialIndex, Math.max(0, items.length - 1)));
  // As in LineInput: several keys in one chunk must see each other's moves.
  const at = useRef(index);
  at.current = Math.min(at.current, Math.max(0, items.length - 1));
  const move = (d: number) => {
    const i = (at.current + d + items.length) % items.length;
    at.current = i;
    setIndex(i);
    onHighlight?.(items[i]!.value);
  };
  useInput(
    (input, key) => {
      if (key.upArrow || input === 'k') move(-1);
      else if (key.downArrow || input === 'j') move(1);
      else if (key.return && items[at.current]) onSelect(items[at.current]!.value);
    },
    { isActive },
  );
  return (
    <Box flexDirection="column">
      {items.map((it, i) => (
        <Text key={i} color={i === index ? color('cyan') : undefined} bold={i === index}>
          {i === index ? '❯ ' : '  '}
          {it.label}
        </Text>
      ))}
    </Box>
  );
}

/** A KolmError (or any error) as the screen shows it: code and message, then the hint. */
export function ErrorBox({ error }: { error: unknown }): ReactNode {
  const color = useColor();
  const width = useWidth();
  const code = isKolmError(error) ? error.code : 'E_INTERNAL';
  const message = error instanceof Error ? error.message : String(error);
  const hint = isKolmError(error) ? error.hint : undefined;
  return (
    <Box flexDirection="column">
      <Text color={color('red')}>
        ✗ {code}: {clip(message.split('\n')[0]!, width * 3)}
      </Text>
      {hint ? <Text color={color('yellow')}>  hint: {clip(hint, width * 2)}</Text> : null}
    </Box>
  );
}

export interface ProgressState {
  /** Latest event per stage, in the order stages first appeared. */
  stages: { stage: string; event: ProgressEvent }[];
  infos: string[];
  warnings: string[];
}

/** A Reporter that feeds React state, for passing into core calls; `reset` clears it for a rerun. */
export function useReporter(): { reporter: Reporter; progress: ProgressState; reset: () => void } {
  const empty: ProgressState = { stages: [], infos: [], warnings: [] };
  const [progress, setProgress] = useState<ProgressState>(empty);
  const reporter = useMemo<Reporter>(
    () => ({
      progress: (event) =>
        setProgress((p) => {
          const i = p.stages.findIndex((s) => s.stage === event.stage);
          const stages = i < 0 ? [...p.stages, { stage: event.stage, event }] : p.stages.map((s, j) => (j === i ? { stage: s.stage, event: { ...s.event, ...event } } : s));
          return { ...p, stages };
        }),
      info: (m) => setProgress((p) => ({ ...p, infos: [...p.infos, m] })),
      warn: (m) => setProgress((p) => ({ ...p, warnings: [...p.warnings, m] })),
    }),
    [],
  );
  return { reporter, progress, reset: () => setProgress(empty) };
}
