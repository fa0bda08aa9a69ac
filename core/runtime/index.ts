// The one runtime: a .kolm (bytes or path) → its manifest and a Predictor. Every digest is checked by the
// artifact reader before any byte is used; `kolm run`, `kolm eval` and `kolm serve` all load through here.
import { entryJson, readArtifact, type ArtifactContents } from '../artifact/index.ts';
import { isKolmError, KolmError } from '../errors.ts';
import { loadRecipe } from '../recipes/index.ts';
import type { Predictor, RecipeLoadOptions } from './types.ts';
import type { AdapterRuntimeOptions } from '../llm/predictor.ts';
import { verifyArtifactContents, type ArtifactSignatureState, type Trust } from '../sign/index.ts';
import type { CascadeRuntimeOptions } from '../cascade/load.ts';

export type { ClassifierRuntime, Example, GeneratedText, GeneratedToken, GenerateOptions, Input, Prediction, Predictor, RecipeLoadOptions, TextGenerator } from './types.ts';
export { CLASSIFIER_RUNTIMES, DEFAULT_CLASSIFIER_RUNTIME, predictEach, textGenerator } from './types.ts';
export { abstaining, checkAbstainPolicy } from './abstain.ts';
export type { AbstainPolicy, AbstainedPrediction } from './abstain.ts';

export interface LoadedArtifact {
  contents: ArtifactContents;
  predictor: Predictor;
  /** What the signature check found (absent only for callers of predictorFromContents). */
  signature?: ArtifactSignatureState;
}

/** How an artifact's bytes become a Predictor: the adapter's host settings, the classifier's runtime. */
export interface PredictorOptions extends RecipeLoadOptions {
  /** Where an adapter artifact finds its base model, llama.cpp's settings and the temp folder. Required to
   *  load an adapter artifact (E_INTERNAL without it: the entry point forgot); recipes ignore it. */
  adapter?: AdapterRuntimeOptions;
  /** How a cascade artifact reaches its fallback (token, bounds, folders, error policy); recipes ignore it. */
  cascade?: CascadeRuntimeOptions;
}

export interface LoadArtifactOptions extends PredictorOptions {
  /** Refuse an artifact without kolm.sig (`--require-signature`). */
  requireSignature?: boolean;
  /** Verify the signer: a public key, or a keyless identity + trusted root. Without it only content is compared. */
  trust?: Trust;
  /** How errors name the artifact (default: the path, or "artifact"). */
  name?: string;
}

/**
 * The signature gate before loading: a kolm.sig that does not match the artifact is refused (E_BAD_SIGNATURE,
 * naming the entry), an unsigned artifact is refused under `requireSignature` (E_UNSIGNED), and with `trust`
 * the signature itself is verified. The entry digests were already checked by the reader.
 */
export function verifyArtifactSignature(contents: ArtifactContents, options: LoadArtifactOptions & { file: string }): ArtifactSignatureState {
  return verifyArtifactContents(contents, { file: options.file, trust: options.trust, requireSignature: options.requireSignature });
}

/**
 * `adapter` is required for adapter artifacts (their base and the host's temp folder); recipes ignore it.
 * `classifierRuntime` picks what scores classifier recipes, composite parts included (default 'ts').
 */
export async function predictorFromContents(contents: ArtifactContents, file = 'artifact', options: PredictorOptions = {}): Promise<Predictor> {
  const { manifest } = contents;
  const { adapter } = options;
  if (manifest.kind === 'adapter') {
    // Only the face knows where base models and temp files go; one that loads adapters must say (our bug if not).
    if (!adapter) {
      throw new KolmError('E_INTERNAL', `${file} is an adapter artifact, and this entry point passed no adapter options (base model folder, temp folder)`, {
        hint: 'run it with `kolm run` or `kolm serve`, which pass them (--base-gguf, KOLM_MODELS)',
        place: { file },
      });
    }
    // Loaded only here, so recipe users never import (or need) node-llama-cpp.
    const { adapterPredictor } = await import('../llm/predictor.ts');
    return adapterPredictor(contents, adapter, file);
  }
  // `file` names where it came from; an artifact fallback is looked for beside it (checked by digest).
  if (manifest.kind === 'cascade') return cascadePredictorFrom(contents, file, options, file !== 'artifact');
  return recipePredictor(contents, file, options);
}

/** The recipe entry of a recipe or cascade artifact, loaded. */
async function recipePredictor(contents: ArtifactContents, file: string, options: PredictorOptions): Promise<Predictor> {
  const { manifest, entries } = contents;
  if (!manifest.recipe) {
    throw new KolmError('E_BAD_ARTIFACT', `${file} is a ${manifest.kind} artifact without a recipe entry`, {
      hint: 'rebuild it with kolm compile',
      place: { file },
    });
  }
  const config = entryJson(entries, manifest.recipe.entry, file);
  try {
    return await loadRecipe(manifest.recipe.type, config, entries, { classifierRuntime: options.classifierRuntime });
  } catch (err) {
    if (isKolmError(err)) throw err;
    // The recipe loaders trust the config's shape; a config of another shape (another recipe's, or crafted)
    // is the artifact's fault, and the digest check cannot tell (it proves the bytes, not their sense).
    throw new KolmError('E_BAD_ARTIFACT', `${file}: the ${manifest.recipe.type} recipe config "${manifest.recipe.entry}" cannot be loaded: ${(err as Error)?.message ?? String(err)}`, {
      hint: 'rebuild the artifact with kolm compile; if it came from elsewhere, it was not made by kolm or was altered',
      place: { file, path: manifest.recipe.entry },
      cause: err,
    });
  }
}

/**
 * A cascade: its recipe, routed to the fallback it names below its threshold. A fallback artifact is loaded
 * through loadArtifact (digests and signature checked like any artifact), with the same options.
 */
async function cascadePredictorFrom(contents: ArtifactContents, file: string, options: PredictorOptions, fromPath: boolean): Promise<Predictor> {
  const { cascadeFromContents } = await import('../cascade/load.ts');
  const recipe = await recipePredictor(contents, file, options);
  const loader = async (bytes: Uint8Array, name: string) => {
    const { contents: inner, predictor } = await loadArtifact(bytes, { ...options, name });
    if (inner.manifest.kind === 'cascade') {
      await predictor.close?.();
      throw new KolmError('E_BAD_ARTIFACT', `${file}: its fallback ${name} is itself a cascade`, { hint: 'use an adapter (or recipe) artifact as the fallback', place: { file } });
    }
    return predictor;
  };
  const searchDirs = [...(options.cascade?.searchDirs ?? []), ...(options.adapter?.modelsDir ? [options.adapter.modelsDir] : [])];
  return cascadeFromContents(contents, file, recipe, { ...options.cascade, searchDirs }, loader, fromPath);
}

/** Read, verify (digests, then signature: see verifyArtifactSignature) and load an artifact from a path or its bytes. */
export async function loadArtifact(source: string | Uint8Array, options: LoadArtifactOptions = {}): Promise<LoadedArtifact> {
  const file = options.name ?? (typeof source === 'string' ? source : 'artifact');
  const contents = await readArtifact(source, options.name ? { name: options.name } : {});
  const signature = verifyArtifactSignature(contents, { ...options, file });
  return { contents, signature, predictor: await predictorFromContents(contents, file, options) };
}
