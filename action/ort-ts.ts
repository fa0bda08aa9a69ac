// What `onnxruntime-node` resolves to inside dist/action.js (scripts/bundle.mjs aliases it here). An
// action runs from a checkout of this repository with no node_modules, so the native ORT library cannot
// ship with it; the classifier graph is a gather, a sum, a scale, a bias and a softmax, and core's
// TypeScript scorer computes exactly that from the graph's own initializers (test/core/recipes/classifier
// proves the two agree on every prediction). Only the slice of the ORT API the classifier uses is here.
import { INPUT_ROWS, INPUT_VALUES, OUTPUT_PROBS, weightsFromOnnx } from '../core/recipes/classifier/graph.ts';
import { TsScorer } from '../core/recipes/classifier/weights.ts';

/** Says which scorer ran, for the Action's log. */
export const ORT_STAND_IN = 'TypeScript scorer (onnxruntime-node is not bundled with the Action)';

export class Tensor {
  constructor(
    readonly type: string,
    readonly data: BigInt64Array | Float32Array,
    readonly dims: readonly number[],
  ) {}
}

class Session {
  private readonly scorer: TsScorer;
  constructor(model: Uint8Array) {
    const { weights, temperature } = weightsFromOnnx(model);
    this.scorer = new TsScorer(weights, temperature);
  }

  async run(feeds: Record<string, Tensor>): Promise<Record<string, { data: Float32Array; dims: number[] }>> {
    const rows = feeds[INPUT_ROWS]!;
    const values = feeds[INPUT_VALUES]!.data as Float32Array;
    const [n, k] = rows.dims as [number, number];
    const C = this.scorer.weights.classes;
    const out = new Float32Array(n * C);
    const r = new Int32Array(k);
    const probs = new Float64Array(C);
    const big = rows.data as BigInt64Array;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < k; j++) r[j] = Number(big[i * k + j]!);
      this.scorer.probabilities(r, values.subarray(i * k, (i + 1) * k), k, probs);
      out.set(probs, i * C);
    }
    return { [OUTPUT_PROBS]: { data: out, dims: [n, C] } };
  }

  async release(): Promise<void> {}
}

export const InferenceSession = {
  async create(model: Uint8Array, _options?: unknown): Promise<Session> {
    return new Session(model);
  },
};

export default { Tensor, InferenceSession };
