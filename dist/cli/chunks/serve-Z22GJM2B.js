import {
  checkShape
} from "./chunk-KIDQGF2E.js";
import "./chunk-5PASBJYA.js";
import {
  parseTemplate,
  templateMatcher
} from "./chunk-LL7JIVUI.js";
import "./chunk-3BN23YBG.js";
import {
  predictorFromContents,
  verifyArtifactSignature
} from "./chunk-4K3U4TX7.js";
import {
  textGenerator
} from "./chunk-634HSXJB.js";
import "./chunk-TNBATMMU.js";
import {
  formatSigner
} from "./chunk-62KDHQQ6.js";
import "./chunk-NVDMUG2T.js";
import "./chunk-4NIWZNTF.js";
import {
  readArtifact
} from "./chunk-KACU67E6.js";
import "./chunk-WBWVS4MC.js";
import "./chunk-QMXGNTLL.js";
import "./chunk-LIGPPG57.js";
import {
  KolmError,
  isKolmError
} from "./chunk-AYSNEYKG.js";

// core/serve/handler.ts
import { randomBytes } from "node:crypto";

// core/serve/errors.ts
var ServeError = class extends Error {
  status;
  /** LoRAX's `error_type` (also the `err` label in metrics). */
  errorType;
  /** Sent as text/plain rather than the JSON ErrorResponse (axum body rejections). */
  plain;
  /** For OpenAI's error shape on /v1: the request field at fault and OpenAI's machine code. */
  param;
  code;
  constructor(status, errorType, message, plain = false, openAi = {}) {
    super(message);
    this.name = "ServeError";
    this.status = status;
    this.errorType = errorType;
    this.plain = plain;
    this.param = openAi.param ?? null;
    this.code = openAi.code ?? null;
  }
  /** The response body: `{"error", "error_type"}`, or the bare message for plain errors. */
  body() {
    return this.plain ? this.message : JSON.stringify({ error: this.message, error_type: this.errorType });
  }
  contentType() {
    return this.plain ? "text/plain; charset=utf-8" : "application/json";
  }
};
var validationError = (message) => new ServeError(422, "validation", `Input validation error: ${message}`);
var overloadedError = () => new ServeError(429, "overloaded", "Model is overloaded");
var clientLimitError = (n) => new ServeError(429, "overloaded", `Model is overloaded: this client already has ${n} requests open (at most ${n} per client); wait for an answer before sending more`);
var generationError = (message) => new ServeError(424, "generation", `Request failed during generation: ${message}`);
var templateError = (message) => new ServeError(422, "template_error", `Failed applying chat template to inputs: ${message}`);
var unhealthyError = () => new ServeError(503, "healthcheck", "unhealthy");
var deserializeError = (detail) => new ServeError(422, "deserialize", `Failed to deserialize the JSON body into the target type: ${detail}`, true);
var badJsonError = (detail) => new ServeError(400, "bad_json", `Failed to parse the request body as JSON: ${detail}`, true);
var mediaTypeError = () => new ServeError(415, "unsupported_media_type", "Expected request with `Content-Type: application/json`", true);
var tooLargeError = (limit) => new ServeError(413, "payload_too_large", `request body is larger than the limit of ${limit} bytes (--max-body-bytes)`);
var bodyTimeoutError = (ms) => new ServeError(408, "timeout", `the request body did not arrive within ${ms / 1e3} s of its headers; send the whole body at once`);
var notFoundError = (path) => new ServeError(404, "not_found", `no route ${path}`);
var methodError = (method, path, allow) => new ServeError(405, "method_not_allowed", `${path} does not accept ${method}; it accepts ${allow.join(", ")}`);
var invalidRequestError = (message, param, code = null) => new ServeError(400, "invalid_request", message, false, { param, code });
var unsupportedError = (param, why, code = "unsupported_parameter") => invalidRequestError(`Unsupported parameter: '${param}' ${why}`, param, code);
var modelNotFoundError = (model3, served) => new ServeError(404, "model_not_found", `The model \`${model3}\` does not exist; this server serves ${served.join(", ")}`, false, { param: "model", code: "model_not_found" });
var BY_CODE = {
  E_USAGE: validationError,
  E_BAD_INPUT: validationError,
  E_BAD_TEMPLATE: validationError,
  E_BAD_ARTIFACT: generationError,
  E_DIGEST_MISMATCH: generationError
};
function toServeError(err) {
  if (err instanceof ServeError) return err;
  if (isKolmError(err)) return (BY_CODE[err.code] ?? generationError)(err.message);
  return generationError(err instanceof Error ? err.message : String(err));
}
var V1_PARAM = { inputs: "prompt", max_new_tokens: "max_tokens" };
function paramOf(e) {
  let m = null;
  if (e.errorType === "validation") m = /`([A-Za-z_]+)`/.exec(e.message);
  else if (e.plain) m = /target type: (?:missing field `([^`]+)`|([A-Za-z_][\w.[\]]*):)/.exec(e.message);
  const name = m ? m[1] ?? m[2] ?? null : null;
  return name === null ? null : V1_PARAM[name] ?? name;
}
function openAiStatus(e) {
  if (e.status === 422 || e.status === 415) return 400;
  return e.status === 424 ? 500 : e.status;
}
function openAiErrorObject(e) {
  const status = openAiStatus(e);
  const type = status === 429 ? "requests" : status >= 500 ? "server_error" : "invalid_request_error";
  return { message: e.message, type, param: e.param ?? paramOf(e), code: e.code ?? (status === 429 ? "rate_limit_exceeded" : null) };
}

// core/serve/body.ts
var utf8 = new TextDecoder("utf-8", { fatal: true });
var JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
var discardBound = (limit) => 64 * limit;
function refuseBody(headers, limit) {
  const type = headers["content-type"];
  if (!type || !JSON_MEDIA_TYPE.test(type)) return { error: mediaTypeError(), close: false };
  const declared = Number(headers["content-length"]);
  if (declared > limit) return { error: tooLargeError(limit), close: declared > discardBound(limit) };
  return null;
}
function readJsonBody(req, limit, onChunk, done) {
  const parts = [];
  let size = 0;
  const onData = (chunk) => {
    size += chunk.length;
    onChunk(chunk.length);
    if (size > limit) {
      parts.length = 0;
      req.off("data", onData);
      req.off("end", onEnd);
      done({ kind: "too_large", error: tooLargeError(limit) });
      return;
    }
    parts.push(chunk);
  };
  req.on("data", onData);
  req.on("error", () => {
  });
  req.on("end", onEnd);
  function onEnd() {
    let body;
    try {
      const text = utf8.decode(parts.length === 1 ? parts[0] : Buffer.concat(parts));
      body = JSON.parse(text);
    } catch (err) {
      const detail = err instanceof SyntaxError ? err.message : "the body is not UTF-8";
      return done({ kind: "bad_json", error: badJsonError(detail) });
    }
    done({ kind: "json", body });
  }
}
function discardBody(req, bound, finished) {
  let seen = 0;
  let called = false;
  const end = (complete) => {
    if (called) return;
    called = true;
    req.off("data", onData);
    finished(complete);
  };
  const onData = (chunk) => {
    seen += chunk.length;
    if (seen > bound) end(false);
  };
  if (req.readableEnded) return end(true);
  req.on("data", onData);
  req.on("error", () => {
  });
  req.once("end", () => end(true));
  req.resume();
}

// core/serve/admission.ts
var systemTimer = {
  set(fn, ms) {
    const t = setTimeout(fn, ms);
    t.unref();
    return () => clearTimeout(t);
  }
};
function clientKey(address) {
  if (!address) return "";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (!address.includes(":")) return address;
  const [head2 = "", tail] = address.toLowerCase().split("::");
  const front = head2 ? head2.split(":") : [];
  const back = tail ? tail.split(":") : [];
  const groups = tail === void 0 ? front : [...front, ...Array(Math.max(0, 8 - front.length - back.length)).fill("0"), ...back];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}
var Admission = class {
  constructor(limits, timer = systemTimer) {
    this.limits = limits;
    this.timer = timer;
  }
  limits;
  timer;
  /** Generate requests holding a slot. */
  active = 0;
  /** Generate bodies being received. */
  pending = 0;
  clients = /* @__PURE__ */ new Map();
  /**
   * Admit, receive and parse one generate request's body, then take a slot and hand the body to `ready`.
   * Every refusal is answered here: 415/413 on the headers, 429 when this client or the pending pool is
   * full, 413 while reading, 408 past the body deadline, 400 bad JSON, 429 when every slot is taken.
   */
  receive(req, reply, kind, ready) {
    const { res, ex } = reply;
    const { limits } = this;
    const refuse2 = (err) => kind === "generate_stream" ? reply.streamError(err) : reply.error(err);
    const refused = refuseBody(req.headers, limits.maxBodyBytes);
    if (refused && refused.error.status !== 413) return reply.error(refused.error);
    const client = clientKey(req.socket.remoteAddress);
    const held = this.clients.get(client) ?? 0;
    if (held >= limits.maxPerClient) return refuse2(clientLimitError(limits.maxPerClient));
    if (this.pending >= limits.maxPendingBodies) return refuse2(overloadedError());
    this.clients.set(client, held + 1);
    ex.client = client;
    this.pending++;
    ex.reading = true;
    let state = "reading";
    const received = () => {
      state = "done";
      cancel();
      this.stopReading(ex);
    };
    const cancel = this.timer.set(() => {
      if (state === "reading") {
        received();
        res.shouldKeepAlive = false;
        reply.error(bodyTimeoutError(limits.bodyTimeoutMs));
      } else if (state === "draining") {
        state = "done";
        res.end();
      }
    }, limits.bodyTimeoutMs);
    res.once("close", cancel);
    const tooLarge = (err) => {
      this.stopReading(ex);
      state = "draining";
      reply.error(err, { connection: "close" }, true);
      discardBody(req, discardBound(limits.maxBodyBytes) - ex.bytesIn, () => {
        if (state !== "draining") return;
        state = "done";
        cancel();
        res.end();
      });
    };
    if (refused) {
      if (!refused.close) return tooLarge(refused.error);
      received();
      res.shouldKeepAlive = false;
      return reply.error(refused.error);
    }
    readJsonBody(req, limits.maxBodyBytes, (bytes) => ex.bytesIn += bytes, (read) => {
      if (state !== "reading") return;
      if (read.kind === "too_large") return tooLarge(read.error);
      received();
      if (read.kind === "bad_json") return reply.error(read.error);
      if (this.active >= limits.maxConcurrency) return refuse2(overloadedError());
      this.active++;
      ex.counted = true;
      ready(read.body);
    });
  }
  /** The exchange ended: give back its slot, its place in the pending pool and its client's share. */
  release(ex) {
    if (ex.counted) {
      ex.counted = false;
      this.active--;
    }
    this.stopReading(ex);
    if (ex.client !== void 0) {
      const n = (this.clients.get(ex.client) ?? 1) - 1;
      if (n > 0) this.clients.set(ex.client, n);
      else this.clients.delete(ex.client);
      ex.client = void 0;
    }
  }
  stopReading(ex) {
    if (!ex.reading) return;
    ex.reading = false;
    this.pending--;
  }
};

// core/serve/params.ts
var DEFAULT_GENERATION_LIMITS = {
  maxBestOf: 2,
  maxStopSequences: 4,
  maxInputLength: 32768,
  maxTotalTokens: 65536
};
function defaultParams() {
  return {
    adapterId: null,
    adapterSource: null,
    mergedAdapters: null,
    bestOf: null,
    temperature: null,
    repetitionPenalty: null,
    frequencyPenalty: null,
    presencePenalty: null,
    topK: null,
    topP: null,
    typicalP: null,
    doSample: false,
    maxNewTokens: null,
    ignoreEosToken: false,
    returnFullText: null,
    stop: [],
    truncate: null,
    watermark: false,
    details: false,
    decoderInputDetails: false,
    returnKAlternatives: null,
    seed: null,
    responseFormat: null
  };
}
function describe(v) {
  if (v === null) return "null";
  if (typeof v === "boolean") return `boolean \`${v}\``;
  if (typeof v === "number") return Number.isInteger(v) ? `integer \`${v}\`` : `floating point \`${v}\``;
  if (typeof v === "string") return `string ${JSON.stringify(v)}`;
  if (Array.isArray(v)) return "sequence";
  return "map";
}
function invalidType(path, v, expected) {
  throw deserializeError(`${path}: invalid type: ${describe(v)}, expected ${expected}`);
}
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function readString(path, v) {
  return typeof v === "string" ? v : invalidType(path, v, "a string");
}
function readOptString(path, v) {
  return v === void 0 || v === null ? null : readString(path, v);
}
function readBool(path, v, dflt) {
  if (v === void 0) return dflt;
  return typeof v === "boolean" ? v : invalidType(path, v, "a boolean");
}
function readOptBool(path, v) {
  return v === void 0 || v === null ? null : readBool(path, v, false);
}
function readOptFloat(path, v) {
  if (v === void 0 || v === null) return null;
  return typeof v === "number" ? v : invalidType(path, v, "f32");
}
var INT_MAX = {
  u32: [0, 4294967295],
  u64: [0, Number.MAX_SAFE_INTEGER],
  usize: [0, Number.MAX_SAFE_INTEGER],
  i32: [-2147483648, 2147483647]
};
function readOptInt(path, v, type) {
  if (v === void 0 || v === null) return null;
  if (typeof v !== "number" || !Number.isInteger(v)) return invalidType(path, v, type);
  const [lo, hi] = INT_MAX[type];
  if (v < lo || v > hi) throw deserializeError(`${path}: invalid value: integer \`${v}\`, expected ${type}`);
  return v;
}
function readStrings(path, v) {
  if (v === void 0) return [];
  if (!Array.isArray(v)) return invalidType(path, v, "a sequence");
  return v.map((s, i) => readString(`${path}[${i}]`, s));
}
function readFloats(path, v) {
  if (!Array.isArray(v)) return invalidType(path, v, "a sequence");
  return v.map((s, i) => typeof s === "number" ? s : invalidType(`${path}[${i}]`, s, "f32"));
}
var FORMAT_TYPES = ["text", "json_object", "json_schema"];
function readResponseFormat(path, v) {
  if (v === void 0 || v === null) return null;
  if (!isObject(v)) return invalidType(path, v, "struct ResponseFormat");
  if (!("type" in v)) throw deserializeError(`${path}: missing field \`type\``);
  const type = readString(`${path}.type`, v.type);
  if (!FORMAT_TYPES.includes(type)) {
    throw deserializeError(`${path}.type: unknown variant \`${type}\`, expected one of ${FORMAT_TYPES.map((t) => `\`${t}\``).join(", ")}`);
  }
  return { type, ...v.schema !== void 0 ? { schema: v.schema } : {} };
}
function readMerged(path, v) {
  if (v === void 0 || v === null) return null;
  if (!isObject(v)) return invalidType(path, v, "struct MergedAdapters");
  if (!("ids" in v)) throw deserializeError(`${path}: missing field \`ids\``);
  if (!("weights" in v)) throw deserializeError(`${path}: missing field \`weights\``);
  return { ids: readStrings(`${path}.ids`, v.ids), weights: readFloats(`${path}.weights`, v.weights) };
}
function readParams(v, path = "parameters") {
  const p = defaultParams();
  if (v === void 0 || v === null) return p;
  if (!isObject(v)) return invalidType(path, v, "struct GenerateParameters");
  const at = (k) => `${path}.${k}`;
  p.adapterId = readOptString(at("adapter_id"), v.adapter_id);
  p.adapterSource = readOptString(at("adapter_source"), v.adapter_source);
  p.mergedAdapters = readMerged(at("merged_adapters"), v.merged_adapters);
  readOptString(at("api_token"), v.api_token);
  p.bestOf = readOptInt(at("best_of"), v.best_of, "usize");
  p.temperature = readOptFloat(at("temperature"), v.temperature);
  p.repetitionPenalty = readOptFloat(at("repetition_penalty"), v.repetition_penalty);
  p.frequencyPenalty = readOptFloat(at("frequency_penalty"), v.frequency_penalty);
  p.presencePenalty = readOptFloat(at("presence_penalty"), v.presence_penalty);
  p.topK = readOptInt(at("top_k"), v.top_k, "i32");
  p.topP = readOptFloat(at("top_p"), v.top_p);
  p.typicalP = readOptFloat(at("typical_p"), v.typical_p);
  p.doSample = readBool(at("do_sample"), v.do_sample, false);
  p.maxNewTokens = readOptInt(at("max_new_tokens"), v.max_new_tokens, "u32");
  p.ignoreEosToken = readBool(at("ignore_eos_token"), v.ignore_eos_token, false);
  p.returnFullText = readOptBool(at("return_full_text"), v.return_full_text);
  p.stop = readStrings(at("stop"), v.stop);
  p.truncate = readOptInt(at("truncate"), v.truncate, "usize");
  p.watermark = readBool(at("watermark"), v.watermark, false);
  p.details = readBool(at("details"), v.details, false);
  p.decoderInputDetails = readBool(at("decoder_input_details"), v.decoder_input_details, false);
  p.returnKAlternatives = readOptInt(at("return_k_alternatives"), v.return_k_alternatives, "i32");
  p.seed = readOptInt(at("seed"), v.seed, "u64");
  p.responseFormat = readResponseFormat(at("response_format"), v.response_format);
  readBool(at("apply_chat_template"), v.apply_chat_template, false);
  return p;
}
function readGenerateRequest(body) {
  if (!isObject(body)) return invalidType("(root)", body, "struct GenerateRequest");
  if (!("inputs" in body)) throw deserializeError("missing field `inputs`");
  return {
    inputs: readString("inputs", body.inputs),
    parameters: readParams(body.parameters),
    stream: readBool("stream", body.stream, false)
  };
}
function isSampling(p) {
  return p.doSample || p.temperature !== null || p.topK !== null || p.topP !== null || p.typicalP !== null;
}
function validateParams(inputs, inputTokens, p, limits, stream2) {
  if (stream2 && p.bestOf !== null && p.bestOf !== 1) throw validationError("`best_of` != 1 is not supported when streaming tokens");
  if (stream2 && p.decoderInputDetails) throw validationError("`decoder_input_details` == true is not supported when streaming tokens");
  const bestOf = p.bestOf ?? 1;
  if (bestOf === 0 || bestOf > limits.maxBestOf) throw validationError(`\`best_of\` must be > 0 and <= ${limits.maxBestOf}. Given: ${bestOf}`);
  if (bestOf > 1 && !isSampling(p)) throw validationError("you must use sampling when `best_of` is > 1");
  if (bestOf > 1 && p.seed !== null) throw validationError("`seed` must not be set when `best_of` > 1");
  if (p.temperature !== null && p.temperature < 0) throw validationError("`temperature` must be non-negative");
  if (p.repetitionPenalty !== null && p.repetitionPenalty <= 0) throw validationError("`repetition_penalty` must be strictly positive");
  for (const [key, v] of [["frequency_penalty", p.frequencyPenalty], ["presence_penalty", p.presencePenalty]]) {
    if (v !== null && (v < -2 || v > 2)) throw validationError(`\`${key}\` must be >= -2.0 and <= 2.0`);
  }
  if (p.topP !== null && (p.topP <= 0 || p.topP > 1)) throw validationError("`top_p` must be > 0.0 and < 1.0");
  if (p.typicalP !== null && (p.typicalP <= 0 || p.typicalP >= 1)) throw validationError("`typical_p` must be > 0.0 and < 1.0");
  if (p.topK !== null && p.topK <= 0) throw validationError("`top_k` must be strictly positive");
  if (p.maxNewTokens === 0) throw validationError("`max_new_tokens` must be strictly positive");
  if (p.stop.length > limits.maxStopSequences) {
    throw validationError(`\`stop\` supports up to ${limits.maxStopSequences} stop sequences. Given: ${p.stop.length}`);
  }
  if (p.truncate !== null && (p.truncate === 0 || p.truncate > limits.maxInputLength)) {
    throw validationError(`\`truncate\` must be strictly positive and less than ${limits.maxInputLength}. Given: ${p.truncate}`);
  }
  if (p.returnKAlternatives !== null && p.returnKAlternatives <= 0) throw validationError("`return_k_alternatives` must be strictly positive");
  if (p.mergedAdapters) {
    if (p.adapterId !== null && p.adapterId !== "") throw validationError("at most one of `adapter_id` or `adapters` may be provided");
    if (p.mergedAdapters.ids.length === 0) throw validationError("at least one adapter ID must be provided when setting `adapters`");
    if (p.mergedAdapters.ids.length !== p.mergedAdapters.weights.length) throw validationError("number of adapter IDs must match number of adapter weights");
    throw validationError("`merged_adapters` is not supported by kolm serve: each artifact is served whole; pick one with `adapter_id`");
  }
  if (inputs === "") throw validationError("`inputs` cannot be empty");
  if (inputTokens > limits.maxInputLength) {
    throw validationError(`\`inputs\` must have less than ${limits.maxInputLength} tokens. Given: ${inputTokens}`);
  }
  const maxNew = p.maxNewTokens ?? limits.maxTotalTokens - inputTokens;
  if (inputTokens + maxNew > limits.maxTotalTokens) {
    throw validationError(
      `\`inputs\` tokens + \`max_new_tokens\` must be <= ${limits.maxTotalTokens}. Given: ${inputTokens} \`inputs\` tokens and ${maxNew} \`max_new_tokens\``
    );
  }
  return maxNew;
}

// core/serve/exchange.ts
var DEFAULT_SERVE_LIMITS = {
  ...DEFAULT_GENERATION_LIMITS,
  maxConcurrency: 1024,
  // LoRAX's max_concurrent_requests default
  maxBodyBytes: 2 * 1024 * 1024,
  // axum's default body limit
  maxPendingBodies: 1024,
  maxPerClient: 256,
  bodyTimeoutMs: 1e4
};
function serveLimits(given = {}) {
  const maxConcurrency = given.maxConcurrency ?? DEFAULT_SERVE_LIMITS.maxConcurrency;
  return {
    ...DEFAULT_SERVE_LIMITS,
    maxPendingBodies: maxConcurrency,
    maxPerClient: Math.max(1, Math.ceil(maxConcurrency / 4)),
    ...given
  };
}
var JSON_TYPE = "application/json";
function createReply(res, ex, draining) {
  const send = (status, body, headers, hold = false) => {
    if (res.headersSent || res.destroyed) return;
    ex.status = status;
    if (draining?.()) res.shouldKeepAlive = false;
    headers["content-length"] = Buffer.byteLength(body);
    res.writeHead(status, headers);
    if (hold) res.write(body);
    else res.end(body);
  };
  const error = (err, headers = {}, hold = false) => {
    ex.errorType = err.errorType;
    if (ex.openai) {
      headers["content-type"] = JSON_TYPE;
      return send(openAiStatus(err), JSON.stringify({ error: openAiErrorObject(err) }), headers, hold);
    }
    headers["content-type"] = err.contentType();
    send(err.status, err.body(), headers, hold);
  };
  const event = (data) => {
    if (!res.destroyed && !res.writableEnded) res.write(`data: ${data}

`);
  };
  return {
    res,
    ex,
    send,
    json(status, value, headers = {}) {
      headers["content-type"] = JSON_TYPE;
      send(status, JSON.stringify(value), headers);
    },
    error,
    streamError(err) {
      if (err.plain || ex.openai) return error(err);
      ex.errorType = err.errorType;
      const body = `data: ${JSON.stringify({ error: err.message, error_type: err.errorType })}

`;
      send(200, body, { "content-type": "text/event-stream", "cache-control": "no-cache", "x-accel-buffering": "no" });
    },
    open(headers) {
      if (res.headersSent || res.destroyed) return;
      ex.status = 200;
      if (draining?.()) res.shouldKeepAlive = false;
      res.writeHead(200, headers);
    },
    event,
    failStream(err) {
      ex.errorType = err.errorType;
      event(JSON.stringify(ex.openai ? { error: openAiErrorObject(err) } : { error: err.message, error_type: err.errorType }));
      if (!res.writableEnded) res.end();
    }
  };
}

// core/serve/inputs.ts
function typed(text, type) {
  if (type === "number" || type === "integer") {
    const n = Number(text.trim());
    return text.trim() !== "" && Number.isFinite(n) ? n : text;
  }
  if (type === "boolean") {
    if (/^(true|True)$/.test(text.trim())) return true;
    if (/^(false|False)$/.test(text.trim())) return false;
    return text;
  }
  if (type === "object" || type === "array") {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}
function inputMapper(name, shape, template) {
  const parsed = template ? parseTemplate(template) : void 0;
  const match = parsed ? templateMatcher(parsed) : void 0;
  const fields = typeof shape === "string" ? [] : Object.keys(shape);
  const head2 = parsed?.parts[0]?.kind === "literal" ? parsed.parts[0].text : "";
  if (typeof shape === "string") {
    const column = parsed?.columns.length === 1 ? parsed.columns[0] : void 0;
    return (inputs) => {
      if (match && column !== void 0) {
        const got = match(inputs);
        if (got && got[column] !== void 0) return got[column];
      }
      return inputs;
    };
  }
  return (inputs) => {
    if (match) {
      const got = match(inputs);
      if (got) {
        const value = {};
        for (const f of fields) if (got[f] !== void 0) value[f] = typed(got[f], shape[f]);
        if (checkShape("inputs", value, shape).length === 0) return value;
      }
    }
    const trimmed = inputs.trimStart();
    if (trimmed.startsWith("{")) {
      let value;
      try {
        value = JSON.parse(inputs);
      } catch (err) {
        throw validationError(`\`inputs\` looks like a JSON object but is not valid JSON (${err.message})`);
      }
      const problems = checkShape("inputs", value, shape);
      if (problems.length) throw validationError(`${problems.join("; ")} (artifact ${name})`);
      return value;
    }
    const rendered = parsed ? `the prompt rendered from its template (starting ${JSON.stringify(head2.slice(0, 40))}) or ` : "";
    throw validationError(`artifact ${name} takes an object input; send ${rendered}a JSON object of its fields (${fields.join(", ")}) as \`inputs\``);
  };
}
function outputText(output) {
  if (typeof output === "string") return output;
  return JSON.stringify(output) ?? "null";
}

// core/serve/json-format.ts
var isObj = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function deref(s, root) {
  let cur = s;
  for (let hops = 0; hops < 16 && isObj(cur) && typeof cur.$ref === "string"; hops++) {
    const path = cur.$ref.startsWith("#/") ? cur.$ref.slice(2).split("/") : null;
    if (!path) throw refuse(`its $ref "${cur.$ref}" is not a local reference (#/$defs/...)`);
    let next = root;
    for (const key of path) next = isObj(next) ? next[key.replace(/~1/g, "/").replace(/~0/g, "~")] : void 0;
    if (next === void 0) throw refuse(`its $ref "${cur.$ref}" points at nothing`);
    cur = next;
  }
  return isObj(cur) ? cur : {};
}
function types(s) {
  if (typeof s.type === "string") return [s.type];
  if (Array.isArray(s.type)) return s.type.filter((t) => typeof t === "string");
  if (Array.isArray(s.enum)) return [...new Set(s.enum.map(jsonType))];
  if ("const" in s) return [jsonType(s.const)];
  return void 0;
}
function jsonType(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}
function branches(s, root) {
  const alt = Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : null;
  return alt ? alt.map((b) => deref(b, root)) : [s];
}
function admits(s, root, type) {
  return branches(s, root).some((b) => {
    const t = types(b);
    return t === void 0 || t.includes(type) || type === "integer" && t.includes("number");
  });
}
var refuse = (why) => validationError(`\`response_format\` cannot be honoured by this recipe artifact: ${why}`);
function schemaProblem(value, s0, root, at = "(root)") {
  const s = deref(s0, root);
  const alt = Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : null;
  if (alt) {
    const problems = alt.map((b) => schemaProblem(value, b, root, at));
    if (!problems.includes(null)) return problems[0] ?? `${at}: matches none of the alternatives`;
  }
  const t = types(s);
  const vt = jsonType(value);
  if (t && !t.includes(vt) && !(vt === "integer" && t.includes("number"))) return `${at} is ${vt}, the schema wants ${t.join(" or ")}`;
  if (Array.isArray(s.enum) && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
    return `${at} is ${JSON.stringify(value)}, not one of the schema's enum ${JSON.stringify(s.enum)}`;
  }
  if ("const" in s && JSON.stringify(s.const) !== JSON.stringify(value)) return `${at} is ${JSON.stringify(value)}, the schema's const is ${JSON.stringify(s.const)}`;
  if (isObj(value)) {
    const props = isObj(s.properties) ? s.properties : {};
    for (const r of Array.isArray(s.required) ? s.required : []) if (typeof r === "string" && !(r in value)) return `${at} has no \`${r}\`, which the schema requires`;
    for (const [k, v] of Object.entries(value)) {
      if (k in props) {
        const p = schemaProblem(v, props[k], root, at === "(root)" ? k : `${at}.${k}`);
        if (p) return p;
      } else if (s.additionalProperties === false) return `${at} has \`${k}\`, which the schema does not allow`;
    }
  }
  if (Array.isArray(value) && s.items !== void 0) {
    for (let i = 0; i < value.length; i++) {
      const p = schemaProblem(value[i], s.items, root, `${at}[${i}]`);
      if (p) return p;
    }
  }
  return null;
}
function objectOutput(output) {
  let v = output;
  if (typeof v === "string") {
    try {
      v = JSON.parse(v);
    } catch {
      throw refuse(`the prediction ${JSON.stringify(output).slice(0, 80)} is not a JSON object`);
    }
  }
  if (!isObj(v)) throw refuse(`the prediction ${JSON.stringify(output).slice(0, 80)} is not a JSON object`);
  return v;
}
function checked(value, schema) {
  const problem = schema === void 0 ? null : schemaProblem(value, schema, schema);
  if (problem) throw refuse(`the prediction does not fit the schema: ${problem}`);
  return value;
}
function labelField(s, root) {
  const props = isObj(s.properties) ? Object.keys(s.properties) : [];
  const required = (Array.isArray(s.required) ? s.required : []).filter((r) => typeof r === "string");
  const candidates = required.length > 0 ? required : props;
  if (candidates.length !== 1) {
    throw refuse(`a label task answers one label, and the schema's object has ${candidates.length === 0 ? "no properties" : `${candidates.length} ${required.length ? "required " : ""}properties (${candidates.join(", ")})`}; give it one string property`);
  }
  const field = candidates[0];
  const ps = isObj(s.properties) ? deref(s.properties[field], root) : {};
  if (!admits(ps, root, "string")) throw refuse(`a label is a string, and the schema's \`${field}\` is ${types(ps)?.join(" or ")}`);
  return field;
}
function planResponseFormat(m, rf) {
  if (rf.type === "text") return void 0;
  const schema = rf.schema;
  if (schema !== void 0 && !isObj(schema)) throw refuse("its schema is not a JSON object");
  const s = schema === void 0 ? { type: "object" } : deref(schema, schema);
  const shape = m.spec.shape.output;
  const kind = m.output_kind;
  const wantsObject = admits(s, schema, "object") && (types(s) !== void 0 || isObj(s.properties));
  if (typeof shape === "string" && kind !== "json") {
    const type = kind === "number" ? "number" : "string";
    const what = kind === "label" ? "a label task answers one label (a string)" : kind === "number" ? "a number task answers a number" : "a text task answers a string";
    if (schema !== void 0 && admits(s, schema, type) && !(wantsObject && isObj(s.properties))) {
      return (out) => checked(type === "number" ? Number(out) : String(out), schema);
    }
    if (kind === "label" && wantsObject) {
      const field = schema === void 0 ? "label" : labelField(s, schema);
      return (out) => checked({ [field]: String(out) }, schema);
    }
    throw refuse(`${what}, and the schema asks for ${types(s)?.join(" or ") ?? "something else"}`);
  }
  if (!wantsObject) throw refuse(`this task answers an object of fields${typeof shape === "object" ? ` (${Object.keys(shape).join(", ")})` : ""}, and the schema asks for ${types(s)?.join(" or ")}`);
  const props = isObj(s.properties) ? s.properties : {};
  const required = (Array.isArray(s.required) ? s.required : []).filter((r) => typeof r === "string");
  if (typeof shape === "object") {
    const missing = required.filter((r) => !(r in shape));
    if (missing.length) throw refuse(`the schema requires ${missing.map((f) => `\`${f}\``).join(", ")}, which the output does not have (its fields: ${Object.keys(shape).join(", ")})`);
    for (const [f, t] of Object.entries(shape)) {
      const ps = f in props ? deref(props[f], schema) : void 0;
      if (ps && !admits(ps, schema, t === "integer" ? "integer" : t)) throw refuse(`the output's \`${f}\` is a ${t}, and the schema's is ${types(ps)?.join(" or ")}`);
    }
  }
  return (out) => {
    const value = objectOutput(out);
    const picked = {};
    for (const [k, v] of Object.entries(value)) if (k in props || s.additionalProperties !== false) picked[k] = v;
    for (const r of required) if (!(r in picked) && admits(deref(props[r], schema), schema, "null")) picked[r] = null;
    return checked(picked, schema);
  };
}

// core/serve/tokens.ts
var CHUNK = /\s*[\p{L}\p{N}_]+|\s*[^\s\p{L}\p{N}_]+|\s+/gu;
function chunks(text) {
  return text.match(CHUNK) ?? [];
}
function countChunks(text) {
  let n = 0;
  CHUNK.lastIndex = 0;
  while (CHUNK.exec(text) !== null) n++;
  return n;
}
var EOS_ID = 2;
var EOS_TEXT = "</s>";
function tokenId(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return 3 + (h >>> 0) % 31997;
}
function token(text, logprob) {
  return { id: tokenId(text), text, logprob, special: false, skipped: false };
}
function generate(output, p, maxNewTokens, confidence) {
  let text = output;
  let stopped = false;
  if (p.stop.length) {
    let cut = -1;
    for (const s of p.stop) {
      if (s === "") continue;
      const at = output.indexOf(s);
      if (at >= 0 && (cut < 0 || at + s.length < cut)) cut = at + s.length;
    }
    if (cut >= 0) {
      text = output.slice(0, cut);
      stopped = true;
    }
  }
  const parts = chunks(text);
  const lp = confidence !== void 0 && confidence > 0 && confidence <= 1 ? Math.log(confidence) / (parts.length + 1) : 0;
  const logprob = Math.round(lp * 1e4) / 1e4;
  if (parts.length > maxNewTokens || !stopped && parts.length === maxNewTokens) {
    const kept = parts.slice(0, maxNewTokens);
    return { text: kept.join(""), tokens: kept.map((t) => token(t, logprob)), finishReason: "length" };
  }
  const tokens = parts.map((t) => token(t, logprob));
  if (stopped) return { text, tokens, finishReason: "stop_sequence" };
  tokens.push({ id: EOS_ID, text: EOS_TEXT, logprob, special: true, skipped: false });
  return { text, tokens, finishReason: "eos_token" };
}
function prefill(inputs) {
  return chunks(inputs).map((t, i) => ({ id: tokenId(t), text: t, logprob: i === 0 ? null : 0 }));
}

// core/serve/generation.ts
function notesOf(ctx, artifact, p) {
  const q = p;
  const path = q.path === "local" || q.path === "fallback" ? q.path : void 0;
  if (path) ctx.metrics.cascadeAnswer(artifact, path);
  if (typeof q.fallback_error === "string") ctx.metrics.fallbackError(artifact, "local");
  if (q.abstained === true) ctx.metrics.abstained(artifact);
  return { ...typeof p.confidence === "number" ? { confidence: p.confidence } : {}, ...path ? { path } : {}, ...q.abstained === true ? { abstained: true } : {} };
}
function resolveAdapter(artifacts, id) {
  return artifacts.resolve(id === artifacts.default.name ? null : id);
}
function pick(artifacts, id, openai) {
  const a = resolveAdapter(artifacts, id);
  if (!a) {
    if (openai) throw modelNotFoundError(id ?? "", artifacts.allIds());
    const modelId = artifacts.default.name;
    throw generationError(`adapter \`${id}\` is not loaded; this server serves ${artifacts.allIds().join(", ")} (pick one with adapter_id, or leave it out for ${modelId})`);
  }
  return a;
}
function isLive(artifacts, id) {
  const a = resolveAdapter(artifacts, id);
  return a !== void 0 && textGenerator(a.predictor) !== void 0;
}
async function runGeneration(ctx, ex, inputs, p, stream2, onToken) {
  const { artifacts, now } = ctx;
  const t0 = now();
  const promptTokens = countChunks(inputs);
  const maxNew = validateParams(inputs, promptTokens, p, ctx.limits, stream2);
  const artifact = artifacts.acquire(pick(artifacts, p.adapterId, ex.openai));
  ex.artifact = artifact.name;
  try {
    const llm = textGenerator(artifact.predictor);
    if (llm) {
      const t12 = now();
      const prompt = llm.countTokens(inputs);
      const out = await llm.generate(inputs, {
        ...generateOptions(llm, p),
        ...onToken ? { onToken: (t) => onToken(asToken(t), prompt) } : {}
      });
      const gen2 = { text: out.text, tokens: out.tokens.map(asToken), finishReason: out.finishReason };
      ex.generatedTokens = gen2.tokens.length;
      return { artifact, gen: gen2, promptTokens: out.promptTokens, inferenceMs: now() - t12, validationMs: t12 - t0 };
    }
    const format = p.responseFormat ? planResponseFormat(artifact.manifest, p.responseFormat) : void 0;
    const input = artifact.toInput(inputs);
    const t1 = now();
    let prediction;
    try {
      prediction = await artifact.predictor.predict(input);
    } catch (err) {
      if (artifact.manifest.kind === "cascade" && isKolmError(err) && err.code === "E_REMOTE") ctx.metrics.fallbackError(artifact.name, "error");
      throw err;
    }
    const t2 = now();
    const notes = notesOf(ctx, artifact.name, prediction);
    const text = format ? JSON.stringify(format(prediction.output)) : outputText(prediction.output);
    const gen = generate(text, p, maxNew, prediction.confidence);
    ex.generatedTokens = gen.tokens.length;
    return { artifact, gen, notes, promptTokens, inferenceMs: t2 - t1, validationMs: t1 - t0 };
  } finally {
    void artifacts.release(artifact);
  }
}
function asToken(t) {
  return { id: t.id, text: t.text, logprob: t.logprob === null ? null : Math.round(t.logprob * 1e4) / 1e4, special: t.special, skipped: false };
}
function generateOptions(llm, p) {
  const d = llm.defaults;
  const sampling = isSampling(p);
  return {
    maxNewTokens: p.maxNewTokens ?? d?.maxNewTokens ?? 256,
    stop: p.stop.length ? p.stop : d?.stop ?? [],
    ...sampling ? { temperature: p.temperature ?? 1, ...p.topK !== null ? { topK: p.topK } : {}, ...p.topP !== null ? { topP: p.topP } : {}, ...p.seed !== null ? { seed: p.seed } : {} } : {},
    ...p.repetitionPenalty !== null ? { repetitionPenalty: p.repetitionPenalty } : d?.repetitionPenalty ? { repetitionPenalty: d.repetitionPenalty } : {},
    ...p.ignoreEosToken ? { ignoreEos: true } : {},
    ...p.responseFormat && p.responseFormat.type !== "text" ? { responseFormat: { type: p.responseFormat.type, ...p.responseFormat.schema !== void 0 ? { schema: p.responseFormat.schema } : {} } } : {},
    logprobs: p.details || p.decoderInputDetails
  };
}

// core/serve/stream.ts
function adapterHeaders(p, h) {
  if (p.adapterId) {
    h["x-adapter-id"] = p.adapterId;
    h["x-adapter-source"] = p.adapterSource ?? "local";
  }
  return h;
}
function streamHeaders(a, p, inputs) {
  return adapterHeaders(p, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    "x-accel-buffering": "no",
    "x-compute-type": "cpu",
    "x-compute-characters": String(inputs.length),
    "x-model-id": a.name
  });
}
function sendEvents(reply, events, headers, done) {
  let body = "";
  for (const e of events) body += `data: ${JSON.stringify(e)}

`;
  if (done) body += `data: ${done}

`;
  reply.send(200, body, headers);
}
async function streamLive(ctx, reply, inputs, p, event, done) {
  const { res, ex } = reply;
  const a = resolveAdapter(ctx.artifacts, p.adapterId);
  let held = null;
  let i = 0;
  const o = await runGeneration(ctx, ex, inputs, p, true, (t) => {
    if (!res.headersSent) reply.open(streamHeaders(a, p, inputs));
    if (held) reply.event(JSON.stringify(event(i++, held, null)));
    held = t;
  });
  if (!res.headersSent) reply.open(streamHeaders(o.artifact, p, inputs));
  if (held) reply.event(JSON.stringify(event(i, held, o)));
  if (done) reply.event(done);
  if (!res.writableEnded) res.end();
}

// core/serve/lorax.ts
async function postGenerate(ctx, reply, kind, body) {
  const r = readGenerateRequest(body);
  const stream2 = kind === "compat" ? r.stream : kind === "generate_stream";
  reply.ex.stream = stream2;
  const p = r.parameters;
  if (stream2 && isLive(ctx.artifacts, p.adapterId)) {
    await streamLive(ctx, reply, r.inputs, p, (_i, t, o2) => streamEvent(t, o2, p, r.inputs));
    return;
  }
  const o = await runGeneration(ctx, reply.ex, r.inputs, p, stream2);
  if (stream2) {
    const tokens = o.gen.tokens;
    const events = tokens.map((t, i) => streamEvent(t, i === tokens.length - 1 ? o : null, p, r.inputs));
    sendEvents(reply, events, streamHeaders(o.artifact, p, r.inputs));
  } else {
    const headers = generateHeaders(ctx, reply, o, p, r.inputs);
    const answer = generateBody(o, p, r.inputs);
    reply.json(200, kind === "compat" ? [answer] : answer, headers);
  }
}
function streamEvent(t, last, p, inputs) {
  return {
    token: t,
    generated_text: last ? (p.returnFullText ? inputs : "") + last.gen.text : null,
    details: last && p.details ? { finish_reason: last.gen.finishReason, prompt_tokens: last.promptTokens, generated_tokens: last.gen.tokens.length, seed: isSampling(p) ? p.seed : null, ...last.notes } : null
  };
}
function details(o, p, inputs) {
  return {
    finish_reason: o.gen.finishReason,
    prompt_tokens: o.promptTokens,
    generated_tokens: o.gen.tokens.length,
    skipped_tokens: 0,
    seed: isSampling(p) ? p.seed : null,
    prefill: p.decoderInputDetails ? prefill(inputs) : [],
    tokens: o.gen.tokens,
    // kolm's own, after LoRAX's fields: the recipe's confidence, the cascade path, abstained.
    ...o.notes
  };
}
function generateBody(o, p, inputs) {
  const text = (p.returnFullText ? inputs : "") + o.gen.text;
  if (!p.details && !p.decoderInputDetails) return { generated_text: text };
  const d = details(o, p, inputs);
  const bestOf = p.bestOf ?? 1;
  if (bestOf > 1) {
    d.best_of_sequences = Array.from({ length: bestOf - 1 }, () => ({
      generated_text: text,
      finish_reason: o.gen.finishReason,
      generated_tokens: o.gen.tokens.length,
      seed: d.seed,
      prefill: d.prefill,
      tokens: o.gen.tokens
    }));
  }
  return { generated_text: text, details: d };
}
function generateHeaders(ctx, reply, o, p, inputs) {
  const total = ctx.now() - reply.ex.start;
  const n = o.gen.tokens.length;
  return adapterHeaders(p, {
    "x-compute-type": "cpu",
    "x-compute-time": (total / 1e3).toFixed(6),
    "x-compute-characters": String(inputs.length),
    "x-total-time": total.toFixed(3),
    "x-validation-time": o.validationMs.toFixed(3),
    "x-queue-time": "0",
    "x-inference-time": o.inferenceMs.toFixed(3),
    "x-time-per-token": (o.inferenceMs / n).toFixed(3),
    "x-prompt-tokens": String(o.promptTokens),
    "x-generated-tokens": String(n),
    "x-skipped-tokens": "0",
    "x-total-tokens": String(o.promptTokens + n),
    "x-model-id": o.artifact.name
  });
}
function getHealth(ctx, reply) {
  if (ctx.draining?.()) return reply.error(unhealthyError());
  reply.send(200, "", {});
}
function info(ctx) {
  const { artifacts, limits } = ctx;
  const d = artifacts.default;
  return {
    model_id: d.name,
    model_sha: d.rootDigest,
    model_dtype: d.manifest.quantization,
    model_device_type: "cpu",
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
        signature: a.signature
      }))
    }
  };
}
function getMetrics(ctx, reply, query, accept) {
  const wantsJson = /(?:^|&)format=json(?:&|$)/.test(query) || (accept ?? "").includes(JSON_TYPE);
  if (wantsJson) return reply.json(200, ctx.metrics.json());
  reply.send(200, ctx.metrics.text(), { "content-type": "text/plain; version=0.0.4; charset=utf-8" });
}

// core/serve/metrics.ts
var BUCKETS = [5e-4, 1e-3, 25e-4, 5e-3, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
var Histogram = class {
  counts = new Array(BUCKETS.length).fill(0);
  sum = 0;
  count = 0;
  observe(v) {
    for (let i = 0; i < BUCKETS.length; i++) if (v <= BUCKETS[i]) this.counts[i]++;
    this.sum += v;
    this.count++;
  }
};
function escapeLabel(v) {
  return v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}
var NO_LABELS = {};
function labelText(labels) {
  if (labels === NO_LABELS) return "";
  const keys = Object.keys(labels);
  if (keys.length === 0) return "";
  return `{${keys.map((k) => `${k}="${escapeLabel(labels[k])}"`).join(",")}}`;
}
var Metrics = class {
  counters = /* @__PURE__ */ new Map();
  histograms = /* @__PURE__ */ new Map();
  gauges = /* @__PURE__ */ new Map();
  counter(name, help, labels, by = 1) {
    let f = this.counters.get(name);
    if (!f) this.counters.set(name, f = { help, type: "counter", series: /* @__PURE__ */ new Map() });
    const key = labelText(labels);
    const s = f.series.get(key);
    if (s) s.value += by;
    else f.series.set(key, { labels, value: by });
  }
  histogram(name, help, labels, v) {
    let f = this.histograms.get(name);
    if (!f) this.histograms.set(name, f = { help, type: "histogram", series: /* @__PURE__ */ new Map() });
    const key = labelText(labels);
    let s = f.series.get(key);
    if (!s) f.series.set(key, s = { labels, value: new Histogram() });
    if (!Number.isNaN(v)) s.value.observe(v);
  }
  /** A gauge read when scraped (in-flight requests, loaded artifacts). */
  gauge(name, help, labels, read) {
    let f = this.gauges.get(name);
    if (!f) this.gauges.set(name, f = { help, type: "gauge", series: /* @__PURE__ */ new Map() });
    f.series.set(labelText(labels), { labels, value: read });
  }
  removeGauges(name) {
    this.gauges.get(name)?.series.clear();
  }
  // The two series every request touches, found by one string key (building label text per request costs).
  hot = /* @__PURE__ */ new Map();
  observe(o) {
    const key = `${o.route}\0${o.artifact}\0${o.status}`;
    let hot = this.hot.get(key);
    if (!hot) {
      const status = String(o.status);
      this.counter("kolm_requests_total", "Requests answered, by route, artifact and status", { route: o.route, artifact: o.artifact, status }, 0);
      this.histogram("kolm_request_duration_seconds", "Time from request start to response end", { route: o.route, artifact: o.artifact }, NaN);
      hot = {
        count: this.counters.get("kolm_requests_total").series.get(labelText({ route: o.route, artifact: o.artifact, status })),
        duration: this.histograms.get("kolm_request_duration_seconds").series.get(labelText({ route: o.route, artifact: o.artifact })).value
      };
      this.hot.set(key, hot);
    }
    hot.count.value++;
    hot.duration.observe(o.seconds);
    if (o.errorType) {
      this.counter("kolm_request_errors_total", "Failed requests, by error type", { route: o.route, artifact: o.artifact, error_type: o.errorType });
    }
    if (!o.generate) return;
    this.counter("lorax_request_count", "Generate requests (LoRAX name)", NO_LABELS);
    if (o.errorType) this.counter("lorax_request_failure", "Failed generate requests (LoRAX name)", { err: o.errorType });
    else {
      this.counter("lorax_request_success", "Successful generate requests (LoRAX name)", NO_LABELS);
      this.histogram("lorax_request_duration", "Generate request duration in seconds (LoRAX name)", NO_LABELS, o.seconds);
      if (o.generatedTokens !== void 0) {
        this.counter("kolm_generated_tokens_total", "Pseudo-tokens generated", { artifact: o.artifact }, o.generatedTokens);
      }
    }
  }
  /** A cascade's answer, by the path that gave it (local: the recipe; fallback: its endpoint or artifact). */
  cascadeAnswer(artifact, path) {
    this.counter("kolm_cascade_answers_total", "Cascade answers, by the path that gave them", { artifact, path });
  }
  /** A case the cascade's fallback failed: the request failed (policy error), or the recipe answered (local). */
  fallbackError(artifact, policy) {
    this.counter("kolm_cascade_fallback_errors_total", "Cases the cascade fallback failed, by what happened then", { artifact, policy });
  }
  /** An answer replaced under --abstain-below. */
  abstained(artifact) {
    this.counter("kolm_abstained_total", "Answers replaced by the abstain output (confidence under --abstain-below)", { artifact });
  }
  /** A reload of an artifact replaced on disk (`--watch`). */
  reload(artifact, ok) {
    this.counter("kolm_artifact_reloads_total", "Artifact reloads by result", { artifact, result: ok ? "ok" : "failed" });
  }
  /** Prometheus text format. */
  text() {
    const lines = [];
    for (const [name, f] of this.counters) {
      lines.push(`# HELP ${name} ${f.help}`, `# TYPE ${name} counter`);
      for (const [key, s] of f.series) lines.push(`${name}${key} ${s.value}`);
    }
    for (const [name, f] of this.gauges) {
      lines.push(`# HELP ${name} ${f.help}`, `# TYPE ${name} gauge`);
      for (const [key, s] of f.series) lines.push(`${name}${key} ${s.value()}`);
    }
    for (const [name, f] of this.histograms) {
      lines.push(`# HELP ${name} ${f.help}`, `# TYPE ${name} histogram`);
      for (const s of f.series.values()) {
        BUCKETS.forEach((b, i) => lines.push(`${name}_bucket${labelText({ ...s.labels, le: String(b) })} ${s.value.counts[i]}`));
        lines.push(`${name}_bucket${labelText({ ...s.labels, le: "+Inf" })} ${s.value.count}`);
        lines.push(`${name}_sum${labelText(s.labels)} ${s.value.sum}`);
        lines.push(`${name}_count${labelText(s.labels)} ${s.value.count}`);
      }
    }
    return `${lines.join("\n")}
`;
  }
  /** LoRAX's JSON form: `{"<metric>": {"type", "data": [{"key", "value"}]}}`. */
  json() {
    const out = {};
    for (const [name, f] of this.counters) out[name] = { type: "counter", data: [...f.series].map(([k, s]) => ({ key: `${name}${k}`, value: s.value })) };
    for (const [name, f] of this.gauges) out[name] = { type: "gauge", data: [...f.series].map(([k, s]) => ({ key: `${name}${k}`, value: s.value() })) };
    for (const [name, f] of this.histograms) {
      const data = [];
      for (const [k, s] of f.series) {
        data.push({ key: k ? `sum${k}` : "sum", value: s.value.sum }, { key: k ? `count${k}` : "count", value: s.value.count });
      }
      out[name] = { type: "histogram", data };
    }
    return out;
  }
};

// core/serve/models.ts
function model(id, a) {
  return {
    id,
    object: "model",
    created: Math.floor(Date.parse(a.manifest.created) / 1e3),
    owned_by: "kolm",
    // vLLM's fields for "which model this id serves": the artifact's own name.
    root: a.name,
    parent: null
  };
}
function entries(ctx) {
  return ctx.artifacts.list().flatMap((a) => ctx.artifacts.ids(a).map((id) => model(id, a)));
}
function getModels(ctx, reply) {
  reply.json(200, { object: "list", data: entries(ctx) });
}
function getModel(ctx, reply, id) {
  const a = id === "" ? void 0 : ctx.artifacts.resolve(id);
  if (!a) return reply.error(modelNotFoundError(id, ctx.artifacts.allIds()));
  reply.json(200, model(id, a));
}

// core/serve/openai-request.ts
function readStop(path, v) {
  return typeof v === "string" ? [v] : v === null ? [] : readStrings(path, v);
}
function range(name, v, lo, hi, integer = false) {
  if (v === null) return;
  const kind = integer ? "integer" : "decimal";
  if (v < lo) throw invalidRequestError(`Invalid '${name}': ${kind} below minimum value. Expected a value >= ${lo}, but got ${v} instead.`, name, `${kind}_below_min_value`);
  if (v > hi) throw invalidRequestError(`Invalid '${name}': ${kind} above maximum value. Expected a value <= ${hi}, but got ${v} instead.`, name, `${kind}_above_max_value`);
}
var present = (v) => v !== void 0 && v !== null;
var nonEmpty = (v) => Array.isArray(v) ? v.length > 0 : isObject(v) ? Object.keys(v).length > 0 : present(v) && v !== "";
function strictCommon(body, p) {
  range("temperature", p.temperature, 0, 2);
  range("top_p", p.topP, 0, 1);
  range("frequency_penalty", p.frequencyPenalty, -2, 2);
  range("presence_penalty", p.presencePenalty, -2, 2);
  range("max_tokens", p.maxNewTokens, 1, Number.MAX_SAFE_INTEGER, true);
  const n = readOptInt("n", body.n, "i32");
  range("n", n, 1, 128, true);
  if (n !== null && n > 1) throw unsupportedError("n", `must be 1 here: kolm serve returns one choice per prompt (send ${n} requests instead)`, "unsupported_value");
  if (nonEmpty(body.logit_bias)) throw unsupportedError("logit_bias", "is not supported: a recipe artifact has no token logits to bias");
  if (present(body.stream_options) && readOptBool("stream", body.stream) !== true) {
    throw invalidRequestError("The 'stream_options' parameter is only allowed when 'stream' is enabled.", "stream_options", "invalid_value");
  }
}
function includeUsage(body) {
  const o = body.stream_options;
  if (!present(o)) return false;
  if (!isObject(o)) throw deserializeError("stream_options: invalid type: expected struct StreamOptions");
  return readOptBool("stream_options.include_usage", o.include_usage) ?? false;
}
function common(body, p) {
  p.maxNewTokens = readOptInt("max_tokens", body.max_tokens, "u32");
  p.temperature = readOptFloat("temperature", body.temperature);
  p.topP = readOptFloat("top_p", body.top_p);
  p.topK = readOptInt("top_k", body.top_k, "i32");
  p.repetitionPenalty = readOptFloat("repetition_penalty", body.repetition_penalty);
  p.frequencyPenalty = readOptFloat("frequency_penalty", body.frequency_penalty);
  p.presencePenalty = readOptFloat("presence_penalty", body.presence_penalty);
  p.seed = readOptInt("seed", body.seed, "u64");
  p.stop = readStop("stop", body.stop);
  p.adapterSource = readOptString("adapter_source", body.adapter_source);
  readOptString("api_token", body.api_token);
  p.ignoreEosToken = readBool("ignore_eos_token", body.ignore_eos_token, false);
  p.details = true;
}
function model2(body) {
  if (!("model" in body)) throw deserializeError("missing field `model`");
  return readString("model", body.model);
}
function readPrompts(v, strict) {
  if (!strict || !Array.isArray(v)) return [readString("prompt", v)];
  if (v.length === 0) throw invalidRequestError("Invalid 'prompt': empty array. Expected an array with minimum length 1.", "prompt", "empty_array");
  if (v.some((x) => typeof x !== "string")) {
    throw unsupportedError("prompt", "must be a string or a list of strings here: token ids are not supported (a recipe artifact reads text)", "unsupported_value");
  }
  return v;
}
function readCompletionRequest(body, strict) {
  if (!isObject(body)) throw deserializeError("invalid type: expected struct CompletionRequest");
  const m = model2(body);
  if (!("prompt" in body)) throw deserializeError("missing field `prompt`");
  const prompts = readPrompts(body.prompt, strict);
  const p = defaultParams();
  common(body, p);
  p.bestOf = readOptInt("best_of", body.best_of, "usize");
  p.returnFullText = readOptBool("echo", body.echo);
  const stream2 = readOptBool("stream", body.stream) ?? false;
  p.doSample = readOptInt("n", body.n, "i32") !== null;
  if (!strict) return { model: m, prompts, stream: stream2, includeUsage: false, parameters: p };
  strictCommon(body, p);
  if (present(body.logprobs)) throw unsupportedError("logprobs", "is not supported: kolm serve returns no log-probabilities on /v1 (use /generate with details)");
  if (nonEmpty(body.suffix)) throw unsupportedError("suffix", "is not supported: kolm serve does not insert text");
  if (present(body.response_format)) throw unsupportedError("response_format", "is not a completions parameter: send it to /v1/chat/completions");
  return { model: m, prompts, stream: stream2, includeUsage: includeUsage(body), parameters: p };
}
function messageText(content, path) {
  if (typeof content === "string") return content;
  if (content === null || content === void 0) return "";
  if (!Array.isArray(content)) throw deserializeError(`${path}: invalid type: expected a string or a sequence of content parts`);
  let text = "";
  content.forEach((part, i) => {
    if (!isObject(part)) throw deserializeError(`${path}[${i}]: invalid type: expected a content part`);
    const type = readString(`${path}[${i}].type`, part.type);
    if (type === "text") text += (text ? "\n" : "") + readString(`${path}[${i}].text`, part.text);
  });
  return text;
}
function normalizeChatFormat(v) {
  if (isObject(v) && v.type === "json_schema" && isObject(v.json_schema)) return { type: "json_schema", schema: v.json_schema.schema };
  return v;
}
function readChatRequest(body, strict) {
  if (!isObject(body)) throw deserializeError("invalid type: expected struct ChatCompletionRequest");
  const m = model2(body);
  if (!("messages" in body)) throw deserializeError("missing field `messages`");
  if (!Array.isArray(body.messages)) throw deserializeError("messages: invalid type: expected a sequence");
  let prompt;
  body.messages.forEach((msg, i) => {
    if (!isObject(msg)) throw deserializeError(`messages[${i}]: invalid type: expected struct Message`);
    const role = readString(`messages[${i}].role`, msg.role);
    const text = messageText(msg.content, `messages[${i}].content`);
    if (role === "user") prompt = text;
  });
  const p = defaultParams();
  common(body, p);
  if (strict && p.maxNewTokens === null) p.maxNewTokens = readOptInt("max_completion_tokens", body.max_completion_tokens, "u32");
  p.doSample = p.temperature !== 0;
  p.responseFormat = readResponseFormat("response_format", normalizeChatFormat(body.response_format));
  const stream2 = readOptBool("stream", body.stream) ?? false;
  if (strict) {
    strictCommon(body, p);
    if (readOptBool("logprobs", body.logprobs) === true) throw unsupportedError("logprobs", "is not supported: kolm serve returns no log-probabilities on /v1 (use /generate with details)", "unsupported_value");
    if (present(body.top_logprobs)) throw unsupportedError("top_logprobs", "is not supported: kolm serve returns no log-probabilities on /v1");
    for (const key of ["tools", "functions"]) {
      if (nonEmpty(body[key])) throw unsupportedError(key, "is not supported: a kolm artifact answers with its output, it does not call tools");
    }
    for (const key of ["tool_choice", "function_call"]) {
      if (present(body[key]) && body[key] !== "none") throw unsupportedError(key, "is not supported: a kolm artifact does not call tools");
    }
  } else {
    p.bestOf = readOptInt("n", body.n, "usize");
  }
  if (prompt === void 0) throw templateError("the chat has no user message; a recipe artifact answers the last user message");
  return { model: m, prompts: [prompt], stream: stream2, includeUsage: strict ? includeUsage(body) : false, parameters: p };
}

// core/serve/openai-stream.ts
function usage(promptTokens, completionTokens) {
  return { prompt_tokens: promptTokens, total_tokens: promptTokens + completionTokens, completion_tokens: completionTokens };
}
function head(ctx, kind, model3, chunk) {
  const h = {
    id: `${kind === "chat" ? "chatcmpl" : "cmpl"}-${ctx.randomId()}`,
    object: kind === "chat" ? chunk ? "chat.completion.chunk" : "chat.completion" : "text_completion",
    created: Math.floor(ctx.wallClock() / 1e3),
    model: model3
  };
  if (kind === "chat") h.system_fingerprint = `${ctx.version}-native`;
  return h;
}
async function postOpenAiStrict(ctx, reply, kind, r) {
  const params = { ...r.parameters, adapterId: r.model };
  if (r.stream) return stream(ctx, reply, kind, r);
  const outcomes = [];
  for (const prompt2 of r.prompts) outcomes.push(await runGeneration(ctx, reply.ex, prompt2, params, false));
  const h = head(ctx, kind, r.model || outcomes[0].artifact.name, false);
  const choices = outcomes.map((o, index) => {
    const finish_reason = openAiFinishReason(o.gen.finishReason, false);
    if (kind === "chat") return { index, message: { role: "assistant", content: o.gen.text, refusal: null }, logprobs: null, finish_reason };
    return { index, text: (params.returnFullText ? r.prompts[index] : "") + o.gen.text, logprobs: null, finish_reason };
  });
  const prompt = outcomes.reduce((n, o) => n + o.promptTokens, 0);
  const completion = outcomes.reduce((n, o) => n + o.gen.tokens.length, 0);
  reply.json(200, { ...h, choices, usage: usage(prompt, completion) });
}
async function stream(ctx, reply, kind, r) {
  const params = { ...r.parameters, adapterId: r.model };
  let h;
  const open = (a) => {
    if (reply.res.headersSent) return;
    h = head(ctx, kind, r.model || a.name, true);
    reply.open(streamHeaders(a, params, r.prompts[0]));
  };
  const send = (choices, extra = {}) => reply.event(JSON.stringify({ ...h, choices, ...r.includeUsage ? { usage: null } : {}, ...extra }));
  const piece = (index, text, first) => kind === "chat" ? { index, delta: first ? { role: "assistant", content: text } : { content: text }, logprobs: null, finish_reason: null } : { index, text, logprobs: null, finish_reason: null };
  let promptTokens = 0;
  let completionTokens = 0;
  for (let index = 0; index < r.prompts.length; index++) {
    const prompt = r.prompts[index];
    let started = false;
    let live = false;
    const start = () => {
      if (started) return;
      started = true;
      if (kind === "chat") send([piece(index, "", true)]);
      else if (params.returnFullText) send([piece(index, prompt, false)]);
    };
    const emit = (t) => {
      start();
      if (!t.special) send([piece(index, t.text, false)]);
    };
    const o = await runGeneration(ctx, reply.ex, prompt, params, true, (t) => {
      const a = resolveAdapter(ctx.artifacts, params.adapterId);
      if (a) open(a);
      live = true;
      emit(t);
    });
    open(o.artifact);
    start();
    if (!live) for (const t of o.gen.tokens) emit(t);
    const finish_reason = openAiFinishReason(o.gen.finishReason, false);
    send([kind === "chat" ? { index, delta: {}, logprobs: null, finish_reason } : { index, text: "", logprobs: null, finish_reason }]);
    promptTokens += o.promptTokens;
    completionTokens += o.gen.tokens.length;
  }
  if (r.includeUsage) send([], { usage: usage(promptTokens, completionTokens) });
  reply.event("[DONE]");
  if (!reply.res.writableEnded) reply.res.end();
}

// core/serve/openai.ts
function openAiFinishReason(reason, loraxCompat) {
  if (reason === "eos_token") return "stop";
  if (reason === "length") return "length";
  return loraxCompat ? "content_filter" : "stop";
}
function usage2(ctx, completion) {
  return { prompt_tokens: ctx.promptTokens, total_tokens: ctx.promptTokens + completion, completion_tokens: completion };
}
function completionReply(ctx, gen, text) {
  return {
    id: "null",
    object: "text_completion",
    created: 0,
    model: "null",
    choices: [{ index: 0, text, logprobs: null, finish_reason: openAiFinishReason(gen.finishReason, true) }],
    usage: usage2(ctx, gen.tokens.length)
  };
}
function chatReply(ctx, gen, text) {
  return {
    id: "null",
    object: "text_completion",
    created: ctx.created,
    model: ctx.modelId,
    system_fingerprint: `${ctx.version}-native`,
    choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: openAiFinishReason(gen.finishReason, true) }],
    usage: usage2(ctx, gen.tokens.length)
  };
}
function completionChunk(ctx, gen, i, t) {
  const last = i === gen.tokens.length - 1;
  return {
    id: "null",
    object: "text_completion",
    created: 0,
    model: "null",
    choices: [{ index: 0, text: t.special ? "" : t.text, logprobs: null, finish_reason: last ? openAiFinishReason(gen.finishReason, true) : null }],
    usage: usage2(ctx, i + 1)
  };
}
function chatChunk(ctx, gen, i, t) {
  const last = i === gen.tokens.length - 1;
  return {
    id: "null",
    object: "chat.completion.chunk",
    created: 0,
    model: ctx.modelId,
    system_fingerprint: `${ctx.version}-native`,
    choices: [{ index: 0, delta: last && t.special ? {} : { role: "assistant", content: t.text }, finish_reason: last ? openAiFinishReason(gen.finishReason, true) : null }],
    usage: last ? usage2(ctx, gen.tokens.length) : null
  };
}
async function postOpenAi(ctx, reply, kind, body) {
  const strict = !ctx.loraxCompat;
  const r = kind === "chat" ? readChatRequest(body, strict) : readCompletionRequest(body, strict);
  reply.ex.stream = r.stream;
  if (strict) return postOpenAiStrict(ctx, reply, kind, r);
  return postLoraxCompat(ctx, reply, kind, r);
}
async function postLoraxCompat(ctx, reply, kind, r) {
  const prompt = r.prompts[0];
  const stream2 = r.stream;
  const chunk = kind === "chat" ? chatChunk : completionChunk;
  if (stream2 && isLive(ctx.artifacts, r.model)) {
    const params = { ...r.parameters, adapterId: r.model };
    let rc2;
    await streamLive(ctx, reply, prompt, params, (i, t, o2) => {
      rc2 ??= compatContext(ctx, 0);
      const gen = o2 ? o2.gen : pendingGen(i);
      if (o2) rc2.promptTokens = o2.promptTokens;
      return chunk(rc2, gen, i, t);
    }, "[DONE]");
    return;
  }
  const o = await runGeneration(ctx, reply.ex, prompt, { ...r.parameters, adapterId: r.model }, stream2);
  const rc = compatContext(ctx, o.promptTokens);
  const text = (r.parameters.returnFullText ? prompt : "") + o.gen.text;
  if (stream2) {
    sendEvents(reply, o.gen.tokens.map((t, i) => chunk(rc, o.gen, i, t)), streamHeaders(o.artifact, r.parameters, prompt), "[DONE]");
  } else {
    reply.json(200, kind === "chat" ? chatReply(rc, o.gen, text) : completionReply(rc, o.gen, text));
  }
}
function compatContext(ctx, promptTokens) {
  return { modelId: ctx.artifacts.default.name, version: ctx.version, created: Math.floor(ctx.wallClock() / 1e3), promptTokens };
}
function pendingGen(i) {
  return { text: "", tokens: new Array(i + 2), finishReason: "length" };
}

// core/serve/handler.ts
var ROUTES = {
  "/": { POST: "compat", GET: "health" },
  "/invocations": { POST: "compat" },
  "/generate": { POST: "generate" },
  "/generate_stream": { POST: "generate_stream" },
  "/health": { GET: "health" },
  "/ping": { GET: "health" },
  "/info": { GET: "info" },
  "/metrics": { GET: "metrics" },
  "/v1/completions": { POST: "completions" },
  "/v1/chat/completions": { POST: "chat" },
  "/v1/models": { GET: "models" }
};
var MODEL_PREFIX = "/v1/models/";
var MODEL_ROUTE = { GET: "model" };
function modelIdOf(path) {
  const raw = path.slice(MODEL_PREFIX.length);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
var GENERATE_KINDS = /* @__PURE__ */ new Set(["generate", "generate_stream", "compat", "completions", "chat"]);
function onError(reply, err, stream2) {
  const { res } = reply;
  const e = toServeError(err);
  if (stream2 && res.headersSent && !res.writableEnded) reply.failStream(e);
  else if (stream2) reply.streamError(e);
  else reply.error(e);
}
function createHandler(deps) {
  const ctx = {
    artifacts: deps.artifacts,
    limits: serveLimits(deps.limits),
    metrics: deps.metrics ?? new Metrics(),
    now: deps.now,
    wallClock: deps.wallClock,
    version: deps.version,
    loraxCompat: deps.loraxCompat ?? false,
    ...deps.draining ? { draining: deps.draining } : {},
    randomId: deps.randomId ?? (() => randomBytes(18).toString("base64url"))
  };
  const { limits, metrics, now, wallClock } = ctx;
  const log = deps.log;
  let nextId = 1;
  const admission = new Admission(limits, deps.timer);
  metrics.gauge("kolm_requests_in_flight", "Generate requests in flight", {}, () => admission.active);
  metrics.gauge("kolm_bodies_pending", "Generate request bodies being received", {}, () => admission.pending);
  metrics.gauge("kolm_max_concurrency", "Generate requests allowed in flight (--max-concurrency)", {}, () => limits.maxConcurrency);
  const finish = (ex, method, aborted) => {
    admission.release(ex);
    const ms = now() - ex.start;
    const status = aborted && ex.status === 0 ? 499 : ex.status;
    metrics.observe({
      route: ex.route,
      artifact: ex.artifact,
      status,
      ...ex.errorType ? { errorType: ex.errorType } : aborted ? { errorType: "aborted" } : {},
      seconds: ms / 1e3,
      generate: ex.kind !== void 0 && GENERATE_KINDS.has(ex.kind),
      ...ex.generatedTokens !== void 0 ? { generatedTokens: ex.generatedTokens } : {}
    });
    if (!log) return;
    log({
      time: new Date(wallClock()).toISOString(),
      id: ex.id,
      method,
      path: ex.route,
      status,
      ms: Math.round(ms * 1e3) / 1e3,
      ...ex.artifact ? { artifact: ex.artifact } : {},
      ...ex.errorType ? { error_type: ex.errorType } : {},
      bytes_in: ex.bytesIn,
      ...ex.stream ? { stream: true } : {},
      ...aborted ? { aborted: true } : {}
    });
  };
  const get = (req, reply, kind, path, query) => {
    if (kind === "health") return getHealth(ctx, reply);
    if (kind === "info") return reply.json(200, info(ctx));
    if (kind === "models") return getModels(ctx, reply);
    if (kind === "model") return getModel(ctx, reply, modelIdOf(path));
    getMetrics(ctx, reply, query, req.headers.accept);
  };
  const post = (reply, kind, body) => {
    if (kind === "completions" || kind === "chat") return postOpenAi(ctx, reply, kind, body);
    return postGenerate(ctx, reply, kind === "compat" || kind === "generate_stream" ? kind : "generate", body);
  };
  const handler = ((req, res) => {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const path = q < 0 ? url : url.slice(0, q);
    const methods = ROUTES[path] ?? (path.startsWith(MODEL_PREFIX) && path.length > MODEL_PREFIX.length ? MODEL_ROUTE : void 0);
    const method = req.method ?? "GET";
    const kind = methods?.[method === "HEAD" ? "GET" : method];
    const ex = {
      id: nextId++,
      start: now(),
      route: methods === MODEL_ROUTE ? "/v1/models/{id}" : methods ? path : "unknown",
      kind,
      status: 0,
      artifact: "",
      bytesIn: 0,
      stream: false,
      counted: false,
      reading: false,
      client: void 0,
      openai: path.startsWith("/v1/") && !ctx.loraxCompat
    };
    res.once("close", () => finish(ex, method, !res.writableFinished));
    const reply = createReply(res, ex, ctx.draining);
    if (!methods) return reply.error(notFoundError(path));
    if (method === "OPTIONS") {
      return reply.send(204, "", {
        "access-control-allow-origin": "*",
        "access-control-allow-methods": "GET, POST",
        "access-control-allow-headers": "content-type"
      });
    }
    if (!kind) {
      const allow = Object.keys(methods);
      return reply.error(methodError(method, path, allow), { allow: allow.join(", ") });
    }
    if (method === "GET" || method === "HEAD") return get(req, reply, kind, path, q < 0 ? "" : url.slice(q + 1));
    admission.receive(req, reply, kind, (body) => {
      void post(reply, kind, body).catch((err) => onError(reply, err, ex.stream || kind === "generate_stream"));
    });
  });
  Object.defineProperty(handler, "metrics", { value: metrics });
  Object.defineProperty(handler, "inFlight", { get: () => admission.active });
  Object.defineProperty(handler, "pendingBodies", { get: () => admission.pending });
  return handler;
}

// core/serve/batcher.ts
var MAX_BATCH = 256;
function batchingPredictor(inner, schedule = setImmediate) {
  let queue = [];
  let scheduled = false;
  const flush = async () => {
    scheduled = false;
    while (queue.length) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(batch.length);
      try {
        const out = await inner.predictBatch(batch.map((q) => q.input));
        batch.forEach((q, i) => q.resolve(out[i]));
      } catch (err) {
        batch.forEach((q) => q.reject(err));
      }
    }
  };
  return {
    predict(input) {
      return new Promise((resolve2, reject) => {
        queue.push({ input, resolve: resolve2, reject });
        if (!scheduled) {
          scheduled = true;
          schedule(() => void flush());
        }
      });
    },
    predictBatch: (inputs) => inner.predictBatch(inputs),
    ...inner.close ? { close: () => inner.close() } : {},
    ...inner.generator ? { generator: inner.generator } : {}
  };
}

// core/serve/artifacts.ts
async function loadServedArtifact(source, options = {}) {
  const file = typeof source === "string" ? source : "<artifact bytes>";
  const contents = await readArtifact(source);
  const checked2 = verifyArtifactSignature(contents, { file, requireSignature: options.requireSignature, trust: options.trust });
  const signature = checked2.state;
  const signer = checked2.signer ? formatSigner(checked2.signer) : void 0;
  const m = contents.manifest;
  return {
    name: m.name,
    path: typeof source === "string" ? source : "",
    manifest: m,
    rootDigest: contents.rootDigest,
    signature,
    ...signer ? { signer } : {},
    predictor: await servingPredictor(contents, file, options),
    toInput: inputMapper(m.name, m.spec.shape.input, m.spec.prompt?.template),
    inFlight: 0,
    retired: false
  };
}
function predibaseIds(m) {
  const o = m.origin?.predibase;
  if (!o) return void 0;
  return { repo: o.repo, ...o.version !== void 0 ? { versioned: `${o.repo}/${o.version}` } : {}, version: o.version ?? 0 };
}
function aliasMap(order, byName) {
  const out = /* @__PURE__ */ new Map();
  const claim = (id, a) => {
    const other = byName.get(id) ?? out.get(id);
    if (other && other !== a) {
      throw new KolmError("E_USAGE", `"${a.name}" (${a.path || "bytes"}) and "${other.name}" (${other.path || "bytes"}) both answer to the adapter id "${id}"`, {
        hint: "serve one of them, or recompile one with another --adapter-id (or --name)"
      });
    }
    out.set(id, a);
  };
  for (const a of order) {
    const ids = predibaseIds(a.manifest);
    if (ids?.versioned) claim(ids.versioned, a);
  }
  const latest = /* @__PURE__ */ new Map();
  for (const a of order) {
    const ids = predibaseIds(a.manifest);
    if (!ids) continue;
    const seen = latest.get(ids.repo);
    if (seen && seen.version === ids.version) claim(ids.repo, seen.a), claim(ids.repo, a);
    else if (!seen || ids.version > seen.version) latest.set(ids.repo, { a, version: ids.version });
  }
  for (const [repo, { a }] of latest) claim(repo, a);
  return out;
}
var ArtifactSet = class {
  byName = /* @__PURE__ */ new Map();
  order = [];
  aliases = /* @__PURE__ */ new Map();
  constructor(artifacts) {
    if (artifacts.length === 0) throw new KolmError("E_USAGE", "no artifacts to serve", { hint: "pass one or more .kolm files" });
    for (const a of artifacts) {
      const twin = this.byName.get(a.name);
      if (twin) {
        throw new KolmError("E_USAGE", `two artifacts are named "${a.name}" (${twin.path || "bytes"} and ${a.path || "bytes"})`, {
          hint: "adapter_id picks artifacts by name: recompile one with kolm compile --name"
        });
      }
      this.byName.set(a.name, a);
      this.order.push(a);
    }
    this.aliases = aliasMap(this.order, this.byName);
  }
  /** The first artifact: what a request without adapter_id gets. */
  get default() {
    return this.order[0];
  }
  list() {
    return this.order;
  }
  /** By adapter_id: null or "" → the default; a name or a Predibase id (REPO, REPO/VERSION) → its artifact; unknown → undefined. */
  resolve(id) {
    if (id === null || id === void 0 || id === "") return this.order[0];
    return this.byName.get(id) ?? this.aliases.get(id);
  }
  /** Every id that reaches `a`: its name, then the Predibase ids it answers to. */
  ids(a) {
    const out = [a.name];
    for (const [id, b] of this.aliases) if (b === a) out.push(id);
    return out;
  }
  /** Every id a request may name, for messages. */
  allIds() {
    return this.order.flatMap((a) => this.ids(a));
  }
  /** Take a version for one request; give it back with `release`. */
  acquire(a) {
    a.inFlight++;
    return a;
  }
  async release(a) {
    a.inFlight--;
    if (a.retired && a.inFlight === 0) await a.predictor.close?.();
  }
  /**
   * Put `next` in the place of the artifact loaded from the same path. Requests that hold the old version
   * finish on it; it is closed after the last one. A name taken by another artifact is refused.
   */
  async replace(next) {
    const i = this.order.findIndex((a) => a.path === next.path);
    if (i < 0) throw new KolmError("E_USAGE", `${next.path} is not served here`);
    const old = this.order[i];
    const twin = this.byName.get(next.name);
    if (twin && twin !== old) {
      throw new KolmError("E_USAGE", `${next.path} is now named "${next.name}", which another served artifact already uses`, {
        hint: "give each artifact its own name (kolm compile --name)"
      });
    }
    const order = this.order.map((a, j) => j === i ? next : a);
    const byName = new Map(this.byName);
    byName.delete(old.name);
    byName.set(next.name, next);
    this.aliases = aliasMap(order, byName);
    this.order = order;
    this.byName = byName;
    old.retired = true;
    if (old.inFlight === 0) await old.predictor.close?.();
    return old;
  }
  async closeAll() {
    for (const a of this.order) {
      a.retired = true;
      if (a.inFlight === 0) await a.predictor.close?.();
    }
  }
};
async function servingPredictor(contents, file, options) {
  const p = await predictorFromContents(contents, file, options);
  return contents.manifest.kind === "recipe" ? batchingPredictor(p) : p;
}

// core/serve/listen.ts
import { createServer } from "node:http";
var REASONS = { 400: "Bad Request", 408: "Request Timeout", 413: "Payload Too Large", 431: "Request Header Fields Too Large" };
function clientErrorStatus(code) {
  if (code === "HPE_HEADER_OVERFLOW") return 431;
  if (code === "ERR_HTTP_REQUEST_TIMEOUT") return 408;
  if (code === "HPE_CHUNK_EXTENSIONS_OVERFLOW") return 413;
  return 400;
}
function listen(handler, options) {
  const requestTimeout = options.requestTimeoutMs;
  const server = createServer(
    {
      requestTimeout,
      headersTimeout: Math.min(options.headersTimeoutMs ?? requestTimeout, requestTimeout),
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 5e3,
      // Timeouts are only checked this often (node's default is every 30 s).
      connectionsCheckingInterval: Math.max(25, Math.min(1e3, Math.floor(requestTimeout / 4))),
      maxHeaderSize: 16 * 1024
    },
    handler
  );
  server.on("clientError", (err, socket) => {
    const code = err.code ?? "UNKNOWN";
    const current = socket._httpMessage;
    if (code === "ECONNRESET" || !socket.writable || current && current.headersSent) {
      options.onClientError?.(0, code);
      socket.destroy();
      return;
    }
    const status = clientErrorStatus(code);
    const body = JSON.stringify({ error: `${REASONS[status]} (${code})`, error_type: status === 408 ? "timeout" : "bad_request" });
    socket.end(
      `HTTP/1.1 ${status} ${REASONS[status]}\r
connection: close\r
content-type: application/json\r
content-length: ${Buffer.byteLength(body)}\r
\r
${body}`
    );
    options.onClientError?.(status, code);
  });
  const closed = new Promise((resolve2) => server.once("close", () => resolve2()));
  const shutdown = () => {
    server.close();
    server.closeIdleConnections();
    const sweep = setInterval(() => server.closeIdleConnections(), 25);
    const cut = setTimeout(() => server.closeAllConnections(), options.graceMs ?? 1e4);
    void closed.then(() => {
      clearInterval(sweep);
      clearTimeout(cut);
    });
  };
  return new Promise((resolve2, reject) => {
    const fail = (err) => reject(listenError(err, options));
    server.once("error", fail);
    try {
      server.listen(options.port, options.host, onListening);
    } catch (err) {
      server.off("error", fail);
      fail(err);
    }
    function onListening() {
      server.off("error", fail);
      const { port } = server.address();
      const host = options.host.includes(":") ? `[${options.host}]` : options.host;
      if (options.signal.aborted) shutdown();
      else options.signal.addEventListener("abort", shutdown, { once: true });
      resolve2({ server, url: `http://${host}:${port}`, port, closed });
    }
  });
}
function listenError(err, { port, host }) {
  const where = `${host}:${port}`;
  const portHint = "pick another --port (--port 0 takes any free one)";
  switch (err.code) {
    case "EADDRINUSE":
      return new KolmError("E_PORT_IN_USE", `port ${port} on ${host} is already in use`, { hint: `stop what listens there, or ${portHint}`, cause: err });
    case "EACCES":
    case "EPERM":
      return new KolmError("E_PORT_IN_USE", `not allowed to listen on ${where} (ports below 1024 need privileges)`, { hint: portHint, cause: err });
    case "ERR_SOCKET_BAD_PORT":
      return new KolmError("E_USAGE", `port ${port} is out of range: use 0 to 65535`, { hint: portHint, cause: err });
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new KolmError("E_USAGE", `cannot listen on ${host}: not an address of this machine`, { hint: "--host 127.0.0.1 (this machine only) or --host 0.0.0.0 (every interface)", cause: err });
    default:
      return err;
  }
}

// core/serve/watch.ts
import { watch } from "node:fs";
import { basename, dirname, resolve } from "node:path";
function watchFiles(paths, onChange, signal, debounceMs = 150) {
  const byDir = /* @__PURE__ */ new Map();
  for (const p of paths) {
    const full = resolve(p);
    const dir = dirname(full);
    if (!byDir.has(dir)) byDir.set(dir, /* @__PURE__ */ new Map());
    byDir.get(dir).set(basename(full), p);
  }
  const timers = /* @__PURE__ */ new Map();
  const watchers = [];
  for (const [dir, files] of byDir) {
    const w = watch(dir, { persistent: false }, (_event, name) => {
      const path = name ? files.get(name.toString()) : void 0;
      if (path === void 0) return;
      clearTimeout(timers.get(path));
      timers.set(path, setTimeout(() => onChange(path), debounceMs));
    });
    w.on("error", () => {
    });
    watchers.push(w);
  }
  signal.addEventListener(
    "abort",
    () => {
      for (const w of watchers) w.close();
      for (const t of timers.values()) clearTimeout(t);
    },
    { once: true }
  );
}
export {
  ArtifactSet,
  DEFAULT_GENERATION_LIMITS,
  DEFAULT_SERVE_LIMITS,
  Metrics,
  ServeError,
  chunks,
  countChunks,
  createHandler,
  generate,
  inputMapper,
  listen,
  loadServedArtifact,
  outputText,
  toServeError,
  watchFiles
};
