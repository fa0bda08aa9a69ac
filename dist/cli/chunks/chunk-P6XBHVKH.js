import {
  compileTemplate
} from "./chunk-LL7JIVUI.js";
import {
  silentReporter
} from "./chunk-4NIWZNTF.js";
import {
  KolmError,
  isKolmError
} from "./chunk-AYSNEYKG.js";

// core/remote/endpoint.ts
var PREDIBASE_PATH = /^\/([^/]+)\/deployments\/v2\/llms\/([^/]+)(\/.*)?$/;
var PREDIBASE_LEGACY_PATH = /^\/v1\/llms\/([^/]+)(\/.*)?$/;
var OPENAI_SUFFIX = /\/v1(?:\/(?:chat\/)?completions)?$/;
function usage(message, hint) {
  return new KolmError("E_USAGE", message, { hint });
}
function resolveEndpoint(input) {
  const raw = input.trim();
  const safe = raw.replace(/^([^/@]*\/\/)?[^/@]*@/, "$1\u2026@").slice(0, 200);
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw usage(
      `--against "${safe}" is not a URL`,
      "give the LoRAX server URL (e.g. http://localhost:8080) or the Predibase deployment URL (https://serving.app.predibase.com/<tenant>/deployments/v2/llms/<deployment>)"
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    const shown = `${url.protocol}//${url.host}${url.pathname}`.slice(0, 200);
    throw usage(
      raw.includes("://") ? `--against must be an http(s) URL, not ${url.protocol} (${shown})` : `--against "${safe}" has no http:// or https://`,
      "e.g. http://localhost:8080 or https://serving.app.predibase.com/<tenant>/deployments/v2/llms/<deployment>"
    );
  }
  if (url.username || url.password) {
    throw usage(
      `--against has credentials in the URL (${url.protocol}//\u2026@${url.host}); kolm sends the token only as a header`,
      'remove "user:password@" from the URL and set PREDIBASE_API_TOKEN (or --token) instead'
    );
  }
  url.hash = "";
  let path = url.pathname.replace(/\/+$/, "");
  let note;
  if (/\/generate_stream$/.test(path)) {
    path = path.replace(/\/generate_stream$/, "");
    note = "/generate_stream replaced by /generate: the A/B reads whole responses";
  } else if (OPENAI_SUFFIX.test(path)) {
    const dropped = path.match(OPENAI_SUFFIX)[0];
    path = path.slice(0, -dropped.length);
    note = `${dropped} replaced by /generate: the A/B speaks the native LoRAX route`;
  } else if (/\/(invocations)$/.test(path)) {
    path = path.replace(/\/invocations$/, "");
    note = "/invocations replaced by /generate";
  }
  if (!/\/generate$/.test(path)) path = `${path}/generate`;
  url.pathname = path;
  const base = path.slice(0, -"/generate".length);
  const endpoint = {
    url: url.toString(),
    kind: "lorax",
    display: `${url.origin}${url.pathname}`
  };
  if (note) endpoint.note = note;
  const modern = PREDIBASE_PATH.exec(base);
  const legacy = PREDIBASE_LEGACY_PATH.exec(base);
  if (modern && !modern[3]) {
    endpoint.kind = "predibase";
    endpoint.tenant = decodeURIComponent(modern[1]);
    endpoint.deployment = decodeURIComponent(modern[2]);
  } else if (legacy && !legacy[2] && /(^|\.)predibase\.com$/.test(url.hostname)) {
    endpoint.kind = "predibase";
    endpoint.deployment = decodeURIComponent(legacy[1]);
  } else if (/(^|\.)predibase\.com$/.test(url.hostname)) {
    endpoint.kind = "predibase";
  }
  return endpoint;
}

// core/remote/retry.ts
var DEFAULT_RETRIES = 4;
var DEFAULT_BACKOFF_MS = 500;
var DEFAULT_MAX_BACKOFF_MS = 2e4;
var DEFAULT_MAX_RETRY_AFTER_MS = 3e4;
var RETRY_STATUS = /* @__PURE__ */ new Set([429, 500, 502, 503, 504]);
function isRetryStatus(status) {
  return RETRY_STATUS.has(status);
}
function parseRetryAfter(value, now = Date.now()) {
  if (value === null) return void 0;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v) * 1e3;
  const at = Date.parse(v);
  return Number.isNaN(at) ? void 0 : Math.max(0, at - now);
}
var defaultSleep = (ms, signal) => new Promise((resolve) => {
  if (signal.aborted) return resolve();
  const done = () => {
    clearTimeout(timer);
    signal.removeEventListener("abort", done);
    resolve();
  };
  const timer = setTimeout(done, ms);
  signal.addEventListener("abort", done, { once: true });
});
function retryWait(attempt, retryAfterMs, policy) {
  const exp = Math.min(policy.maxBackoffMs, policy.backoff * 2 ** (attempt - 1));
  return retryAfterMs !== void 0 ? Math.min(policy.maxRetryAfterMs, retryAfterMs) : exp / 2 + policy.random() * exp / 2;
}
async function withRetries(attempt, policy, signal, onRetry) {
  let attempts = 0;
  for (; ; ) {
    attempts++;
    const outcome = await attempt();
    if (outcome.kind !== "retry" || attempts > policy.retries) return { outcome, attempts };
    const wait = retryWait(attempts, outcome.retryAfterMs, policy);
    onRetry(outcome, attempts, wait);
    await policy.sleep(wait, signal);
    if (signal.aborted) return { outcome: { kind: "aborted" }, attempts };
  }
}

// core/remote/attempt.ts
var DEFAULT_TIMEOUT_MS = 6e4;
var UNREACHABLE_CODES = /* @__PURE__ */ new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);
var MAX_MESSAGE = 500;
var MAX_BODY_BYTES = 16 * 1024 * 1024;
function clip(text) {
  const t = text.trim();
  return t.length > MAX_MESSAGE ? `${t.slice(0, MAX_MESSAGE)}\u2026` : t;
}
function errorFromBody(status, statusText, text) {
  try {
    const body = JSON.parse(text);
    if (body && typeof body === "object" && typeof body.error === "string") {
      const b = body;
      return {
        status,
        ...typeof b.error_type === "string" ? { error_type: b.error_type } : {},
        message: clip(b.error)
      };
    }
  } catch {
  }
  return { status, message: clip(text) || statusText || `HTTP ${status}` };
}
function fatalHint(status, endpoint) {
  if (status === 401) return "check PREDIBASE_API_TOKEN (or --token): the server did not accept the token";
  if (status === 403) return "check PREDIBASE_API_TOKEN (or --token): the token has no access to this deployment";
  return endpoint.kind === "predibase" ? "check the deployment URL: https://serving.app.predibase.com/<tenant>/deployments/v2/llms/<deployment>" : `check the URL: ${endpoint.display} should be the LoRAX server's /generate route`;
}
function networkCode(err) {
  let e = err;
  for (let depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === "string") return e.code;
    e = e.cause;
  }
  return void 0;
}
function parseSuccess(text, status) {
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return { kind: "fail", error: { status, error_type: "malformed_response", message: `the response is not JSON: ${clip(text.slice(0, 120)) || "(empty body)"}` } };
  }
  if (Array.isArray(body) && body.length === 1) body = body[0];
  const b = body;
  if (b && typeof b === "object" && typeof b.generated_text === "string") {
    const out = { kind: "body", output: b.generated_text };
    if (b.details && typeof b.details.finish_reason === "string") out.finish_reason = b.details.finish_reason;
    if (b.details && typeof b.details.generated_tokens === "number") out.generated_tokens = b.details.generated_tokens;
    return out;
  }
  if (b && typeof b === "object" && typeof b.error === "string") {
    return { kind: "fail", error: { status, ...typeof b.error_type === "string" ? { error_type: b.error_type } : {}, message: clip(b.error) } };
  }
  return { kind: "fail", error: { status, error_type: "malformed_response", message: 'the response has no "generated_text" string' } };
}
async function readBounded(res, limit) {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks = [];
  let size = 0;
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {
      });
      return void 0;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
async function attemptOnce(ctx) {
  if (ctx.runSignal.aborted) return { kind: "aborted" };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, ctx.timeoutMs);
  const onRunAbort = () => controller.abort();
  ctx.runSignal.addEventListener("abort", onRunAbort, { once: true });
  const started = performance.now();
  try {
    const res = await ctx.fetch(ctx.endpoint.url, { method: "POST", headers: ctx.headers, body: ctx.body, signal: controller.signal });
    const text = await readBounded(res, MAX_BODY_BYTES);
    if (text === void 0) {
      return { kind: "fail", error: { status: res.status, error_type: "malformed_response", message: `the response is larger than ${MAX_BODY_BYTES} bytes` } };
    }
    const latency_ms = Math.round((performance.now() - started) * 1e3) / 1e3;
    if (res.status >= 200 && res.status < 300) {
      const parsed = parseSuccess(text, res.status);
      if (parsed.kind !== "body") return parsed;
      const ok = { kind: "ok", output: parsed.output, latency_ms };
      if (parsed.finish_reason !== void 0) ok.finish_reason = parsed.finish_reason;
      if (parsed.generated_tokens !== void 0) ok.generated_tokens = parsed.generated_tokens;
      return ok;
    }
    const error = errorFromBody(res.status, res.statusText, text);
    if (res.status === 401 || res.status === 403 || res.status === 404) {
      return { kind: "fatal", error, hint: fatalHint(res.status, ctx.endpoint) };
    }
    if (isRetryStatus(res.status)) {
      const retryAfterMs = parseRetryAfter(res.headers.get("retry-after"));
      return retryAfterMs === void 0 ? { kind: "retry", error } : { kind: "retry", error, retryAfterMs };
    }
    return { kind: "fail", error };
  } catch (err) {
    if (ctx.runSignal.aborted) return { kind: "aborted" };
    if (timedOut) {
      return { kind: "retry", error: { error_type: "timeout", message: `no complete answer within ${ctx.timeoutMs} ms` } };
    }
    const code = networkCode(err);
    const what = code ?? (err?.message || String(err));
    return {
      kind: "retry",
      error: { error_type: "network", message: `connection failed: ${clip(what)}` },
      unreachable: code !== void 0 && UNREACHABLE_CODES.has(code)
    };
  } finally {
    clearTimeout(timer);
    ctx.runSignal.removeEventListener("abort", onRunAbort);
  }
}

// core/remote/cache.ts
import { createHash } from "node:crypto";
import { mkdir, open, readFile } from "node:fs/promises";
import { dirname } from "node:path";

// core/remote/redact.ts
var REDACTED = "[redacted]";
function createRedactor(secrets) {
  const forms = /* @__PURE__ */ new Set();
  for (const s of secrets) {
    if (!s) continue;
    forms.add(s);
    forms.add(encodeURIComponent(s));
  }
  const list = [...forms].sort((a, b) => b.length - a.length);
  if (list.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const s of list) if (out.includes(s)) out = out.split(s).join(REDACTED);
    return out;
  };
}
function redactDeep(value, redact) {
  if (typeof value === "string") return redact(value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact));
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[redact(k)] = redactDeep(v, redact);
    return out;
  }
  return value;
}
function redactingReporter(reporter, redact) {
  return {
    progress: (e) => reporter.progress(redactDeep(e, redact)),
    info: (m) => reporter.info(redact(m)),
    warn: (m) => reporter.warn(redact(m))
  };
}
function redactKolmError(err, redact) {
  const before = JSON.stringify([err.message, err.hint, err.place, err.data]);
  const [message, hint, place, details] = redactDeep([err.message, err.hint, err.place, err.data], redact);
  if (JSON.stringify([message, hint, place, details]) === before) return err;
  return new KolmError(err.code, message, {
    ...hint !== void 0 ? { hint } : {},
    ...place ? { place } : {},
    ...details !== void 0 ? { details } : {}
  });
}

// core/remote/cache.ts
var CACHE_VERSION = 1;
function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    const out = {};
    for (const k of Object.keys(value).sort()) {
      const v = value[k];
      if (v !== void 0) out[k] = canonical(v);
    }
    return out;
  }
  return value;
}
function requestDigest(url, body) {
  return createHash("sha256").update(JSON.stringify(canonical({ url, body }))).digest("hex");
}
async function readCache(path) {
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    if (err.code === "ENOENT") return /* @__PURE__ */ new Map();
    throw new KolmError("E_PATH_UNREADABLE", `cannot read the A/B cache ${path}: ${err.message}`, {
      hint: "check its permissions, or delete it to send every case again",
      place: { file: path },
      cause: err
    });
  }
  const out = /* @__PURE__ */ new Map();
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    let parsed;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue;
    }
    const p = parsed;
    if (p && p.v === CACHE_VERSION && typeof p.id === "string" && typeof p.digest === "string" && typeof p.attempts === "number") {
      out.set(p.id, p);
    }
  }
  return out;
}
function cacheLineFor(result, digest) {
  const line = { v: CACHE_VERSION, id: result.id, digest, attempts: result.attempts };
  if (result.output !== void 0) line.output = result.output;
  if (result.latency_ms !== void 0) line.latency_ms = result.latency_ms;
  if (result.error) line.error = result.error;
  if (result.finish_reason !== void 0) line.finish_reason = result.finish_reason;
  if (result.generated_tokens !== void 0) line.generated_tokens = result.generated_tokens;
  return line;
}
function resultFromCache(line) {
  const r = { id: line.id, attempts: line.attempts, cached: true };
  if (line.output !== void 0) r.output = line.output;
  if (line.latency_ms !== void 0) r.latency_ms = line.latency_ms;
  if (line.error) r.error = line.error;
  if (line.finish_reason !== void 0) r.finish_reason = line.finish_reason;
  if (line.generated_tokens !== void 0) r.generated_tokens = line.generated_tokens;
  return r;
}
var CacheWriter = class _CacheWriter {
  constructor(path, handle, redact) {
    this.path = path;
    this.handle = handle;
    this.redact = redact;
  }
  path;
  handle;
  redact;
  chain = Promise.resolve();
  failure;
  /** Every line is redacted as it is written (`redact`: the run's token), whatever field holds the secret. */
  static async open(path, redact = (t) => t) {
    try {
      await mkdir(dirname(path), { recursive: true });
      const handle = await open(path, "a+");
      const { size } = await handle.stat();
      if (size > 0) {
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        if (last[0] !== 10) await handle.appendFile("\n");
      }
      return new _CacheWriter(path, handle, redact);
    } catch (err) {
      throw writeFailed(path, err);
    }
  }
  append(line) {
    const text = JSON.stringify(redactDeep(line, this.redact)) + "\n";
    this.chain = this.chain.then(async () => {
      if (this.failure) return;
      try {
        await this.handle.appendFile(text);
      } catch (err) {
        this.failure = writeFailed(this.path, err);
      }
    });
    return this.chain.then(() => {
      if (this.failure) throw this.failure;
    });
  }
  async close() {
    await this.chain;
    await this.handle.close();
  }
};
function writeFailed(path, err) {
  return new KolmError("E_WRITE_FAILED", `cannot write the A/B cache ${path}: ${err.message}`, {
    hint: "check that the folder is writable and the disk has space",
    place: { file: path },
    cause: err
  });
}

// core/remote/pool.ts
async function runPool(items, concurrency, signal, work) {
  let next = 0;
  const worker = async () => {
    while (!signal.aborted && next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

// core/remote/resume.ts
function resumeState(cases, digests, cached) {
  const results = new Array(cases.length);
  const pending = [];
  if (!cached) {
    for (let i = 0; i < cases.length; i++) pending.push(i);
    return { results, pending };
  }
  cases.forEach((c, i) => {
    const line = cached.get(c.id);
    if (line && line.digest === digests[i] && line.output !== void 0 && !line.error) results[i] = resultFromCache(line);
    else pending.push(i);
  });
  return { results, pending };
}

// core/remote/client.ts
var DEFAULT_CONCURRENCY = 4;
var DEFAULT_DEADLINE_MS = 60 * 60 * 1e3;
function positiveInt(name, value, fallback, min) {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v < min || Math.floor(v) !== v) {
    throw new KolmError("E_USAGE", `${name} must be a whole number \u2265 ${min}, got ${value}`, { hint: `omit it for the default (${fallback})` });
  }
  return v;
}
function redactError(error, redact) {
  return { ...error, message: redact(error.message) };
}
function describe(error) {
  const head = [error.status !== void 0 ? `HTTP ${error.status}` : void 0, error.error_type].filter(Boolean).join(" ");
  return head ? `${head}: ${error.message}` : error.message;
}
async function runRemote(options) {
  const params = { ...options.parameters ?? {} };
  const token = options.token || (typeof params.api_token === "string" ? params.api_token : void 0) || void 0;
  delete params.api_token;
  const redact = createRedactor([token]);
  try {
    return await runRedacted(options, params, token, redact);
  } catch (err) {
    throw isKolmError(err) ? redactKolmError(err, redact) : err;
  }
}
async function runRedacted(options, params, token, redact) {
  const endpoint = typeof options.endpoint === "string" ? resolveEndpoint(options.endpoint) : options.endpoint;
  const reporter = redactingReporter(options.reporter ?? silentReporter, redact);
  if (token !== void 0 && !/^[\x21-\x7e]+$/.test(token)) {
    throw new KolmError("E_USAGE", "the API token has spaces or control characters, so it cannot be sent as a header", {
      hint: "check PREDIBASE_API_TOKEN (or --token) for a stray newline or quote"
    });
  }
  const concurrency = positiveInt("concurrency", options.concurrency, DEFAULT_CONCURRENCY, 1);
  const timeoutMs = positiveInt("timeout", options.timeoutMs, DEFAULT_TIMEOUT_MS, 1);
  const retries = positiveInt("retries", options.retries, DEFAULT_RETRIES, 0);
  const deadlineMs = positiveInt("deadline", options.deadlineMs, DEFAULT_DEADLINE_MS, 1);
  const policy = {
    retries,
    backoff: options.backoff ?? DEFAULT_BACKOFF_MS,
    maxBackoffMs: options.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS,
    maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS,
    random: options.random ?? Math.random,
    sleep: options.sleep ?? defaultSleep
  };
  const fetchFn = options.fetch ?? ((url, init) => fetch(url, init));
  const seen = /* @__PURE__ */ new Set();
  for (const c of options.cases) {
    if (seen.has(c.id)) {
      throw new KolmError("E_BAD_INPUT", `case id "${c.id}" appears twice in the A/B cases`, {
        hint: "give every eval case a unique id (the resume cache is keyed by it)"
      });
    }
    seen.add(c.id);
  }
  const headers = { "content-type": "application/json", accept: "application/json", "user-agent": "kolm-migrate" };
  if (token) headers.authorization = `Bearer ${token}`;
  const total = options.cases.length;
  const bodies = options.cases.map((c) => JSON.stringify({ inputs: c.prompt, parameters: params }));
  const digests = bodies.map((b) => requestDigest(endpoint.url, JSON.parse(b)));
  if (endpoint.note) reporter.info(endpoint.note);
  let cached;
  if (options.cachePath) cached = await readCache(options.cachePath);
  const resumed = resumeState(options.cases, digests, cached);
  const results = resumed.results.map((r) => r ? redactDeep(r, redact) : r);
  const { pending } = resumed;
  let writer;
  if (options.cachePath) {
    if (pending.length < total) reporter.info(`resuming: ${total - pending.length} of ${total} cases answered before (${options.cachePath})`);
    writer = await CacheWriter.open(options.cachePath, redact);
  }
  const run = new AbortController();
  let fatal;
  const onCallerAbort = () => run.abort();
  if (options.signal?.aborted) run.abort();
  options.signal?.addEventListener("abort", onCallerAbort, { once: true });
  let pastDeadline = false;
  const deadline = setTimeout(() => {
    pastDeadline = true;
    run.abort();
  }, deadlineMs);
  deadline.unref?.();
  let done = total - pending.length;
  const stage = "remote";
  reporter.progress({ stage, done, total, message: endpoint.display });
  const stop = (error, hint, id) => {
    if (fatal) return;
    const where = endpoint.display;
    fatal = new KolmError("E_REMOTE", redact(`${where} answered case "${id}" with ${describe(error)}; the A/B stopped`), {
      hint: redact(hint),
      details: { endpoint: where, case: id, ...error, message: redact(error.message) }
    });
    run.abort();
  };
  const runCase = async (i) => {
    const c = options.cases[i];
    const ctx = { endpoint, body: bodies[i], headers, timeoutMs, fetch: fetchFn, runSignal: run.signal };
    const { outcome, attempts } = await withRetries(() => attemptOnce(ctx), policy, run.signal, (o, n, wait) => {
      reporter.progress({
        stage,
        done,
        total,
        message: redact(`case ${c.id}: ${describe(o.error)}; retry ${n}/${retries} in ${Math.round(wait)} ms`)
      });
    });
    if (outcome.kind === "aborted") return void 0;
    if (outcome.kind === "ok") {
      const r = { id: c.id, output: redact(outcome.output), latency_ms: outcome.latency_ms, attempts };
      if (outcome.finish_reason !== void 0) r.finish_reason = outcome.finish_reason;
      if (outcome.generated_tokens !== void 0) r.generated_tokens = outcome.generated_tokens;
      return r;
    }
    if (outcome.kind === "fatal") {
      stop(outcome.error, outcome.hint, c.id);
      return void 0;
    }
    if (outcome.kind === "retry" && outcome.unreachable) {
      stop(outcome.error, `is the server running at ${endpoint.display}? check the host and port`, c.id);
      return void 0;
    }
    return { id: c.id, error: redactError(outcome.error, redact), attempts };
  };
  let writeFailure;
  try {
    await runPool(pending, concurrency, run.signal, async (i) => {
      const found = await runCase(i);
      if (!found) return;
      const r = redactDeep(found, redact);
      results[i] = r;
      done++;
      if (writer) {
        try {
          await writer.append(cacheLineFor(r, digests[i]));
        } catch (err) {
          writeFailure = err;
          run.abort();
        }
      }
      reporter.progress({ stage, done, total, message: endpoint.display });
    });
  } finally {
    clearTimeout(deadline);
    options.signal?.removeEventListener("abort", onCallerAbort);
    await writer?.close();
  }
  if (writeFailure) throw writeFailure;
  if (fatal) throw fatal;
  if (pastDeadline && !options.signal?.aborted) {
    const minutes = deadlineMs >= 6e4 ? `${Math.round(deadlineMs / 6e4)} min` : `${deadlineMs} ms`;
    throw new KolmError("E_REMOTE", `the A/B against ${endpoint.display} reached its deadline of ${minutes} after ${done} of ${total} cases (the server was slow or kept asking to retry later)`, {
      hint: options.cachePath ? `run it again to resume: the ${done} finished cases are kept in ${options.cachePath}; or give the A/B a longer deadline` : "run it again with a cache file to resume where it stopped, or give the A/B a longer deadline",
      details: { done, total, deadline_ms: deadlineMs }
    });
  }
  if (run.signal.aborted) {
    throw new KolmError("E_REMOTE", `the A/B against ${endpoint.display} was interrupted after ${done} of ${total} cases`, {
      hint: options.cachePath ? `run it again: the ${done} finished cases are kept in ${options.cachePath} and will not be sent again` : "run it again (give a cache file to keep finished cases across runs)",
      details: { done, total }
    });
  }
  return results;
}

// core/remote/prompt.ts
function promptRenderer(spec) {
  const template = spec.prompt?.template;
  if (template) return compileTemplate(template);
  return (input) => typeof input === "string" ? input : JSON.stringify(input);
}
function remoteParameters(spec, overrides = {}) {
  const g = spec.generation ?? {};
  const merged = { details: true };
  const set = (key, value) => {
    if (value !== void 0) merged[key] = value;
  };
  set("max_new_tokens", g.max_new_tokens);
  set("temperature", g.temperature);
  set("top_p", g.top_p);
  set("top_k", g.top_k);
  set("do_sample", g.do_sample);
  set("repetition_penalty", g.repetition_penalty);
  set("stop", g.stop);
  for (const [k, v] of Object.entries(overrides)) set(k, v);
  if (merged.temperature === 0) {
    delete merged.temperature;
    merged.do_sample = false;
  }
  if (merged.do_sample === void 0 && merged.temperature === void 0) merged.do_sample = false;
  return merged;
}

export {
  resolveEndpoint,
  runRemote,
  promptRenderer,
  remoteParameters
};
