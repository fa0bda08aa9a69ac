// The classifier at inference, on either runtime (RecipeLoadOptions.classifierRuntime). The default is the
// TypeScript scorer: no native dependency, and a batch is one pass over reused buffers. onnxruntime-node is
// an optional accelerator for the same graph: one ORT run per batch (chunks of BATCH_CHUNK, padded to the
// longest row in the chunk), loaded only when asked for. Both share the TypeScript featurizer.
import type { InferenceSession, Tensor as OrtTensor } from 'onnxruntime-node';
import { KolmError } from '../../errors.ts';
import type { Input, Prediction, Predictor } from '../../runtime/types.ts';
import { applyConfidenceMap, type ConfidenceMap } from './confidence-map.ts';
import { INPUT_ROWS, INPUT_VALUES, OUTPUT_PROBS } from './graph.ts';
import type { Vectorizer } from './vectorize.ts';
import { TsScorer } from './weights.ts';

const BATCH_CHUNK = 2048;
// The skip keeps its install script from downloading CUDA files from outside the npm registry (the CPU
// library ships in the package); 1.30 matches the optional peer dependency.
export const ORT_INSTALL_COMMAND = 'ONNXRUNTIME_NODE_INSTALL=skip npm install onnxruntime-node@1.30';

type Ort = typeof import('onnxruntime-node');
let ortModule: Promise<Ort> | undefined;
/** import('onnxruntime-node') on first use, or E_RUNTIME_MISSING with the command that adds it. */
export function loadOrt(): Promise<Ort> {
  ortModule ??= import('onnxruntime-node').catch((err: NodeJS.ErrnoException) => {
    ortModule = undefined;
    const absent = err?.code === 'ERR_MODULE_NOT_FOUND' || /Cannot find (package|module) 'onnxruntime-node'/.test(String(err?.message));
    throw new KolmError(
      'E_RUNTIME_MISSING',
      absent
        ? "the classifier runtime 'onnx' was asked for, and onnxruntime-node is not installed"
        : `the classifier runtime 'onnx' was asked for, and onnxruntime-node failed to load: ${String(err?.message ?? err)}`,
      { hint: `install it next to kolm-migrate (${ORT_INSTALL_COMMAND}), or use the default TypeScript runtime ('ts'), which gives the same predictions`, cause: err },
    );
  });
  return ortModule;
}

/** What both runtimes share: the featurizer and the label of each class. */
export interface ClassifierParts {
  vectorizer: Vectorizer;
  labels: readonly unknown[];
  /** Row index of the all-zero padding row. */
  padRow: number;
  /** Max probability → calibrated confidence (confidence-map.ts); empty: the probability itself. */
  confidenceMap: ConfidenceMap;
}

function argmaxOf(p: ArrayLike<number>, offset: number, C: number): number {
  let best = 0;
  for (let c = 1; c < C; c++) if (p[offset + c]! > p[offset + best]!) best = c;
  return best;
}

/** int64 buffer written through an Int32 view (low word, high word 0): no BigInt per element. */
class RowBuffer {
  big: BigInt64Array;
  words: Int32Array;
  values: Float32Array;
  constructor(size: number) {
    this.big = new BigInt64Array(size);
    this.words = new Int32Array(this.big.buffer);
    this.values = new Float32Array(size);
  }
  ensure(size: number): void {
    if (size <= this.big.length) return;
    const next = new RowBuffer(Math.max(size, this.big.length * 2));
    this.big = next.big;
    this.words = next.words;
    this.values = next.values;
  }
}

export class OnnxClassifier implements Predictor {
  private readonly single = new RowBuffer(1024);
  private readonly batch = new RowBuffer(BATCH_CHUNK * 64);
  private readonly C: number;

  constructor(
    private readonly ort: Ort,
    private readonly session: InferenceSession,
    private readonly rt: ClassifierParts,
  ) {
    this.C = rt.labels.length;
  }

  private async run(buf: RowBuffer, n: number, k: number): Promise<Float32Array> {
    const { Tensor } = this.ort;
    const feeds: Record<string, OrtTensor> = {
      [INPUT_ROWS]: new Tensor('int64', buf.big.subarray(0, n * k), [n, k]),
      [INPUT_VALUES]: new Tensor('float32', buf.values.subarray(0, n * k), [n, k]),
    };
    const out = await this.session.run(feeds);
    return out[OUTPUT_PROBS]!.data as Float32Array;
  }

  private prediction(probs: Float32Array, offset: number): Prediction {
    const best = argmaxOf(probs, offset, this.C);
    return { output: this.rt.labels[best], confidence: applyConfidenceMap(this.rt.confidenceMap, probs[offset + best]!) };
  }

  async predict(input: Input): Promise<Prediction> {
    const vec = this.rt.vectorizer;
    const n = vec.vectorize(input);
    const k = Math.max(1, n);
    const buf = this.single;
    buf.ensure(k);
    for (let i = 0; i < n; i++) {
      buf.words[2 * i] = vec.outRows[i]!;
      buf.words[2 * i + 1] = 0;
      buf.values[i] = vec.outValues[i]!;
    }
    if (n === 0) {
      buf.words[0] = this.rt.padRow;
      buf.words[1] = 0;
      buf.values[0] = 0;
    }
    return this.prediction(await this.run(buf, 1, k), 0);
  }

  async predictBatch(inputs: readonly Input[]): Promise<Prediction[]> {
    const out: Prediction[] = [];
    for (let start = 0; start < inputs.length; start += BATCH_CHUNK) {
      const chunk = inputs.slice(start, start + BATCH_CHUNK);
      const rows: Int32Array[] = [];
      const values: Float32Array[] = [];
      let k = 1;
      for (const input of chunk) {
        const n = this.rt.vectorizer.vectorize(input);
        rows.push(this.rt.vectorizer.outRows.slice(0, n));
        values.push(this.rt.vectorizer.outValues.slice(0, n));
        k = Math.max(k, n);
      }
      const buf = this.batch;
      buf.ensure(chunk.length * k);
      const pad = this.rt.padRow;
      for (let i = 0; i < chunk.length; i++) {
        const r = rows[i]!;
        const v = values[i]!;
        const base = i * k;
        for (let j = 0; j < k; j++) {
          buf.words[2 * (base + j)] = j < r.length ? r[j]! : pad;
          buf.words[2 * (base + j) + 1] = 0;
          buf.values[base + j] = j < r.length ? v[j]! : 0;
        }
      }
      const probs = await this.run(buf, chunk.length, k);
      for (let i = 0; i < chunk.length; i++) out.push(this.prediction(probs, i * this.C));
    }
    return out;
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}

/** The default predictor: the TypeScript scorer over the graph's own weights. */
export class TsClassifier implements Predictor {
  private readonly probs: Float64Array;

  constructor(
    private readonly scorer: TsScorer,
    private readonly rt: ClassifierParts,
  ) {
    this.probs = new Float64Array(rt.labels.length);
  }

  /** Probabilities of one input (a copy). */
  probabilities(input: Input): Float64Array {
    return this.score(input).slice();
  }

  /** Probabilities of one input into the shared scratch buffer (valid until the next call). */
  private score(input: Input): Float64Array {
    const vec = this.rt.vectorizer;
    const n = vec.vectorize(input);
    this.scorer.probabilities(vec.outRows, vec.outValues, n, this.probs);
    return this.probs;
  }

  private prediction(input: Input): Prediction {
    const p = this.score(input);
    const best = argmaxOf(p, 0, p.length);
    return { output: this.rt.labels[best], confidence: applyConfidenceMap(this.rt.confidenceMap, p[best]!) };
  }

  async predict(input: Input): Promise<Prediction> {
    return this.prediction(input);
  }

  // Synchronous over the batch: the featurizer's and scorer's buffers are reused for every input, and
  // there is no promise per case (what made a loop of predict() slower than one ORT run).
  async predictBatch(inputs: readonly Input[]): Promise<Prediction[]> {
    const out: Prediction[] = new Array(inputs.length);
    for (let i = 0; i < inputs.length; i++) out[i] = this.prediction(inputs[i]!);
    return out;
  }
}

export async function createOnnxSession(model: Uint8Array): Promise<{ ort: Ort; session: InferenceSession }> {
  const ort = await loadOrt();
  // One thread: the graph is a gather and a sum; thread hand-offs would cost more than they save.
  const session = await ort.InferenceSession.create(model, {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  });
  return { ort, session };
}
