import {
  KolmError
} from "./chunk-AYSNEYKG.js";

// core/adapter/base.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename, isAbsolute, join, relative } from "node:path";
function defaultModelsDir(env, home) {
  if (env.KOLM_MODELS) return env.KOLM_MODELS;
  return join(env.XDG_CACHE_HOME || join(home, ".cache"), "kolm", "models");
}
var digestCache = /* @__PURE__ */ new Map();
async function fileSha256(path) {
  const st = await stat(path);
  const key = `${path}\0${st.size}\0${st.mtimeMs}`;
  const cached = digestCache.get(key);
  if (cached) return cached;
  const hash = createHash("sha256");
  await new Promise((resolve, reject) => {
    const s = createReadStream(path, { highWaterMark: 4 * 1024 * 1024 });
    s.on("data", (d) => hash.update(d));
    s.on("error", reject);
    s.on("end", () => resolve());
  });
  const hex = hash.digest("hex");
  digestCache.set(key, hex);
  return hex;
}
async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
async function ggufsIn(dir) {
  try {
    return (await readdir(dir)).filter((n) => n.toLowerCase().endsWith(".gguf")).sort().map((n) => join(dir, n));
  } catch {
    return [];
  }
}
async function findBaseForCompile(id, options) {
  if (options.baseGguf) {
    if (!await isFile(options.baseGguf)) {
      throw new KolmError("E_BASE_NOT_FOUND", `no base model at ${options.baseGguf}`, { hint: "pass the base model .gguf file with --base-gguf", place: { file: options.baseGguf } });
    }
    return options.baseGguf;
  }
  if (id && baseIdProblem(id)) refuseId("E_BAD_SPEC", id, "the spec", { file: "spec", path: "base" });
  const looked = options.modelsDir && id ? join(options.modelsDir, id) : void 0;
  const found = looked ? await ggufsIn(looked) : [];
  if (found.length === 1) return found[0];
  throw new KolmError(
    "E_BASE_NOT_FOUND",
    found.length > 1 ? `${looked} holds ${found.length} GGUF files (${found.map((f) => basename(f)).join(", ")}); which one is the base is ambiguous` : `no base model GGUF for ${id ?? "(no base named)"}${looked ? ` in ${looked}` : ""}`,
    { hint: `pass it with --base-gguf FILE.gguf${looked ? `, or put exactly one .gguf in ${looked}` : ""} (convert the base with llama.cpp convert_hf_to_gguf.py)` }
  );
}
function baseIdProblem(id) {
  if (isAbsolute(id) || /^[A-Za-z]:/.test(id)) return "it is an absolute path";
  if (/[\\\u0000-\u001f\u007f]/.test(id)) return "it holds a backslash or a control character";
  const segments = id.split("/");
  if (segments.length > 2) return "it has more than two segments (org/name)";
  if (segments.some((s) => s === "" || s === "." || s === "..")) return 'it has an empty, "." or ".." segment';
  return null;
}
function baseFileProblem(file) {
  if (file === "" || file === "." || file === "..") return "it is not a file name";
  if (/[\/\\\u0000-\u001f\u007f]/.test(file)) return "it holds a folder separator or a control character";
  return null;
}
function inside(folder, ...parts) {
  const path = join(folder, ...parts);
  const rel = relative(folder, path);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? null : path;
}
function refuseId(code, id, where, place) {
  throw new KolmError(code, `${where} names base "${id}", which is not a model id kolm looks up: ${baseIdProblem(id)}`, {
    hint: "name the base Hugging Face style (org/name), or pass its .gguf with --base-gguf",
    place
  });
}
async function resolvePinnedBase(pin, options, artifact = "artifact") {
  if (!pin.sha256 || !/^[0-9a-f]{64}$/.test(pin.sha256)) {
    throw new KolmError("E_BAD_ARTIFACT", `${artifact} pins base ${pin.id} without a SHA-256 digest, so the base it runs on cannot be checked`, {
      hint: "rebuild the artifact with kolm compile --adapter, which pins the base file and its digest",
      place: { file: artifact, path: "base.sha256" }
    });
  }
  if (pin.file !== void 0 && baseFileProblem(pin.file)) {
    throw new KolmError("E_BAD_ARTIFACT", `${artifact} pins base file "${pin.file}", which is not a plain file name: ${baseFileProblem(pin.file)}`, {
      hint: "rebuild the artifact with kolm compile --adapter; the base file is looked up only inside the models folder",
      place: { file: artifact, path: "base.file" }
    });
  }
  const candidates = [];
  if (options.baseGguf) candidates.push(options.baseGguf);
  else if (options.modelsDir && pin.file) {
    if (baseIdProblem(pin.id)) refuseId("E_BAD_ARTIFACT", pin.id, artifact, { file: artifact, path: "base.id" });
    for (const c of [inside(options.modelsDir, pin.id, pin.file), inside(options.modelsDir, pin.file)]) if (c) candidates.push(c);
  }
  let path;
  for (const c of candidates) {
    if (await isFile(c)) {
      path = c;
      break;
    }
  }
  if (!path) {
    throw new KolmError("E_BASE_NOT_FOUND", `${artifact} needs base ${pin.id}${pin.revision ? `@${pin.revision}` : ""} (${pin.file ?? "a GGUF file"}); not found${candidates.length ? ` at ${candidates.join(" or ")}` : ""}`, {
      hint: `pass --base-gguf PATH, or put ${pin.file ?? "the base .gguf"} in ${options.modelsDir ? join(options.modelsDir, pin.id) : "the models folder (KOLM_MODELS)"}`,
      place: { file: artifact }
    });
  }
  const got = await fileSha256(path);
  if (got !== pin.sha256) {
    throw new KolmError("E_BASE_MISMATCH", `${path} has SHA-256 ${got}, but ${artifact} pins base ${pin.id} ${pin.file ?? ""} at SHA-256 ${pin.sha256}`, {
      hint: "use the exact base GGUF the adapter was compiled against (same conversion and quantization), or recompile the adapter on this base",
      place: { file: path }
    });
  }
  return path;
}

export {
  defaultModelsDir,
  fileSha256,
  findBaseForCompile,
  resolvePinnedBase
};
