import {
  KolmError
} from "./chunk-AYSNEYKG.js";

// core/ludwig/presets.ts
var MODEL_PRESETS = {
  "bloomz-3b": "bigscience/bloomz-3b",
  "bloomz-7b1": "bigscience/bloomz-7b1",
  "codellama-7b": "codellama/CodeLlama-7b-hf",
  "codellama-13b": "codellama/CodeLlama-13b-hf",
  "codellama-34b": "codellama/CodeLlama-34b-hf",
  "codellama-7b-instruct": "codellama/CodeLlama-7b-instruct-hf",
  "codellama-13b-instruct": "codellama/CodeLlama-13b-instruct-hf",
  "codellama-34b-instruct": "codellama/CodeLlama-34b-instruct-hf",
  "gpt-neo-2.7B": "EleutherAI/gpt-neo-2.7B",
  "gpt-j-6b": "EleutherAI/gpt-j-6b",
  "llama-2-7b": "meta-llama/Llama-2-7b-hf",
  "llama-2-13b": "meta-llama/Llama-2-13b-hf",
  "llama-2-70b": "meta-llama/Llama-2-70b-hf",
  "llama-2-7b-chat": "meta-llama/Llama-2-7b-chat-hf",
  "llama-2-13b-chat": "meta-llama/Llama-2-13b-chat-hf",
  "llama-2-70b-chat": "meta-llama/Llama-2-70b-chat-hf",
  "mistral-7b": "mistralai/Mistral-7B-v0.1",
  "mistral-7b-instruct": "mistralai/Mistral-7B-Instruct-v0.1",
  "mixtral-8x7b": "mistralai/Mixtral-8x7B-v0.1",
  "mixtral-8x7b-instruct": "mistralai/Mixtral-8x7B-Instruct-v0.1",
  "opt-350m": "facebook/opt-350m",
  "opt-1.3b": "facebook/opt-1.3b",
  "opt-6.7b": "facebook/opt-6.7b",
  "pythia-2.8b": "EleutherAI/pythia-2.8b",
  "pythia-12b": "EleutherAI/pythia-12b",
  "vicuna-7b": "lmsys/vicuna-7b-v1.3",
  "vicuna-13b": "lmsys/vicuna-13b-v1.3",
  "zephyr-7b-alpha": "HuggingFaceH4/zephyr-7b-alpha",
  "zephyr-7b-beta": "HuggingFaceH4/zephyr-7b-beta",
  "phi-1": "microsoft/phi-1",
  "phi-1_5": "microsoft/phi-1_5",
  "phi-2": "microsoft/phi-2"
};
function resolveBaseModel(name) {
  return Object.prototype.hasOwnProperty.call(MODEL_PRESETS, name) ? MODEL_PRESETS[name] : name;
}
function looksLikeLocalPath(name) {
  return /^(?:\/|\.{1,2}\/|~\/|[A-Za-z]:[\\/])/.test(name) || name.includes("\\") || name.split("/").length > 2;
}

// core/ludwig/peft.ts
var NON_LORA_HINT = "retrain instead: run `kolm migrate spec` without --adapter and `kolm compile` trains a LoRA on the base";
function jsonErrorPosition(text) {
  let i = 0;
  const ws = () => {
    while (i < text.length && " 	\n\r".includes(text[i])) i++;
  };
  const fail = () => {
    throw i;
  };
  const lit = (word) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const str = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\\") i++;
      else if (text.charCodeAt(i) < 32) fail();
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const num = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail();
    i += m[0].length;
  };
  const value = () => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (; ; ) {
        ws();
        if (text[i] !== '"') fail();
        str();
        ws();
        if (text[i] !== ":") fail();
        i++;
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "}") {
          i++;
          return;
        } else fail();
      }
    } else if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (; ; ) {
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "]") {
          i++;
          return;
        } else fail();
      }
    } else if (c === '"') str();
    else if (c === "t") lit("true");
    else if (c === "f") lit("false");
    else if (c === "n") lit("null");
    else num();
  };
  let offset;
  try {
    value();
    ws();
    if (i === text.length) return void 0;
    offset = i;
  } catch (at) {
    offset = Math.min(at, text.length);
  }
  const before = text.slice(0, offset);
  return { line: before.split("\n").length, column: offset - before.lastIndexOf("\n") };
}
function parsePeftAdapterConfig(text, file = "adapter_config.json") {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const pos = jsonErrorPosition(text);
    throw new KolmError("E_BAD_ADAPTER_CONFIG", `${file} is not valid JSON${pos ? ` (line ${pos.line}, column ${pos.column})` : ""}: ${err.message}`, {
      hint: "use the adapter_config.json that PEFT wrote next to the adapter weights",
      place: { file, ...pos ?? {} }
    });
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new KolmError("E_BAD_ADAPTER_CONFIG", `${file} must hold a JSON object`, { place: { file } });
  }
  const o = raw;
  const bad = (key, want) => new KolmError("E_BAD_ADAPTER_CONFIG", `${file}: "${key}" must be ${want}, got ${JSON.stringify(o[key])}`, {
    hint: "the file looks edited by hand; use the one PEFT wrote with the weights",
    place: { file, path: key }
  });
  const str = (key) => {
    const v = o[key];
    if (v === void 0 || v === null) return void 0;
    if (typeof v !== "string") throw bad(key, "a string or null");
    return v;
  };
  const num = (key, dflt, int = false) => {
    const v = o[key];
    if (v === void 0 || v === null) return dflt;
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || int && !Number.isInteger(v)) {
      throw bad(key, int ? "a non-negative integer" : "a non-negative number");
    }
    return v;
  };
  const bool = (key) => {
    const v = o[key];
    if (v === void 0 || v === null) return false;
    if (typeof v !== "boolean") throw bad(key, "true or false");
    return v;
  };
  const warnings = [];
  let peftType = str("peft_type");
  if (peftType === void 0) {
    if (o.r === void 0 && o.lora_alpha === void 0) throw bad("peft_type", 'a PEFT type such as "LORA"');
    peftType = "LORA";
    warnings.push(`${file}: peft_type is missing; read as LORA because the file has LoRA keys`);
  }
  if (peftType.toUpperCase() !== "LORA") {
    throw new KolmError(
      "E_NOT_PORTABLE",
      `${file}: peft_type is ${peftType}; kolm imports LoRA adapters only, so these weights cannot be carried`,
      { hint: NON_LORA_HINT, place: { file, path: "peft_type" } }
    );
  }
  if (bool("use_dora")) {
    throw new KolmError(
      "E_NOT_PORTABLE",
      `${file}: use_dora is true; DoRA weights (lora_magnitude_vector) are not plain LoRA and cannot be carried`,
      { hint: NON_LORA_HINT, place: { file, path: "use_dora" } }
    );
  }
  const r = num("r", 8, true);
  if (r === 0) throw bad("r", "a positive integer");
  const base = str("base_model_name_or_path");
  const tm = o.target_modules;
  let targetModules;
  if (typeof tm === "string") targetModules = tm;
  else if (Array.isArray(tm)) {
    if (!tm.every((x) => typeof x === "string")) throw bad("target_modules", "a list of module names, a regex or null");
    targetModules = tm.length ? [...tm].sort() : void 0;
  } else if (tm !== void 0 && tm !== null) throw bad("target_modules", "a list of module names, a regex or null");
  const bias = str("bias") ?? "none";
  const taskType = str("task_type");
  if (taskType && taskType !== "CAUSAL_LM") {
    warnings.push(`${file}: task_type is ${taskType}; kolm serves causal-LM adapters (Ludwig always writes CAUSAL_LM)`);
  }
  const mts = o.modules_to_save;
  if (Array.isArray(mts) && mts.length) {
    warnings.push(`${file}: modules_to_save (${mts.join(", ")}) are whole modules trained with the adapter; an import must load them too`);
  }
  for (const key of ["rank_pattern", "alpha_pattern"]) {
    const v = o[key];
    if (v && typeof v === "object" && Object.keys(v).length) {
      warnings.push(`${file}: ${key} sets per-module values (${Object.keys(v).join(", ")}); the spec carries one rank and alpha`);
    }
  }
  if (o.layers_to_transform !== void 0 && o.layers_to_transform !== null) {
    warnings.push(`${file}: layers_to_transform limits the adapter to some layers; the spec does not carry that`);
  }
  const init = o.init_lora_weights;
  if (typeof init === "string" && /^(pissa|olora|corda|loftq)/i.test(init)) {
    warnings.push(`${file}: init_lora_weights is "${init}", which changes the base weights; the adapter only matches that modified base`);
  }
  return {
    file,
    peftType: "LORA",
    base,
    baseIsLocalPath: base !== void 0 && looksLikeLocalPath(base),
    revision: str("revision"),
    r,
    alpha: num("lora_alpha", 8),
    dropout: num("lora_dropout", 0),
    bias,
    targetModules,
    useRslora: bool("use_rslora"),
    taskType,
    warnings
  };
}
function sameModules(a, b) {
  if (typeof a === "string" || typeof b === "string") return a === b;
  const sa = new Set(a);
  return sa.size === new Set(b).size && b.every((x) => sa.has(x));
}
function show(v) {
  return Array.isArray(v) ? `[${v.join(", ")}]` : JSON.stringify(v);
}
function crossCheckAdapter(ludwig, peft, configFile = "config.yaml") {
  const out = [];
  const say = (ludwigKey, peftKey, lv, pv) => {
    const dflt = ludwig.explicit.has(ludwigKey) ? "" : " (Ludwig default)";
    out.push(
      `adapter ${ludwigKey} mismatch: ${configFile} adapter.${ludwigKey} is ${show(lv)}${dflt}, ${peft.file} ${peftKey} is ${show(pv)}; using ${show(pv)} from the adapter (config and weights may be from different runs)`
    );
  };
  if (ludwig.r !== peft.r) say("r", "r", ludwig.r, peft.r);
  if (ludwig.alpha !== peft.alpha) say("alpha", "lora_alpha", ludwig.alpha, peft.alpha);
  if (Math.abs(ludwig.dropout - peft.dropout) > 1e-9) say("dropout", "lora_dropout", ludwig.dropout, peft.dropout);
  if (ludwig.bias !== peft.bias) say("bias_type", "bias", ludwig.bias, peft.bias);
  if (ludwig.useRslora !== peft.useRslora) say("use_rslora", "use_rslora", ludwig.useRslora, peft.useRslora);
  if (ludwig.targetModules !== void 0 && peft.targetModules !== void 0 && !sameModules(ludwig.targetModules, peft.targetModules)) {
    say("target_modules", "target_modules", ludwig.targetModules, peft.targetModules);
  }
  return out;
}

export {
  MODEL_PRESETS,
  resolveBaseModel,
  jsonErrorPosition,
  parsePeftAdapterConfig,
  crossCheckAdapter
};
