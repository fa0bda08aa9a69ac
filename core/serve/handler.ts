// The LoRAX-compatible HTTP handler (DESIGN §7, lorax-api.md). `createHandler(deps)` returns a plain
// `(req, res) => void`: it binds no port and reads no clock, file or process of its own (deps carry the
// artifacts, the clocks, the logger and the limits), so tests and `kolm serve` drive the same code.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { ArtifactSet, ServedArtifact } from './artifacts.ts';
import {
  badJsonError, generationError, mediaTypeError, methodError, notFoundError, overloadedError, ServeError, tooLargeError,
  toServeError, unhealthyError,
} from './errors.ts';
import { outputText } from './inputs.ts';
import { Metrics } from './metrics.ts';
import {
  chatChunk, chatReply, completionChunk, completionReply, readChatRequest, readCompletionRequest, type ReplyContext,
} from './openai.ts';
import { DEFAULT_GENERATION_LIMITS, isSampling, readGenerateRequest, validateParams, type GenerateParams, type GenerationLimits } from './params.ts';
import { countChunks, generate, prefill, type Generation, type Token } from './tokens.ts';
import { textGenerator, type GenerateOptions, type GeneratedToken, type TextGenerator } from '../runtime/types.ts';

export interface ServeLimits extends GenerationLimits {
  /** Generate requests in flight (from first byte to last byte of the answer) before 429 "overloaded". */
  maxConcurrency: number;
  maxBodyBytes: number;
}

export const DEFAULT_SERVE_LIMITS: ServeLimits = {
  ...DEFAULT_GENERATION_LIMITS,
  maxConcurrency: 1024, // LoRAX's max_concurrent_requests default
  maxBodyBytes: 2 * 1024 * 1024, // axum's default body limit
};

/** One structured log line per request. Never holds bodies, tokens or the Authorization header. */
export interface RequestLog {
  time: string;
  id: number;
  method: string;
  path: string;
  status: number;
  ms: number;
  artifact?: string;
  error_type?: string;
  bytes_in: number;
  stream?: boolean;
  aborted?: boolean;
}

export interface HandlerDeps {
  artifacts: ArtifactSet;
  limits?: Partial<ServeLimits>;
  /** Monotonic milliseconds, for durations. */
  now: () => number;
  /** Epoch milliseconds, for log times and `created`. */
  wallClock: () => number;
  log?: (line: RequestLog) => void;
  metrics?: Metrics;
  /** Reported in /info and system_fingerprint. */
  version: string;
  /** LoRAX's exact values on the /v1 routes (see openai.ts). */
  loraxCompat?: boolean;
  /** True once shutdown began: /health answers 503 and connections close after their answer. */
  draining?: () => boolean;
}

export interface ServeHandler {
  (req: IncomingMessage, res: ServerResponse): void;
  readonly metrics: Metrics;
  /** Generate requests being handled now. */
  readonly inFlight: number;
}

type Kind = 'generate' | 'generate_stream' | 'compat' | 'completions' | 'chat' | 'health' | 'info' | 'metrics' | 'models';

// lorax-api.md §1; /v1/models is ours (LoRAX has none).
const ROUTES: Record<string, Partial<Record<string, Kind>>> = {
  '/': { POST: 'compat', GET: 'health' },
  '/invocations': { POST: 'compat' },
  '/generate': { POST: 'generate' },
  '/generate_stream': { POST: 'generate_stream' },
  '/health': { GET: 'health' },
  '/ping': { GET: 'health' },
  '/info': { GET: 'info' },
  '/metrics': { GET: 'metrics' },
  '/v1/completions': { POST: 'completions' },
  '/v1/chat/completions': { POST: 'chat' },
  '/v1/models': { GET: 'models' },
};

const GENERATE_KINDS = new Set<Kind>(['generate', 'generate_stream', 'compat', 'completions', 'chat']);
const JSON_TYPE = 'application/json';
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** State of one request, for the answer, the metrics and the log line. */
interface Exchange {
  id: number;
  start: number;
  route: string;
  kind: Kind | undefined;
  status: number;
  errorType?: string;
  artifact: string;
  bytesIn: number;
  stream: boolean;
  generatedTokens?: number;
  counted: boolean;
}

export function createHandler(deps: HandlerDeps): ServeHandler {
  const limits: ServeLimits = { ...DEFAULT_SERVE_LIMITS, ...deps.limits };
  const metrics = deps.metrics ?? new Metrics();
  const { artifacts, now, wallClock, log } = deps;
  const loraxCompat = deps.loraxCompat ?? false;
  let nextId = 1;
  let active = 0;
  metrics.gauge('kolm_requests_in_flight', 'Generate requests in flight', {}, () => active);
  metrics.gauge('kolm_max_concurrency', 'Generate requests allowed in flight (--max-concurrency)', {}, () => limits.maxConcurrency);

  const finish = (ex: Exchange, method: string, aborted: boolean) => {
    if (ex.counted) active--;
    const ms = now() - ex.start;
    const status = aborted && ex.status === 0 ? 499 : ex.status;
    metrics.observe({
      route: ex.route,
      artifact: ex.artifact,
      status,
      ...(ex.errorType ? { errorType: ex.errorType } : aborted ? { errorType: 'aborted' } : {}),
      seconds: ms / 1000,
      generate: ex.kind !== undefined && GENERATE_KINDS.has(ex.kind),
      ...(ex.generatedTokens !== undefined ? { generatedTokens: ex.generatedTokens } : {}),
    });
    if (!log) return;
    log({
      time: new Date(wallClock()).toISOString(),
      id: ex.id,
      method,
      path: ex.route,
      status,
      ms: Math.round(ms * 1000) / 1000,
      ...(ex.artifact ? { artifact: ex.artifact } : {}),
      ...(ex.errorType ? { error_type: ex.errorType } : {}),
      bytes_in: ex.bytesIn,
      ...(ex.stream ? { stream: true } : {}),
      ...(aborted ? { aborted: true } : {}),
    });
  };

  const send = (res: ServerResponse, ex: Exchange, status: number, body: string, headers: OutgoingHttpHeaders) => {
    if (res.headersSent || res.destroyed) return;
    ex.status = status;
    if (deps.draining?.()) res.shouldKeepAlive = false;
    headers['content-length'] = Buffer.byteLength(body);
    res.writeHead(status, headers);
    res.end(body);
  };

  const sendJson = (res: ServerResponse, ex: Exchange, status: number, value: unknown, headers: OutgoingHttpHeaders = {}) => {
    headers['content-type'] = JSON_TYPE;
    send(res, ex, status, JSON.stringify(value), headers);
  };

  const sendError = (res: ServerResponse, ex: Exchange, err: ServeError, headers: OutgoingHttpHeaders = {}) => {
    ex.errorType = err.errorType;
    headers['content-type'] = err.contentType();
    send(res, ex, err.status, err.body(), headers);
  };

  /** Errors on the streaming routes: LoRAX answers 200 and sends the error as an event. */
  const sendStreamError = (res: ServerResponse, ex: Exchange, err: ServeError) => {
    if (err.plain) return sendError(res, ex, err);
    ex.errorType = err.errorType;
    const body = `data: ${JSON.stringify({ error: err.message, error_type: err.errorType })}\n\n`;
    send(res, ex, 200, body, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' });
  };

  /** Pick the artifact for an adapter id (or OpenAI model); an unknown id is LoRAX's adapter load failure. */
  const pick = (id: string | null): ServedArtifact => {
    const modelId = artifacts.default.name;
    const a = artifacts.resolve(id === modelId ? null : id);
    if (!a) {
      const names = artifacts.list().map((x) => x.name).join(', ');
      throw generationError(`adapter \`${id}\` is not loaded; this server serves ${names} (pick one with adapter_id, or leave it out for ${modelId})`);
    }
    return a;
  };

  interface Outcome {
    artifact: ServedArtifact;
    gen: Generation;
    promptTokens: number;
    inferenceMs: number;
    validationMs: number;
  }

  /**
   * Validate, pick the artifact, map `inputs`, predict, and "generate" under the request's limits. An
   * artifact with a language model (adapter) generates real tokens from `inputs` as the prompt, and hands
   * each to `onToken` as it comes (streaming).
   */
  const run = async (ex: Exchange, inputs: string, p: GenerateParams, stream: boolean, onToken?: (t: Token, promptTokens: number) => void): Promise<Outcome> => {
    const t0 = now();
    const promptTokens = countChunks(inputs);
    const maxNew = validateParams(inputs, promptTokens, p, limits, stream);
    const artifact = artifacts.acquire(pick(p.adapterId));
    ex.artifact = artifact.name;
    try {
      const llm = textGenerator(artifact.predictor);
      if (llm) {
        const t1 = now();
        const prompt = llm.countTokens(inputs);
        const out = await llm.generate(inputs, {
          ...generateOptions(llm, p),
          ...(onToken ? { onToken: (t: GeneratedToken) => onToken(asToken(t), prompt) } : {}),
        });
        const gen: Generation = { text: out.text, tokens: out.tokens.map(asToken), finishReason: out.finishReason };
        ex.generatedTokens = gen.tokens.length;
        return { artifact, gen, promptTokens: out.promptTokens, inferenceMs: now() - t1, validationMs: t1 - t0 };
      }
      const input = artifact.toInput(inputs);
      const t1 = now();
      const prediction = await artifact.predictor.predict(input);
      const t2 = now();
      const gen = generate(outputText(prediction.output), p, maxNew, prediction.confidence);
      ex.generatedTokens = gen.tokens.length;
      return { artifact, gen, promptTokens, inferenceMs: t2 - t1, validationMs: t1 - t0 };
    } finally {
      void artifacts.release(artifact);
    }
  };

  const adapterHeaders = (p: GenerateParams, h: OutgoingHttpHeaders) => {
    if (p.adapterId) {
      h['x-adapter-id'] = p.adapterId;
      h['x-adapter-source'] = p.adapterSource ?? 'local';
    }
    return h;
  };

  const details = (o: Outcome, p: GenerateParams, inputs: string) => ({
    finish_reason: o.gen.finishReason,
    prompt_tokens: o.promptTokens,
    generated_tokens: o.gen.tokens.length,
    skipped_tokens: 0,
    seed: isSampling(p) ? p.seed : null,
    prefill: p.decoderInputDetails ? prefill(inputs) : [],
    tokens: o.gen.tokens,
  });

  /** GenerateResponse (lorax-api.md §3); `details` only when asked for. */
  const generateBody = (o: Outcome, p: GenerateParams, inputs: string): Record<string, unknown> => {
    const text = (p.returnFullText ? inputs : '') + o.gen.text;
    if (!p.details && !p.decoderInputDetails) return { generated_text: text };
    const d: Record<string, unknown> = details(o, p, inputs);
    const bestOf = p.bestOf ?? 1;
    // A recipe is deterministic: every other sequence best_of asked for is the same one.
    if (bestOf > 1) {
      d.best_of_sequences = Array.from({ length: bestOf - 1 }, () => ({
        generated_text: text, finish_reason: o.gen.finishReason, generated_tokens: o.gen.tokens.length, seed: d.seed,
        prefill: d.prefill, tokens: o.gen.tokens,
      }));
    }
    return { generated_text: text, details: d };
  };

  /** Headers of an event stream (LoRAX's, plus the artifact as the model id). */
  const streamHeaders = (a: ServedArtifact, p: GenerateParams, inputs: string): OutgoingHttpHeaders =>
    adapterHeaders(p, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      'x-accel-buffering': 'no',
      'x-compute-type': 'cpu',
      'x-compute-characters': String(inputs.length),
      'x-model-id': a.name,
    });

  /** /generate_stream: one `data:` event per token; the last carries generated_text and StreamDetails. */
  const sendTokenStream = (res: ServerResponse, ex: Exchange, o: Outcome, p: GenerateParams, inputs: string) => {
    const tokens = o.gen.tokens;
    let body = '';
    for (let i = 0; i < tokens.length; i++) {
      const last = i === tokens.length - 1;
      const event = {
        token: tokens[i],
        generated_text: last ? (p.returnFullText ? inputs : '') + o.gen.text : null,
        details:
          last && p.details
            ? { finish_reason: o.gen.finishReason, prompt_tokens: o.promptTokens, generated_tokens: tokens.length, seed: isSampling(p) ? p.seed : null }
            : null,
      };
      body += `data: ${JSON.stringify(event)}\n\n`;
    }
    send(res, ex, 200, body, streamHeaders(o.artifact, p, inputs));
  };

  /** Open an event stream now (adapter artifacts stream tokens as they are generated). */
  const openStream = (res: ServerResponse, ex: Exchange, headers: OutgoingHttpHeaders) => {
    if (res.headersSent || res.destroyed) return;
    ex.status = 200;
    if (deps.draining?.()) res.shouldKeepAlive = false;
    res.writeHead(200, headers);
  };
  const writeEvent = (res: ServerResponse, data: string) => {
    if (!res.destroyed && !res.writableEnded) res.write(`data: ${data}\n\n`);
  };

  /**
   * Stream a generator's tokens as they come: each token is sent when the next one arrives (the last
   * event carries generated_text and details, so it waits for the end), then the closing event(s).
   */
  const streamLive = async (
    res: ServerResponse, ex: Exchange, inputs: string, p: GenerateParams,
    event: (i: number, t: Token, last: Outcome | null) => unknown, done?: string,
  ): Promise<void> => {
    const a = artifacts.resolve(p.adapterId === artifacts.default.name ? null : p.adapterId);
    let held: Token | null = null;
    let i = 0;
    const o = await run(ex, inputs, p, true, (t) => {
      if (!res.headersSent) openStream(res, ex, streamHeaders(a!, p, inputs));
      if (held) writeEvent(res, JSON.stringify(event(i++, held, null)));
      held = t;
    });
    if (!res.headersSent) openStream(res, ex, streamHeaders(o.artifact, p, inputs));
    if (held) writeEvent(res, JSON.stringify(event(i, held, o)));
    if (done) writeEvent(res, done);
    if (!res.writableEnded) res.end();
  };

  const sendGenerate = (res: ServerResponse, ex: Exchange, o: Outcome, p: GenerateParams, inputs: string, asArray: boolean) => {
    const total = now() - ex.start;
    const n = o.gen.tokens.length;
    const headers = adapterHeaders(p, {
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
    const body = generateBody(o, p, inputs);
    sendJson(res, ex, 200, asArray ? [body] : body, headers);
  };

  const replyContext = (ex: Exchange, o: Outcome, prefix: string): ReplyContext => ({
    loraxCompat,
    artifact: o.artifact.name,
    modelId: artifacts.default.name,
    version: deps.version,
    created: Math.floor(wallClock() / 1000),
    id: `${prefix}-${ex.id.toString(16).padStart(8, '0')}`,
    promptTokens: o.promptTokens,
  });

  const sendChunks = (res: ServerResponse, ex: Exchange, o: Outcome, p: GenerateParams, inputs: string, chunk: (i: number, t: Token) => unknown) => {
    let body = '';
    o.gen.tokens.forEach((t, i) => (body += `data: ${JSON.stringify(chunk(i, t))}\n\n`));
    body += 'data: [DONE]\n\n';
    send(res, ex, 200, body, streamHeaders(o.artifact, p, inputs));
  };

  /** A POST route with its parsed JSON body. */
  const handlePost = async (res: ServerResponse, ex: Exchange, kind: Kind, body: unknown): Promise<void> => {
    let stream = kind === 'generate_stream';
    try {
      if (kind === 'completions' || kind === 'chat') {
        const r = kind === 'chat' ? readChatRequest(body) : readCompletionRequest(body);
        stream = ex.stream = r.stream;
        if (stream && isLive(r.model)) {
          const params = { ...r.parameters, adapterId: r.model };
          let ctx: ReplyContext | undefined;
          await streamLive(res, ex, r.prompt, params, (i, t, o) => {
            ctx ??= liveContext(ex, kind === 'chat' ? 'chatcmpl' : 'cmpl', params);
            const gen = o ? o.gen : pendingGen(i);
            if (o) ctx.promptTokens = o.promptTokens;
            return kind === 'chat' ? chatChunk(ctx, gen, i, t) : completionChunk(ctx, gen, i, t);
          }, '[DONE]');
          return;
        }
        const o = await run(ex, r.prompt, { ...r.parameters, adapterId: r.model }, stream);
        const ctx = replyContext(ex, o, kind === 'chat' ? 'chatcmpl' : 'cmpl');
        const text = (r.parameters.returnFullText ? r.prompt : '') + o.gen.text;
        if (stream) {
          sendChunks(res, ex, o, r.parameters, r.prompt, (i, t) => (kind === 'chat' ? chatChunk(ctx, o.gen, i, t) : completionChunk(ctx, o.gen, i, t)));
        } else {
          sendJson(res, ex, 200, kind === 'chat' ? chatReply(ctx, o.gen, text) : completionReply(ctx, o.gen, text));
        }
        return;
      }
      const r = readGenerateRequest(body);
      if (kind === 'compat') stream = ex.stream = r.stream;
      ex.stream = stream;
      if (stream && isLive(r.parameters.adapterId)) {
        const p = r.parameters;
        await streamLive(res, ex, r.inputs, p, (_i, t, o) => ({
          token: t,
          generated_text: o ? (p.returnFullText ? r.inputs : '') + o.gen.text : null,
          details:
            o && p.details
              ? { finish_reason: o.gen.finishReason, prompt_tokens: o.promptTokens, generated_tokens: o.gen.tokens.length, seed: isSampling(p) ? p.seed : null }
              : null,
        }));
        return;
      }
      const o = await run(ex, r.inputs, r.parameters, stream);
      if (stream) sendTokenStream(res, ex, o, r.parameters, r.inputs);
      else sendGenerate(res, ex, o, r.parameters, r.inputs, kind === 'compat');
    } catch (err) {
      const e = toServeError(err);
      if (stream && res.headersSent && !res.writableEnded) {
        // Mid-stream failure: LoRAX ends the stream with an error event.
        ex.errorType = e.errorType;
        writeEvent(res, JSON.stringify({ error: e.message, error_type: e.errorType }));
        res.end();
      } else if (stream) sendStreamError(res, ex, e);
      else sendError(res, ex, e);
    }
  };

  /** True when the artifact an id picks generates live tokens (an adapter); unknown ids go the usual way. */
  const isLive = (id: string | null): boolean => {
    const a = artifacts.resolve(id === artifacts.default.name ? null : id);
    return a !== undefined && textGenerator(a.predictor) !== undefined;
  };

  /** A Generation-shaped value that says "more tokens follow" to the chunk builders. */
  const pendingGen = (i: number): Generation => ({ text: '', tokens: new Array<Token>(i + 2), finishReason: 'length' });

  const liveContext = (ex: Exchange, prefix: string, p: GenerateParams): ReplyContext => ({
    loraxCompat,
    artifact: artifacts.resolve(p.adapterId === artifacts.default.name ? null : p.adapterId)?.name ?? artifacts.default.name,
    modelId: artifacts.default.name,
    version: deps.version,
    created: Math.floor(wallClock() / 1000),
    id: `${prefix}-${ex.id.toString(16).padStart(8, '0')}`,
    promptTokens: 0,
  });

  const handleGet = (req: IncomingMessage, res: ServerResponse, ex: Exchange, kind: Kind, query: string) => {
    if (kind === 'health') {
      if (deps.draining?.()) return sendError(res, ex, unhealthyError());
      return send(res, ex, 200, '', {});
    }
    if (kind === 'info') return sendJson(res, ex, 200, info());
    if (kind === 'models') {
      return sendJson(res, ex, 200, {
        object: 'list',
        data: artifacts.list().map((a) => ({ id: a.name, object: 'model', created: Math.floor(Date.parse(a.manifest.created) / 1000), owned_by: 'kolm' })),
      });
    }
    // metrics
    const wantsJson = /(?:^|&)format=json(?:&|$)/.test(query) || (req.headers.accept ?? '').includes(JSON_TYPE);
    if (wantsJson) return sendJson(res, ex, 200, metrics.json());
    send(res, ex, 200, metrics.text(), { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
  };

  /** GET /info: LoRAX's Info fields in its order, then what this server adds under `kolm`. */
  const info = () => {
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
      version: deps.version,
      sha: null,
      docker_label: null,
      request_logger_url: null,
      kolm: {
        artifacts: artifacts.list().map((a) => ({
          name: a.name,
          kind: a.manifest.kind,
          recipe: a.manifest.recipe?.type ?? null,
          output_kind: a.manifest.output_kind,
          root_digest: a.rootDigest,
          signature: a.signature,
        })),
      },
    };
  };

  const handler = ((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const methods = ROUTES[path];
    const method = req.method ?? 'GET';
    const kind = methods?.[method === 'HEAD' ? 'GET' : method];
    const ex: Exchange = {
      id: nextId++, start: now(), route: methods ? path : 'unknown', kind, status: 0, artifact: '', bytesIn: 0, stream: false, counted: false,
    };
    res.once('close', () => finish(ex, method, !res.writableFinished));

    if (!methods) return sendError(res, ex, notFoundError(path));
    if (method === 'OPTIONS') {
      // CORS preflight, as LoRAX allows it: any origin, GET and POST, Content-Type.
      return send(res, ex, 204, '', {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': 'content-type',
      });
    }
    if (!kind) {
      const allow = Object.keys(methods);
      return sendError(res, ex, methodError(method, path, allow), { allow: allow.join(', ') });
    }
    if (method === 'GET' || method === 'HEAD') return handleGet(req, res, ex, kind, q < 0 ? '' : url.slice(q + 1));

    // A generate request holds a slot from its first byte to the end of its answer, so bodies in memory
    // are bounded by max-concurrency × max-body-bytes and a slow client counts against the limit.
    if (active >= limits.maxConcurrency) {
      if (kind === 'generate_stream') return sendStreamError(res, ex, overloadedError());
      return sendError(res, ex, overloadedError());
    }
    active++;
    ex.counted = true;

    const type = req.headers['content-type'];
    if (!type || !/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) return sendError(res, ex, mediaTypeError());
    const declared = Number(req.headers['content-length']);
    if (declared > limits.maxBodyBytes) {
      // A client that announced an absurd body will not get it read: close after answering.
      if (declared > limits.maxBodyBytes * 16) res.shouldKeepAlive = false;
      return sendError(res, ex, tooLargeError(limits.maxBodyBytes));
    }
    const parts: Buffer[] = [];
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      ex.bytesIn += chunk.length;
      if (ex.bytesIn > limits.maxBodyBytes) {
        over = true;
        parts.length = 0;
        sendError(res, ex, tooLargeError(limits.maxBodyBytes)); // the rest is read and dropped by node
        return;
      }
      parts.push(chunk);
    });
    req.on('error', () => {}); // an aborted upload: the 'close' listener logs it
    req.on('end', () => {
      if (over || res.headersSent) return;
      let body: unknown;
      try {
        const text = utf8.decode(parts.length === 1 ? parts[0] : Buffer.concat(parts));
        body = JSON.parse(text);
      } catch (err) {
        const detail = err instanceof SyntaxError ? err.message : 'the body is not UTF-8';
        return sendError(res, ex, badJsonError(detail));
      }
      void handlePost(res, ex, kind, body);
    });
  }) as ServeHandler;

  Object.defineProperty(handler, 'metrics', { value: metrics });
  Object.defineProperty(handler, 'inFlight', { get: () => active });
  return handler;
}

function asToken(t: GeneratedToken): Token {
  return { id: t.id, text: t.text, logprob: t.logprob === null ? null : Math.round(t.logprob * 1e4) / 1e4, special: t.special, skipped: false };
}

/** LoRAX parameters → decoding options: greedy unless the request samples; the artifact's defaults fill the rest. */
function generateOptions(llm: TextGenerator, p: GenerateParams): GenerateOptions {
  const d = llm.defaults;
  const sampling = isSampling(p);
  return {
    maxNewTokens: p.maxNewTokens ?? d?.maxNewTokens ?? 256,
    stop: p.stop.length ? p.stop : (d?.stop ?? []),
    ...(sampling
      ? { temperature: p.temperature ?? 1, ...(p.topK !== null ? { topK: p.topK } : {}), ...(p.topP !== null ? { topP: p.topP } : {}), ...(p.seed !== null ? { seed: p.seed } : {}) }
      : {}),
    ...(p.repetitionPenalty !== null ? { repetitionPenalty: p.repetitionPenalty } : d?.repetitionPenalty ? { repetitionPenalty: d.repetitionPenalty } : {}),
    ...(p.ignoreEosToken ? { ignoreEos: true } : {}),
    ...(p.responseFormat && p.responseFormat.type !== 'text' ? { responseFormat: { type: p.responseFormat.type, ...(p.responseFormat.schema !== undefined ? { schema: p.responseFormat.schema } : {}) } } : {}),
    logprobs: p.details || p.decoderInputDetails,
  };
}
