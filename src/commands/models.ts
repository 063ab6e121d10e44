// `polyalign models pull|list`: model files in the models folder.

import cliProgress from 'cli-progress';
import { PolyalignError } from '../errors.ts';
import { listModels, pickAuto } from '../models/list.ts';
import { pullModel } from '../models/pull.ts';

export const HOST_ENV = 'POLYALIGN_MODEL_HOST';

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

export async function modelsPullCommand(id: string, options: { modelsDir: string; host?: string; fp32: boolean; quiet: boolean }): Promise<string> {
  const host = options.host ?? process.env[HOST_ENV];
  if (!host) {
    throw new PolyalignError(
      'usage.invalid-option',
      `no download host: pass --host <url> or set ${HOST_ENV} (a mirror that serves <host>/<id>/resolve/main/<file>); or copy the model folder into ${options.modelsDir}/${id} by hand`,
    );
  }
  const tty = Boolean(process.stderr.isTTY) && !options.quiet;
  let bar: cliProgress.SingleBar | undefined;
  let current = '';
  const result = await pullModel(id, {
    modelsDir: options.modelsDir,
    host,
    quantized: !options.fp32,
    onProgress: (file, received, total) => {
      if (options.quiet) return;
      if (file !== current) {
        bar?.stop();
        current = file;
        if (tty) {
          bar = new cliProgress.SingleBar({ format: `${file} {bar} {percentage}% {value}/{total} bytes`, stream: process.stderr }, cliProgress.Presets.shades_classic);
          bar.start(total || 1, received);
        } else {
          process.stderr.write(`downloading ${file}${total ? ` (${megabytes(total)})` : ''}\n`);
        }
      }
      bar?.update(received);
    },
  });
  bar?.stop();
  return `pulled ${id} into ${result.dir}: ${result.files.length} files, ${megabytes(result.bytes)}\n`;
}

export async function modelsListCommand(modelsDir: string, preferred: string): Promise<string> {
  const models = await listModels(modelsDir);
  if (models.length === 0) return `no models in ${modelsDir}; runs use the built-in lexical embedder (see models/README.md)\n`;
  const auto = pickAuto(models, preferred);
  const lines = models.map(
    (m) => `${m.id === auto?.id ? '*' : ' '} ${m.id.padEnd(48)} ${megabytes(m.bytes).padStart(10)}  ${m.complete ? 'complete' : 'INCOMPLETE'}  pooling: ${m.pooling}`,
  );
  lines.push(auto ? `* = what --embedder auto uses with --model ${preferred}` : `--embedder auto uses lexical: ${preferred} is not complete in ${modelsDir}`);
  return lines.join('\n') + '\n';
}
