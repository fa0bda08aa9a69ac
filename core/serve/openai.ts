// The OpenAI-style routes LoRAX serves (lorax-api.md §6): /v1/completions and /v1/chat/completions read
// into a GenerateRequest, and their replies and stream chunks, plus /v1/models (ours; LoRAX has none). By
// default the reply values are OpenAI's (object "chat.completion", real ids, the artifact as `model`,
// `stop_sequence` → "stop"); with `loraxCompat` they are LoRAX's own, byte for byte (id "null", model
// "null", `stop_sequence` → "content_filter", ...), for clients that were written against a LoRAX server.
import type { Exchange, Reply, ServeContext } from './exchange.ts';
import { isLive, resolveAdapter, runGeneration } from './generation.ts';
import { readChatRequest, readCompletionRequest, type OpenAiRequest } from './openai-request.ts';
import { postOpenAiStrict } from './openai-stream.ts';
import { sendEvents, streamHeaders, streamLive } from './stream.ts';
import type { FinishReason, Generation, Token } from './tokens.ts';

export interface ReplyContext {
  loraxCompat: boolean;
  /** The artifact that answered. */
  artifact: string;
  /** The server's base model_id (the default artifact's name). */
  modelId: string;
  version: string;
  /** Unix seconds. */
  created: number;
  id: string;
  promptTokens: number;
}

export function openAiFinishReason(reason: FinishReason, loraxCompat: boolean): string {
  if (reason === 'eos_token') return 'stop';
  if (reason === 'length') return 'length';
  return loraxCompat ? 'content_filter' : 'stop';
}

function usage(ctx: ReplyContext, completion: number) {
  return { prompt_tokens: ctx.promptTokens, total_tokens: ctx.promptTokens + completion, completion_tokens: completion };
}

export function completionReply(ctx: ReplyContext, gen: Generation, text: string): Record<string, unknown> {
  return {
    id: ctx.loraxCompat ? 'null' : ctx.id,
    object: 'text_completion',
    created: ctx.loraxCompat ? 0 : ctx.created,
    model: ctx.loraxCompat ? 'null' : ctx.artifact,
    choices: [{ index: 0, text, logprobs: null, finish_reason: openAiFinishReason(gen.finishReason, ctx.loraxCompat) }],
    usage: usage(ctx, gen.tokens.length),
  };
}

export function chatReply(ctx: ReplyContext, gen: Generation, text: string): Record<string, unknown> {
  return {
    id: ctx.loraxCompat ? 'null' : ctx.id,
    object: ctx.loraxCompat ? 'text_completion' : 'chat.completion',
    created: ctx.created,
    model: ctx.loraxCompat ? ctx.modelId : ctx.artifact,
    system_fingerprint: `${ctx.version}-native`,
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: openAiFinishReason(gen.finishReason, ctx.loraxCompat) }],
    usage: usage(ctx, gen.tokens.length),
  };
}

/** One completion stream chunk per token; usage on every chunk, as LoRAX sends it. */
export function completionChunk(ctx: ReplyContext, gen: Generation, i: number, t: Token): Record<string, unknown> {
  const last = i === gen.tokens.length - 1;
  return {
    id: ctx.loraxCompat ? 'null' : ctx.id,
    object: 'text_completion',
    created: ctx.loraxCompat ? 0 : ctx.created,
    model: ctx.loraxCompat ? 'null' : ctx.artifact,
    choices: [{ index: 0, text: t.special ? '' : t.text, logprobs: null, finish_reason: last ? openAiFinishReason(gen.finishReason, ctx.loraxCompat) : null }],
    usage: usage(ctx, i + 1),
  };
}

/** One chat stream chunk per token; the last carries finish_reason and usage, and no content when it is the end-of-sequence token (LoRAX's "stop"). */
export function chatChunk(ctx: ReplyContext, gen: Generation, i: number, t: Token): Record<string, unknown> {
  const last = i === gen.tokens.length - 1;
  const reason = last ? openAiFinishReason(gen.finishReason, ctx.loraxCompat) : null;
  return {
    id: ctx.loraxCompat ? 'null' : ctx.id,
    object: 'chat.completion.chunk',
    created: ctx.loraxCompat ? 0 : ctx.created,
    model: ctx.loraxCompat ? ctx.modelId : ctx.artifact,
    system_fingerprint: `${ctx.version}-native`,
    choices: [{ index: 0, delta: last && t.special ? {} : { role: 'assistant', content: t.text }, finish_reason: reason }],
    usage: last ? usage(ctx, gen.tokens.length) : null,
  };
}

/**
 * POST /v1/completions and /v1/chat/completions: the model picks the artifact, as adapter_id does. With
 * --lorax-compat the answers are LoRAX's own (below); otherwise OpenAI's (openai-stream.ts).
 */
export async function postOpenAi(ctx: ServeContext, reply: Reply, kind: 'completions' | 'chat', body: unknown): Promise<void> {
  const strict = !ctx.loraxCompat;
  const r = kind === 'chat' ? readChatRequest(body, strict) : readCompletionRequest(body, strict);
  reply.ex.stream = r.stream;
  if (strict) return postOpenAiStrict(ctx, reply, kind, r);
  return postLoraxCompat(ctx, reply, kind, r);
}

async function postLoraxCompat(ctx: ServeContext, reply: Reply, kind: 'completions' | 'chat', r: OpenAiRequest): Promise<void> {
  const prompt = r.prompts[0]!;
  const stream = r.stream;
  const chunk = kind === 'chat' ? chatChunk : completionChunk;
  if (stream && isLive(ctx.artifacts, r.model)) {
    const params = { ...r.parameters, adapterId: r.model };
    let rc: ReplyContext | undefined;
    await streamLive(ctx, reply, prompt, params, (i, t, o) => {
      rc ??= compatContext(ctx, resolveAdapter(ctx.artifacts, params.adapterId)?.name ?? ctx.artifacts.default.name, 0);
      const gen = o ? o.gen : pendingGen(i);
      if (o) rc.promptTokens = o.promptTokens;
      return chunk(rc, gen, i, t);
    }, '[DONE]');
    return;
  }
  const o = await runGeneration(ctx, reply.ex, prompt, { ...r.parameters, adapterId: r.model }, stream);
  const rc = compatContext(ctx, o.artifact.name, o.promptTokens);
  const text = (r.parameters.returnFullText ? prompt : '') + o.gen.text;
  if (stream) {
    sendEvents(reply, o.gen.tokens.map((t, i) => chunk(rc, o.gen, i, t)), streamHeaders(o.artifact, r.parameters, prompt), '[DONE]');
  } else {
    reply.json(200, kind === 'chat' ? chatReply(rc, o.gen, text) : completionReply(rc, o.gen, text));
  }
}

function compatContext(ctx: ServeContext, artifact: string, promptTokens: number): ReplyContext {
  return {
    loraxCompat: true,
    artifact,
    modelId: ctx.artifacts.default.name,
    version: ctx.version,
    created: Math.floor(ctx.wallClock() / 1000),
    id: 'null',
    promptTokens,
  };
}

/** A Generation-shaped value that says "more tokens follow" to the chunk builders. */
function pendingGen(i: number): Generation {
  return { text: '', tokens: new Array<Token>(i + 2), finishReason: 'length' };
}
