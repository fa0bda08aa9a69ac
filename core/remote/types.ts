// The shapes the remote A/B client takes and gives back.

/** One case to send: `prompt` is already rendered through the spec's template (see renderPrompt). */
export interface RemoteCase {
  id: string;
  prompt: string;
}

/**
 * LoRAX `parameters` (lorax-api.md §2). Known fields are typed; anything else is passed through as is,
 * since the router ignores unknown keys. `api_token` is never sent in the body: the token goes in the header.
 */
export interface RemoteParameters {
  adapter_id?: string;
  adapter_source?: string;
  max_new_tokens?: number;
  temperature?: number;
  top_p?: number;
  top_k?: number;
  do_sample?: boolean;
  repetition_penalty?: number;
  stop?: string[];
  seed?: number;
  details?: boolean;
  [key: string]: unknown;
}

/** Why a case has no output. `status` is the HTTP status when the server answered; `error_type` is LoRAX's
 * (validation, overloaded, generation, incomplete_generation, …) or ours: timeout, network, malformed_response. */
export interface RemoteError {
  status?: number;
  error_type?: string;
  message: string;
}

export interface RemoteResult {
  id: string;
  /** `generated_text` of the successful attempt. */
  output?: string;
  /** Wall time of the successful attempt: request sent to response body parsed, in ms. */
  latency_ms?: number;
  error?: RemoteError;
  /** Requests sent for this case (1 when the first one answered). */
  attempts: number;
  /** From `details`, when the server sent them. */
  finish_reason?: string;
  generated_tokens?: number;
  /** True when the result was read from the resume cache instead of being sent. */
  cached?: boolean;
}
