// The training half of an LLM config: the LoRA adapter settings (AdaLoRA and Ludwig's version-dependent
// defaults included), their form in the spec's train section, and the trainer's hyperparameters.
import type { LudwigLoraSettings } from './peft.ts';
import { isObj, type LocatedReader, type Obj } from './located.ts';
import type { YamlPath } from './yaml.ts';

export function readLora(ctx: LocatedReader, a: Obj, at: (k: string) => YamlPath, legacy: boolean, versionNote: string): LudwigLoraSettings {
  const explicit = new Set<LudwigLoraSettings['explicit'] extends ReadonlySet<infer K> ? K : never>();
  const has = (k: string) => a[k] !== undefined && a[k] !== null;
  let r: number;
  if (a.type === 'adalora') {
    // AdaLoRA prunes ranks down to target_r during training: a LoRA of that rank is the nearest port.
    r = has('target_r') ? ctx.num(at('target_r'), a.target_r, { int: true, gt: 0 }) : 8;
    ctx.warn(at('type'), `adalora becomes lora with r = target_r (${r}); the adaptive rank schedule is not carried`);
  } else {
    r = has('r') ? ctx.num(at('r'), a.r, { int: true, gt: 0 }) : 8;
  }
  if (has('r')) explicit.add('r');
  // alpha: Ludwig 0.8 defaulted to 16; from 0.9 it is 2r (LoRAConfig.__post_init__).
  let alpha: number;
  if (has('alpha')) {
    alpha = ctx.num(at('alpha'), a.alpha, { gt: 0 });
    explicit.add('alpha');
  } else {
    alpha = legacy ? 16 : 2 * r;
    ctx.warn(at('alpha'), `not set: using ${alpha} (${legacy ? 'Ludwig 0.8 default 16' : "Ludwig's default 2 × r"}; ${versionNote})`);
  }
  const dropout = has('dropout') ? ctx.num(at('dropout'), a.dropout, { min: 0, max: 1 }) : 0.05;
  if (has('dropout')) explicit.add('dropout');
  const bias = has('bias_type') ? ctx.str(at('bias_type'), a.bias_type) : 'none';
  if (has('bias_type')) explicit.add('bias_type');
  if (bias !== 'none') ctx.warn(at('bias_type'), `"${bias}" also trains bias terms; the spec carries LoRA matrices only`);
  if (has('bias')) ctx.warn(at('bias'), 'Ludwig calls this key bias_type; "bias" is ignored by Ludwig and here');
  let targetModules: string[] | string | undefined;
  if (has('target_modules')) {
    const tm = a.target_modules;
    if (typeof tm === 'string') targetModules = tm;
    else if (Array.isArray(tm) && tm.length && tm.every((x) => typeof x === 'string')) targetModules = tm as string[];
    else throw ctx.error(at('target_modules'), 'must be a list of module names or a string', 'write target_modules: [q_proj, v_proj]');
    explicit.add('target_modules');
  }
  const useRslora = has('use_rslora') ? ctx.bool(at('use_rslora'), a.use_rslora) : false;
  if (has('use_rslora')) explicit.add('use_rslora');

  const carried = new Set(['type', 'r', 'alpha', 'dropout', 'bias_type', 'bias', 'target_modules', 'use_rslora', 'use_dora', 'pretrained_adapter_weights', 'postprocessor', 'target_r']);
  if (typeof a === 'object') {
    for (const k of Object.keys(a)) {
      if (carried.has(k) || a[k] === null || a[k] === undefined) continue;
      if (k === 'rank_pattern' || k === 'alpha_pattern') {
        if (isObj(a[k]) && Object.keys(a[k] as Obj).length) ctx.warn(at(k), 'per-module values are not carried; one rank and alpha are');
        continue;
      }
      ctx.warn(at(k), 'not carried');
    }
  }
  return { r, alpha, dropout, bias, targetModules, useRslora, explicit };
}

/** Ludwig's LoRA defaults: the nearest port of a full fine-tune, since kolm trains LoRA adapters. */
export function ludwigDefaultLora(): LudwigLoraSettings {
  return { r: 8, alpha: 16, dropout: 0.05, bias: 'none', useRslora: false, explicit: new Set() };
}

export function loraToTrain(s: LudwigLoraSettings): Obj {
  return {
    rank: s.r,
    alpha: s.alpha,
    dropout: s.dropout,
    ...(s.targetModules !== undefined ? { target_modules: s.targetModules } : {}),
    ...(s.useRslora ? { use_rslora: true } : {}),
  };
}

/** Training hyperparameters. `finetune` inherits ECD defaults: epochs 100, learning_rate 0.001, batch 1. */
export function readTrainer(ctx: LocatedReader, t: Obj): Obj {
  const has = (k: string) => t[k] !== undefined && t[k] !== null;
  const out: Obj = {};
  if (has('epochs')) out.epochs = ctx.num(['trainer', 'epochs'], t.epochs, { gt: 0 });
  else {
    out.epochs = 100;
    ctx.warn(['trainer', 'epochs'], "not set: using Ludwig's finetune default of 100 epochs (Ludwig inherits it from the ECD trainer); set it if that is not what ran");
  }
  if (has('learning_rate') && t.learning_rate !== 'auto') out.learning_rate = ctx.num(['trainer', 'learning_rate'], t.learning_rate, { gt: 0 });
  else {
    out.learning_rate = 0.001;
    ctx.warn(['trainer', 'learning_rate'], `${t.learning_rate === 'auto' ? '"auto" (a learning-rate search) is not carried' : 'not set'}: using Ludwig's finetune default 0.001`);
  }
  if (has('batch_size') && t.batch_size !== 'auto') out.batch_size = ctx.num(['trainer', 'batch_size'], t.batch_size, { int: true, gt: 0 });
  else if (t.batch_size === 'auto') ctx.warn(['trainer', 'batch_size'], '"auto" is not carried: kolm picks the batch size for the GPU it trains on');
  else out.batch_size = 1;
  if (has('gradient_accumulation_steps') && t.gradient_accumulation_steps !== 'auto') {
    out.gradient_accumulation_steps = ctx.num(['trainer', 'gradient_accumulation_steps'], t.gradient_accumulation_steps, { int: true, gt: 0 });
  }
  const carried = new Set(['type', 'epochs', 'learning_rate', 'batch_size', 'gradient_accumulation_steps', 'eval_batch_size']);
  const dropped = Object.keys(t).filter((k) => !carried.has(k) && t[k] !== null && t[k] !== undefined && t[k] !== 'auto');
  for (const k of dropped) {
    const why = k === 'train_steps' ? 'not carried: training length is set by epochs' : 'not carried: kolm\'s trainer uses its own optimizer, schedule and checkpointing';
    ctx.warn(['trainer', k], why);
  }
  return out;
}
