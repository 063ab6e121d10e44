// Downloads the files a transformers.js model needs into `<modelsDir>/<id>/`, from any server
// that uses the model hub's URL layout: `<host>/<id>/resolve/main/<file>`. The caller passes the
// host (the CLI takes `--host`, POLYALIGN_MODEL_HOST, or transformers.js's own default host).
//
// Files stream into a staging folder, `<modelsDir>/.partial/<id>/` (hidden from `models list`,
// on the same file system so that renames are atomic), each through `<file>.part` until its
// size checks out. Only when every file is complete does the staging folder get renamed to
// `<modelsDir>/<id>`, so a failed or interrupted pull leaves nothing half-written in the model
// folder; run again, it resumes each `.part` file with a Range request. Files already in the
// model folder are not fetched again.

import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { PolyalignError } from '../errors.ts';

export interface PullOptions {
  modelsDir: string;
  /** Base URL of a server with the hub layout, e.g. a local mirror. */
  host: string;
  /** Exactly these files, all required; default: the standard set below. */
  files?: string[];
  /** Fetch `onnx/model_quantized.onnx` (default; falls back to `onnx/model.onnx` when absent) or `onnx/model.onnx`. */
  quantized?: boolean;
  /** Download again files that are already in place. */
  force?: boolean;
  /**
   * `present`: the file was already there (received = total); `start`: its transfer begins at
   * `received` bytes (more than 0 when a `.part` file is resumed); `data`: after each chunk.
   */
  onProgress?: (file: string, received: number, total: number, state: 'present' | 'start' | 'data') => void;
  fetch?: typeof fetch;
}

export interface PullResult {
  dir: string;
  /** Files fetched by this pull (the others were already in place). */
  downloaded: string[];
  /** Files of the model now in the folder, relative to it. */
  files: string[];
  bytes: number;
}

export const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];
/** Fetched when the server has them: sentence-transformers' pooling and dense-layer configs. */
export const OPTIONAL_FILES = ['special_tokens_map.json', '1_Pooling/config.json', '2_Dense/config.json'];
export const QUANTIZED_ONNX = 'onnx/model_quantized.onnx';
export const FP32_ONNX = 'onnx/model.onnx';

/** The folder, inside the models folder, where unfinished pulls keep their files. */
export const STAGING_DIR = '.partial';

const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)?$/;

interface Step {
  files: string[];
  /** Absent (404) is fine: the next file of `files` is tried, and none at all is fine too. */
  optional: boolean;
}

function plan(options: PullOptions): Step[] {
  if (options.files) return options.files.map((f) => ({ files: [f], optional: false }));
  const model = options.quantized === false ? [FP32_ONNX] : [QUANTIZED_ONNX, FP32_ONNX];
  return [
    ...REQUIRED_FILES.map((f) => ({ files: [f], optional: false })),
    ...OPTIONAL_FILES.map((f) => ({ files: [f], optional: true })),
    { files: model, optional: false },
  ];
}

function validate(id: string, options: PullOptions): string {
  if (!MODEL_ID.test(id) || id.split('/').some((part) => part === '.' || part === '..')) {
    throw new PolyalignError('usage.invalid-option', `Expected a model id like owner/name, not ${JSON.stringify(id)}`);
  }
  let url: URL;
  try {
    url = new URL(options.host);
  } catch {
    throw new PolyalignError('usage.invalid-option', `Expected an http(s) URL as the model host, not ${JSON.stringify(options.host)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PolyalignError('usage.invalid-option', `Expected an http(s) URL as the model host, not ${JSON.stringify(options.host)}`);
  }
  for (const file of options.files ?? []) {
    if (file.startsWith('/') || file.split('/').some((p) => p === '..' || p === '')) {
      throw new PolyalignError('usage.invalid-option', `Expected a relative file path inside the model, not ${JSON.stringify(file)}`);
    }
  }
  return options.host.replace(/\/+$/, '');
}

async function sizeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch {
    return undefined;
  }
}

class NotFound extends Error {}

/** Fetch one file into `dest` (through `dest.part`); returns its size. */
async function download(url: string, dest: string, file: string, options: PullOptions): Promise<number> {
  const doFetch = options.fetch ?? fetch;
  const part = `${dest}.part`;
  const have = (await sizeOf(part)) ?? 0;
  // Identity encoding: byte counts and ranges then mean bytes of the file, not of a compressed stream.
  const headers: Record<string, string> = { 'accept-encoding': 'identity', ...(have > 0 ? { range: `bytes=${have}-` } : {}) };
  let response: Response;
  try {
    response = await doFetch(url, { headers, redirect: 'follow' });
  } catch (cause) {
    throw new PolyalignError('model.download', `${file}: GET ${url} failed: ${(cause as Error).message}`, { cause });
  }
  if (response.status === 404) {
    await response.body?.cancel();
    throw new NotFound(url);
  }
  if (response.status === 416 && have > 0) {
    // The part file is already whole or the server disagrees about it: start over.
    await response.body?.cancel();
    await rm(part, { force: true });
    return download(url, dest, file, options);
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new PolyalignError('model.download', `${file}: GET ${url} failed: HTTP ${response.status} ${response.statusText}`.trim());
  }
  const resumed = response.status === 206;
  if (resumed && rangeStart(response.headers.get('content-range')) !== have) {
    // The server resumed somewhere else than where the part file ends: appending would corrupt it.
    await response.body?.cancel();
    if (have === 0) throw new PolyalignError('model.download', `${file}: GET ${url}: the server sent a part of the file that was not asked for`);
    await rm(part, { force: true });
    return download(url, dest, file, options);
  }
  const start = resumed ? have : 0;
  // A compressed reply's content-length counts compressed bytes, which fetch has already inflated.
  const encoding = response.headers.get('content-encoding');
  const length = encoding && encoding !== 'identity' ? NaN : Number(response.headers.get('content-length') ?? NaN);
  const total = Number.isFinite(length) ? start + length : 0;
  await mkdir(dirname(dest), { recursive: true });
  const out = createWriteStream(part, { flags: resumed ? 'a' : 'w' });
  const closed = new Promise<void>((ok, fail) => {
    out.on('close', ok);
    out.on('error', fail);
  });
  let received = start;
  options.onProgress?.(file, received, total, 'start');
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      if (!out.write(chunk)) await new Promise<void>((ok) => out.once('drain', () => ok()));
      received += chunk.length;
      options.onProgress?.(file, received, total, 'data');
    }
  } catch (cause) {
    out.end();
    await closed.catch(() => undefined);
    throw new PolyalignError(
      'model.download',
      `${file}: GET ${url}: the transfer broke off after ${received}${total ? ` of ${total}` : ''} bytes (${(cause as Error).message})`,
      { cause },
    );
  }
  out.end();
  await closed;
  if (total && received !== total) {
    throw new PolyalignError('model.download', `${file}: GET ${url}: received ${received} bytes, expected ${total}`);
  }
  await rename(part, dest);
  return received;
}

/** `bytes 100-199/200` → 100; undefined when absent or unreadable. */
function rangeStart(header: string | null): number | undefined {
  const m = /^bytes (\d+)-\d+\/(?:\d+|\*)$/.exec(header?.trim() ?? '');
  return m ? Number(m[1]) : undefined;
}

async function removeEmptyUp(dir: string, stop: string): Promise<void> {
  for (let d = dir; d.startsWith(stop) && d !== stop; d = dirname(d)) {
    try {
      if ((await readdir(d)).length > 0) return;
      await rmdir(d);
    } catch {
      return;
    }
  }
  try {
    if ((await readdir(stop)).length === 0) await rmdir(stop);
  } catch {
    // already gone
  }
}

/** Download a model's files into `<modelsDir>/<id>/`, all or nothing (see the top of this file). */
export async function pullModel(id: string, options: PullOptions): Promise<PullResult> {
  const host = validate(id, options);
  const modelsDir = resolve(options.modelsDir);
  const dir = resolve(modelsDir, id);
  const stagingRoot = join(modelsDir, STAGING_DIR);
  const staging = join(stagingRoot, id);
  const files: string[] = [];
  const downloaded: string[] = [];
  let bytes = 0;
  for (const step of plan(options)) {
    let got: string | undefined;
    const tried: string[] = [];
    for (const file of options.force ? [] : step.files) {
      const present = await sizeOf(join(dir, file));
      if (present === undefined) continue;
      options.onProgress?.(file, present, present, 'present');
      [got, bytes] = [file, bytes + present];
      break;
    }
    for (const file of got ? [] : step.files) {
      // A file completed by an earlier, interrupted pull is kept in the staging folder.
      const staged = await sizeOf(join(staging, file));
      if (staged !== undefined) {
        options.onProgress?.(file, staged, staged, 'present');
        [got, bytes] = [file, bytes + staged];
        downloaded.push(file);
        break;
      }
      const url = `${host}/${id}/resolve/main/${file}`;
      try {
        bytes += await download(url, join(staging, file), file, options);
        got = file;
        downloaded.push(file);
        break;
      } catch (error) {
        if (error instanceof NotFound) {
          tried.push(url);
          continue;
        }
        if (error instanceof PolyalignError) {
          throw new PolyalignError(
            'model.download',
            `${error.message}; nothing was written to ${dir}, and running the pull again resumes from ${staging}`,
            { cause: error },
          );
        }
        throw error;
      }
    }
    if (got) files.push(got);
    else if (!step.optional) {
      throw new PolyalignError(
        'model.download',
        `${step.files.join(' or ')}: GET ${tried.join(', then ')} failed: HTTP 404 Not Found; nothing was written to ${dir}`,
      );
    }
  }
  // Every file is complete: move them into place in one rename when the model folder is new,
  // else file by file (each rename atomic) over the folder that is there.
  if (downloaded.length > 0) {
    if ((await sizeOf(dir)) === undefined) {
      await mkdir(dirname(dir), { recursive: true });
      for (const file of await leftovers(staging)) await rm(join(staging, file), { force: true });
      await rename(staging, dir);
    } else {
      for (const file of downloaded) {
        await mkdir(dirname(join(dir, file)), { recursive: true });
        await rename(join(staging, file), join(dir, file));
      }
      await rm(staging, { recursive: true, force: true });
    }
  } else {
    await rm(staging, { recursive: true, force: true });
  }
  await removeEmptyUp(dirname(staging), stagingRoot);
  return { dir, files, downloaded, bytes };
}

/** `.part` files left in a staging folder (a quantized file that was abandoned for the fp32 one). */
async function leftovers(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string, rel: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) await walk(join(d, e.name), `${rel}${e.name}/`);
      else if (e.name.endsWith('.part')) out.push(`${rel}${e.name}`);
    }
  };
  await walk(dir, '');
  return out;
}
