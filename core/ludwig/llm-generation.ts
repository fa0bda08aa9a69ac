// The generation settings of an LLM config, with Ludwig's defaults and its max_new_tokens rewrite; a
// setting left at Ludwig's default is not worth a warning, any other one not carried is.
import type { Feature } from './features.ts';
import { isObj, type LocatedReader, type Obj } from './located.ts';
import type { YamlPath } from './yaml.ts';

const GENERATION_DEFAULTS: Obj = {
  max_new_tokens: 32, max_length: 32, min_new_tokens: null, temperature: 0.1, top_k: 50, top_p: 1.0, num_beams: 1,
  repetition_penalty: 1.0, no_repeat_ngram_size: 0, use_cache: true, pad_token_id: null, bos_token_id: null, eos_token_id: null,
};

export function readGeneration(ctx: LocatedReader, root: Obj, output: Feature, legacy: boolean, versionNote: string): Obj {
  const g = root.generation;
  if (g !== undefined && g !== null && !isObj(g)) throw ctx.error(['generation'], 'must be a mapping', 'write generation: {max_new_tokens: 64, temperature: 0.1}');
  const gen: Obj = isObj(g) ? g : {};
  const has = (k: string) => gen[k] !== undefined && gen[k] !== null;
  const path = (k: string): YamlPath => ['generation', k];
  const out: Obj = {};

  let maxNew = has('max_new_tokens') ? ctx.num(path('max_new_tokens'), gen.max_new_tokens, { int: true, gt: 0 }) : 32;
  if (maxNew === 32 && output.type === 'text') {
    // Ludwig's _set_generation_max_new_tokens replaces a max_new_tokens of 32 (set or default).
    const outPre = isObj(output.raw.preprocessing) ? output.raw.preprocessing : {};
    const pre = isObj(root.preprocessing) ? root.preprocessing : {};
    if (typeof outPre.max_sequence_length === 'number') {
      maxNew = Math.max(32, outPre.max_sequence_length);
      if (maxNew !== 32) ctx.warn(path('max_new_tokens'), `${maxNew}: Ludwig raises 32 to the output's max_sequence_length`);
    } else if (typeof pre.global_max_sequence_length === 'number') {
      maxNew = Math.max(32, pre.global_max_sequence_length);
      if (maxNew !== 32) ctx.warn(path('max_new_tokens'), `${maxNew}: Ludwig raises 32 to preprocessing.global_max_sequence_length`);
    } else {
      ctx.warn(path('max_new_tokens'), "kept at 32, but Ludwig replaces 32 with half the base model's context length; raise it if outputs are long");
    }
  }
  out.max_new_tokens = maxNew;
  out.temperature = has('temperature') ? ctx.num(path('temperature'), gen.temperature, { min: 0 }) : 0.1;
  if (has('top_p')) out.top_p = ctx.num(path('top_p'), gen.top_p, { gt: 0, max: 1 });
  if (has('top_k')) {
    const k = ctx.num(path('top_k'), gen.top_k, { int: true, min: 0 });
    if (k > 0) out.top_k = k;
    else ctx.warn(path('top_k'), '0 (no top-k filtering) is not carried');
  }
  out.do_sample = has('do_sample') ? ctx.bool(path('do_sample'), gen.do_sample) : !legacy;
  if (!has('do_sample') && legacy) ctx.warn(path('do_sample'), `not set: false (Ludwig 0.8 default; ${versionNote})`);
  if (has('repetition_penalty')) out.repetition_penalty = ctx.num(path('repetition_penalty'), gen.repetition_penalty, { gt: 0 });
  const carried = new Set(['max_new_tokens', 'temperature', 'top_p', 'top_k', 'do_sample', 'repetition_penalty', 'max_length', 'use_cache', 'pad_token_id', 'bos_token_id', 'eos_token_id']);
  for (const [k, v] of Object.entries(gen)) {
    if (carried.has(k) || v === null || v === undefined || v === GENERATION_DEFAULTS[k]) continue;
    ctx.warn(path(k), `not carried (${JSON.stringify(v)})`);
  }
  return out;
}
