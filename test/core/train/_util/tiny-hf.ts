// The tiny llama of test/_util/tiny-llama.ts as a Hugging Face model folder: the same random weights the
// base GGUF carries (HF layout, unpermuted q/k), its byte-level tokenizer as tokenizer.json (256 GPT-2
// byte tokens, no merges, <|endoftext|> = 256, no BOS), so what the trainer learns on is what llama.cpp serves.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeSafetensors } from '../../../../core/adapter/safetensors.ts';
import { byteTokens, EOS_TEXT, PROJ, TINY, VOCAB, type TinyWeights } from '../../../_util/tiny-llama.ts';

export function writeTinyHf(dir: string, w: TinyWeights): void {
  mkdirSync(dir, { recursive: true });
  const ones = new Float64Array(TINY.hidden).fill(1);
  const tensors: { name: string; dtype: 'F32'; shape: number[]; values: ArrayLike<number> }[] = [
    { name: 'model.embed_tokens.weight', dtype: 'F32', shape: [VOCAB, TINY.hidden], values: w.embed.data },
    { name: 'lm_head.weight', dtype: 'F32', shape: [VOCAB, TINY.hidden], values: w.lmHead.data },
    { name: 'model.norm.weight', dtype: 'F32', shape: [TINY.hidden], values: ones },
  ];
  w.layers.forEach((layer, l) => {
    tensors.push({ name: `model.layers.${l}.input_layernorm.weight`, dtype: 'F32', shape: [TINY.hidden], values: ones });
    tensors.push({ name: `model.layers.${l}.post_attention_layernorm.weight`, dtype: 'F32', shape: [TINY.hidden], values: ones });
    for (const [mod, [out, inF]] of Object.entries(PROJ)) {
      const group = ['q_proj', 'k_proj', 'v_proj', 'o_proj'].includes(mod) ? 'self_attn' : 'mlp';
      tensors.push({ name: `model.layers.${l}.${group}.${mod}.weight`, dtype: 'F32', shape: [out, inF], values: layer.get(mod)!.data });
    }
  });
  writeFileSync(join(dir, 'model.safetensors'), writeSafetensors(tensors));
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify({
      architectures: ['LlamaForCausalLM'],
      model_type: 'llama',
      vocab_size: VOCAB,
      hidden_size: TINY.hidden,
      intermediate_size: TINY.ffn,
      num_hidden_layers: TINY.layers,
      num_attention_heads: TINY.heads,
      num_key_value_heads: TINY.kvHeads,
      max_position_embeddings: TINY.ctx,
      rms_norm_eps: 1e-5,
      rope_theta: 10000,
      hidden_act: 'silu',
      tie_word_embeddings: false,
      attention_bias: false,
      mlp_bias: false,
      bos_token_id: 256,
      eos_token_id: 256,
      pad_token_id: 256,
      torch_dtype: 'float32',
    }),
  );
  const vocab: Record<string, number> = {};
  byteTokens().forEach((t, i) => (vocab[t] = i));
  vocab[EOS_TEXT] = 256;
  const byteLevel = { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true };
  writeFileSync(
    join(dir, 'tokenizer.json'),
    JSON.stringify({
      version: '1.0',
      truncation: null,
      padding: null,
      added_tokens: [{ id: 256, content: EOS_TEXT, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true }],
      normalizer: null,
      pre_tokenizer: byteLevel,
      post_processor: null,
      decoder: byteLevel,
      model: { type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: null, end_of_word_suffix: null, fuse_unk: false, byte_fallback: false, ignore_merges: false, vocab, merges: [] },
    }),
  );
  writeFileSync(join(dir, 'tokenizer_config.json'), JSON.stringify({ tokenizer_class: 'PreTrainedTokenizerFast', eos_token: EOS_TEXT, pad_token: EOS_TEXT, model_max_length: TINY.ctx, add_bos_token: false }));
}
