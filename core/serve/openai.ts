// The OpenAI-style routes LoRAX serves (lorax-api.md §6): /v1/completions and /v1/chat/completions read
// into a GenerateRequest, and their replies and stream chunks, plus /v1/models (ours; LoRAX has none). By
// default the reply values are OpenAI's (object "chat.completion", real ids, the artifact as `model`,
// `stop_sequence` → "stop"); with `loraxCompat` they are LoRAX's own, byte for byte (id "null", model
// "null", `stop_sequence` → "content_filter", ...), for clients that were written against a LoRAX server.
import { deserializeError, templateError } from './errors.ts';
import type { Exchange, Reply, ServeContext } from './exchange.ts';
import { isLive, resolveAdapter, runGeneration } from './generation.ts';
import {
  defaultParams, isObject, readBool, readOptBool, readOptFloat, readOptInt, readOptString, readResponseFormat, readString, readStrings,
  type GenerateParams,
} from './params.ts';
import { sendEvents, streamHeaders, streamLive } from './stream.ts';
import type { FinishReason, Generation, Token } from './tokens.ts';

export interface OpenAiRequest {
  model: string;
  prompt: string;
  stream: boolean;
  parameters: GenerateParams;
}

/** OpenAI lets `stop` be one string; LoRAX reads a list. Both are accepted. */
function readStop(path: string, v: unknown): string[] {
  return typeof v === 'string' ? [v] : v === null ? [] : readStrings(path, v);
}

function common(body: Record<string, unknown>, p: GenerateParams): void {
  p.maxNewTokens = readOptInt('max_tokens', body.max_tokens, 'u32');
  p.temperature = readOptFloat('temperature', body.temperature);
  p.topP = readOptFloat('top_p', body.top_p);
  p.topK = readOptInt('top_k', body.top_k, 'i32');
  p.repetitionPenalty = readOptFloat('repetition_penalty', body.repetition_penalty);
  p.frequencyPenalty = readOptFloat('frequency_penalty', body.frequency_penalty);
  p.presencePenalty = readOptFloat('presence_penalty', body.presence_penalty);
  p.seed = readOptInt('seed', body.seed, 'u64');
  p.stop = readStop('stop', body.stop);
  p.adapterSource = readOptString('adapter_source', body.adapter_source);
  readOptString('api_token', body.api_token);
  p.ignoreEosToken = readBool('ignore_eos_token', body.ignore_eos_token, false);
  p.details = true; // both routes always ask for details internally (server.rs)
}

function model(body: Record<string, unknown>): string {
  if (!('model' in body)) throw deserializeError('missing field `model`');
  return readString('model', body.model);
}

/** POST /v1/completions body → the generate request it stands for. */
export function readCompletionRequest(body: unknown): OpenAiRequest {
  if (!isObject(body)) throw deserializeError('invalid type: expected struct CompletionRequest');
  const m = model(body);
  if (!('prompt' in body)) throw deserializeError('missing field `prompt`');
  const prompt = readString('prompt', body.prompt);
  const p = defaultParams();
  common(body, p);
  const n = readOptInt('n', body.n, 'i32');
  p.doSample = n !== null;
  p.bestOf = readOptInt('best_of', body.best_of, 'usize');
  p.returnFullText = readOptBool('echo', body.echo);
  return { model: m, prompt, stream: readOptBool('stream', body.stream) ?? false, parameters: p };
}

function messageText(content: unknown, path: string): string {
  if (typeof content === 'string') return content;
  if (content === null || content === undefined) return '';
  if (!Array.isArray(content)) throw deserializeError(`${path}: invalid type: expected a string or a sequence of content parts`);
  let text = '';
  content.forEach((part, i) => {
    if (!isObject(part)) throw deserializeError(`${path}[${i}]: invalid type: expected a content part`);
    const type = readString(`${path}[${i}].type`, part.type);
    if (type === 'text') text += (text ? '\n' : '') + readString(`${path}[${i}].text`, part.text);
  });
  return text;
}

/**
 * POST /v1/chat/completions body → the generate request it stands for. A recipe has no chat template:
 * it answers the last user message (the text parts of it), and a chat without one is LoRAX's template error.
 */
export function readChatRequest(body: unknown): OpenAiRequest {
  if (!isObject(body)) throw deserializeError('invalid type: expected struct ChatCompletionRequest');
  const m = model(body);
  if (!('messages' in body)) throw deserializeError('missing field `messages`');
  if (!Array.isArray(body.messages)) throw deserializeError('messages: invalid type: expected a sequence');
  let prompt: string | undefined;
  body.messages.forEach((msg, i) => {
    if (!isObject(msg)) throw deserializeError(`messages[${i}]: invalid type: expected struct Message`);
    const role = readString(`messages[${i}].role`, msg.role);
    const text = messageText(msg.content, `messages[${i}].content`);
    if (role === 'user') prompt = text;
  });
  if (prompt === undefined) throw templateError('the chat has no user message; a recipe artifact answers the last user message');
  const p = defaultParams();
  common(body, p);
  const temperature = p.temperature;
  p.doSample = temperature !== 0; // LoRAX: temperature 0 is greedy, anything else (absent too) samples
  p.bestOf = readOptInt('n', body.n, 'usize');
  p.responseFormat = readResponseFormat('response_format', normalizeChatFormat(body.response_format));
  return { model: m, prompt, stream: readOptBool('stream', body.stream) ?? false, parameters: p };
}

/** Chat's `{"type":"json_schema","json_schema":{schema,...}}` → the generate form `{type, schema}`. */
function normalizeChatFormat(v: unknown): unknown {
  if (isObject(v) && v.type === 'json_schema' && isObject(v.json_schema)) return { type: 'json_schema', schema: v.json_schema.schema };
  return v;
}

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

/** POST /v1/completions and /v1/chat/completions: the model picks the artifact, as adapter_id does. */
export async function postOpenAi(ctx: ServeContext, reply: Reply, kind: 'completions' | 'chat', body: unknown): Promise<void> {
  const r = kind === 'chat' ? readChatRequest(body) : readCompletionRequest(body);
  const stream = (reply.ex.stream = r.stream);
  const prefix = kind === 'chat' ? 'chatcmpl' : 'cmpl';
  const chunk = kind === 'chat' ? chatChunk : completionChunk;
  if (stream && isLive(ctx.artifacts, r.model)) {
    const params = { ...r.parameters, adapterId: r.model };
    let rc: ReplyContext | undefined;
    await streamLive(ctx, reply, r.prompt, params, (i, t, o) => {
      rc ??= replyContext(ctx, reply.ex, prefix, resolveAdapter(ctx.artifacts, params.adapterId)?.name ?? ctx.artifacts.default.name, 0);
      const gen = o ? o.gen : pendingGen(i);
      if (o) rc.promptTokens = o.promptTokens;
      return chunk(rc, gen, i, t);
    }, '[DONE]');
    return;
  }
  const o = await runGeneration(ctx, reply.ex, r.prompt, { ...r.parameters, adapterId: r.model }, stream);
  const rc = replyContext(ctx, reply.ex, prefix, o.artifact.name, o.promptTokens);
  const text = (r.parameters.returnFullText ? r.prompt : '') + o.gen.text;
  if (stream) {
    sendEvents(reply, o.gen.tokens.map((t, i) => chunk(rc, o.gen, i, t)), streamHeaders(o.artifact, r.parameters, r.prompt), '[DONE]');
  } else {
    reply.json(200, kind === 'chat' ? chatReply(rc, o.gen, text) : completionReply(rc, o.gen, text));
  }
}

function replyContext(ctx: ServeContext, ex: Exchange, prefix: string, artifact: string, promptTokens: number): ReplyContext {
  return {
    loraxCompat: ctx.loraxCompat,
    artifact,
    modelId: ctx.artifacts.default.name,
    version: ctx.version,
    created: Math.floor(ctx.wallClock() / 1000),
    id: `${prefix}-${ex.id.toString(16).padStart(8, '0')}`,
    promptTokens,
  };
}

/** A Generation-shaped value that says "more tokens follow" to the chunk builders. */
function pendingGen(i: number): Generation {
  return { text: '', tokens: new Array<Token>(i + 2), finishReason: 'length' };
}

/** GET /v1/models: every served artifact. */
export function getModels(ctx: ServeContext, reply: Reply): void {
  reply.json(200, {
    object: 'list',
    data: ctx.artifacts.list().map((a) => ({ id: a.name, object: 'model', created: Math.floor(Date.parse(a.manifest.created) / 1000), owned_by: 'kolm' })),
  });
}
