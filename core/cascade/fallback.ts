// What answers the cases a cascade's recipe is unsure of: an endpoint (the LoRAX/Predibase deployment being
// left, through the A/B client: bounded timeout and retries, the resume cache at compile time) or a loaded
// artifact (an adapter .kolm). Per-case failures come back as errors, never thrown, so the caller decides
// per case: a clear E_REMOTE, or the recipe's answer flagged low-confidence.
import { performance } from 'node:perf_hooks';
import { KolmError } from '../errors.ts';
import { promptRenderer, remoteParameters, runRemote, type RemoteEndpoint, type RemoteError } from '../remote/index.ts';
import type { Input, Predictor } from '../runtime/types.ts';
import type { Spec } from '../spec/index.ts';

export interface FallbackAnswer {
  output?: unknown;
  /** The fallback's own confidence, when it gives one. */
  confidence?: number;
  /** Wall time of this case on the fallback, in ms. */
  latency_ms?: number;
  error?: KolmError;
}

export interface Fallback {
  /** How messages name it (the endpoint's display URL, the artifact's name). */
  name: string;
  /** One answer per input, in order. `ids` key the resume cache (endpoints); default the position. */
  answer(inputs: readonly Input[], ids?: readonly string[]): Promise<FallbackAnswer[]>;
  close?(): Promise<void>;
}

/** Run-time bounds on an endpoint fallback: a request waits at most about timeoutMs · (retries + 1). */
export const DEFAULT_FALLBACK_TIMEOUT_MS = 10_000;
export const DEFAULT_FALLBACK_RETRIES = 1;
const RUNTIME_BACKOFF_MS = 100;

export interface EndpointFallbackOptions {
  endpoint: RemoteEndpoint;
  spec: Pick<Spec, 'prompt' | 'generation'>;
  adapterId?: string;
  /** Bearer token from the environment (PREDIBASE_API_TOKEN); never stored in the artifact. */
  token?: string;
  timeoutMs?: number;
  retries?: number;
  concurrency?: number;
  /** Resume cache (compile time: the held-out answers are fetched once). */
  cachePath?: string;
  /** Why a token the user has was not sent (the endpoint came from the artifact): added to every error's hint. */
  withheldToken?: string;
}

function remoteMessage(e: RemoteError): string {
  const head = [e.status !== undefined ? `HTTP ${e.status}` : undefined, e.error_type].filter(Boolean).join(' ');
  return (head ? `${head}: ${e.message}` : e.message).trim();
}

export function endpointFallback(options: EndpointFallbackOptions): Fallback {
  const { endpoint } = options;
  const render = promptRenderer(options.spec);
  const parameters = remoteParameters(options.spec, options.adapterId ? { adapter_id: options.adapterId } : {});
  const timeoutMs = options.timeoutMs ?? DEFAULT_FALLBACK_TIMEOUT_MS;
  const retries = options.retries ?? DEFAULT_FALLBACK_RETRIES;
  const hint = `${options.withheldToken ? `${options.withheldToken}; ` : ''}check that ${endpoint.display} is up (or set --on-fallback-error local to answer with the recipe, flagged low-confidence)`;
  return {
    name: endpoint.display,
    async answer(inputs, ids) {
      if (inputs.length === 0) return [];
      let results;
      try {
        results = await runRemote({
          endpoint,
          cases: inputs.map((input, i) => ({ id: ids?.[i] ?? String(i), prompt: render(input as never) })),
          parameters,
          ...(options.token ? { token: options.token } : {}),
          timeoutMs,
          retries,
          backoff: RUNTIME_BACKOFF_MS,
          maxBackoffMs: RUNTIME_BACKOFF_MS * 4,
          maxRetryAfterMs: timeoutMs,
          ...(options.concurrency ? { concurrency: options.concurrency } : {}),
          ...(options.cachePath ? { cachePath: options.cachePath } : {}),
        });
      } catch (err) {
        if (!(err instanceof KolmError)) throw err;
        // Down, unreachable, refusing the token: every case fails the same way. The client's details say why
        // without its A/B wording.
        const d = err.data as Partial<RemoteError> | undefined;
        const why = d && typeof d.message === 'string' ? remoteMessage(d as RemoteError) : err.message;
        const e = new KolmError('E_REMOTE', `the cascade's fallback ${endpoint.display} did not answer: ${why}`, { hint: `${err.hint ?? 'check the fallback'}; ${hint}`, details: err.data, cause: err });
        return inputs.map(() => ({ error: e }));
      }
      return results.map((r) =>
        r.error || r.output === undefined
          ? {
              error: new KolmError('E_REMOTE', r.error?.error_type === 'timeout'
                ? `the cascade's fallback ${endpoint.display} did not answer within ${timeoutMs} ms`
                : `the cascade's fallback ${endpoint.display} did not answer: ${r.error ? remoteMessage(r.error) : 'no output'}`, {
                hint: r.error?.error_type === 'timeout' ? `it took longer than ${timeoutMs} ms (${retries + 1} tries); ${hint}` : hint,
                details: r.error,
              }),
            }
          : { output: r.output, ...(r.latency_ms !== undefined ? { latency_ms: r.latency_ms } : {}) },
      );
    },
  };
}

/** A loaded artifact as the fallback (an adapter .kolm): each case timed on its own, as a server answers it. */
export function artifactFallback(predictor: Predictor, name: string): Fallback {
  return {
    name,
    async answer(inputs) {
      const out: FallbackAnswer[] = [];
      for (const input of inputs) {
        const started = performance.now();
        try {
          const p = await predictor.predict(input);
          out.push({ output: p.output, latency_ms: performance.now() - started, ...(p.confidence !== undefined ? { confidence: p.confidence } : {}) });
        } catch (err) {
          if (!(err instanceof KolmError)) throw err;
          out.push({ error: new KolmError('E_REMOTE', `the cascade's fallback ${name} failed: ${err.message}`, { hint: err.hint, cause: err }) });
        }
      }
      return out;
    },
    ...(predictor.close ? { close: () => predictor.close!() } : {}),
  };
}
