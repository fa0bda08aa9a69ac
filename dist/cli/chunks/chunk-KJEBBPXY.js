import {
  promptRenderer,
  remoteParameters,
  runRemote
} from "./chunk-P6XBHVKH.js";
import {
  KolmError
} from "./chunk-AYSNEYKG.js";

// core/cascade/fallback.ts
import { performance } from "node:perf_hooks";
var DEFAULT_FALLBACK_TIMEOUT_MS = 1e4;
var DEFAULT_FALLBACK_RETRIES = 1;
var RUNTIME_BACKOFF_MS = 100;
function remoteMessage(e) {
  const head = [e.status !== void 0 ? `HTTP ${e.status}` : void 0, e.error_type].filter(Boolean).join(" ");
  return (head ? `${head}: ${e.message}` : e.message).trim();
}
function endpointFallback(options) {
  const { endpoint } = options;
  const render = promptRenderer(options.spec);
  const parameters = remoteParameters(options.spec, options.adapterId ? { adapter_id: options.adapterId } : {});
  const timeoutMs = options.timeoutMs ?? DEFAULT_FALLBACK_TIMEOUT_MS;
  const retries = options.retries ?? DEFAULT_FALLBACK_RETRIES;
  const hint = `${options.withheldToken ? `${options.withheldToken}; ` : ""}check that ${endpoint.display} is up (or set --on-fallback-error local to answer with the recipe, flagged low-confidence)`;
  return {
    name: endpoint.display,
    async answer(inputs, ids) {
      if (inputs.length === 0) return [];
      let results;
      try {
        results = await runRemote({
          endpoint,
          cases: inputs.map((input, i) => ({ id: ids?.[i] ?? String(i), prompt: render(input) })),
          parameters,
          ...options.token ? { token: options.token } : {},
          timeoutMs,
          retries,
          backoff: RUNTIME_BACKOFF_MS,
          maxBackoffMs: RUNTIME_BACKOFF_MS * 4,
          maxRetryAfterMs: timeoutMs,
          ...options.concurrency ? { concurrency: options.concurrency } : {},
          ...options.cachePath ? { cachePath: options.cachePath } : {}
        });
      } catch (err) {
        if (!(err instanceof KolmError)) throw err;
        const d = err.data;
        const why = d && typeof d.message === "string" ? remoteMessage(d) : err.message;
        const e = new KolmError("E_REMOTE", `the cascade's fallback ${endpoint.display} did not answer: ${why}`, { hint: `${err.hint ?? "check the fallback"}; ${hint}`, details: err.data, cause: err });
        return inputs.map(() => ({ error: e }));
      }
      return results.map(
        (r) => r.error || r.output === void 0 ? {
          error: new KolmError("E_REMOTE", r.error?.error_type === "timeout" ? `the cascade's fallback ${endpoint.display} did not answer within ${timeoutMs} ms` : `the cascade's fallback ${endpoint.display} did not answer: ${r.error ? remoteMessage(r.error) : "no output"}`, {
            hint: r.error?.error_type === "timeout" ? `it took longer than ${timeoutMs} ms (${retries + 1} tries); ${hint}` : hint,
            details: r.error
          })
        } : { output: r.output, ...r.latency_ms !== void 0 ? { latency_ms: r.latency_ms } : {} }
      );
    }
  };
}
function artifactFallback(predictor, name) {
  return {
    name,
    async answer(inputs) {
      const out = [];
      for (const input of inputs) {
        const started = performance.now();
        try {
          const p = await predictor.predict(input);
          out.push({ output: p.output, latency_ms: performance.now() - started, ...p.confidence !== void 0 ? { confidence: p.confidence } : {} });
        } catch (err) {
          if (!(err instanceof KolmError)) throw err;
          out.push({ error: new KolmError("E_REMOTE", `the cascade's fallback ${name} failed: ${err.message}`, { hint: err.hint, cause: err }) });
        }
      }
      return out;
    },
    ...predictor.close ? { close: () => predictor.close() } : {}
  };
}

export {
  DEFAULT_FALLBACK_TIMEOUT_MS,
  DEFAULT_FALLBACK_RETRIES,
  endpointFallback,
  artifactFallback
};
