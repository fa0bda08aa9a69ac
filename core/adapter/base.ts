// The base model an adapter artifact pins (model id, revision, GGUF file name, SHA-256) and where it is
// found at load: `--base-gguf`, else the models folder (KOLM_MODELS, default ~/.cache/kolm/models) as
// <models>/<id>/<file> or <models>/<file>. The base is never inside the artifact; its digest must match the
// pin, since an adapter applied to other weights silently gives other answers.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { KolmError } from '../errors.ts';

export interface BasePin {
  id: string;
  revision?: string;
  file?: string;
  sha256?: string;
}

/** The models folder: KOLM_MODELS, else $XDG_CACHE_HOME/kolm/models, else <home>/.cache/kolm/models. */
export function defaultModelsDir(env: Record<string, string | undefined>, home: string): string {
  if (env.KOLM_MODELS) return env.KOLM_MODELS;
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'kolm', 'models');
}

// Hashing a multi-gigabyte base takes seconds; a served base is hashed once per process and file version.
const digestCache = new Map<string, string>();

/** SHA-256 (hex) of a file, streamed; cached per path, size and mtime for this process. */
export async function fileSha256(path: string): Promise<string> {
  const st = await stat(path);
  const key = `${path}\0${st.size}\0${st.mtimeMs}`;
  const cached = digestCache.get(key);
  if (cached) return cached;
  const hash = createHash('sha256');
  await new Promise<void>((resolve, reject) => {
    const s = createReadStream(path, { highWaterMark: 4 * 1024 * 1024 });
    s.on('data', (d) => hash.update(d));
    s.on('error', reject);
    s.on('end', () => resolve());
  });
  const hex = hash.digest('hex');
  digestCache.set(key, hex);
  return hex;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Every .gguf directly in `dir` (sorted), or [] when the folder does not exist. */
async function ggufsIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.gguf')).sort().map((n) => join(dir, n));
  } catch {
    return [];
  }
}

export interface ResolveOptions {
  /** An explicit base GGUF (`--base-gguf`); wins over the models folder. */
  baseGguf?: string;
  modelsDir?: string;
}

/**
 * Find the base GGUF for compile (no pin yet): `--base-gguf`, else the only .gguf in <models>/<id>/.
 * Throws E_BASE_NOT_FOUND saying where it looked.
 */
export async function findBaseForCompile(id: string | undefined, options: ResolveOptions): Promise<string> {
  if (options.baseGguf) {
    if (!(await isFile(options.baseGguf))) {
      throw new KolmError('E_BASE_NOT_FOUND', `no base model at ${options.baseGguf}`, { hint: 'pass the base model .gguf file with --base-gguf', place: { file: options.baseGguf } });
    }
    return options.baseGguf;
  }
  const looked = options.modelsDir && id ? join(options.modelsDir, id) : undefined;
  const found = looked ? await ggufsIn(looked) : [];
  if (found.length === 1) return found[0]!;
  throw new KolmError(
    'E_BASE_NOT_FOUND',
    found.length > 1
      ? `${looked} holds ${found.length} GGUF files (${found.map((f) => basename(f)).join(', ')}); which one is the base is ambiguous`
      : `no base model GGUF for ${id ?? '(no base named)'}${looked ? ` in ${looked}` : ''}`,
    { hint: `pass it with --base-gguf FILE.gguf${looked ? `, or put exactly one .gguf in ${looked}` : ''} (convert the base with llama.cpp convert_hf_to_gguf.py)` },
  );
}

/**
 * Find the pinned base at load and check its digest. Looks at `baseGguf`, then <models>/<id>/<file>, then
 * <models>/<file>. A digest that differs from the pin is E_BASE_MISMATCH naming both digests.
 */
export async function resolvePinnedBase(pin: BasePin, options: ResolveOptions, artifact = 'artifact'): Promise<string> {
  const candidates: string[] = [];
  if (options.baseGguf) candidates.push(options.baseGguf);
  else if (options.modelsDir && pin.file) candidates.push(join(options.modelsDir, pin.id, pin.file), join(options.modelsDir, pin.file));
  let path: string | undefined;
  for (const c of candidates) {
    if (await isFile(c)) {
      path = c;
      break;
    }
  }
  if (!path) {
    throw new KolmError('E_BASE_NOT_FOUND', `${artifact} needs base ${pin.id}${pin.revision ? `@${pin.revision}` : ''} (${pin.file ?? 'a GGUF file'}); not found${candidates.length ? ` at ${candidates.join(' or ')}` : ''}`, {
      hint: `pass --base-gguf PATH, or put ${pin.file ?? 'the base .gguf'} in ${options.modelsDir ? join(options.modelsDir, pin.id) : 'the models folder (KOLM_MODELS)'}`,
      place: { file: artifact },
    });
  }
  if (pin.sha256) {
    const got = await fileSha256(path);
    if (got !== pin.sha256) {
      throw new KolmError('E_BASE_MISMATCH', `${path} has SHA-256 ${got}, but ${artifact} pins base ${pin.id} ${pin.file ?? ''} at SHA-256 ${pin.sha256}`, {
        hint: 'use the exact base GGUF the adapter was compiled against (same conversion and quantization), or recompile the adapter on this base',
        place: { file: path },
      });
    }
  }
  return path;
}
