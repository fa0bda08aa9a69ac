// What an eval of a cascade adds to the report: how the cases split between the paths, K on each, latency
// of each path as a caller sees it, and what the fallback (the GPU) no longer had to answer.
import { latencyStats, type LatencyStats } from '../eval/report.ts';
import type { Prediction } from '../runtime/types.ts';
import { isCascadePrediction } from './predictor.ts';

export interface CascadeReport {
  local: number;
  fallback: number;
  local_share: number;
  /** Answered by the recipe because the fallback failed (on_fallback_error 'local'); counted in `local`. */
  low_confidence: number;
  K_local: number | null;
  K_fallback: number | null;
  /** End-to-end per case, split by the path that answered. */
  latency_ms: { local: LatencyStats | null; fallback: LatencyStats | null };
  /** Cases the fallback was not sent: requests no longer made to the GPU. */
  requests_saved: number;
  /** requests_saved × the fallback's mean measured time per case: the GPU time taken off it (null when no case reached it). */
  fallback_ms_saved: number | null;
}

const r4 = (x: number) => Number(x.toFixed(4));
const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** undefined when the predictions are not a cascade's. `s` and `latency` are per case, in the same order. */
export function cascadeReport(predictions: readonly Prediction[], s: readonly number[], latency: readonly (number | undefined)[]): CascadeReport | undefined {
  if (predictions.length === 0 || !predictions.every(isCascadePrediction)) return undefined;
  const local: number[] = [];
  const fallback: number[] = [];
  predictions.forEach((p, i) => (isCascadePrediction(p) && p.path === 'fallback' ? fallback : local).push(i));
  const lat = (idx: number[]) => latencyStats(idx.flatMap((i) => (latency[i] === undefined ? [] : [latency[i]!])));
  const k = (idx: number[]) => (idx.length ? r4(idx.reduce((a, i) => a + s[i]!, 0) / idx.length) : null);
  const fallbackMs = mean(fallback.flatMap((i) => {
    const ms = (predictions[i] as { fallback_ms?: number }).fallback_ms;
    return ms === undefined ? [] : [ms];
  }));
  return {
    local: local.length,
    fallback: fallback.length,
    local_share: r4(local.length / predictions.length),
    low_confidence: predictions.filter((p) => (p as { low_confidence?: true }).low_confidence).length,
    K_local: k(local),
    K_fallback: k(fallback),
    latency_ms: { local: lat(local), fallback: lat(fallback) },
    requests_saved: local.length,
    fallback_ms_saved: fallbackMs === null ? null : r4(fallbackMs * local.length),
  };
}
