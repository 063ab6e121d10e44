// A hand-written encoder for the few ONNX protobuf messages a test model needs. Writing the
// wire format directly keeps the fixture free of a protobuf dependency (protobufjs is only a
// transitive dependency here). Field numbers follow onnx.proto (ModelProto, GraphProto,
// NodeProto, AttributeProto, TensorProto, ValueInfoProto, TypeProto, TensorShapeProto).

export const FLOAT = 1;
export const INT64 = 7;
export const UINT8 = 2;
export const INT8 = 3;
export const INT32 = 6;

/**
 * A protobuf message being written: small fields go into a byte list, large payloads (tensor
 * data) are kept as views, so that a model with hundreds of megabytes of weights is written
 * without copying them byte by byte.
 */
class Bytes {
  readonly parts: Uint8Array[] = [];
  length = 0;
  private small: number[] = [];

  push(...bytes: number[]): void {
    for (const b of bytes) this.small.push(b);
  }

  raw(bytes: Uint8Array): void {
    this.flush();
    this.parts.push(bytes);
    this.length += bytes.length;
  }

  flush(): void {
    if (this.small.length === 0) return;
    const chunk = Uint8Array.from(this.small);
    this.parts.push(chunk);
    this.length += chunk.length;
    this.small = [];
  }
}

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

function bytesField(field: number, bytes: Uint8Array, out: Bytes): void {
  tag(field, 2, out);
  varint(bytes.length, out);
  out.raw(bytes);
}

function messageField(field: number, message: Bytes, out: Bytes): void {
  message.flush();
  tag(field, 2, out);
  varint(message.length, out);
  for (const part of message.parts) out.raw(part);
}

function stringField(field: number, text: string, out: Bytes): void {
  bytesField(field, new TextEncoder().encode(text), out);
}

function floatField(field: number, value: number, out: Bytes): void {
  tag(field, 5, out);
  out.push(...new Uint8Array(new Float32Array([value]).buffer));
}

export interface Tensor {
  name: string;
  type: number;
  dims: number[];
  data: Float32Array | BigInt64Array | Int8Array | Uint8Array;
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
  const out = new Bytes();
  for (const d of t.dims) intField(1, d, out);
  intField(2, t.type, out);
  stringField(8, t.name, out);
  bytesField(9, new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength), out);
  return out;
}

function attribute(a: Attribute): Bytes {
  const out = new Bytes();
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
  const out = new Bytes();
  for (const i of n.inputs) stringField(1, i, out);
  for (const o of n.outputs) stringField(2, o, out);
  stringField(3, `${n.op}_${index}`, out);
  stringField(4, n.op, out);
  for (const a of n.attributes ?? []) messageField(5, attribute(a), out);
  return out;
}

function valueInfo(v: ValueInfo): Bytes {
  const shape = new Bytes();
  for (const d of v.shape) {
    const dim = new Bytes();
    if (typeof d === 'number') intField(1, d, dim);
    else stringField(2, d, dim);
    messageField(1, dim, shape);
  }
  const tensorType = new Bytes();
  intField(1, v.type, tensorType);
  messageField(2, shape, tensorType);
  const type = new Bytes();
  messageField(1, tensorType, type);
  const out = new Bytes();
  stringField(1, v.name, out);
  messageField(2, type, out);
  return out;
}

/** Serialise a graph as an ONNX model (IR version 8, default opset 17). */
export function encodeModel(graph: Graph, opset = 17): Uint8Array {
  const g = new Bytes();
  graph.nodes.forEach((n, i) => messageField(1, node(n, i), g));
  stringField(2, graph.name, g);
  for (const t of graph.initializers) messageField(5, tensor(t), g);
  for (const v of graph.inputs) messageField(11, valueInfo(v), g);
  for (const v of graph.outputs) messageField(12, valueInfo(v), g);

  const opsetId = new Bytes();
  stringField(1, '', opsetId);
  intField(2, opset, opsetId);

  const model = new Bytes();
  intField(1, 8, model);
  stringField(2, 'polyalign-test', model);
  messageField(7, g, model);
  messageField(8, opsetId, model);
  model.flush();
  return Buffer.concat(model.parts, model.length);
}
