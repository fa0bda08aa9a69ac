// ONNX models as plain data, encoded to the protobuf bytes onnxruntime loads (field numbers from onnx.proto),
// and read back: the initializers of a model we wrote, so the TypeScript scorer runs on exactly the weights
// the ONNX graph holds instead of a second copy in the artifact.
import { decodeString, ProtoWriter, readFields } from './proto.ts';

/** TensorProto.DataType members we use. */
export const DataType = { FLOAT: 1, UINT8: 2, INT8: 3, INT32: 6, INT64: 7, FLOAT16: 10 } as const;
export type DataTypeCode = (typeof DataType)[keyof typeof DataType];

export type TensorData = Float32Array | Int8Array | Uint8Array | Int32Array | BigInt64Array | Uint16Array;

export interface TensorDef {
  name: string;
  dataType: DataTypeCode;
  dims: readonly number[];
  /** Element values; FLOAT16 is given as the raw IEEE half bits in a Uint16Array. */
  data: TensorData;
}

export type AttributeValue = number | string | readonly number[];

export interface NodeDef {
  opType: string;
  inputs: readonly string[];
  outputs: readonly string[];
  name?: string;
  /** Numbers are written as INT when integral, FLOAT otherwise; use `floatAttrs` to force FLOAT. */
  attributes?: Record<string, AttributeValue>;
  floatAttrs?: readonly string[];
}

export interface ValueInfoDef {
  name: string;
  elemType: DataTypeCode;
  /** A number is a fixed size, a string a symbolic (dynamic) dimension. */
  shape: readonly (number | string)[];
}

export interface ModelDef {
  graphName: string;
  nodes: readonly NodeDef[];
  initializers: readonly TensorDef[];
  inputs: readonly ValueInfoDef[];
  outputs: readonly ValueInfoDef[];
  opset: number;
  irVersion: number;
  producer: { name: string; version: string };
  docString?: string;
  /** ModelProto.metadata_props, written in the given order. */
  metadata?: readonly [string, string][];
}

// The IR version each opset first shipped with (onnx/helper.py VERSION_TABLE), so a reader never sees an
// opset newer than the IR claims.
export function irVersionFor(opset: number): number {
  if (opset <= 8) return 3;
  if (opset <= 10) return 5;
  if (opset <= 11) return 6;
  if (opset <= 14) return 7;
  if (opset <= 18) return 8;
  if (opset <= 20) return 9;
  return 10;
}

function littleEndianBytes(data: TensorData): Uint8Array {
  // Typed arrays are host-endian; every platform Node ships on is little-endian, which ONNX raw_data requires.
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function tensor(t: TensorDef): ProtoWriter {
  const w = new ProtoWriter();
  for (const d of t.dims) w.varint(1, d);
  w.varint(2, t.dataType);
  w.string(8, t.name);
  w.bytes(9, littleEndianBytes(t.data));
  return w;
}

function attribute(name: string, value: AttributeValue, forceFloat: boolean): ProtoWriter {
  const w = new ProtoWriter().string(1, name);
  if (typeof value === 'string') return w.string(4, value).varint(20, 3);
  if (typeof value === 'number') {
    if (!forceFloat && Number.isInteger(value)) return w.varint(3, value).varint(20, 2);
    return w.float(2, value).varint(20, 1);
  }
  return w.packedVarints(8, value).varint(20, 7);
}

function node(n: NodeDef): ProtoWriter {
  const w = new ProtoWriter();
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  if (n.name) w.string(3, n.name);
  w.string(4, n.opType);
  for (const [k, v] of Object.entries(n.attributes ?? {})) w.message(5, attribute(k, v, n.floatAttrs?.includes(k) ?? false));
  return w;
}

function valueInfo(v: ValueInfoDef): ProtoWriter {
  const shape = new ProtoWriter();
  for (const d of v.shape) shape.message(1, typeof d === 'number' ? new ProtoWriter().varint(1, d) : new ProtoWriter().string(2, d));
  const tensorType = new ProtoWriter().varint(1, v.elemType).message(2, shape);
  return new ProtoWriter().string(1, v.name).message(2, new ProtoWriter().message(1, tensorType));
}

/** The ModelProto bytes of `m`. Same input, same bytes. */
export function encodeModel(m: ModelDef): Uint8Array {
  const graph = new ProtoWriter();
  for (const n of m.nodes) graph.message(1, node(n));
  graph.string(2, m.graphName);
  for (const t of m.initializers) graph.message(5, tensor(t));
  for (const i of m.inputs) graph.message(11, valueInfo(i));
  for (const o of m.outputs) graph.message(12, valueInfo(o));

  const model = new ProtoWriter();
  model.varint(1, m.irVersion);
  model.string(2, m.producer.name);
  model.string(3, m.producer.version);
  if (m.docString) model.string(6, m.docString);
  model.message(7, graph);
  model.message(8, new ProtoWriter().string(1, '').varint(2, m.opset));
  for (const [k, v] of m.metadata ?? []) model.message(14, new ProtoWriter().string(1, k).string(2, v));
  return model.finish();
}

export interface InitializerView {
  name: string;
  dataType: number;
  dims: number[];
  /** raw_data, copied into its own aligned buffer. */
  raw: Uint8Array;
}

/**
 * The graph initializers of a model, by name. Reads raw_data tensors (what encodeModel writes); a tensor
 * stored in typed fields (float_data, ...) is reported with an empty `raw`.
 */
export function readInitializers(model: Uint8Array): Map<string, InitializerView> {
  const out = new Map<string, InitializerView>();
  const graph = readFields(model).find((f) => f.field === 7 && f.bytes);
  if (!graph) throw new Error('the model has no graph');
  for (const f of readFields(graph.bytes!)) {
    if (f.field !== 5 || !f.bytes) continue;
    const t: InitializerView = { name: '', dataType: 0, dims: [], raw: new Uint8Array(0) };
    for (const g of readFields(f.bytes)) {
      if (g.field === 1 && g.int !== undefined) t.dims.push(Number(g.int));
      else if (g.field === 1 && g.bytes) for (const x of readFields(packedAsFields(g.bytes))) t.dims.push(Number(x.int));
      else if (g.field === 2 && g.int !== undefined) t.dataType = Number(g.int);
      else if (g.field === 8 && g.bytes) t.name = decodeString(g.bytes);
      else if (g.field === 9 && g.bytes) t.raw = g.bytes.slice();
    }
    out.set(t.name, t);
  }
  return out;
}

// Packed varints carry no tags; prefix each with field 1's varint tag so readFields can split them.
function packedAsFields(packed: Uint8Array): Uint8Array {
  const out: number[] = [];
  let start = 0;
  for (let i = 0; i < packed.length; i++) {
    if ((packed[i]! & 0x80) === 0) {
      out.push(0x08, ...packed.subarray(start, i + 1));
      start = i + 1;
    }
  }
  return Uint8Array.from(out);
}
