import {
  fileSha256,
  findBaseForCompile
} from "./chunk-IMQARR2S.js";
import {
  parsePeftAdapterConfig
} from "./chunk-WP33B6NK.js";
import {
  bf16ToF32,
  f16ToF32,
  f32ToF16
} from "./chunk-NVDMUG2T.js";
import {
  DEFAULT_LIMITS,
  checkEntries,
  checkLocalHeaders,
  listZipEntries,
  openZip,
  readEntryBytes,
  writeArtifact
} from "./chunk-KACU67E6.js";
import {
  VERSION
} from "./chunk-NAXT4SUI.js";
import {
  KolmError
} from "./chunk-AYSNEYKG.js";

// core/adapter/artifact.ts
import { basename as basename2 } from "node:path";

// core/adapter/gguf.ts
import { open } from "node:fs/promises";
var GGML_TYPE = { F32: 0, F16: 1, Q4_0: 2, Q4_1: 3, Q5_0: 6, Q5_1: 7, Q8_0: 8, BF16: 30 };
var V = { U8: 0, I8: 1, U16: 2, I16: 3, U32: 4, I32: 5, F32: 6, BOOL: 7, STRING: 8, ARRAY: 9, U64: 10, I64: 11, F64: 12 };
var GgufFormatError = class extends Error {
};
var Cursor = class {
  constructor(fh, size) {
    this.fh = fh;
    this.size = size;
  }
  fh;
  size;
  buf = Buffer.alloc(0);
  base = 0;
  pos = 0;
  async need(n) {
    if (this.pos + n <= this.base + this.buf.length) return;
    if (this.pos + n > this.size) throw new GgufFormatError(`unexpected end of file at byte ${this.pos}`);
    const want = Math.max(n, 1 << 20);
    const start = this.pos;
    const len = Math.min(want, this.size - start);
    const b = Buffer.alloc(len);
    await this.fh.read(b, 0, len, start);
    this.buf = b;
    this.base = start;
  }
  at() {
    return this.pos - this.base;
  }
  async u32() {
    await this.need(4);
    const v = this.buf.readUInt32LE(this.at());
    this.pos += 4;
    return v;
  }
  async u64() {
    await this.need(8);
    const v = this.buf.readBigUInt64LE(this.at());
    this.pos += 8;
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new GgufFormatError(`64-bit value ${v} too large at byte ${this.pos - 8}`);
    return Number(v);
  }
  async scalar(t) {
    const sizes = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
    const n = sizes[t];
    if (n === void 0) throw new GgufFormatError(`unknown value type ${t} at byte ${this.pos}`);
    await this.need(n);
    const o = this.at();
    let v;
    switch (t) {
      case V.U8:
        v = this.buf.readUInt8(o);
        break;
      case V.I8:
        v = this.buf.readInt8(o);
        break;
      case V.U16:
        v = this.buf.readUInt16LE(o);
        break;
      case V.I16:
        v = this.buf.readInt16LE(o);
        break;
      case V.U32:
        v = this.buf.readUInt32LE(o);
        break;
      case V.I32:
        v = this.buf.readInt32LE(o);
        break;
      case V.F32:
        v = this.buf.readFloatLE(o);
        break;
      case V.BOOL:
        v = this.buf.readUInt8(o) !== 0;
        break;
      case V.U64:
        v = Number(this.buf.readBigUInt64LE(o));
        break;
      case V.I64:
        v = Number(this.buf.readBigInt64LE(o));
        break;
      default:
        v = this.buf.readDoubleLE(o);
    }
    this.pos += n;
    return v;
  }
  async string() {
    const n = await this.u64();
    if (n > 1 << 26) throw new GgufFormatError(`string of ${n} bytes at byte ${this.pos}`);
    await this.need(n);
    const s = this.buf.toString("utf8", this.at(), this.at() + n);
    this.pos += n;
    return s;
  }
  async value(t, keepArrays) {
    if (t === V.STRING) return this.string();
    if (t !== V.ARRAY) return this.scalar(t);
    const et = await this.u32();
    const n = await this.u64();
    if (et === V.STRING) {
      const out2 = [];
      for (let i = 0; i < n; i++) {
        const s = await this.string();
        if (keepArrays) out2.push(s);
      }
      return keepArrays ? out2 : { length: n };
    }
    const sizes = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
    if (sizes[et] === void 0) throw new GgufFormatError(`unknown array element type ${et}`);
    if (!keepArrays) {
      this.pos += n * sizes[et];
      if (this.pos > this.size) throw new GgufFormatError("array runs past the end of the file");
      return { length: n };
    }
    const out = [];
    for (let i = 0; i < n; i++) out.push(await this.scalar(et));
    return out;
  }
};
async function readGgufHeader(path, options = {}) {
  const fh = await open(path, "r");
  try {
    const size = (await fh.stat()).size;
    const c = new Cursor(fh, size);
    try {
      const magic = Buffer.alloc(4);
      await fh.read(magic, 0, 4, 0);
      if (magic.toString("latin1") !== "GGUF") throw new GgufFormatError('not a GGUF file (no "GGUF" magic)');
      c.pos = 4;
      const version = await c.u32();
      if (version < 2 || version > 3) throw new GgufFormatError(`GGUF version ${version}; versions 2 and 3 are read`);
      const nTensors = await c.u64();
      const nKv = await c.u64();
      const metadata = /* @__PURE__ */ new Map();
      for (let i = 0; i < nKv; i++) {
        const key = await c.string();
        const t = await c.u32();
        metadata.set(key, await c.value(t, options.arrays ?? false));
      }
      const tensors = /* @__PURE__ */ new Map();
      for (let i = 0; i < nTensors; i++) {
        const name = await c.string();
        const nd = await c.u32();
        if (nd > 4) throw new GgufFormatError(`tensor ${name} has ${nd} dimensions`);
        const ne = [];
        for (let d = 0; d < nd; d++) ne.push(await c.u64());
        const type = await c.u32();
        const offset = await c.u64();
        tensors.set(name, { name, ne, type, offset });
      }
      return { version, metadata, tensors };
    } catch (err) {
      if (!(err instanceof GgufFormatError)) throw err;
      throw new KolmError(options.role === "base" ? "E_BASE_MISMATCH" : "E_BAD_ADAPTER", `${path}: ${err.message}`, {
        hint: options.role === "base" ? "pass the base model as a .gguf file (convert it with llama.cpp convert_hf_to_gguf.py)" : "rebuild the adapter with kolm compile --adapter",
        place: { file: path }
      });
    }
  } finally {
    await fh.close();
  }
}
var ALIGN = 32;
function writeGguf(metadata, tensors) {
  const parts = [];
  const u32 = (v) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v);
    parts.push(b);
  };
  const u64 = (v) => {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(v));
    parts.push(b);
  };
  const str = (s) => {
    const b = Buffer.from(s, "utf8");
    u64(b.length);
    parts.push(b);
  };
  const scalar = (type, v) => {
    const b = Buffer.alloc(type === "u64" || type === "i64" || type === "f64" ? 8 : type === "u16" || type === "i16" ? 2 : type === "u8" || type === "i8" ? 1 : 4);
    switch (type) {
      case "u8":
        b.writeUInt8(v);
        break;
      case "i8":
        b.writeInt8(v);
        break;
      case "u16":
        b.writeUInt16LE(v);
        break;
      case "i16":
        b.writeInt16LE(v);
        break;
      case "u32":
        b.writeUInt32LE(v);
        break;
      case "i32":
        b.writeInt32LE(v);
        break;
      case "f32":
        b.writeFloatLE(v);
        break;
      case "u64":
        b.writeBigUInt64LE(BigInt(v));
        break;
      case "i64":
        b.writeBigInt64LE(BigInt(v));
        break;
      default:
        b.writeDoubleLE(v);
    }
    parts.push(b);
  };
  const code = { u8: V.U8, i8: V.I8, u16: V.U16, i16: V.I16, u32: V.U32, i32: V.I32, f32: V.F32, u64: V.U64, i64: V.I64, f64: V.F64 };
  parts.push(Buffer.from("GGUF", "latin1"));
  u32(3);
  u64(tensors.length);
  u64(metadata.length);
  for (const [key, v] of metadata) {
    str(key);
    if (v.type === "string") {
      u32(V.STRING);
      str(v.value);
    } else if (v.type === "bool") {
      u32(V.BOOL);
      parts.push(Buffer.from([v.value ? 1 : 0]));
    } else if (v.type === "array") {
      u32(V.ARRAY);
      if (v.of === "string") {
        u32(V.STRING);
        u64(v.value.length);
        for (const s of v.value) str(s);
      } else {
        u32(code[v.of]);
        u64(v.value.length);
        for (const x of v.value) scalar(v.of, x);
      }
    } else {
      u32(code[v.type]);
      scalar(v.type, v.value);
    }
  }
  let offset = 0;
  const offsets = [];
  for (const t of tensors) {
    str(t.name);
    u32(t.ne.length);
    for (const d of t.ne) u64(d);
    u32(t.type);
    u64(offset);
    offsets.push(offset);
    offset += t.data.length;
    offset += (ALIGN - offset % ALIGN) % ALIGN;
  }
  const headerLen = parts.reduce((a, b) => a + b.length, 0);
  const dataStart = headerLen + (ALIGN - headerLen % ALIGN) % ALIGN;
  const out = new Uint8Array(dataStart + offset);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  tensors.forEach((t, i) => out.set(t.data, dataStart + offsets[i]));
  return out;
}

// core/adapter/safetensors.ts
var DTYPE_BYTES = {
  BOOL: 1,
  U8: 1,
  I8: 1,
  F8_E5M2: 1,
  F8_E4M3: 1,
  I16: 2,
  U16: 2,
  F16: 2,
  BF16: 2,
  I32: 4,
  U32: 4,
  F32: 4,
  F64: 8,
  I64: 8,
  U64: 8
};
var MAX_HEADER = 1e8;
var LFS_POINTER = "version https://git-lfs.github.com/spec/v1";
function bad(file, message, hint = "use the adapter_model.safetensors that PEFT wrote") {
  return new KolmError("E_BAD_ADAPTER", `${file}: ${message}`, { hint, place: { file } });
}
function readSafetensors(bytes, file = "adapter_model.safetensors") {
  if (bytes.length < 8) {
    throw bad(file, `${bytes.length} bytes, too short for a safetensors file`);
  }
  const head = new TextDecoder().decode(bytes.subarray(0, Math.min(bytes.length, LFS_POINTER.length)));
  if (head === LFS_POINTER) {
    throw bad(file, "is a Git LFS pointer, not the weights", "fetch the real file (git lfs pull) or download the adapter again");
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = Number(view.getBigUint64(0, true));
  if (n < 2 || n > MAX_HEADER || 8 + n > bytes.length) throw bad(file, `header length ${n} does not fit the ${bytes.length}-byte file`);
  let header;
  try {
    header = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(8, 8 + n)).trimEnd());
  } catch (err) {
    throw bad(file, `header is not JSON (${err.message})`);
  }
  if (typeof header !== "object" || header === null || Array.isArray(header)) throw bad(file, "header is not a JSON object");
  const buffer = bytes.subarray(8 + n);
  const tensors = /* @__PURE__ */ new Map();
  let metadata = {};
  const spans = [];
  for (const [name, raw] of Object.entries(header)) {
    if (name === "__metadata__") {
      metadata = raw ?? {};
      continue;
    }
    const t = raw;
    const size = typeof t.dtype === "string" ? DTYPE_BYTES[t.dtype] : void 0;
    if (size === void 0) throw bad(file, `tensor ${name}: unknown dtype ${JSON.stringify(t.dtype)}`);
    if (!Array.isArray(t.shape) || !t.shape.every((d) => Number.isInteger(d) && d >= 0)) throw bad(file, `tensor ${name}: bad shape`);
    const off = t.data_offsets;
    if (!Array.isArray(off) || off.length !== 2 || !off.every((d) => Number.isInteger(d) && d >= 0) || off[1] < off[0] || off[1] > buffer.length) {
      throw bad(file, `tensor ${name}: data_offsets ${JSON.stringify(off)} outside the ${buffer.length}-byte buffer`);
    }
    const shape = t.shape;
    const want = shape.reduce((a, b) => a * b, 1) * size;
    if (off[1] - off[0] !== want) throw bad(file, `tensor ${name}: ${off[1] - off[0]} bytes for shape [${shape.join(", ")}] ${t.dtype} (want ${want})`);
    spans.push([off[0], off[1], name]);
    tensors.set(name, { name, dtype: t.dtype, shape, data: buffer.subarray(off[0], off[1]) });
  }
  spans.sort((a, b) => a[0] - b[0]);
  let at = 0;
  for (const [begin, end, name] of spans) {
    if (begin !== at) throw bad(file, `tensor ${name} starts at ${begin}, expected ${at} (overlap or hole in the buffer)`);
    at = end;
  }
  if (at !== buffer.length) throw bad(file, `the buffer has ${buffer.length - at} bytes after the last tensor`);
  return { tensors, metadata };
}
function tensorValues(t, file = "adapter_model.safetensors") {
  const n = t.shape.reduce((a, b) => a * b, 1);
  const out = new Float64Array(n);
  const view = new DataView(t.data.buffer, t.data.byteOffset, t.data.byteLength);
  switch (t.dtype) {
    case "F32":
      for (let i = 0; i < n; i++) out[i] = view.getFloat32(i * 4, true);
      break;
    case "F64":
      for (let i = 0; i < n; i++) out[i] = view.getFloat64(i * 8, true);
      break;
    case "F16":
      for (let i = 0; i < n; i++) out[i] = f16ToF32(view.getUint16(i * 2, true));
      break;
    case "BF16":
      for (let i = 0; i < n; i++) out[i] = bf16ToF32(view.getUint16(i * 2, true));
      break;
    default:
      throw bad(file, `tensor ${t.name}: dtype ${t.dtype} is not a float type; LoRA weights are F32, F16 or BF16`);
  }
  return out;
}

// core/adapter/convert.ts
var MODULE_TO_GGUF = {
  q_proj: "attn_q",
  k_proj: "attn_k",
  v_proj: "attn_v",
  o_proj: "attn_output",
  gate_proj: "ffn_gate",
  up_proj: "ffn_up",
  down_proj: "ffn_down"
};
var LAYER_KEY = /^base_model\.model\.model\.layers\.(\d+)\.(self_attn|mlp)\.(q_proj|k_proj|v_proj|o_proj|gate_proj|up_proj|down_proj)\.lora_(A|B)\.weight$/;
var PERMUTING_ARCHS = /* @__PURE__ */ new Set(["llama"]);
var PLAIN_ARCHS = /* @__PURE__ */ new Set(["qwen2", "qwen3", "gemma", "gemma2", "gemma3", "mistral3"]);
var SUPPORTED_ARCHS = [...PERMUTING_ARCHS, ...PLAIN_ARCHS];
var REFUSE_HINT = "llama.cpp cannot apply this to a base at run time; merge the adapter into the base with PEFT (merge_and_unload) and convert the merged model, or retrain without it";
function refuse(file, what, path) {
  return new KolmError("E_NOT_PORTABLE", `${file}: ${what}`, { hint: REFUSE_HINT, place: { file, ...path ? { path } : {} } });
}
function unsupportedKey(key) {
  if (LAYER_KEY.test(key) || /^base_model\.model\.lm_head\.lora_[AB]\.weight$/.test(key)) return null;
  if (key.endsWith("lora_magnitude_vector") || key.endsWith("lora_magnitude_vector.weight")) return `${key} is a DoRA magnitude vector (DoRA is not plain LoRA)`;
  if (/lora_embedding_[AB]/.test(key)) return `${key} is an embedding LoRA (embed_tokens target), which llama.cpp does not apply`;
  if (/\.bias$/.test(key)) return `${key} is a LoRA bias (bias: "lora_only"/"all"), which llama.cpp has no place for`;
  if (/(embed_tokens|lm_head|wte|wpe)(\.base_layer)?\.weight$/.test(key)) return `${key} is a full embedding / lm_head weight (modules_to_save or save_embedding_layers)`;
  if (/\.base_layer\.weight$/.test(key) || !/lora_[AB]/.test(key)) return `${key} is a full weight saved with the adapter (modules_to_save)`;
  return `${key} targets a module outside the Llama-family map (q/k/v/o_proj, gate/up/down_proj, lm_head)`;
}
function patternValue(pattern, module) {
  for (const [key, value] of Object.entries(pattern)) {
    let re;
    try {
      re = new RegExp(`^(?:.*\\.)?(?:${key})$`);
    } catch {
      continue;
    }
    if (re.test(module)) return value;
  }
  return void 0;
}
function permuteRows(values, rows, cols, nHead) {
  const hd = rows / nHead;
  const out = new Float64Array(values.length);
  for (let h = 0; h < nHead; h++) {
    for (let i = 0; i < hd / 2; i++) {
      for (let j = 0; j < 2; j++) {
        const dst = h * hd + 2 * i + j;
        const src = h * hd + j * (hd / 2) + i;
        out.set(values.subarray(src * cols, src * cols + cols), dst * cols);
      }
    }
  }
  return out;
}
function encode(values, ne0, dtype) {
  if (dtype === "f32") {
    const data2 = new Uint8Array(values.length * 4);
    const v2 = new DataView(data2.buffer);
    for (let i = 0; i < values.length; i++) v2.setFloat32(i * 4, values[i], true);
    return { type: "F32", data: data2 };
  }
  if (dtype === "q8_0" && ne0 % 32 === 0) return { type: "Q8_0", data: quantizeQ8_0(values) };
  const data = new Uint8Array(values.length * 2);
  const v = new DataView(data.buffer);
  for (let i = 0; i < values.length; i++) v.setUint16(i * 2, f32ToF16(values[i]), true);
  return { type: "F16", data };
}
function quantizeQ8_0(values) {
  const blocks = values.length / 32;
  const out = new Uint8Array(blocks * 34);
  const v = new DataView(out.buffer);
  for (let b = 0; b < blocks; b++) {
    let amax = 0;
    for (let i = 0; i < 32; i++) amax = Math.max(amax, Math.abs(values[b * 32 + i]));
    const d = amax / 127;
    const id = d ? 1 / d : 0;
    v.setUint16(b * 34, f32ToF16(d), true);
    for (let i = 0; i < 32; i++) v.setInt8(b * 34 + 2 + i, Math.round(values[b * 32 + i] * id));
  }
  return out;
}
function convertPeftAdapter(configText, weights, base, options = {}) {
  const configFile = options.configFile ?? "adapter_config.json";
  const weightsFile = options.weightsFile ?? "adapter_model.safetensors";
  const dtype = options.dtype ?? "f16";
  const peft = parsePeftAdapterConfig(configText, configFile);
  const raw = JSON.parse(configText);
  if (peft.bias !== "none") throw refuse(configFile, `bias is "${peft.bias}"; LoRA bias terms cannot be applied by llama.cpp`, "bias");
  const mts = raw.modules_to_save;
  if (Array.isArray(mts) && mts.length) {
    throw refuse(configFile, `modules_to_save (${mts.join(", ")}) are whole trained modules; llama.cpp applies only LoRA A/B pairs`, "modules_to_save");
  }
  if (raw.lora_bias === true) throw refuse(configFile, "lora_bias is true; LoRA bias terms cannot be applied by llama.cpp", "lora_bias");
  if (Array.isArray(raw.layer_replication) && raw.layer_replication.length) {
    throw refuse(configFile, "layer_replication changes the base model's layer layout", "layer_replication");
  }
  const alphaPattern = raw.alpha_pattern && typeof raw.alpha_pattern === "object" ? raw.alpha_pattern : {};
  const rankPattern = raw.rank_pattern && typeof raw.rank_pattern === "object" ? raw.rank_pattern : {};
  if (!SUPPORTED_ARCHS.includes(base.arch)) {
    throw new KolmError("E_BASE_MISMATCH", `${base.file}: architecture "${base.arch}" is not supported for adapter import (supported: ${SUPPORTED_ARCHS.join(", ")})`, {
      hint: "use a Llama, Mistral, Qwen2/3 or Gemma base GGUF",
      place: { file: base.file }
    });
  }
  const st = readSafetensors(weights, weightsFile);
  const pairs = /* @__PURE__ */ new Map();
  for (const [key, t] of st.tensors) {
    const why = unsupportedKey(key);
    if (why) throw refuse(weightsFile, why, key);
    const m = LAYER_KEY.exec(key);
    const module = m ? `model.layers.${m[1]}.${m[2]}.${m[3]}` : "lm_head";
    const ggufBase = m ? `blk.${m[1]}.${MODULE_TO_GGUF[m[3]]}.weight` : "output.weight";
    if (!m && !base.tensors.has("output.weight")) {
      throw refuse(weightsFile, `${key} is a LoRA on lm_head, but the base ties lm_head to the embeddings (no output.weight)`, key);
    }
    const p = pairs.get(module) ?? { module, ggufBase, layer: m ? Number(m[1]) : -1, proj: m ? m[3] : "lm_head" };
    if ((m ? m[4] : key.includes("lora_A") ? "A" : "B") === "A") p.a = t;
    else p.b = t;
    pairs.set(module, p);
  }
  if (pairs.size === 0) throw new KolmError("E_BAD_ADAPTER", `${weightsFile} holds no LoRA tensors`, { place: { file: weightsFile }, hint: "use the adapter_model.safetensors that PEFT wrote" });
  const modules = [...pairs.keys()].sort((x, y) => {
    const px = pairs.get(x);
    const py = pairs.get(y);
    return px.layer - py.layer || (x < y ? -1 : x > y ? 1 : 0);
  });
  const scaleOf = (p, r) => {
    const alpha2 = patternValue(alphaPattern, p.module) ?? peft.alpha;
    return peft.useRslora ? alpha2 / Math.sqrt(r) : alpha2 / r;
  };
  let bake = peft.useRslora;
  for (const mod of modules) if (patternValue(alphaPattern, mod) !== void 0 && patternValue(alphaPattern, mod) !== peft.alpha) bake = true;
  const warnings = [...peft.warnings.filter((w) => !/rank_pattern|alpha_pattern|modules_to_save/.test(w))];
  const tensors = [];
  const record = [];
  let maxRank = 0;
  for (const mod of modules) {
    const p = pairs.get(mod);
    if (!p.a || !p.b) {
      throw new KolmError("E_BAD_ADAPTER", `${weightsFile}: ${mod} has lora_${p.a ? "A" : "B"} but no lora_${p.a ? "B" : "A"}`, {
        place: { file: weightsFile, path: mod },
        hint: "the file is incomplete; export the adapter again"
      });
    }
    if (p.a.shape.length !== 2 || p.b.shape.length !== 2 || p.a.shape[0] !== p.b.shape[1]) {
      throw new KolmError("E_BAD_ADAPTER", `${weightsFile}: ${mod} lora_A [${p.a.shape.join(", ")}] and lora_B [${p.b.shape.join(", ")}] do not make a rank-r pair`, {
        place: { file: weightsFile, path: mod },
        hint: "the file is damaged or not a LoRA export"
      });
    }
    const r = p.a.shape[0];
    const [inF, outF] = [p.a.shape[1], p.b.shape[0]];
    const wantR = patternValue(rankPattern, mod) ?? peft.r;
    if (r !== wantR) {
      throw new KolmError("E_BAD_ADAPTER", `${weightsFile}: ${mod} has rank ${r}, but ${configFile} says r = ${wantR}${patternValue(rankPattern, mod) !== void 0 ? " (rank_pattern)" : ""}`, {
        place: { file: weightsFile, path: mod },
        hint: "adapter_config.json and the weights come from different runs; use the pair PEFT saved together"
      });
    }
    maxRank = Math.max(maxRank, r);
    base.checkPair(p.ggufBase, inF, outF, mod);
    const aValues = tensorValues(p.a, weightsFile);
    let bValues = tensorValues(p.b, weightsFile);
    if (PERMUTING_ARCHS.has(base.arch) && (p.proj === "q_proj" || p.proj === "k_proj")) {
      bValues = permuteRows(bValues, outF, r, p.proj === "q_proj" ? base.headCount : base.headCountKv);
    }
    let baked;
    if (bake) {
      baked = scaleOf(p, r);
      for (let i = 0; i < bValues.length; i++) bValues[i] = bValues[i] * baked;
    }
    const a = encode(aValues, inF, dtype);
    const b = encode(bValues, r, dtype);
    tensors.push({ name: `${p.ggufBase}.lora_a`, ne: [inF, r], type: GGML_TYPE[a.type], data: a.data });
    tensors.push({ name: `${p.ggufBase}.lora_b`, ne: [r, outF], type: GGML_TYPE[b.type], data: b.data });
    record.push({ name: `${p.ggufBase}.lora_a`, ne: [inF, r], type: a.type });
    record.push({ name: `${p.ggufBase}.lora_b`, ne: [r, outF], type: b.type, ...baked !== void 0 ? { baked_scale: baked } : {} });
  }
  if (dtype === "q8_0" && record.some((t) => t.type === "F16")) {
    warnings.push(`Q8_0 needs ne[0] to be a multiple of 32; ${record.filter((t) => t.type === "F16").length} tensors (rank ${maxRank} lora_b) are F16`);
  }
  const alpha = bake ? 0 : peft.alpha;
  const metadata = [
    ["general.architecture", { type: "string", value: base.arch }],
    ["general.type", { type: "string", value: "adapter" }],
    ["general.name", { type: "string", value: peft.base ? `${peft.base} LoRA` : "LoRA adapter" }],
    ["adapter.type", { type: "string", value: "lora" }],
    ["adapter.lora.alpha", { type: "f32", value: alpha }],
    ["general.file_type", { type: "u32", value: dtype === "f32" ? 0 : dtype === "q8_0" ? 7 : 1 }]
  ];
  if (peft.base) metadata.push(["general.base_model.0.name", { type: "string", value: peft.base }]);
  metadata.push(["kolm.scaling", { type: "string", value: bake ? peft.useRslora ? "rslora-baked" : "alpha_pattern-baked" : "alpha/r" }]);
  return {
    gguf: writeGguf(metadata, tensors),
    alpha,
    scaling: bake ? "baked" : "alpha",
    tensors: record,
    modules,
    rank: maxRank,
    warnings,
    peft
  };
}

// core/adapter/source.ts
import { open as open2, readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
var CONFIG_NAME = "adapter_config.json";
var WEIGHTS_NAME = "adapter_model.safetensors";
var PICKLE_NAME = "adapter_model.bin";
function missing(where, names) {
  const pickle = names.some((n) => n.endsWith(PICKLE_NAME));
  return new KolmError("E_BAD_ADAPTER", `${where} has no ${names.some((n) => n.endsWith(CONFIG_NAME)) ? WEIGHTS_NAME : `${CONFIG_NAME} + ${WEIGHTS_NAME}`}`, {
    hint: pickle ? `${PICKLE_NAME} is a pickle, which kolm does not load; convert it once with PEFT (model.save_pretrained(dir, safe_serialization=True))` : "pass the folder (or the zip) that holds adapter_config.json and adapter_model.safetensors",
    place: { file: where }
  });
}
function pick(names, name) {
  return names.filter((n) => n === name || n.endsWith(`/${name}`)).sort((a, b) => a.split("/").length - b.split("/").length)[0];
}
async function listFolder(dir, depth = 2, prefix = "") {
  const out = [];
  for (const e of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory() && depth > 0 && !e.name.startsWith(".")) out.push(...await listFolder(dir, depth - 1, rel));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}
var ZIP_BOUNDS = {
  ...DEFAULT_LIMITS,
  maxBytes: (name) => name.endsWith(CONFIG_NAME) ? DEFAULT_LIMITS.maxManifestBytes : DEFAULT_LIMITS.maxEntryBytes
};
function zipRefusal(path) {
  return (message, at) => new KolmError("E_BAD_ADAPTER", `${at?.entry === void 0 ? path : `${path}!${at.entry}`}: ${message}`, {
    hint: "the zip is damaged or was altered; download the adapter again, or pass the unzipped folder",
    place: { file: path, ...at?.entry === void 0 ? {} : { path: at.entry } },
    cause: at?.cause
  });
}
async function readZip(path) {
  const refuse2 = zipRefusal(path);
  const zip = await openZip(path, (message, at) => refuse2(`is ${message}`, at));
  try {
    const listing = await listZipEntries(zip, DEFAULT_LIMITS.maxEntries, refuse2);
    await checkLocalHeaders(zip, listing, refuse2);
    const names = listing.entries.map((e) => e.name);
    const wanted = /* @__PURE__ */ new Set([pick(names, CONFIG_NAME), pick(names, WEIGHTS_NAME)]);
    const read = listing.entries.filter((e) => wanted.has(e.name));
    checkEntries(read, { ...ZIP_BOUNDS, fileBytes: zip.fileSize }, refuse2);
    const files = /* @__PURE__ */ new Map();
    for (const e of read) {
      const { bytes, crcProblem } = await readEntryBytes(zip, e, refuse2);
      if (crcProblem) throw refuse2(crcProblem, { entry: e.name });
      files.set(e.name, bytes);
    }
    return { names, files };
  } finally {
    zip.close();
  }
}
async function readAdapterSource(path) {
  let st;
  try {
    st = await stat(path);
  } catch {
    throw new KolmError("E_PATH_NOT_FOUND", `no adapter at ${path}`, { hint: "pass the adapter folder (or zip) from the Predibase export", place: { file: path } });
  }
  if (st.isDirectory()) {
    const names2 = await listFolder(path);
    const c2 = pick(names2, CONFIG_NAME);
    const w2 = pick(names2, WEIGHTS_NAME);
    if (!c2 || !w2) throw missing(path, names2);
    return {
      configText: await readFile(join(path, c2), "utf8"),
      weights: await readFile(join(path, w2)),
      configFile: join(path, c2),
      weightsFile: join(path, w2)
    };
  }
  const head = Buffer.alloc(4);
  const fh = await open2(path, "r");
  try {
    await fh.read(head, 0, 4, 0);
  } finally {
    await fh.close();
  }
  if (head.readUInt32LE(0) !== 67324752) {
    throw new KolmError("E_BAD_ADAPTER", `${path} is neither a folder nor a zip`, {
      hint: "pass the adapter folder (adapter_config.json + adapter_model.safetensors) or the zip Predibase gives",
      place: { file: path }
    });
  }
  const { names, files } = await readZip(path);
  const c = pick(names, CONFIG_NAME);
  const w = pick(names, WEIGHTS_NAME);
  if (!c || !w) throw missing(path, names);
  return {
    configText: new TextDecoder().decode(files.get(c)),
    weights: files.get(w),
    configFile: `${path}!${c}`,
    weightsFile: `${path}!${w}`
  };
}

// core/adapter/validate.ts
import { basename } from "node:path";
function describeBase(b) {
  return `${b.name ? `${b.name} ` : ""}(${basename(b.file)}: ${b.arch}, ${b.blockCount} layers, hidden ${b.embeddingLength}, ${b.headCount} heads / ${b.headCountKv} kv)`;
}
function baseInfoFromHeader(header, file, expected) {
  const md = header.metadata;
  const arch = md.get("general.architecture");
  const bad2 = (what) => new KolmError("E_BASE_MISMATCH", `${file}: ${what}`, { hint: "pass the base model GGUF (a model file, not an adapter)", place: { file } });
  if (typeof arch !== "string") throw bad2("no general.architecture; not a llama.cpp model file");
  if (md.get("general.type") === "adapter") throw bad2("is an adapter GGUF, not a base model");
  const num = (key, dflt) => {
    const v = md.get(`${arch}.${key}`);
    if (typeof v === "number") return v;
    if (dflt !== void 0) return dflt;
    throw bad2(`no ${arch}.${key}`);
  };
  const headCount = num("attention.head_count");
  const name = md.get("general.name") ?? md.get("general.basename");
  const tensors = /* @__PURE__ */ new Map();
  for (const [k, t] of header.tensors) tensors.set(k, t.ne);
  const info = {
    file,
    arch,
    ...typeof name === "string" ? { name } : {},
    blockCount: num("block_count"),
    embeddingLength: num("embedding_length"),
    headCount,
    headCountKv: num("attention.head_count_kv", headCount),
    tensors,
    ...expected ? { expected } : {},
    checkPair(tensor, inF, outF, module) {
      const ne = tensors.get(tensor);
      const expects = info.expected ? `the adapter expects base ${info.expected}; found ${describeBase(info)}` : `found base ${describeBase(info)}`;
      if (!ne) {
        const layer = /^blk\.(\d+)\./.exec(tensor);
        const why = layer && Number(layer[1]) >= info.blockCount ? `layer ${layer[1]} does not exist (the base has ${info.blockCount} layers)` : `the base has no ${tensor}`;
        throw new KolmError("E_BASE_MISMATCH", `adapter module ${module}: ${why}; ${expects}`, {
          hint: "use the base model the adapter was trained on (adapter_config.json base_model_name_or_path)",
          place: { file, path: tensor }
        });
      }
      if (ne[0] !== inF || ne[1] !== outF) {
        throw new KolmError(
          "E_BASE_MISMATCH",
          `adapter module ${module} maps ${inF} \u2192 ${outF}, but ${tensor} in the base is ${ne[0]} \u2192 ${ne[1]}; ${expects}`,
          { hint: "use the base model the adapter was trained on (adapter_config.json base_model_name_or_path)", place: { file, path: tensor } }
        );
      }
    }
  };
  return info;
}
async function readBaseInfo(path, expected) {
  return baseInfoFromHeader(await readGgufHeader(path, { role: "base" }), path, expected);
}
function checkSpecBase(specBase, adapterBase, adapterIsLocalPath, files) {
  if (!specBase || !adapterBase || adapterIsLocalPath) return;
  const norm = (s) => s.trim().replace(/\/+$/, "").toLowerCase();
  if (norm(specBase) === norm(adapterBase)) return;
  throw new KolmError("E_BASE_MISMATCH", `the adapter was trained on ${adapterBase} (${files.config} base_model_name_or_path), but ${files.spec} names base ${specBase}`, {
    hint: `set "base": "${adapterBase}" in ${files.spec}, or pass the adapter trained on ${specBase}`,
    place: { file: files.spec, path: "base" }
  });
}

// core/adapter/artifact.ts
var ADAPTER_GGUF_ENTRY = "adapter/adapter.gguf";
var ADAPTER_CONFIG_ENTRY = "adapter/config.json";
function dtypeForSpec(spec) {
  return spec.quantization === "int8" ? "q8_0" : "f16";
}
async function compileAdapterArtifact(input) {
  const src = await readAdapterSource(input.adapterPath);
  const { parsePeftAdapterConfig: parsePeftAdapterConfig2 } = await import("./peft-S7Q372BA.js");
  const peft = parsePeftAdapterConfig2(src.configText, src.configFile);
  checkSpecBase(input.spec.base, peft.base, peft.baseIsLocalPath, { spec: input.specFile, config: src.configFile });
  const id = input.spec.base ?? (peft.baseIsLocalPath ? void 0 : peft.base);
  if (!id) {
    throw new KolmError("E_BAD_SPEC", `${input.specFile} names no base model, and ${src.configFile} has none usable (${peft.base ?? "null"})`, {
      hint: 'add "base": "<org>/<model>" to the spec',
      place: { file: input.specFile, path: "base" }
    });
  }
  const basePath = await findBaseForCompile(id, input.base);
  const base = await readBaseInfo(basePath, `${id}${peft.base && peft.base !== id ? ` (${peft.base})` : ""}`);
  const dtype = input.dtype ?? dtypeForSpec(input.spec);
  const converted = convertPeftAdapter(src.configText, src.weights, base, { dtype, configFile: src.configFile, weightsFile: src.weightsFile });
  const sha256 = await fileSha256(basePath);
  const g = input.spec.generation ?? {};
  const config = {
    format: 1,
    gguf: ADAPTER_GGUF_ENTRY,
    template: input.spec.prompt?.template ?? null,
    generation: Object.fromEntries(Object.entries(g).filter(([, v]) => v !== void 0)),
    scaling: converted.scaling,
    alpha: converted.alpha,
    rank: converted.rank,
    modules: converted.modules,
    tensors: converted.tensors,
    source: {
      r: converted.peft.r,
      lora_alpha: converted.peft.alpha,
      use_rslora: converted.peft.useRslora,
      base_model_name_or_path: converted.peft.base ?? null,
      revision: converted.peft.revision ?? null
    }
  };
  const types = new Set(converted.tensors.map((t) => t.type));
  const revision = input.spec.base_revision ?? converted.peft.revision;
  const manifest = {
    name: input.name,
    created: input.created,
    spec: input.spec,
    kind: "adapter",
    base: { id, ...revision ? { revision } : {}, file: basename2(basePath), sha256 },
    ...input.origin ? { origin: input.origin } : {},
    ...input.training ? { training: input.training } : {},
    // The manifest's enum has no f32: an all-F32 adapter is recorded as 'none' (no quantization).
    quantization: types.has("Q8_0") ? "int8" : types.has("F16") ? "f16" : "none",
    compiler: { name: "kolm-migrate", version: VERSION },
    datasets: input.datasets,
    output_kind: input.outputKind
  };
  const entries = /* @__PURE__ */ new Map([
    [ADAPTER_GGUF_ENTRY, converted.gguf],
    [ADAPTER_CONFIG_ENTRY, new TextEncoder().encode(`${JSON.stringify(config, null, 2)}
`)]
  ]);
  const bytes = await writeArtifact({ manifest, entries });
  return { bytes, manifest, config, basePath, converted };
}

export {
  ADAPTER_GGUF_ENTRY,
  ADAPTER_CONFIG_ENTRY,
  dtypeForSpec,
  compileAdapterArtifact
};
