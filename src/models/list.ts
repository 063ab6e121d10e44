// What is in the models folder: every folder with a `config.json`, one or two levels down
// (`Xenova/LaBSE` or a bare `my-model`), with its size, whether transformers.js has all it
// needs to load it, and the pooling the embedder would use.

import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { poolingFor } from '../embed/transformers.ts';
import type { Pooling } from '../embed/transformers.ts';
import { STATIC_MODEL_FILES } from '../embed/static/model-files.ts';
import { FP32_ONNX, QUANTIZED_ONNX, REQUIRED_FILES } from './pull.ts';

export interface ModelInfo {
  /** `owner/name`, the folder relative to the models folder. */
  id: string;
  dir: string;
  bytes: number;
  /** Files relative to `dir`, sorted, `/`-separated; unfinished downloads (`.part`) excluded. */
  files: string[];
  /** `static`: a model2vec-layout static model (polyalign's own); `transformers`: an ONNX model for transformers.js. */
  kind: 'static' | 'transformers';
  /** Config, tokenizer and an ONNX model (static: the safetensors weights) are all there. */
  complete: boolean;
  /** How token vectors become a sentence vector (a static model sums them). */
  pooling: Pooling | 'sum';
}

async function isStatic(dir: string): Promise<boolean> {
  try {
    return (JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as { model_type?: string }).model_type === 'model2vec';
  } catch {
    return false;
  }
}

/** Folders below this depth are a model's own subfolders (`onnx/`, `1_Pooling/`), never models. */
const MAX_ID_DEPTH = 2;

async function entries(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

async function walkFiles(dir: string, root: string, out: Array<{ path: string; bytes: number }>): Promise<void> {
  for (const entry of await entries(dir)) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walkFiles(path, root, out);
    else if (entry.isFile() && !entry.name.endsWith('.part')) {
      out.push({ path: relative(root, path).split(sep).join('/'), bytes: (await stat(path)).size });
    }
  }
}

async function describe(modelsDir: string, dir: string): Promise<ModelInfo> {
  const found: Array<{ path: string; bytes: number }> = [];
  await walkFiles(dir, dir, found);
  const files = found.map((f) => f.path).sort();
  const id = relative(modelsDir, dir).split(sep).join('/');
  const bytes = found.reduce((sum, f) => sum + f.bytes, 0);
  if (await isStatic(dir)) {
    return { id, dir, bytes, files, kind: 'static', complete: STATIC_MODEL_FILES.every((f) => files.includes(f)), pooling: 'sum' };
  }
  const complete = REQUIRED_FILES.every((f) => files.includes(f)) && (files.includes(QUANTIZED_ONNX) || files.includes(FP32_ONNX));
  return { id, dir, bytes, files, kind: 'transformers', complete, pooling: await poolingFor(id, dir) };
}

/** Every model folder under `modelsDir`, sorted by id; none when the folder does not exist. */
export async function listModels(modelsDir: string): Promise<ModelInfo[]> {
  const models: ModelInfo[] = [];
  const visit = async (dir: string, depth: number): Promise<void> => {
    const children = await entries(dir);
    if (depth > 0 && children.some((e) => e.isFile() && e.name === 'config.json')) {
      models.push(await describe(modelsDir, dir));
      return;
    }
    if (depth >= MAX_ID_DEPTH) return;
    for (const e of children) if (e.isDirectory() && !e.name.startsWith('.')) await visit(join(dir, e.name), depth + 1);
  };
  await visit(modelsDir, 0);
  return models.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The model `--embedder auto` uses: the preferred one when it is complete, else none (and the
 * run falls back to the lexical embedder). Another complete model is not picked silently: a
 * different model changes the results, so it has to be asked for with `--model`.
 */
export function pickAuto(models: ModelInfo[], preferred: string): ModelInfo | undefined {
  return models.find((m) => m.id === preferred && m.complete && m.kind === 'transformers');
}
