// Field-level agreement used to choose epochs and calibrate confidence on the internal split: F1 over
// (field, normalized value) pairs, as K-score v1 scores JSON outputs (DESIGN §6). Empty vs empty is 1.

/** NFKC, trim, collapse whitespace, lowercase, strip wrapping quotes and a trailing period. */
export function normalizeValue(v: string): string {
  let s = v.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
  if (s.length >= 2 && /^["'`].*["'`]$/.test(s) && s[0] === s[s.length - 1]) s = s.slice(1, -1).trim();
  if (s.endsWith('.')) s = s.slice(0, -1).trim();
  return s;
}

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
