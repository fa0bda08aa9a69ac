// PEFT LoRA (adapter_config.json + adapter_model.safetensors) → a GGUF LoRA that llama.cpp loads on the base
// (llm-runtime.md §3). Names follow the Llama-family map; bytes of lora_A/lora_B are kept in place (torch
// (r, in) is ggml ne [in, r]); for arch "llama" the q/k lora_B rows are permuted the way convert_hf_to_gguf
// permuted the base's q/k rows. llama.cpp scales by alpha/r per tensor, so rsLoRA (alpha/√r) and
// alpha_pattern are baked into lora_B and alpha is written as 0 ("no alpha"). What llama.cpp cannot
// represent (DoRA, LoRA bias, modules_to_save, embedding / lm_head weights) is refused by name.
import { KolmError } from '../errors.ts';
import { parsePeftAdapterConfig, type PeftAdapterConfig } from '../ludwig/peft.ts';
import { GGML_TYPE, writeGguf, type GgufTensorInput, type GgufValue } from './gguf.ts';
import { f32ToF16, readSafetensors, tensorValues, type SafetensorsTensor } from './safetensors.ts';
import type { BaseModelInfo } from './validate.ts';

export type AdapterDtype = 'f32' | 'f16' | 'q8_0';

/** What the conversion did to one GGUF tensor (recorded in the artifact). */
export interface ConvertedTensor {
  name: string;
  /** ggml order. */
  ne: number[];
  type: 'F32' | 'F16' | 'Q8_0';
  /** Present when the PEFT scaling was multiplied into this tensor (lora_b only). */
  baked_scale?: number;
}

export interface ConvertedAdapter {
  gguf: Uint8Array;
  /** alpha written to adapter.lora.alpha (0 when scales are baked). */
  alpha: number;
  scaling: 'alpha' | 'baked';
  tensors: ConvertedTensor[];
  /** Layers the adapter touches, and the PEFT modules. */
  modules: string[];
  rank: number;
  warnings: string[];
  peft: PeftAdapterConfig;
}

export interface ConvertOptions {
  /** Default f16. q8_0 falls back to f16 for tensors whose ne[0] is not a multiple of 32 (Q8_0 blocks). */
  dtype?: AdapterDtype;
  /** Names for errors. */
  configFile?: string;
  weightsFile?: string;
}

const MODULE_TO_GGUF: Record<string, string> = {
  q_proj: 'attn_q', k_proj: 'attn_k', v_proj: 'attn_v', o_proj: 'attn_output',
  gate_proj: 'ffn_gate', up_proj: 'ffn_up', down_proj: 'ffn_down',
};
const LAYER_KEY = /^base_model\.model\.model\.layers\.(\d+)\.(self_attn|mlp)\.(q_proj|k_proj|v_proj|o_proj|gate_proj|up_proj|down_proj)\.lora_(A|B)\.weight$/;

/** Architectures whose HF→GGUF conversion permutes q/k rows (conversion/llama.py), and those that do not. */
const PERMUTING_ARCHS = new Set(['llama']);
const PLAIN_ARCHS = new Set(['qwen2', 'qwen3', 'gemma', 'gemma2', 'gemma3', 'mistral3']);
export const SUPPORTED_ARCHS = [...PERMUTING_ARCHS, ...PLAIN_ARCHS];

const REFUSE_HINT = 'llama.cpp cannot apply this to a base at run time; merge the adapter into the base with PEFT (merge_and_unload) and convert the merged model, or retrain without it';

function refuse(file: string, what: string, path?: string): KolmError {
  return new KolmError('E_NOT_PORTABLE', `${file}: ${what}`, { hint: REFUSE_HINT, place: { file, ...(path ? { path } : {}) } });
}

/** Why a safetensors key cannot be carried, or null when it is a plain LoRA A/B of a known module. */
function unsupportedKey(key: string): string | null {
  if (LAYER_KEY.test(key) || /^base_model\.model\.lm_head\.lora_[AB]\.weight$/.test(key)) return null;
  if (key.endsWith('lora_magnitude_vector') || key.endsWith('lora_magnitude_vector.weight')) return `${key} is a DoRA magnitude vector (DoRA is not plain LoRA)`;
  if (/lora_embedding_[AB]/.test(key)) return `${key} is an embedding LoRA (embed_tokens target), which llama.cpp does not apply`;
  if (/\.bias$/.test(key)) return `${key} is a LoRA bias (bias: "lora_only"/"all"), which llama.cpp has no place for`;
  if (/(embed_tokens|lm_head|wte|wpe)(\.base_layer)?\.weight$/.test(key)) return `${key} is a full embedding / lm_head weight (modules_to_save or save_embedding_layers)`;
  if (/\.base_layer\.weight$/.test(key) || !/lora_[AB]/.test(key)) return `${key} is a full weight saved with the adapter (modules_to_save)`;
  return `${key} targets a module outside the Llama-family map (q/k/v/o_proj, gate/up/down_proj, lm_head)`;
}

/** PEFT's pattern lookup (tuners_utils `get_pattern_key`): a key matches the module name or a dotted suffix of it. */
function patternValue(pattern: Record<string, number>, module: string): number | undefined {
  for (const [key, value] of Object.entries(pattern)) {
    let re: RegExp;
    try {
      re = new RegExp(`^(?:.*\\.)?(?:${key})$`);
    } catch {
      continue;
    }
    if (re.test(module)) return value;
  }
  return undefined;
}

/** new row h·hd + 2i + j ← old row h·hd + j·hd/2 + i (llm-runtime.md §3): convert_hf_to_gguf's q/k permute. */
export function permuteRows(values: Float64Array, rows: number, cols: number, nHead: number): Float64Array {
  const hd = rows / nHead;
  const out = new Float64Array(values.length);
  for (let h = 0; h < nHead; h++) {
    for (let i = 0; i < hd / 2; i++) {
      for (let j = 0; j < 2; j++) {
        const dst = h * hd + 2 * i + j;
        const src = h * hd + j * (hd / 2) + i;
        out.set(values.subarray(src * cols, src * cols + cols), dst * cols);
      }
    }
  }
  return out;
}

function encode(values: Float64Array, ne0: number, dtype: AdapterDtype): { type: ConvertedTensor['type']; data: Uint8Array } {
  if (dtype === 'f32') {
    const data = new Uint8Array(values.length * 4);
    const v = new DataView(data.buffer);
    for (let i = 0; i < values.length; i++) v.setFloat32(i * 4, values[i]!, true);
    return { type: 'F32', data };
  }
  if (dtype === 'q8_0' && ne0 % 32 === 0) return { type: 'Q8_0', data: quantizeQ8_0(values) };
  const data = new Uint8Array(values.length * 2);
  const v = new DataView(data.buffer);
  for (let i = 0; i < values.length; i++) v.setUint16(i * 2, f32ToF16(values[i]!), true);
  return { type: 'F16', data };
}

/** ggml's Q8_0: blocks of 32 along ne[0], each an f16 scale d = amax/127 then 32 int8 round(x/d). */
export function quantizeQ8_0(values: Float64Array): Uint8Array {
  const blocks = values.length / 32;
  const out = new Uint8Array(blocks * 34);
  const v = new DataView(out.buffer);
  for (let b = 0; b < blocks; b++) {
    let amax = 0;
    for (let i = 0; i < 32; i++) amax = Math.max(amax, Math.abs(values[b * 32 + i]!));
    const d = amax / 127;
    const id = d ? 1 / d : 0;
    v.setUint16(b * 34, f32ToF16(d), true);
    for (let i = 0; i < 32; i++) v.setInt8(b * 34 + 2 + i, Math.round(values[b * 32 + i]! * id));
  }
  return out;
}

interface Pair {
  module: string;
  ggufBase: string;
  layer: number;
  proj: string;
  a?: SafetensorsTensor;
  b?: SafetensorsTensor;
}

/**
 * Convert a PEFT adapter for a base described by `base` (from its GGUF header). Checks every tensor's shape
 * against the base (validate.ts) before writing anything; throws KolmError on the first problem.
 */
export function convertPeftAdapter(configText: string, weights: Uint8Array, base: BaseModelInfo, options: ConvertOptions = {}): ConvertedAdapter {
  const configFile = options.configFile ?? 'adapter_config.json';
  const weightsFile = options.weightsFile ?? 'adapter_model.safetensors';
  const dtype = options.dtype ?? 'f16';
  const peft = parsePeftAdapterConfig(configText, configFile);
  const raw = JSON.parse(configText) as Record<string, unknown>;

  if (peft.bias !== 'none') throw refuse(configFile, `bias is "${peft.bias}"; LoRA bias terms cannot be applied by llama.cpp`, 'bias');
  const mts = raw.modules_to_save;
  if (Array.isArray(mts) && mts.length) {
    throw refuse(configFile, `modules_to_save (${mts.join(', ')}) are whole trained modules; llama.cpp applies only LoRA A/B pairs`, 'modules_to_save');
  }
  if (raw.lora_bias === true) throw refuse(configFile, 'lora_bias is true; LoRA bias terms cannot be applied by llama.cpp', 'lora_bias');
  if (Array.isArray(raw.layer_replication) && raw.layer_replication.length) {
    throw refuse(configFile, 'layer_replication changes the base model\'s layer layout', 'layer_replication');
  }
  const alphaPattern = (raw.alpha_pattern && typeof raw.alpha_pattern === 'object' ? raw.alpha_pattern : {}) as Record<string, number>;
  const rankPattern = (raw.rank_pattern && typeof raw.rank_pattern === 'object' ? raw.rank_pattern : {}) as Record<string, number>;

  if (!SUPPORTED_ARCHS.includes(base.arch)) {
    throw new KolmError('E_BASE_MISMATCH', `${base.file}: architecture "${base.arch}" is not supported for adapter import (supported: ${SUPPORTED_ARCHS.join(', ')})`, {
      hint: 'use a Llama, Mistral, Qwen2/3 or Gemma base GGUF',
      place: { file: base.file },
    });
  }

  const st = readSafetensors(weights, weightsFile);
  const pairs = new Map<string, Pair>();
  for (const [key, t] of st.tensors) {
    const why = unsupportedKey(key);
    if (why) throw refuse(weightsFile, why, key);
    const m = LAYER_KEY.exec(key);
    const module = m ? `model.layers.${m[1]}.${m[2]}.${m[3]}` : 'lm_head';
    const ggufBase = m ? `blk.${m[1]}.${MODULE_TO_GGUF[m[3]!]}.weight` : 'output.weight';
    if (!m && !base.tensors.has('output.weight')) {
      throw refuse(weightsFile, `${key} is a LoRA on lm_head, but the base ties lm_head to the embeddings (no output.weight)`, key);
    }
    const p = pairs.get(module) ?? { module, ggufBase, layer: m ? Number(m[1]) : -1, proj: m ? m[3]! : 'lm_head' };
    if ((m ? m[4] : key.includes('lora_A') ? 'A' : 'B') === 'A') p.a = t;
    else p.b = t;
    pairs.set(module, p);
  }
  if (pairs.size === 0) throw new KolmError('E_BAD_ADAPTER', `${weightsFile} holds no LoRA tensors`, { place: { file: weightsFile }, hint: 'use the adapter_model.safetensors that PEFT wrote' });

  const modules = [...pairs.keys()].sort((x, y) => {
    const px = pairs.get(x)!;
    const py = pairs.get(y)!;
    return px.layer - py.layer || (x < y ? -1 : x > y ? 1 : 0);
  });
  // Decide once whether llama.cpp's alpha/r reproduces PEFT's scaling for every tensor.
  const scaleOf = (p: Pair, r: number): number => {
    const alpha = patternValue(alphaPattern, p.module) ?? peft.alpha;
    return peft.useRslora ? alpha / Math.sqrt(r) : alpha / r;
  };
  let bake = peft.useRslora;
  for (const mod of modules) if (patternValue(alphaPattern, mod) !== undefined && patternValue(alphaPattern, mod) !== peft.alpha) bake = true;

  const warnings = [...peft.warnings.filter((w) => !/rank_pattern|alpha_pattern|modules_to_save/.test(w))];
  const tensors: GgufTensorInput[] = [];
  const record: ConvertedTensor[] = [];
  let maxRank = 0;
  for (const mod of modules) {
    const p = pairs.get(mod)!;
    if (!p.a || !p.b) {
      throw new KolmError('E_BAD_ADAPTER', `${weightsFile}: ${mod} has lora_${p.a ? 'A' : 'B'} but no lora_${p.a ? 'B' : 'A'}`, {
        place: { file: weightsFile, path: mod },
        hint: 'the file is incomplete; export the adapter again',
      });
    }
    if (p.a.shape.length !== 2 || p.b.shape.length !== 2 || p.a.shape[0] !== p.b.shape[1]) {
      throw new KolmError('E_BAD_ADAPTER', `${weightsFile}: ${mod} lora_A [${p.a.shape.join(', ')}] and lora_B [${p.b.shape.join(', ')}] do not make a rank-r pair`, {
        place: { file: weightsFile, path: mod },
        hint: 'the file is damaged or not a LoRA export',
      });
    }
    const r = p.a.shape[0]!;
    const [inF, outF] = [p.a.shape[1]!, p.b.shape[0]!];
    const wantR = patternValue(rankPattern, mod) ?? peft.r;
    if (r !== wantR) {
      throw new KolmError('E_BAD_ADAPTER', `${weightsFile}: ${mod} has rank ${r}, but ${configFile} says r = ${wantR}${patternValue(rankPattern, mod) !== undefined ? ' (rank_pattern)' : ''}`, {
        place: { file: weightsFile, path: mod },
        hint: 'adapter_config.json and the weights come from different runs; use the pair PEFT saved together',
      });
    }
    maxRank = Math.max(maxRank, r);
    base.checkPair(p.ggufBase, inF, outF, mod);
    const aValues = tensorValues(p.a, weightsFile);
    let bValues = tensorValues(p.b, weightsFile);
    if (PERMUTING_ARCHS.has(base.arch) && (p.proj === 'q_proj' || p.proj === 'k_proj')) {
      bValues = permuteRows(bValues, outF, r, p.proj === 'q_proj' ? base.headCount : base.headCountKv);
    }
    let baked: number | undefined;
    if (bake) {
      baked = scaleOf(p, r);
      for (let i = 0; i < bValues.length; i++) bValues[i] = bValues[i]! * baked;
    }
    const a = encode(aValues, inF, dtype);
    const b = encode(bValues, r, dtype);
    tensors.push({ name: `${p.ggufBase}.lora_a`, ne: [inF, r], type: GGML_TYPE[a.type], data: a.data });
    tensors.push({ name: `${p.ggufBase}.lora_b`, ne: [r, outF], type: GGML_TYPE[b.type], data: b.data });
    record.push({ name: `${p.ggufBase}.lora_a`, ne: [inF, r], type: a.type });
    record.push({ name: `${p.ggufBase}.lora_b`, ne: [r, outF], type: b.type, ...(baked !== undefined ? { baked_scale: baked } : {}) });
  }
  if (dtype === 'q8_0' && record.some((t) => t.type === 'F16')) {
    warnings.push(`Q8_0 needs ne[0] to be a multiple of 32; ${record.filter((t) => t.type === 'F16').length} tensors (rank ${maxRank} lora_b) are F16`);
  }

  const alpha = bake ? 0 : peft.alpha;
  const metadata: [string, GgufValue][] = [
    ['general.architecture', { type: 'string', value: base.arch }],
    ['general.type', { type: 'string', value: 'adapter' }],
    ['general.name', { type: 'string', value: peft.base ? `${peft.base} LoRA` : 'LoRA adapter' }],
    ['adapter.type', { type: 'string', value: 'lora' }],
    ['adapter.lora.alpha', { type: 'f32', value: alpha }],
    ['general.file_type', { type: 'u32', value: dtype === 'f32' ? 0 : dtype === 'q8_0' ? 7 : 1 }],
  ];
  if (peft.base) metadata.push(['general.base_model.0.name', { type: 'string', value: peft.base }]);
  metadata.push(['kolm.scaling', { type: 'string', value: bake ? (peft.useRslora ? 'rslora-baked' : 'alpha_pattern-baked') : 'alpha/r' }]);
  return {
    gguf: writeGguf(metadata, tensors),
    alpha,
    scaling: bake ? 'baked' : 'alpha',
    tensors: record,
    modules,
    rank: maxRank,
    warnings,
    peft,
  };
}
