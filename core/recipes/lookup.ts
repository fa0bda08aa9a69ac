// The lookup recipe: normalized input → the output most often seen with it. It wins only where held-out
// inputs repeat training inputs (FAQ-like traffic); elsewhere it answers the overall most common output
// with confidence 0, so a cascade can tell a memory hit from a guess.
import type { Candidate, FittedRecipe } from './types.ts';
import type { Example, Input, Prediction, Predictor } from '../runtime/types.ts';
import { predictEach } from '../runtime/types.ts';
import { KolmError } from '../errors.ts';

const ENTRY = 'recipe/lookup.json';

/** The key an input is remembered by: NFKC, trimmed, whitespace collapsed, lowercased; fields sorted. */
export function lookupKey(input: Input): string {
  const norm = (v: unknown) => String(v ?? '').normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
  if (typeof input === 'string') return norm(input);
  return JSON.stringify(Object.keys(input).sort().map((k) => [k, norm(input[k])]));
}

interface LookupTable {
  /** key → index into outputs */
  keys: string[];
  values: number[];
  outputs: unknown[];
  fallback: number;
  /** share of training examples whose key maps to their own output (1 − conflicts) */
  agreement: number[];
}

function buildTable(train: readonly Example[]): LookupTable {
  const outputIndex = new Map<string, number>();
  const outputs: unknown[] = [];
  const counts = new Map<string, Map<number, number>>();
  const totals = new Map<number, number>();
  for (const ex of train) {
    const outKey = JSON.stringify(ex.output);
    let o = outputIndex.get(outKey);
    if (o === undefined) {
      o = outputs.length;
      outputIndex.set(outKey, o);
      outputs.push(ex.output);
    }
    totals.set(o, (totals.get(o) ?? 0) + 1);
    const key = lookupKey(ex.input);
    let c = counts.get(key);
    if (!c) counts.set(key, (c = new Map()));
    c.set(o, (c.get(o) ?? 0) + 1);
  }
  const argmax = (m: Map<number, number>) => {
    let best = -1;
    let bestN = -1;
    for (const [o, n] of m) if (n > bestN || (n === bestN && o < best)) [best, bestN] = [o, n];
    return [best, bestN] as const;
  };
  const keys = [...counts.keys()].sort();
  const values: number[] = [];
  const agreement: number[] = [];
  for (const k of keys) {
    const c = counts.get(k)!;
    const [o, n] = argmax(c);
    values.push(o);
    let total = 0;
    for (const v of c.values()) total += v;
    agreement.push(Number((n / total).toFixed(4)));
  }
  return { keys, values, outputs, fallback: argmax(totals)[0], agreement };
}

function predictorFromTable(t: LookupTable): Predictor {
  const index = new Map<string, number>();
  t.keys.forEach((k, i) => index.set(k, i));
  const predictor: Predictor = {
    async predict(input: Input): Promise<Prediction> {
      const i = index.get(lookupKey(input));
      if (i === undefined) return { output: t.outputs[t.fallback], confidence: 0 };
      return { output: t.outputs[t.values[i]!], confidence: t.agreement[i] };
    },
    predictBatch: (inputs) => predictEach(predictor, inputs),
  };
  return predictor;
}

export const lookupCandidate: Candidate = {
  type: 'lookup',
  unsuitable(train) {
    return train.length === 0 ? 'no training examples' : null;
  },
  async fit(train, ctx): Promise<FittedRecipe> {
    const table = buildTable(train);
    const entry = `${ctx.prefix}lookup.json`;
    return {
      saved: {
        type: 'lookup',
        config: { entry },
        files: new Map([[entry, new TextEncoder().encode(JSON.stringify(table))]]),
      },
      predictor: predictorFromTable(table),
    };
  },
};

export async function loadLookup(config: Record<string, unknown>, files: ReadonlyMap<string, Uint8Array>): Promise<Predictor> {
  const entry = typeof config.entry === 'string' ? config.entry : ENTRY;
  const bytes = files.get(entry);
  if (!bytes) throw new KolmError('E_BAD_ARTIFACT', `lookup table ${entry} is missing from the artifact`, { hint: 'rebuild it with kolm compile' });
  return predictorFromTable(JSON.parse(new TextDecoder().decode(bytes)) as LookupTable);
}
