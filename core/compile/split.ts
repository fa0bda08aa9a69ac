// Carving validation data out of the training examples. Candidates are chosen on these folds, never on the
// user's --eval set. Large sets get one stratified holdout; small ones k folds, so every example is scored.
import { seededRandom, shuffled } from '../util/random.ts';

export interface Fold<T> {
  train: T[];
  validation: T[];
}

export const HOLDOUT_MIN_ROWS = 1000;

/**
 * Stratified by `stratum` (the normalized output for label tasks; one stratum otherwise), seeded.
 * n ≥ HOLDOUT_MIN_ROWS: one fold with `holdout` of each stratum held out. Smaller: `k` folds.
 */
export function carveFolds<T>(
  items: readonly T[],
  stratum: (item: T) => string,
  { seed, holdout = 0.2, k = 5 }: { seed: number; holdout?: number; k?: number },
): Fold<T>[] {
  const rand = seededRandom(seed);
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => {
    const key = stratum(item);
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  });
  // Deal each stratum's shuffled indices round-robin into folds, so every fold has every label's share.
  const foldCount = items.length >= HOLDOUT_MIN_ROWS ? Math.round(1 / holdout) : Math.min(k, Math.max(2, items.length));
  const foldOf = new Int32Array(items.length);
  let offset = 0;
  for (const key of [...groups.keys()].sort()) {
    for (const idx of shuffled(groups.get(key)!, rand)) foldOf[idx] = offset++ % foldCount;
  }
  const foldsUsed = items.length >= HOLDOUT_MIN_ROWS ? 1 : foldCount;
  const folds: Fold<T>[] = [];
  for (let f = 0; f < foldsUsed; f++) {
    const train: T[] = [];
    const validation: T[] = [];
    items.forEach((item, i) => (foldOf[i] === f ? validation : train).push(item));
    folds.push({ train, validation });
  }
  return folds;
}
