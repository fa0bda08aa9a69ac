// A fake LoRAX server on loopback for A/B tests: answers POST /generate and the Predibase-style
// `/{tenant}/deployments/v2/llms/{deployment}/generate` the way the LoRAX router does (lorax-api.md §2–4),
// with one handler per test deciding each answer (valid, slow, 429, 500, malformed, dropped, silent).
//
//   const lorax = await startLoraxServer({ handler: answer((inputs) => inputs.toUpperCase()) });
//   ... runRemote({ endpoint: lorax.url, ... }) or `kolm eval --against ${lorax.predibaseUrl}` ...
//   await lorax.close();
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const PREDIBASE_TENANT = 'tenant-1';
export const PREDIBASE_DEPLOYMENT = 'my-deployment';
export const PREDIBASE_PREFIX = `/${PREDIBASE_TENANT}/deployments/v2/llms/${PREDIBASE_DEPLOYMENT}`;

export interface ReceivedRequest {
  method: string;
  path: string;
  /** 'lorax' for /generate, 'predibase' for the deployment path. */
  route: 'lorax' | 'predibase';
  headers: IncomingHttpHeaders;
  raw: string;
  body: { inputs: string; parameters?: Record<string, unknown> | null; [k: string]: unknown };
  inputs: string;
  parameters: Record<string, unknown>;
  /** 1 for the first request with these inputs, 2 for the next (a retry), and so on. */
  attempt: number;
}

export type LoraxHandler = (req: ReceivedRequest, res: ServerResponse) => void | Promise<void>;

export interface FakeLorax {
  /** http://127.0.0.1:PORT (the LoRAX base URL). */
  url: string;
  /** The same server under the Predibase deployment path. */
  predibaseUrl: string;
  /** Every /generate request that reached the handler, in arrival order. */
  requests: ReceivedRequest[];
  /** Requests being handled now, and the most there ever were at once. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  /** Stops the server, dropping open connections (a handler that never answers does not block it). */
  close(): Promise<void>;
}

export interface LoraxServerOptions {
  handler?: LoraxHandler;
  /** When set, a request without `Authorization: Bearer <token>` gets 401 (as a Predibase gateway does). */
  token?: string;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** LoRAX's ErrorResponse: `{"error": "...", "error_type": "..."}`. */
export function sendLoraxError(res: ServerResponse, status: number, errorType: string, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error: message, error_type: errorType }, headers);
}

/** axum rejects bad bodies with plain text, not JSON (lorax-api.md §4). */
function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** A GenerateResponse as LoRAX builds it; `details` only when the request asked for them. */
export function generateResponse(text: string, parameters: Record<string, unknown> = {}): Record<string, unknown> {
  if (!parameters.details) return { generated_text: text };
  const tokens = text.split(/(?=\s)/).filter(Boolean);
  return {
    generated_text: text,
    details: {
      finish_reason: 'eos_token',
      prompt_tokens: 7,
      generated_tokens: tokens.length,
      skipped_tokens: 0,
      seed: null,
      prefill: [],
      tokens: tokens.map((t, i) => ({ id: 100 + i, text: t, logprob: -0.1, special: false, skipped: false })),
    },
  };
}

/** LoRAX's own parameter validation (the messages of validation.rs, lorax-api.md §2), or undefined when valid. */
export function validateParameters(inputs: string, p: Record<string, unknown>): string | undefined {
  if (inputs === '') return '`inputs` cannot be empty';
  if (p.max_new_tokens === 0) return '`max_new_tokens` must be strictly positive';
  if (typeof p.temperature === 'number' && p.temperature < 0) return '`temperature` must be non-negative';
  if (typeof p.top_k === 'number' && p.top_k <= 0) return '`top_k` must be strictly positive';
  if (typeof p.top_p === 'number' && (p.top_p <= 0 || p.top_p > 1)) return '`top_p` must be > 0.0 and < 1.0';
  if (Array.isArray(p.stop) && p.stop.length > 4) return `\`stop\` supports up to 4 stop sequences. Given: ${p.stop.length}`;
  return undefined;
}

/** A handler that answers like LoRAX: validation errors as 422 `validation`, else 200 with `generate(inputs)`. */
export function answer(generate: (inputs: string, parameters: Record<string, unknown>, req: ReceivedRequest) => string | Promise<string>): LoraxHandler {
  return async (req, res) => {
    const invalid = validateParameters(req.inputs, req.parameters);
    if (invalid) return sendLoraxError(res, 422, 'validation', `Input validation error: ${invalid}`);
    const text = await generate(req.inputs, req.parameters, req);
    const headers: Record<string, string> = { 'x-compute-type': 'gpu+optimized', 'x-model-id': 'fake/base' };
    if (typeof req.parameters.adapter_id === 'string' && req.parameters.adapter_id) headers['x-adapter-id'] = req.parameters.adapter_id;
    sendJson(res, 200, generateResponse(text, req.parameters), headers);
  };
}

export const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function startLoraxServer(options: LoraxServerOptions = {}): Promise<FakeLorax> {
  const handler = options.handler ?? answer((inputs) => inputs);
  const requests: ReceivedRequest[] = [];
  const seen = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const path = (req.url ?? '/').split('?')[0]!;
        if (req.method === 'GET' && (path === '/health' || path === `${PREDIBASE_PREFIX}/health`)) return void res.end();
        const route = path === '/generate' ? 'lorax' : path === `${PREDIBASE_PREFIX}/generate` ? 'predibase' : undefined;
        if (req.method !== 'POST' || !route) {
          res.writeHead(404);
          return void res.end();
        }
        if (options.token !== undefined && req.headers.authorization !== `Bearer ${options.token}`) {
          return sendJson(res, 401, { error: 'unauthorized: invalid or missing API token', error_type: 'authentication' });
        }
        if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
          return sendText(res, 415, 'Expected request with `Content-Type: application/json`');
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        let body: ReceivedRequest['body'];
        try {
          body = JSON.parse(raw);
        } catch (err) {
          return sendText(res, 400, `Failed to parse the request body as JSON: ${(err as Error).message}`);
        }
        if (!body || typeof body.inputs !== 'string' || (body.parameters != null && typeof body.parameters !== 'object')) {
          return sendText(res, 422, 'Failed to deserialize the JSON body into the target type: missing field `inputs`');
        }
        const attempt = (seen.get(body.inputs) ?? 0) + 1;
        seen.set(body.inputs, attempt);
        const received: ReceivedRequest = {
          method: req.method,
          path,
          route,
          headers: req.headers,
          raw,
          body,
          inputs: body.inputs,
          parameters: body.parameters ?? {},
          attempt,
        };
        requests.push(received);
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        res.on('close', () => inFlight--);
        try {
          await handler(received, res);
        } catch (err) {
          if (!res.headersSent) sendLoraxError(res, 500, 'incomplete_generation', `fake server handler failed: ${(err as Error).message}`);
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    predibaseUrl: `${url}${PREDIBASE_PREFIX}`,
    requests,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
