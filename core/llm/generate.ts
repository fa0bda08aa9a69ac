// One generation on a sequence: tokenize, evaluate token by token (greedy unless asked to sample), stop
// on an end-of-generation token, a stop sequence (the text is cut right after it and keeps it, as LoRAX
// does) or max_new_tokens; optional JSON grammar and per-token log-probabilities.
import type { LlamaGrammar, LlamaContextSequence } from 'node-llama-cpp';
import type { GeneratedText, GeneratedToken, GenerateOptions } from '../runtime/types.ts';
import type { LoadedAdapter } from './runtime.ts';
import { loadNodeLlamaCpp } from './runtime.ts';

const grammars = new WeakMap<object, Map<string, Promise<LlamaGrammar>>>();

async function grammarFor(loaded: LoadedAdapter, format: NonNullable<GenerateOptions['responseFormat']>): Promise<LlamaGrammar> {
  let byKey = grammars.get(loaded.llama);
  if (!byKey) grammars.set(loaded.llama, (byKey = new Map()));
  const key = format.type === 'json_schema' && format.schema !== undefined ? JSON.stringify(format.schema) : 'json';
  let g = byKey.get(key);
  if (!g) {
    g = key === 'json'
      ? loaded.llama.getGrammarFor('json')
      : loaded.llama.createGrammarForJsonSchema(format.schema as Parameters<typeof loaded.llama.createGrammarForJsonSchema>[0]);
    byKey.set(key, g);
    g.catch(() => byKey!.delete(key));
  }
  return g;
}

/** The prompt's tokens, with BOS when the model wants one (as LlamaCompletion does). */
export function promptTokens(loaded: LoadedAdapter, prompt: string): number[] {
  const { model } = loaded;
  const tokens = model.tokenize(prompt, false) as number[];
  const bos = model.tokens.bos;
  if (bos !== null && model.tokens.shouldPrependBosToken && tokens[0] !== bos) tokens.unshift(bos);
  return tokens;
}

/** Earliest end (exclusive) of any stop sequence in `text` at or after `from`, or -1. */
function stopEnd(text: string, stops: readonly string[], from: number): number {
  let cut = -1;
  for (const s of stops) {
    if (!s) continue;
    const at = text.indexOf(s, Math.max(0, from - s.length + 1));
    if (at >= 0 && (cut < 0 || at + s.length < cut)) cut = at + s.length;
  }
  return cut;
}

export async function generateOn(loaded: LoadedAdapter, prompt: string, o: GenerateOptions): Promise<GeneratedText> {
  const nlc = await loadNodeLlamaCpp();
  const { model } = loaded;
  const input = promptTokens(loaded, prompt);
  const grammar = o.responseFormat ? await grammarFor(loaded, o.responseFormat) : undefined;
  const seq: LlamaContextSequence = await loaded.pool.acquire();
  const tokens: GeneratedToken[] = [];
  const ids: number[] = [];
  let text = '';
  let emitted = 0;
  let finishReason: GeneratedText['finishReason'] = 'length';
  try {
    await seq.clearHistory();
    if (o.maxNewTokens <= 0) return { text: '', tokens, finishReason, promptTokens: input.length };
    const sampling = o.temperature !== undefined && o.temperature > 0;
    const iterator = seq.evaluateWithMetadata(input as never, { confidence: o.logprobs ?? false } as const, {
      temperature: sampling ? o.temperature : 0,
      ...(sampling && o.topK !== undefined ? { topK: o.topK } : {}),
      ...(sampling && o.topP !== undefined ? { topP: o.topP } : {}),
      ...(o.seed !== undefined ? { seed: o.seed } : {}),
      ...(o.repetitionPenalty !== undefined && o.repetitionPenalty !== 1 ? { repeatPenalty: { penalty: o.repetitionPenalty, punishTokens: () => [...input, ...ids] as never, maxPunishTokens: 1 << 20 } } : {}),
      ...(grammar ? { grammarEvaluationState: new nlc.LlamaGrammarEvaluationState({ model, grammar }) } : {}),
      yieldEogToken: true,
    });
    for await (const out of iterator) {
      const id = out.token as number;
      const conf = (out as { confidence?: number }).confidence;
      const logprob = o.logprobs && conf !== undefined && conf > 0 ? Math.log(conf) : o.logprobs ? null : null;
      if (model.isEogToken(out.token) && !o.ignoreEos) {
        const t = { id, text: model.detokenize([out.token], true), logprob, special: true };
        tokens.push(t);
        o.onToken?.(t);
        finishReason = 'eos_token';
        break;
      }
      ids.push(id);
      const full = model.detokenize(ids as never, false);
      const prevLen = text.length;
      // A token may end inside a UTF-8 character: its text is given with the token that completes it.
      const settled = full.endsWith('\uFFFD') ? text : full;
      const piece = settled.slice(emitted);
      text = settled;
      const cut = stopEnd(text, o.stop, prevLen);
      if (cut >= 0) {
        const t = { id, text: text.slice(emitted, cut), logprob, special: false };
        text = text.slice(0, cut);
        tokens.push(t);
        o.onToken?.(t);
        finishReason = 'stop_sequence';
        break;
      }
      const last = tokens.length + 1 >= o.maxNewTokens;
      // The last token keeps a partial character as the model produced it; no later token will complete it.
      if (last) text = full;
      const t = { id, text: last ? full.slice(emitted) : piece, logprob, special: false };
      emitted = text.length;
      tokens.push(t);
      o.onToken?.(t);
      if (last) {
        finishReason = 'length';
        break;
      }
    }
    return { text, tokens, finishReason, promptTokens: input.length };
  } finally {
    loaded.pool.release(seq);
  }
}
