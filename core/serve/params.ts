// A LoRAX GenerateRequest read the way the router reads it (lorax-api.md §2): first deserialized with
// serde's rules (wrong type, missing `inputs`, `null` for a bool → axum's plain-text 422), then validated
// with the router's rules and messages (→ the `validation` ErrorResponse, 422). Unknown keys are ignored.
import { deserializeError, validationError } from './errors.ts';

export interface ResponseFormat {
  type: 'text' | 'json_object' | 'json_schema';
  schema?: unknown;
}

export interface MergedAdapters {
  ids: string[];
  weights: number[];
}

/** GenerateParameters after deserialization; null where the request left an Option unset. */
export interface GenerateParams {
  adapterId: string | null;
  adapterSource: string | null;
  mergedAdapters: MergedAdapters | null;
  bestOf: number | null;
  temperature: number | null;
  repetitionPenalty: number | null;
  frequencyPenalty: number | null;
  presencePenalty: number | null;
  topK: number | null;
  topP: number | null;
  typicalP: number | null;
  doSample: boolean;
  maxNewTokens: number | null;
  ignoreEosToken: boolean;
  returnFullText: boolean | null;
  stop: string[];
  truncate: number | null;
  watermark: boolean;
  details: boolean;
  decoderInputDetails: boolean;
  returnKAlternatives: number | null;
  seed: number | null;
  responseFormat: ResponseFormat | null;
}

export interface GenerateRequest {
  inputs: string;
  parameters: GenerateParams;
  /** Top-level `stream`, read only on `/` and `/invocations`. */
  stream: boolean;
}

/** What the server advertises in /info and enforces here. */
export interface GenerationLimits {
  maxBestOf: number;
  maxStopSequences: number;
  /** In pseudo-tokens (see tokens.ts). */
  maxInputLength: number;
  maxTotalTokens: number;
}

export const DEFAULT_GENERATION_LIMITS: GenerationLimits = {
  maxBestOf: 2,
  maxStopSequences: 4,
  maxInputLength: 32_768,
  maxTotalTokens: 65_536,
};

export function defaultParams(): GenerateParams {
  return {
    adapterId: null, adapterSource: null, mergedAdapters: null, bestOf: null, temperature: null,
    repetitionPenalty: null, frequencyPenalty: null, presencePenalty: null, topK: null, topP: null, typicalP: null,
    doSample: false, maxNewTokens: null, ignoreEosToken: false, returnFullText: null, stop: [], truncate: null,
    watermark: false, details: false, decoderInputDetails: false, returnKAlternatives: null, seed: null, responseFormat: null,
  };
}

// ---- serde-style reading ----

/** How serde names a JSON value in "invalid type" errors. */
function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return `boolean \`${v}\``;
  if (typeof v === 'number') return Number.isInteger(v) ? `integer \`${v}\`` : `floating point \`${v}\``;
  if (typeof v === 'string') return `string ${JSON.stringify(v)}`;
  if (Array.isArray(v)) return 'sequence';
  return 'map';
}

function invalidType(path: string, v: unknown, expected: string): never {
  throw deserializeError(`${path}: invalid type: ${describe(v)}, expected ${expected}`);
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function readString(path: string, v: unknown): string {
  return typeof v === 'string' ? v : invalidType(path, v, 'a string');
}

export function readOptString(path: string, v: unknown): string | null {
  return v === undefined || v === null ? null : readString(path, v);
}

/** `bool` with `#[serde(default)]`: absent → default, `null` → error. */
export function readBool(path: string, v: unknown, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  return typeof v === 'boolean' ? v : invalidType(path, v, 'a boolean');
}

export function readOptBool(path: string, v: unknown): boolean | null {
  return v === undefined || v === null ? null : readBool(path, v, false);
}

export function readOptFloat(path: string, v: unknown): number | null {
  if (v === undefined || v === null) return null;
  return typeof v === 'number' ? v : invalidType(path, v, 'f32');
}

const INT_MAX: Record<'u32' | 'u64' | 'i32' | 'usize', [number, number]> = {
  u32: [0, 4_294_967_295],
  u64: [0, Number.MAX_SAFE_INTEGER],
  usize: [0, Number.MAX_SAFE_INTEGER],
  i32: [-2_147_483_648, 2_147_483_647],
};

export function readOptInt(path: string, v: unknown, type: keyof typeof INT_MAX): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !Number.isInteger(v)) return invalidType(path, v, type);
  const [lo, hi] = INT_MAX[type];
  if (v < lo || v > hi) throw deserializeError(`${path}: invalid value: integer \`${v}\`, expected ${type}`);
  return v;
}

/** `Vec<String>` with `#[serde(default)]`. */
export function readStrings(path: string, v: unknown): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) return invalidType(path, v, 'a sequence');
  return v.map((s, i) => readString(`${path}[${i}]`, s));
}

function readFloats(path: string, v: unknown): number[] {
  if (!Array.isArray(v)) return invalidType(path, v, 'a sequence');
  return v.map((s, i) => (typeof s === 'number' ? s : invalidType(`${path}[${i}]`, s, 'f32')));
}

const FORMAT_TYPES = ['text', 'json_object', 'json_schema'] as const;

export function readResponseFormat(path: string, v: unknown): ResponseFormat | null {
  if (v === undefined || v === null) return null;
  if (!isObject(v)) return invalidType(path, v, 'struct ResponseFormat');
  if (!('type' in v)) throw deserializeError(`${path}: missing field \`type\``);
  const type = readString(`${path}.type`, v.type);
  if (!(FORMAT_TYPES as readonly string[]).includes(type)) {
    throw deserializeError(`${path}.type: unknown variant \`${type}\`, expected one of ${FORMAT_TYPES.map((t) => `\`${t}\``).join(', ')}`);
  }
  return { type: type as ResponseFormat['type'], ...(v.schema !== undefined ? { schema: v.schema } : {}) };
}

function readMerged(path: string, v: unknown): MergedAdapters | null {
  if (v === undefined || v === null) return null;
  if (!isObject(v)) return invalidType(path, v, 'struct MergedAdapters');
  if (!('ids' in v)) throw deserializeError(`${path}: missing field \`ids\``);
  if (!('weights' in v)) throw deserializeError(`${path}: missing field \`weights\``);
  return { ids: readStrings(`${path}.ids`, v.ids), weights: readFloats(`${path}.weights`, v.weights) };
}

/** Deserialize `parameters` (absent or null → all defaults). */
export function readParams(v: unknown, path = 'parameters'): GenerateParams {
  const p = defaultParams();
  if (v === undefined || v === null) return p;
  if (!isObject(v)) return invalidType(path, v, 'struct GenerateParameters');
  const at = (k: string) => `${path}.${k}`;
  p.adapterId = readOptString(at('adapter_id'), v.adapter_id);
  p.adapterSource = readOptString(at('adapter_source'), v.adapter_source);
  p.mergedAdapters = readMerged(at('merged_adapters'), v.merged_adapters);
  readOptString(at('api_token'), v.api_token); // type-checked, never kept: tokens are not logged or used
  p.bestOf = readOptInt(at('best_of'), v.best_of, 'usize');
  p.temperature = readOptFloat(at('temperature'), v.temperature);
  p.repetitionPenalty = readOptFloat(at('repetition_penalty'), v.repetition_penalty);
  p.frequencyPenalty = readOptFloat(at('frequency_penalty'), v.frequency_penalty);
  p.presencePenalty = readOptFloat(at('presence_penalty'), v.presence_penalty);
  p.topK = readOptInt(at('top_k'), v.top_k, 'i32');
  p.topP = readOptFloat(at('top_p'), v.top_p);
  p.typicalP = readOptFloat(at('typical_p'), v.typical_p);
  p.doSample = readBool(at('do_sample'), v.do_sample, false);
  p.maxNewTokens = readOptInt(at('max_new_tokens'), v.max_new_tokens, 'u32');
  p.ignoreEosToken = readBool(at('ignore_eos_token'), v.ignore_eos_token, false);
  p.returnFullText = readOptBool(at('return_full_text'), v.return_full_text);
  p.stop = readStrings(at('stop'), v.stop);
  p.truncate = readOptInt(at('truncate'), v.truncate, 'usize');
  p.watermark = readBool(at('watermark'), v.watermark, false);
  p.details = readBool(at('details'), v.details, false);
  p.decoderInputDetails = readBool(at('decoder_input_details'), v.decoder_input_details, false);
  p.returnKAlternatives = readOptInt(at('return_k_alternatives'), v.return_k_alternatives, 'i32');
  p.seed = readOptInt(at('seed'), v.seed, 'u64');
  p.responseFormat = readResponseFormat(at('response_format'), v.response_format);
  readBool(at('apply_chat_template'), v.apply_chat_template, false); // accepted, unused (as in LoRAX)
  return p;
}

/** Deserialize a GenerateRequest body (already JSON-parsed). */
export function readGenerateRequest(body: unknown): GenerateRequest {
  if (!isObject(body)) return invalidType('(root)', body, 'struct GenerateRequest');
  if (!('inputs' in body)) throw deserializeError('missing field `inputs`');
  return {
    inputs: readString('inputs', body.inputs),
    parameters: readParams(body.parameters),
    stream: readBool('stream', body.stream, false),
  };
}

// ---- the router's validation (validation.rs `validate()`) ----

/** Sampling as the router decides it for `best_of`. */
export function isSampling(p: GenerateParams): boolean {
  return p.doSample || p.temperature !== null || p.topK !== null || p.topP !== null || p.typicalP !== null;
}

/**
 * Check parameters against LoRAX's rules; `inputTokens` is the pseudo-token count of `inputs`.
 * Returns max_new_tokens with its default applied (max_total_tokens - input tokens).
 */
export function validateParams(inputs: string, inputTokens: number, p: GenerateParams, limits: GenerationLimits, stream: boolean): number {
  if (stream && p.bestOf !== null && p.bestOf !== 1) throw validationError('`best_of` != 1 is not supported when streaming tokens');
  if (stream && p.decoderInputDetails) throw validationError('`decoder_input_details` == true is not supported when streaming tokens');
  const bestOf = p.bestOf ?? 1;
  if (bestOf === 0 || bestOf > limits.maxBestOf) throw validationError(`\`best_of\` must be > 0 and <= ${limits.maxBestOf}. Given: ${bestOf}`);
  if (bestOf > 1 && !isSampling(p)) throw validationError('you must use sampling when `best_of` is > 1');
  if (bestOf > 1 && p.seed !== null) throw validationError('`seed` must not be set when `best_of` > 1');
  if (p.temperature !== null && p.temperature < 0) throw validationError('`temperature` must be non-negative');
  if (p.repetitionPenalty !== null && p.repetitionPenalty <= 0) throw validationError('`repetition_penalty` must be strictly positive');
  for (const [key, v] of [['frequency_penalty', p.frequencyPenalty], ['presence_penalty', p.presencePenalty]] as const) {
    if (v !== null && (v < -2 || v > 2)) throw validationError(`\`${key}\` must be >= -2.0 and <= 2.0`);
  }
  if (p.topP !== null && (p.topP <= 0 || p.topP > 1)) throw validationError('`top_p` must be > 0.0 and < 1.0');
  if (p.typicalP !== null && (p.typicalP <= 0 || p.typicalP >= 1)) throw validationError('`typical_p` must be > 0.0 and < 1.0');
  if (p.topK !== null && p.topK <= 0) throw validationError('`top_k` must be strictly positive');
  if (p.maxNewTokens === 0) throw validationError('`max_new_tokens` must be strictly positive');
  if (p.stop.length > limits.maxStopSequences) {
    throw validationError(`\`stop\` supports up to ${limits.maxStopSequences} stop sequences. Given: ${p.stop.length}`);
  }
  if (p.truncate !== null && (p.truncate === 0 || p.truncate > limits.maxInputLength)) {
    throw validationError(`\`truncate\` must be strictly positive and less than ${limits.maxInputLength}. Given: ${p.truncate}`);
  }
  if (p.returnKAlternatives !== null && p.returnKAlternatives <= 0) throw validationError('`return_k_alternatives` must be strictly positive');
  if (p.mergedAdapters) {
    if (p.adapterId !== null && p.adapterId !== '') throw validationError('at most one of `adapter_id` or `adapters` may be provided');
    if (p.mergedAdapters.ids.length === 0) throw validationError('at least one adapter ID must be provided when setting `adapters`');
    if (p.mergedAdapters.ids.length !== p.mergedAdapters.weights.length) throw validationError('number of adapter IDs must match number of adapter weights');
    // Merging LoRA weights has no meaning for compiled artifacts.
    throw validationError('`merged_adapters` is not supported by kolm serve: each artifact is served whole; pick one with `adapter_id`');
  }
  if (inputs === '') throw validationError('`inputs` cannot be empty');
  if (inputTokens > limits.maxInputLength) {
    throw validationError(`\`inputs\` must have less than ${limits.maxInputLength} tokens. Given: ${inputTokens}`);
  }
  const maxNew = p.maxNewTokens ?? limits.maxTotalTokens - inputTokens;
  if (inputTokens + maxNew > limits.maxTotalTokens) {
    throw validationError(
      `\`inputs\` tokens + \`max_new_tokens\` must be <= ${limits.maxTotalTokens}. Given: ${inputTokens} \`inputs\` tokens and ${maxNew} \`max_new_tokens\``,
    );
  }
  return maxNew;
}
