// Loading a cascade artifact: its recipe (loaded by the runtime like any recipe), its cascade.json, and the
// fallback it names: an endpoint (the token from the caller, never the artifact), or an artifact found by
// name and checked by digest, beside the cascade or in the folders the caller gives.
//
// The token goes only to an endpoint the user named (`fallbackUrl`, from `--fallback-url`), never to the URL
// an artifact carries: a .kolm from elsewhere could otherwise point at a server that collects the token.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ArtifactContents } from '../artifact/index.ts';
import { sha256Hex } from '../artifact/index.ts';
import { KolmError } from '../errors.ts';
import { userFileError } from '../fs/read.ts';
import { resolveEndpoint } from '../remote/index.ts';
import type { Predictor } from '../runtime/types.ts';
import { CASCADE_ENTRY, parseCascadeConfig, type CascadeConfig, type FallbackErrorPolicy } from './config.ts';
import { artifactFallback, endpointFallback, type Fallback } from './fallback.ts';
import { cascadePredictor } from './predictor.ts';

/** How a face runs cascades: the endpoint's token and bounds, where fallback artifacts are, the error policy. */
export interface CascadeRuntimeOptions {
  /** Bearer token for an endpoint fallback (PREDIBASE_API_TOKEN, read by the face); sent only to `fallbackUrl`. */
  token?: string;
  /** The endpoint the user names for the fallback (`--fallback-url`): used instead of the artifact's URL, and
   *  the only one the token is sent to. */
  fallbackUrl?: string;
  /** Per attempt on the endpoint (default 10 000 ms) and retries after the first (default 1). */
  timeoutMs?: number;
  retries?: number;
  concurrency?: number;
  /** Overrides the artifact's on_fallback_error (`--on-fallback-error`). */
  onFallbackError?: FallbackErrorPolicy;
  /** Folders to look for NAME.kolm in, after the cascade's own folder. */
  searchDirs?: readonly string[];
}

/** Loads the fallback artifact's bytes as the runtime loads any artifact (signature gate included). */
export type ArtifactLoader = (bytes: Uint8Array, name: string) => Promise<Predictor>;

async function readIfPresent(path: string): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw userFileError(err, { shown: path, hint: 'check its permissions' });
  }
}

/** NAME.kolm with the recorded digest, in the first folder that has it. */
async function findFallbackArtifact(ref: { name: string; sha256: string }, dirs: readonly string[], file: string): Promise<{ path: string; bytes: Uint8Array }> {
  const mismatched: string[] = [];
  for (const dir of dirs) {
    const path = join(dir, `${ref.name}.kolm`);
    const bytes = await readIfPresent(path);
    if (!bytes) continue;
    if (sha256Hex(bytes) === ref.sha256) return { path, bytes };
    mismatched.push(path);
  }
  if (mismatched.length) {
    throw new KolmError('E_DIGEST_MISMATCH', `${file}: the fallback ${mismatched.join(', ')} is not the artifact this cascade was built with (sha256 ${ref.sha256.slice(0, 12)}…)`, {
      hint: 'put the exact fallback artifact the cascade was compiled with beside it, or recompile the cascade against this one',
      place: { file },
    });
  }
  throw new KolmError('E_PATH_NOT_FOUND', `${file}: its fallback artifact ${ref.name}.kolm is in none of ${dirs.join(', ') || '(no folders)'}`, {
    hint: `put ${ref.name}.kolm beside the cascade or in the models folder (KOLM_MODELS)`,
    place: { file },
  });
}

export async function fallbackFor(config: CascadeConfig, contents: ArtifactContents, file: string, options: CascadeRuntimeOptions, loader: ArtifactLoader, ownDir?: string): Promise<Fallback> {
  const ref = config.fallback;
  if (ref.type === 'endpoint') {
    const named = options.fallbackUrl !== undefined;
    return endpointFallback({
      endpoint: resolveEndpoint(named ? options.fallbackUrl! : ref.url),
      spec: contents.manifest.spec,
      ...(ref.adapter_id ? { adapterId: ref.adapter_id } : {}),
      ...(named && options.token ? { token: options.token } : {}),
      ...(!named && options.token ? { withheldToken: `the token was not sent to ${ref.url}, the URL inside the artifact: name the endpoint with --fallback-url ${ref.url} to send it there` } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.retries !== undefined ? { retries: options.retries } : {}),
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    });
  }
  const dirs = [...(ownDir ? [ownDir] : []), ...(options.searchDirs ?? [])];
  const found = await findFallbackArtifact(ref, dirs, file);
  return artifactFallback(await loader(found.bytes, found.path), ref.name);
}

/**
 * The routing Predictor of a cascade, given its recipe's Predictor. `file` is the cascade's path when it was
 * loaded from one (its folder is searched first for an artifact fallback).
 */
export async function cascadeFromContents(contents: ArtifactContents, file: string, recipe: Predictor, options: CascadeRuntimeOptions, loader: ArtifactLoader, fromPath: boolean): Promise<Predictor> {
  const config = parseCascadeConfig(contents.entries.get(CASCADE_ENTRY), file);
  let fallback: Fallback;
  try {
    fallback = await fallbackFor(config, contents, file, options, loader, fromPath ? dirname(file) : undefined);
  } catch (err) {
    await recipe.close?.();
    throw err;
  }
  return cascadePredictor(recipe, fallback, { threshold: config.threshold, onFallbackError: options.onFallbackError ?? config.on_fallback_error });
}
