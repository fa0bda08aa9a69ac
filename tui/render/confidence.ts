// How the faces print what confidences are worth: the ECE, and a few points of the coverage curve (the share
// of cases answered at a threshold, and K on them): what `--abstain-below` or a cascade would keep.
import type { CoveragePoint } from '../../core/kscore/index.ts';

/** The shares of answered cases shown: enough to see the trade without printing all 20 points. */
const SHOWN = [0.5, 0.8, 0.9] as const;

/** The curve's points nearest to each shown share (distinct, highest threshold first), and full coverage. */
export function coveragePoints(curve: readonly CoveragePoint[]): CoveragePoint[] {
  if (curve.length === 0) return [];
  const picked = new Set<CoveragePoint>();
  for (const share of SHOWN) {
    const near = curve.filter((p) => p.answered < 1).reduce<CoveragePoint | undefined>((best, p) => (!best || Math.abs(p.answered - share) < Math.abs(best.answered - share) ? p : best), undefined);
    if (near) picked.add(near);
  }
  const full = curve.find((p) => p.answered === 1);
  if (full) picked.add(full);
  return [...picked].sort((a, b) => b.threshold - a.threshold);
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** One line: "confidence: ECE 0.021; answering conf ≥ 0.80 covers 71 % at K 0.970; ≥ 0.52 covers 90 % at K 0.941; all at K 0.912". */
export function formatConfidence(ece: number | undefined, curve: readonly CoveragePoint[] | undefined, on?: string): string | undefined {
  if (ece === undefined && !curve?.length) return undefined;
  const parts = [`confidence${on ? ` (${on})` : ''}: ECE ${ece === undefined ? '–' : ece.toFixed(3)}`];
  coveragePoints(curve ?? []).forEach((p, i) => {
    if (p.answered === 1) parts.push(`all at K ${p.K.toFixed(3)}`);
    else parts.push(`${i === 0 ? 'answering conf ' : ''}≥ ${p.threshold.toFixed(3)} covers ${pct(p.answered)} at K ${p.K.toFixed(3)}`);
  });
  return parts.join('; ');
}
