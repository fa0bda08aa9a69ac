// A tiny llama-architecture model generated at test time (no binary fixtures, no download): HF-layout
// weights from a seed, written as a base GGUF (q/k rows permuted the way convert_hf_to_gguf does, written
// here independently of core/adapter), a byte-level GPT-2 tokenizer (256 byte tokens + an EOS), and PEFT
// LoRA adapters in safetensors. `merged()` computes W + s·B·A in HF layout, for the equivalence proofs.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeGguf, type GgufTensorInput, type GgufValue } from '../../core/adapter/gguf.ts';
import { writeSafetensors } from '../../core/adapter/safetensors.ts';
import { seededRandom } from '../../core/util/random.ts';

export const TINY = { hidden: 64, heads: 4, kvHeads: 2, ffn: 128, layers: 2, ctx: 256 } as const;
const HD = TINY.hidden / TINY.heads;
export const EOS_TEXT = '<|endoftext|>';
export const VOCAB = 257;

/** GPT-2's bytes_to_unicode: the printable form of each byte in the vocabulary. */
export function byteTokens(): string[] {
  const bs: number[] = [];
  for (let b = 33; b <= 126; b++) bs.push(b);
  for (let b = 161; b <= 172; b++) bs.push(b);
  for (let b = 174; b <= 255; b++) bs.push(b);
  const cs = [...bs];
  let n = 0;
  for (let b = 0; b < 256; b++) {
    if (!bs.includes(b)) {
      bs.push(b);
      cs.push(256 + n++);
    }
  }
  const out: string[] = new Array(256);
  bs.forEach((b, i) => (out[b] = String.fromCodePoint(cs[i]!)));
  return out;
}

export type Matrix = { rows: number; cols: number; data: Float64Array };

function randn(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

function randMatrix(rand: () => number, rows: number, cols: number, std: number): Matrix {
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = randn(rand) * std;
  return { rows, cols, data };
}

/** HF module names of one layer, with their (out, in) shapes. */
export const PROJ: Record<string, [number, number, string]> = {
  q_proj: [TINY.heads * HD, TINY.hidden, 'attn_q'],
  k_proj: [TINY.kvHeads * HD, TINY.hidden, 'attn_k'],
  v_proj: [TINY.kvHeads * HD, TINY.hidden, 'attn_v'],
  o_proj: [TINY.hidden, TINY.heads * HD, 'attn_output'],
  gate_proj: [TINY.ffn, TINY.hidden, 'ffn_gate'],
  up_proj: [TINY.ffn, TINY.hidden, 'ffn_up'],
  down_proj: [TINY.hidden, TINY.ffn, 'ffn_down'],
};

export interface TinyWeights {
  embed: Matrix;
  lmHead: Matrix;
  /** layer → module → weight (out, in), HF layout. */
  layers: Map<string, Matrix>[];
}

export function tinyWeights(seed = 1): TinyWeights {
  const rand = seededRandom(seed);
  const layers: Map<string, Matrix>[] = [];
  for (let l = 0; l < TINY.layers; l++) {
    const m = new Map<string, Matrix>();
    for (const [name, [out, inF]] of Object.entries(PROJ)) m.set(name, randMatrix(rand, out, inF, 1 / Math.sqrt(inF)));
    layers.push(m);
  }
  return { embed: randMatrix(rand, VOCAB, TINY.hidden, 1), lmHead: randMatrix(rand, VOCAB, TINY.hidden, 2 / Math.sqrt(TINY.hidden)), layers };
}

/** convert_hf_to_gguf's LlamaModel.permute: reshape(n_head, 2, hd/2, in).swapaxes(1, 2). */
export function hfPermute(m: Matrix, nHead: number): Matrix {
  const hd = m.rows / nHead;
  const out = new Float64Array(m.data.length);
  let dst = 0;
  for (let h = 0; h < nHead; h++) {
    for (let i = 0; i < hd / 2; i++) {
      for (let two = 0; two < 2; two++) {
        const src = h * hd + two * (hd / 2) + i;
        out.set(m.data.subarray(src * m.cols, (src + 1) * m.cols), dst * m.cols);
        dst++;
      }
    }
  }
  return { rows: m.rows, cols: m.cols, data: out };
}

function f32(m: Matrix | Float64Array): Uint8Array {
  const d = 'data' in m ? m.data : m;
  const out = new Uint8Array(d.length * 4);
  const v = new DataView(out.buffer);
  for (let i = 0; i < d.length; i++) v.setFloat32(i * 4, d[i]!, true);
  return out;
}

/** The base GGUF bytes for these weights (all F32). */
export function tinyBaseGguf(w: TinyWeights, name = 'tiny-llama'): Uint8Array {
  const tokens = [...byteTokens(), EOS_TEXT];
  const metadata: [string, GgufValue][] = [
    ['general.architecture', { type: 'string', value: 'llama' }],
    ['general.name', { type: 'string', value: name }],
    ['llama.context_length', { type: 'u32', value: TINY.ctx }],
    ['llama.embedding_length', { type: 'u32', value: TINY.hidden }],
    ['llama.block_count', { type: 'u32', value: TINY.layers }],
    ['llama.feed_forward_length', { type: 'u32', value: TINY.ffn }],
    ['llama.attention.head_count', { type: 'u32', value: TINY.heads }],
    ['llama.attention.head_count_kv', { type: 'u32', value: TINY.kvHeads }],
    ['llama.attention.layer_norm_rms_epsilon', { type: 'f32', value: 1e-5 }],
    ['llama.rope.dimension_count', { type: 'u32', value: HD }],
    ['tokenizer.ggml.model', { type: 'string', value: 'gpt2' }],
    ['tokenizer.ggml.pre', { type: 'string', value: 'default' }],
    ['tokenizer.ggml.tokens', { type: 'array', of: 'string', value: tokens }],
    ['tokenizer.ggml.token_type', { type: 'array', of: 'i32', value: tokens.map((_, i) => (i === 256 ? 3 : 1)) }],
    ['tokenizer.ggml.merges', { type: 'array', of: 'string', value: [] }],
    ['tokenizer.ggml.eos_token_id', { type: 'u32', value: 256 }],
    ['tokenizer.ggml.bos_token_id', { type: 'u32', value: 256 }],
    ['tokenizer.ggml.add_bos_token', { type: 'bool', value: false }],
  ];
  const ones = new Float64Array(TINY.hidden).fill(1);
  const tensors: GgufTensorInput[] = [
    { name: 'token_embd.weight', ne: [TINY.hidden, VOCAB], type: 0, data: f32(w.embed) },
    { name: 'output_norm.weight', ne: [TINY.hidden], type: 0, data: f32(ones) },
    { name: 'output.weight', ne: [TINY.hidden, VOCAB], type: 0, data: f32(w.lmHead) },
  ];
  w.layers.forEach((layer, l) => {
    tensors.push({ name: `blk.${l}.attn_norm.weight`, ne: [TINY.hidden], type: 0, data: f32(ones) });
    tensors.push({ name: `blk.${l}.ffn_norm.weight`, ne: [TINY.hidden], type: 0, data: f32(ones) });
    for (const [mod, [out, inF, gguf]] of Object.entries(PROJ)) {
      let m = layer.get(mod)!;
      if (mod === 'q_proj') m = hfPermute(m, TINY.heads);
      if (mod === 'k_proj') m = hfPermute(m, TINY.kvHeads);
      tensors.push({ name: `blk.${l}.${gguf}.weight`, ne: [inF, out], type: 0, data: f32(m) });
    }
  });
  return writeGguf(metadata, tensors);
}

export interface TinyLora {
  r: number;
  alpha: number;
  /** layer → module → {A (r, in), B (out, r)}. */
  pairs: Map<string, { A: Matrix; B: Matrix }>[];
}

export function tinyLora(seed: number, r: number, alpha: number, modules = Object.keys(PROJ), std = 0.3, rank?: (layer: number, mod: string) => number): TinyLora {
  const rand = seededRandom(seed);
  const pairs: Map<string, { A: Matrix; B: Matrix }>[] = [];
  for (let l = 0; l < TINY.layers; l++) {
    const m = new Map<string, { A: Matrix; B: Matrix }>();
    for (const mod of modules) {
      const [out, inF] = PROJ[mod]!;
      const rr = rank ? rank(l, mod) : r;
      m.set(mod, { A: randMatrix(rand, rr, inF, std / Math.sqrt(inF)), B: randMatrix(rand, out, rr, std) });
    }
    pairs.push(m);
  }
  return { r, alpha, pairs };
}

/** adapter_model.safetensors bytes for a LoRA (PEFT key names, F32 unless asked). */
export function loraSafetensors(lora: TinyLora, dtype: 'F32' | 'F16' | 'BF16' = 'F32', extra: { name: string; shape: number[] }[] = []): Uint8Array {
  const tensors: { name: string; dtype: 'F32' | 'F16' | 'BF16'; shape: number[]; values: ArrayLike<number> }[] = [];
  lora.pairs.forEach((m, l) => {
    for (const [mod, { A, B }] of m) {
      const group = mod.endsWith('_proj') && ['q_proj', 'k_proj', 'v_proj', 'o_proj'].includes(mod) ? 'self_attn' : 'mlp';
      const key = `base_model.model.model.layers.${l}.${group}.${mod}`;
      tensors.push({ name: `${key}.lora_A.weight`, dtype, shape: [A.rows, A.cols], values: A.data });
      tensors.push({ name: `${key}.lora_B.weight`, dtype, shape: [B.rows, B.cols], values: B.data });
    }
  });
  for (const e of extra) tensors.push({ name: e.name, dtype, shape: e.shape, values: new Float64Array(e.shape.reduce((a, b) => a * b, 1)) });
  return writeSafetensors(tensors);
}

export function adapterConfig(lora: TinyLora, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    peft_type: 'LORA', task_type: 'CAUSAL_LM', base_model_name_or_path: 'kolm-test/tiny-llama', r: lora.r, lora_alpha: lora.alpha,
    lora_dropout: 0.05, bias: 'none', target_modules: [...new Set(lora.pairs.flatMap((m) => [...m.keys()]))], use_rslora: false, use_dora: false,
    modules_to_save: null, fan_in_fan_out: false, inference_mode: true, ...extra,
  }, null, 2);
}

/** W + scale(layer, module, r)·B·A for every adapted module, in HF layout: the merged model. */
export function merged(w: TinyWeights, lora: TinyLora, scale: (layer: number, mod: string, r: number) => number): TinyWeights {
  const layers = w.layers.map((layer, l) => {
    const m = new Map(layer);
    for (const [mod, { A, B }] of lora.pairs[l]!) {
      const W = layer.get(mod)!;
      const s = scale(l, mod, A.rows);
      const data = new Float64Array(W.data);
      for (let o = 0; o < W.rows; o++) {
        for (let i = 0; i < W.cols; i++) {
          let acc = 0;
          for (let k = 0; k < A.rows; k++) acc += B.data[o * B.cols + k]! * A.data[k * A.cols + i]!;
          data[o * W.cols + i]! += s * acc;
        }
      }
      m.set(mod, { rows: W.rows, cols: W.cols, data });
    }
    return m;
  });
  return { ...w, layers };
}

/** Write a PEFT export folder (adapter_config.json + adapter_model.safetensors) under dir. */
export function writeAdapterFolder(dir: string, config: string, weights: Uint8Array): string {
  writeFileSync(join(dir, 'adapter_config.json'), config);
  writeFileSync(join(dir, 'adapter_model.safetensors'), weights);
  return dir;
}
