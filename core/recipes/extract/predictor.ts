// The extract predictor, rebuilt from the saved config and weight table only, so the predictor that scored
// a candidate at compile time is the one `kolm run` builds from the artifact. One reused set of buffers;
// predict is synchronous work behind a resolved promise.
import type { Input, Prediction, Predictor } from '../../runtime/types.ts';
import { predictEach } from '../../runtime/types.ts';
import { FeatureScratch, Gazetteer, featurize } from './features.ts';
import { DecodeScratch, expTransitions, logPartition, pickSpans, tagCount, viterbi } from './decode.ts';
import { PackedModel } from './packed.ts';
import { fieldText, renderJsonString, type OutputStyle } from './task.ts';

/** The saved configuration of a fitted extract recipe (JSON). */
export interface ExtractConfig {
  version: 1;
  /** Payload entry holding the weight table. */
  payload: string;
  inputMode: 'string' | 'object';
  source: string;
  context: string[];
  fields: string[];
  style: OutputStyle;
  /** Per field, the lowercased values seen in training (gazetteer features). */
  gazetteer: string[][];
  /** confidence = sigmoid(a · logit(path probability at temperature tau) + b), fitted on the internal split. */
  calibration: { tau: number; a: number; b: number };
  epochs: number;
  /** Mean field F1 on the internal split (information only). */
  internal: { K: number; cases: number } | null;
}

export function buildGazetteer(lists: readonly (readonly string[])[]): Gazetteer {
  const g = new Gazetteer(lists.length);
  lists.forEach((values, f) => {
    for (const v of values) g.add(v, f);
  });
  return g;
}

/** logit of a path probability given as a log, kept finite. */
export function pathLogit(logP: number): number {
  const p = Math.min(Math.max(Math.exp(logP), 1e-9), 1 - 1e-9);
  return Math.log(p / (1 - p));
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

export class ExtractPredictor implements Predictor {
  private readonly model: PackedModel;
  private readonly gaz: Gazetteer;
  private readonly fs = new FeatureScratch();
  private readonly ds = new DecodeScratch();
  private readonly expTrans: Float64Array;
  private readonly first: Int32Array;
  private readonly last: Int32Array;
  private readonly spanScore: Float64Array;
  private readonly ctx: string[];
  private readonly F: number;
  private readonly T: number;

  constructor(readonly config: ExtractConfig, weights: Uint8Array) {
    this.model = new PackedModel(weights);
    this.F = config.fields.length;
    this.T = tagCount(this.F);
    if (this.model.T !== this.T) throw new Error(`weight table has ${this.model.T} tags, config ${this.T}`);
    this.gaz = buildGazetteer(config.gazetteer);
    this.expTrans = expTransitions(this.model.trans, config.calibration.tau);
    this.first = new Int32Array(this.F);
    this.last = new Int32Array(this.F);
    this.spanScore = new Float64Array(this.F);
    this.ctx = config.context.map(() => '');
  }

  /** Field values (null: no span) and the calibrated probability that all of them are right. */
  extract(input: Input): { values: (string | null)[]; starts: number[]; confidence: number } {
    const { config, T, F, fs, ds } = this;
    const text = fieldText(input, config.source);
    for (let c = 0; c < this.ctx.length; c++) this.ctx[c] = fieldText(input, config.context[c]!);
    const n = featurize(text, this.ctx, this.gaz, fs);
    ds.ensure(n, T);
    const em = ds.em;
    em.fill(0, 0, n * T);
    for (let i = 0; i < n; i++) {
      const base = i * T;
      for (let k = fs.offs[i]!; k < fs.offs[i + 1]!; k++) this.model.addFeature(fs.hashes[k]!, em, base);
    }
    const best = viterbi(em, n, T, this.model.trans, ds);
    pickSpans(ds.tags, em, n, T, this.first, this.last, this.spanScore);
    const values: (string | null)[] = new Array(F);
    const starts: number[] = new Array(F);
    for (let f = 0; f < F; f++) {
      const a = this.first[f]!;
      values[f] = a < 0 ? null : text.slice(fs.tokens.start[a], fs.tokens.end[this.last[f]!]);
      starts[f] = a < 0 ? Number.MAX_SAFE_INTEGER : fs.tokens.start[a]!;
    }
    const { tau, a, b } = config.calibration;
    const logP = n === 0 ? 0 : best / tau - logPartition(em, n, T, this.model.trans, this.expTrans, tau, ds);
    return { values, starts, confidence: sigmoid(a * pathLogit(logP) + b) };
  }

  render(values: readonly (string | null)[], starts: readonly number[]): unknown {
    const { style, fields } = this.config;
    if (style.mode === 'string') return values[0] ?? '';
    const keys: number[] = [];
    for (let f = 0; f < fields.length; f++) if (values[f] !== null || style.absent[f] !== 'omit') keys.push(f);
    if (style.order === 'rank') {
      const rank = new Map(style.rank.map((name, i) => [name, i]));
      keys.sort((x, y) => rank.get(fields[x]!)! - rank.get(fields[y]!)!);
    } else if (style.order === 'input') {
      keys.sort((x, y) => starts[x]! - starts[y]! || x - y);
    } // 'sorted': fields are already sorted
    const valueOf = (f: number): string | null => values[f] ?? (style.absent[f] === 'empty' ? '' : null);
    if (style.mode === 'json-object') {
      const out: Record<string, string | null> = {};
      for (const f of keys) out[fields[f]!] = valueOf(f);
      return out;
    }
    const names = keys.map((f) => fields[f]!);
    const byName = new Map(keys.map((f) => [fields[f]!, valueOf(f)]));
    return renderJsonString(names, (k) => byName.get(k) ?? null, style);
  }

  predictSync(input: Input): Prediction {
    const r = this.extract(input);
    return { output: this.render(r.values, r.starts), confidence: r.confidence };
  }

  async predict(input: Input): Promise<Prediction> {
    return this.predictSync(input);
  }

  predictBatch(inputs: readonly Input[]): Promise<Prediction[]> {
    return predictEach(this, inputs);
  }
}
