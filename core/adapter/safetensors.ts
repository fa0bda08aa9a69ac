// The safetensors container (ludwig-peft.md §4.4): an 8-byte little-endian header length, a JSON header of
// {name: {dtype, shape, data_offsets}}, then one byte buffer. Read whole into memory: PEFT adapters are
// megabytes, not gigabytes. Every offset is checked before a byte is used (the file may come from anywhere).
import { bf16ToF32, f16ToF32, f32ToBf16, f32ToF16 } from '../util/half.ts';
import { KolmError } from '../errors.ts';

export type SafetensorsDtype = 'F32' | 'F16' | 'BF16' | 'F64';

const DTYPE_BYTES: Record<string, number> = {
  BOOL: 1, U8: 1, I8: 1, F8_E5M2: 1, F8_E4M3: 1, I16: 2, U16: 2, F16: 2, BF16: 2, I32: 4, U32: 4, F32: 4, F64: 8, I64: 8, U64: 8,
};
const MAX_HEADER = 100_000_000;
const LFS_POINTER = 'version https://git-lfs.github.com/spec/v1';

export interface SafetensorsTensor {
  name: string;
  dtype: string;
  shape: number[];
  /** The raw little-endian bytes (a view into the file). */
  data: Uint8Array;
}

export interface SafetensorsFile {
  tensors: Map<string, SafetensorsTensor>;
  metadata: Record<string, string>;
}

function bad(file: string, message: string, hint = 'use the adapter_model.safetensors that PEFT wrote'): KolmError {
  return new KolmError('E_BAD_ADAPTER', `${file}: ${message}`, { hint, place: { file } });
}

/** Parse a safetensors file's bytes. Throws E_BAD_ADAPTER naming the file and the tensor at fault. */
export function readSafetensors(bytes: Uint8Array, file = 'adapter_model.safetensors'): SafetensorsFile {
  if (bytes.length < 8) {
    throw bad(file, `${bytes.length} bytes, too short for a safetensors file`);
  }
  const head = new TextDecoder().decode(bytes.subarray(0, Math.min(bytes.length, LFS_POINTER.length)));
  if (head === LFS_POINTER) {
    throw bad(file, 'is a Git LFS pointer, not the weights', 'fetch the real file (git lfs pull) or download the adapter again');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = Number(view.getBigUint64(0, true));
  if (n < 2 || n > MAX_HEADER || 8 + n > bytes.length) throw bad(file, `header length ${n} does not fit the ${bytes.length}-byte file`);
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + n)).trimEnd()) as Record<string, unknown>;
  } catch (err) {
    throw bad(file, `header is not JSON (${(err as Error).message})`);
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) throw bad(file, 'header is not a JSON object');
  const buffer = bytes.subarray(8 + n);
  const tensors = new Map<string, SafetensorsTensor>();
  let metadata: Record<string, string> = {};
  const spans: [number, number, string][] = [];
  for (const [name, raw] of Object.entries(header)) {
    if (name === '__metadata__') {
      metadata = (raw ?? {}) as Record<string, string>;
      continue;
    }
    const t = raw as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    const size = typeof t.dtype === 'string' ? DTYPE_BYTES[t.dtype] : undefined;
    if (size === undefined) throw bad(file, `tensor ${name}: unknown dtype ${JSON.stringify(t.dtype)}`);
    if (!Array.isArray(t.shape) || !t.shape.every((d) => Number.isInteger(d) && d >= 0)) throw bad(file, `tensor ${name}: bad shape`);
    const off = t.data_offsets;
    if (!Array.isArray(off) || off.length !== 2 || !off.every((d) => Number.isInteger(d) && d >= 0) || off[1] < off[0] || off[1] > buffer.length) {
      throw bad(file, `tensor ${name}: data_offsets ${JSON.stringify(off)} outside the ${buffer.length}-byte buffer`);
    }
    const shape = t.shape as number[];
    const want = shape.reduce((a, b) => a * b, 1) * size;
    if (off[1] - off[0] !== want) throw bad(file, `tensor ${name}: ${off[1] - off[0]} bytes for shape [${shape.join(', ')}] ${t.dtype} (want ${want})`);
    spans.push([off[0], off[1], name]);
    tensors.set(name, { name, dtype: t.dtype as string, shape, data: buffer.subarray(off[0], off[1]) });
  }
  spans.sort((a, b) => a[0] - b[0]);
  let at = 0;
  for (const [begin, end, name] of spans) {
    if (begin !== at) throw bad(file, `tensor ${name} starts at ${begin}, expected ${at} (overlap or hole in the buffer)`);
    at = end;
  }
  if (at !== buffer.length) throw bad(file, `the buffer has ${buffer.length - at} bytes after the last tensor`);
  return { tensors, metadata };
}

/** A tensor's values as float64, whatever float dtype it was stored in. */
export function tensorValues(t: SafetensorsTensor, file = 'adapter_model.safetensors'): Float64Array {
  const n = t.shape.reduce((a, b) => a * b, 1);
  const out = new Float64Array(n);
  const view = new DataView(t.data.buffer, t.data.byteOffset, t.data.byteLength);
  switch (t.dtype) {
    case 'F32':
      for (let i = 0; i < n; i++) out[i] = view.getFloat32(i * 4, true);
      break;
    case 'F64':
      for (let i = 0; i < n; i++) out[i] = view.getFloat64(i * 8, true);
      break;
    case 'F16':
      for (let i = 0; i < n; i++) out[i] = f16ToF32(view.getUint16(i * 2, true));
      break;
    case 'BF16':
      for (let i = 0; i < n; i++) out[i] = bf16ToF32(view.getUint16(i * 2, true));
      break;
    default:
      throw bad(file, `tensor ${t.name}: dtype ${t.dtype} is not a float type; LoRA weights are F32, F16 or BF16`);
  }
  return out;
}


/**
 * Write a safetensors file (used to build adapters in tests and by tools): tensors in name order, the
 * header padded with spaces to a multiple of 8, as the Rust writer does.
 */
export function writeSafetensors(tensors: readonly { name: string; dtype: 'F32' | 'F16' | 'BF16'; shape: number[]; values: ArrayLike<number> }[], metadata: Record<string, string> = { format: 'pt' }): Uint8Array {
  const sorted = [...tensors].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const header: Record<string, unknown> = { __metadata__: metadata };
  const datas: Uint8Array[] = [];
  let offset = 0;
  for (const t of sorted) {
    const size = DTYPE_BYTES[t.dtype]!;
    const data = new Uint8Array(t.values.length * size);
    const view = new DataView(data.buffer);
    for (let i = 0; i < t.values.length; i++) {
      const v = t.values[i]!;
      if (t.dtype === 'F32') view.setFloat32(i * 4, v, true);
      else if (t.dtype === 'F16') view.setUint16(i * 2, f32ToF16(v), true);
      else view.setUint16(i * 2, f32ToBf16(v), true);
    }
    header[t.name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + data.length] };
    offset += data.length;
    datas.push(data);
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - (Buffer.byteLength(json) % 8)) % 8);
  const head = Buffer.from(json, 'utf8');
  const out = new Uint8Array(8 + head.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(head.length), true);
  out.set(head, 8);
  let at = 8 + head.length;
  for (const d of datas) {
    out.set(d, at);
    at += d.length;
  }
  return out;
}

export { bf16ToF32, f16ToF32, f32ToF16 } from '../util/half.ts';
