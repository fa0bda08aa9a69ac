import {
  ADAPTER_CONFIG_ENTRY
} from "./chunk-TUOOWCGY.js";
import {
  resolvePinnedBase
} from "./chunk-IMQARR2S.js";
import "./chunk-WP33B6NK.js";
import {
  compileTemplate
} from "./chunk-LL7JIVUI.js";
import "./chunk-3BN23YBG.js";
import "./chunk-NVDMUG2T.js";
import {
  entryJson
} from "./chunk-KACU67E6.js";
import "./chunk-NAXT4SUI.js";
import {
  writeFileAtomic
} from "./chunk-WBWVS4MC.js";
import "./chunk-QMXGNTLL.js";
import "./chunk-LIGPPG57.js";
import {
  KolmError
} from "./chunk-AYSNEYKG.js";

// core/llm/runtime.ts
import { readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
var NODE_LLAMA_CPP_VERSION = "3.21.1";
var INSTALL_COMMAND = `npm install --save-exact node-llama-cpp@${NODE_LLAMA_CPP_VERSION}`;
var modulePromise;
async function loadNodeLlamaCpp() {
  modulePromise ??= import("node-llama-cpp").catch((err) => {
    modulePromise = void 0;
    if (err?.code === "ERR_MODULE_NOT_FOUND" || /Cannot find (package|module) 'node-llama-cpp'/.test(String(err?.message))) {
      throw new KolmError("E_RUNTIME_MISSING", "adapter artifacts run on llama.cpp, and its runtime (node-llama-cpp) is not installed", {
        hint: `install it next to kolm-migrate: ${INSTALL_COMMAND} (about 70 MB on Linux x64 CPU; recipes never need it)`,
        cause: err
      });
    }
    throw err;
  });
  return modulePromise;
}
function physicalCores() {
  try {
    const info = readFileSync("/proc/cpuinfo", "utf8");
    const cores = /* @__PURE__ */ new Set();
    let phys = "0";
    for (const line of info.split("\n")) {
      const [k, v] = line.split(":").map((s) => s?.trim());
      if (k === "physical id") phys = v ?? "0";
      else if (k === "core id") cores.add(`${phys}:${v}`);
    }
    if (cores.size > 0) return cores.size;
  } catch {
  }
  return availableParallelism();
}
var llamaState;
async function getLlamaOnce(options) {
  const key = `${options.gpu ?? "auto"}:${options.threads ?? ""}`;
  if (llamaState) {
    const s = await llamaState;
    return s;
  }
  llamaState = (async () => {
    const nlc = await loadNodeLlamaCpp();
    const recentErrors = [];
    const llama = await nlc.getLlama({
      gpu: options.gpu ?? "auto",
      // Never download or compile at run time: the prebuilt @node-llama-cpp/* packages come from npm.
      build: "never",
      skipDownload: true,
      progressLogs: false,
      maxThreads: options.threads ?? physicalCores(),
      logLevel: nlc.LlamaLogLevel.warn,
      logger: (level, message) => {
        if (level === nlc.LlamaLogLevel.error || level === nlc.LlamaLogLevel.warn) {
          recentErrors.push(message.trim());
          if (recentErrors.length > 20) recentErrors.shift();
        }
      }
    });
    return { llama, key, recentErrors };
  })();
  llamaState.catch(() => llamaState = void 0);
  return llamaState;
}
async function adapterFile({ bytes, tmpDir }) {
  const digest = createHash("sha256").update(bytes).digest("hex");
  const path = join(tmpDir, "kolm-adapters", `${digest}.gguf`);
  try {
    if ((await stat(path)).size === bytes.length) return path;
  } catch {
  }
  await writeFileAtomic(path, bytes);
  return path;
}
var models = /* @__PURE__ */ new Map();
var SequencePool = class {
  constructor(context, size) {
    this.context = context;
    for (let i = 0; i < size; i++) this.free.push(context.getSequence());
  }
  context;
  free = [];
  waiters = [];
  async acquire() {
    const s = this.free.pop();
    if (s) return s;
    return new Promise((resolve) => this.waiters.push(resolve));
  }
  release(s) {
    const next = this.waiters.shift();
    if (next) next(s);
    else this.free.push(s);
  }
};
async function loadAdapterOnBase(basePath, adapter, options = {}, label = "adapter") {
  const state = await getLlamaOnce(options);
  const { llama } = state;
  let entry = models.get(basePath);
  if (!entry) {
    const model2 = llama.loadModel({ modelPath: basePath, ...options.gpu === false ? { gpuLayers: 0 } : {} });
    entry = { model: model2, refs: 0 };
    models.set(basePath, entry);
    model2.catch(() => models.delete(basePath));
  }
  entry.refs++;
  const release = async () => {
    entry.refs--;
    if (entry.refs === 0 && models.get(basePath) === entry) {
      models.delete(basePath);
      await (await entry.model).dispose();
    }
  };
  let model;
  try {
    model = await entry.model;
  } catch (err) {
    await release().catch(() => {
    });
    throw new KolmError("E_BASE_MISMATCH", `llama.cpp could not load the base model ${basePath}: ${err.message}${state.recentErrors.length ? ` (${state.recentErrors.at(-1)})` : ""}`, {
      hint: "check that the file is a complete GGUF model",
      place: { file: basePath },
      cause: err
    });
  }
  const sequences = options.sequencesPerAdapter ?? 4;
  const contextSize = options.contextSize ?? Math.min(model.trainContextSize, 4096);
  let context;
  try {
    const before = state.recentErrors.length;
    context = await model.createContext({
      contextSize,
      sequences,
      threads: options.threads ?? physicalCores(),
      ...adapter ? { lora: { adapters: [{ filePath: await adapterFile(adapter) }] } } : {}
    }).catch((err) => {
      const reason = state.recentErrors.slice(before).join("; ");
      throw new KolmError("E_BAD_ADAPTER", `llama.cpp refused ${label}: ${err.message}${reason ? ` (${reason})` : ""}`, {
        hint: "recompile the artifact against this base with kolm compile --adapter",
        cause: err
      });
    });
  } catch (err) {
    await release();
    throw err;
  }
  let closed = false;
  return {
    llama,
    model,
    pool: new SequencePool(context, sequences),
    async close() {
      if (closed) return;
      closed = true;
      await context.dispose();
      await release();
    }
  };
}

// core/llm/generate.ts
var grammars = /* @__PURE__ */ new WeakMap();
async function grammarFor(loaded, format) {
  let byKey = grammars.get(loaded.llama);
  if (!byKey) grammars.set(loaded.llama, byKey = /* @__PURE__ */ new Map());
  const key = format.type === "json_schema" && format.schema !== void 0 ? JSON.stringify(format.schema) : "json";
  let g = byKey.get(key);
  if (!g) {
    g = key === "json" ? loaded.llama.getGrammarFor("json") : loaded.llama.createGrammarForJsonSchema(format.schema);
    byKey.set(key, g);
    g.catch(() => byKey.delete(key));
  }
  return g;
}
function promptTokens(loaded, prompt) {
  const { model } = loaded;
  const tokens = model.tokenize(prompt, false);
  const bos = model.tokens.bos;
  if (bos !== null && model.tokens.shouldPrependBosToken && tokens[0] !== bos) tokens.unshift(bos);
  return tokens;
}
function stopEnd(text, stops, from) {
  let cut = -1;
  for (const s of stops) {
    if (!s) continue;
    const at = text.indexOf(s, Math.max(0, from - s.length + 1));
    if (at >= 0 && (cut < 0 || at + s.length < cut)) cut = at + s.length;
  }
  return cut;
}
async function generateOn(loaded, prompt, o) {
  const nlc = await loadNodeLlamaCpp();
  const { model } = loaded;
  const input = promptTokens(loaded, prompt);
  const grammar = o.responseFormat ? await grammarFor(loaded, o.responseFormat) : void 0;
  const seq = await loaded.pool.acquire();
  const tokens = [];
  const ids = [];
  let text = "";
  let emitted = 0;
  let finishReason = "length";
  try {
    await seq.clearHistory();
    if (o.maxNewTokens <= 0) return { text: "", tokens, finishReason, promptTokens: input.length };
    const sampling = o.temperature !== void 0 && o.temperature > 0;
    const iterator = seq.evaluateWithMetadata(input, { confidence: o.logprobs ?? false }, {
      temperature: sampling ? o.temperature : 0,
      ...sampling && o.topK !== void 0 ? { topK: o.topK } : {},
      ...sampling && o.topP !== void 0 ? { topP: o.topP } : {},
      ...o.seed !== void 0 ? { seed: o.seed } : {},
      ...o.repetitionPenalty !== void 0 && o.repetitionPenalty !== 1 ? { repeatPenalty: { penalty: o.repetitionPenalty, punishTokens: () => [...input, ...ids], maxPunishTokens: 1 << 20 } } : {},
      ...grammar ? { grammarEvaluationState: new nlc.LlamaGrammarEvaluationState({ model, grammar }) } : {},
      yieldEogToken: true
    });
    for await (const out of iterator) {
      const id = out.token;
      const conf = out.confidence;
      const logprob = o.logprobs && conf !== void 0 && conf > 0 ? Math.log(conf) : o.logprobs ? null : null;
      if (model.isEogToken(out.token) && !o.ignoreEos) {
        const t2 = { id, text: model.detokenize([out.token], true), logprob, special: true };
        tokens.push(t2);
        o.onToken?.(t2);
        finishReason = "eos_token";
        break;
      }
      ids.push(id);
      const full = model.detokenize(ids, false);
      const prevLen = text.length;
      const settled = full.endsWith("\uFFFD") ? text : full;
      const piece = settled.slice(emitted);
      text = settled;
      const cut = stopEnd(text, o.stop, prevLen);
      if (cut >= 0) {
        const t2 = { id, text: text.slice(emitted, cut), logprob, special: false };
        text = text.slice(0, cut);
        tokens.push(t2);
        o.onToken?.(t2);
        finishReason = "stop_sequence";
        break;
      }
      const last = tokens.length + 1 >= o.maxNewTokens;
      if (last) text = full;
      const t = { id, text: last ? full.slice(emitted) : piece, logprob, special: false };
      emitted = text.length;
      tokens.push(t);
      o.onToken?.(t);
      if (last) {
        finishReason = "length";
        break;
      }
    }
    return { text, tokens, finishReason, promptTokens: input.length };
  } finally {
    loaded.pool.release(seq);
  }
}

// core/llm/predictor.ts
var DEFAULT_MAX_NEW_TOKENS = 256;
function defaultGenerateOptions(config) {
  const g = config.generation;
  const sample = g.do_sample === true && (g.temperature ?? 1) > 0;
  return {
    maxNewTokens: g.max_new_tokens ?? DEFAULT_MAX_NEW_TOKENS,
    stop: g.stop ?? [],
    ...sample ? { temperature: g.temperature ?? 1, ...g.top_k ? { topK: g.top_k } : {}, ...g.top_p ? { topP: g.top_p } : {} } : {},
    ...g.repetition_penalty ? { repetitionPenalty: g.repetition_penalty } : {}
  };
}
async function adapterPredictor(contents, options, file = "artifact") {
  const { manifest, entries } = contents;
  const configBytes = entries.get(ADAPTER_CONFIG_ENTRY);
  if (!manifest.base || !configBytes) {
    throw new KolmError("E_BAD_ARTIFACT", `${file} is an adapter artifact without ${manifest.base ? ADAPTER_CONFIG_ENTRY : "a base pin"}`, {
      hint: "rebuild it with kolm compile --adapter",
      place: { file }
    });
  }
  const config = entryJson(entries, ADAPTER_CONFIG_ENTRY, file);
  const gguf = entries.get(config.gguf);
  if (!gguf) throw new KolmError("E_BAD_ARTIFACT", `${file} has no ${config.gguf} entry`, { hint: "rebuild it with kolm compile --adapter", place: { file } });
  const basePath = await resolvePinnedBase(manifest.base, options, file);
  const loaded = await loadAdapterOnBase(basePath, { bytes: gguf, tmpDir: options.tmpDir }, options.runtime, `${file} (${config.gguf})`);
  const render = config.template ? compileTemplate(config.template) : (input) => typeof input === "string" ? input : JSON.stringify(input);
  const defaults = defaultGenerateOptions(config);
  const generator = {
    generate: (prompt, o) => generateOn(loaded, prompt, o),
    countTokens: (text) => promptTokens(loaded, text).length,
    defaults
  };
  const predict = async (input) => {
    const out = await generateOn(loaded, render(input), defaults);
    return { output: out.text.trim() };
  };
  return {
    predict,
    // Sequences of one context run in parallel on llama.cpp's batch: send a few at once.
    async predictBatch(inputs) {
      const out = new Array(inputs.length);
      let next = 0;
      const worker = async () => {
        while (next < inputs.length) {
          const i = next++;
          out[i] = await predict(inputs[i]);
        }
      };
      await Promise.all(Array.from({ length: Math.min(options.runtime?.sequencesPerAdapter ?? 4, inputs.length) }, worker));
      return out;
    },
    close: () => loaded.close(),
    generator
  };
}
export {
  DEFAULT_MAX_NEW_TOKENS,
  adapterPredictor,
  defaultGenerateOptions
};
