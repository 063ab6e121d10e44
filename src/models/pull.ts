// Downloads the files a transformers.js model needs into `<modelsDir>/<id>/`, from any server
// that uses the model hub's URL layout: `<host>/<id>/resolve/main/<file>`. No host is built
// in: the caller passes one (the CLI takes `--host` or POLYALIGN_MODEL_HOST).
//
// Each file streams into `<file>.part` and is renamed when its size checks out, so a model
// folder never holds half a file under its real name; an interrupted pull resumes from the
// `.part` file with a Range request, and files already in place are not fetched again.

import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
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
  onProgress?: (file: string, received: number, total: number) => void;
  fetch?: typeof fetch;
}

export interface PullResult {
  dir: string;
  /** Files of the model now in the folder, relative to it. */
  files: string[];
  bytes: number;
}

export const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];
/** Fetched when the server has them: sentence-transformers' pooling and dense-layer configs. */
export const OPTIONAL_FILES = ['special_tokens_map.json', '1_Pooling/config.json', '2_Dense/config.json'];
export const QUANTIZED_ONNX = 'onnx/model_quantized.onnx';
export const FP32_ONNX = 'onnx/model.onnx';

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
  const headers: Record<string, string> = have > 0 ? { range: `bytes=${have}-` } : {};
  let response: Response;
  try {
    response = await doFetch(url, { headers, redirect: 'follow' });
  } catch (cause) {
    throw new PolyalignError('model.download', `GET ${url} failed: ${(cause as Error).message}`, { cause });
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
    throw new PolyalignError('model.download', `GET ${url} failed: HTTP ${response.status} ${response.statusText}`.trim());
  }
  const resumed = response.status === 206;
  const start = resumed ? have : 0;
  const length = Number(response.headers.get('content-length') ?? NaN);
  const total = Number.isFinite(length) ? start + length : 0;
  await mkdir(dirname(dest), { recursive: true });
  const out = createWriteStream(part, { flags: resumed ? 'a' : 'w' });
  const closed = new Promise<void>((ok, fail) => {
    out.on('close', ok);
    out.on('error', fail);
  });
  let received = start;
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      if (!out.write(chunk)) await new Promise<void>((ok) => out.once('drain', () => ok()));
      received += chunk.length;
      options.onProgress?.(file, received, total);
    }
  } catch (cause) {
    out.end();
    await closed.catch(() => undefined);
    throw new PolyalignError(
      'model.download',
      `GET ${url}: the transfer broke off after ${received}${total ? ` of ${total}` : ''} bytes (${(cause as Error).message}); run the pull again to resume`,
      { cause },
    );
  }
  out.end();
  await closed;
  if (total && received !== total) {
    throw new PolyalignError('model.download', `GET ${url}: received ${received} bytes, expected ${total}; run the pull again to resume`);
  }
  await rename(part, dest);
  return received;
}

/** Download a model's files into `<modelsDir>/<id>/`. */
export async function pullModel(id: string, options: PullOptions): Promise<PullResult> {
  const host = validate(id, options);
  const dir = resolve(options.modelsDir, id);
  const files: string[] = [];
  let bytes = 0;
  for (const step of plan(options)) {
    let got: string | undefined;
    const tried: string[] = [];
    for (const file of options.force ? [] : step.files) {
      const present = await sizeOf(join(dir, file));
      if (present === undefined) continue;
      options.onProgress?.(file, present, present);
      [got, bytes] = [file, bytes + present];
      break;
    }
    for (const file of got ? [] : step.files) {
      const url = `${host}/${id}/resolve/main/${file}`;
      try {
        bytes += await download(url, join(dir, file), file, options);
        got = file;
        break;
      } catch (error) {
        if (!(error instanceof NotFound)) throw error;
        tried.push(url);
      }
    }
    if (got) files.push(got);
    else if (!step.optional) {
      throw new PolyalignError('model.download', `GET ${tried.join(', then ')} failed: HTTP 404 Not Found`, { path: dir });
    }
  }
  return { dir, files, bytes };
}
