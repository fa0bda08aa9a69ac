// Reading a .kolm: the one reader that run, serve, eval, verify and inspect use. It never trusts the zip:
// names are checked, sizes and ratios bounded (from the central directory, then again while inflating),
// the entry set must be exactly kolm.json + `files` (+ kolm.sig), and every digest is checked before any
// byte is handed back.
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { KolmError, isKolmError } from '../errors.ts';
import { rootDigest } from './digest.ts';
import { badArtifact, digestMismatch } from './errors.ts';
import { DEFAULT_LIMITS, type ArtifactLimits } from './limits.ts';
import { ARTIFACT_FORMAT, checkManifest, type Manifest } from './manifest.ts';
import { MANIFEST_ENTRY, SIGNATURE_ENTRY, entryNameProblem } from './names.ts';

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

const UTF8_FLAG = 0x800;
const ENCRYPTED_FLAG = 0x1;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;
const LOCAL_HEADER_FIXED = 30;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Read and verify a .kolm from its bytes or its path. Throws E_BAD_ARTIFACT / E_DIGEST_MISMATCH. */
export async function readArtifact(input: Uint8Array | string, options: ReadArtifactOptions = {}): Promise<ArtifactContents> {
  const { name, ...overrides } = options;
  const limits: ArtifactLimits = { ...DEFAULT_LIMITS, ...overrides };
  const file = name ?? (typeof input === 'string' ? input : '<artifact bytes>');
  const zip = await openZip(input, file);
  try {
    return await readOpened(zip, file, limits);
  } finally {
    zip.close();
  }
}

async function openZip(input: Uint8Array | string, file: string): Promise<yauzl.ZipFile> {
  const opts = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: false };
  if (typeof input === 'string') {
    try {
      const st = await stat(input);
      if (!st.isFile()) throw badArtifact(file, 'is not a file', { hint: 'pass the path of a .kolm file' });
    } catch (err) {
      if (isKolmError(err)) throw err;
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      throw new KolmError(missing ? 'E_PATH_NOT_FOUND' : 'E_PATH_UNREADABLE', `${file} ${missing ? 'does not exist' : `could not be read: ${(err as Error).message}`}`, {
        hint: 'check the path of the .kolm file (`kolm compile` writes one)',
        place: { file },
        cause: err,
      });
    }
  }
  try {
    return typeof input === 'string'
      ? await yauzl.openPromise(input, opts)
      : await yauzl.fromBufferPromise(Buffer.from(input.buffer, input.byteOffset, input.byteLength), opts);
  } catch (err) {
    throw badArtifact(file, `is not a .kolm artifact: not a readable zip (${(err as Error).message})`, { cause: err });
  }
}

interface CheckedEntry {
  name: string;
  entry: yauzl.Entry;
}

async function readOpened(zip: yauzl.ZipFile, file: string, limits: ArtifactLimits): Promise<ArtifactContents> {
  if (zip.entryCount > limits.maxEntries) {
    throw badArtifact(file, `has ${zip.entryCount} entries, over the limit of ${limits.maxEntries}`);
  }
  // yauzl starts its cursor at the central directory; nothing may lie past that offset but the directory.
  const centralDirectoryOffset = Number(zip.readEntryCursor);
  const raw = await listEntries(zip, file);
  const entries = checkEntries(raw, file, limits);
  checkNoOverlap(entries, centralDirectoryOffset, file);

  const byName = new Map(entries.map((e) => [e.name, e.entry]));
  const manifestEntry = byName.get(MANIFEST_ENTRY);
  if (!manifestEntry) throw badArtifact(file, `has no ${MANIFEST_ENTRY} (every .kolm starts with its manifest)`);
  const manifestBytes = (await readEntryBytes(zip, manifestEntry, MANIFEST_ENTRY, file)).bytes;
  const manifest = parseManifestBytes(manifestBytes, file);

  checkEntrySet(manifest, entries, file);

  const payload = new Map<string, Uint8Array>();
  for (const { name, entry } of entries) {
    if (name === MANIFEST_ENTRY || name === SIGNATURE_ENTRY) continue;
    const { bytes, digest } = await readEntryBytes(zip, entry, name, file);
    const expected = manifest.files[name]!;
    if (digest !== expected) throw digestMismatch(file, name, expected, digest);
    payload.set(name, bytes);
  }
  const ordered = new Map(Object.keys(manifest.files).map((n) => [n, payload.get(n)!]));
  const sigEntry = byName.get(SIGNATURE_ENTRY);
  const signature = sigEntry ? (await readEntryBytes(zip, sigEntry, SIGNATURE_ENTRY, file)).bytes : undefined;
  return {
    manifest,
    manifestBytes,
    entries: ordered,
    ...(signature ? { signature } : {}),
    rootDigest: rootDigest(manifestBytes, manifest.files),
  };
}

function listEntries(zip: yauzl.ZipFile, file: string): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const out: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      out.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(out));
    zip.on('error', (err: Error) => reject(badArtifact(file, `has a damaged zip directory (${err.message})`, { cause: err })));
    zip.readEntry();
  });
}

/** Names, kinds, sizes and ratios of every entry, from the central directory, before any data is read. */
function checkEntries(raw: readonly yauzl.Entry[], file: string, limits: ArtifactLimits): CheckedEntry[] {
  const seen = new Map<string, string>(); // case-folded name → name
  const out: CheckedEntry[] = [];
  let total = 0;
  for (const entry of raw) {
    const nameBytes = entry.fileNameRaw;
    let name: string;
    try {
      name = utf8.decode(nameBytes);
    } catch {
      throw badArtifact(file, `has an entry whose name is not UTF-8 (bytes ${nameBytes.toString('hex')})`);
    }
    const fail = (message: string) => badArtifact(file, message, { entry: name });
    if (/[^\x00-\x7f]/.test(name) && !(entry.generalPurposeBitFlag & UTF8_FLAG)) {
      throw fail('has a non-ASCII name without the zip UTF-8 flag, so tools disagree on what it is called');
    }
    const problem = entryNameProblem(name);
    if (problem) throw fail(`is refused: ${problem}`);
    const folded = name.toLowerCase();
    const earlier = seen.get(folded);
    if (earlier === name) throw fail('appears twice in the zip');
    if (earlier !== undefined) throw fail(`differs only by case from entry "${earlier}"`);
    seen.set(folded, name);

    const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
    if (type === S_IFLNK) throw fail('is a symbolic link (a .kolm holds only files)');
    if (type === S_IFDIR) throw fail('is a directory (a .kolm holds only files)');
    if (entry.generalPurposeBitFlag & ENCRYPTED_FLAG) throw fail('is encrypted');
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      throw fail(`uses compression method ${entry.compressionMethod} (only stored and deflate are read)`);
    }
    const size = entry.uncompressedSize;
    if (entry.compressionMethod === 0 && entry.compressedSize !== size) {
      throw fail(`is stored, but its header gives ${entry.compressedSize} bytes stored and ${size} bytes uncompressed`);
    }
    const max = name === MANIFEST_ENTRY ? limits.maxManifestBytes : name === SIGNATURE_ENTRY ? limits.maxSignatureBytes : limits.maxEntryBytes;
    if (size > max) throw fail(`is ${size} bytes uncompressed, over the limit of ${max}`);
    if (size > limits.ratioFloorBytes && size > limits.maxRatio * entry.compressedSize) {
      const ratio = entry.compressedSize === 0 ? 'an infinite' : `a ${Math.round(size / entry.compressedSize)}:1`;
      throw fail(`would inflate ${entry.compressedSize} bytes to ${size}, ${ratio} ratio over the limit of ${limits.maxRatio}:1 (a zip bomb?)`);
    }
    total += size;
    if (total > limits.maxTotalBytes) throw fail(`takes the uncompressed total past the limit of ${limits.maxTotalBytes} bytes`);
    out.push({ name, entry });
  }
  return out;
}

/**
 * Entries whose data overlap are the trick of "overlapping" zip bombs (and of zips that show different
 * content to different tools). Each local header + name + data must end before the next entry starts.
 */
function checkNoOverlap(entries: readonly CheckedEntry[], centralDirectoryOffset: number, file: string): void {
  const byOffset = [...entries].sort((a, b) => a.entry.relativeOffsetOfLocalHeader - b.entry.relativeOffsetOfLocalHeader);
  for (let i = 0; i < byOffset.length; i++) {
    const { name, entry } = byOffset[i]!;
    const end = entry.relativeOffsetOfLocalHeader + LOCAL_HEADER_FIXED + entry.fileNameLength + entry.compressedSize;
    const next = i + 1 < byOffset.length ? byOffset[i + 1]!.entry.relativeOffsetOfLocalHeader : centralDirectoryOffset;
    if (end > next) throw badArtifact(file, 'overlaps the data of another entry or the zip directory', { entry: name });
  }
}

/** Exactly kolm.json, the `files` entries and optionally kolm.sig; sizes and recipe.entry agree. */
function checkEntrySet(manifest: Manifest, entries: readonly CheckedEntry[], file: string): void {
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

/**
 * Inflate one entry into a buffer of exactly its declared size, hashing as it goes. The declared size has
 * passed the limits; a stream that yields more is stopped at once (the header lied), one that yields less
 * is truncated.
 */
async function readEntryBytes(zip: yauzl.ZipFile, entry: yauzl.Entry, name: string, file: string): Promise<{ bytes: Buffer; digest: string }> {
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (err) {
    throw badArtifact(file, `cannot be read (${(err as Error).message})`, { entry: name, cause: err });
  }
  const declared = entry.uncompressedSize;
  const out = Buffer.allocUnsafe(declared);
  const hash = createHash('sha256');
  let n = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (n + chunk.length > declared) {
        throw badArtifact(file, `inflates to more than the ${declared} bytes its header declares (a zip bomb, or a damaged entry)`, { entry: name });
      }
      chunk.copy(out, n);
      hash.update(chunk);
      n += chunk.length;
    }
  } catch (err) {
    if (isKolmError(err)) throw err;
    throw badArtifact(file, `could not be inflated (${(err as Error).message})`, { entry: name, cause: err });
  }
  if (n !== declared) throw badArtifact(file, `holds ${n} bytes, but its header declares ${declared}`, { entry: name });
  return { bytes: out, digest: `sha256:${hash.digest('hex')}` };
}


