// The portability scan: every item that makes a Ludwig config a re-architecture rather than a port, found
// in one pass and thrown together as one E_NOT_PORTABLE error, since fixing them one run at a time would
// be miserable.
import { KolmError } from '../errors.ts';
import { featureLabel, type Feature } from './features.ts';
import { isObj, type LocatedReader, type NotPortableItem, type Obj } from './located.ts';
import { formatPath, type YamlPath } from './yaml.ts';

export const RE_ARCHITECTURE = 'This is a re-architecture, not a port.';

/** Feature types with no faithful text form (issue: refused, not warned). */
const REFUSED_TYPES: Record<string, string> = {
  image: 'image inputs have no text form',
  audio: 'audio inputs have no text form',
  timeseries: 'a time series is a numeric array, meaningless as prompt text',
  vector: 'a vector is a numeric array, meaningless as prompt text',
  h3: 'an H3 cell id is meaningless as prompt text',
  date: 'Ludwig encodes dates as numeric components a text model never sees',
  bag: 'a bag feature is a weighted token set encoded by Ludwig, not text',
  set: 'a set feature is a multi-hot vector encoded by Ludwig, not text',
  category_distribution: 'a distribution output is a vector of probabilities, not one text target',
  anomaly: 'anomaly outputs are scores from an encoder, not a text target',
};

/** Every item that makes the config a re-architecture rather than a port, collected in one pass. */
export function scanNotPortable(ctx: LocatedReader, root: Obj, modelType: 'llm' | 'ecd', inputs: Feature[], outputs: Feature[]): void {
  for (const [key, list] of [['input_features', inputs], ['output_features', outputs]] as const) {
    for (const f of list) {
      if (REFUSED_TYPES[f.type]) ctx.refuse(f.path, featureLabel(f, key), REFUSED_TYPES[f.type]!);
      for (const nested of ['input_features', 'output_features', 'features']) {
        if (f.raw[nested] !== undefined) {
          ctx.refuse([...f.path, nested], `${formatPath([...f.path, nested])} (nested feature config)`, 'a feature built from other features is an architecture, not a column');
        }
      }
      const enc = f.raw.encoder;
      if (Array.isArray(enc)) {
        ctx.refuse([...f.path, 'encoder'], `${formatPath([...f.path, 'encoder'])} (encoder ensemble)`, 'several encoders over one feature are an architecture with no text-to-text equivalent');
      } else if (isObj(enc) && enc.type === 'llm') {
        ctx.refuse([...f.path, 'encoder', 'type'], `${formatPath([...f.path, 'encoder', 'type'])}: llm`, 'an LLM nested as an ECD encoder feeds a combiner, not a generator; write it as model_type: llm');
      }
    }
  }
  outputs.slice(1).forEach((f) => ctx.refuse(f.path, featureLabel(f, 'output_features'), 'a second output feature is multi-task; one adapter learns one target (split it into one spec per output)'));
  const out = outputs[0]!;
  const deps = out.raw.dependencies;
  if (Array.isArray(deps) && deps.length) {
    ctx.refuse([...out.path, 'dependencies'], formatPath([...out.path, 'dependencies']), 'output dependencies chain several heads together');
  }
  if (out.type === 'sequence' && isObj(out.raw.decoder) && out.raw.decoder.type === 'tagger') {
    ctx.refuse([...out.path, 'decoder', 'type'], `${formatPath([...out.path, 'decoder', 'type'])}: tagger`, 'a tagger labels every token; its target is not one text');
  }

  if (modelType === 'ecd' && root.combiner !== undefined && root.combiner !== null) {
    const c = root.combiner;
    const type = isObj(c) ? (c.type ?? 'concat') : c;
    if (type !== 'concat') ctx.refuse(['combiner'], `combiner (type: ${String(type)})`, 'a combiner that mixes encoded features is an architecture with no text-to-text equivalent');
  }

  if (modelType === 'llm') {
    const adapter = root.adapter;
    const type = typeof adapter === 'string' ? adapter : isObj(adapter) ? adapter.type : undefined;
    if (adapter !== undefined && adapter !== null && type !== 'lora' && type !== 'adalora') {
      ctx.refuse(typeof adapter === 'string' ? ['adapter'] : ['adapter', 'type'], `adapter.type: ${String(type)}`,
        type === undefined ? 'the adapter has no type' : `the ${String(type)} adapter type has no LoRA equivalent; kolm trains and imports LoRA only`);
    }
    if (isObj(adapter) && adapter.use_dora !== undefined && ctx.bool(['adapter', 'use_dora'], adapter.use_dora)) {
      ctx.refuse(['adapter', 'use_dora'], 'adapter.use_dora: true', 'DoRA adds magnitude vectors that plain LoRA does not have');
    }
    const trainer = root.trainer;
    const ttype = isObj(trainer) ? trainer.type : typeof trainer === 'string' ? trainer : undefined;
    if (typeof ttype === 'string' && ['dpo', 'kto', 'orpo', 'grpo'].includes(ttype)) {
      ctx.refuse(isObj(trainer) ? ['trainer', 'type'] : ['trainer'], `trainer.type: ${ttype}`, 'preference/reward training is not supervised input→output training');
    }
    const prompts: [YamlPath, unknown][] = [[['prompt'], root.prompt]];
    const pre = inputs[0]?.raw.preprocessing;
    if (isObj(pre)) prompts.push([[...inputs[0]!.path, 'preprocessing', 'prompt'], pre.prompt]);
    for (const [path, p] of prompts) {
      if (isObj(p) && isObj(p.retrieval) && p.retrieval.type !== undefined && p.retrieval.type !== null) {
        ctx.refuse([...path, 'retrieval'], `${formatPath([...path, 'retrieval'])} (type: ${String(p.retrieval.type)})`,
          'few-shot prompts built from a retrieval index over the training set cannot be reproduced per request');
      }
    }
  }
}

export function notPortableError(file: string, items: NotPortableItem[]): KolmError {
  const lines = items.map((i) => `  - ${i.path}${i.line !== undefined ? `, line ${i.line}` : ''}: ${i.reason}`);
  return new KolmError(
    'E_NOT_PORTABLE',
    `${file} has ${items.length} item${items.length === 1 ? '' : 's'} that cannot be carried to a text-to-text spec. ${RE_ARCHITECTURE}\n${lines.join('\n')}`,
    {
      hint: 'kolm carries one text (or several text columns) in, one text out; rebuild the task in that shape (drop or textualize these features) and run again',
      place: { file },
      details: items,
    },
  );
}
