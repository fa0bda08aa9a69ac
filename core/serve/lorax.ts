// The LoRAX routes (lorax-api.md §1–3): POST /generate, /generate_stream and / (with /invocations), and
// GET /health, /info and /metrics. Request bodies are read in params.ts; the answers are built here in
// LoRAX's shapes, field order and headers.
import type { OutgoingHttpHeaders } from 'node:http';
import { unhealthyError } from './errors.ts';
import { JSON_TYPE, type Reply, type ServeContext } from './exchange.ts';
import { isLive, runGeneration, type Outcome } from './generation.ts';
import { isSampling, readGenerateRequest, type GenerateParams } from './params.ts';
import { adapterHeaders, sendEvents, streamHeaders, streamLive } from './stream.ts';
import { prefill, type Token } from './tokens.ts';

export type GenerateKind = 'generate' | 'generate_stream' | 'compat';

/** POST /generate, /generate_stream, and / (whose top-level `stream` picks; its answer is a one-element array). */
export async function postGenerate(ctx: ServeContext, reply: Reply, kind: GenerateKind, body: unknown): Promise<void> {
  const r = readGenerateRequest(body);
  const stream = kind === 'compat' ? r.stream : kind === 'generate_stream';
  reply.ex.stream = stream;
  const p = r.parameters;
  if (stream && isLive(ctx.artifacts, p.adapterId)) {
    await streamLive(ctx, reply, r.inputs, p, (_i, t, o) => streamEvent(t, o, p, r.inputs));
    return;
  }
  const o = await runGeneration(ctx, reply.ex, r.inputs, p, stream);
  if (stream) {
    const tokens = o.gen.tokens;
    const events = tokens.map((t, i) => streamEvent(t, i === tokens.length - 1 ? o : null, p, r.inputs));
    sendEvents(reply, events, streamHeaders(o.artifact, p, r.inputs));
  } else {
    const headers = generateHeaders(ctx, reply, o, p, r.inputs);
    const answer = generateBody(o, p, r.inputs);
    reply.json(200, kind === 'compat' ? [answer] : answer, headers);
  }
}

/** One /generate_stream event: the token; the last (`last` set) also carries generated_text and StreamDetails. */
function streamEvent(t: Token, last: Outcome | null, p: GenerateParams, inputs: string): Record<string, unknown> {
  return {
    token: t,
    generated_text: last ? (p.returnFullText ? inputs : '') + last.gen.text : null,
    details:
      last && p.details
        ? { finish_reason: last.gen.finishReason, prompt_tokens: last.promptTokens, generated_tokens: last.gen.tokens.length, seed: isSampling(p) ? p.seed : null, ...last.notes }
        : null,
  };
}

function details(o: Outcome, p: GenerateParams, inputs: string): Record<string, unknown> {
  return {
    finish_reason: o.gen.finishReason,
    prompt_tokens: o.promptTokens,
    generated_tokens: o.gen.tokens.length,
    skipped_tokens: 0,
    seed: isSampling(p) ? p.seed : null,
    prefill: p.decoderInputDetails ? prefill(inputs) : [],
    tokens: o.gen.tokens,
    // kolm's own, after LoRAX's fields: the recipe's confidence, the cascade path, abstained.
    ...o.notes,
  };
}

/** GenerateResponse (lorax-api.md §3); `details` only when asked for. */
function generateBody(o: Outcome, p: GenerateParams, inputs: string): Record<string, unknown> {
  const text = (p.returnFullText ? inputs : '') + o.gen.text;
  if (!p.details && !p.decoderInputDetails) return { generated_text: text };
  const d = details(o, p, inputs);
  const bestOf = p.bestOf ?? 1;
  // A recipe is deterministic: every other sequence best_of asked for is the same one.
  if (bestOf > 1) {
    d.best_of_sequences = Array.from({ length: bestOf - 1 }, () => ({
      generated_text: text, finish_reason: o.gen.finishReason, generated_tokens: o.gen.tokens.length, seed: d.seed,
      prefill: d.prefill, tokens: o.gen.tokens,
    }));
  }
  return { generated_text: text, details: d };
}

/** The timing and token headers LoRAX's router puts on a /generate answer. */
function generateHeaders(ctx: ServeContext, reply: Reply, o: Outcome, p: GenerateParams, inputs: string): OutgoingHttpHeaders {
  const total = ctx.now() - reply.ex.start;
  const n = o.gen.tokens.length;
  return adapterHeaders(p, {
    'x-compute-type': 'cpu',
    'x-compute-time': (total / 1000).toFixed(6),
    'x-compute-characters': String(inputs.length),
    'x-total-time': total.toFixed(3),
    'x-validation-time': o.validationMs.toFixed(3),
    'x-queue-time': '0',
    'x-inference-time': o.inferenceMs.toFixed(3),
    'x-time-per-token': (o.inferenceMs / n).toFixed(3),
    'x-prompt-tokens': String(o.promptTokens),
    'x-generated-tokens': String(n),
    'x-skipped-tokens': '0',
    'x-total-tokens': String(o.promptTokens + n),
    'x-model-id': o.artifact.name,
  });
}

/** GET /health (and /ping, GET /): 200 empty, or 503 once shutdown began. */
export function getHealth(ctx: ServeContext, reply: Reply): void {
  if (ctx.draining?.()) return reply.error(unhealthyError());
  reply.send(200, '', {});
}

/** GET /info: LoRAX's Info fields in its order, then what this server adds under `kolm`. */
export function info(ctx: ServeContext): Record<string, unknown> {
  const { artifacts, limits } = ctx;
  const d = artifacts.default;
  return {
    model_id: d.name,
    model_sha: d.rootDigest,
    model_dtype: d.manifest.quantization,
    model_device_type: 'cpu',
    model_pipeline_tag: null,
    max_concurrent_requests: limits.maxConcurrency,
    max_best_of: limits.maxBestOf,
    max_stop_sequences: limits.maxStopSequences,
    max_input_length: limits.maxInputLength,
    max_total_tokens: limits.maxTotalTokens,
    waiting_served_ratio: 0,
    max_batch_total_tokens: limits.maxTotalTokens,
    max_waiting_tokens: 0,
    validation_workers: 1,
    eager_prefill: false,
    version: ctx.version,
    sha: null,
    docker_label: null,
    request_logger_url: null,
    kolm: {
      artifacts: artifacts.list().map((a) => ({
        name: a.name,
        // Every adapter_id that picks it: the name, then its Predibase ids (REPO/VERSION, REPO).
        ids: artifacts.ids(a),
        kind: a.manifest.kind,
        recipe: a.manifest.recipe?.type ?? null,
        output_kind: a.manifest.output_kind,
        root_digest: a.rootDigest,
        signature: a.signature,
      })),
    },
  };
}

/** GET /metrics: Prometheus text, or JSON for `?format=json` or `Accept: application/json`. */
export function getMetrics(ctx: ServeContext, reply: Reply, query: string, accept: string | undefined): void {
  const wantsJson = /(?:^|&)format=json(?:&|$)/.test(query) || (accept ?? '').includes(JSON_TYPE);
  if (wantsJson) return reply.json(200, ctx.metrics.json());
  reply.send(200, ctx.metrics.text(), { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
}
