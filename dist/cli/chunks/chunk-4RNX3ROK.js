import {
  KolmError
} from "./chunk-HCB5U3V4.js";

// core/adapter/base.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
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
  const looked = options.modelsDir && id ? join(options.modelsDir, id) : void 0;
  const found = looked ? await ggufsIn(looked) : [];
  if (found.length === 1) return found[0];
  throw new KolmError(
    "E_BASE_NOT_FOUND",
    found.length > 1 ? `${looked} holds ${found.length} GGUF files (${found.map((f) => basename(f)).join(", ")}); which one is the base is ambiguous` : `no base model GGUF for ${id ?? "(no base named)"}${looked ? ` in ${looked}` : ""}`,
    { hint: `pass it with --base-gguf FILE.gguf${looked ? `, or put exactly one .gguf in ${looked}` : ""} (convert the base with llama.cpp convert_hf_to_gguf.py)` }
  );
}
async function resolvePinnedBase(pin, options, artifact = "artifact") {
  const candidates = [];
  if (options.baseGguf) candidates.push(options.baseGguf);
  else if (options.modelsDir && pin.file) candidates.push(join(options.modelsDir, pin.id, pin.file), join(options.modelsDir, pin.file));
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
  if (pin.sha256) {
    const got = await fileSha256(path);
    if (got !== pin.sha256) {
      throw new KolmError("E_BASE_MISMATCH", `${path} has SHA-256 ${got}, but ${artifact} pins base ${pin.id} ${pin.file ?? ""} at SHA-256 ${pin.sha256}`, {
        hint: "use the exact base GGUF the adapter was compiled against (same conversion and quantization), or recompile the adapter on this base",
        place: { file: path }
      });
    }
  }
  return path;
}

export {
  defaultModelsDir,
  fileSha256,
  findBaseForCompile,
  resolvePinnedBase
};
