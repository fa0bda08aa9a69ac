// Every error `kolm serve` answers, as LoRAX answers it (lorax-api.md §4), and the one place where a
// KolmError code becomes an HTTP status. Errors the LoRAX router raises itself are `{"error", "error_type"}`
// JSON; the body rejections axum's Json extractor makes before a handler runs are plain text, as there.
import { isKolmError, type ErrorCode } from '../errors.ts';

export class ServeError extends Error {
  readonly status: number;
  /** LoRAX's `error_type` (also the `err` label in metrics). */
  readonly errorType: string;
  /** Sent as text/plain rather than the JSON ErrorResponse (axum body rejections). */
  readonly plain: boolean;
  /** For OpenAI's error shape on /v1: the request field at fault and OpenAI's machine code. */
  readonly param: string | null;
  readonly code: string | null;

  constructor(status: number, errorType: string, message: string, plain = false, openAi: { param?: string | null; code?: string | null } = {}) {
    super(message);
    this.name = 'ServeError';
    this.status = status;
    this.errorType = errorType;
    this.plain = plain;
    this.param = openAi.param ?? null;
    this.code = openAi.code ?? null;
  }

  /** The response body: `{"error", "error_type"}`, or the bare message for plain errors. */
  body(): string {
    return this.plain ? this.message : JSON.stringify({ error: this.message, error_type: this.errorType });
  }

  contentType(): string {
    return this.plain ? 'text/plain; charset=utf-8' : 'application/json';
  }
}

// LoRAX's InferError variants (infer.rs `error_type()`, server.rs status codes).
export const validationError = (message: string) => new ServeError(422, 'validation', `Input validation error: ${message}`);
export const overloadedError = () => new ServeError(429, 'overloaded', 'Model is overloaded');
// Ours: one client (remote address) may not hold more than its share of the server.
export const clientLimitError = (n: number) =>
  new ServeError(429, 'overloaded', `Model is overloaded: this client already has ${n} requests open (at most ${n} per client); wait for an answer before sending more`);
export const generationError = (message: string) => new ServeError(424, 'generation', `Request failed during generation: ${message}`);
export const incompleteError = () => new ServeError(500, 'incomplete_generation', 'Incomplete generation');
export const templateError = (message: string) => new ServeError(422, 'template_error', `Failed applying chat template to inputs: ${message}`);
export const unhealthyError = () => new ServeError(503, 'healthcheck', 'unhealthy');

// axum's Json extractor rejections: plain text, before the handler runs.
export const deserializeError = (detail: string) =>
  new ServeError(422, 'deserialize', `Failed to deserialize the JSON body into the target type: ${detail}`, true);
export const badJsonError = (detail: string) => new ServeError(400, 'bad_json', `Failed to parse the request body as JSON: ${detail}`, true);
export const mediaTypeError = () => new ServeError(415, 'unsupported_media_type', 'Expected request with `Content-Type: application/json`', true);

// What LoRAX leaves to axum/hyper defaults (empty bodies there); we answer in the ErrorResponse shape so
// every client can read why.
export const tooLargeError = (limit: number) =>
  new ServeError(413, 'payload_too_large', `request body is larger than the limit of ${limit} bytes (--max-body-bytes)`);
export const bodyTimeoutError = (ms: number) =>
  new ServeError(408, 'timeout', `the request body did not arrive within ${ms / 1000} s of its headers; send the whole body at once`);
export const notFoundError = (path: string) => new ServeError(404, 'not_found', `no route ${path}`);
export const methodError = (method: string, path: string, allow: readonly string[]) =>
  new ServeError(405, 'method_not_allowed', `${path} does not accept ${method}; it accepts ${allow.join(', ')}`);

// OpenAI's own refusals on /v1 (their status, type and code), where LoRAX would ignore or accept.
export const invalidRequestError = (message: string, param: string | null, code: string | null = null) =>
  new ServeError(400, 'invalid_request', message, false, { param, code });
export const unsupportedError = (param: string, why: string, code = 'unsupported_parameter') =>
  invalidRequestError(`Unsupported parameter: '${param}' ${why}`, param, code);
export const modelNotFoundError = (model: string, served: readonly string[]) =>
  new ServeError(404, 'model_not_found', `The model \`${model}\` does not exist; this server serves ${served.join(', ')}`, false, { param: 'model', code: 'model_not_found' });

/**
 * KolmError code → how serve answers it. A code raised while turning `inputs` into an input or while
 * predicting is the request's fault (422) or the artifact's (424); everything unlisted is a generation error.
 */
const BY_CODE: Partial<Record<ErrorCode, (message: string) => ServeError>> = {
  E_USAGE: validationError,
  E_BAD_INPUT: validationError,
  E_BAD_TEMPLATE: validationError,
  E_BAD_ARTIFACT: generationError,
  E_DIGEST_MISMATCH: generationError,
};

/** Any thrown value → the ServeError to answer with. */
export function toServeError(err: unknown): ServeError {
  if (err instanceof ServeError) return err;
  if (isKolmError(err)) return (BY_CODE[err.code] ?? generationError)(err.message);
  return generationError(err instanceof Error ? err.message : String(err));
}

// LoRAX names the field at fault in backticks; on /v1 some have OpenAI's names.
const V1_PARAM: Record<string, string> = { inputs: 'prompt', max_new_tokens: 'max_tokens' };

function paramOf(e: ServeError): string | null {
  let m: RegExpExecArray | null = null;
  if (e.errorType === 'validation') m = /`([A-Za-z_]+)`/.exec(e.message);
  else if (e.plain) m = /target type: (?:missing field `([^`]+)`|([A-Za-z_][\w.[\]]*):)/.exec(e.message);
  const name = m ? (m[1] ?? m[2] ?? null) : null;
  return name === null ? null : (V1_PARAM[name] ?? name);
}

/** The status code OpenAI uses for the same refusal (it has no 422 or 424). */
export function openAiStatus(e: ServeError): number {
  if (e.status === 422 || e.status === 415) return 400;
  return e.status === 424 ? 500 : e.status;
}

/** The error object of OpenAI's error shape: `{message, type, param, code}`. */
export function openAiErrorObject(e: ServeError): Record<string, unknown> {
  const status = openAiStatus(e);
  const type = status === 429 ? 'requests' : status >= 500 ? 'server_error' : 'invalid_request_error';
  return { message: e.message, type, param: e.param ?? paramOf(e), code: e.code ?? (status === 429 ? 'rate_limit_exceeded' : null) };
}
