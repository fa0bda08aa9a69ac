// The protobuf wire format, only as much of it as ONNX models need: varints (incl. negative int64),
// length-delimited fields (strings, bytes, nested messages, packed arrays) and fixed32 floats. Hand-written
// instead of pulling protobufjs in: the ONNX subset we write is eight message types, and the bytes stay
// deterministic (fields always in the order we emit them).

const WIRE_VARINT = 0;
const WIRE_FIXED32 = 5;
const WIRE_BYTES = 2;

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

/** Builds one message. Nested messages are encoded on their own and appended as bytes. */
export class ProtoWriter {
  private buf = new Uint8Array(256);
  private len = 0;

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  private rawVarint(value: number | bigint): void {
    // int64 varints: negatives are written as their 64-bit two's complement (10 bytes).
    let v = BigInt.asUintN(64, BigInt(value));
    this.reserve(10);
    while (v >= 0x80n) {
      this.buf[this.len++] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    this.buf[this.len++] = Number(v);
  }

  private tag(field: number, wire: number): void {
    this.rawVarint((field << 3) | wire);
  }

  varint(field: number, value: number | bigint): this {
    this.tag(field, WIRE_VARINT);
    this.rawVarint(value);
    return this;
  }

  float(field: number, value: number): this {
    this.tag(field, WIRE_FIXED32);
    this.reserve(4);
    new DataView(this.buf.buffer).setFloat32(this.len, value, true);
    this.len += 4;
    return this;
  }

  bytes(field: number, data: Uint8Array): this {
    this.tag(field, WIRE_BYTES);
    this.rawVarint(data.length);
    this.reserve(data.length);
    this.buf.set(data, this.len);
    this.len += data.length;
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, utf8.encode(value));
  }

  message(field: number, w: ProtoWriter): this {
    return this.bytes(field, w.finish());
  }

  /** A packed repeated int64 field. */
  packedVarints(field: number, values: readonly (number | bigint)[]): this {
    const inner = new ProtoWriter();
    for (const v of values) inner.rawVarint(v);
    return this.bytes(field, inner.finish());
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

export interface ProtoField {
  field: number;
  wire: number;
  /** Varint fields: the value as a bigint (int64-safe). */
  int?: bigint;
  /** Length-delimited fields: a view into the message bytes. */
  bytes?: Uint8Array;
  /** fixed32 fields: the raw 4 bytes as a float. */
  float?: number;
}

/** Splits one message into its fields, in order. Throws on malformed or unsupported wire types. */
export function readFields(data: Uint8Array): ProtoField[] {
  const out: ProtoField[] = [];
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let pos = 0;
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (pos >= data.length) throw new Error('truncated varint');
      const b = data[pos++]!;
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
      shift += 7n;
      if (shift > 63n) throw new Error('varint longer than 10 bytes');
    }
  };
  while (pos < data.length) {
    const key = Number(varint());
    const field = key >>> 3;
    const wire = key & 7;
    if (wire === WIRE_VARINT) out.push({ field, wire, int: varint() });
    else if (wire === WIRE_BYTES) {
      const n = Number(varint());
      if (pos + n > data.length) throw new Error(`field ${field} runs past the end of the message`);
      out.push({ field, wire, bytes: data.subarray(pos, pos + n) });
      pos += n;
    } else if (wire === WIRE_FIXED32) {
      if (pos + 4 > data.length) throw new Error('truncated fixed32');
      out.push({ field, wire, float: view.getFloat32(pos, true) });
      pos += 4;
    } else if (wire === 1) {
      pos += 8; // fixed64 (double_data): skipped, we never write it
    } else throw new Error(`unsupported wire type ${wire} for field ${field}`);
  }
  return out;
}

export function decodeString(bytes: Uint8Array): string {
  return utf8Decoder.decode(bytes);
}
