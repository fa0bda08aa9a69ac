// Choosing a cascade's threshold (DESIGN §5 "cascade"): the recipe answers a case when its calibrated
// confidence is at or above the threshold, the fallback answers the rest, and the gates hold for the WHOLE:
//
//   K_whole(t) = (1/n) Σ_i ( confidence_i ≥ t ? sRecipe_i : sFallback_i )
//
// Every distinct confidence is a candidate threshold (ties cannot be split). With gates, the winner is the
// candidate that meets them at the smallest fallback share; with only a fallback budget (maxFallbackShare),
// the best K within the budget. Pure: cases in, threshold and curve out.
import { KolmError } from '../errors.ts';
import { checkGates, type Measured } from '../eval/gates.ts';
import { latencyStats } from '../eval/report.ts';
import type { Gates } from '../spec/index.ts';

/** One held-out case, answered by both sides. */
export interface CascadeCase {
  /** The recipe's calibrated confidence, in [0, 1]. */
  confidence: number;
  /** K-score of the recipe's answer and of the fallback's. */
  sRecipe: number;
  sFallback: number;
  /** Whether each answer passes (default s ≥ 1, right for labels, JSON and integers; give them for short text). */
  passRecipe?: boolean;
  passFallback?: boolean;
  /** Measured latencies, in ms: the latency gates read the whole's (recipe, plus the fallback when deferred). */
  msRecipe?: number;
  msFallback?: number;
}

/** One point of the curve: the threshold, the share the recipe answers, and the whole's figures. */
export interface CascadePoint {
  threshold: number;
  /** Share of cases answered locally (confidence ≥ threshold). */
  local: number;
  K: number;
  pass_rate: number;
  /** The whole's latency, when every case carried both latencies. */
  p50_ms?: number;
  p95_ms?: number;
}

export interface ThresholdChoice {
  threshold: number;
  chosen: CascadePoint;
  /** The curve it chose from, most local first: every 5 % of local share, plus the chosen point. */
  curve: CascadePoint[];
  /** The two ends, on the same cases: the recipe answering everything, the fallback answering everything. */
  recipeOnly: { K: number; pass_rate: number };
  fallbackOnly: { K: number; pass_rate: number };
}

export interface ChooseOptions {
  /** The most the fallback may answer, in [0, 1] (`--max-fallback-share`). */
  maxFallbackShare?: number;
}

/** The curve shown is read every CURVE_STEP of local share (plus the chosen point). */
const CURVE_STEPS = 20;

const round = (x: number) => Number(x.toFixed(4));

function check(cases: readonly CascadeCase[], options: ChooseOptions): void {
  if (cases.length === 0) {
    throw new KolmError('E_NO_ROWS', 'there are no held-out cases to choose a cascade threshold on', { hint: 'give more training examples (the threshold is chosen on the validation folds)' });
  }
  for (const c of cases) {
    if (!(c.confidence >= 0 && c.confidence <= 1)) {
      throw new KolmError('E_INTERNAL', `a cascade case has confidence ${c.confidence}, outside [0, 1]`, { hint: 'the recipe must give calibrated confidences' });
    }
  }
  const s = options.maxFallbackShare;
  if (s !== undefined && !(s >= 0 && s <= 1)) {
    throw new KolmError('E_USAGE', `--max-fallback-share ${s} is not a share in [0, 1]`, { hint: 'e.g. --max-fallback-share 0.3 sends at most 30 % of cases to the fallback' });
  }
}

const passOf = (s: number, pass: boolean | undefined) => pass ?? s >= 1;

/** Exact figures of the whole at every candidate threshold, most local first (index i: the top i cases local). */
class Sweep {
  readonly n: number;
  readonly sorted: CascadeCase[];
  private readonly kPrefix: Float64Array; // Σ sRecipe over the i most confident
  private readonly kSuffix: Float64Array; // Σ sFallback from i on
  private readonly pPrefix: Float64Array;
  private readonly pSuffix: Float64Array;
  /** Local counts that a threshold can give: the end of each run of equal confidences, n down to 1. */
  readonly cuts: number[];
  readonly timed: boolean;

  constructor(cases: readonly CascadeCase[]) {
    this.n = cases.length;
    this.sorted = [...cases].sort((a, b) => b.confidence - a.confidence);
    const n = this.n;
    this.kPrefix = new Float64Array(n + 1);
    this.pPrefix = new Float64Array(n + 1);
    this.kSuffix = new Float64Array(n + 1);
    this.pSuffix = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) {
      const c = this.sorted[i]!;
      this.kPrefix[i + 1] = this.kPrefix[i]! + c.sRecipe;
      this.pPrefix[i + 1] = this.pPrefix[i]! + (passOf(c.sRecipe, c.passRecipe) ? 1 : 0);
    }
    for (let i = n - 1; i >= 0; i--) {
      const c = this.sorted[i]!;
      this.kSuffix[i] = this.kSuffix[i + 1]! + c.sFallback;
      this.pSuffix[i] = this.pSuffix[i + 1]! + (passOf(c.sFallback, c.passFallback) ? 1 : 0);
    }
    this.cuts = [];
    for (let i = n; i >= 1; i--) if (i === n || this.sorted[i]!.confidence !== this.sorted[i - 1]!.confidence) this.cuts.push(i);
    this.timed = cases.every((c) => c.msRecipe !== undefined && c.msFallback !== undefined);
  }

  /** The whole with the top `i` cases local; latency only when asked (it costs a sort). */
  point(i: number, withLatency: boolean): CascadePoint {
    const n = this.n;
    const p: CascadePoint = {
      threshold: this.sorted[i - 1]!.confidence,
      local: round(i / n),
      K: round((this.kPrefix[i]! + this.kSuffix[i]!) / n),
      pass_rate: round((this.pPrefix[i]! + this.pSuffix[i]!) / n),
    };
    if (withLatency && this.timed) {
      const stats = latencyStats(this.sorted.map((c, k) => c.msRecipe! + (k < i ? 0 : c.msFallback!)));
      if (stats) {
        p.p50_ms = stats.p50;
        p.p95_ms = stats.p95;
      }
    }
    return p;
  }

  fallbackShare(i: number): number {
    return (this.n - i) / this.n;
  }

  ends() {
    const n = this.n;
    return {
      recipeOnly: { K: round(this.kPrefix[n]! / n), pass_rate: round(this.pPrefix[n]! / n) },
      fallbackOnly: { K: round(this.kSuffix[0]! / n), pass_rate: round(this.pSuffix[0]! / n) },
    };
  }
}

function measured(p: CascadePoint): Measured {
  return { K: p.K, pass_rate: p.pass_rate, latency_ms: p.p50_ms === undefined ? null : { p50: p.p50_ms, p95: p.p95_ms } };
}

const hasGate = (g: Gates | undefined): g is Gates => !!g && Object.values(g).some((v) => v !== undefined);
const needsLatency = (g: Gates | undefined) => g?.p50_ms_max !== undefined || g?.p95_ms_max !== undefined;

/** The display curve: the point nearest each 5 % of local share, most local first, with `extra` merged in. */
function displayCurve(sweep: Sweep, latency: boolean, extra?: number): CascadePoint[] {
  const picks = new Set<number>();
  for (let k = CURVE_STEPS; k >= 1; k--) {
    const want = (k / CURVE_STEPS) * sweep.n;
    // The cut whose local count is nearest `want` (cuts run from n down).
    let best = sweep.cuts[0]!;
    for (const c of sweep.cuts) if (Math.abs(c - want) < Math.abs(best - want)) best = c;
    picks.add(best);
  }
  if (extra !== undefined) picks.add(extra);
  return [...picks].sort((a, b) => b - a).map((i) => sweep.point(i, latency));
}

/**
 * The threshold meeting `gates` for the whole at the smallest fallback share (at most `maxFallbackShare`);
 * without gates, the best K within `maxFallbackShare`. E_GATE_FAILED with the curve when none qualifies.
 */
export function chooseThreshold(cases: readonly CascadeCase[], gates: Gates | undefined, options: ChooseOptions = {}): ThresholdChoice {
  check(cases, options);
  const gated = hasGate(gates);
  if (!gated && options.maxFallbackShare === undefined) {
    throw new KolmError('E_USAGE', 'a cascade needs a gate (gates.K_min in the spec, or --gates) or --max-fallback-share to choose its threshold', {
      hint: 'e.g. --gates K_min=0.9 (the smallest fallback share that reaches it) or --max-fallback-share 0.3 (the best K sending at most 30 %)',
    });
  }
  const sweep = new Sweep(cases);
  const latency = needsLatency(gates);
  const budget = options.maxFallbackShare ?? 1;
  const eps = 1e-12;
  let chosen: number | undefined;
  if (gated) {
    // cuts run from most local down: the first that meets every gate has the smallest fallback share.
    for (const i of sweep.cuts) {
      if (sweep.fallbackShare(i) > budget + eps) break;
      if (checkGates(measured(sweep.point(i, latency)), gates).every((g) => g.pass)) {
        chosen = i;
        break;
      }
    }
  } else {
    let bestK = -1;
    for (const i of sweep.cuts) {
      if (sweep.fallbackShare(i) > budget + eps) break;
      const k = sweep.point(i, false).K;
      if (k > bestK) {
        bestK = k;
        chosen = i;
      }
    }
  }
  const showLatency = latency || sweep.timed;
  const curve = displayCurve(sweep, showLatency, chosen);
  const ends = sweep.ends();
  if (chosen === undefined) {
    const limit = options.maxFallbackShare !== undefined ? ` with at most ${(budget * 100).toFixed(1)} % sent to the fallback` : '';
    const best = Math.max(...curve.map((p) => p.K));
    const hint =
      ends.fallbackOnly.K < (gates?.K_min ?? 0)
        ? `the fallback alone reaches K ${ends.fallbackOnly.K.toFixed(3)} on these cases, under gates.K_min ${gates!.K_min}: lower the gate or improve the fallback`
        : options.maxFallbackShare !== undefined
          ? `raise --max-fallback-share, or lower the gates (the best K on the curve is ${best.toFixed(3)})`
          : `lower the gates (the best K on the curve is ${best.toFixed(3)}), or add training data so the recipe is surer`;
    throw new KolmError('E_GATE_FAILED', `no cascade threshold meets the gates for the whole${limit}:\n${formatCurve(curve)}`, {
      hint,
      details: { curve, gates: gates ?? {}, max_fallback_share: options.maxFallbackShare ?? null, recipe_only: ends.recipeOnly, fallback_only: ends.fallbackOnly },
    });
  }
  const point = sweep.point(chosen, showLatency);
  return { threshold: point.threshold, chosen: point, curve, ...ends };
}

/** The whole's figures at a given threshold (what a cascade saved with it does on these cases). */
export function cascadeAt(cases: readonly CascadeCase[], threshold: number): CascadePoint {
  check(cases, {});
  const sweep = new Sweep(cases);
  let i = 0;
  while (i < sweep.n && sweep.sorted[i]!.confidence >= threshold) i++;
  if (i === 0) {
    const ends = sweep.ends();
    return { threshold, local: 0, K: ends.fallbackOnly.K, pass_rate: ends.fallbackOnly.pass_rate };
  }
  return { ...sweep.point(i, sweep.timed), threshold };
}

/** The curve as aligned text, most local first; `chosen` marks the threshold picked. */
export function formatCurve(curve: readonly CascadePoint[], chosen?: number): string {
  const latency = curve.some((p) => p.p50_ms !== undefined);
  const rows = [['threshold', 'local', 'K whole', 'pass', ...(latency ? ['p50 ms'] : []), '']];
  for (const p of curve) {
    rows.push([
      p.threshold.toFixed(4),
      `${(p.local * 100).toFixed(1)}%`,
      p.K.toFixed(3),
      `${(p.pass_rate * 100).toFixed(1)}%`,
      ...(latency ? [p.p50_ms === undefined ? '-' : p.p50_ms.toFixed(2)] : []),
      p.threshold === chosen ? '← chosen' : '',
    ]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd()).join('\n');
}
