// The OpenAI-style routes LoRAX serves (lorax-api.md §6): /v1/completions and /v1/chat/completions. The
// bodies are read in openai-request.ts. By default the answers are OpenAI's (openai-stream.ts); with
// `loraxCompat` they are LoRAX's own, byte for byte (id "null", model "null", `stop_sequence` →
// "content_filter", usage on every completion chunk, ...), built here, for clients written against LoRAX.
import type { Reply, ServeContext } from './exchange.ts';
import { isLive, runGeneration } from './generation.ts';
import { readChatRequest, readCompletionRequest, type OpenAiRequest } from './openai-request.ts';
import { postOpenAiStrict } from './openai-stream.ts';
import { sendEvents, streamHeaders, streamLive } from './stream.ts';
import type { FinishReason, Generation, Token } from './tokens.ts';

/** What LoRAX's own /v1 replies carry (lorax-api.md §6): fixed ids and times, the base model_id on chat. */
interface ReplyContext {
  /** The server's base model_id (the default artifact's name). */
  modelId: string;
  version: string;
  /** Unix seconds. */
  created: number;
  promptTokens: number;
}

/** LoRAX's finish reasons on /v1 (stop_sequence → "content_filter", sic); OpenAI's (→ "stop") outside compat. */
export function openAiFinishReason(reason: FinishReason, loraxCompat: boolean): string {
  if (reason === 'eos_token') return 'stop';
  if (reason === 'length') return 'length';
  return loraxCompat ? 'content_filter' : 'stop';
}

function usage(ctx: ReplyContext, completion: number) {
  return { prompt_tokens: ctx.promptTokens, total_tokens: ctx.promptTokens + completion, completion_tokens: completion };
}

function completionReply(ctx: ReplyContext, gen: Generation, text: string): Record<string, unknown> {
  return {
    id: 'null',
    object: 'text_completion',
    created: 0,
    model: 'null',
    choices: [{ index: 0, text, logprobs: null, finish_reason: openAiFinishReason(gen.finishReason, true) }],
    usage: usage(ctx, gen.tokens.length),
  };
}

function chatReply(ctx: ReplyContext, gen: Generation, text: string): Record<string, unknown> {
  return {
    id: 'null',
    object: 'text_completion',
    created: ctx.created,
    model: ctx.modelId,
    system_fingerprint: `${ctx.version}-native`,
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: openAiFinishReason(gen.finishReason, true) }],
    usage: usage(ctx, gen.tokens.length),
  };
}

/** One completion stream chunk per token; usage on every chunk, as LoRAX sends it. */
function completionChunk(ctx: ReplyContext, gen: Generation, i: number, t: Token): Record<string, unknown> {
  const last = i === gen.tokens.length - 1;
  return {
    id: 'null',
    object: 'text_completion',
    created: 0,
    model: 'null',
    choices: [{ index: 0, text: t.special ? '' : t.text, logprobs: null, finish_reason: last ? openAiFinishReason(gen.finishReason, true) : null }],
    usage: usage(ctx, i + 1),
  };
}

/** One chat stream chunk per token; the last carries finish_reason and usage, and no content when it is the end-of-sequence token (LoRAX's "stop"). */
function chatChunk(ctx: ReplyContext, gen: Generation, i: number, t: Token): Record<string, unknown> {
  const last = i === gen.tokens.length - 1;
  return {
    id: 'null',
    object: 'chat.completion.chunk',
    created: 0,
    model: ctx.modelId,
    system_fingerprint: `${ctx.version}-native`,
    choices: [{ index: 0, delta: last && t.special ? {} : { role: 'assistant', content: t.text }, finish_reason: last ? openAiFinishReason(gen.finishReason, true) : null }],
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
      rc ??= compatContext(ctx, 0);
      const gen = o ? o.gen : pendingGen(i);
      if (o) rc.promptTokens = o.promptTokens;
      return chunk(rc, gen, i, t);
    }, '[DONE]');
    return;
  }
  const o = await runGeneration(ctx, reply.ex, prompt, { ...r.parameters, adapterId: r.model }, stream);
  const rc = compatContext(ctx, o.promptTokens);
  const text = (r.parameters.returnFullText ? prompt : '') + o.gen.text;
  if (stream) {
    sendEvents(reply, o.gen.tokens.map((t, i) => chunk(rc, o.gen, i, t)), streamHeaders(o.artifact, r.parameters, prompt), '[DONE]');
  } else {
    reply.json(200, kind === 'chat' ? chatReply(rc, o.gen, text) : completionReply(rc, o.gen, text));
  }
}

function compatContext(ctx: ServeContext, promptTokens: number): ReplyContext {
  return { modelId: ctx.artifacts.default.name, version: ctx.version, created: Math.floor(ctx.wallClock() / 1000), promptTokens };
}

/** A Generation-shaped value that says "more tokens follow" to the chunk builders. */
function pendingGen(i: number): Generation {
  return { text: '', tokens: new Array<Token>(i + 2), finishReason: 'length' };
}
