// A tiny zip writer for tests: every header field can be set or falsified, which yazl (rightly) refuses to
// do. Used to build the malicious archives the reader must refuse. Not a general zip library.
import { crc32, deflateRawSync } from 'node:zlib';

export interface RawEntry {
  /** The name as written: a string (UTF-8) or raw bytes. */
  name: string | Uint8Array;
  data: Uint8Array;
  /** 0 store, 8 deflate (default: store). */
  method?: number;
  /** General purpose flags; default 0x800 (UTF-8 names). */
  flags?: number;
  /** Header fields to falsify; default the true values. */
  uncompressedSize?: number;
  compressedSize?: number;
  externalAttributes?: number;
  /** Point the central directory record at another entry's local header. */
  offsetOf?: number;
  /** With offsetOf: point this many bytes past that entry's local header (into its data). */
  offsetPlus?: number;
  /** Falsify the CRC (both headers). */
  crc?: number;
  /** Local-header fields that differ from the central directory's (the parser-differential tricks). */
  local?: { name?: string | Uint8Array; method?: number; flags?: number; crc?: number; compressedSize?: number; uncompressedSize?: number; extra?: Uint8Array };
  /** Write a data descriptor after the data (flag bit 3, local CRC and sizes zero unless `local` says). */
  descriptor?: { signature?: boolean; zip64?: boolean; crc?: number; compressedSize?: number; uncompressedSize?: number; omit?: boolean };
}

export function rawZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : Buffer.from(e.name);
    const method = e.method ?? 0;
    const body = method === 8 ? deflateRawSync(e.data) : Buffer.from(e.data);
    const crc = e.crc ?? crc32(e.data);
    const d = e.descriptor;
    const flags = (e.flags ?? 0x800) | (d ? 0x8 : 0);
    const csize = e.compressedSize ?? body.length;
    const usize = e.uncompressedSize ?? e.data.length;
    const l = e.local ?? {};
    const localName = l.name === undefined ? name : typeof l.name === 'string' ? Buffer.from(l.name, 'utf8') : Buffer.from(l.name);
    const extra = Buffer.from(l.extra ?? new Uint8Array(0));
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(l.flags ?? flags, 6);
    local.writeUInt16LE(l.method ?? method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(l.crc ?? (d ? 0 : crc), 14);
    local.writeUInt32LE(l.compressedSize ?? (d ? 0 : csize), 18);
    local.writeUInt32LE(l.uncompressedSize ?? (d ? 0 : usize), 22);
    local.writeUInt16LE(localName.length, 26);
    local.writeUInt16LE(extra.length, 28);
    let descriptor = Buffer.alloc(0);
    if (d && !d.omit) {
      const sig = d.signature === false ? Buffer.alloc(0) : Buffer.from([0x50, 0x4b, 0x07, 0x08]);
      const fields = Buffer.alloc(d.zip64 ? 20 : 12);
      fields.writeUInt32LE(d.crc ?? crc, 0);
      if (d.zip64) {
        fields.writeBigUInt64LE(BigInt(d.compressedSize ?? csize), 4);
        fields.writeBigUInt64LE(BigInt(d.uncompressedSize ?? usize), 12);
      } else {
        fields.writeUInt32LE(d.compressedSize ?? csize, 4);
        fields.writeUInt32LE(d.uncompressedSize ?? usize, 8);
      }
      descriptor = Buffer.concat([sig, fields]);
    }
    offsets.push(offset);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(csize, 20);
    central.writeUInt32LE(usize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(e.externalAttributes ?? (0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(e.offsetOf !== undefined ? offsets[e.offsetOf]! + (e.offsetPlus ?? 0) : offset, 42);
    centrals.push(Buffer.concat([central, name]));
    const block = Buffer.concat([local, localName, extra, body, descriptor]);
    locals.push(block);
    offset += block.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}
