// Writing (and reading back the weights of) ONNX models without a protobuf dependency.
export { DataType, encodeModel, irVersionFor, readInitializers } from './model.ts';
export type { AttributeValue, DataTypeCode, InitializerView, ModelDef, NodeDef, TensorData, TensorDef, ValueInfoDef } from './model.ts';
export { ProtoWriter, readFields } from './proto.ts';
