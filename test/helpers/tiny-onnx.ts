// A hand-written encoder for the few ONNX protobuf messages a test model needs. Writing the
// wire format directly keeps the fixture free of a protobuf dependency (protobufjs is only a
// transitive dependency here). Field numbers follow onnx.proto (ModelProto, GraphProto,
// NodeProto, AttributeProto, TensorProto, ValueInfoProto, TypeProto, TensorShapeProto).

export const FLOAT = 1;
export const INT64 = 7;

type Bytes = number[];

function varint(value: number | bigint, out: Bytes): void {
  // Negative int64 values are encoded as their 64-bit two's complement.
  let v = BigInt.asUintN(64, BigInt(value));
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
}

function tag(field: number, wire: number, out: Bytes): void {
  varint((field << 3) | wire, out);
}

function intField(field: number, value: number | bigint, out: Bytes): void {
  tag(field, 0, out);
  varint(value, out);
}

function bytesField(field: number, bytes: ArrayLike<number>, out: Bytes): void {
  tag(field, 2, out);
  varint(bytes.length, out);
  for (let i = 0; i < bytes.length; i++) out.push(bytes[i]!);
}

function stringField(field: number, text: string, out: Bytes): void {
  bytesField(field, new TextEncoder().encode(text), out);
}

function floatField(field: number, value: number, out: Bytes): void {
  tag(field, 5, out);
  const b = new Uint8Array(new Float32Array([value]).buffer);
  for (const x of b) out.push(x);
}

export interface Tensor {
  name: string;
  type: number;
  dims: number[];
  data: Float32Array | BigInt64Array;
}

export type Attribute =
  | { name: string; int: number }
  | { name: string; float: number }
  | { name: string; ints: number[] };

export interface Node {
  op: string;
  inputs: string[];
  outputs: string[];
  attributes?: Attribute[];
}

export interface ValueInfo {
  name: string;
  type: number;
  /** A number for a fixed size, a string for a symbolic one (`batch`). */
  shape: Array<number | string>;
}

export interface Graph {
  name: string;
  nodes: Node[];
  initializers: Tensor[];
  inputs: ValueInfo[];
  outputs: ValueInfo[];
}

function tensor(t: Tensor): Bytes {
  const out: Bytes = [];
  for (const d of t.dims) intField(1, d, out);
  intField(2, t.type, out);
  stringField(8, t.name, out);
  bytesField(9, new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength), out);
  return out;
}

function attribute(a: Attribute): Bytes {
  const out: Bytes = [];
  stringField(1, a.name, out);
  if ('int' in a) {
    intField(3, a.int, out);
    intField(20, 2, out);
  } else if ('float' in a) {
    floatField(2, a.float, out);
    intField(20, 1, out);
  } else {
    for (const v of a.ints) intField(8, v, out);
    intField(20, 7, out);
  }
  return out;
}

function node(n: Node, index: number): Bytes {
  const out: Bytes = [];
  for (const i of n.inputs) stringField(1, i, out);
  for (const o of n.outputs) stringField(2, o, out);
  stringField(3, `${n.op}_${index}`, out);
  stringField(4, n.op, out);
  for (const a of n.attributes ?? []) bytesField(5, attribute(a), out);
  return out;
}

function valueInfo(v: ValueInfo): Bytes {
  const shape: Bytes = [];
  for (const d of v.shape) {
    const dim: Bytes = [];
    if (typeof d === 'number') intField(1, d, dim);
    else stringField(2, d, dim);
    bytesField(1, dim, shape);
  }
  const tensorType: Bytes = [];
  intField(1, v.type, tensorType);
  bytesField(2, shape, tensorType);
  const type: Bytes = [];
  bytesField(1, tensorType, type);
  const out: Bytes = [];
  stringField(1, v.name, out);
  bytesField(2, type, out);
  return out;
}

/** Serialise a graph as an ONNX model (IR version 8, default opset 17). */
export function encodeModel(graph: Graph, opset = 17): Uint8Array {
  const g: Bytes = [];
  graph.nodes.forEach((n, i) => bytesField(1, node(n, i), g));
  stringField(2, graph.name, g);
  for (const t of graph.initializers) bytesField(5, tensor(t), g);
  for (const v of graph.inputs) bytesField(11, valueInfo(v), g);
  for (const v of graph.outputs) bytesField(12, valueInfo(v), g);

  const opsetId: Bytes = [];
  stringField(1, '', opsetId);
  intField(2, opset, opsetId);

  const model: Bytes = [];
  intField(1, 8, model);
  stringField(2, 'polyalign-test', model);
  bytesField(7, g, model);
  bytesField(8, opsetId, model);
  return Uint8Array.from(model);
}
