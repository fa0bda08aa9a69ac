// Reading a .kolm: the one reader that run, serve, eval, verify and inspect use. It never trusts the zip:
// names are checked, sizes and ratios bounded (from the central directory, then again while inflating),
// the entry set must be exactly kolm.json + `files` (+ kolm.sig), and every digest is checked before any
// byte is handed back.
import { stat } from 'node:fs/promises';
import type yauzl from 'yauzl';
import { KolmError, isKolmError } from '../errors.ts';
import { rootDigest } from './digest.ts';
import { ARTIFACT_HINT, badArtifact, digestMismatch } from './errors.ts';
import { userFileError } from '../fs/read.ts';
import { DEFAULT_LIMITS, type ArtifactLimits } from './limits.ts';
import { ARTIFACT_FORMAT, checkManifest, type Manifest } from './manifest.ts';
import { MANIFEST_ENTRY, SIGNATURE_ENTRY } from './names.ts';
import { checkEntries, checkLocalHeaders, listZipEntries, openZip, readEntryBytes, type ZipEntry, type ZipRefusal } from './zip.ts';

export interface ReadArtifactOptions extends Partial<ArtifactLimits> {
  /** How errors name the artifact; defaults to the path, or "<artifact bytes>" for bytes. */
  name?: string;
}

export interface ArtifactContents {
  manifest: Manifest;
  /** The exact kolm.json bytes (its digest is part of the root digest). */
  manifestBytes: Uint8Array;
  /** Every payload entry, verified against `manifest.files`, in `files` order. */
  entries: Map<string, Uint8Array>;
  /** kolm.sig, unverified: checking it is `kolm verify`'s job. */
  signature?: Uint8Array;
  /** rootDigest(manifestBytes, manifest.files), hex. */
  rootDigest: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Read and verify a .kolm from its bytes or its path. Throws E_BAD_ARTIFACT / E_DIGEST_MISMATCH. */
export async function readArtifact(input: Uint8Array | string, options: ReadArtifactOptions = {}): Promise<ArtifactContents> {
  const { name, ...overrides } = options;
  const limits: ArtifactLimits = { ...DEFAULT_LIMITS, ...overrides };
  const file = name ?? (typeof input === 'string' ? input : '<artifact bytes>');
  const zip = await openArtifactZip(input, file);
  try {
    return await readOpened(zip, file, limits);
  } finally {
    zip.close();
  }
}

async function openArtifactZip(input: Uint8Array | string, file: string): Promise<yauzl.ZipFile> {
  if (typeof input === 'string') {
    try {
      const st = await stat(input);
      if (!st.isFile()) throw badArtifact(file, 'is not a file', { hint: 'pass the path of a .kolm file' });
    } catch (err) {
      if (isKolmError(err)) throw err;
      throw userFileError(err, { shown: file, hint: ARTIFACT_HINT });
    }
  }
  return openZip(input, (message, at) => badArtifact(file, `is not a .kolm artifact: ${message}`, { cause: at?.cause }));
}

async function readOpened(zip: yauzl.ZipFile, file: string, limits: ArtifactLimits): Promise<ArtifactContents> {
  const refuse: ZipRefusal = (message, at) => badArtifact(file, message, { entry: at?.entry, cause: at?.cause });
  const listing = await listZipEntries(zip, limits.maxEntries, refuse);
  // Every entry of a .kolm is read, so every one is checked (and none may be a folder).
  const { entries } = listing;
  checkEntries(entries, { ...limits, fileBytes: zip.fileSize, maxBytes: (name) => entryLimit(name, limits) }, refuse);
  await checkLocalHeaders(zip, listing, refuse);

  const byName = new Map(entries.map((e) => [e.name, e]));
  const manifestEntry = byName.get(MANIFEST_ENTRY);
  if (!manifestEntry) throw badArtifact(file, `has no ${MANIFEST_ENTRY} (every .kolm starts with its manifest)`);
  const manifestBytes = (await readEntryBytes(zip, manifestEntry, refuse)).bytes;
  const manifest = parseManifestBytes(manifestBytes, file);

  checkEntrySet(manifest, entries, file);

  const payload = new Map<string, Uint8Array>();
  for (const e of entries) {
    if (e.name === MANIFEST_ENTRY || e.name === SIGNATURE_ENTRY) continue;
    const { bytes, digest, crcProblem } = await readEntryBytes(zip, e, refuse);
    const expected = manifest.files[e.name]!;
    if (digest !== expected) throw digestMismatch(file, e.name, expected, digest);
    // kolm.json and kolm.sig are left to the signature check, which names what changed.
    if (crcProblem) throw refuse(crcProblem, { entry: e.name });
    payload.set(e.name, bytes);
  }
  const ordered = new Map(Object.keys(manifest.files).map((n) => [n, payload.get(n)!]));
  const sigEntry = byName.get(SIGNATURE_ENTRY);
  const signature = sigEntry ? (await readEntryBytes(zip, sigEntry, refuse)).bytes : undefined;
  return {
    manifest,
    manifestBytes,
    entries: ordered,
    ...(signature ? { signature } : {}),
    rootDigest: rootDigest(manifestBytes, manifest.files),
  };
}

function entryLimit(name: string, limits: ArtifactLimits): number {
  return name === MANIFEST_ENTRY ? limits.maxManifestBytes : name === SIGNATURE_ENTRY ? limits.maxSignatureBytes : limits.maxEntryBytes;
}

/** Exactly kolm.json, the `files` entries and optionally kolm.sig; sizes and recipe.entry agree. */
function checkEntrySet(manifest: Manifest, entries: readonly ZipEntry[], file: string): void {
  const present = new Map(entries.map((e) => [e.name, e.entry]));
  for (const listed of Object.keys(manifest.files)) {
    if (listed === MANIFEST_ENTRY || listed === SIGNATURE_ENTRY) {
      throw badArtifact(file, `lists "${listed}" in kolm.json files, which never lists itself or the signature`, { entry: MANIFEST_ENTRY });
    }
    if (!present.has(listed)) throw badArtifact(file, 'is listed in kolm.json files but missing from the zip', { entry: listed });
  }
  for (const { name } of entries) {
    if (name === MANIFEST_ENTRY || name === SIGNATURE_ENTRY) continue;
    if (!(name in manifest.files)) throw badArtifact(file, 'is in the zip but not listed in kolm.json files', { entry: name });
  }
  const sizes = manifest.sizes.entries;
  let total = 0;
  for (const [name, entry] of present) {
    if (name === MANIFEST_ENTRY || name === SIGNATURE_ENTRY) continue;
    if (sizes[name] !== entry.uncompressedSize) {
      throw badArtifact(file, `is ${entry.uncompressedSize} bytes, but kolm.json sizes says ${sizes[name] ?? 'nothing'}`, { entry: name });
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

function parseManifestBytes(bytes: Uint8Array, file: string): Manifest {
  const at = { entry: MANIFEST_ENTRY };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw badArtifact(file, 'is not UTF-8 text', at);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw badArtifact(file, `is not valid JSON: ${(err as Error).message}`, at);
  }
  if (value !== null && typeof value === 'object' && 'format' in value && value.format !== ARTIFACT_FORMAT) {
    throw badArtifact(file, `is format ${JSON.stringify(value.format)}; this kolm reads format ${ARTIFACT_FORMAT}`, {
      ...at,
      hint: 'use the kolm-migrate version that built it (or a newer one), or rebuild the artifact with this one',
    });
  }
  const checked = checkManifest(value);
  if (!checked.ok) {
    throw badArtifact(file, `is not a valid manifest (format ${ARTIFACT_FORMAT}):\n  - ${checked.problems.join('\n  - ')}`, {
      ...at,
      details: checked.problems,
    });
  }
  return checked.manifest;
}
