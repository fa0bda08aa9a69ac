// The compiler (DESIGN §5): try each recipe cheapest first, fitted on training folds and scored on folds
// carved from the training data (never on --eval), pick the best that passes the gates and clearly beats
// answering the most common training output (the majority baseline, on the same folds), refit it on all
// the training data, and return the artifact's bytes. Nothing is written here: the caller saves the bytes.
import { performance } from 'node:perf_hooks';
import { KolmError } from '../errors.ts';
import { checkGates, firstMissedGate } from '../eval/gates.ts';
import { timeSingleCalls } from '../eval/latency.ts';
import { evaluatePredictor } from '../eval/local.ts';
import { confidenceFigures, latencyStats, scoreCases, type CaseOutcome, type EvalReport, type ScoredCase } from '../eval/report.ts';
import { countOutputs, createScorer, labelSet, outputKindFor, type CoveragePoint, type KScoreSummary, type OutputCount, type Scorer } from '../kscore/index.ts';
import type { Reporter } from '../progress.ts';
import { silentReporter } from '../progress.ts';
import { candidates as allCandidates, loadRecipe } from '../recipes/index.ts';
import type { Candidate, FitContext, RecipeType, SavedRecipe } from '../recipes/types.ts';
import type { ClassifierRuntime, Example, Predictor } from '../runtime/types.ts';
import type { Gates, OutputKind, Spec } from '../spec/index.ts';
import { carveFolds, type Fold } from './split.ts';

export interface DatasetRef {
  role: 'train' | 'validation' | 'eval';
  sha256: string;
  rows: number;
}

export interface CompileInput {
  spec: Spec;
  train: readonly Example[];
  /** Scored once, on the winner, for the manifest and `evalReport`; never used to choose. */
  eval?: readonly Example[];
  seed?: number;
  /** Restrict the candidates (e.g. `--recipe classifier`). */
  only?: readonly RecipeType[];
  /**
   * The runtime of the returned `predictor` (default 'ts'). Scoring always runs on the TypeScript scorer: the
   * figures recorded in the artifact (K, ECE, the coverage curve) must not depend on which accelerator is
   * installed, and onnxruntime's float32 differs from it in the last bits, which moves ties in the curve.
   */
  classifierRuntime?: ClassifierRuntime;
}

export type CandidateStatus = 'winner' | 'passed' | 'below gate' | 'below baseline' | 'unsuitable' | 'failed';

export interface CandidateRow {
  type: RecipeType;
  /** Full validation metrics (scored rows only). */
  metrics?: Metrics;
  status: CandidateStatus;
  /** Why unsuitable / failed, or which gate it missed. */
  reason?: string;
  K?: number;
  pass_rate?: number;
  n?: number;
  p50_ms?: number;
  p99_ms?: number;
  fit_seconds?: number;
}

export interface Metrics {
  K: number;
  K_low: number;
  K_high: number;
  pass_rate: number;
  n: number;
  p50_ms: number;
  p99_ms: number;
  /** Expected calibration error of the confidences (recipes that give one), and the coverage curve. */
  ece?: number;
  coverage?: CoveragePoint[];
}

/** Answering the most common training output of each fold, scored on that fold's validation cases. */
export interface Baseline {
  /** The most common output of all the training examples (each fold uses its own training part's). */
  output: unknown;
  K: number;
  K_low: number;
  K_high: number;
  pass_rate: number;
  n: number;
}

export interface CompileOutcome {
  kind: OutputKind;
  winner: RecipeType;
  saved: SavedRecipe;
  predictor: Predictor;
  table: CandidateRow[];
  baseline: Baseline;
  validation: Metrics;
  eval?: Metrics;
  /** The full eval report behind `eval` (gated by the spec), when eval examples were given. */
  evalReport?: EvalReport;
  folds: number;
}

const LATENCY_SAMPLE = 300;

interface Latency {
  p50: number;
  p95: number;
  p99: number;
}

/** Per-case latency of single predict() calls, in ms, over up to LATENCY_SAMPLE inputs. */
export async function measureLatency(predictor: Predictor, examples: readonly Example[]): Promise<Latency> {
  const stats = latencyStats(await timeSingleCalls(predictor, examples.slice(0, LATENCY_SAMPLE).map((e) => e.input)));
  return { p50: stats?.p50 ?? 0, p95: stats?.p95 ?? 0, p99: stats?.p99 ?? 0 };
}

/** Evaluate a predictor as `kolm eval` does (latency on up to LATENCY_SAMPLE cases); the report, gated. */
async function evaluateOn(predictor: Predictor, examples: readonly Example[], scorer: Scorer, gates: Gates | undefined, reporter: Reporter): Promise<EvalReport> {
  const report = await evaluatePredictor(predictor, examples, scorer, { system: { name: 'kolm' }, reporter, latencySample: LATENCY_SAMPLE });
  report.gates = checkGates(report, gates);
  return report;
}

/** Score a predictor on examples: K with its interval, pass rate, latency (the eval report's figures). */
export async function scoreOn(predictor: Predictor, examples: readonly Example[], scorer: Scorer): Promise<Metrics> {
  return metricsOfReport(await evaluateOn(predictor, examples, scorer, undefined, silentReporter));
}

function metricsOfReport(r: EvalReport): Metrics {
  return {
    K: r.K,
    K_low: r.K_ci95[0],
    K_high: r.K_ci95[1],
    pass_rate: r.pass_rate,
    n: r.cases,
    p50_ms: r.latency_ms?.p50 ?? 0,
    p99_ms: r.latency_ms?.p99 ?? 0,
    ...(r.calibration ? { ece: r.calibration.ece } : {}),
    ...(r.coverage ? { coverage: r.coverage } : {}),
  };
}

/** ECE and the coverage curve of out-of-fold cases (the eval report's figures), when they carry confidences. */
function confidenceOf(cases: readonly ScoredCase[]): Pick<Metrics, 'ece' | 'coverage'> {
  const figures = confidenceFigures(cases);
  return figures ? { ece: figures.calibration.ece, coverage: figures.coverage } : {};
}

function metricsOf(summary: KScoreSummary, latency: Latency): Metrics {
  return {
    K: summary.K,
    K_low: summary.K_ci95[0],
    K_high: summary.K_ci95[1],
    pass_rate: summary.pass_rate,
    n: summary.n,
    p50_ms: latency.p50,
    p99_ms: latency.p99,
  };
}

/** The most common output (first seen wins a tie); undefined when every output is missing. */
function majorityOutput(examples: readonly Example[]): unknown {
  const present = examples.map((e) => e.output).filter((o) => o !== null && o !== undefined);
  let best: OutputCount | undefined;
  for (const c of countOutputs(present)) if (!best || c.count > best.count) best = c;
  return best?.value;
}

/** The majority baseline on the same folds the candidates are scored on. */
function majorityBaseline(train: readonly Example[], folds: readonly Fold<Example>[], scorer: Scorer): Baseline {
  const outcomes: CaseOutcome[] = [];
  for (const fold of folds) {
    const answer = majorityOutput(fold.train);
    for (const e of fold.validation) outcomes.push({ input: e.input, reference: e.output, prediction: answer });
  }
  const s = scoreCases(outcomes, scorer).summary;
  return { output: majorityOutput(train), K: s.K, K_low: s.K_ci95[0], K_high: s.K_ci95[1], pass_rate: s.pass_rate, n: s.n };
}

/**
 * A clear margin over the baseline, from the statistics at hand: the candidate's 95 % lower bound on K is
 * above the baseline's K, so its lead is not what fold noise alone would give (a lookup answering 2 % of a
 * 77-label task right, next to a majority answer that is right 2 % of the time, does not win).
 */
function beatsBaseline(m: Metrics, baseline: Baseline): boolean {
  return m.K_low > baseline.K;
}

/** The stratum used to carve folds: the normalized output for label tasks, one stratum otherwise. */
function stratumFor(kind: OutputKind, scorer: Scorer): (e: Example) => string {
  if (kind !== 'label') return () => '';
  return (e) => scorer.normalize(String(e.output ?? ''));
}

export async function compileRecipe(input: CompileInput, reporter: Reporter = silentReporter): Promise<CompileOutcome> {
  const { spec, train } = input;
  const seed = input.seed ?? 42;
  if (train.length === 0) {
    throw new KolmError('E_NO_ROWS', 'there are no training examples to compile from', {
      hint: 'check the --examples file: `kolm seeds validate train.jsonl`',
    });
  }
  const outputs = train.map((e) => e.output);
  const kind = outputKindFor(spec, outputs);
  const scorer = createScorer(kind, { labels: kind === 'label' ? labelSet(outputs) : undefined });
  const folds = carveFolds(train, stratumFor(kind, scorer), { seed });
  const baseline = majorityBaseline(train, folds, scorer);
  const ctx = (prefix: string): FitContext => ({
    kind,
    quantization: spec.quantization ?? 'int8',
    seed,
    reporter,
    prefix,
    classifierRuntime: 'ts',
  });
  const pool: readonly Candidate[] = input.only ? allCandidates.filter((c) => input.only!.includes(c.type)) : allCandidates;

  const table: CandidateRow[] = [];
  const total = pool.length;
  let step = 0;
  for (const candidate of pool) {
    const stage = `compile:${candidate.type}`;
    reporter.progress({ stage, done: step, total, message: `trying ${candidate.type}` });
    const reason = candidate.unsuitable(train, ctx('recipe/'));
    if (reason) {
      table.push({ type: candidate.type, status: 'unsuitable', reason });
      reporter.progress({ stage, done: ++step, total, message: `${candidate.type}: unsuitable` });
      continue;
    }
    try {
      const started = performance.now();
      const outcomes: CaseOutcome[] = [];
      let latency: Latency = { p50: 0, p95: 0, p99: 0 };
      for (const fold of folds) {
        const fitted = await candidate.fit(fold.train, ctx('recipe/'));
        const predictions = await fitted.predictor.predictBatch(fold.validation.map((e) => e.input));
        predictions.forEach((p, i) =>
          outcomes.push({ input: fold.validation[i]!.input, reference: fold.validation[i]!.output, prediction: p.output, ...(p.confidence !== undefined ? { confidence: p.confidence } : {}) }),
        );
        if (fold === folds[folds.length - 1]) latency = await measureLatency(fitted.predictor, fold.validation);
        await fitted.predictor.close?.();
      }
      const scored = scoreCases(outcomes, scorer);
      const m = { ...metricsOf(scored.summary, latency), ...confidenceOf(scored.cases) };
      const gate = firstMissedGate(checkGates({ K: m.K, pass_rate: m.pass_rate, latency_ms: latency }, spec.gates));
      const below = !gate && !beatsBaseline(m, baseline) ? `K_low ${m.K_low.toFixed(3)} ≤ majority baseline K ${baseline.K.toFixed(3)}` : undefined;
      table.push({
        type: candidate.type,
        status: gate ? 'below gate' : below ? 'below baseline' : 'passed',
        ...(gate || below ? { reason: gate ?? below } : {}),
        K: m.K,
        pass_rate: m.pass_rate,
        n: m.n,
        p50_ms: m.p50_ms,
        p99_ms: m.p99_ms,
        metrics: m,
        fit_seconds: (performance.now() - started) / 1000 / folds.length,
      });
    } catch (err) {
      if (!(err instanceof KolmError)) throw err;
      table.push({ type: candidate.type, status: 'failed', reason: err.message });
    }
    reporter.progress({ stage, done: ++step, total, message: `${candidate.type} scored` });
  }

  // Best K among those that pass; ties go to the cheaper (earlier) candidate.
  let best: CandidateRow | undefined;
  for (const row of table) if (row.status === 'passed' && (!best || row.K! > best.K!)) best = row;
  if (!best) throw noCandidateError(table, baseline, spec, kind, train.length);
  best.status = 'winner';

  reporter.progress({ stage: `compile:refit`, message: `refitting ${best.type} on all ${train.length} examples` });
  const winner = pool.find((c) => c.type === best!.type)!;
  const fitted = await winner.fit(train, ctx('recipe/'));
  const validation = best.metrics!;
  let evalReport: EvalReport | undefined;
  if (input.eval && input.eval.length > 0) {
    reporter.progress({ stage: 'compile:eval', message: `scoring the winner on ${input.eval.length} eval cases` });
    evalReport = await evaluateOn(fitted.predictor, input.eval, scorer, spec.gates, reporter);
  }
  let predictor = fitted.predictor;
  if (input.classifierRuntime && input.classifierRuntime !== 'ts') {
    await predictor.close?.();
    predictor = await loadRecipe(fitted.saved.type, fitted.saved.config, fitted.saved.files, { classifierRuntime: input.classifierRuntime });
  }
  return {
    kind,
    winner: best.type,
    saved: fitted.saved,
    predictor,
    table,
    baseline,
    validation,
    ...(evalReport ? { eval: metricsOfReport(evalReport), evalReport } : {}),
    folds: folds.length,
  };
}

function noCandidateError(table: CandidateRow[], baseline: Baseline, spec: Spec, kind: OutputKind, rows: number): KolmError {
  const hints: string[] = [];
  if (spec.base) {
    hints.push(`the adapter route on the spec's base model (${spec.base}) can learn what no recipe does: kolm compile --spec spec.json --adapter predibase-adapter/ --base-gguf base.gguf --out my.kolm`);
  } else {
    hints.push('add a "base" model to the spec for the adapter route (a LoRA fine-tune) when the task needs a real LLM');
  }
  if (rows < 2000) hints.push(`add more training data (${rows} rows now)`);
  const scored = table.filter((r) => r.K !== undefined);
  if (spec.gates?.K_min !== undefined && scored.some((r) => r.status === 'below gate')) {
    const top = Math.max(...scored.map((r) => r.K!));
    hints.push(`or lower gates.K_min (${spec.gates.K_min}) to at most ${top.toFixed(3)}, the best a recipe reached`);
  }
  const why = table.some((r) => r.status === 'below baseline')
    ? `no recipe beats answering the most common output by a clear margin for this ${kind} task`
    : `no recipe passes the gates for this ${kind} task`;
  return new KolmError('E_NO_CANDIDATE', `${why}:\n${formatCandidateTable(table, baseline)}`, {
    hint: hints.join('; '),
    details: { table, baseline },
  });
}

/** The candidate table as aligned text (CLI, errors, the wizard's fallback), the majority baseline last. */
export function formatCandidateTable(table: readonly CandidateRow[], baseline?: Baseline): string {
  const rows = [['candidate', 'K', 'pass', 'p50 ms', 'status']];
  for (const r of table) {
    rows.push([
      r.type,
      r.K === undefined ? '-' : r.K.toFixed(3),
      r.pass_rate === undefined ? '-' : `${(r.pass_rate * 100).toFixed(1)}%`,
      r.p50_ms === undefined ? '-' : r.p50_ms.toFixed(3),
      r.reason ? `${r.status}: ${r.reason}` : r.status,
    ]);
  }
  if (baseline) {
    const answer = typeof baseline.output === 'string' ? baseline.output : JSON.stringify(baseline.output ?? null);
    const shown = answer.length > 40 ? `${answer.slice(0, 37)}...` : answer;
    rows.push(['majority', baseline.K.toFixed(3), `${(baseline.pass_rate * 100).toFixed(1)}%`, '-', `baseline: always answers ${JSON.stringify(shown)}`]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ')).join('\n');
}
