// Ludwig config (LLM or ECD) + optional PEFT adapter_config.json → spec.json v1 and the input mapping that
// ingestion applies to the dataset (ludwig-peft.md §1, §2, §7). Three outcomes per config item: carried,
// carried with loss (a warning naming the YAML path), or not portable (every such item is listed at once in
// one E_NOT_PORTABLE error, since fixing them one run at a time would be miserable).
// This file sequences the steps: read the features, scan for what cannot be carried, warn about top-level
// keys, then take the LLM or the ECD route and check the result against the spec schema.
import { closestName, KolmError } from '../errors.ts';
import { parseSpec, type Spec } from '../spec/index.ts';
import { translateEcd } from './ecd.ts';
import { readFeatures } from './features.ts';
import { translateLlm } from './llm.ts';
import { isObj, LocatedReader, type Obj } from './located.ts';
import { notPortableError, scanNotPortable } from './portability.ts';
import type { TranslateOptions } from './spec-draft.ts';
import type { InputMapping } from './types.ts';
import { parseLudwigYaml, type LudwigYaml } from './yaml.ts';

export interface TranslateResult {
  spec: Spec;
  mapping: InputMapping;
  warnings: string[];
}

const LLM_KEYS = [
  'model_type', 'base_model', 'model_name', 'input_features', 'output_features', 'preprocessing', 'defaults',
  'hyperopt', 'prompt', 'trainer', 'generation', 'adapter', 'quantization', 'model_parameters', 'backend',
  'ludwig_version',
];
const ECD_KEYS = [
  'model_type', 'input_features', 'output_features', 'combiner', 'trainer', 'preprocessing', 'defaults',
  'hyperopt', 'backend', 'ludwig_version',
];

/** Parse config.yaml text and translate it. */
export function translateLudwigYaml(text: string, file = 'config.yaml', options: TranslateOptions = {}): TranslateResult {
  return translateLudwigConfig(parseLudwigYaml(text, file), options);
}

/** Translate a parsed Ludwig config. Throws E_NOT_PORTABLE, E_BAD_CONFIG or E_BAD_TEMPLATE. */
export function translateLudwigConfig(y: LudwigYaml, options: TranslateOptions = {}): TranslateResult {
  const ctx = new LocatedReader(y);
  const root = readRoot(ctx);
  const modelType = readModelType(ctx, root);
  const inputs = readFeatures(ctx, root, 'input_features');
  const outputs = readFeatures(ctx, root, 'output_features');
  scanNotPortable(ctx, root, modelType, inputs, outputs);
  if (ctx.refusals.length) throw notPortableError(y.file, ctx.refusals);
  warnTopLevelKeys(ctx, root, modelType);

  const result = modelType === 'llm' ? translateLlm(ctx, root, inputs, outputs, options) : translateEcd(ctx, root, inputs, outputs, options);
  // The spec schema is the one definition of a valid spec: a failure here is a value the checks above missed.
  const spec = parseSpec(result.spec, 'the translated spec');
  return { spec, mapping: result.mapping, warnings: [...ctx.warnings] };
}

function readRoot(ctx: LocatedReader): Obj {
  const { y } = ctx;
  const root = y.value;
  if (root === null || root === undefined) {
    throw new KolmError('E_BAD_CONFIG', `${y.file} is empty`, {
      hint: 'pass the config.yaml from the Predibase export (it lists input_features and output_features)',
      place: { file: y.file },
    });
  }
  if (!isObj(root)) {
    throw ctx.error([], 'must be a mapping of keys (model_type, input_features, …)', 'pass a Ludwig config.yaml');
  }
  return root;
}

function readModelType(ctx: LocatedReader, root: Obj): 'llm' | 'ecd' {
  // model_type: missing means ECD to Ludwig, but a config that names a base model was meant as an LLM.
  const mt = root.model_type;
  if (mt === undefined || mt === null) {
    if (root.base_model !== undefined || root.model_name !== undefined) {
      ctx.warn([], 'model_type is missing, which Ludwig reads as ECD; translated as model_type: llm because a base model is set');
      return 'llm';
    }
    return 'ecd';
  }
  if (mt === 'llm' || mt === 'ecd') return mt;
  if (mt === 'gbm') {
    ctx.refuse(['model_type'], 'model_type: gbm', 'a gradient-boosted tree model over tabular features has no text-to-text equivalent');
    return 'ecd';
  }
  throw ctx.error(['model_type'], `unknown model_type ${JSON.stringify(mt)}`, 'use model_type: llm or ecd');
}

/** Unknown top-level keys, and the known sections no spec field carries. */
function warnTopLevelKeys(ctx: LocatedReader, root: Obj, modelType: 'llm' | 'ecd'): void {
  const known = modelType === 'llm' ? LLM_KEYS : ECD_KEYS;
  for (const key of Object.keys(root)) {
    if (known.includes(key)) continue;
    const near = closestName(key, known);
    ctx.warn([key], `unknown ${modelType.toUpperCase()} config key, ignored${near ? ` (did you mean ${near}?)` : ''}`);
  }
  for (const key of ['backend', 'hyperopt', 'defaults', 'model_parameters'] as const) {
    if (root[key] === undefined || root[key] === null) continue;
    const why = {
      backend: 'where Ludwig trained (local/ray/deepspeed) is not part of the spec; kolm trains where you run it',
      hyperopt: 'the search space is not carried; the spec keeps the values the config itself sets',
      defaults: 'per-type feature defaults are not carried',
      model_parameters: 'model overrides (rope_scaling, neftune_noise_alpha) are not carried',
    }[key];
    ctx.warn([key], `dropped: ${why}`);
  }
}
