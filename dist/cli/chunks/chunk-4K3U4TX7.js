import {
  loadRecipe
} from "./chunk-634HSXJB.js";
import {
  verifyArtifactContents
} from "./chunk-62KDHQQ6.js";
import {
  entryJson,
  readArtifact
} from "./chunk-KACU67E6.js";
import {
  KolmError,
  isKolmError
} from "./chunk-AYSNEYKG.js";

// core/runtime/abstain.ts
function checkAbstainPolicy(policy) {
  if (!(policy.below > 0 && policy.below <= 1)) {
    throw new KolmError("E_USAGE", `--abstain-below ${policy.below} is not a confidence in (0, 1]`, { hint: "read a threshold off the coverage curve of `kolm eval --json`, e.g. --abstain-below 0.5" });
  }
  return policy;
}
function apply(p, policy) {
  if (typeof p.confidence !== "number" || p.confidence >= policy.below) return p;
  return { ...p, output: policy.output, confidence: p.confidence, abstained: true, withheld: p.output };
}
function abstaining(predictor, policy) {
  checkAbstainPolicy(policy);
  return {
    ...predictor.generator ? { generator: predictor.generator } : {},
    async predict(input) {
      return apply(await predictor.predict(input), policy);
    },
    async predictBatch(inputs) {
      return (await predictor.predictBatch(inputs)).map((p) => apply(p, policy));
    },
    ...predictor.close ? { close: () => predictor.close() } : {}
  };
}

// core/runtime/index.ts
function verifyArtifactSignature(contents, options) {
  return verifyArtifactContents(contents, { file: options.file, trust: options.trust, requireSignature: options.requireSignature });
}
async function predictorFromContents(contents, file = "artifact", options = {}) {
  const { manifest } = contents;
  const { adapter } = options;
  if (manifest.kind === "adapter") {
    if (!adapter) {
      throw new KolmError("E_INTERNAL", `${file} is an adapter artifact, and this entry point passed no adapter options (base model folder, temp folder)`, {
        hint: "run it with `kolm run` or `kolm serve`, which pass them (--base-gguf, KOLM_MODELS)",
        place: { file }
      });
    }
    const { adapterPredictor } = await import("./predictor-CGN6TVFD.js");
    return adapterPredictor(contents, adapter, file);
  }
  if (manifest.kind === "cascade") return cascadePredictorFrom(contents, file, options, file !== "artifact");
  return recipePredictor(contents, file, options);
}
async function recipePredictor(contents, file, options) {
  const { manifest, entries } = contents;
  if (!manifest.recipe) {
    throw new KolmError("E_BAD_ARTIFACT", `${file} is a ${manifest.kind} artifact without a recipe entry`, {
      hint: "rebuild it with kolm compile",
      place: { file }
    });
  }
  const config = entryJson(entries, manifest.recipe.entry, file);
  try {
    return await loadRecipe(manifest.recipe.type, config, entries, { classifierRuntime: options.classifierRuntime });
  } catch (err) {
    if (isKolmError(err)) throw err;
    throw new KolmError("E_BAD_ARTIFACT", `${file}: the ${manifest.recipe.type} recipe config "${manifest.recipe.entry}" cannot be loaded: ${err?.message ?? String(err)}`, {
      hint: "rebuild the artifact with kolm compile; if it came from elsewhere, it was not made by kolm or was altered",
      place: { file, path: manifest.recipe.entry },
      cause: err
    });
  }
}
async function cascadePredictorFrom(contents, file, options, fromPath) {
  const { cascadeFromContents } = await import("./load-DHEYCV3J.js");
  const recipe = await recipePredictor(contents, file, options);
  const loader = async (bytes, name) => {
    const { contents: inner, predictor } = await loadArtifact(bytes, { ...options, name });
    if (inner.manifest.kind === "cascade") {
      await predictor.close?.();
      throw new KolmError("E_BAD_ARTIFACT", `${file}: its fallback ${name} is itself a cascade`, { hint: "use an adapter (or recipe) artifact as the fallback", place: { file } });
    }
    return predictor;
  };
  const searchDirs = [...options.cascade?.searchDirs ?? [], ...options.adapter?.modelsDir ? [options.adapter.modelsDir] : []];
  return cascadeFromContents(contents, file, recipe, { ...options.cascade, searchDirs }, loader, fromPath);
}
async function loadArtifact(source, options = {}) {
  const file = options.name ?? (typeof source === "string" ? source : "artifact");
  const contents = await readArtifact(source, options.name ? { name: options.name } : {});
  const signature = verifyArtifactSignature(contents, { ...options, file });
  return { contents, signature, predictor: await predictorFromContents(contents, file, options) };
}

export {
  checkAbstainPolicy,
  abstaining,
  verifyArtifactSignature,
  predictorFromContents,
  loadArtifact
};
