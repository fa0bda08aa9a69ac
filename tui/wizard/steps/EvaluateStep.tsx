/** @jsxRuntime automatic @jsxImportSource react */
// Step 5: the eval on the held-out split with the gate verdicts, and optionally the A/B against the old
// Predibase/LoRAX endpoint on the same cases: URL, adapter id and token are asked for; the token is masked
// on screen and kept in memory only (never written, logged or cached).
import { basename, relative } from 'node:path';
import { useState, type ReactNode } from 'react';
import { Box, Text, useInput } from 'ink';
import type { EvalReport } from '../../../core/eval/index.ts';
import type { BuildResult } from '../../../core/migrate/index.ts';
import type { Spec } from '../../../core/spec/index.ts';
import { abStep } from '../services.ts';
import type { AbResult } from '../state.ts';
import { Busy, clip, ErrorBox, Keys, LineInput, ProgressBar, Select, TextTable, useColor, useReporter, useWidth } from '../ui/kit.tsx';

export interface EvaluateStepProps {
  cwd: string;
  outDir: string;
  spec: Spec;
  built: BuildResult;
  ab?: AbResult;
  /** PREDIBASE_API_TOKEN from the environment, offered as the default token. */
  envToken?: string;
  onAb: (ab: AbResult, endpoint: { url: string; adapterId?: string }) => void;
  onNext: () => void;
  onBack: () => void;
}

type Field = 'url' | 'adapterId' | 'token';
type Phase = { kind: 'report' } | { kind: 'form'; field: Field } | { kind: 'running' } | { kind: 'error'; error: unknown };
const FIELDS: Field[] = ['url', 'adapterId', 'token'];

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const ms = (x: number | undefined) => (x === undefined ? '–' : x < 1 ? `${x.toFixed(3)} ms` : `${x.toFixed(1)} ms`);

export function Headline({ r }: { r: EvalReport }): ReactNode {
  return (
    <Text>
      {r.system.name}: K {r.K.toFixed(3)} [{r.K_ci95[0].toFixed(3)}, {r.K_ci95[1].toFixed(3)}] · pass {r.passed}/{r.cases} {pct(r.pass_rate)} · p50 {ms(r.latency_ms?.p50)} · p95 {ms(r.latency_ms?.p95)}
      {r.errors ? ` · ${r.errors} errors` : ''}
    </Text>
  );
}

export function EvaluateStep(props: EvaluateStepProps): ReactNode {
  const { built, cwd, outDir, spec } = props;
  const color = useColor();
  const width = useWidth();
  const { reporter, progress, reset } = useReporter();
  const [phase, setPhase] = useState<Phase>({ kind: 'report' });
  const [form, setForm] = useState({ url: '', adapterId: '', token: '' });
  const show = (p: string) => relative(cwd, p) || '.';
  const evaluation = built.evaluation;

  const run = (form: { url: string; adapterId: string; token: string }) => {
    setPhase({ kind: 'running' });
    reset();
    const token = form.token || props.envToken;
    abStep({ built, spec, outDir, url: form.url.trim(), ...(form.adapterId.trim() ? { adapterId: form.adapterId.trim() } : {}), ...(token ? { token } : {}) }, reporter).then(
      (ab) => {
        setPhase({ kind: 'report' });
        props.onAb(ab, { url: form.url.trim(), ...(form.adapterId.trim() ? { adapterId: form.adapterId.trim() } : {}) });
      },
      (error) => setPhase({ kind: 'error', error }),
    );
  };

  useInput(
    (_input, key) => {
      if (phase.kind === 'form' && key.escape) {
        const i = FIELDS.indexOf(phase.field);
        setPhase(i === 0 ? { kind: 'report' } : { kind: 'form', field: FIELDS[i - 1]! });
      } else if (phase.kind === 'report' && key.escape) props.onBack();
      else if (phase.kind === 'error' && (key.escape || key.return)) setPhase({ kind: 'form', field: 'url' });
    },
    { isActive: phase.kind !== 'running' },
  );

  const title = <Text bold>Evaluate {basename(built.artifactPath)}</Text>;
  if (!evaluation) {
    return (
      <Box flexDirection="column">
        {title}
        <Text color={color('yellow')}>The export has no validation or test split: there is nothing held out to score on.</Text>
        <Select items={[{ label: 'Continue to ship', value: 'next' }]} onSelect={props.onNext} />
        <Keys items={['enter continue', 'esc back', 'ctrl-c quit']} />
      </Box>
    );
  }
  const r = evaluation.report;
  const gates = r.gates ?? [];

  if (phase.kind === 'form') {
    const labels: Record<Field, string> = {
      url: 'Endpoint URL (LoRAX base URL or Predibase deployment URL)',
      adapterId: 'Adapter id (parameters.adapter_id; empty: none)',
      token: props.envToken ? 'Token (empty: use $PREDIBASE_API_TOKEN)' : 'Token (Bearer; empty for a LoRAX server without auth)',
    };
    return (
      <Box flexDirection="column">
        {title}
        <Text>A/B against the old endpoint on the same {r.cases} cases</Text>
        {FIELDS.filter((f) => FIELDS.indexOf(f) < FIELDS.indexOf(phase.field)).map((f) => (
          <Text key={f} dimColor>
            {clip(`${labels[f].split(' (')[0]}: ${f === 'token' ? '•'.repeat(form.token.length) : form[f] || '(none)'}`, width)}
          </Text>
        ))}
        <Text>{labels[phase.field]}:</Text>
        <Box>
          <Text>› </Text>
          <LineInput
            value={form[phase.field]}
            {...(phase.field === 'token' ? { mask: '•' } : {})}
            {...(phase.field === 'url' ? { placeholder: 'https://serving.app.predibase.com/TENANT/deployments/v2/llms/NAME' } : {})}
            onChange={(v) => setForm((f) => ({ ...f, [phase.field]: v }))}
            onSubmit={(v) => {
              const now = { ...form, [phase.field]: v };
              if (phase.field === 'url' && !now.url.trim()) return;
              const i = FIELDS.indexOf(phase.field);
              if (i < FIELDS.length - 1) setPhase({ kind: 'form', field: FIELDS[i + 1]! });
              else run(now);
            }}
          />
        </Box>
        <Keys items={['enter next', 'esc previous field', 'the token is never written to disk']} />
      </Box>
    );
  }

  if (phase.kind === 'running') {
    const remote = progress.stages.filter((s) => !s.stage.startsWith('eval:'));
    const last = (remote.length ? remote : progress.stages)[(remote.length ? remote : progress.stages).length - 1];
    return (
      <Box flexDirection="column">
        {title}
        <Busy label={remote.length ? `asking ${clip(last?.event.message ?? form.url, width - 20)}` : 'scoring kolm on the held-out cases'} />
        {last?.event.total ? <ProgressBar done={last.event.done ?? 0} total={last.event.total} width={Math.min(40, width - 20)} /> : null}
        {progress.infos.slice(-1).map((m, i) => (
          <Text key={i} dimColor>
            {clip(m, width)}
          </Text>
        ))}
      </Box>
    );
  }

  const ab = props.ab;
  const labelRows = (r.labels ?? []).slice(0, 6).map((l) => [l.label, String(l.support), l.precision.toFixed(3), l.recall.toFixed(3), l.f1.toFixed(3)]);
  return (
    <Box flexDirection="column">
      {title}
      <Text dimColor>{clip(`${show(evaluation.file)} · ${r.cases} cases (${r.kind}) · report ${show(evaluation.reportPath)}`, width)}</Text>
      <Headline r={r} />
      {gates.length ? (
        gates.map((g) => (
          <Text key={g.gate} color={g.pass ? color('green') : color('red')}>
            {clip(`${g.pass ? '✓ pass' : '✗ FAIL'}  ${g.gate} ${g.limit} · ${g.detail}`, width)}
          </Text>
        ))
      ) : (
        <Text dimColor>no gates in the spec</Text>
      )}
      {!ab && labelRows.length ? (
        <Box marginTop={1}>
          <TextTable rows={[['label', 'support', 'precision', 'recall', 'f1'], ...labelRows]} align={['l', 'r', 'r', 'r', 'r']} width={width} />
        </Box>
      ) : null}
      {ab ? (
        <Box marginTop={1} flexDirection="column">
          <Headline r={ab.remote} />
          <TextTable rows={abRows(r, ab)} align={['l', 'r', 'r', 'r']} width={width} />
          <Text>{clip(ab.comparison.verdict_line, width)}</Text>
          <Text dimColor>{ab.comparison.disagreements.total} cases answered differently</Text>
          <Text dimColor>{clip(`wrote ${show(ab.remotePath)}`, width)}</Text>
        </Box>
      ) : null}
      {phase.kind === 'error' ? (
        <Box flexDirection="column" marginTop={1}>
          <ErrorBox error={phase.error} />
          <Keys items={['enter/esc edit the endpoint again']} />
        </Box>
      ) : (
        <Box marginTop={1} flexDirection="column">
          <Select
            items={[
              { label: 'Continue to ship', value: 'next' as const },
              { label: ab ? 'Run the A/B again…' : 'A/B against the Predibase endpoint…', value: 'ab' as const },
            ]}
            onSelect={(v) => (v === 'next' ? props.onNext() : setPhase({ kind: 'form', field: 'url' }))}
          />
          <Keys items={['↑↓ choose', 'enter pick', 'esc back', 'ctrl-c quit']} />
        </Box>
      )}
    </Box>
  );
}

function abRows(k: EvalReport, ab: AbResult): string[][] {
  const o = ab.remote;
  const d = (a: number, b: number, f: (x: number) => string) => `${a - b >= 0 ? '+' : ''}${f(a - b)}`;
  return [
    ['', 'kolm', o.system.name, 'delta'],
    ['K', k.K.toFixed(3), o.K.toFixed(3), d(k.K, o.K, (x) => x.toFixed(3))],
    ['pass rate', pct(k.pass_rate), pct(o.pass_rate), d(k.pass_rate * 100, o.pass_rate * 100, (x) => `${x.toFixed(1)} pt`)],
    ['p50', ms(k.latency_ms?.p50), ms(o.latency_ms?.p50), ''],
  ];
}
