// The only module of the pipeline that reads files. Inputs are files or folders; every
// document is named by its path relative to the input root, with `/` separators.

import { createHash } from 'node:crypto';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { PolyalignError } from '../errors.ts';
import { findOverride } from '../language/override.ts';
import type { Document, SkippedInput } from '../types.ts';
import { cleanDocument } from './clean.ts';
import { decodeFile } from './decode.ts';
import { docxText } from './docx.ts';
import { encodingName } from './encoding.ts';
import { extractArticle, isHtml } from './html.ts';
import { outputManifestIn } from './output-folders.ts';

/** Larger files are refused: a news article is a few kilobytes, and this guards memory (a saved web page with its scripts can weigh megabytes). */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
/**
 * Longer article texts are refused: 1 MiB of text is about 15,000 sentences, and two such documents
 * take about 40 s and 1.2 GB to align (`bench/event-size.ts`; time grows with the square of the
 * sentences where the reports are not translations). A news article is a few thousand characters.
 */
export const MAX_TEXT_CHARS = 1024 * 1024;

export interface IngestOptions {
  /** Refuse files larger than this many bytes. Default {@link DEFAULT_MAX_BYTES}. */
  maxBytes?: number;
  /** Encodings the user named, by document key (as `--lang`: id, file name or its prefix), or `*` for every file. */
  encodings?: Record<string, string>;
  /** Leave out a file that cannot be read (empty, binary, undecodable, too large, not a format we read) instead of stopping. */
  skipBad?: boolean;
  /** Folders never read, however they are reached: the run's own output folder. */
  exclude?: string[];
}

export interface Ingested {
  documents: Document[];
  /** Files left out under `skipBad`, with the reason. */
  skipped: SkippedInput[];
}

/** Formats that are refused with what to do instead: they are containers, not text. */
const REFUSED: Record<string, string> = {
  '.doc': 'an old-style Word document',
  '.odt': 'an OpenDocument text',
  '.rtf': 'an RTF document',
  '.pdf': 'a PDF',
};

/** `--encoding windows-1250` (every file) or `--encoding 000=windows-1250,003_x.txt=iso-8859-5`. */
export function parseEncodings(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of spec.split(',')) {
    const parts = item.split('=').map((p) => p.trim());
    const [key, name] = parts.length === 1 ? ['*', parts[0]!] : [parts[0]!, parts[1] ?? ''];
    if (parts.length > 2 || !key || !name) throw new PolyalignError('usage.invalid-option', `Expected --encoding as a name (windows-1250) or doc=name[,doc=name...], not '${item.trim()}'`);
    if (!encodingName(name)) throw new PolyalignError('usage.invalid-option', `Expected an encoding name such as utf-8, windows-1250, iso-8859-2, windows-1251, iso-8859-5, koi8-u or utf-16le for '${key}', not '${name}'`);
    out[key] = name;
  }
  return out;
}

interface Source {
  path: string;
  id: string;
}

/** Read, decode and clean every input; folders are walked recursively, skipping dot-files. */
export async function loadDocuments(inputs: string[], options: IngestOptions = {}): Promise<Document[]> {
  return (await loadInputs(inputs, options)).documents;
}

/** As {@link loadDocuments}, with the files `skipBad` left out. */
export async function loadInputs(inputs: string[], options: IngestOptions = {}): Promise<Ingested> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!(Number.isFinite(maxBytes) && maxBytes > 0)) {
    throw new PolyalignError('usage.invalid-option', `Expected maxBytes to be a positive number, not ${maxBytes}`);
  }
  const ignored: SkippedInput[] = [];
  const sources = await listSources(inputs, ignored, (options.exclude ?? []).map((f) => resolve(f)));
  const encodings = options.encodings ?? {};
  const known = new Set(sources.map((s) => s.id));
  for (const key of Object.keys(encodings)) {
    if (key !== '*' && !sources.some((s) => findOverride({ [key]: encodings[key]! }, s.id))) {
      throw new PolyalignError('usage.invalid-option', `--encoding names "${key}", which matches no input document (${[...known].join(', ')})`);
    }
  }
  const documents: Document[] = [];
  const skipped: SkippedInput[] = [...ignored];
  for (const source of sources) {
    const encoding = findOverride(encodings, source.id) ?? encodings['*'];
    try {
      documents.push(await loadOne(source, maxBytes, encoding));
    } catch (error) {
      if (!options.skipBad || !(error instanceof PolyalignError) || !error.code.startsWith('input.')) throw error;
      skipped.push({ path: source.path, code: error.code, message: error.message });
    }
  }
  return { documents, skipped };
}

/** The files a run on these inputs reads, each with its document id, without reading them. */
export async function listInputFiles(inputs: string[]): Promise<Array<{ path: string; id: string }>> {
  return listSources(inputs);
}

async function listSources(inputs: string[], ignored: SkippedInput[] = [], exclude: readonly string[] = []): Promise<Source[]> {
  const files: string[] = [];
  const sources: Source[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch((cause: unknown) => {
      throw new PolyalignError('input.missing', 'no such file or folder', { path: input, cause });
    });
    if (info.isDirectory()) {
      const manifest = await outputManifestIn(input);
      if (manifest) {
        throw new PolyalignError('usage.invalid-option', `is an output folder of polyalign (it holds ${manifest}), not a folder of articles; give the folder the articles are in`, { path: input });
      }
      const root = await realpath(input);
      for (const path of await walk(input, root, ignored, exclude)) sources.push({ path, id: toId(relative(input, path)) });
    } else {
      files.push(input);
    }
  }
  // File inputs are named relative to their common parent, so `a/x.txt b/y.txt` gives `a/x.txt`, `b/y.txt`.
  const root = commonParent(files);
  for (const path of files) sources.push({ path, id: toId(relative(root, resolve(path))) });
  return withUniqueIds(sources);
}

/**
 * Regular files under `folder`, recursively, skipping names that start with a dot, sorted by path. A
 * link is followed only to a file inside the input folder (`root`, resolved); a link that points
 * outside it, a dangling link and a link to a folder are left out and named in `ignored`, as are the
 * folders in `exclude` (the run's -o) and polyalign's output folders (output-folders.ts).
 */
async function walk(folder: string, root: string, ignored: SkippedInput[], exclude: readonly string[]): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const paths: string[] = [];
  const skip = (path: string, message: string) => ignored.push({ path, code: 'input.link', message });
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      const why = exclude.includes(resolve(path)) ? "this run's output folder (-o)" : await outputManifestIn(path).then((m) => m && `an output folder of polyalign (it holds ${m})`);
      if (why) ignored.push({ path, code: 'input.output-folder', message: `${why}; not read as articles` });
      else paths.push(...(await walk(path, root, ignored, exclude)));
    } else if (entry.isFile()) paths.push(path);
    else if (entry.isSymbolicLink()) {
      const target = await realpath(path).catch(() => undefined);
      const info = target ? await stat(target).catch(() => undefined) : undefined;
      if (!target || !info) skip(path, 'a link whose target is missing; not read');
      else if (target !== root && !target.startsWith(`${root}${sep}`)) skip(path, `a link to ${target}, outside the input folder; not read (links are followed only inside it)`);
      else if (info.isDirectory()) skip(path, 'a link to a folder; not read (links to folders are not followed)');
      else if (info.isFile()) paths.push(path);
    }
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

/** The article text, refused when it is longer than polyalign aligns in reasonable time. */
function checkLength(text: string, path: string): string {
  if (text.length <= MAX_TEXT_CHARS) return text;
  const sentences = Math.round(text.length / 70);
  throw new PolyalignError(
    'input.too-large',
    `the article text has ${text.length.toLocaleString('en')} characters (about ${sentences.toLocaleString('en')} sentences), more than the ${MAX_TEXT_CHARS.toLocaleString('en')} (about 15,000 sentences) that polyalign aligns in reasonable time; a news article has a few thousand: split the file into its articles`,
    { path },
  );
}

async function loadOne(source: Source, maxBytes: number, encoding?: string): Promise<Document> {
  const { path } = source;
  const info = await stat(path).catch((cause: unknown) => {
    throw new PolyalignError('input.missing', 'no such file', { path, cause });
  });
  if (info.size > maxBytes) {
    throw new PolyalignError('input.too-large', `the file has ${info.size} bytes, more than the limit of ${maxBytes}; expected a news article`, { path });
  }
  const refused = REFUSED[extname(path).toLowerCase()];
  if (refused) {
    throw new PolyalignError('input.format', `this is ${refused}, which polyalign does not read; save the article as plain text (.txt), a web page (.html) or a Word document (.docx)`, { path });
  }
  const bytes = new Uint8Array(await readFile(path));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (extname(path).toLowerCase() === '.docx') {
    const text = checkLength(await docxText(bytes, path), path);
    if (text.trim() === '') throw new PolyalignError('input.empty', 'the Word document holds no text; expected article text', { path });
    return { ...cleanDocument(source.id, text, sha256, bytes.length, path), format: 'docx' };
  }
  const decoded = decodeFile(bytes, path, encoding ? { encoding } : {});
  if (isHtml(path, decoded.text)) {
    const { text, extraction } = extractArticle(decoded.text, path);
    checkLength(text, path);
    return { ...cleanDocument(source.id, text, sha256, bytes.length, path), format: 'html', encoding: decoded.encoding, extraction };
  }
  return { ...cleanDocument(source.id, checkLength(decoded.text, path), sha256, bytes.length, path), format: 'text', encoding: decoded.encoding };
}
