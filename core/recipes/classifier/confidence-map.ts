// From the temperature-scaled max probability to a calibrated confidence. Temperature scaling fixes one
// scalar; when one-vs-rest margins spread more than the chance of being right does (label noise, classes that
// overlap), the max probability still ranks cases but its values are off. An isotonic map fitted on the
// held-out split (Zadrozny & Elkan 2002) makes them mean what they say: "0.8" is right about 80 % of the time.
//
// The map is monotone, so it keeps the ranking the coverage curve and a cascade threshold are read from; it is
// strictly increasing (linear between block means, then on to (0, 0) and (1, 1)), so no two cases that
// differed before tie after.

/** Knots [x0, y0, x1, y1, …], x strictly increasing, y non-decreasing, all in [0, 1]; empty = identity. */
export type ConfidenceMap = number[];

/** A block of the isotonic fit holds at least this share of the held-out cases (and MIN_BLOCK cases). */
const MIN_BLOCK_SHARE = 0.1;
const MIN_BLOCK = 20;

/**
 * Pool-adjacent-violators on cases sorted by confidence, blocks merged until each is big enough to trust;
 * knots at each block's mean confidence and accuracy. Fewer than 2·MIN_BLOCK cases: identity.
 */
export function fitConfidenceMap(confidence: ArrayLike<number>, correct: ArrayLike<number>): ConfidenceMap {
  const n = confidence.length;
  if (n < 2 * MIN_BLOCK) return [];
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => confidence[a]! - confidence[b]!);
  const minSize = Math.max(MIN_BLOCK, Math.ceil(MIN_BLOCK_SHARE * n));
  // Each block: summed confidence, summed correctness, count. Start with chunks of minSize (the last one
  // absorbs the remainder), then PAV merges any pair that is not strictly increasing in accuracy.
  const blocks: { x: number; y: number; w: number }[] = [];
  for (let start = 0; start < n; start += minSize) {
    const end = n - start < 2 * minSize ? n : start + minSize;
    let x = 0;
    let y = 0;
    for (let k = start; k < end; k++) {
      x += confidence[order[k]!]!;
      y += correct[order[k]!]!;
    }
    blocks.push({ x, y, w: end - start });
    if (end === n) break;
  }
  const merged: typeof blocks = [];
  for (const b of blocks) {
    merged.push({ ...b });
    while (merged.length > 1) {
      const last = merged[merged.length - 1]!;
      const prev = merged[merged.length - 2]!;
      if (prev.y / prev.w < last.y / last.w) break;
      merged.splice(merged.length - 2, 2, { x: prev.x + last.x, y: prev.y + last.y, w: prev.w + last.w });
    }
  }
  const knots: number[] = [];
  for (const b of merged) {
    const x = b.x / b.w;
    const y = b.y / b.w;
    // Keep x strictly increasing as well (equal means can only come from identical confidences).
    if (knots.length && x <= knots[knots.length - 2]!) continue;
    knots.push(round(x), round(y));
  }
  return knots;
}

const round = (v: number) => Number(v.toFixed(6));

/** The calibrated confidence of a max probability p under `map`. */
export function applyConfidenceMap(map: ConfidenceMap, p: number): number {
  const k = map.length / 2;
  if (k === 0) return p;
  const x0 = map[0]!;
  const y0 = map[1]!;
  if (p <= x0) return x0 > 0 ? (y0 * p) / x0 : y0;
  const xl = map[2 * k - 2]!;
  const yl = map[2 * k - 1]!;
  if (p >= xl) return xl < 1 ? yl + ((1 - yl) * (p - xl)) / (1 - xl) : yl;
  // Binary search for the segment [x_i, x_{i+1}] holding p.
  let lo = 0;
  let hi = k - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (map[2 * mid]! <= p) lo = mid;
    else hi = mid;
  }
  const xa = map[2 * lo]!;
  const ya = map[2 * lo + 1]!;
  const xb = map[2 * hi]!;
  const yb = map[2 * hi + 1]!;
  return ya + ((yb - ya) * (p - xa)) / (xb - xa);
}

/** Why `value` is not a usable map, or undefined when it is one. */
export function confidenceMapProblem(value: unknown): string | undefined {
  if (!Array.isArray(value) || value.length % 2 !== 0) return 'confidence_map is not a list of (x, y) pairs';
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) return `confidence_map[${i}] is not a number in [0, 1]`;
    if (i >= 2 && (i % 2 === 0 ? !(v > value[i - 2]) : v < value[i - 2])) return 'confidence_map is not increasing';
  }
  return undefined;
}
