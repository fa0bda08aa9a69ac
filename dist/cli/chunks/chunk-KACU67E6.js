import {
  writeFileAtomic
} from "./chunk-WBWVS4MC.js";
import {
  OUTPUT_KINDS,
  QUANTIZATIONS,
  SpecSchema,
  userFileError
} from "./chunk-LIGPPG57.js";
import {
  KolmError,
  isKolmError
} from "./chunk-AYSNEYKG.js";

// core/artifact/write.ts
import { PassThrough } from "node:stream";
import { promisify } from "node:util";
import { deflateRaw } from "node:zlib";
import yazl from "yazl";

// core/artifact/digest.ts
import { createHash } from "node:crypto";

// core/artifact/names.ts
var MANIFEST_ENTRY = "kolm.json";
var SIGNATURE_ENTRY = "kolm.sig";
var MAX_NAME_BYTES = 1024;
function entryNameProblem(name) {
  if (name.length === 0) return "the name is empty";
  if (Buffer.byteLength(name, "utf8") > MAX_NAME_BYTES) return `the name is longer than ${MAX_NAME_BYTES} bytes`;
  if (name.includes("\\")) return "the name contains a backslash";
  if (/[\u0000-\u001f\u007f]/.test(name)) return "the name contains a control character";
  if (name.startsWith("/")) return "the name is an absolute path";
  if (/^[A-Za-z]:/.test(name)) return "the name starts with a drive letter (an absolute Windows path)";
  if (name.endsWith("/")) return "the entry is a directory (a .kolm holds only files)";
  const segments = name.split("/");
  if (segments.includes("..")) return 'the name has a ".." segment';
  if (segments.includes(".")) return 'the name has a "." segment';
  if (segments.includes("")) return 'the name has an empty segment ("//")';
  return null;
}

// core/artifact/digest.ts
var ENTRY_DIGEST_PATTERN = /^sha256:[0-9a-f]{64}$/;
function sha256Hex(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}
function entryDigest(bytes) {
  return `sha256:${sha256Hex(bytes)}`;
}
function compareNames(a, b) {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
function rootDigest(manifestBytes, files) {
  const pairs = [[MANIFEST_ENTRY, createHash("sha256").update(manifestBytes).digest()]];
  for (const [name, digest] of Object.entries(files)) {
    if (!ENTRY_DIGEST_PATTERN.test(digest)) throw new Error(`rootDigest: ${name} has a malformed digest ${digest}`);
    if (name === MANIFEST_ENTRY) throw new Error(`rootDigest: ${MANIFEST_ENTRY} cannot be listed in files`);
    pairs.push([name, Buffer.from(digest.slice("sha256:".length), "hex")]);
  }
  pairs.sort((a, b) => compareNames(a[0], b[0]));
  const hash = createHash("sha256");
  for (const [name, raw] of pairs) {
    hash.update(Buffer.from(name, "utf8"));
    hash.update(Buffer.from([0]));
    hash.update(raw);
  }
  return hash.digest("hex");
}

// core/artifact/limits.ts
function maxInflatedTotal(limits, fileBytes) {
  return Math.min(limits.maxTotalBytes, limits.maxRatio * fileBytes + limits.ratioFloorBytes);
}
var MiB = 1024 * 1024;
var GiB = 1024 * MiB;
var DEFAULT_LIMITS = Object.freeze({
  maxEntries: 1e4,
  maxEntryBytes: 2 * GiB,
  maxTotalBytes: 4 * GiB,
  maxManifestBytes: 16 * MiB,
  maxSignatureBytes: 4 * MiB,
  maxRatio: 100,
  ratioFloorBytes: 1 * MiB
});

// core/artifact/manifest.ts
import { z } from "zod";
var ARTIFACT_FORMAT = 1;
var ARTIFACT_KINDS = ["recipe", "adapter", "cascade"];
var RECIPE_TYPES = ["lookup", "classifier", "extract", "composite"];
var ARTIFACT_QUANTIZATIONS = [...QUANTIZATIONS, "none"];
var DATASET_ROLES = ["train", "validation", "eval"];
var Hex64 = z.string().regex(/^[0-9a-f]{64}$/, "a lowercase hex SHA-256 (64 characters)");
var Fraction = z.number().min(0).max(1);
var Count = z.number().int().min(0);
var Metrics = z.strictObject({
  K: Fraction,
  pass_rate: Fraction,
  n: Count,
  p50_ms: z.number().min(0).optional(),
  p95_ms: z.number().min(0).optional(),
  ece: Fraction.optional().describe("expected calibration error of the confidences (15 bins)"),
  coverage: z.array(z.strictObject({ threshold: Fraction, answered: Fraction, K: Fraction })).max(100).optional().describe("answering only cases with confidence \u2265 threshold: the share answered and their K")
});
var RepoName = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
var PredibaseOrigin = z.strictObject({
  repo: z.string().regex(RepoName, 'letters, digits, ".", "_" and "-"').describe("the Predibase adapter repository"),
  version: z.number().int().positive().optional().describe("the adapter version in that repository")
});
function parsePredibaseAdapterId(id) {
  const slash = id.indexOf("/");
  const repo = slash < 0 ? id : id.slice(0, slash);
  const version = slash < 0 ? void 0 : id.slice(slash + 1);
  if (!RepoName.test(repo)) return void 0;
  if (version === void 0) return { repo };
  return /^[1-9][0-9]{0,8}$/.test(version) ? { repo, version: Number(version) } : void 0;
}
var Nullable = z.number().nullable();
var Training = z.strictObject({
  engine: z.record(z.string(), z.string()).describe("engine versions: trl, peft, transformers, torch, accelerate, tokenizers, python"),
  runtime: z.string().describe("local, ssh://host or cloud"),
  device: z.strictObject({ type: z.string(), name: z.string(), count: Count }),
  config: z.strictObject({ lora: z.record(z.string(), z.unknown()), train: z.record(z.string(), z.unknown()) }).describe("the trainer config as run: every LoRA and SFT hyperparameter"),
  base: z.record(z.string(), z.string()).describe("the weights trained on: {id, revision} or {path}"),
  steps: Count,
  seconds: z.number().min(0),
  max_length: Count,
  train_loss: Nullable,
  eval_loss: Nullable,
  eval_loss_start: Nullable.describe("eval loss before the first step"),
  loss_curve: z.array(z.tuple([Count, Nullable])).describe("[step, loss] as logged"),
  peak_memory: z.strictObject({ gpu_bytes: Nullable, host_rss_bytes: Count })
});
var ManifestSchema = z.strictObject({
  format: z.literal(ARTIFACT_FORMAT),
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, ".", "_" and "-"'),
  created: z.iso.datetime({ offset: true }).describe("taken from the inputs, not the clock, unless asked"),
  spec: SpecSchema,
  kind: z.enum(ARTIFACT_KINDS),
  recipe: z.strictObject({ type: z.enum(RECIPE_TYPES), entry: z.string().min(1) }).optional().describe("the recipe config entry the runtime loads first"),
  base: z.strictObject({
    id: z.string().min(1).describe("base model id, Hugging Face style"),
    revision: z.string().min(1).optional(),
    file: z.string().regex(/^(?!\.\.?$)[^/\\\u0000-\u001f\u007f]+$/, "a plain file name (no folder part)").optional().describe("the pinned weights file of the base model, looked up inside the models folder"),
    sha256: Hex64.optional().describe("SHA-256 of that weights file")
  }).optional(),
  origin: z.strictObject({ predibase: PredibaseOrigin }).optional().describe("where the fine-tune came from; `kolm serve` answers to its Predibase adapter ids too"),
  training: Training.optional().describe("the training run, for adapters kolm trained"),
  quantization: z.enum(ARTIFACT_QUANTIZATIONS),
  metrics: z.strictObject({ validation: Metrics.optional(), eval: Metrics.optional() }).optional(),
  sizes: z.strictObject({
    total_bytes: Count.describe("sum of the uncompressed payload entries (kolm.json and kolm.sig excluded)"),
    entries: z.record(z.string(), Count)
  }),
  compiler: z.strictObject({ name: z.literal("kolm-migrate"), version: z.string().min(1) }),
  datasets: z.array(z.strictObject({ role: z.enum(DATASET_ROLES), sha256: Hex64, rows: Count })),
  output_kind: z.enum(OUTPUT_KINDS),
  files: z.record(z.string(), z.string().regex(ENTRY_DIGEST_PATTERN, "sha256:<64 lowercase hex>"))
});
function issuePath(path) {
  return path.length === 0 ? "(top level)" : path.map((p) => typeof p === "number" ? `[${p}]` : String(p)).join(".");
}
function checkManifest(value) {
  const result = ManifestSchema.safeParse(value);
  if (result.success) return { ok: true, manifest: result.data };
  const problems = result.error.issues.map(
    (i) => i.code === "unrecognized_keys" ? i.keys.map((k) => `${issuePath([...i.path, k])}: unknown key`).join("; ") : `${issuePath(i.path)}: ${i.message}`
  );
  return { ok: false, problems };
}
var TOP_LEVEL_ORDER = Object.keys(ManifestSchema.shape);
function serializeManifest(manifest) {
  const sorted = sortKeys(manifest);
  const ordered = {};
  for (const key of TOP_LEVEL_ORDER) if (sorted[key] !== void 0) ordered[key] = sorted[key];
  return Buffer.from(`${JSON.stringify(ordered, null, 2)}
`, "utf8");
}
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const out = {};
  for (const key of Object.keys(value).sort()) {
    const v = value[key];
    if (v !== void 0) out[key] = sortKeys(v);
  }
  return out;
}

// core/artifact/write.ts
var deflateRawAsync = promisify(deflateRaw);
var FIXED_MTIME = () => new Date(1980, 0, 1, 0, 0, 0);
var FILE_MODE = 33188;
var DEFLATE_LEVEL = 6;
var MIN_SAVING = 0.1;
var YAZL_MAX_BUFFER = 1073741823;
var PROBE_BYTES = 1024 * 1024;
function buildManifest(input, entries) {
  const names = [...entries.keys()].sort(compareNames);
  const files = {};
  const sizes = {};
  let total = 0;
  for (const name of names) {
    const problem = entryNameProblem(name);
    if (problem) throw writeError(`entry "${name}": ${problem}`);
    if (name === MANIFEST_ENTRY || name === SIGNATURE_ENTRY) throw writeError(`entry "${name}" is reserved for the artifact itself`);
    const data = entries.get(name);
    if (data.length > DEFAULT_LIMITS.maxEntryBytes) throw writeError(`entry "${name}" is ${data.length} bytes, over the ${DEFAULT_LIMITS.maxEntryBytes}-byte limit readers apply`);
    files[name] = entryDigest(data);
    sizes[name] = data.length;
    total += data.length;
  }
  const folded = /* @__PURE__ */ new Set();
  for (const name of names) {
    const key = name.toLowerCase();
    if (folded.has(key)) throw writeError(`entry "${name}" differs from another only by case`);
    folded.add(key);
  }
  if (names.length + 2 > DEFAULT_LIMITS.maxEntries) throw writeError(`${names.length} entries is over the ${DEFAULT_LIMITS.maxEntries}-entry limit readers apply`);
  if (total > DEFAULT_LIMITS.maxTotalBytes) throw writeError(`the entries total ${total} bytes, over the ${DEFAULT_LIMITS.maxTotalBytes}-byte limit readers apply`);
  const derived = { total_bytes: total, entries: sizes };
  if (input.files && !sameRecord(input.files, files)) throw writeError("manifest.files does not match the entries given (pass the manifest without files to derive them)");
  if (input.sizes && (input.sizes.total_bytes !== total || !sameRecord(input.sizes.entries, sizes))) throw writeError("manifest.sizes does not match the entries given");
  const candidate = { ...input, format: ARTIFACT_FORMAT, sizes: derived, files };
  const checked = checkManifest(candidate);
  if (!checked.ok) throw writeError(`the manifest is not valid (format 1):
  - ${checked.problems.join("\n  - ")}`, checked.problems);
  const manifest = checked.manifest;
  if (manifest.recipe && !(manifest.recipe.entry in files)) throw writeError(`recipe.entry "${manifest.recipe.entry}" is not one of the entries`);
  return { manifest, manifestBytes: serializeManifest(manifest) };
}
async function writeArtifact(input) {
  const { manifest, manifestBytes } = buildManifest(input.manifest, input.entries);
  if (input.signature && input.signature.length > DEFAULT_LIMITS.maxSignatureBytes) {
    throw writeError(`the signature is ${input.signature.length} bytes, over the ${DEFAULT_LIMITS.maxSignatureBytes}-byte limit`);
  }
  const ordered = [[MANIFEST_ENTRY, manifestBytes]];
  for (const name of Object.keys(manifest.files)) ordered.push([name, input.entries.get(name)]);
  if (input.signature) ordered.push([SIGNATURE_ENTRY, input.signature]);
  const stored = ordered.map(() => 0);
  const levels = input.compression === "deflate" ? await Promise.all(ordered.map(([, data]) => compressionLevelFor(data))) : stored;
  const bytes = await zipEntries(ordered, levels);
  const total = ordered.reduce((n, [, data]) => n + data.length, 0);
  if (levels !== stored && total > maxInflatedTotal(DEFAULT_LIMITS, bytes.length)) return zipEntries(ordered, stored);
  return bytes;
}
function zipEntries(ordered, levels) {
  const zip = new yazl.ZipFile();
  const done = collect(zip.outputStream);
  ordered.forEach(([name, data], i) => {
    const options = { mtime: FIXED_MTIME(), mode: FILE_MODE, forceDosTimestamp: true, compressionLevel: levels[i] };
    const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    if (buffer.length <= YAZL_MAX_BUFFER) {
      zip.addBuffer(buffer, name, options);
    } else {
      const stream = new PassThrough();
      stream.end(buffer);
      zip.addReadStream(stream, name, { ...options, size: buffer.length });
    }
  });
  zip.end();
  return done;
}
async function saveArtifact(path, bytes) {
  await writeFileAtomic(path, bytes);
}
async function compressionLevelFor(data) {
  if (data.length === 0) return 0;
  const big = data.length > 8 * PROBE_BYTES;
  const probe = big ? data.subarray(0, PROBE_BYTES) : data;
  const probed = await deflateRawAsync(probe, { level: DEFLATE_LEVEL });
  if (probed.length > probe.length * (1 - MIN_SAVING)) return 0;
  const full = big ? await deflateRawAsync(data, { level: DEFLATE_LEVEL }) : probed;
  if (full.length > data.length * (1 - MIN_SAVING)) return 0;
  if (data.length > DEFAULT_LIMITS.ratioFloorBytes && data.length / full.length > DEFAULT_LIMITS.maxRatio) return 0;
  return DEFLATE_LEVEL;
}
function collect(stream) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    stream.on("data", (c) => chunks.push(c));
    stream.on("error", reject);
    stream.on("end", () => resolve(Buffer.concat(chunks)));
  });
}
function sameRecord(a, b) {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}
function writeError(message, details) {
  return new KolmError("E_BAD_ARTIFACT", `cannot build the artifact: ${message}`, {
    hint: "this comes from the inputs given to the artifact writer; fix the entry or manifest named",
    details
  });
}

// core/artifact/read.ts
import { stat } from "node:fs/promises";

// core/artifact/errors.ts
var ARTIFACT_HINT = "check the path of the .kolm file (`kolm compile` writes one)";
var REBUILD_HINT = "the file was altered or truncated; rebuild it with `kolm compile` or fetch it again";
function badArtifact(file, message, options = {}) {
  const where = options.entry === void 0 ? file : `${file}: entry "${options.entry}"`;
  return new KolmError("E_BAD_ARTIFACT", `${where}: ${message}`, {
    hint: options.hint ?? REBUILD_HINT,
    place: { file, ...options.entry !== void 0 ? { path: options.entry } : {} },
    cause: options.cause,
    details: options.details
  });
}
function digestMismatch(file, entry, expected, actual) {
  return new KolmError("E_DIGEST_MISMATCH", `${file}: entry "${entry}" does not match its digest in kolm.json (expected ${expected}, got ${actual})`, {
    hint: REBUILD_HINT,
    place: { file, path: entry },
    details: { entry, expected, actual }
  });
}

// core/artifact/zip.ts
import { createHash as createHash2 } from "node:crypto";
import { crc32 } from "node:zlib";
import yauzl from "yauzl";
var UTF8_FLAG = 2048;
var ENCRYPTED_FLAG = 1;
var S_IFMT = 61440;
var S_IFLNK = 40960;
var S_IFDIR = 16384;
var LOCAL_HEADER_FIXED = 30;
var DATA_DESCRIPTOR_FLAG = 8;
var DESCRIPTOR_SIGNATURE = 134695760;
var ZIP64_EXTRA = 1;
var U32_MAX = 4294967295;
var utf8 = new TextDecoder("utf-8", { fatal: true });
async function openZip(input, refuse) {
  const opts = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: false };
  try {
    return typeof input === "string" ? await yauzl.openPromise(input, opts) : await yauzl.fromBufferPromise(Buffer.from(input.buffer, input.byteOffset, input.byteLength), opts);
  } catch (err) {
    throw refuse(`not a readable zip (${err.message})`, { cause: err });
  }
}
async function listZipEntries(zip, maxEntries, refuse) {
  if (zip.entryCount > maxEntries) throw refuse(`has ${zip.entryCount} entries, over the limit of ${maxEntries}`);
  const centralDirectoryOffset = Number(zip.readEntryCursor);
  const raw = await new Promise((resolve, reject) => {
    const out = [];
    zip.on("entry", (entry) => {
      out.push(entry);
      zip.readEntry();
    });
    zip.on("end", () => resolve(out));
    zip.on("error", (err) => reject(refuse(`has a damaged zip directory (${err.message})`, { cause: err })));
    zip.readEntry();
  });
  return { entries: raw.map((entry) => ({ name: entryName(entry, refuse), entry })), centralDirectoryOffset };
}
function entryName(entry, refuse) {
  const nameBytes = entry.fileNameRaw;
  let name;
  try {
    name = utf8.decode(nameBytes);
  } catch {
    throw refuse(`has an entry whose name is not UTF-8 (bytes ${nameBytes.toString("hex")})`);
  }
  if (/[^\x00-\x7f]/.test(name) && !(entry.generalPurposeBitFlag & UTF8_FLAG)) {
    throw refuse("has a non-ASCII name without the zip UTF-8 flag, so tools disagree on what it is called", { entry: name });
  }
  return name;
}
function checkEntries(entries, bounds, refuse) {
  const seen = /* @__PURE__ */ new Map();
  const maxTotal = maxInflatedTotal(bounds, bounds.fileBytes);
  let total = 0;
  for (const { name, entry } of entries) {
    const fail = (message) => refuse(message, { entry: name });
    const problem = entryNameProblem(name);
    if (problem) throw fail(`is refused: ${problem}`);
    const folded = name.toLowerCase();
    const earlier = seen.get(folded);
    if (earlier === name) throw fail("appears twice in the zip");
    if (earlier !== void 0) throw fail(`differs only by case from entry "${earlier}"`);
    seen.set(folded, name);
    const type = entry.externalFileAttributes >>> 16 & S_IFMT;
    if (type === S_IFLNK) throw fail("is a symbolic link (only files are read)");
    if (type === S_IFDIR) throw fail("is a directory (only files are read)");
    if (entry.generalPurposeBitFlag & ENCRYPTED_FLAG) throw fail("is encrypted");
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      throw fail(`uses compression method ${entry.compressionMethod} (only stored and deflate are read)`);
    }
    const size = entry.uncompressedSize;
    if (entry.compressionMethod === 0 && entry.compressedSize !== size) {
      throw fail(`is stored, but its header gives ${entry.compressedSize} bytes stored and ${size} bytes uncompressed`);
    }
    const max = bounds.maxBytes(name);
    if (size > max) throw fail(`is ${size} bytes uncompressed, over the limit of ${max}`);
    if (size > bounds.ratioFloorBytes && size > bounds.maxRatio * entry.compressedSize) {
      const ratio = entry.compressedSize === 0 ? "an infinite" : `a ${Math.round(size / entry.compressedSize)}:1`;
      throw fail(`would inflate ${entry.compressedSize} bytes to ${size}, ${ratio} ratio over the limit of ${bounds.maxRatio}:1 (a zip bomb?)`);
    }
    total += size;
    if (total > bounds.maxTotalBytes) throw fail(`takes the uncompressed total past the limit of ${bounds.maxTotalBytes} bytes`);
    if (total > maxTotal) {
      throw fail(
        `takes the uncompressed total past ${maxTotal} bytes, ${bounds.maxRatio} times the zip's ${bounds.fileBytes} bytes (many small entries that inflate far: a zip bomb?)`
      );
    }
  }
}
function checkNoOverlap(listing, refuse) {
  const byOffset = [...listing.entries].sort((a, b) => a.entry.relativeOffsetOfLocalHeader - b.entry.relativeOffsetOfLocalHeader);
  for (let i = 0; i < byOffset.length; i++) {
    const { name, entry } = byOffset[i];
    const end = entry.relativeOffsetOfLocalHeader + LOCAL_HEADER_FIXED + entry.fileNameLength + entry.compressedSize;
    const next = i + 1 < byOffset.length ? byOffset[i + 1].entry.relativeOffsetOfLocalHeader : listing.centralDirectoryOffset;
    if (end > next) throw refuse("overlaps the data of another entry or the zip directory", { entry: name });
  }
}
async function checkLocalHeaders(zip, listing, refuse) {
  checkNoOverlap(listing, refuse);
  const extents = [];
  for (const { name, entry } of listing.entries) {
    const fail = (what) => refuse(`has a local header that disagrees with the zip directory: ${what}`, { entry: name });
    let local;
    try {
      local = await zip.readLocalFileHeaderPromise(entry);
    } catch (err) {
      throw refuse(`has no readable local header (${err.message})`, { entry: name, cause: err });
    }
    if (!Buffer.from(local.fileName).equals(entry.fileNameRaw)) {
      throw fail(`it names "${Buffer.from(local.fileName).toString("utf8").replace(/[^\x20-\x7e]/g, "?")}"`);
    }
    if (local.compressionMethod !== entry.compressionMethod) throw fail(`method ${local.compressionMethod}, the directory says ${entry.compressionMethod}`);
    for (const [flag, what] of [[ENCRYPTED_FLAG, "encryption"], [UTF8_FLAG, "UTF-8 name"], [DATA_DESCRIPTOR_FLAG, "data descriptor"]]) {
      if ((local.generalPurposeBitFlag & flag) !== (entry.generalPurposeBitFlag & flag)) throw fail(`the ${what} flag differs`);
    }
    const sizes = localSizes(local);
    let end = local.fileDataStart + entry.compressedSize;
    if (local.generalPurposeBitFlag & DATA_DESCRIPTOR_FLAG) {
      const zeroOrSame = (got, want) => got === 0 || got === want;
      if (!zeroOrSame(local.crc32, entry.crc32) || !zeroOrSame(sizes.compressed, entry.compressedSize) || !zeroOrSame(sizes.uncompressed, entry.uncompressedSize)) {
        throw fail("its CRC or sizes differ");
      }
      end += await checkDescriptor(zip, entry, end, fail);
    } else {
      if (local.crc32 !== entry.crc32) throw fail(`CRC ${hex(local.crc32)}, the directory says ${hex(entry.crc32)}`);
      if (sizes.compressed !== entry.compressedSize || sizes.uncompressed !== entry.uncompressedSize) {
        throw fail(`sizes ${sizes.compressed}/${sizes.uncompressed} (compressed/uncompressed), the directory says ${entry.compressedSize}/${entry.uncompressedSize}`);
      }
    }
    extents.push({ name, start: entry.relativeOffsetOfLocalHeader, end });
  }
  extents.sort((a, b) => a.start - b.start);
  for (let i = 0; i < extents.length; i++) {
    const next = i + 1 < extents.length ? extents[i + 1].start : listing.centralDirectoryOffset;
    if (extents[i].end > next) throw refuse("overlaps the data of another entry or the zip directory", { entry: extents[i].name });
  }
}
var hex = (n) => `0x${n.toString(16).padStart(8, "0")}`;
function localSizes(local) {
  let uncompressed = local.uncompressedSize;
  let compressed = local.compressedSize;
  if (uncompressed !== U32_MAX && compressed !== U32_MAX) return { compressed, uncompressed };
  const extra = Buffer.from(local.extraField);
  for (let i = 0; i + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(i);
    const size = extra.readUInt16LE(i + 2);
    if (id === ZIP64_EXTRA) {
      let at = i + 4;
      const field = () => {
        if (at + 8 > i + 4 + size) return -1;
        const v = Number(extra.readBigUInt64LE(at));
        at += 8;
        return v;
      };
      if (uncompressed === U32_MAX) uncompressed = field();
      if (compressed === U32_MAX) compressed = field();
      break;
    }
    i += 4 + size;
  }
  return { compressed, uncompressed };
}
async function checkDescriptor(zip, entry, at, fail) {
  const buf = Buffer.alloc(24);
  const avail = Math.max(0, Math.min(buf.length, zip.fileSize - at));
  if (avail > 0) {
    const reader = zip.reader;
    await new Promise((resolve, reject) => reader.read(buf, 0, avail, at, (err) => err ? reject(err) : resolve()));
  }
  const b = buf.subarray(0, avail);
  const forms = [[16, 4, true], [12, 0, true], [24, 4, false], [20, 0, false]];
  for (const [length, skip, narrow] of forms) {
    if (b.length < length || skip && b.readUInt32LE(0) !== DESCRIPTOR_SIGNATURE) continue;
    const crc = b.readUInt32LE(skip);
    const csize = narrow ? b.readUInt32LE(skip + 4) : Number(b.readBigUInt64LE(skip + 4));
    const usize = narrow ? b.readUInt32LE(skip + 8) : Number(b.readBigUInt64LE(skip + 12));
    if (crc === entry.crc32 && csize === entry.compressedSize && usize === entry.uncompressedSize) return length;
  }
  throw fail("its data descriptor is missing or gives another CRC or sizes");
}
async function readEntryBytes(zip, { name, entry }, refuse) {
  let stream;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (err) {
    throw refuse(`cannot be read (${err.message})`, { entry: name, cause: err });
  }
  const declared = entry.uncompressedSize;
  const out = Buffer.allocUnsafe(declared);
  const hash = createHash2("sha256");
  let crc = 0;
  let n = 0;
  try {
    for await (const chunk of stream) {
      if (n + chunk.length > declared) {
        throw refuse(`inflates to more than the ${declared} bytes its header declares (a zip bomb, or a damaged entry)`, { entry: name });
      }
      chunk.copy(out, n);
      hash.update(chunk);
      crc = crc32(chunk, crc);
      n += chunk.length;
    }
  } catch (err) {
    if (isKolmError(err)) throw err;
    throw refuse(`could not be inflated (${err.message})`, { entry: name, cause: err });
  } finally {
    stream.destroy();
  }
  if (n !== declared) throw refuse(`holds ${n} bytes, but its header declares ${declared}`, { entry: name });
  const crcProblem = crc >>> 0 === entry.crc32 ? void 0 : `fails its CRC check (${hex(crc >>> 0)}, the zip says ${hex(entry.crc32)}): the entry is damaged or altered`;
  return { bytes: out, digest: `sha256:${hash.digest("hex")}`, ...crcProblem ? { crcProblem } : {} };
}

// core/artifact/read.ts
var utf82 = new TextDecoder("utf-8", { fatal: true });
async function readArtifact(input, options = {}) {
  const { name, ...overrides } = options;
  const limits = { ...DEFAULT_LIMITS, ...overrides };
  const file = name ?? (typeof input === "string" ? input : "<artifact bytes>");
  const zip = await openArtifactZip(input, file);
  try {
    return await readOpened(zip, file, limits);
  } finally {
    zip.close();
  }
}
async function openArtifactZip(input, file) {
  if (typeof input === "string") {
    try {
      const st = await stat(input);
      if (!st.isFile()) throw badArtifact(file, "is not a file", { hint: "pass the path of a .kolm file" });
    } catch (err) {
      if (isKolmError(err)) throw err;
      throw userFileError(err, { shown: file, hint: ARTIFACT_HINT });
    }
  }
  return openZip(input, (message, at) => badArtifact(file, `is not a .kolm artifact: ${message}`, { cause: at?.cause }));
}
async function readOpened(zip, file, limits) {
  const refuse = (message, at) => badArtifact(file, message, { entry: at?.entry, cause: at?.cause });
  const listing = await listZipEntries(zip, limits.maxEntries, refuse);
  const { entries } = listing;
  checkEntries(entries, { ...limits, fileBytes: zip.fileSize, maxBytes: (name) => entryLimit(name, limits) }, refuse);
  await checkLocalHeaders(zip, listing, refuse);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const manifestEntry = byName.get(MANIFEST_ENTRY);
  if (!manifestEntry) throw badArtifact(file, `has no ${MANIFEST_ENTRY} (every .kolm starts with its manifest)`);
  const manifestBytes = (await readEntryBytes(zip, manifestEntry, refuse)).bytes;
  const manifest = parseManifestBytes(manifestBytes, file);
  checkEntrySet(manifest, entries, file);
  const payload = /* @__PURE__ */ new Map();
  for (const e of entries) {
    if (e.name === MANIFEST_ENTRY || e.name === SIGNATURE_ENTRY) continue;
    const { bytes, digest, crcProblem } = await readEntryBytes(zip, e, refuse);
    const expected = manifest.files[e.name];
    if (digest !== expected) throw digestMismatch(file, e.name, expected, digest);
    if (crcProblem) throw refuse(crcProblem, { entry: e.name });
    payload.set(e.name, bytes);
  }
  const ordered = new Map(Object.keys(manifest.files).map((n) => [n, payload.get(n)]));
  const sigEntry = byName.get(SIGNATURE_ENTRY);
  const signature = sigEntry ? (await readEntryBytes(zip, sigEntry, refuse)).bytes : void 0;
  return {
    manifest,
    manifestBytes,
    entries: ordered,
    ...signature ? { signature } : {},
    rootDigest: rootDigest(manifestBytes, manifest.files)
  };
}
function entryLimit(name, limits) {
  return name === MANIFEST_ENTRY ? limits.maxManifestBytes : name === SIGNATURE_ENTRY ? limits.maxSignatureBytes : limits.maxEntryBytes;
}
function checkEntrySet(manifest, entries, file) {
  const present = new Map(entries.map((e) => [e.name, e.entry]));
  for (const listed of Object.keys(manifest.files)) {
    if (listed === MANIFEST_ENTRY || listed === SIGNATURE_ENTRY) {
      throw badArtifact(file, `lists "${listed}" in kolm.json files, which never lists itself or the signature`, { entry: MANIFEST_ENTRY });
    }
    if (!present.has(listed)) throw badArtifact(file, "is listed in kolm.json files but missing from the zip", { entry: listed });
  }
  for (const { name } of entries) {
    if (name === MANIFEST_ENTRY || name === SIGNATURE_ENTRY) continue;
    if (!(name in manifest.files)) throw badArtifact(file, "is in the zip but not listed in kolm.json files", { entry: name });
  }
  const sizes = manifest.sizes.entries;
  let total = 0;
  for (const [name, entry] of present) {
    if (name === MANIFEST_ENTRY || name === SIGNATURE_ENTRY) continue;
    if (sizes[name] !== entry.uncompressedSize) {
      throw badArtifact(file, `is ${entry.uncompressedSize} bytes, but kolm.json sizes says ${sizes[name] ?? "nothing"}`, { entry: name });
    }
    total += entry.uncompressedSize;
  }
  for (const name of Object.keys(sizes)) {
    if (!(name in manifest.files)) throw badArtifact(file, `kolm.json sizes names "${name}", which is not in files`, { entry: MANIFEST_ENTRY });
  }
  if (manifest.sizes.total_bytes !== total) {
    throw badArtifact(file, `kolm.json sizes.total_bytes is ${manifest.sizes.total_bytes}, but the entries total ${total}`, { entry: MANIFEST_ENTRY });
  }
  if (manifest.recipe && !(manifest.recipe.entry in manifest.files)) {
    throw badArtifact(file, `kolm.json recipe.entry "${manifest.recipe.entry}" is not one of the files`, { entry: MANIFEST_ENTRY });
  }
}
function parseManifestBytes(bytes, file) {
  const at = { entry: MANIFEST_ENTRY };
  let text;
  try {
    text = utf82.decode(bytes);
  } catch {
    throw badArtifact(file, "is not UTF-8 text", at);
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw badArtifact(file, `is not valid JSON: ${err.message}`, at);
  }
  if (value !== null && typeof value === "object" && "format" in value && value.format !== ARTIFACT_FORMAT) {
    throw badArtifact(file, `is format ${JSON.stringify(value.format)}; this kolm reads format ${ARTIFACT_FORMAT}`, {
      ...at,
      hint: "use the kolm-migrate version that built it (or a newer one), or rebuild the artifact with this one"
    });
  }
  const checked = checkManifest(value);
  if (!checked.ok) {
    throw badArtifact(file, `is not a valid manifest (format ${ARTIFACT_FORMAT}):
  - ${checked.problems.join("\n  - ")}`, {
      ...at,
      details: checked.problems
    });
  }
  return checked.manifest;
}

// core/artifact/entry-json.ts
var utf83 = new TextDecoder("utf-8", { fatal: true });
function entryJson(entries, name, file) {
  const bytes = entries.get(name);
  if (!bytes) throw badArtifact(file, "is named by kolm.json but is not in the artifact", { entry: name });
  let value;
  try {
    value = JSON.parse(utf83.decode(bytes));
  } catch (err) {
    throw badArtifact(file, `is not a JSON config (${firstLine(err.message)}); kolm.json may point at the wrong entry`, { entry: name, cause: err });
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw badArtifact(file, `is JSON but not an object (${Array.isArray(value) ? "an array" : value === null ? "null" : typeof value}); kolm.json may point at the wrong entry`, { entry: name });
  }
  return value;
}
var firstLine = (s) => s.split("\n")[0].slice(0, 120);

export {
  MANIFEST_ENTRY,
  SIGNATURE_ENTRY,
  entryNameProblem,
  sha256Hex,
  entryDigest,
  compareNames,
  rootDigest,
  DEFAULT_LIMITS,
  ARTIFACT_FORMAT,
  ARTIFACT_KINDS,
  RECIPE_TYPES,
  ARTIFACT_QUANTIZATIONS,
  DATASET_ROLES,
  parsePredibaseAdapterId,
  ManifestSchema,
  checkManifest,
  serializeManifest,
  buildManifest,
  writeArtifact,
  saveArtifact,
  ARTIFACT_HINT,
  REBUILD_HINT,
  openZip,
  listZipEntries,
  checkEntries,
  checkLocalHeaders,
  readEntryBytes,
  readArtifact,
  entryJson
};
