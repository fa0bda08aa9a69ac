// The composite recipe (DESIGN §5): JSON outputs whose fields are each a closed label set or a span of the
// input, e.g. {"intent": "book_bus", "to_location": "Fresno"}. Label fields get one classifier each (with
// an "absent" class); the span fields share one extract tagger, because their contexts inform each other
// (a token is "from" or "to", not both). The parts' outputs are put back together in the training style.
import { KolmError } from '../errors.ts';
import { isClosedSet } from '../kscore/index.ts';
import { classifierCandidate } from './classifier/index.ts';
import { extractCandidate } from './extract/index.ts';
import { fieldText, locate } from './extract/task.ts';
import { learnStyle, parseObject, renderJsonString, type OutputStyle } from './json-style.ts';
import type { Candidate, FitContext, FittedRecipe } from './types.ts';
import type { Example, Input, Prediction, Predictor } from '../runtime/types.ts';

/** A field is a span field when this share of its values are substrings of the input. */
const SPAN_SHARE = 0.8;
const ABSENT = '\u2205';

interface FieldPlan {
  name: string;
  role: 'label' | 'span';
}

interface CompositeConfig {
  version: 1;
  style: OutputStyle;
  fields: FieldPlan[];
  /** Order keys are written in. */
  order: string[];
  spans?: { type: 'extract'; config: Record<string, unknown> };
  labels: { field: string; type: 'classifier'; config: Record<string, unknown> }[];
}

type Loader = (type: string, config: Record<string, unknown>, files: ReadonlyMap<string, Uint8Array>) => Promise<Predictor>;

function inputTexts(input: Input): string[] {
  if (typeof input === 'string') return [input];
  return Object.keys(input).map((k) => fieldText(input, k)).filter((t) => t !== '');
}

function isSpan(input: Input, value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '' && inputTexts(input).some((t) => locate(t, value.trim()) !== null);
}

/** Read the task off the data: each field's role, or why composite does not apply. */
function planFields(train: readonly Example[]): { objects: Record<string, unknown>[]; fields: FieldPlan[] } | string {
  if (train.length === 0) return 'no training examples';
  const objects: Record<string, unknown>[] = [];
  for (const e of train) {
    const o = parseObject(e.output);
    if (!o) return 'outputs are not all JSON objects';
    objects.push(o);
  }
  const names = [...new Set(objects.flatMap((o) => Object.keys(o)))].sort();
  if (names.length === 0) return 'every output is an empty object';
  const fields: FieldPlan[] = [];
  for (const name of names) {
    let present = 0;
    let spans = 0;
    const distinct = new Map<string, { value: unknown; count: number }>();
    objects.forEach((o, i) => {
      if (!(name in o) || o[name] === null || o[name] === '') return;
      const v = o[name];
      if (typeof v === 'object') return;
      present++;
      if (isSpan(train[i]!.input, v)) spans++;
      const key = JSON.stringify(v);
      const seen = distinct.get(key);
      if (seen) seen.count++;
      else distinct.set(key, { value: v, count: 1 });
    });
    if (objects.some((o) => o[name] !== null && typeof o[name] === 'object')) return `field "${name}" holds nested objects or lists`;
    if (present > 0 && spans / present >= SPAN_SHARE) fields.push({ name, role: 'span' });
    // A closed set by K-score's own label rule; numbers count too here (a seat count is a class to this
    // recipe, though K-score would score a column of them as numbers).
    else if (isClosedSet([...distinct.values()])) fields.push({ name, role: 'label' });
    else return `field "${name}" is neither a span of the input nor a closed label set (${distinct.size} distinct values in ${present} rows)`;
  }
  if (!fields.some((f) => f.role === 'label')) return 'every field is a span of the input: the extract recipe covers it';
  return { objects, fields };
}

function labelExamples(train: readonly Example[], objects: Record<string, unknown>[], field: string): Example[] {
  return train.map((e, i) => {
    const v = objects[i]![field];
    return { input: e.input, output: v === undefined || v === null || v === '' ? ABSENT : JSON.stringify(v) };
  });
}

function spanExamples(train: readonly Example[], objects: Record<string, unknown>[], fields: readonly string[]): Example[] {
  return train.map((e, i) => {
    const o: Record<string, unknown> = {};
    for (const f of fields) if (typeof objects[i]![f] === 'string' && objects[i]![f] !== '') o[f] = objects[i]![f];
    return { input: e.input, output: o };
  });
}

function assemble(config: CompositeConfig, spans: Predictor | undefined, labels: Predictor[]): Predictor {
  const labelFields = config.labels.map((l) => l.field);
  const render = (values: Map<string, unknown>): unknown => {
    const keys = config.order.filter((k) => values.has(k));
    if (config.style.mode === 'json-object') return Object.fromEntries(keys.map((k) => [k, values.get(k)]));
    return renderJsonString(keys, (k) => values.get(k), config.style);
  };
  const combine = (spanPrediction: Prediction | undefined, labelPredictions: Prediction[]): Prediction => {
    const values = new Map<string, unknown>();
    let confidence = 1;
    if (spanPrediction) {
      for (const [k, v] of Object.entries(parseObject(spanPrediction.output) ?? {})) values.set(k, v);
      confidence *= spanPrediction.confidence ?? 1;
    }
    labelPredictions.forEach((p, i) => {
      if (p.output !== ABSENT && typeof p.output === 'string') values.set(labelFields[i]!, JSON.parse(p.output));
      confidence *= p.confidence ?? 1;
    });
    return { output: render(values), confidence };
  };
  return {
    async predict(input) {
      const s = spans ? await spans.predict(input) : undefined;
      const ls = await Promise.all(labels.map((p) => p.predict(input)));
      return combine(s, ls);
    },
    async predictBatch(inputs) {
      const s = spans ? await spans.predictBatch(inputs) : undefined;
      const ls = await Promise.all(labels.map((p) => p.predictBatch(inputs)));
      return inputs.map((_, i) => combine(s?.[i], ls.map((l) => l[i]!)));
    },
    async close() {
      await Promise.all([spans, ...labels].map((p) => p?.close?.()));
    },
  };
}

export const compositeCandidate: Candidate = {
  type: 'composite',
  unsuitable(train) {
    const plan = planFields(train);
    return typeof plan === 'string' ? plan : null;
  },
  async fit(train, ctx: FitContext): Promise<FittedRecipe> {
    const plan = planFields(train);
    if (typeof plan === 'string') throw new KolmError('E_NO_CANDIDATE', `composite cannot fit this data: ${plan}`);
    const { objects, fields } = plan;
    const names = fields.map((f) => f.name);
    const mode = train.every((e) => typeof e.output === 'string') ? 'json-string' : 'json-object';
    const style = learnStyle(train, mode, names, objects, () => 0);
    const order = style.order === 'sorted' ? names.slice().sort() : style.rank;
    const files = new Map<string, Uint8Array>();
    const spanFields = fields.filter((f) => f.role === 'span').map((f) => f.name);

    let spans: FittedRecipe | undefined;
    if (spanFields.length) {
      spans = await extractCandidate.fit(spanExamples(train, objects, spanFields), { ...ctx, prefix: `${ctx.prefix}spans/` });
      for (const [k, v] of spans.saved.files) files.set(k, v);
    }
    const labels: { field: string; fitted: FittedRecipe }[] = [];
    for (const [i, f] of fields.entries()) {
      if (f.role !== 'label') continue;
      const sub = labelExamples(train, objects, f.name);
      const fitted = await classifierCandidate.fit(sub, { ...ctx, kind: 'label', prefix: `${ctx.prefix}fields/${i}/` });
      for (const [k, v] of fitted.saved.files) files.set(k, v);
      labels.push({ field: f.name, fitted });
    }
    const config: CompositeConfig = {
      version: 1,
      style,
      fields,
      order,
      ...(spans ? { spans: { type: 'extract' as const, config: spans.saved.config } } : {}),
      labels: labels.map((l) => ({ field: l.field, type: 'classifier' as const, config: l.fitted.saved.config })),
    };
    return {
      saved: { type: 'composite', config: config as unknown as Record<string, unknown>, files },
      predictor: assemble(config, spans?.predictor, labels.map((l) => l.fitted.predictor)),
    };
  },
};

export async function loadComposite(raw: Record<string, unknown>, files: ReadonlyMap<string, Uint8Array>, load: Loader): Promise<Predictor> {
  const config = raw as unknown as CompositeConfig;
  if (config.version !== 1 || !Array.isArray(config.labels) || !Array.isArray(config.order)) {
    throw new KolmError('E_BAD_ARTIFACT', 'composite recipe config is not version 1', { hint: 'rebuild it with kolm compile' });
  }
  const spans = config.spans ? await load(config.spans.type, config.spans.config, files) : undefined;
  const labels = await Promise.all(config.labels.map((l) => load(l.type, l.config, files)));
  return assemble(config, spans, labels);
}
