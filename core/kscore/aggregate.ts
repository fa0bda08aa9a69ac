// From per-case scores to the reported numbers (DESIGN §6): K = mean s, the pass rate, and 95 % intervals.
//   K:         normal approximation, mean ± 1.96·sd/√n with the sample standard deviation (n − 1), clipped
//              to [0, 1]. Deterministic (no resampling). With n < 2 there is no spread to estimate and the
//              interval is [0, 1]; when every s is equal it collapses to a point, a known limit of the normal
//              approximation (read the pass-rate interval next to it).
//   pass rate: Wilson score interval, which stays inside [0, 1] and behaves at 0 % and 100 %.
// No cases: K and the pass rate are 0 and both intervals are [0, 1].
import type { CaseScore } from './scorer.ts';

export const Z_95 = 1.959963984540054;

export interface KScoreSummary {
  n: number;
  K: number;
  K_ci95: [number, number];
  passed: number;
  pass_rate: number;
  pass_rate_ci95: [number, number];
}

const clip = (x: number) => Math.min(1, Math.max(0, x));

/** Wilson score interval for `successes` out of `n` at normal quantile `z`. */
export function wilsonInterval(successes: number, n: number, z = Z_95): [number, number] {
  if (n === 0) return [0, 1];
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [clip(center - half), clip(center + half)];
}

/** Normal-approximation interval of the mean of values in [0, 1]. */
export function meanInterval(values: readonly number[], z = Z_95): [number, number] {
  const n = values.length;
  if (n < 2) return [0, 1];
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let squares = 0;
  for (const v of values) squares += (v - mean) * (v - mean);
  const half = z * Math.sqrt(squares / (n - 1) / n);
  return [clip(mean - half), clip(mean + half)];
}

export function aggregate(cases: readonly CaseScore[]): KScoreSummary {
  const n = cases.length;
  if (n === 0) return { n: 0, K: 0, K_ci95: [0, 1], passed: 0, pass_rate: 0, pass_rate_ci95: [0, 1] };
  let sum = 0;
  let passed = 0;
  const values = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const c = cases[i]!;
    values[i] = c.s;
    sum += c.s;
    if (c.pass) passed++;
  }
  return {
    n,
    K: sum / n,
    K_ci95: meanInterval(values),
    passed,
    pass_rate: passed / n,
    pass_rate_ci95: wilsonInterval(passed, n),
  };
}
