// A recipe answers with its whole output at once; LoRAX clients expect tokens. Pseudo-tokens are
// whitespace-preserving chunks (a run of letters/digits or a run of punctuation, each with the whitespace
// before it), so joining them gives the text back exactly. `max_new_tokens`, `stop`, the token events of
// /generate_stream and the token counts in `details` are all in these units.
import type { GenerateParams } from './params.ts';

export interface Token {
  id: number;
  text: string;
  logprob: number | null;
  special: boolean;
  skipped: boolean;
}

export type FinishReason = 'length' | 'eos_token' | 'stop_sequence';

export interface Generation {
  /** generated_text (without the end-of-sequence token, without `inputs`). */
  text: string;
  /** Every generated token, the end-of-sequence token included when generation ended on it. */
  tokens: Token[];
  finishReason: FinishReason;
}

const CHUNK = /\s*[\p{L}\p{N}_]+|\s*[^\s\p{L}\p{N}_]+|\s+/gu;

/** Split text into pseudo-tokens; `chunks(t).join('') === t`. */
export function chunks(text: string): string[] {
  return text.match(CHUNK) ?? [];
}

/** Pseudo-token count without building the array. */
export function countChunks(text: string): number {
  let n = 0;
  CHUNK.lastIndex = 0;
  while (CHUNK.exec(text) !== null) n++;
  return n;
}

export const EOS_ID = 2;
export const EOS_TEXT = '</s>';

/** A stable id in a 32k vocabulary (FNV-1a of the text), ids below 3 kept for special tokens. */
export function tokenId(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return 3 + ((h >>> 0) % 31_997);
}

function token(text: string, logprob: number): Token {
  return { id: tokenId(text), text, logprob, special: false, skipped: false };
}

/**
 * "Generate" `output` under the request's limits, the way a decoder would have stopped: after the token that
 * completes a stop sequence (the text is cut right after it and keeps it, as LoRAX's does), after
 * `maxNewTokens` tokens (finish "length"), or on the end-of-sequence token, which counts as a token.
 * `confidence` spreads as per-token log-probabilities.
 */
export function generate(output: string, p: Pick<GenerateParams, 'stop'>, maxNewTokens: number, confidence?: number): Generation {
  let text = output;
  let stopped = false;
  if (p.stop.length) {
    let cut = -1;
    for (const s of p.stop) {
      if (s === '') continue;
      const at = output.indexOf(s);
      if (at >= 0 && (cut < 0 || at + s.length < cut)) cut = at + s.length;
    }
    if (cut >= 0) {
      text = output.slice(0, cut);
      stopped = true;
    }
  }
  const parts = chunks(text);
  const lp = confidence !== undefined && confidence > 0 && confidence <= 1 ? Math.log(confidence) / (parts.length + 1) : 0;
  const logprob = Math.round(lp * 1e4) / 1e4;
  if (parts.length > maxNewTokens || (!stopped && parts.length === maxNewTokens)) {
    const kept = parts.slice(0, maxNewTokens);
    return { text: kept.join(''), tokens: kept.map((t) => token(t, logprob)), finishReason: 'length' };
  }
  const tokens = parts.map((t) => token(t, logprob));
  if (stopped) return { text, tokens, finishReason: 'stop_sequence' };
  tokens.push({ id: EOS_ID, text: EOS_TEXT, logprob, special: true, skipped: false });
  return { text, tokens, finishReason: 'eos_token' };
}

/** The prefill of `decoder_input_details`: the input's tokens, the first without a logprob (LoRAX sends null). */
export function prefill(inputs: string): { id: number; text: string; logprob: number | null }[] {
  return chunks(inputs).map((t, i) => ({ id: tokenId(t), text: t, logprob: i === 0 ? null : 0 }));
}
