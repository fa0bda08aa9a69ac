// The bounded zip primitives under every reader of an untrusted zip: the .kolm reader (read.ts) and the
// adapter-export reader (core/adapter/source.ts). Names are checked, sizes and ratios bounded from the
// central directory before any data is read, and bounded again while inflating (headers can lie). Each
// reader passes its own refusal, so the errors carry its code (E_BAD_ARTIFACT, E_BAD_ADAPTER) and its file.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { isKolmError, type KolmError } from '../errors.ts';
import { maxInflatedTotal, type ArtifactLimits } from './limits.ts';
import { entryNameProblem } from './names.ts';

/** The reader's error for a refused zip or entry: `message` says what is wrong, `entry` which entry. */
export type ZipRefusal = (message: string, at?: { entry?: string; cause?: unknown }) => KolmError;

/** An entry whose name was decoded (strictly, as UTF-8); nothing else about it is checked yet. */
export interface ZipEntry {
  name: string;
  entry: yauzl.Entry;
}

export interface ZipListing {
  entries: ZipEntry[];
  /** Where the central directory starts: nothing but the directory may lie past it. */
  centralDirectoryOffset: number;
}

/** The bounds `checkEntries` applies; the per-entry size bound depends on the entry, so it is a function. */
export interface EntryBounds extends Pick<ArtifactLimits, 'maxTotalBytes' | 'maxRatio' | 'ratioFloorBytes'> {
  maxBytes(name: string): number;
  /** The zip's size in bytes: the entries' total is bounded by it too (maxInflatedTotal). */
  fileBytes: number;
}

const UTF8_FLAG = 0x800;
const ENCRYPTED_FLAG = 0x1;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;
const LOCAL_HEADER_FIXED = 30;
const DATA_DESCRIPTOR_FLAG = 0x8;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
const ZIP64_EXTRA = 0x0001;
const U32_MAX = 0xffffffff;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Open a zip from its bytes or path. Entry sizes are not validated by yauzl (validateEntrySizes: false)
 * because `readEntryBytes` bounds them itself, with our error instead of yauzl's.
 */
export async function openZip(input: Uint8Array | string, refuse: ZipRefusal): Promise<yauzl.ZipFile> {
  const opts = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: false };
  try {
    return typeof input === 'string'
      ? await yauzl.openPromise(input, opts)
      : await yauzl.fromBufferPromise(Buffer.from(input.buffer, input.byteOffset, input.byteLength), opts);
  } catch (err) {
    throw refuse(`not a readable zip (${(err as Error).message})`, { cause: err });
  }
}

/** Every central-directory entry, names decoded; at most `maxEntries`, counted before any is listed. */
export async function listZipEntries(zip: yauzl.ZipFile, maxEntries: number, refuse: ZipRefusal): Promise<ZipListing> {
  if (zip.entryCount > maxEntries) throw refuse(`has ${zip.entryCount} entries, over the limit of ${maxEntries}`);
  // yauzl starts its cursor at the central directory.
  const centralDirectoryOffset = Number(zip.readEntryCursor);
  const raw = await new Promise<yauzl.Entry[]>((resolve, reject) => {
    const out: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      out.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(out));
    zip.on('error', (err: Error) => reject(refuse(`has a damaged zip directory (${err.message})`, { cause: err })));
    zip.readEntry();
  });
  return { entries: raw.map((entry) => ({ name: entryName(entry, refuse), entry })), centralDirectoryOffset };
}

/** A name is UTF-8, and flagged as such when not ASCII: otherwise tools disagree on what it is called. */
function entryName(entry: yauzl.Entry, refuse: ZipRefusal): string {
  const nameBytes = entry.fileNameRaw;
  let name: string;
  try {
    name = utf8.decode(nameBytes);
  } catch {
    throw refuse(`has an entry whose name is not UTF-8 (bytes ${nameBytes.toString('hex')})`);
  }
  if (/[^\x00-\x7f]/.test(name) && !(entry.generalPurposeBitFlag & UTF8_FLAG)) {
    throw refuse('has a non-ASCII name without the zip UTF-8 flag, so tools disagree on what it is called', { entry: name });
  }
  return name;
}

/** Names, kinds, sizes and ratios of the entries that will be read, from the central directory, before any data. */
export function checkEntries(entries: readonly ZipEntry[], bounds: EntryBounds, refuse: ZipRefusal): void {
  const seen = new Map<string, string>(); // case-folded name → name
  const maxTotal = maxInflatedTotal(bounds, bounds.fileBytes);
  let total = 0;
  for (const { name, entry } of entries) {
    const fail = (message: string) => refuse(message, { entry: name });
    const problem = entryNameProblem(name);
    if (problem) throw fail(`is refused: ${problem}`);
    const folded = name.toLowerCase();
    const earlier = seen.get(folded);
    if (earlier === name) throw fail('appears twice in the zip');
    if (earlier !== undefined) throw fail(`differs only by case from entry "${earlier}"`);
    seen.set(folded, name);

    const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
    if (type === S_IFLNK) throw fail('is a symbolic link (only files are read)');
    if (type === S_IFDIR) throw fail('is a directory (only files are read)');
    if (entry.generalPurposeBitFlag & ENCRYPTED_FLAG) throw fail('is encrypted');
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      throw fail(`uses compression method ${entry.compressionMethod} (only stored and deflate are read)`);
    }
    const size = entry.uncompressedSize;
    if (entry.compressionMethod === 0 && entry.compressedSize !== size) {
      throw fail(`is stored, but its header gives ${entry.compressedSize} bytes stored and ${size} bytes uncompressed`);
    }
    const max = bounds.maxBytes(name);
    if (size > max) throw fail(`is ${size} bytes uncompressed, over the limit of ${max}`);
    if (size > bounds.ratioFloorBytes && size > bounds.maxRatio * entry.compressedSize) {
      const ratio = entry.compressedSize === 0 ? 'an infinite' : `a ${Math.round(size / entry.compressedSize)}:1`;
      throw fail(`would inflate ${entry.compressedSize} bytes to ${size}, ${ratio} ratio over the limit of ${bounds.maxRatio}:1 (a zip bomb?)`);
    }
    total += size;
    if (total > bounds.maxTotalBytes) throw fail(`takes the uncompressed total past the limit of ${bounds.maxTotalBytes} bytes`);
    if (total > maxTotal) {
      throw fail(
        `takes the uncompressed total past ${maxTotal} bytes, ${bounds.maxRatio} times the zip's ${bounds.fileBytes} bytes (many small entries that inflate far: a zip bomb?)`,
      );
    }
  }
}

/**
 * Entries whose data overlap are the trick of "overlapping" zip bombs (and of zips that show different
 * content to different tools). Each local header + name + data must end before the next entry starts.
 */
export function checkNoOverlap(listing: ZipListing, refuse: ZipRefusal): void {
  const byOffset = [...listing.entries].sort((a, b) => a.entry.relativeOffsetOfLocalHeader - b.entry.relativeOffsetOfLocalHeader);
  for (let i = 0; i < byOffset.length; i++) {
    const { name, entry } = byOffset[i]!;
    const end = entry.relativeOffsetOfLocalHeader + LOCAL_HEADER_FIXED + entry.fileNameLength + entry.compressedSize;
    const next = i + 1 < byOffset.length ? byOffset[i + 1]!.entry.relativeOffsetOfLocalHeader : listing.centralDirectoryOffset;
    if (end > next) throw refuse('overlaps the data of another entry or the zip directory', { entry: name });
  }
}

/**
 * The local header of every entry must say what the central directory says: the same name bytes, method,
 * encryption and UTF-8 flags, CRC and sizes (or, with a data descriptor, zeros in the header and the same
 * values in the descriptor). A streaming extractor reads the local headers, not the directory, so a zip
 * where they differ shows other tools other bytes from the ones we checked; Python's zipfile refuses it
 * too. Then no entry's true extent (local header, extra field, data, descriptor) may reach the next one.
 */
export async function checkLocalHeaders(zip: yauzl.ZipFile, listing: ZipListing, refuse: ZipRefusal): Promise<void> {
  checkNoOverlap(listing, refuse);
  const extents: { name: string; start: number; end: number }[] = [];
  for (const { name, entry } of listing.entries) {
    const fail = (what: string) => refuse(`has a local header that disagrees with the zip directory: ${what}`, { entry: name });
    let local: yauzl.LocalFileHeader;
    try {
      local = await zip.readLocalFileHeaderPromise(entry);
    } catch (err) {
      throw refuse(`has no readable local header (${(err as Error).message})`, { entry: name, cause: err });
    }
    if (!Buffer.from(local.fileName).equals(entry.fileNameRaw)) {
      throw fail(`it names "${Buffer.from(local.fileName).toString('utf8').replace(/[^\x20-\x7e]/g, '?')}"`);
    }
    if (local.compressionMethod !== entry.compressionMethod) throw fail(`method ${local.compressionMethod}, the directory says ${entry.compressionMethod}`);
    for (const [flag, what] of [[ENCRYPTED_FLAG, 'encryption'], [UTF8_FLAG, 'UTF-8 name'], [DATA_DESCRIPTOR_FLAG, 'data descriptor']] as const) {
      if ((local.generalPurposeBitFlag & flag) !== (entry.generalPurposeBitFlag & flag)) throw fail(`the ${what} flag differs`);
    }
    const sizes = localSizes(local);
    let end = local.fileDataStart + entry.compressedSize;
    if (local.generalPurposeBitFlag & DATA_DESCRIPTOR_FLAG) {
      // The header may carry zeros (the values follow the data); whatever it carries must still agree.
      const zeroOrSame = (got: number, want: number) => got === 0 || got === want;
      if (!zeroOrSame(local.crc32, entry.crc32) || !zeroOrSame(sizes.compressed, entry.compressedSize) || !zeroOrSame(sizes.uncompressed, entry.uncompressedSize)) {
        throw fail('its CRC or sizes differ');
      }
      end += await checkDescriptor(zip, entry, end, fail);
    } else {
      if (local.crc32 !== entry.crc32) throw fail(`CRC ${hex(local.crc32)}, the directory says ${hex(entry.crc32)}`);
      if (sizes.compressed !== entry.compressedSize || sizes.uncompressed !== entry.uncompressedSize) {
        throw fail(`sizes ${sizes.compressed}/${sizes.uncompressed} (compressed/uncompressed), the directory says ${entry.compressedSize}/${entry.uncompressedSize}`);
      }
    }
    extents.push({ name, start: entry.relativeOffsetOfLocalHeader, end });
  }
  extents.sort((a, b) => a.start - b.start);
  for (let i = 0; i < extents.length; i++) {
    const next = i + 1 < extents.length ? extents[i + 1]!.start : listing.centralDirectoryOffset;
    if (extents[i]!.end > next) throw refuse('overlaps the data of another entry or the zip directory', { entry: extents[i]!.name });
  }
}

const hex = (n: number) => `0x${n.toString(16).padStart(8, '0')}`;

/** The local header's sizes, from its zip64 extra field where the 32-bit fields say 0xFFFFFFFF. */
function localSizes(local: yauzl.LocalFileHeader): { compressed: number; uncompressed: number } {
  let uncompressed = local.uncompressedSize;
  let compressed = local.compressedSize;
  if (uncompressed !== U32_MAX && compressed !== U32_MAX) return { compressed, uncompressed };
  const extra = Buffer.from(local.extraField);
  for (let i = 0; i + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(i);
    const size = extra.readUInt16LE(i + 2);
    if (id === ZIP64_EXTRA) {
      let at = i + 4;
      const field = () => {
        if (at + 8 > i + 4 + size) return -1;
        const v = Number(extra.readBigUInt64LE(at));
        at += 8;
        return v;
      };
      if (uncompressed === U32_MAX) uncompressed = field();
      if (compressed === U32_MAX) compressed = field();
      break;
    }
    i += 4 + size;
  }
  return { compressed, uncompressed };
}

/** The data descriptor after an entry's data must give the directory's CRC and sizes; its length in bytes. */
async function checkDescriptor(zip: yauzl.ZipFile, entry: yauzl.Entry, at: number, fail: (what: string) => KolmError): Promise<number> {
  const buf = Buffer.alloc(24);
  const avail = Math.max(0, Math.min(buf.length, zip.fileSize - at));
  if (avail > 0) {
    // yauzl's reader (buffer or file) is on the ZipFile but not in its types.
    const reader = (zip as unknown as { reader: yauzl.RandomAccessReader }).reader;
    await new Promise<void>((resolve, reject) => reader.read(buf, 0, avail, at, (err: Error | null) => (err ? reject(err) : resolve())));
  }
  const b = buf.subarray(0, avail);
  const forms: [number, number, boolean][] = [[16, 4, true], [12, 0, true], [24, 4, false], [20, 0, false]];
  for (const [length, skip, narrow] of forms) {
    if (b.length < length || (skip && b.readUInt32LE(0) !== DESCRIPTOR_SIGNATURE)) continue;
    const crc = b.readUInt32LE(skip);
    const csize = narrow ? b.readUInt32LE(skip + 4) : Number(b.readBigUInt64LE(skip + 4));
    const usize = narrow ? b.readUInt32LE(skip + 8) : Number(b.readBigUInt64LE(skip + 12));
    if (crc === entry.crc32 && csize === entry.compressedSize && usize === entry.uncompressedSize) return length;
  }
  throw fail('its data descriptor is missing or gives another CRC or sizes');
}

export interface EntryBytes {
  bytes: Buffer;
  digest: string;
  /**
   * Set when the bytes fail the zip's CRC-32. Every other tool checks it, so such an entry is one they
   * refuse: a reader refuses it too, after its own digest check (whose error says more).
   */
  crcProblem?: string;
}

/**
 * Inflate one entry into a buffer of exactly its declared size, hashing as it goes. The declared size has
 * passed `checkEntries`; a stream that yields more is stopped at once (the header lied), one that yields
 * less is truncated.
 */
export async function readEntryBytes(zip: yauzl.ZipFile, { name, entry }: ZipEntry, refuse: ZipRefusal): Promise<EntryBytes> {
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (err) {
    throw refuse(`cannot be read (${(err as Error).message})`, { entry: name, cause: err });
  }
  const declared = entry.uncompressedSize;
  const out = Buffer.allocUnsafe(declared);
  const hash = createHash('sha256');
  let crc = 0;
  let n = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (n + chunk.length > declared) {
        throw refuse(`inflates to more than the ${declared} bytes its header declares (a zip bomb, or a damaged entry)`, { entry: name });
      }
      chunk.copy(out, n);
      hash.update(chunk);
      crc = crc32(chunk, crc);
      n += chunk.length;
    }
  } catch (err) {
    if (isKolmError(err)) throw err;
    throw refuse(`could not be inflated (${(err as Error).message})`, { entry: name, cause: err });
  } finally {
    stream.destroy();
  }
  if (n !== declared) throw refuse(`holds ${n} bytes, but its header declares ${declared}`, { entry: name });
  const crcProblem = crc >>> 0 === entry.crc32 ? undefined : `fails its CRC check (${hex(crc >>> 0)}, the zip says ${hex(entry.crc32)}): the entry is damaged or altered`;
  return { bytes: out, digest: `sha256:${hash.digest('hex')}`, ...(crcProblem ? { crcProblem } : {}) };
}
