import {
  crossCheckAdapter,
  parsePeftAdapterConfig,
  resolveBaseModel
} from "./chunk-WP33B6NK.js";
import {
  parseTemplate
} from "./chunk-LL7JIVUI.js";
import {
  CONTEXT_FIELD,
  DEFAULT_ZERO_SHOT_PROMPT_TEMPLATE,
  SAMPLE_FIELD,
  TASK_FIELD,
  rebuildTemplate,
  sanitizeColumnName
} from "./chunk-3BN23YBG.js";
import {
  parseSpec
} from "./chunk-LIGPPG57.js";
import {
  KolmError,
  closestName
} from "./chunk-AYSNEYKG.js";

// core/ludwig/yaml.ts
import { LineCounter, parseDocument, isMap, isSeq, isScalar, visit } from "yaml";
function formatPath(path) {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out || "(top level)";
}
function parseLudwigYaml(text, file = "config.yaml") {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    const what = first.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
    throw new KolmError("E_BAD_YAML", `${file} is not valid YAML: ${what}${pos ? ` (line ${pos.line}, column ${pos.col})` : ""}`, {
      hint: "fix the YAML at that line (indentation, an unclosed bracket or quote, a duplicate key)",
      place: { file, ...pos ? { line: pos.line, column: pos.col } : {} },
      details: doc.errors.map((e) => ({ code: e.code, line: e.linePos?.[0]?.line, column: e.linePos?.[0]?.col }))
    });
  }
  const value = toPlain(doc, lineCounter, file);
  const locate = (path) => {
    let node = doc.contents;
    let found = isNodeLike(node) ? node : void 0;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === seg);
        if (!pair) break;
        node = pair.value;
        if (isNodeLike(pair.key)) found = pair.key;
        else if (isNodeLike(node)) found = node;
      } else if (isSeq(node) && typeof seg === "number") {
        const item = node.items[seg];
        if (item === void 0) break;
        node = item;
        if (isNodeLike(node)) found = node;
      } else break;
    }
    const offset = found?.range?.[0];
    if (offset === void 0) return void 0;
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  return { value, file, locate };
}
function toPlain(doc, lineCounter, file) {
  const refuse = (what) => {
    const pos = firstAliasPosition(doc, lineCounter);
    return new KolmError("E_BAD_YAML", `${file} is not a config kolm reads: ${what}${pos ? ` (line ${pos.line}, column ${pos.column})` : ""}`, {
      hint: "write the values out instead of using YAML anchors and aliases (&name / *name)",
      place: { file, ...pos ? { line: pos.line, column: pos.column } : {} }
    });
  };
  let value;
  try {
    value = doc.toJS({ maxAliasCount: 1e3 });
  } catch (err) {
    const msg = err.message ?? String(err);
    throw refuse(/Excessive alias count/i.test(msg) ? "its aliases expand to too many values (an alias bomb?)" : msg.split("\n")[0]);
  }
  if (isCyclic(value)) throw refuse("an alias refers to a value that contains it, so the config never ends");
  return value;
}
function firstAliasPosition(doc, lineCounter) {
  let offset;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    }
  });
  if (offset === void 0) return void 0;
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}
function isCyclic(root) {
  const onPath = /* @__PURE__ */ new Set();
  const done = /* @__PURE__ */ new Set();
  const walk = (v) => {
    if (v === null || typeof v !== "object" || done.has(v)) return false;
    if (onPath.has(v)) return true;
    onPath.add(v);
    const children = v instanceof Map ? [...v.values()] : Object.values(v);
    const found = children.some(walk);
    onPath.delete(v);
    done.add(v);
    return found;
  };
  return walk(root);
}
function isNodeLike(x) {
  return typeof x === "object" && x !== null && "range" in x;
}

// core/ludwig/located.ts
var isObj = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var LocatedReader = class {
  constructor(y) {
    this.y = y;
  }
  y;
  warnings = [];
  refusals = [];
  line(path) {
    return this.y.locate(path)?.line;
  }
  where(path) {
    const line = this.line(path);
    return `${formatPath(path)}${line !== void 0 ? ` (line ${line})` : ""}`;
  }
  warn(path, message) {
    this.warnings.push(`${this.where(path)}: ${message}`);
  }
  refuse(path, label, reason) {
    this.refusals.push({ path: label, line: this.line(path), reason });
  }
  error(path, message, hint, code = "E_BAD_CONFIG") {
    const pos = this.y.locate(path);
    return new KolmError(code, `${this.y.file}: ${formatPath(path)}: ${message}`, {
      hint,
      place: { file: this.y.file, ...pos ? { line: pos.line, column: pos.column } : {}, path: formatPath(path) }
    });
  }
  num(path, value, opts = {}) {
    const n = typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value)) ? Number(value) : value;
    const want = `${opts.int ? "an integer" : "a number"}${opts.gt !== void 0 ? ` > ${opts.gt}` : ""}${opts.min !== void 0 ? ` \u2265 ${opts.min}` : ""}${opts.max !== void 0 ? ` \u2264 ${opts.max}` : ""}`;
    if (typeof n !== "number" || !Number.isFinite(n) || opts.int && !Number.isInteger(n) || opts.min !== void 0 && n < opts.min || opts.gt !== void 0 && n <= opts.gt || opts.max !== void 0 && n > opts.max) {
      throw this.error(path, `must be ${want}, got ${JSON.stringify(value)}`, `set ${formatPath(path)} to ${want}`);
    }
    return n;
  }
  bool(path, value) {
    if (typeof value === "boolean") return value;
    if (typeof value === "string") {
      if (/^(yes|true|on)$/i.test(value)) return true;
      if (/^(no|false|off)$/i.test(value)) return false;
    }
    throw this.error(path, `must be true or false, got ${JSON.stringify(value)}`, `set ${formatPath(path)} to true or false`);
  }
  str(path, value) {
    if (typeof value === "string" && value !== "") return value;
    throw this.error(path, `must be a non-empty string, got ${JSON.stringify(value)}`, `set ${formatPath(path)} to a string`);
  }
};

// core/ludwig/data-plan.ts
var LUDWIG_SEED = 42;
function readDataPlan(ctx, root) {
  const p = root.preprocessing;
  if (p === void 0 || p === null) return {};
  if (!isObj(p)) throw ctx.error(["preprocessing"], "must be a mapping", "write preprocessing: {split: {type: fixed}}");
  const at = (...k) => ["preprocessing", ...k];
  const out = {};
  const probs = (path, v) => {
    if (!Array.isArray(v) || v.length !== 3) throw ctx.error(path, "must be three numbers [train, validation, test]", "write probabilities: [0.7, 0.1, 0.2]");
    const nums = v.map((x, i) => ctx.num([...path, i], x, { min: 0, max: 1 }));
    if (Math.abs(nums[0] + nums[1] + nums[2] - 1) > 1e-6) throw ctx.error(path, `must sum to 1, got ${nums.join(" + ")}`, "make the three probabilities sum to 1");
    return nums;
  };
  let split = p.split;
  let splitPath = at("split");
  if ((split === void 0 || split === null) && p.split_probabilities !== void 0) {
    split = { type: "random", probabilities: p.split_probabilities };
    splitPath = at("split_probabilities");
  }
  if ((split === void 0 || split === null) && typeof p.stratify === "string") {
    split = { type: "stratify", column: p.stratify };
    splitPath = at("stratify");
  }
  if ((split === void 0 || split === null) && p.force_split !== void 0) {
    split = { type: "random" };
    splitPath = at("force_split");
  }
  if (split !== void 0 && split !== null) {
    if (!isObj(split)) throw ctx.error(splitPath, "must be a mapping", "write split: {type: fixed, column: split}");
    const type = split.type ?? "random";
    const sp = (k) => splitPath === at("split") ? [...splitPath, k] : splitPath;
    if (type === "fixed") {
      const column = split.column === void 0 || split.column === null ? "split" : ctx.str(sp("column"), split.column);
      out.split = { type: "fixed", column: sanitizeColumnName(column) };
    } else if (type === "random") {
      out.split = { type: "random", probabilities: split.probabilities === void 0 ? [0.7, 0.1, 0.2] : probs(sp("probabilities"), split.probabilities), seed: LUDWIG_SEED };
    } else if (type === "stratify" || type === "datetime" || type === "hash") {
      const probabilities = split.probabilities === void 0 ? [0.7, 0.1, 0.2] : probs(sp("probabilities"), split.probabilities);
      out.split = { type: "random", probabilities, seed: LUDWIG_SEED };
      ctx.warn(splitPath, `a ${String(type)} split${split.column ? ` on ${String(split.column)}` : ""} becomes a seeded random split with the same probabilities (${probabilities.join("/")}); the rows in each split will differ`);
    } else {
      throw ctx.error(sp("type"), `unknown split type ${JSON.stringify(type)}`, "use fixed, random, stratify, datetime or hash");
    }
  }
  const ratio = p.sample_ratio === void 0 || p.sample_ratio === null ? 1 : ctx.num(at("sample_ratio"), p.sample_ratio, { gt: 0, max: 1 });
  const size = p.sample_size === void 0 || p.sample_size === null ? void 0 : ctx.num(at("sample_size"), p.sample_size, { int: true, gt: 0 });
  if (size !== void 0 && ratio < 1) {
    throw ctx.error(at("sample_size"), "cannot be used together with sample_ratio < 1 (Ludwig rejects it)", "keep one of sample_ratio and sample_size");
  }
  if (ratio < 1 || size !== void 0) out.sampling = { ...ratio < 1 ? { ratio } : {}, ...size !== void 0 ? { size } : {}, seed: LUDWIG_SEED };
  for (const k of ["oversample_minority", "undersample_majority"]) {
    if (p[k] !== void 0 && p[k] !== null) ctx.warn(at(k), `not carried (${JSON.stringify(p[k])}): kolm trains on the rows as they are; rebalance the data first if it matters`);
  }
  if (p.global_max_sequence_length !== void 0 && p.global_max_sequence_length !== null) {
    ctx.warn(at("global_max_sequence_length"), `not carried (${String(p.global_max_sequence_length)}): examples are not truncated`);
  }
  const handled = /* @__PURE__ */ new Set(["split", "split_probabilities", "stratify", "force_split", "sample_ratio", "sample_size", "oversample_minority", "undersample_majority", "global_max_sequence_length", "random_seed"]);
  for (const k of Object.keys(p)) {
    if (handled.has(k) || p[k] === null || p[k] === void 0) continue;
    ctx.warn(at(k), "not carried");
  }
  if (p.random_seed !== void 0 && p.random_seed !== 42) {
    ctx.warn(at("random_seed"), `not carried: sampling and random splits use seed 42 (Ludwig's default), so rows may differ from Ludwig's ${String(p.random_seed)}`);
  }
  return out;
}

// core/ludwig/features.ts
var FEATURE_TYPES = [
  "audio",
  "bag",
  "binary",
  "category",
  "category_distribution",
  "date",
  "h3",
  "image",
  "number",
  "sequence",
  "set",
  "text",
  "timeseries",
  "vector",
  "anomaly"
];
function readFeatures(ctx, root, key) {
  const list = root[key];
  if (!Array.isArray(list) || list.length === 0) {
    throw ctx.error(
      [key],
      `must be a non-empty list of features, got ${list === void 0 ? "nothing" : JSON.stringify(list)}`,
      `list the ${key === "input_features" ? "input" : "output"} columns, e.g. ${key}: [{name: ${key === "input_features" ? "prompt" : "response"}, type: text}]`
    );
  }
  return list.map((raw, index) => {
    const path = [key, index];
    if (!isObj(raw)) throw ctx.error(path, "must be a mapping with name and type", "write each feature as {name: column, type: text}");
    const name = ctx.str([...path, "name"], raw.name);
    const type = ctx.str([...path, "type"], raw.type);
    if (!FEATURE_TYPES.includes(type)) {
      const near = closestName(type, FEATURE_TYPES);
      throw ctx.error([...path, "type"], `unknown feature type ${JSON.stringify(type)}`, near ? `did you mean ${near}?` : `use one of ${FEATURE_TYPES.join(", ")}`);
    }
    const column = raw.column === void 0 || raw.column === null ? name : ctx.str([...path, "column"], raw.column);
    return { index, path, raw, name, type, column: sanitizeColumnName(column) };
  });
}
var featureLabel = (f, key) => `${key}[${f.index}] (${f.name}: ${f.type})`;
function featureWarnings(ctx, input, output, modelType) {
  const inputs = Array.isArray(input) ? input : [input];
  for (const f of inputs) {
    for (const [k, v] of Object.entries(f.raw)) {
      if (["name", "type", "column", "proc_column", "active", "preprocessing"].includes(k) || v === null || v === void 0) continue;
      if (k === "encoder") {
        const type = isObj(v) ? v.type : v;
        ctx.warn([...f.path, "encoder"], `dropped${type ? ` (type: ${String(type)})` : ""}: encoder weights are not transferable`);
      } else if (k === "tied") ctx.warn([...f.path, "tied"], "dropped: weight tying between features has no text-to-text equivalent");
      else ctx.warn([...f.path, k], "not carried");
    }
    const pre2 = f.raw.preprocessing;
    if (isObj(pre2)) {
      for (const [k, v] of Object.entries(pre2)) {
        if (k === "prompt" || v === null || v === void 0) continue;
        if (k === "lowercase" && v === true) ctx.warn([...f.path, "preprocessing", k], "not carried: Ludwig lowercased this input; kolm keeps the case (lowercase the data first to match)");
        else if (modelType === "llm" && k === "max_sequence_length") ctx.warn([...f.path, "preprocessing", k], `not carried (${String(v)}): inputs are not truncated`);
        else ctx.warn([...f.path, "preprocessing", k], `not carried (${JSON.stringify(v)})`);
      }
    }
  }
  for (const [k, v] of Object.entries(output.raw)) {
    if (["name", "type", "column", "proc_column", "active", "preprocessing"].includes(k) || v === null || v === void 0) continue;
    if (modelType === "llm" && output.type === "category" && k === "decoder") continue;
    ctx.warn([...output.path, k], k === "decoder" || k === "loss" ? "dropped: the output head is not transferable" : "not carried");
  }
  const pre = output.raw.preprocessing;
  if (isObj(pre)) {
    for (const [k, v] of Object.entries(pre)) {
      if (v === null || v === void 0) continue;
      if (k === "max_sequence_length" && modelType === "llm") continue;
      if (k === "fallback_label" && modelType === "llm") continue;
      ctx.warn([...output.path, "preprocessing", k], `not carried (${JSON.stringify(v)})`);
    }
  }
}

// core/ludwig/spec-draft.ts
function objectShape(ctx, columns, path) {
  const shape = {};
  for (const c of columns) {
    if (/\s/.test(c)) {
      throw ctx.error(path, `column "${c}" has whitespace, which spec field names cannot hold`, `rename the column (e.g. "${c.replace(/\s+/g, "_")}") in the data and the config`);
    }
    shape[c] = "string";
  }
  return shape;
}
function specName(text) {
  const slug = text.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[^A-Za-z0-9]+/, "").replace(/-+$/, "");
  return slug || "spec";
}

// core/ludwig/ecd.ts
var ECD_TEXTUALIZED_INPUTS = {
  category: "the category value becomes text in the input",
  number: "the number becomes text in the input",
  binary: "the true/false value becomes text in the input",
  sequence: "the token sequence becomes text in the input"
};
function translateEcd(ctx, root, inputs, outputs, options) {
  if (options.adapter) {
    throw new KolmError("E_BAD_CONFIG", `${ctx.y.file} is an ECD config (no model_type: llm), but an adapter was given`, {
      hint: "an adapter export belongs to an LLM fine-tune: pass that config, or drop --adapter",
      place: { file: ctx.y.file, path: "model_type" }
    });
  }
  const output = outputs[0];
  const seen = /* @__PURE__ */ new Set();
  for (const f of inputs) {
    if (f.type !== "text") ctx.warn(f.path, `carried with loss: ${ECD_TEXTUALIZED_INPUTS[f.type] ?? "the value becomes text"}, where Ludwig encoded it as ${f.type}`);
    if (seen.has(f.column)) throw ctx.error(f.path, `column ${f.column} is read by two input features`, "keep one feature per column");
    seen.add(f.column);
  }
  if (seen.has(output.column)) throw ctx.error(output.path, `the output column ${output.column} is also an input`, "an output column cannot be an input too");
  let outputKind;
  if (output.type === "category") outputKind = "label";
  else if (output.type === "binary") {
    outputKind = "label";
    ctx.warn(output.path, 'carried as a label: the target is the cell text as written ("true"/"false", "1"/"0", "yes"/"no")');
  } else if (output.type === "number") {
    outputKind = "number";
    ctx.warn(output.path, "carried with loss: regression becomes generating the number as text; metrics change");
  } else if (output.type === "sequence") {
    ctx.warn(output.path, "carried with loss: the token sequence is generated as text");
  }
  if (root.combiner !== void 0 && root.combiner !== null) ctx.warn(["combiner"], "dropped (concat): it joins encoded features; kolm reads the columns directly");
  if (root.trainer !== void 0 && root.trainer !== null) ctx.warn(["trainer"], "dropped: ECD training settings do not apply; kolm compiles a recipe (or add a base model to the spec to train an adapter)");
  const inputColumns = inputs.map((f) => f.column);
  const spec = {
    kolm: 1,
    name: specName(options.name ?? output.column),
    task: `map ${inputColumns.join(" and ")} to ${output.column}`,
    shape: { input: inputColumns.length === 1 ? "string" : objectShape(ctx, inputColumns, ["input_features"]), output: "string" },
    ...outputKind ? { output_kind: outputKind } : {}
  };
  featureWarnings(ctx, inputs, output, "ecd");
  return { spec, mapping: { inputColumns, outputColumn: output.column, ...readDataPlan(ctx, root) } };
}

// core/ludwig/llm-generation.ts
var GENERATION_DEFAULTS = {
  max_new_tokens: 32,
  max_length: 32,
  min_new_tokens: null,
  temperature: 0.1,
  top_k: 50,
  top_p: 1,
  num_beams: 1,
  repetition_penalty: 1,
  no_repeat_ngram_size: 0,
  use_cache: true,
  pad_token_id: null,
  bos_token_id: null,
  eos_token_id: null
};
function readGeneration(ctx, root, output, legacy, versionNote) {
  const g = root.generation;
  if (g !== void 0 && g !== null && !isObj(g)) throw ctx.error(["generation"], "must be a mapping", "write generation: {max_new_tokens: 64, temperature: 0.1}");
  const gen = isObj(g) ? g : {};
  const has = (k) => gen[k] !== void 0 && gen[k] !== null;
  const path = (k) => ["generation", k];
  const out = {};
  let maxNew = has("max_new_tokens") ? ctx.num(path("max_new_tokens"), gen.max_new_tokens, { int: true, gt: 0 }) : 32;
  if (maxNew === 32 && output.type === "text") {
    const outPre = isObj(output.raw.preprocessing) ? output.raw.preprocessing : {};
    const pre = isObj(root.preprocessing) ? root.preprocessing : {};
    if (typeof outPre.max_sequence_length === "number") {
      maxNew = Math.max(32, outPre.max_sequence_length);
      if (maxNew !== 32) ctx.warn(path("max_new_tokens"), `${maxNew}: Ludwig raises 32 to the output's max_sequence_length`);
    } else if (typeof pre.global_max_sequence_length === "number") {
      maxNew = Math.max(32, pre.global_max_sequence_length);
      if (maxNew !== 32) ctx.warn(path("max_new_tokens"), `${maxNew}: Ludwig raises 32 to preprocessing.global_max_sequence_length`);
    } else {
      ctx.warn(path("max_new_tokens"), "kept at 32, but Ludwig replaces 32 with half the base model's context length; raise it if outputs are long");
    }
  }
  out.max_new_tokens = maxNew;
  out.temperature = has("temperature") ? ctx.num(path("temperature"), gen.temperature, { min: 0 }) : 0.1;
  if (has("top_p")) out.top_p = ctx.num(path("top_p"), gen.top_p, { gt: 0, max: 1 });
  if (has("top_k")) {
    const k = ctx.num(path("top_k"), gen.top_k, { int: true, min: 0 });
    if (k > 0) out.top_k = k;
    else ctx.warn(path("top_k"), "0 (no top-k filtering) is not carried");
  }
  out.do_sample = has("do_sample") ? ctx.bool(path("do_sample"), gen.do_sample) : !legacy;
  if (!has("do_sample") && legacy) ctx.warn(path("do_sample"), `not set: false (Ludwig 0.8 default; ${versionNote})`);
  if (has("repetition_penalty")) out.repetition_penalty = ctx.num(path("repetition_penalty"), gen.repetition_penalty, { gt: 0 });
  const carried = /* @__PURE__ */ new Set(["max_new_tokens", "temperature", "top_p", "top_k", "do_sample", "repetition_penalty", "max_length", "use_cache", "pad_token_id", "bos_token_id", "eos_token_id"]);
  for (const [k, v] of Object.entries(gen)) {
    if (carried.has(k) || v === null || v === void 0 || v === GENERATION_DEFAULTS[k]) continue;
    ctx.warn(path(k), `not carried (${JSON.stringify(v)})`);
  }
  return out;
}

// core/ludwig/llm-prompt.ts
function resolvePrompt(ctx, root, input, output) {
  const featurePre = isObj(input.raw.preprocessing) ? input.raw.preprocessing : void 0;
  const candidates = [
    [[...input.path, "preprocessing", "prompt"], featurePre?.prompt],
    [["prompt"], root.prompt]
  ];
  let path = ["prompt"];
  let prompt;
  for (const [p, value] of candidates) {
    if (value === void 0 || value === null) continue;
    if (!isObj(value)) throw ctx.error(p, "must be a mapping with template and/or task", 'write prompt: {template: "\u2026{column}\u2026"}');
    if ((value.template ?? null) !== null || (value.task ?? null) !== null) {
      path = p;
      prompt = value;
      break;
    }
  }
  if (prompt && path !== candidates[1][0] && isObj(root.prompt) && (root.prompt.template ?? root.prompt.task ?? null) !== null) {
    ctx.warn(["prompt"], `ignored: ${formatPath(path)} takes priority (Ludwig applies the feature's own prompt)`);
  }
  const templateRaw = prompt?.template ?? null;
  const taskRaw = prompt?.task ?? null;
  const task = taskRaw === null ? void 0 : ctx.str([...path, "task"], taskRaw);
  if (templateRaw === null && task === void 0) {
    return { inputColumns: [input.column] };
  }
  const templatePath = [...path, "template"];
  const source = templateRaw === null ? DEFAULT_ZERO_SHOT_PROMPT_TEMPLATE : ctx.str(templatePath, templateRaw);
  if (templateRaw === null) ctx.warn([...path, "task"], "no template: Ludwig's zero-shot default template is used");
  let parsed;
  try {
    parsed = parseTemplate(source);
  } catch (err) {
    if (err instanceof KolmError && err.code === "E_BAD_TEMPLATE") {
      const pos = ctx.y.locate(templatePath);
      throw new KolmError("E_BAD_TEMPLATE", `${ctx.y.file}: ${formatPath(templatePath)}: ${err.message}`, {
        hint: err.hint,
        place: { file: ctx.y.file, ...pos ? { line: pos.line } : {}, path: formatPath(templatePath) },
        details: err.data
      });
    }
    throw err;
  }
  const bad = (message, hint) => ctx.error(templatePath, message, hint, "E_BAD_TEMPLATE");
  if (parsed.fields.length === 0) {
    throw bad("the template reads no column, so every example would get the same prompt", 'put the input column in braces, e.g. "Question: {question}"');
  }
  if (task !== void 0 && !parsed.fields.includes(TASK_FIELD)) {
    throw bad("prompt.task is set but the template has no {__task__} (Ludwig requires it)", "add {__task__} where the task goes, or remove prompt.task");
  }
  if (task === void 0 && parsed.fields.includes(TASK_FIELD)) {
    throw bad("the template reads {__task__} but prompt.task is not set", "set prompt.task, or remove {__task__}");
  }
  if (parsed.columns.includes(output.column)) {
    throw bad(`the template reads the output column {${output.column}}; Ludwig appends the output itself`, `remove {${output.column}} from the template`);
  }
  if (parsed.fields.includes(CONTEXT_FIELD)) {
    ctx.warn(templatePath, "{__context__} renders empty without retrieval, as in Ludwig");
  }
  const inputColumns = [...parsed.columns];
  let sampleColumn;
  if (parsed.fields.includes(SAMPLE_FIELD)) {
    sampleColumn = input.column;
    if (!inputColumns.includes(sampleColumn)) inputColumns.unshift(sampleColumn);
    if (inputColumns.length > 1) {
      ctx.warn(templatePath, `{__sample__} reads column ${sampleColumn} (the input feature) alongside other columns`);
    }
  }
  const template = rebuildTemplate(parsed, { [TASK_FIELD]: task ?? "", [CONTEXT_FIELD]: "" });
  return { template, templatePath, task, inputColumns, ...sampleColumn && inputColumns.length > 1 ? { sampleColumn } : {} };
}

// core/ludwig/llm-training.ts
function readLora(ctx, a, at, legacy, versionNote) {
  const explicit = /* @__PURE__ */ new Set();
  const has = (k) => a[k] !== void 0 && a[k] !== null;
  let r;
  if (a.type === "adalora") {
    r = has("target_r") ? ctx.num(at("target_r"), a.target_r, { int: true, gt: 0 }) : 8;
    ctx.warn(at("type"), `adalora becomes lora with r = target_r (${r}); the adaptive rank schedule is not carried`);
  } else {
    r = has("r") ? ctx.num(at("r"), a.r, { int: true, gt: 0 }) : 8;
  }
  if (has("r")) explicit.add("r");
  let alpha;
  if (has("alpha")) {
    alpha = ctx.num(at("alpha"), a.alpha, { gt: 0 });
    explicit.add("alpha");
  } else {
    alpha = legacy ? 16 : 2 * r;
    ctx.warn(at("alpha"), `not set: using ${alpha} (${legacy ? "Ludwig 0.8 default 16" : "Ludwig's default 2 \xD7 r"}; ${versionNote})`);
  }
  const dropout = has("dropout") ? ctx.num(at("dropout"), a.dropout, { min: 0, max: 1 }) : 0.05;
  if (has("dropout")) explicit.add("dropout");
  const bias = has("bias_type") ? ctx.str(at("bias_type"), a.bias_type) : "none";
  if (has("bias_type")) explicit.add("bias_type");
  if (bias !== "none") ctx.warn(at("bias_type"), `"${bias}" also trains bias terms; the spec carries LoRA matrices only`);
  if (has("bias")) ctx.warn(at("bias"), 'Ludwig calls this key bias_type; "bias" is ignored by Ludwig and here');
  let targetModules;
  if (has("target_modules")) {
    const tm = a.target_modules;
    if (typeof tm === "string") targetModules = tm;
    else if (Array.isArray(tm) && tm.length && tm.every((x) => typeof x === "string")) targetModules = tm;
    else throw ctx.error(at("target_modules"), "must be a list of module names or a string", "write target_modules: [q_proj, v_proj]");
    explicit.add("target_modules");
  }
  const useRslora = has("use_rslora") ? ctx.bool(at("use_rslora"), a.use_rslora) : false;
  if (has("use_rslora")) explicit.add("use_rslora");
  const carried = /* @__PURE__ */ new Set(["type", "r", "alpha", "dropout", "bias_type", "bias", "target_modules", "use_rslora", "use_dora", "pretrained_adapter_weights", "postprocessor", "target_r"]);
  if (typeof a === "object") {
    for (const k of Object.keys(a)) {
      if (carried.has(k) || a[k] === null || a[k] === void 0) continue;
      if (k === "rank_pattern" || k === "alpha_pattern") {
        if (isObj(a[k]) && Object.keys(a[k]).length) ctx.warn(at(k), "per-module values are not carried; one rank and alpha are");
        continue;
      }
      ctx.warn(at(k), "not carried");
    }
  }
  return { r, alpha, dropout, bias, targetModules, useRslora, explicit };
}
function ludwigDefaultLora() {
  return { r: 8, alpha: 16, dropout: 0.05, bias: "none", useRslora: false, explicit: /* @__PURE__ */ new Set() };
}
function loraToTrain(s) {
  return {
    rank: s.r,
    alpha: s.alpha,
    dropout: s.dropout,
    ...s.targetModules !== void 0 ? { target_modules: s.targetModules } : {},
    ...s.useRslora ? { use_rslora: true } : {}
  };
}
function readTrainer(ctx, t) {
  const has = (k) => t[k] !== void 0 && t[k] !== null;
  const out = {};
  if (has("epochs")) out.epochs = ctx.num(["trainer", "epochs"], t.epochs, { gt: 0 });
  else {
    out.epochs = 100;
    ctx.warn(["trainer", "epochs"], "not set: using Ludwig's finetune default of 100 epochs (Ludwig inherits it from the ECD trainer); set it if that is not what ran");
  }
  if (has("learning_rate") && t.learning_rate !== "auto") out.learning_rate = ctx.num(["trainer", "learning_rate"], t.learning_rate, { gt: 0 });
  else {
    out.learning_rate = 1e-3;
    ctx.warn(["trainer", "learning_rate"], `${t.learning_rate === "auto" ? '"auto" (a learning-rate search) is not carried' : "not set"}: using Ludwig's finetune default 0.001`);
  }
  if (has("batch_size") && t.batch_size !== "auto") out.batch_size = ctx.num(["trainer", "batch_size"], t.batch_size, { int: true, gt: 0 });
  else if (t.batch_size === "auto") ctx.warn(["trainer", "batch_size"], '"auto" is not carried: kolm picks the batch size for the GPU it trains on');
  else out.batch_size = 1;
  if (has("gradient_accumulation_steps") && t.gradient_accumulation_steps !== "auto") {
    out.gradient_accumulation_steps = ctx.num(["trainer", "gradient_accumulation_steps"], t.gradient_accumulation_steps, { int: true, gt: 0 });
  }
  const carried = /* @__PURE__ */ new Set(["type", "epochs", "learning_rate", "batch_size", "gradient_accumulation_steps", "eval_batch_size"]);
  const dropped = Object.keys(t).filter((k) => !carried.has(k) && t[k] !== null && t[k] !== void 0 && t[k] !== "auto");
  for (const k of dropped) {
    const why = k === "train_steps" ? "not carried: training length is set by epochs" : "not carried: kolm's trainer uses its own optimizer, schedule and checkpointing";
    ctx.warn(["trainer", k], why);
  }
  return out;
}

// core/ludwig/llm.ts
function ludwigVersion(root) {
  const v = root.ludwig_version;
  if (v === void 0 || v === null) return { legacy: root.base_model === void 0 && root.model_name !== void 0 };
  const m = /^(\d+)\.(\d+)/.exec(String(v));
  if (!m) return { legacy: false, text: String(v) };
  return { legacy: Number(m[1]) === 0 && Number(m[2]) < 9, text: String(v) };
}
function translateLlm(ctx, root, inputs, outputs, options) {
  const version = ludwigVersion(root);
  const versionNote = version.text ? `ludwig_version ${version.text}` : "no ludwig_version (legacy model_name key)";
  let baseKey = "base_model";
  let baseRaw = root.base_model;
  if ((baseRaw === void 0 || baseRaw === null) && root.model_name !== void 0) {
    baseKey = "model_name";
    baseRaw = root.model_name;
    ctx.warn(["model_name"], "read as base_model (model_name is its name before Ludwig 0.8)");
  }
  let base;
  if (baseRaw !== void 0 && baseRaw !== null) {
    const given = ctx.str([baseKey], baseRaw);
    base = resolveBaseModel(given);
    if (base !== given) ctx.warn([baseKey], `Ludwig preset "${given}" resolved to ${base}`);
  } else if (!options.adapter?.base || options.adapter.baseIsLocalPath) {
    throw ctx.error([], "base_model is missing", "add base_model: <Hugging Face id> (e.g. meta-llama/Llama-3.1-8B-Instruct)");
  }
  if (inputs.length !== 1 || inputs[0].type !== "text") {
    throw ctx.error(
      ["input_features"],
      `LLM requires exactly one text input feature; found ${inputs.map((f) => `${f.name} (${f.type})`).join(", ")}`,
      "keep one text input (e.g. a placeholder named prompt) and read the other columns in prompt.template"
    );
  }
  const input = inputs[0];
  const output = outputs[0];
  if (output.type !== "text" && output.type !== "category") {
    throw ctx.error([...output.path, "type"], `an LLM output feature is text or category, not ${output.type}`, "set the output feature type to text");
  }
  const trainerRaw = root.trainer;
  const trainer = isObj(trainerRaw) ? trainerRaw : typeof trainerRaw === "string" ? { type: trainerRaw } : {};
  if (trainerRaw !== void 0 && trainerRaw !== null && !isObj(trainerRaw) && typeof trainerRaw !== "string") {
    throw ctx.error(["trainer"], "must be a mapping", "write trainer: {type: finetune, epochs: 3, learning_rate: 0.0002}");
  }
  const trainerType = trainer.type ?? "none";
  if (trainerType !== "none" && trainerType !== "finetune") {
    throw ctx.error(["trainer", "type"], `unknown LLM trainer type ${JSON.stringify(trainerType)}`, "use trainer.type: finetune (or none for zero-shot)");
  }
  if (output.type === "category") {
    if (trainerType === "finetune") {
      throw ctx.error([...output.path, "type"], "fine-tuning an LLM needs a text output feature (Ludwig allows category only for zero-shot)", "set the output feature type to text");
    }
    ctx.warn(output.path, "a category output on an LLM is zero-shot label extraction; the decoder match rules and fallback_label are dropped and the label column is the target");
  }
  const { template, templatePath, task, inputColumns, sampleColumn } = resolvePrompt(ctx, root, input, output);
  const adapterRaw = root.adapter;
  const adapter = typeof adapterRaw === "string" ? { type: adapterRaw } : isObj(adapterRaw) ? adapterRaw : void 0;
  const adapterPath = (k) => typeof adapterRaw === "string" ? ["adapter"] : ["adapter", k];
  const lora = adapter ? readLora(ctx, adapter, adapterPath, version.legacy, versionNote) : void 0;
  if (adapter?.pretrained_adapter_weights !== void 0 && adapter.pretrained_adapter_weights !== null) {
    ctx.warn(adapterPath("pretrained_adapter_weights"), "not carried: pass the adapter folder with --adapter to import weights");
  }
  let train;
  if (trainerType === "finetune") {
    let settings = lora;
    if (!settings) {
      settings = ludwigDefaultLora();
      ctx.warn(["trainer"], "no adapter: this was a full fine-tune; kolm trains a LoRA adapter instead (r 8, alpha 16, dropout 0.05)");
    }
    train = { adapter: "lora", ...loraToTrain(settings), ...readTrainer(ctx, trainer) };
  } else {
    if (adapter && (adapter.pretrained_adapter_weights === void 0 || adapter.pretrained_adapter_weights === null)) {
      throw ctx.error(
        ["adapter"],
        "an adapter needs trainer.type: finetune (Ludwig rejects an adapter with trainer none)",
        "add trainer: {type: finetune, epochs: \u2026, learning_rate: \u2026}, or remove the adapter for zero-shot"
      );
    }
    ctx.warn(["trainer"], `trainer type is none (${trainerRaw === void 0 ? "no trainer section" : "zero-shot"}): the spec has a base model but no training settings`);
  }
  const exported = options.adapter ? applyExportedAdapter(ctx, options.adapter, base, baseKey, lora, train) : void 0;
  if (exported) base = exported.base;
  const baseRevision = exported?.revision;
  const quantization = readQuantization(ctx, root, adapter);
  const generation = readGeneration(ctx, root, output, version.legacy, versionNote);
  const inputShape = inputColumns.length === 1 ? "string" : objectShape(ctx, inputColumns, templatePath ?? ["input_features"]);
  const spec = {
    kolm: 1,
    name: specName(options.name ?? output.column),
    task: task ?? `map ${inputColumns.join(" and ")} to ${output.column}`,
    shape: { input: inputShape, output: "string" },
    ...output.type === "category" ? { output_kind: "label" } : {},
    ...base ? { base } : {},
    ...baseRevision ? { base_revision: baseRevision } : {},
    ...train ? { train } : {},
    ...template ? { prompt: { template } } : {},
    generation,
    quantization
  };
  const mapping = {
    inputColumns,
    outputColumn: output.column,
    ...template ? { template } : {},
    ...sampleColumn ? { sampleColumn } : {},
    ...readDataPlan(ctx, root)
  };
  featureWarnings(ctx, input, output, "llm");
  return { spec, mapping };
}
function applyExportedAdapter(ctx, peft, yamlBase, baseKey, lora, train) {
  let base = yamlBase;
  ctx.warnings.push(...peft.warnings);
  if (peft.base && !peft.baseIsLocalPath) {
    if (base && base !== peft.base) {
      ctx.warnings.push(`base model mismatch: ${ctx.y.file} ${baseKey} is ${base}, ${peft.file} base_model_name_or_path is ${peft.base}; using ${peft.base} (the weights were trained on it)`);
    }
    base = peft.base;
  } else if (peft.base) {
    ctx.warnings.push(`${peft.file}: base_model_name_or_path is a local path (${peft.base}); using ${base} from ${ctx.y.file}`);
  }
  if (train) {
    const settings = lora ?? ludwigDefaultLora();
    if (lora) ctx.warnings.push(...crossCheckAdapter(lora, peft, ctx.y.file));
    else ctx.warnings.push(`${peft.file}: the config has no adapter (full fine-tune) but a LoRA adapter was given; using its settings`);
    Object.assign(train, loraToTrain({
      ...settings,
      r: peft.r,
      alpha: peft.alpha,
      dropout: peft.dropout,
      targetModules: peft.targetModules ?? settings.targetModules,
      useRslora: peft.useRslora
    }));
  } else {
    ctx.warnings.push(`${peft.file}: trainer type is none, so the spec has no train section; the adapter's r ${peft.r} / alpha ${peft.alpha} are not recorded`);
  }
  return { base, revision: peft.revision };
}
function readQuantization(ctx, root, adapter) {
  let quantization = "f16";
  const q = root.quantization;
  if (q !== void 0 && q !== null) {
    if (!isObj(q)) throw ctx.error(["quantization"], "must be a mapping", "write quantization: {bits: 4}");
    const bits = q.bits === void 0 || q.bits === null ? 4 : ctx.num(["quantization", "bits"], q.bits, { int: true });
    if (bits !== 4 && bits !== 8) throw ctx.error(["quantization", "bits"], `must be 4 or 8, got ${bits}`, "set quantization.bits to 4 or 8");
    quantization = bits === 4 ? "int4" : "int8";
    const defaults = { bits: void 0, llm_int8_threshold: 6, llm_int8_has_fp16_weight: false, bnb_4bit_compute_dtype: "float16", bnb_4bit_use_double_quant: true, bnb_4bit_quant_type: "nf4" };
    for (const [k, v] of Object.entries(q)) {
      if (k === "bits") continue;
      if (!(k in defaults)) ctx.warn(["quantization", k], "not carried");
      else if (v !== defaults[k]) ctx.warn(["quantization", k], `not carried (${JSON.stringify(v)}; kolm picks its own ${quantization} kernels)`);
    }
    if (isObj(adapter?.postprocessor) && adapter.postprocessor.merge_adapter_into_base_model === true) {
      ctx.warn(["adapter", "postprocessor", "merge_adapter_into_base_model"], `not carried: kolm keeps the adapter separate${bits === 4 ? " (Ludwig also refuses to merge into a 4-bit base)" : ""}`);
    }
  } else if (isObj(adapter?.postprocessor) && adapter.postprocessor.merge_adapter_into_base_model === true) {
    ctx.warn(["adapter", "postprocessor", "merge_adapter_into_base_model"], "not carried: kolm keeps the adapter separate");
  }
  return quantization;
}

// core/ludwig/portability.ts
var RE_ARCHITECTURE = "This is a re-architecture, not a port.";
var REFUSED_TYPES = {
  image: "image inputs have no text form",
  audio: "audio inputs have no text form",
  timeseries: "a time series is a numeric array, meaningless as prompt text",
  vector: "a vector is a numeric array, meaningless as prompt text",
  h3: "an H3 cell id is meaningless as prompt text",
  date: "Ludwig encodes dates as numeric components a text model never sees",
  bag: "a bag feature is a weighted token set encoded by Ludwig, not text",
  set: "a set feature is a multi-hot vector encoded by Ludwig, not text",
  category_distribution: "a distribution output is a vector of probabilities, not one text target",
  anomaly: "anomaly outputs are scores from an encoder, not a text target"
};
function scanNotPortable(ctx, root, modelType, inputs, outputs) {
  for (const [key, list] of [["input_features", inputs], ["output_features", outputs]]) {
    for (const f of list) {
      if (REFUSED_TYPES[f.type]) ctx.refuse(f.path, featureLabel(f, key), REFUSED_TYPES[f.type]);
      for (const nested of ["input_features", "output_features", "features"]) {
        if (f.raw[nested] !== void 0) {
          ctx.refuse([...f.path, nested], `${formatPath([...f.path, nested])} (nested feature config)`, "a feature built from other features is an architecture, not a column");
        }
      }
      const enc = f.raw.encoder;
      if (Array.isArray(enc)) {
        ctx.refuse([...f.path, "encoder"], `${formatPath([...f.path, "encoder"])} (encoder ensemble)`, "several encoders over one feature are an architecture with no text-to-text equivalent");
      } else if (isObj(enc) && enc.type === "llm") {
        ctx.refuse([...f.path, "encoder", "type"], `${formatPath([...f.path, "encoder", "type"])}: llm`, "an LLM nested as an ECD encoder feeds a combiner, not a generator; write it as model_type: llm");
      }
    }
  }
  outputs.slice(1).forEach((f) => ctx.refuse(f.path, featureLabel(f, "output_features"), "a second output feature is multi-task; one adapter learns one target (split it into one spec per output)"));
  const out = outputs[0];
  const deps = out.raw.dependencies;
  if (Array.isArray(deps) && deps.length) {
    ctx.refuse([...out.path, "dependencies"], formatPath([...out.path, "dependencies"]), "output dependencies chain several heads together");
  }
  if (out.type === "sequence" && isObj(out.raw.decoder) && out.raw.decoder.type === "tagger") {
    ctx.refuse([...out.path, "decoder", "type"], `${formatPath([...out.path, "decoder", "type"])}: tagger`, "a tagger labels every token; its target is not one text");
  }
  if (modelType === "ecd" && root.combiner !== void 0 && root.combiner !== null) {
    const c = root.combiner;
    const type = isObj(c) ? c.type ?? "concat" : c;
    if (type !== "concat") ctx.refuse(["combiner"], `combiner (type: ${String(type)})`, "a combiner that mixes encoded features is an architecture with no text-to-text equivalent");
  }
  if (modelType === "llm") {
    const adapter = root.adapter;
    const type = typeof adapter === "string" ? adapter : isObj(adapter) ? adapter.type : void 0;
    if (adapter !== void 0 && adapter !== null && type !== "lora" && type !== "adalora") {
      ctx.refuse(
        typeof adapter === "string" ? ["adapter"] : ["adapter", "type"],
        `adapter.type: ${String(type)}`,
        type === void 0 ? "the adapter has no type" : `the ${String(type)} adapter type has no LoRA equivalent; kolm trains and imports LoRA only`
      );
    }
    if (isObj(adapter) && adapter.use_dora !== void 0 && ctx.bool(["adapter", "use_dora"], adapter.use_dora)) {
      ctx.refuse(["adapter", "use_dora"], "adapter.use_dora: true", "DoRA adds magnitude vectors that plain LoRA does not have");
    }
    const trainer = root.trainer;
    const ttype = isObj(trainer) ? trainer.type : typeof trainer === "string" ? trainer : void 0;
    if (typeof ttype === "string" && ["dpo", "kto", "orpo", "grpo"].includes(ttype)) {
      ctx.refuse(isObj(trainer) ? ["trainer", "type"] : ["trainer"], `trainer.type: ${ttype}`, "preference/reward training is not supervised input\u2192output training");
    }
    const prompts = [[["prompt"], root.prompt]];
    const pre = inputs[0]?.raw.preprocessing;
    if (isObj(pre)) prompts.push([[...inputs[0].path, "preprocessing", "prompt"], pre.prompt]);
    for (const [path, p] of prompts) {
      if (isObj(p) && isObj(p.retrieval) && p.retrieval.type !== void 0 && p.retrieval.type !== null) {
        ctx.refuse(
          [...path, "retrieval"],
          `${formatPath([...path, "retrieval"])} (type: ${String(p.retrieval.type)})`,
          "few-shot prompts built from a retrieval index over the training set cannot be reproduced per request"
        );
      }
    }
  }
}
function notPortableError(file, items) {
  const lines = items.map((i) => `  - ${i.path}${i.line !== void 0 ? `, line ${i.line}` : ""}: ${i.reason}`);
  return new KolmError(
    "E_NOT_PORTABLE",
    `${file} has ${items.length} item${items.length === 1 ? "" : "s"} that cannot be carried to a text-to-text spec. ${RE_ARCHITECTURE}
${lines.join("\n")}`,
    {
      hint: "kolm carries one text (or several text columns) in, one text out; rebuild the task in that shape (drop or textualize these features) and run again",
      place: { file },
      details: items
    }
  );
}

// core/ludwig/translate.ts
var LLM_KEYS = [
  "model_type",
  "base_model",
  "model_name",
  "input_features",
  "output_features",
  "preprocessing",
  "defaults",
  "hyperopt",
  "prompt",
  "trainer",
  "generation",
  "adapter",
  "quantization",
  "model_parameters",
  "backend",
  "ludwig_version"
];
var ECD_KEYS = [
  "model_type",
  "input_features",
  "output_features",
  "combiner",
  "trainer",
  "preprocessing",
  "defaults",
  "hyperopt",
  "backend",
  "ludwig_version"
];
function translateLudwigYaml(text, file = "config.yaml", options = {}) {
  return translateLudwigConfig(parseLudwigYaml(text, file), options);
}
function translateLudwigConfig(y, options = {}) {
  const ctx = new LocatedReader(y);
  const root = readRoot(ctx);
  const modelType = readModelType(ctx, root);
  const inputs = readFeatures(ctx, root, "input_features");
  const outputs = readFeatures(ctx, root, "output_features");
  scanNotPortable(ctx, root, modelType, inputs, outputs);
  if (ctx.refusals.length) throw notPortableError(y.file, ctx.refusals);
  warnTopLevelKeys(ctx, root, modelType);
  const result = modelType === "llm" ? translateLlm(ctx, root, inputs, outputs, options) : translateEcd(ctx, root, inputs, outputs, options);
  const spec = parseSpec(result.spec, "the translated spec");
  return { spec, mapping: result.mapping, warnings: [...ctx.warnings] };
}
function readRoot(ctx) {
  const { y } = ctx;
  const root = y.value;
  if (root === null || root === void 0) {
    throw new KolmError("E_BAD_CONFIG", `${y.file} is empty`, {
      hint: "pass the config.yaml from the Predibase export (it lists input_features and output_features)",
      place: { file: y.file }
    });
  }
  if (!isObj(root)) {
    throw ctx.error([], "must be a mapping of keys (model_type, input_features, \u2026)", "pass a Ludwig config.yaml");
  }
  return root;
}
function readModelType(ctx, root) {
  const mt = root.model_type;
  if (mt === void 0 || mt === null) {
    if (root.base_model !== void 0 || root.model_name !== void 0) {
      ctx.warn([], "model_type is missing, which Ludwig reads as ECD; translated as model_type: llm because a base model is set");
      return "llm";
    }
    return "ecd";
  }
  if (mt === "llm" || mt === "ecd") return mt;
  if (mt === "gbm") {
    ctx.refuse(["model_type"], "model_type: gbm", "a gradient-boosted tree model over tabular features has no text-to-text equivalent");
    return "ecd";
  }
  throw ctx.error(["model_type"], `unknown model_type ${JSON.stringify(mt)}`, "use model_type: llm or ecd");
}
function warnTopLevelKeys(ctx, root, modelType) {
  const known = modelType === "llm" ? LLM_KEYS : ECD_KEYS;
  for (const key of Object.keys(root)) {
    if (known.includes(key)) continue;
    const near = closestName(key, known);
    ctx.warn([key], `unknown ${modelType.toUpperCase()} config key, ignored${near ? ` (did you mean ${near}?)` : ""}`);
  }
  for (const key of ["backend", "hyperopt", "defaults", "model_parameters"]) {
    if (root[key] === void 0 || root[key] === null) continue;
    const why = {
      backend: "where Ludwig trained (local/ray/deepspeed) is not part of the spec; kolm trains where you run it",
      hyperopt: "the search space is not carried; the spec keeps the values the config itself sets",
      defaults: "per-type feature defaults are not carried",
      model_parameters: "model overrides (rope_scaling, neftune_noise_alpha) are not carried"
    }[key];
    ctx.warn([key], `dropped: ${why}`);
  }
}

// core/ludwig/load.ts
import { readFile, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
async function readText(path, what, hint) {
  try {
    return await readFile(path, "utf8");
  } catch (err) {
    const code = err.code;
    if (code === "ENOENT") throw new KolmError("E_PATH_NOT_FOUND", `${what} not found: ${path}`, { hint, place: { file: path } });
    throw new KolmError("E_PATH_UNREADABLE", `cannot read ${what} ${path}: ${err.message}`, { hint: "check the file permissions", place: { file: path }, cause: err });
  }
}
async function isDirectory(path) {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
async function readLudwigConfig(path) {
  const file = await isDirectory(path) ? join(path, "config.yaml") : path;
  const text = await readText(file, "Ludwig config", "pass the config.yaml from the Predibase export, e.g. --config predibase-export/config.yaml");
  return parseLudwigYaml(text, file);
}
async function readPeftAdapterConfig(path) {
  const file = await isDirectory(path) ? join(path, "adapter_config.json") : path;
  const text = await readText(file, "adapter config", "pass the adapter folder (it holds adapter_config.json) or the adapter_config.json itself");
  return parsePeftAdapterConfig(text, file);
}
var GENERIC_FOLDERS = /* @__PURE__ */ new Set(["predibase-export", "export", "model", "config", "configs", ".", ""]);
function specNameFromConfigPath(configPath) {
  let dir = dirname(resolve(configPath));
  for (let i = 0; i < 2; i++) {
    const name = basename(dir);
    if (!GENERIC_FOLDERS.has(name.toLowerCase())) return specName(name);
    dir = dirname(dir);
  }
  return void 0;
}
async function translateLudwigFiles(opts) {
  const yaml = await readLudwigConfig(opts.config);
  const adapter = opts.adapter ? await readPeftAdapterConfig(opts.adapter) : void 0;
  return translateLudwigConfig(yaml, { adapter, name: opts.name ?? specNameFromConfigPath(yaml.file) });
}

export {
  formatPath,
  parseLudwigYaml,
  specName,
  RE_ARCHITECTURE,
  translateLudwigYaml,
  translateLudwigConfig,
  readLudwigConfig,
  readPeftAdapterConfig,
  specNameFromConfigPath,
  translateLudwigFiles
};
