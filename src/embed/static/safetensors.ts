// The safetensors format (a little-endian u64 header length, a JSON header naming each
// tensor's dtype, shape and byte range, then the raw bytes), for the static model's weights.
// Only what the model uses: F32, F16 and I8 tensors, read whole. F16 halves the file; the
// conversion rounds to nearest even, as numpy's does. I8 quarters it: values are stored as
// round(x / scale) with one scale for the whole tensor (max |x| / 127), kept in the metadata
// as `scale:<name>`; a reader that ignores it gets every vector times one constant, which a
// normalised sum does not see.

export type Dtype = 'F32' | 'F16' | 'I8';

export interface Tensor {
  dtype: Dtype;
  shape: number[];
  /** Values as float32, whatever the stored dtype. */
  data: Float32Array;
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** float32 → IEEE half bits, round to nearest even; overflow goes to infinity. */
export function toHalf(value: number): number {
  f32[0] = value;
  const x = u32[0]!;
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  let e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let half = mant >>> shift;
    const rest = mant & ((1 << shift) - 1);
    const mid = 1 << (shift - 1);
    if (rest > mid || (rest === mid && half & 1)) half++;
    return sign | half;
  }
  let half = (e << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && half & 1)) half++;
  return sign | half;
}

export function fromHalf(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

const WIDTH: Record<Dtype, number> = { F32: 4, F16: 2, I8: 1 };

export function writeSafetensors(tensors: Record<string, { dtype: Dtype; shape: number[]; data: Float32Array }>, metadata: Record<string, string> = {}): Buffer {
  const names = Object.keys(tensors).sort();
  const meta = { ...metadata };
  const chunks: Buffer[] = [];
  const entries: Record<string, unknown> = {};
  let offset = 0;
  for (const name of names) {
    const t = tensors[name]!;
    const bytes = Buffer.alloc(t.data.length * WIDTH[t.dtype]);
    if (t.dtype === 'I8') {
      let max = 0;
      for (const v of t.data) max = Math.max(max, Math.abs(v));
      const scale = max > 0 ? max / 127 : 1;
      meta[`scale:${name}`] = String(scale);
      t.data.forEach((v, i) => bytes.writeInt8(Math.round(v / scale), i));
    } else {
      t.data.forEach((v, i) => (t.dtype === 'F16' ? bytes.writeUInt16LE(toHalf(v), i * 2) : bytes.writeFloatLE(v, i * 4)));
    }
    entries[name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + bytes.length] };
    chunks.push(bytes);
    offset += bytes.length;
  }
  let json = JSON.stringify({ __metadata__: meta, ...entries });
  // The header is padded with spaces to a multiple of 8 bytes, as the reference writer does.
  json += ' '.repeat((8 - (Buffer.byteLength(json) % 8)) % 8);
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(Buffer.byteLength(json)));
  return Buffer.concat([length, Buffer.from(json, 'utf8'), ...chunks]);
}

export function readSafetensors(file: Buffer): { tensors: Record<string, Tensor>; metadata: Record<string, string> } {
  if (file.length < 8) throw new Error('Expected a safetensors file, not one of fewer than 8 bytes');
  const length = Number(file.readBigUInt64LE(0));
  if (length > file.length - 8) throw new Error(`Expected a header of at most ${file.length - 8} bytes, not ${length}`);
  const header = JSON.parse(file.subarray(8, 8 + length).toString('utf8')) as Record<string, { dtype: string; shape: number[]; data_offsets: [number, number] }>;
  const base = 8 + length;
  const tensors: Record<string, Tensor> = {};
  let metadata: Record<string, string> = {};
  const pendingScales: Array<[string, Float32Array]> = [];
  for (const [name, t] of Object.entries(header)) {
    if (name === '__metadata__') {
      metadata = t as unknown as Record<string, string>;
      continue;
    }
    if (t.dtype !== 'F32' && t.dtype !== 'F16' && t.dtype !== 'I8') throw new Error(`Expected tensor ${name} as F32, F16 or I8, not ${t.dtype}`);
    const dtype = t.dtype as Dtype;
    const size = t.shape.reduce((a, b) => a * b, 1);
    const [start, end] = t.data_offsets;
    const width = WIDTH[dtype];
    if (end - start !== size * width || base + end > file.length) throw new Error(`Expected tensor ${name} to hold ${size * width} bytes inside the file`);
    const data = new Float32Array(size);
    const at = base + start;
    if (dtype === 'I8') {
      const bytes = new Int8Array(file.buffer, file.byteOffset + at, size);
      for (let i = 0; i < size; i++) data[i] = bytes[i]!;
      pendingScales.push([name, data]);
    } else if (dtype === 'F16') {
      for (let i = 0; i < size; i++) data[i] = fromHalf(file.readUInt16LE(at + i * 2));
    } else {
      for (let i = 0; i < size; i++) data[i] = file.readFloatLE(at + i * 4);
    }
    tensors[name] = { dtype, shape: t.shape, data };
  }
  for (const [name, data] of pendingScales) {
    const scale = Number(metadata[`scale:${name}`] ?? 1);
    if (scale !== 1) for (let i = 0; i < data.length; i++) data[i]! *= scale;
  }
  return { tensors, metadata };
}
