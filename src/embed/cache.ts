// An on-disk cache of sentence vectors keyed by (embedder id, sha1 of the text): embedding
// dominates the cost of a neural run, and reruns over the same articles are the common case.
//
// One file per embedder id, append-only binary:
//   header  "PACACHE1" | u32 dim | u32 id byte length | id (UTF-8)
//   records sha1 (20 bytes) | dim × f32, little-endian
// Anything that does not parse (wrong magic, id or dim, a torn last record, non-finite
// numbers) is dropped and the file is rewritten from what survived: a corrupt cache costs
// time, never a run. A cache that cannot be written is reported and skipped.

import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Embedder } from './embedder.ts';

export interface CacheOptions {
  /** Told when the cache file is unreadable, corrupt or unwritable (the run goes on). */
  onWarning?: (message: string) => void;
}

const MAGIC = Buffer.from('PACACHE1', 'latin1');
const HASH_BYTES = 20;

function sha1(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}

/** A file name that is safe everywhere yet readable, with a hash so that distinct ids never collide. */
export function cacheFileName(id: string): string {
  const readable = id.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);
  return `${readable}-${sha1(id).slice(0, 8)}.vec`;
}

function header(id: string, dim: number): Buffer {
  const idBytes = Buffer.from(id, 'utf8');
  const sizes = Buffer.alloc(8);
  sizes.writeUInt32LE(dim, 0);
  sizes.writeUInt32LE(idBytes.length, 4);
  return Buffer.concat([MAGIC, sizes, idBytes]);
}

function record(hash: string, vector: Float32Array): Buffer {
  const out = Buffer.alloc(HASH_BYTES + vector.length * 4);
  out.write(hash, 0, 'hex');
  for (let i = 0; i < vector.length; i++) out.writeFloatLE(vector[i]!, HASH_BYTES + i * 4);
  return out;
}

interface Loaded {
  vectors: Map<string, Float32Array>;
  /** False when the file must be rewritten before appending (missing, corrupt or torn). */
  clean: boolean;
  problem?: string;
}

function parse(bytes: Buffer, id: string, dim: number): Loaded {
  const vectors = new Map<string, Float32Array>();
  const expected = header(id, dim);
  if (bytes.length < expected.length || !bytes.subarray(0, expected.length).equals(expected)) {
    return { vectors, clean: false, problem: 'its header does not match this embedder' };
  }
  const size = HASH_BYTES + dim * 4;
  let clean = true;
  let offset = expected.length;
  for (; offset + size <= bytes.length; offset += size) {
    const vector = new Float32Array(dim);
    let finite = true;
    for (let i = 0; i < dim; i++) {
      const x = bytes.readFloatLE(offset + HASH_BYTES + i * 4);
      finite &&= Number.isFinite(x);
      vector[i] = x;
    }
    if (finite) vectors.set(bytes.toString('hex', offset, offset + HASH_BYTES), vector);
    else clean = false;
  }
  if (offset !== bytes.length) clean = false;
  return { vectors, clean, problem: clean ? undefined : 'it holds a torn or invalid record' };
}

/** Wrap an embedder so that vectors already computed for a text are read from `dir`. */
export function withCache(embedder: Embedder, dir: string, options: CacheOptions = {}): Embedder {
  const file = join(dir, cacheFileName(embedder.id));
  let state: Promise<Loaded> | undefined;
  let writable = true;
  let hits = 0;
  let misses = 0;
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<Loaded> {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      return { vectors: new Map(), clean: false };
    }
    const loaded = parse(bytes, embedder.id, embedder.dim);
    if (loaded.problem) options.onWarning?.(`${file}: ignoring the embedding cache where ${loaded.problem}; rebuilding it`);
    return loaded;
  }

  async function save(loaded: Loaded, added: Array<[string, Float32Array]>): Promise<void> {
    if (!writable || added.length === 0) return;
    try {
      await mkdir(dir, { recursive: true });
      if (loaded.clean) {
        await appendFile(file, Buffer.concat(added.map(([h, v]) => record(h, v))));
      } else {
        // Rewrite from scratch through a temp file so a reader never sees half a header.
        const all = [...loaded.vectors].map(([h, v]) => record(h, v));
        const temp = `${file}.${process.pid}.tmp`;
        await writeFile(temp, Buffer.concat([header(embedder.id, embedder.dim), ...all]));
        await rename(temp, file);
        loaded.clean = true;
      }
    } catch (error) {
      writable = false;
      options.onWarning?.(`${file}: cannot write the embedding cache (${(error as Error).message}); going on without it`);
    }
  }

  async function embed(texts: string[]): Promise<Float32Array[]> {
    state ??= load();
    const loaded = await state;
    const hashes = texts.map(sha1);
    const missing = new Map<string, string>();
    hashes.forEach((h, i) => {
      if (!loaded.vectors.has(h) && !missing.has(h)) missing.set(h, texts[i]!);
    });
    misses += missing.size;
    hits += texts.length - missing.size;
    if (missing.size > 0) {
      const fresh = await embedder.embed([...missing.values()]);
      const added: Array<[string, Float32Array]> = [...missing.keys()].map((h, i) => [h, fresh[i]!]);
      for (const [h, v] of added) loaded.vectors.set(h, v);
      await save(loaded, added);
    }
    return hashes.map((h) => loaded.vectors.get(h)!.slice());
  }

  return {
    id: embedder.id,
    kind: embedder.kind,
    dim: embedder.dim,
    describe() {
      // A text repeated within one call counts once as a miss and then as hits.
      return { ...embedder.describe?.(), cache: { hits, misses } };
    },
    // Calls are serialised so that two overlapping embeds never append the same record twice.
    embed(texts: string[]): Promise<Float32Array[]> {
      const result = queue.then(() => embed(texts));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
