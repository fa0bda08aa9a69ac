// The LLM route: a Ludwig LLM config (one text input, a base model, a prompt, an optional LoRA fine-tune)
// and the exported adapter, when there is one, become a spec with base, train, prompt and generation.
import { crossCheckAdapter, type LudwigLoraSettings, type PeftAdapterConfig } from './peft.ts';
import { resolveBaseModel } from './presets.ts';
import { readDataPlan } from './data-plan.ts';
import { featureWarnings, type Feature } from './features.ts';
import { isObj, type LocatedReader, type Obj } from './located.ts';
import { readGeneration } from './llm-generation.ts';
import { resolvePrompt } from './llm-prompt.ts';
import { ludwigDefaultLora, loraToTrain, readLora, readTrainer } from './llm-training.ts';
import { objectShape, specName, type Draft, type TranslateOptions } from './spec-draft.ts';
import type { InputMapping } from './types.ts';
import type { YamlPath } from './yaml.ts';

function ludwigVersion(root: Obj): { legacy: boolean; text?: string } {
  const v = root.ludwig_version;
  if (v === undefined || v === null) return { legacy: root.base_model === undefined && root.model_name !== undefined };
  const m = /^(\d+)\.(\d+)/.exec(String(v));
  if (!m) return { legacy: false, text: String(v) };
  return { legacy: Number(m[1]) === 0 && Number(m[2]) < 9, text: String(v) };
}

export function translateLlm(ctx: LocatedReader, root: Obj, inputs: Feature[], outputs: Feature[], options: TranslateOptions): Draft {
  const version = ludwigVersion(root);
  const versionNote = version.text ? `ludwig_version ${version.text}` : 'no ludwig_version (legacy model_name key)';

  // ---- base model
  let baseKey: 'base_model' | 'model_name' = 'base_model';
  let baseRaw = root.base_model;
  if ((baseRaw === undefined || baseRaw === null) && root.model_name !== undefined) {
    baseKey = 'model_name';
    baseRaw = root.model_name;
    ctx.warn(['model_name'], 'read as base_model (model_name is its name before Ludwig 0.8)');
  }
  let base: string | undefined;
  if (baseRaw !== undefined && baseRaw !== null) {
    const given = ctx.str([baseKey], baseRaw);
    base = resolveBaseModel(given);
    if (base !== given) ctx.warn([baseKey], `Ludwig preset "${given}" resolved to ${base}`);
  } else if (!options.adapter?.base || options.adapter.baseIsLocalPath) {
    throw ctx.error([], 'base_model is missing', 'add base_model: <Hugging Face id> (e.g. meta-llama/Llama-3.1-8B-Instruct)');
  }

  // ---- features: exactly one text input (Ludwig: "LLM requires exactly one text input feature.")
  if (inputs.length !== 1 || inputs[0]!.type !== 'text') {
    throw ctx.error(['input_features'],
      `LLM requires exactly one text input feature; found ${inputs.map((f) => `${f.name} (${f.type})`).join(', ')}`,
      'keep one text input (e.g. a placeholder named prompt) and read the other columns in prompt.template');
  }
  const input = inputs[0]!;
  const output = outputs[0]!;
  if (output.type !== 'text' && output.type !== 'category') {
    throw ctx.error([...output.path, 'type'], `an LLM output feature is text or category, not ${output.type}`, 'set the output feature type to text');
  }

  // ---- trainer (omitted = type none: zero-shot, no training)
  const trainerRaw = root.trainer;
  const trainer: Obj = isObj(trainerRaw) ? trainerRaw : typeof trainerRaw === 'string' ? { type: trainerRaw } : {};
  if (trainerRaw !== undefined && trainerRaw !== null && !isObj(trainerRaw) && typeof trainerRaw !== 'string') {
    throw ctx.error(['trainer'], 'must be a mapping', 'write trainer: {type: finetune, epochs: 3, learning_rate: 0.0002}');
  }
  const trainerType = trainer.type ?? 'none';
  if (trainerType !== 'none' && trainerType !== 'finetune') {
    throw ctx.error(['trainer', 'type'], `unknown LLM trainer type ${JSON.stringify(trainerType)}`, 'use trainer.type: finetune (or none for zero-shot)');
  }
  if (output.type === 'category') {
    if (trainerType === 'finetune') {
      throw ctx.error([...output.path, 'type'], 'fine-tuning an LLM needs a text output feature (Ludwig allows category only for zero-shot)', 'set the output feature type to text');
    }
    ctx.warn(output.path, 'a category output on an LLM is zero-shot label extraction; the decoder match rules and fallback_label are dropped and the label column is the target');
  }

  // ---- prompt: the input feature's own prompt wins over the global one when it sets template or task
  const { template, templatePath, task, inputColumns, sampleColumn } = resolvePrompt(ctx, root, input, output);

  // ---- adapter and training
  const adapterRaw = root.adapter;
  const adapter: Obj | undefined = typeof adapterRaw === 'string' ? { type: adapterRaw } : isObj(adapterRaw) ? adapterRaw : undefined;
  const adapterPath = (k: string): YamlPath => (typeof adapterRaw === 'string' ? ['adapter'] : ['adapter', k]);
  const lora = adapter ? readLora(ctx, adapter, adapterPath, version.legacy, versionNote) : undefined;
  if (adapter?.pretrained_adapter_weights !== undefined && adapter.pretrained_adapter_weights !== null) {
    ctx.warn(adapterPath('pretrained_adapter_weights'), 'not carried: pass the adapter folder with --adapter to import weights');
  }

  let train: Obj | undefined;
  if (trainerType === 'finetune') {
    let settings = lora;
    if (!settings) {
      // A full fine-tune: kolm trains LoRA adapters, so the nearest port is LoRA with Ludwig's defaults.
      settings = ludwigDefaultLora();
      ctx.warn(['trainer'], 'no adapter: this was a full fine-tune; kolm trains a LoRA adapter instead (r 8, alpha 16, dropout 0.05)');
    }
    train = { adapter: 'lora', ...loraToTrain(settings), ...readTrainer(ctx, trainer) };
  } else {
    if (adapter && (adapter.pretrained_adapter_weights === undefined || adapter.pretrained_adapter_weights === null)) {
      throw ctx.error(['adapter'], 'an adapter needs trainer.type: finetune (Ludwig rejects an adapter with trainer none)',
        'add trainer: {type: finetune, epochs: …, learning_rate: …}, or remove the adapter for zero-shot');
    }
    ctx.warn(['trainer'], `trainer type is none (${trainerRaw === undefined ? 'no trainer section' : 'zero-shot'}): the spec has a base model but no training settings`);
  }

  // ---- the exported adapter: it describes the weights that exist, so it wins over the YAML
  const exported = options.adapter ? applyExportedAdapter(ctx, options.adapter, base, baseKey, lora, train) : undefined;
  if (exported) base = exported.base;
  const baseRevision = exported?.revision;

  const quantization = readQuantization(ctx, root, adapter);

  const generation = readGeneration(ctx, root, output, version.legacy, versionNote);
  const inputShape = inputColumns.length === 1 ? 'string' : objectShape(ctx, inputColumns, templatePath ?? ['input_features']);

  const spec: Obj = {
    kolm: 1,
    name: specName(options.name ?? output.column),
    task: task ?? `map ${inputColumns.join(' and ')} to ${output.column}`,
    shape: { input: inputShape, output: 'string' },
    ...(output.type === 'category' ? { output_kind: 'label' } : {}),
    ...(base ? { base } : {}),
    ...(baseRevision ? { base_revision: baseRevision } : {}),
    ...(train ? { train } : {}),
    ...(template ? { prompt: { template } } : {}),
    generation,
    quantization,
  };
  const mapping: InputMapping = {
    inputColumns,
    outputColumn: output.column,
    ...(template ? { template } : {}),
    ...(sampleColumn ? { sampleColumn } : {}),
    ...readDataPlan(ctx, root),
  };
  featureWarnings(ctx, input, output, 'llm');
  return { spec, mapping };
}

/**
 * The exported adapter's settings over the YAML's: its base model (unless that is a local path) and its LoRA
 * shape, written into `train` when there is one; everything it disagrees on is warned.
 */
function applyExportedAdapter(
  ctx: LocatedReader,
  peft: PeftAdapterConfig,
  yamlBase: string | undefined,
  baseKey: 'base_model' | 'model_name',
  lora: LudwigLoraSettings | undefined,
  train: Obj | undefined,
): { base: string | undefined; revision: string | undefined } {
  let base = yamlBase;
  ctx.warnings.push(...peft.warnings);
  if (peft.base && !peft.baseIsLocalPath) {
    if (base && base !== peft.base) {
      ctx.warnings.push(`base model mismatch: ${ctx.y.file} ${baseKey} is ${base}, ${peft.file} base_model_name_or_path is ${peft.base}; using ${peft.base} (the weights were trained on it)`);
    }
    base = peft.base;
  } else if (peft.base) {
    ctx.warnings.push(`${peft.file}: base_model_name_or_path is a local path (${peft.base}); using ${base} from ${ctx.y.file}`);
  }
  if (train) {
    const settings = lora ?? ludwigDefaultLora();
    if (lora) ctx.warnings.push(...crossCheckAdapter(lora, peft, ctx.y.file));
    else ctx.warnings.push(`${peft.file}: the config has no adapter (full fine-tune) but a LoRA adapter was given; using its settings`);
    Object.assign(train, loraToTrain({
      ...settings,
      r: peft.r,
      alpha: peft.alpha,
      dropout: peft.dropout,
      targetModules: peft.targetModules ?? settings.targetModules,
      useRslora: peft.useRslora,
    }));
  } else {
    ctx.warnings.push(`${peft.file}: trainer type is none, so the spec has no train section; the adapter's r ${peft.r} / alpha ${peft.alpha} are not recorded`);
  }
  return { base, revision: peft.revision };
}

/** Quantization, absent = full precision, which the spec must say: its default is int8. */
function readQuantization(ctx: LocatedReader, root: Obj, adapter: Obj | undefined): 'int4' | 'int8' | 'f16' {
  let quantization: 'int4' | 'int8' | 'f16' = 'f16';
  const q = root.quantization;
  if (q !== undefined && q !== null) {
    if (!isObj(q)) throw ctx.error(['quantization'], 'must be a mapping', 'write quantization: {bits: 4}');
    const bits = q.bits === undefined || q.bits === null ? 4 : ctx.num(['quantization', 'bits'], q.bits, { int: true });
    if (bits !== 4 && bits !== 8) throw ctx.error(['quantization', 'bits'], `must be 4 or 8, got ${bits}`, 'set quantization.bits to 4 or 8');
    quantization = bits === 4 ? 'int4' : 'int8';
    const defaults: Obj = { bits: undefined, llm_int8_threshold: 6, llm_int8_has_fp16_weight: false, bnb_4bit_compute_dtype: 'float16', bnb_4bit_use_double_quant: true, bnb_4bit_quant_type: 'nf4' };
    for (const [k, v] of Object.entries(q)) {
      if (k === 'bits') continue;
      if (!(k in defaults)) ctx.warn(['quantization', k], 'not carried');
      else if (v !== defaults[k]) ctx.warn(['quantization', k], `not carried (${JSON.stringify(v)}; kolm picks its own ${quantization} kernels)`);
    }
    if (isObj(adapter?.postprocessor) && adapter.postprocessor.merge_adapter_into_base_model === true) {
      ctx.warn(['adapter', 'postprocessor', 'merge_adapter_into_base_model'], `not carried: kolm keeps the adapter separate${bits === 4 ? ' (Ludwig also refuses to merge into a 4-bit base)' : ''}`);
    }
  } else if (isObj(adapter?.postprocessor) && adapter.postprocessor.merge_adapter_into_base_model === true) {
    ctx.warn(['adapter', 'postprocessor', 'merge_adapter_into_base_model'], 'not carried: kolm keeps the adapter separate');
  }
  return quantization;
}
