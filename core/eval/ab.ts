// Evaluate an artifact and, when asked, A/B it: against the old LoRAX/Predibase endpoint on the same cases,
// and/or against a previous eval report (e.g. the base branch's). `kolm eval` and the GitHub Action both
// compose the run through here, so the two faces score, gate and compare the same way.
import { KolmError } from '../errors.ts';
import { createScorer, labelSet, type Scorer } from '../kscore/index.ts';
import type { Reporter } from '../progress.ts';
import type { Example, Predictor } from '../runtime/types.ts';
import { promptRenderer, remoteParameters, resolveEndpoint, runRemote, type FetchLike } from '../remote/index.ts';
import type { Gates, OutputKind, Spec } from '../spec/index.ts';
import { compareReports, renderComparisonMarkdown, type Comparison } from './compare.ts';
import { checkGates } from './gates.ts';
import { evaluatePredictor } from './local.ts';
import { buildReport, type EvalReport, type GateResult } from './report.ts';
import { printable } from '../printable.ts';

/** The old endpoint to A/B against (`--against`). */
export interface RemoteTarget {
  /** LoRAX base URL, `/generate` URL or Predibase deployment URL. */
  url: string;
  adapterId?: string;
  /** Bearer token; required for Predibase. Never logged, cached or put in a message. */
  token?: string;
  maxNewTokens?: number;
  temperature?: number;
  concurrency?: number;
  timeoutMs?: number;
  retries?: number;
  /** The whole A/B's limit in ms (runRemote's default: 1 h); at it the run stops resumably with E_REMOTE. */
  deadlineMs?: number;
  /** JSONL resume cache for the remote results. */
  cachePath?: string;
  fetch?: FetchLike;
}

export interface ArtifactEvalInput {
  /** What the loaded artifact says about itself (its manifest's spec and output kind). */
  spec: Spec;
  outputKind: OutputKind;
  predictor: Predictor;
  /** How the report names the artifact (its path). */
  artifact: string;
  examples: readonly Example[];
  /** Override the spec's gates. */
  gates?: Gates;
  remote?: RemoteTarget;
  /** A previous report to compare with, and the name to show for it (e.g. "base (main)"). */
  baseline?: { report: EvalReport; name: string };
  reporter?: Reporter;
  /** Called with the local report before any remote request, so it can be saved even if the A/B fails. */
  onLocalReport?: (report: EvalReport) => Promise<void> | void;
}

export interface ArtifactEvalResult {
  kolm: EvalReport;
  remote?: EvalReport;
  /** kolm vs the remote endpoint. */
  comparison?: Comparison;
  /** kolm vs the baseline report. */
  baseline?: Comparison;
}

/** Score the artifact on the cases (gated), then A/B it against the endpoint and/or the baseline. */
export async function evaluateArtifact(input: ArtifactEvalInput): Promise<ArtifactEvalResult> {
  const kind = input.outputKind;
  const scorer = createScorer(kind, { labels: kind === 'label' ? labelSet(input.examples.map((e) => e.output)) : undefined });
  const kolm = await evaluatePredictor(input.predictor, input.examples, scorer, { system: { name: 'kolm', artifact: input.artifact }, reporter: input.reporter });
  kolm.gates = checkGates(kolm, input.gates ?? input.spec.gates);
  await input.onLocalReport?.(kolm);
  const result: ArtifactEvalResult = { kolm };
  if (input.remote) {
    result.remote = await evaluateRemote(input.spec, input.examples, scorer, input.remote, input.reporter);
    result.comparison = compareReports(kolm, result.remote);
  }
  if (input.baseline) {
    const named = { ...input.baseline.report, system: { ...input.baseline.report.system, name: input.baseline.name } };
    result.baseline = compareReports(kolm, named);
  }
  return result;
}

/** The same cases sent to the old endpoint, scored by the same scorer. */
export async function evaluateRemote(spec: Spec, examples: readonly Example[], scorer: Scorer, target: RemoteTarget, reporter?: Reporter): Promise<EvalReport> {
  const endpoint = resolveEndpoint(target.url);
  if (endpoint.kind === 'predibase' && !target.token) {
    throw new KolmError('E_USAGE', 'a Predibase endpoint needs a token', { hint: 'set PREDIBASE_API_TOKEN (or pass --token; in the Action: predibase-token)' });
  }
  const render = promptRenderer(spec);
  const overrides = {
    ...(target.adapterId ? { adapter_id: target.adapterId } : {}),
    ...(target.maxNewTokens !== undefined ? { max_new_tokens: target.maxNewTokens } : {}),
    ...(target.temperature !== undefined ? { temperature: target.temperature } : {}),
  };
  const results = await runRemote({
    endpoint,
    cases: examples.map((e, i) => ({ id: String(i + 1), prompt: render(e.input as never) })),
    parameters: remoteParameters(spec, overrides),
    token: target.token,
    concurrency: target.concurrency,
    timeoutMs: target.timeoutMs,
    retries: target.retries,
    ...(target.deadlineMs !== undefined ? { deadlineMs: target.deadlineMs } : {}),
    cachePath: target.cachePath,
    reporter,
    ...(target.fetch ? { fetch: target.fetch } : {}),
  });
  const byId = new Map(results.map((r) => [r.id, r]));
  return buildReport(
    { name: endpoint.kind === 'predibase' ? 'Predibase' : 'LoRAX', endpoint: endpoint.display, ...(target.adapterId ? { adapter_id: target.adapterId } : {}) },
    examples.map((e, i) => {
      const r = byId.get(String(i + 1))!;
      return { input: e.input, reference: e.output, prediction: r.output, latency_ms: r.latency_ms, ...(r.error ? { error: `${r.error.status ?? ''} ${r.error.message}`.trim() } : {}) };
    }),
    scorer,
  );
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const ms = (x: number | undefined) => (x === undefined ? '–' : x < 1 ? `${x.toFixed(3)} ms` : `${x.toFixed(1)} ms`);
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/</g, '&lt;');

/** One report alone, as Markdown: the table a PR comment shows when there is nothing to compare with. */
export function renderReportMarkdown(r: EvalReport, gates: readonly GateResult[] = r.gates ?? []): string {
  const missed = gates.filter((g) => !g.pass);
  const head = missed.length ? `### ❌ ${r.system.name} missed ${missed.length} gate${missed.length > 1 ? 's' : ''}: K ${r.K.toFixed(3)}` : `### ✅ ${r.system.name}: K ${r.K.toFixed(3)}`;
  const lines = [
    head,
    '',
    `| | ${r.system.name} |`,
    '|---|---:|',
    `| K (95 % CI) | ${r.K.toFixed(3)} (${r.K_ci95[0].toFixed(3)}–${r.K_ci95[1].toFixed(3)}) |`,
    `| pass rate | ${pct(r.pass_rate)} |`,
    `| p50 latency | ${ms(r.latency_ms?.p50)} |`,
    `| p95 latency | ${ms(r.latency_ms?.p95)} |`,
    `| cases | ${r.cases} |`,
    `| errors | ${r.errors} |`,
  ];
  const c = r.cascade;
  if (c) {
    lines.push(
      `| answered locally | ${pct(c.local_share)} (${c.local} of ${r.cases}; K ${c.K_local?.toFixed(3) ?? '–'}, p50 ${ms(c.latency_ms.local?.p50)}) |`,
      `| sent to the fallback | ${c.fallback} (K ${c.K_fallback?.toFixed(3) ?? '–'}, p50 ${ms(c.latency_ms.fallback?.p50)}) |`,
      `| GPU requests saved | ${c.requests_saved}${c.fallback_ms_saved === null ? '' : ` (≈ ${ms(c.fallback_ms_saved)} of fallback time)`} |`,
    );
  }
  if (gates.length) {
    lines.push('', '| gate | limit | value | |', '|---|---:|---:|---|');
    for (const g of gates) lines.push(`| ${g.gate} | ${g.limit} | ${g.value === null ? '–' : Number(g.value.toFixed(4))} | ${g.pass ? '✅ pass' : `❌ ${cell(g.detail)}`} |`);
  }
  // The system name comes from the artifact or the endpoint: shown escaped, like every string not from kolm.
  return printable(`${lines.join('\n')}\n`);
}

/** Everything a run found, as one Markdown body: each comparison, or the report alone when there is none. */
export function renderEvalMarkdown(result: ArtifactEvalResult): string {
  const parts: string[] = [];
  if (result.comparison) parts.push(renderComparisonMarkdown(result.comparison));
  if (result.baseline) parts.push(renderComparisonMarkdown({ ...result.baseline, gates: result.comparison ? [] : result.baseline.gates }));
  if (parts.length === 0) parts.push(renderReportMarkdown(result.kolm));
  return parts.join('\n');
}
