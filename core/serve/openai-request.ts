// Reading the OpenAI-style request bodies (lorax-api.md §6) into generate requests. With --lorax-compat
// they are read as LoRAX reads them (n → best_of, unknown and unsupported fields ignored, prompt a string);
// otherwise as OpenAI does: its parameter ranges, list prompts, stream_options, and a 400 that names each
// parameter this server cannot honour (n > 1, logprobs, tools, ...) instead of ignoring it.
import { deserializeError, invalidRequestError, templateError, unsupportedError } from './errors.ts';
import {
  defaultParams, isObject, readBool, readOptBool, readOptFloat, readOptInt, readOptString, readResponseFormat, readString, readStrings,
  type GenerateParams,
} from './params.ts';

export interface OpenAiRequest {
  model: string;
  /** One prompt (chat, or a string prompt) or several (a list prompt: one choice each). */
  prompts: string[];
  stream: boolean;
  /** stream_options.include_usage: a last chunk with the usage and no choices. */
  includeUsage: boolean;
  parameters: GenerateParams;
}

/** OpenAI lets `stop` be one string; LoRAX reads a list. Both are accepted. */
function readStop(path: string, v: unknown): string[] {
  return typeof v === 'string' ? [v] : v === null ? [] : readStrings(path, v);
}

function range(name: string, v: number | null, lo: number, hi: number, integer = false): void {
  if (v === null) return;
  const kind = integer ? 'integer' : 'decimal';
  if (v < lo) throw invalidRequestError(`Invalid '${name}': ${kind} below minimum value. Expected a value >= ${lo}, but got ${v} instead.`, name, `${kind}_below_min_value`);
  if (v > hi) throw invalidRequestError(`Invalid '${name}': ${kind} above maximum value. Expected a value <= ${hi}, but got ${v} instead.`, name, `${kind}_above_max_value`);
}

const present = (v: unknown) => v !== undefined && v !== null;
const nonEmpty = (v: unknown) => (Array.isArray(v) ? v.length > 0 : isObject(v) ? Object.keys(v).length > 0 : present(v) && v !== '');

/** OpenAI's ranges, and the parameters both routes cannot honour. */
function strictCommon(body: Record<string, unknown>, p: GenerateParams): void {
  range('temperature', p.temperature, 0, 2);
  range('top_p', p.topP, 0, 1);
  range('frequency_penalty', p.frequencyPenalty, -2, 2);
  range('presence_penalty', p.presencePenalty, -2, 2);
  range('max_tokens', p.maxNewTokens, 1, Number.MAX_SAFE_INTEGER, true);
  const n = readOptInt('n', body.n, 'i32');
  range('n', n, 1, 128, true);
  if (n !== null && n > 1) throw unsupportedError('n', `must be 1 here: kolm serve returns one choice per prompt (send ${n} requests instead)`, 'unsupported_value');
  if (nonEmpty(body.logit_bias)) throw unsupportedError('logit_bias', 'is not supported: a recipe artifact has no token logits to bias');
  if (present(body.stream_options) && readOptBool('stream', body.stream) !== true) {
    throw invalidRequestError("The 'stream_options' parameter is only allowed when 'stream' is enabled.", 'stream_options', 'invalid_value');
  }
}

function includeUsage(body: Record<string, unknown>): boolean {
  const o = body.stream_options;
  if (!present(o)) return false;
  if (!isObject(o)) throw deserializeError('stream_options: invalid type: expected struct StreamOptions');
  return readOptBool('stream_options.include_usage', o.include_usage) ?? false;
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

/** A completion prompt: a string, or (OpenAI, outside --lorax-compat) a list of strings; token ids are refused. */
function readPrompts(v: unknown, strict: boolean): string[] {
  if (!strict || !Array.isArray(v)) return [readString('prompt', v)];
  if (v.length === 0) throw invalidRequestError("Invalid 'prompt': empty array. Expected an array with minimum length 1.", 'prompt', 'empty_array');
  if (v.some((x) => typeof x !== 'string')) {
    throw unsupportedError('prompt', 'must be a string or a list of strings here: token ids are not supported (a recipe artifact reads text)', 'unsupported_value');
  }
  return v as string[];
}

/** POST /v1/completions body → the generate request it stands for. */
export function readCompletionRequest(body: unknown, strict: boolean): OpenAiRequest {
  if (!isObject(body)) throw deserializeError('invalid type: expected struct CompletionRequest');
  const m = model(body);
  if (!('prompt' in body)) throw deserializeError('missing field `prompt`');
  const prompts = readPrompts(body.prompt, strict);
  const p = defaultParams();
  common(body, p);
  p.bestOf = readOptInt('best_of', body.best_of, 'usize');
  p.returnFullText = readOptBool('echo', body.echo);
  const stream = readOptBool('stream', body.stream) ?? false;
  p.doSample = readOptInt('n', body.n, 'i32') !== null; // LoRAX: do_sample = (n is set); a Predibase client keeps its decoding
  if (!strict) return { model: m, prompts, stream, includeUsage: false, parameters: p };
  strictCommon(body, p);
  if (present(body.logprobs)) throw unsupportedError('logprobs', 'is not supported: kolm serve returns no log-probabilities on /v1 (use /generate with details)');
  if (nonEmpty(body.suffix)) throw unsupportedError('suffix', 'is not supported: kolm serve does not insert text');
  if (present(body.response_format)) throw unsupportedError('response_format', 'is not a completions parameter: send it to /v1/chat/completions');
  return { model: m, prompts, stream, includeUsage: includeUsage(body), parameters: p };
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

/** Chat's `{"type":"json_schema","json_schema":{schema,...}}` → the generate form `{type, schema}`. */
function normalizeChatFormat(v: unknown): unknown {
  if (isObject(v) && v.type === 'json_schema' && isObject(v.json_schema)) return { type: 'json_schema', schema: v.json_schema.schema };
  return v;
}

/**
 * POST /v1/chat/completions body → the generate request it stands for. A recipe has no chat template:
 * it answers the last user message (the text parts of it), and a chat without one is LoRAX's template error.
 */
export function readChatRequest(body: unknown, strict: boolean): OpenAiRequest {
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
  const p = defaultParams();
  common(body, p);
  if (strict && p.maxNewTokens === null) p.maxNewTokens = readOptInt('max_completion_tokens', body.max_completion_tokens, 'u32');
  p.doSample = p.temperature !== 0; // LoRAX: temperature 0 is greedy, anything else (absent too) samples
  p.responseFormat = readResponseFormat('response_format', normalizeChatFormat(body.response_format));
  const stream = readOptBool('stream', body.stream) ?? false;
  if (strict) {
    strictCommon(body, p);
    if (readOptBool('logprobs', body.logprobs) === true) throw unsupportedError('logprobs', 'is not supported: kolm serve returns no log-probabilities on /v1 (use /generate with details)', 'unsupported_value');
    if (present(body.top_logprobs)) throw unsupportedError('top_logprobs', 'is not supported: kolm serve returns no log-probabilities on /v1');
    for (const key of ['tools', 'functions'] as const) {
      if (nonEmpty(body[key])) throw unsupportedError(key, 'is not supported: a kolm artifact answers with its output, it does not call tools');
    }
    for (const key of ['tool_choice', 'function_call'] as const) {
      if (present(body[key]) && body[key] !== 'none') throw unsupportedError(key, 'is not supported: a kolm artifact does not call tools');
    }
  } else {
    p.bestOf = readOptInt('n', body.n, 'usize'); // LoRAX: n → best_of
  }
  if (prompt === undefined) throw templateError('the chat has no user message; a recipe artifact answers the last user message');
  return { model: m, prompts: [prompt], stream, includeUsage: strict ? includeUsage(body) : false, parameters: p };
}
