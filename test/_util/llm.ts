// Test helpers over the real llama.cpp runtime: the full next-token distribution at every position of a
// prompt (controlledEvaluate, temperature 1, no top-k), and the max difference between two such runs.
import type { LoadedAdapter } from '../../core/llm/runtime.ts';

export const TEST_RUNTIME = { threads: 1, gpu: false as const, contextSize: 256, sequencesPerAdapter: 2 };

export async function distributions(loaded: LoadedAdapter, text: string): Promise<Float64Array[]> {
  const tokens = loaded.model.tokenize(text, false) as number[];
  const seq = await loaded.pool.acquire();
  try {
    await seq.clearHistory();
    const out = await seq.controlledEvaluate(
      tokens.map((t) => [t, { generateNext: { probabilities: true, options: { temperature: 1, topK: 0, topP: 1, minP: 0 } } }] as never),
    );
    return out.map((o) => {
      const p = new Float64Array(loaded.model.tokens.eos! + 1);
      for (const [tok, prob] of o!.next.probabilities!) p[tok as number] = prob;
      return p;
    });
  } finally {
    loaded.pool.release(seq);
  }
}

export function compare(a: Float64Array[], b: Float64Array[]): { maxAbs: number; argmaxAgree: number; n: number } {
  let maxAbs = 0;
  let agree = 0;
  const argmax = (p: Float64Array) => p.reduce((best, v, i) => (v > p[best]! ? i : best), 0);
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < a[i]!.length; j++) maxAbs = Math.max(maxAbs, Math.abs(a[i]![j]! - b[i]![j]!));
    if (argmax(a[i]!) === argmax(b[i]!)) agree++;
  }
  return { maxAbs, argmaxAgree: agree, n: a.length };
}
