// Writing a .kolm: a deterministic zip. The same manifest and entries always give the same bytes, on any
// machine clock and in any time zone: entries in a fixed order, a fixed DOS timestamp with no extended-time
// field, fixed modes, no comments. Entries are stored (not deflated) by default: deflate output depends on
// the zlib build (Node bundles Chromium's zlib, whose output differs from stock zlib on some inputs: checked
// against Python's zlib 1.2.13), so only stored bytes are the same under every Node version and CPU.
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { deflateRaw } from 'node:zlib';
import yazl from 'yazl';
import { KolmError } from '../errors.ts';
import { writeFileAtomic } from '../fs/atomic.ts';
import { compareNames, entryDigest } from './digest.ts';
import { DEFAULT_LIMITS, maxInflatedTotal } from './limits.ts';
import { ARTIFACT_FORMAT, checkManifest, serializeManifest, type Manifest, type ManifestInput } from './manifest.ts';
import { MANIFEST_ENTRY, SIGNATURE_ENTRY, entryNameProblem } from './names.ts';

const deflateRawAsync = promisify(deflateRaw);

/**
 * 1980-01-01 00:00:00 in *local* time: yazl encodes the DOS date from local fields (getFullYear, getHours…),
 * so a local-time constructor gives the same DOS fields, 0x0021 / 0x0000, in every time zone. The UTC instant
 * would not (it is 1979-12-31 in America/*, clamped differently).
 */
const FIXED_MTIME = () => new Date(1980, 0, 1, 0, 0, 0);
const FILE_MODE = 0o100644;
const DEFLATE_LEVEL = 6;
/** Store rather than deflate when deflating saves less than this fraction (weights, ONNX, already compressed). */
const MIN_SAVING = 0.1;
/** yazl's addBuffer refuses buffers over 1 GiB; larger entries go through its stream path (same bytes rules). */
const YAZL_MAX_BUFFER = 0x3fffffff;
const PROBE_BYTES = 1024 * 1024;

export interface ArtifactInput {
  /** The manifest without `files` and `sizes`, which the writer derives from the entries. */
  manifest: ManifestInput;
  /** Payload entries: name → bytes. Not kolm.json or kolm.sig. */
  entries: ReadonlyMap<string, Uint8Array>;
  /** A kolm.sig to include (the signing step re-writes the artifact with it). */
  signature?: Uint8Array;
  /**
   * `store` (default): byte-identical output on every Node version and machine. `deflate`: smaller text
   * entries, identical bytes only under the same zlib build; incompressible or bomb-like entries stay stored.
   */
  compression?: 'store' | 'deflate';
}

/** Build the manifest (with `files` and `sizes`) the writer would put in the artifact, and its bytes. */
export function buildManifest(input: ManifestInput, entries: ReadonlyMap<string, Uint8Array>): { manifest: Manifest; manifestBytes: Uint8Array } {
  const names = [...entries.keys()].sort(compareNames);
  const files: Record<string, string> = {};
  const sizes: Record<string, number> = {};
  let total = 0;
  for (const name of names) {
    const problem = entryNameProblem(name);
    if (problem) throw writeError(`entry "${name}": ${problem}`);
    if (name === MANIFEST_ENTRY || name === SIGNATURE_ENTRY) throw writeError(`entry "${name}" is reserved for the artifact itself`);
    const data = entries.get(name)!;
    if (data.length > DEFAULT_LIMITS.maxEntryBytes) throw writeError(`entry "${name}" is ${data.length} bytes, over the ${DEFAULT_LIMITS.maxEntryBytes}-byte limit readers apply`);
    files[name] = entryDigest(data);
    sizes[name] = data.length;
    total += data.length;
  }
  const folded = new Set<string>();
  for (const name of names) {
    const key = name.toLowerCase();
    if (folded.has(key)) throw writeError(`entry "${name}" differs from another only by case`);
    folded.add(key);
  }
  if (names.length + 2 > DEFAULT_LIMITS.maxEntries) throw writeError(`${names.length} entries is over the ${DEFAULT_LIMITS.maxEntries}-entry limit readers apply`);
  if (total > DEFAULT_LIMITS.maxTotalBytes) throw writeError(`the entries total ${total} bytes, over the ${DEFAULT_LIMITS.maxTotalBytes}-byte limit readers apply`);

  // A manifest read back from an artifact carries files and sizes: they must agree with the entries given.
  const derived = { total_bytes: total, entries: sizes };
  if (input.files && !sameRecord(input.files, files)) throw writeError('manifest.files does not match the entries given (pass the manifest without files to derive them)');
  if (input.sizes && (input.sizes.total_bytes !== total || !sameRecord(input.sizes.entries, sizes))) throw writeError('manifest.sizes does not match the entries given');
  const candidate = { ...input, format: ARTIFACT_FORMAT, sizes: derived, files };
  const checked = checkManifest(candidate);
  if (!checked.ok) throw writeError(`the manifest is not valid (format 1):\n  - ${checked.problems.join('\n  - ')}`, checked.problems);
  const manifest = checked.manifest;
  if (manifest.recipe && !(manifest.recipe.entry in files)) throw writeError(`recipe.entry "${manifest.recipe.entry}" is not one of the entries`);
  return { manifest, manifestBytes: serializeManifest(manifest) };
}

/**
 * The bytes of a .kolm (pure: nothing is written). Entry order: kolm.json first (a streaming reader meets the
 * manifest before the payload), then the payload by UTF-8 byte order of names, then kolm.sig if given.
 */
export async function writeArtifact(input: ArtifactInput): Promise<Uint8Array> {
  const { manifest, manifestBytes } = buildManifest(input.manifest, input.entries);
  if (input.signature && input.signature.length > DEFAULT_LIMITS.maxSignatureBytes) {
    throw writeError(`the signature is ${input.signature.length} bytes, over the ${DEFAULT_LIMITS.maxSignatureBytes}-byte limit`);
  }
  const ordered: [string, Uint8Array][] = [[MANIFEST_ENTRY, manifestBytes]];
  for (const name of Object.keys(manifest.files)) ordered.push([name, input.entries.get(name)!]);
  if (input.signature) ordered.push([SIGNATURE_ENTRY, input.signature]);

  // Decide every entry's compression before handing anything to yazl: it pumps entries in order anyway.
  const stored = ordered.map(() => 0);
  const levels = input.compression === 'deflate' ? await Promise.all(ordered.map(([, data]) => compressionLevelFor(data))) : stored;
  const bytes = await zipEntries(ordered, levels);
  // Small entries each under the ratio floor can still deflate past the reader's bound on the whole zip:
  // then everything is stored, so kolm reads all it writes.
  const total = ordered.reduce((n, [, data]) => n + data.length, 0);
  if (levels !== stored && total > maxInflatedTotal(DEFAULT_LIMITS, bytes.length)) return zipEntries(ordered, stored);
  return bytes;
}

function zipEntries(ordered: readonly [string, Uint8Array][], levels: readonly number[]): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  const done = collect(zip.outputStream);
  ordered.forEach(([name, data], i) => {
    const options = { mtime: FIXED_MTIME(), mode: FILE_MODE, forceDosTimestamp: true, compressionLevel: levels[i]! };
    const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    if (buffer.length <= YAZL_MAX_BUFFER) {
      zip.addBuffer(buffer, name, options);
    } else {
      const stream = new PassThrough();
      stream.end(buffer);
      zip.addReadStream(stream, name, { ...options, size: buffer.length });
    }
  });
  zip.end();
  return done;
}

/** Write artifact bytes to `path` atomically (temp file + rename). */
export async function saveArtifact(path: string, bytes: Uint8Array): Promise<void> {
  await writeFileAtomic(path, bytes);
}

/**
 * 0 (store) or DEFLATE_LEVEL, from the bytes alone. Deflate only when it saves at least MIN_SAVING, and never
 * past the ratio readers refuse (a very repetitive large entry is stored instead), so kolm reads all it writes.
 * Large entries are probed on their first MiB first, to skip deflating incompressible weights twice.
 */
async function compressionLevelFor(data: Uint8Array): Promise<number> {
  if (data.length === 0) return 0;
  const big = data.length > 8 * PROBE_BYTES;
  const probe = big ? data.subarray(0, PROBE_BYTES) : data;
  const probed = await deflateRawAsync(probe, { level: DEFLATE_LEVEL });
  if (probed.length > probe.length * (1 - MIN_SAVING)) return 0;
  const full = big ? await deflateRawAsync(data, { level: DEFLATE_LEVEL }) : probed;
  if (full.length > data.length * (1 - MIN_SAVING)) return 0;
  if (data.length > DEFAULT_LIMITS.ratioFloorBytes && data.length / full.length > DEFAULT_LIMITS.maxRatio) return 0;
  return DEFLATE_LEVEL;
}

function collect(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('error', reject);
    stream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

function sameRecord(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

function writeError(message: string, details?: unknown): KolmError {
  return new KolmError('E_BAD_ARTIFACT', `cannot build the artifact: ${message}`, {
    hint: 'this comes from the inputs given to the artifact writer; fix the entry or manifest named',
    details,
  });
}
