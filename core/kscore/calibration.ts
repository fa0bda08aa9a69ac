// How far a system's confidence can be trusted (DESIGN §6), from cases that carry one: the expected
// calibration error over equal-width bins, and the coverage curve — for each threshold, the share of cases
// whose confidence is at or above it and K over just those. A cascade picks its threshold from the curve;
// `--abstain-below` reads it to say what a threshold costs.
//
//   ECE = Σ_bins (n_b / n) · |mean confidence_b − mean s_b|, 15 bins on [0, 1] (Guo et al., 2017), where s is
//   the case's K-score (0/1 for labels), so "confidence 0.8" means "K 0.8 on such cases".

/** One scored case with the confidence its system gave. */
export interface ConfidentCase {
  confidence: number;
  s: number;
}

export interface CalibrationBin {
  /** The bin is [lo, hi) (the last includes 1). */
  lo: number;
  hi: number;
  n: number;
  confidence: number;
  K: number;
}

export interface Calibration {
  ece: number;
  /** The largest |confidence − K| over bins with at least one case. */
  max_gap: number;
  bins: CalibrationBin[];
}

export interface CoveragePoint {
  /** Cases with confidence ≥ threshold are answered (exact, not rounded: it is applied as it stands). */
  threshold: number;
  /** Share of cases answered at this threshold. */
  answered: number;
  /** K over the answered cases (0 when none). */
  K: number;
}

export const CALIBRATION_BINS = 15;
/** The curve is read at these many evenly spaced coverage levels (every 5 %), plus full coverage. */
export const COVERAGE_STEPS = 20;

const round = (x: number) => Number(x.toFixed(4));

function check(cases: readonly ConfidentCase[]): void {
  for (const c of cases) {
    if (!(c.confidence >= 0 && c.confidence <= 1)) throw new RangeError(`confidence ${c.confidence} is outside [0, 1]`);
  }
}

export function calibration(cases: readonly ConfidentCase[], binCount = CALIBRATION_BINS): Calibration {
  check(cases);
  const n = cases.length;
  const conf = new Float64Array(binCount);
  const score = new Float64Array(binCount);
  const count = new Uint32Array(binCount);
  for (const c of cases) {
    const b = Math.min(binCount - 1, Math.floor(c.confidence * binCount));
    conf[b]! += c.confidence;
    score[b]! += c.s;
    count[b]!++;
  }
  let ece = 0;
  let maxGap = 0;
  const bins: CalibrationBin[] = [];
  for (let b = 0; b < binCount; b++) {
    if (count[b] === 0) continue;
    const mc = conf[b]! / count[b]!;
    const ms = score[b]! / count[b]!;
    const gap = Math.abs(mc - ms);
    ece += (count[b]! / n) * gap;
    maxGap = Math.max(maxGap, gap);
    bins.push({ lo: round(b / binCount), hi: round((b + 1) / binCount), n: count[b]!, confidence: round(mc), K: round(ms) });
  }
  return { ece: round(ece), max_gap: round(maxGap), bins };
}

/**
 * The coverage curve, highest threshold first: at each coverage step k/COVERAGE_STEPS, the threshold is the
 * confidence of the last case answered (cases sorted by confidence, ties kept together, so a threshold
 * answers exactly the share it reports).
 */
export function coverageCurve(cases: readonly ConfidentCase[], steps = COVERAGE_STEPS): CoveragePoint[] {
  check(cases);
  const n = cases.length;
  if (n === 0) return [];
  const sorted = [...cases].sort((a, b) => b.confidence - a.confidence);
  // prefix[i] = Σ s over the i most confident cases.
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + sorted[i]!.s;
  const points: CoveragePoint[] = [];
  let last = -1;
  for (let k = 1; k <= steps; k++) {
    let i = Math.max(1, Math.round((k / steps) * n));
    // Extend to the end of a run of equal confidences: a threshold cannot split ties.
    while (i < n && sorted[i]!.confidence === sorted[i - 1]!.confidence) i++;
    if (i === last) continue;
    last = i;
    points.push({ threshold: sorted[i - 1]!.confidence, answered: round(i / n), K: round(prefix[i]! / i) });
  }
  return points;
}

/** The answered share and K at one threshold (what `--abstain-below T` keeps). */
export function coverageAt(cases: readonly ConfidentCase[], threshold: number): CoveragePoint {
  check(cases);
  let answered = 0;
  let sum = 0;
  for (const c of cases) {
    if (c.confidence >= threshold) {
      answered++;
      sum += c.s;
    }
  }
  return { threshold, answered: cases.length ? round(answered / cases.length) : 0, K: answered ? round(sum / answered) : 0 };
}
