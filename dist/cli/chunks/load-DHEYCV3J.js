import {
  artifactFallback,
  endpointFallback
} from "./chunk-KJEBBPXY.js";
import {
  resolveEndpoint
} from "./chunk-P6XBHVKH.js";
import {
  cascadePredictor
} from "./chunk-27DNCZ6H.js";
import "./chunk-LL7JIVUI.js";
import "./chunk-3BN23YBG.js";
import {
  CASCADE_ENTRY,
  parseCascadeConfig
} from "./chunk-OBWXLOW7.js";
import "./chunk-4NIWZNTF.js";
import {
  sha256Hex
} from "./chunk-KACU67E6.js";
import "./chunk-WBWVS4MC.js";
import "./chunk-QMXGNTLL.js";
import {
  userFileError
} from "./chunk-LIGPPG57.js";
import {
  KolmError
} from "./chunk-AYSNEYKG.js";

// core/cascade/load.ts
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
async function readIfPresent(path) {
  try {
    return new Uint8Array(await readFile(path));
  } catch (err) {
    if (err.code === "ENOENT" || err.code === "ENOTDIR") return void 0;
    throw userFileError(err, { shown: path, hint: "check its permissions" });
  }
}
async function findFallbackArtifact(ref, dirs, file) {
  const mismatched = [];
  for (const dir of dirs) {
    const path = join(dir, `${ref.name}.kolm`);
    const bytes = await readIfPresent(path);
    if (!bytes) continue;
    if (sha256Hex(bytes) === ref.sha256) return { path, bytes };
    mismatched.push(path);
  }
  if (mismatched.length) {
    throw new KolmError("E_DIGEST_MISMATCH", `${file}: the fallback ${mismatched.join(", ")} is not the artifact this cascade was built with (sha256 ${ref.sha256.slice(0, 12)}\u2026)`, {
      hint: "put the exact fallback artifact the cascade was compiled with beside it, or recompile the cascade against this one",
      place: { file }
    });
  }
  throw new KolmError("E_PATH_NOT_FOUND", `${file}: its fallback artifact ${ref.name}.kolm is in none of ${dirs.join(", ") || "(no folders)"}`, {
    hint: `put ${ref.name}.kolm beside the cascade or in the models folder (KOLM_MODELS)`,
    place: { file }
  });
}
async function fallbackFor(config, contents, file, options, loader, ownDir) {
  const ref = config.fallback;
  if (ref.type === "endpoint") {
    const named = options.fallbackUrl !== void 0;
    return endpointFallback({
      endpoint: resolveEndpoint(named ? options.fallbackUrl : ref.url),
      spec: contents.manifest.spec,
      ...ref.adapter_id ? { adapterId: ref.adapter_id } : {},
      ...named && options.token ? { token: options.token } : {},
      ...!named && options.token ? { withheldToken: `the token was not sent to ${ref.url}, the URL inside the artifact: name the endpoint with --fallback-url ${ref.url} to send it there` } : {},
      ...options.timeoutMs ? { timeoutMs: options.timeoutMs } : {},
      ...options.retries !== void 0 ? { retries: options.retries } : {},
      ...options.concurrency ? { concurrency: options.concurrency } : {}
    });
  }
  const dirs = [...ownDir ? [ownDir] : [], ...options.searchDirs ?? []];
  const found = await findFallbackArtifact(ref, dirs, file);
  return artifactFallback(await loader(found.bytes, found.path), ref.name);
}
async function cascadeFromContents(contents, file, recipe, options, loader, fromPath) {
  const config = parseCascadeConfig(contents.entries.get(CASCADE_ENTRY), file);
  let fallback;
  try {
    fallback = await fallbackFor(config, contents, file, options, loader, fromPath ? dirname(file) : void 0);
  } catch (err) {
    await recipe.close?.();
    throw err;
  }
  return cascadePredictor(recipe, fallback, { threshold: config.threshold, onFallbackError: options.onFallbackError ?? config.on_fallback_error });
}
export {
  cascadeFromContents,
  fallbackFor
};
