// An eval report (DESIGN §6): what a system answered on a set of cases, scored by the one K-score module.
// The same builder serves the local artifact and a remote LoRAX/Predibase endpoint, so the two reports
// of an A/B mean the same thing field by field. Pure: takes outputs and latencies, returns data.
import { aggregate, calibration, coverageCurve, jsonPairs, parseJsonValue, type Calibration, type CoveragePoint, type KScoreSummary, type Scorer } from '../kscore/index.ts';
import type { OutputKind } from '../spec/index.ts';
import type { CascadeReport } from '../cascade/report.ts';

export const EVAL_REPORT_VERSION = 1;
const WORST = 10;
const CONFUSIONS = 10;

export interface CaseOutcome {
  input: unknown;
  reference: unknown;
  /** undefined when the system gave no answer (a remote error). */
  prediction?: unknown;
  latency_ms?: number;
  error?: string;
  /** The system's confidence in its answer, in [0, 1], when it gives one (kolm artifacts do). */
  confidence?: number;
}

export interface ScoredCase extends CaseOutcome {
  index: number;
  s: number;
  pass: boolean;
}

export interface LabelStats {
  label: string;
  support: number;
  predicted: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface FieldStats {
  field: string;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface LatencyStats {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  n: number;
}

export interface EvalReport {
  version: typeof EVAL_REPORT_VERSION;
  system: { name: string; artifact?: string; endpoint?: string; adapter_id?: string };
  kind: OutputKind;
  cases: number;
  passed: number;
  pass_rate: number;
  pass_rate_ci95: [number, number];
  K: number;
  K_ci95: [number, number];
  errors: number;
  latency_ms: LatencyStats | null;
  /** Cases answered per second in one batched run, for the local artifact. */
  throughput_cases_per_s?: number;
  labels?: LabelStats[];
  confusions?: { reference: string; prediction: string; count: number }[];
  fields?: FieldStats[];
  worst: ScoredCase[];
  /** Every case, for `kolm compare` to find disagreements. */
  results: { index: number; input: unknown; reference: unknown; prediction?: unknown; confidence?: number; s: number; pass: boolean; latency_ms?: number; error?: string }[];
  gates?: GateResult[];
  /** How well confidence predicts K (when every answer carried a confidence). */
  calibration?: Calibration;
  /** Share answered and K at each confidence threshold, highest first (same condition). */
  coverage?: CoveragePoint[];
  /** A cascade artifact: the split between recipe and fallback, K and latency per path, requests saved. */
  cascade?: CascadeReport;
}

export interface GateResult {
  gate: string;
  limit: number;
  value: number | null;
  pass: boolean;
  /** What the miss is, in words, e.g. "K 0.812 is 0.038 under K_min 0.85". */
  detail: string;
}

export function latencyStats(values: readonly number[]): LatencyStats | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  let sum = 0;
  for (const v of sorted) sum += v;
  const r = (x: number) => Number(x.toFixed(4));
  return { p50: r(at(0.5)), p95: r(at(0.95)), p99: r(at(0.99)), mean: r(sum / sorted.length), n: sorted.length };
}

function labelBreakdown(cases: readonly ScoredCase[], scorer: Scorer) {
  const norm = (v: unknown) => scorer.normalize(typeof v === 'string' ? v : JSON.stringify(v ?? ''));
  const display = new Map<string, string>();
  const support = new Map<string, number>();
  const predicted = new Map<string, number>();
  const correct = new Map<string, number>();
  const confusion = new Map<string, number>();
  for (const c of cases) {
    const gold = norm(c.reference);
    display.set(gold, String(c.reference));
    support.set(gold, (support.get(gold) ?? 0) + 1);
    if (c.prediction === undefined) continue;
    const pred = norm(c.prediction);
    if (!display.has(pred)) display.set(pred, String(c.prediction));
    predicted.set(pred, (predicted.get(pred) ?? 0) + 1);
    if (pred === gold) correct.set(gold, (correct.get(gold) ?? 0) + 1);
    else confusion.set(`${gold}\u0000${pred}`, (confusion.get(`${gold}\u0000${pred}`) ?? 0) + 1);
  }
  const labels: LabelStats[] = [...support.keys()].sort().map((l) => {
    const tp = correct.get(l) ?? 0;
    const p = predicted.get(l) ?? 0;
    const s = support.get(l)!;
    const precision = p ? tp / p : 0;
    const recall = s ? tp / s : 0;
    return { label: display.get(l)!, support: s, predicted: p, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  });
  const confusions = [...confusion.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, CONFUSIONS)
    .map(([k, count]) => {
      const [g, p] = k.split('\u0000');
      return { reference: display.get(g!)!, prediction: display.get(p!)!, count };
    });
  return { labels, confusions };
}

/** Per top-level JSON field: precision/recall of the (path, value) pairs under it. */
function fieldBreakdown(cases: readonly ScoredCase[], scorer: Scorer): FieldStats[] {
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  // A pair is "path\u0000value" (kscore's jsonPairs); its field is the path's first key, "$" for a bare value.
  const fieldOf = (pair: string) => pair.slice(0, pair.indexOf('\u0000')).split(/[.[]/)[0] || '$';
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const c of cases) {
    const gold = jsonPairsOf(c.reference, scorer);
    const pred = c.prediction === undefined ? [] : jsonPairsOf(c.prediction, scorer);
    const left = new Map<string, number>();
    for (const p of gold) left.set(p, (left.get(p) ?? 0) + 1);
    for (const p of pred) {
      const n = left.get(p) ?? 0;
      if (n > 0) {
        left.set(p, n - 1);
        bump(tp, fieldOf(p));
      } else bump(fp, fieldOf(p));
    }
    for (const [p, n] of left) for (let i = 0; i < n; i++) bump(fn, fieldOf(p));
  }
  const fields = new Set([...tp.keys(), ...fp.keys(), ...fn.keys()]);
  return [...fields].sort().map((field) => {
    const t = tp.get(field) ?? 0;
    const precision = t + (fp.get(field) ?? 0) ? t / (t + (fp.get(field) ?? 0)) : 0;
    const recall = t + (fn.get(field) ?? 0) ? t / (t + (fn.get(field) ?? 0)) : 0;
    return { field, support: t + (fn.get(field) ?? 0), precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  });
}

function jsonPairsOf(value: unknown, scorer: Scorer): string[] {
  const parsed = parseJsonValue(value);
  return parsed === undefined ? [] : jsonPairs(parsed, scorer.normalize);
}

/**
 * The one scoring step: each outcome judged against its reference (no answer scores 0), and K, the pass
 * rate and their intervals over them. Eval reports and compile's validation folds both score through here.
 */
export function scoreCases(outcomes: readonly CaseOutcome[], scorer: Scorer): { cases: ScoredCase[]; summary: KScoreSummary } {
  const cases: ScoredCase[] = outcomes.map((o, index) => {
    const judged = o.prediction === undefined ? { s: 0, pass: false } : scorer.judge(o.prediction, [o.reference]);
    return { ...o, index, s: judged.s, pass: judged.pass };
  });
  return { cases, summary: aggregate(cases) };
}

/** Score every case and build the report. */
export function buildReport(
  system: EvalReport['system'],
  outcomes: readonly CaseOutcome[],
  scorer: Scorer,
  extra: { throughput_cases_per_s?: number } = {},
): EvalReport {
  const { cases, summary } = scoreCases(outcomes, scorer);
  const latencies = cases.flatMap((c) => (c.latency_ms === undefined || c.error ? [] : [c.latency_ms]));
  const worst = cases
    .filter((c) => !c.pass)
    .sort((a, b) => a.s - b.s || a.index - b.index)
    .slice(0, WORST);
  const report: EvalReport = {
    version: EVAL_REPORT_VERSION,
    system,
    kind: scorer.kind,
    cases: summary.n,
    passed: summary.passed,
    pass_rate: summary.pass_rate,
    pass_rate_ci95: summary.pass_rate_ci95,
    K: summary.K,
    K_ci95: summary.K_ci95,
    errors: cases.filter((c) => c.error !== undefined).length,
    latency_ms: latencyStats(latencies),
    ...(extra.throughput_cases_per_s !== undefined ? { throughput_cases_per_s: Math.round(extra.throughput_cases_per_s) } : {}),
    worst,
    results: cases.map((c) => ({
      index: c.index,
      input: c.input,
      reference: c.reference,
      ...(c.prediction !== undefined ? { prediction: c.prediction } : {}),
      ...(c.confidence !== undefined ? { confidence: c.confidence } : {}),
      s: c.s,
      pass: c.pass,
      ...(c.latency_ms !== undefined ? { latency_ms: Number(c.latency_ms.toFixed(4)) } : {}),
      ...(c.error !== undefined ? { error: c.error } : {}),
    })),
  };
  const confidence = confidenceFigures(cases);
  if (confidence) Object.assign(report, confidence);
  if (scorer.kind === 'label') Object.assign(report, labelBreakdown(cases, scorer));
  if (scorer.kind === 'json') report.fields = fieldBreakdown(cases, scorer);
  return report;
}

/**
 * ECE and the coverage curve of scored cases, when every answered case carried a confidence (an unanswered
 * one counts as confidence 0: it was not answered at any threshold); none when the system gives none. Eval
 * reports and compile's out-of-fold cases both read them here.
 */
export function confidenceFigures(cases: readonly ScoredCase[]): { calibration: Calibration; coverage: CoveragePoint[] } | undefined {
  const answered = cases.filter((c) => c.prediction !== undefined);
  if (answered.length === 0 || answered.some((c) => typeof c.confidence !== 'number' || !(c.confidence >= 0 && c.confidence <= 1))) return undefined;
  const points = cases.map((c) => ({ confidence: c.prediction === undefined ? 0 : c.confidence!, s: c.s }));
  return { calibration: calibration(points), coverage: coverageCurve(points) };
}
