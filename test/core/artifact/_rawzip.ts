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
    const crc = crc32(e.data);
    const flags = e.flags ?? 0x800;
    const csize = e.compressedSize ?? body.length;
    const usize = e.uncompressedSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(csize, 18);
    local.writeUInt32LE(usize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
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
    central.writeUInt32LE(e.offsetOf !== undefined ? offsets[e.offsetOf]! : offset, 42);
    centrals.push(Buffer.concat([central, name]));
    const block = Buffer.concat([local, name, body]);
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
