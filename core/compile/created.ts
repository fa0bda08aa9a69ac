// `created` in a manifest comes from the inputs, not the clock (DESIGN §8), so the same inputs give the
// same bytes: SOURCE_DATE_EPOCH when the caller has one (reproducible builds), else the newest input
// file's modification time, to the second.
import { stat } from 'node:fs/promises';

export async function createdFromInputs(inputs: readonly string[], sourceDateEpoch?: string): Promise<string> {
  if (sourceDateEpoch && /^\d+$/.test(sourceDateEpoch)) return new Date(Number(sourceDateEpoch) * 1000).toISOString();
  let newest = 0;
  for (const p of inputs) newest = Math.max(newest, Math.floor((await stat(p)).mtimeMs / 1000) * 1000);
  return new Date(newest).toISOString();
}
