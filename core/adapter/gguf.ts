// GGUF v3 (ggml's docs/gguf.md): magic "GGUF", version, tensor and key-value counts, the key-values, the
// tensor infos (name, dims in ggml order ne[0] first, type, offset), then the data aligned to
// `general.alignment` (32). The reader parses only the header from an open file, never the weights, so
// checking an adapter against an 8 GB base reads a few megabytes. The writer builds adapters (and the tiny
// models of the tests) in memory.
import { open } from 'node:fs/promises';
import { KolmError } from '../errors.ts';

export const GGML_TYPE = { F32: 0, F16: 1, Q4_0: 2, Q4_1: 3, Q5_0: 6, Q5_1: 7, Q8_0: 8, BF16: 30 } as const;
export type GgmlTypeName = keyof typeof GGML_TYPE;

const V = { U8: 0, I8: 1, U16: 2, I16: 3, U32: 4, I32: 5, F32: 6, BOOL: 7, STRING: 8, ARRAY: 9, U64: 10, I64: 11, F64: 12 } as const;

/** A typed metadata value: numbers say their GGUF type so the writer can keep u32 vs f32 apart. */
export type GgufValue =
  | { type: 'u32' | 'i32' | 'f32' | 'u64' | 'u8' | 'i8' | 'u16' | 'i16' | 'i64' | 'f64'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'string'; value: string }
  | { type: 'array'; of: 'string'; value: string[] }
  | { type: 'array'; of: 'u32' | 'i32' | 'f32'; value: number[] };

export interface GgufTensorInfo {
  name: string;
  /** ggml order: ne[0] is the innermost (contiguous) dimension. */
  ne: number[];
  type: number;
  offset: number;
}

export interface GgufHeader {
  version: number;
  /** Scalars and strings as plain values; arrays as their length only when `arrays` is not asked for. */
  metadata: Map<string, unknown>;
  tensors: Map<string, GgufTensorInfo>;
}

class GgufFormatError extends Error {}

/** Reads values from a file through a growing window, so only the header is ever read. */
class Cursor {
  private buf = Buffer.alloc(0);
  private base = 0;
  pos = 0;
  constructor(private readonly fh: import('node:fs/promises').FileHandle, private readonly size: number) {}

  private async need(n: number): Promise<void> {
    if (this.pos + n <= this.base + this.buf.length) return;
    if (this.pos + n > this.size) throw new GgufFormatError(`unexpected end of file at byte ${this.pos}`);
    const want = Math.max(n, 1 << 20);
    const start = this.pos;
    const len = Math.min(want, this.size - start);
    const b = Buffer.alloc(len);
    await this.fh.read(b, 0, len, start);
    this.buf = b;
    this.base = start;
  }
  private at(): number {
    return this.pos - this.base;
  }
  async u32(): Promise<number> {
    await this.need(4);
    const v = this.buf.readUInt32LE(this.at());
    this.pos += 4;
    return v;
  }
  async u64(): Promise<number> {
    await this.need(8);
    const v = this.buf.readBigUInt64LE(this.at());
    this.pos += 8;
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new GgufFormatError(`64-bit value ${v} too large at byte ${this.pos - 8}`);
    return Number(v);
  }
  async scalar(t: number): Promise<number | boolean> {
    const sizes: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
    const n = sizes[t];
    if (n === undefined) throw new GgufFormatError(`unknown value type ${t} at byte ${this.pos}`);
    await this.need(n);
    const o = this.at();
    let v: number | boolean;
    switch (t) {
      case V.U8: v = this.buf.readUInt8(o); break;
      case V.I8: v = this.buf.readInt8(o); break;
      case V.U16: v = this.buf.readUInt16LE(o); break;
      case V.I16: v = this.buf.readInt16LE(o); break;
      case V.U32: v = this.buf.readUInt32LE(o); break;
      case V.I32: v = this.buf.readInt32LE(o); break;
      case V.F32: v = this.buf.readFloatLE(o); break;
      case V.BOOL: v = this.buf.readUInt8(o) !== 0; break;
      case V.U64: v = Number(this.buf.readBigUInt64LE(o)); break;
      case V.I64: v = Number(this.buf.readBigInt64LE(o)); break;
      default: v = this.buf.readDoubleLE(o);
    }
    this.pos += n;
    return v;
  }
  async string(): Promise<string> {
    const n = await this.u64();
    if (n > 1 << 26) throw new GgufFormatError(`string of ${n} bytes at byte ${this.pos}`);
    await this.need(n);
    const s = this.buf.toString('utf8', this.at(), this.at() + n);
    this.pos += n;
    return s;
  }
  async value(t: number, keepArrays: boolean): Promise<unknown> {
    if (t === V.STRING) return this.string();
    if (t !== V.ARRAY) return this.scalar(t);
    const et = await this.u32();
    const n = await this.u64();
    if (et === V.STRING) {
      const out: string[] = [];
      for (let i = 0; i < n; i++) {
        const s = await this.string();
        if (keepArrays) out.push(s);
      }
      return keepArrays ? out : { length: n };
    }
    const sizes: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
    if (sizes[et] === undefined) throw new GgufFormatError(`unknown array element type ${et}`);
    if (!keepArrays) {
      this.pos += n * sizes[et]!; // skipped without reading: tokenizer scores of big vocabularies
      if (this.pos > this.size) throw new GgufFormatError('array runs past the end of the file');
      return { length: n };
    }
    const out: unknown[] = [];
    for (let i = 0; i < n; i++) out.push(await this.scalar(et));
    return out;
  }
}

/**
 * Read a GGUF file's header: metadata and tensor infos. Arrays (the tokenizer's vocabulary) are skipped
 * and given as `{length}` unless `arrays` is true. Throws E_BAD_ADAPTER (for adapters) or E_BASE_MISMATCH
 * (for bases, via `role`) naming the file when it is not GGUF.
 */
export async function readGgufHeader(path: string, options: { arrays?: boolean; role?: 'base' | 'adapter' } = {}): Promise<GgufHeader> {
  const fh = await open(path, 'r');
  try {
    const size = (await fh.stat()).size;
    const c = new Cursor(fh, size);
    try {
      const magic = Buffer.alloc(4);
      await fh.read(magic, 0, 4, 0);
      if (magic.toString('latin1') !== 'GGUF') throw new GgufFormatError('not a GGUF file (no "GGUF" magic)');
      c.pos = 4;
      const version = await c.u32();
      if (version < 2 || version > 3) throw new GgufFormatError(`GGUF version ${version}; versions 2 and 3 are read`);
      const nTensors = await c.u64();
      const nKv = await c.u64();
      const metadata = new Map<string, unknown>();
      for (let i = 0; i < nKv; i++) {
        const key = await c.string();
        const t = await c.u32();
        metadata.set(key, await c.value(t, options.arrays ?? false));
      }
      const tensors = new Map<string, GgufTensorInfo>();
      for (let i = 0; i < nTensors; i++) {
        const name = await c.string();
        const nd = await c.u32();
        if (nd > 4) throw new GgufFormatError(`tensor ${name} has ${nd} dimensions`);
        const ne: number[] = [];
        for (let d = 0; d < nd; d++) ne.push(await c.u64());
        const type = await c.u32();
        const offset = await c.u64();
        tensors.set(name, { name, ne, type, offset });
      }
      return { version, metadata, tensors };
    } catch (err) {
      if (!(err instanceof GgufFormatError)) throw err;
      throw new KolmError(options.role === 'base' ? 'E_BASE_MISMATCH' : 'E_BAD_ADAPTER', `${path}: ${err.message}`, {
        hint: options.role === 'base' ? 'pass the base model as a .gguf file (convert it with llama.cpp convert_hf_to_gguf.py)' : 'rebuild the adapter with kolm compile --adapter',
        place: { file: path },
      });
    }
  } finally {
    await fh.close();
  }
}

export interface GgufTensorInput {
  name: string;
  ne: number[];
  type: number;
  data: Uint8Array;
}

const ALIGN = 32;

/** Serialize a GGUF v3 file: metadata in the given order, tensors in the given order, data 32-byte aligned. */
export function writeGguf(metadata: ReadonlyArray<[string, GgufValue]>, tensors: readonly GgufTensorInput[]): Uint8Array {
  const parts: Buffer[] = [];
  const u32 = (v: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v);
    parts.push(b);
  };
  const u64 = (v: number) => {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(v));
    parts.push(b);
  };
  const str = (s: string) => {
    const b = Buffer.from(s, 'utf8');
    u64(b.length);
    parts.push(b);
  };
  const scalar = (type: string, v: number) => {
    const b = Buffer.alloc(type === 'u64' || type === 'i64' || type === 'f64' ? 8 : type === 'u16' || type === 'i16' ? 2 : type === 'u8' || type === 'i8' ? 1 : 4);
    switch (type) {
      case 'u8': b.writeUInt8(v); break;
      case 'i8': b.writeInt8(v); break;
      case 'u16': b.writeUInt16LE(v); break;
      case 'i16': b.writeInt16LE(v); break;
      case 'u32': b.writeUInt32LE(v); break;
      case 'i32': b.writeInt32LE(v); break;
      case 'f32': b.writeFloatLE(v); break;
      case 'u64': b.writeBigUInt64LE(BigInt(v)); break;
      case 'i64': b.writeBigInt64LE(BigInt(v)); break;
      default: b.writeDoubleLE(v);
    }
    parts.push(b);
  };
  const code: Record<string, number> = { u8: V.U8, i8: V.I8, u16: V.U16, i16: V.I16, u32: V.U32, i32: V.I32, f32: V.F32, u64: V.U64, i64: V.I64, f64: V.F64 };

  parts.push(Buffer.from('GGUF', 'latin1'));
  u32(3);
  u64(tensors.length);
  u64(metadata.length);
  for (const [key, v] of metadata) {
    str(key);
    if (v.type === 'string') {
      u32(V.STRING);
      str(v.value);
    } else if (v.type === 'bool') {
      u32(V.BOOL);
      parts.push(Buffer.from([v.value ? 1 : 0]));
    } else if (v.type === 'array') {
      u32(V.ARRAY);
      if (v.of === 'string') {
        u32(V.STRING);
        u64(v.value.length);
        for (const s of v.value) str(s);
      } else {
        u32(code[v.of]!);
        u64(v.value.length);
        for (const x of v.value) scalar(v.of, x);
      }
    } else {
      u32(code[v.type]!);
      scalar(v.type, v.value);
    }
  }
  let offset = 0;
  const offsets: number[] = [];
  for (const t of tensors) {
    str(t.name);
    u32(t.ne.length);
    for (const d of t.ne) u64(d);
    u32(t.type);
    u64(offset);
    offsets.push(offset);
    offset += t.data.length;
    offset += (ALIGN - (offset % ALIGN)) % ALIGN;
  }
  const headerLen = parts.reduce((a, b) => a + b.length, 0);
  const dataStart = headerLen + ((ALIGN - (headerLen % ALIGN)) % ALIGN);
  const out = new Uint8Array(dataStart + offset);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  tensors.forEach((t, i) => out.set(t.data, dataStart + offsets[i]!));
  return out;
}
