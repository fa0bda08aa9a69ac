// Field-level agreement used to choose epochs and calibrate confidence on the internal split: F1 over
// (field, N(value)) pairs, as K-score v1 scores JSON outputs (DESIGN §6). Empty vs empty is 1.
import { createNormalizer, type Normalizer } from '../../kscore/index.ts';

/** K-score's N as it applies to JSON leaves (no label set, so case is folded): the one normalizer. */
export const normalizeValue: Normalizer = createNormalizer();

/** F1 over fields whose values are non-empty; values[k] is field k's value ('' = absent). */
export function fieldF1(gold: readonly string[], pred: readonly string[]): number {
  let g = 0;
  let p = 0;
  let hit = 0;
  for (let k = 0; k < gold.length; k++) {
    const gv = gold[k] ? normalizeValue(gold[k]!) : '';
    const pv = pred[k] ? normalizeValue(pred[k]!) : '';
    if (gv) g++;
    if (pv) p++;
    if (gv && gv === pv) hit++;
  }
  if (g === 0 && p === 0) return 1;
  if (hit === 0) return 0;
  return (2 * hit) / (g + p);
}
