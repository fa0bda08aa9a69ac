// The base model an adapter artifact pins (model id, revision, GGUF file name, SHA-256) and where it is
// found at load: `--base-gguf`, else the models folder (KOLM_MODELS, default ~/.cache/kolm/models) as
// <models>/<id>/<file> or <models>/<file>. The base is never inside the artifact; its digest must match the
// pin, since an adapter applied to other weights silently gives other answers.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative } from 'node:path';
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
  if (id && baseIdProblem(id)) refuseId('E_BAD_SPEC', id, 'the spec', { file: 'spec', path: 'base' });
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
 * Why a base model id cannot name a folder under the models folder, or null: Hugging Face style
 * `org/name` (one or two plain segments), never `..`, `.`, an absolute path or a backslash. The id comes
 * from a spec or from an artifact, and joined as given it could name any folder on the machine.
 */
export function baseIdProblem(id: string): string | null {
  if (isAbsolute(id) || /^[A-Za-z]:/.test(id)) return 'it is an absolute path';
  if (/[\\\u0000-\u001f\u007f]/.test(id)) return 'it holds a backslash or a control character';
  const segments = id.split('/');
  if (segments.length > 2) return 'it has more than two segments (org/name)';
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return 'it has an empty, "." or ".." segment';
  return null;
}

/** Why a pinned base file name is not one plain file name (no folder part), or null. */
export function baseFileProblem(file: string): string | null {
  if (file === '' || file === '.' || file === '..') return 'it is not a file name';
  if (/[\/\\\u0000-\u001f\u007f]/.test(file)) return 'it holds a folder separator or a control character';
  return null;
}

/** `parts` joined under `folder`, refused (null) if the result would not be inside it. */
function inside(folder: string, ...parts: string[]): string | null {
  const path = join(folder, ...parts);
  const rel = relative(folder, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? null : path;
}

function refuseId(code: 'E_BAD_ARTIFACT' | 'E_BAD_SPEC', id: string, where: string, place: { file: string; path?: string }): never {
  throw new KolmError(code, `${where} names base "${id}", which is not a model id kolm looks up: ${baseIdProblem(id)}`, {
    hint: 'name the base Hugging Face style (org/name), or pass its .gguf with --base-gguf',
    place,
  });
}

/**
 * Find the pinned base at load and check its digest. Looks at `baseGguf`, then <models>/<id>/<file>, then
 * <models>/<file>. A digest that differs from the pin is E_BASE_MISMATCH naming both digests. The pin
 * comes from the artifact: it must carry a digest (nothing unverified is handed to llama.cpp), and its id
 * and file must name a file inside the models folder, so an artifact cannot make kolm read (and report the
 * digest of) a file elsewhere.
 */
export async function resolvePinnedBase(pin: BasePin, options: ResolveOptions, artifact = 'artifact'): Promise<string> {
  if (!pin.sha256 || !/^[0-9a-f]{64}$/.test(pin.sha256)) {
    throw new KolmError('E_BAD_ARTIFACT', `${artifact} pins base ${pin.id} without a SHA-256 digest, so the base it runs on cannot be checked`, {
      hint: 'rebuild the artifact with kolm compile --adapter, which pins the base file and its digest',
      place: { file: artifact, path: 'base.sha256' },
    });
  }
  if (pin.file !== undefined && baseFileProblem(pin.file)) {
    throw new KolmError('E_BAD_ARTIFACT', `${artifact} pins base file "${pin.file}", which is not a plain file name: ${baseFileProblem(pin.file)}`, {
      hint: 'rebuild the artifact with kolm compile --adapter; the base file is looked up only inside the models folder',
      place: { file: artifact, path: 'base.file' },
    });
  }
  const candidates: string[] = [];
  if (options.baseGguf) candidates.push(options.baseGguf);
  else if (options.modelsDir && pin.file) {
    if (baseIdProblem(pin.id)) refuseId('E_BAD_ARTIFACT', pin.id, artifact, { file: artifact, path: 'base.id' });
    for (const c of [inside(options.modelsDir, pin.id, pin.file), inside(options.modelsDir, pin.file)]) if (c) candidates.push(c);
  }
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
  const got = await fileSha256(path);
  if (got !== pin.sha256) {
    throw new KolmError('E_BASE_MISMATCH', `${path} has SHA-256 ${got}, but ${artifact} pins base ${pin.id} ${pin.file ?? ''} at SHA-256 ${pin.sha256}`, {
      hint: 'use the exact base GGUF the adapter was compiled against (same conversion and quantization), or recompile the adapter on this base',
      place: { file: path },
    });
  }
  return path;
}
