// The only module of the pipeline that reads files. Inputs are files or folders; every
// document is named by its path relative to the input root, with `/` separators.

import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { PolyalignError } from '../errors.ts';
import type { Document } from '../types.ts';
import { cleanDocument } from './clean.ts';
import { decodeBytes } from './decode.ts';

/** Larger files are refused: a news article is a few kilobytes, and this guards memory. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface IngestOptions {
  /** Refuse files larger than this many bytes. Default {@link DEFAULT_MAX_BYTES}. */
  maxBytes?: number;
}

interface Source {
  path: string;
  id: string;
}

/** Read, decode and clean every input; folders are walked recursively, skipping dot-files. */
export async function loadDocuments(inputs: string[], options: IngestOptions = {}): Promise<Document[]> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!(Number.isFinite(maxBytes) && maxBytes > 0)) {
    throw new PolyalignError('usage.invalid-option', `Expected maxBytes to be a positive number, not ${maxBytes}`);
  }
  const sources = await listSources(inputs);
  const documents: Document[] = [];
  for (const source of sources) documents.push(await loadOne(source, maxBytes));
  return documents;
}

async function listSources(inputs: string[]): Promise<Source[]> {
  const files: string[] = [];
  const sources: Source[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch((cause: unknown) => {
      throw new PolyalignError('input.missing', 'no such file or folder', { path: input, cause });
    });
    if (info.isDirectory()) {
      for (const path of await walk(input)) sources.push({ path, id: toId(relative(input, path)) });
    } else {
      files.push(input);
    }
  }
  // File inputs are named relative to their common parent, so `a/x.txt b/y.txt` gives `a/x.txt`, `b/y.txt`.
  const root = commonParent(files);
  for (const path of files) sources.push({ path, id: toId(relative(root, resolve(path))) });
  return withUniqueIds(sources);
}

/** Regular files under `folder`, recursively, skipping names that start with a dot, sorted by path. */
async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const paths: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) paths.push(...(await walk(path)));
    else if (entry.isFile() || (entry.isSymbolicLink() && (await stat(path).catch(() => undefined))?.isFile())) paths.push(path);
  }
  return paths.sort(byCodeUnits);
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function commonParent(files: string[]): string {
  if (files.length === 0) return '';
  const parts = files.map((file) => dirname(resolve(file)).split(sep));
  const shared: string[] = [];
  for (let i = 0; parts.every((p) => p[i] !== undefined && p[i] === parts[0]![i]); i++) shared.push(parts[0]![i]!);
  return shared.join(sep) || sep;
}

function toId(path: string): string {
  return path.split(sep).join('/');
}

function withUniqueIds(sources: Source[]): Source[] {
  const seen = new Map<string, string>();
  for (const source of sources) {
    const other = seen.get(source.id);
    if (other !== undefined) {
      throw new PolyalignError('input.duplicate-id', `two inputs give the same document id '${source.id}' (also ${other}); rename one, or pass the folder that holds both`, { path: source.path });
    }
    seen.set(source.id, source.path);
  }
  return sources;
}

async function loadOne(source: Source, maxBytes: number): Promise<Document> {
  const { path } = source;
  const info = await stat(path).catch((cause: unknown) => {
    throw new PolyalignError('input.missing', 'no such file', { path, cause });
  });
  if (info.size > maxBytes) {
    throw new PolyalignError('input.too-large', `the file has ${info.size} bytes, more than the limit of ${maxBytes}; expected a news article`, { path });
  }
  const bytes = new Uint8Array(await readFile(path));
  const text = decodeBytes(bytes, path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return cleanDocument(source.id, text, sha256, bytes.length, path);
}
