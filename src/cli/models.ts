// `polyalign models pull | list | train`: the embedding models.

import { resolve } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_MODEL, DEFAULT_MODELS_DIR } from '../job/embedder.ts';
import type { Io } from './options.ts';

export function addModels(program: Command, write: Io, exit: { code: number }): void {
  const models = program.command('models').description('get and list embedding models');
  models
    .command('pull')
    .description('download a model into the models folder')
    .argument('[id]', 'model id', DEFAULT_MODEL)
    .option('--models-dir <dir>', 'where models are kept', DEFAULT_MODELS_DIR)
    .option('--host <url>', 'download from this mirror instead of the model hub (or set POLYALIGN_MODEL_HOST); it serves <url>/<id>/resolve/main/<file>')
    .option('--fp32', 'download the full-precision ONNX file instead of the quantized one')
    .option('-q, --quiet', 'no progress bar')
    .action(async (id: string, opts) => {
      const { modelsPullCommand } = await import('../commands/models.ts');
      write.out(await modelsPullCommand(id, { modelsDir: opts.modelsDir, host: opts.host, fp32: Boolean(opts.fp32), quiet: Boolean(opts.quiet) }));
    });
  models
    .command('list')
    .description('what is in the models folder, sizes, and which one auto picks')
    .option('--models-dir <dir>', 'where models are kept', DEFAULT_MODELS_DIR)
    .option('--model <id>', 'the model auto prefers', DEFAULT_MODEL)
    .action(async (opts) => {
      const { modelsListCommand } = await import('../commands/models.ts');
      write.out(await modelsListCommand(opts.modelsDir, opts.model));
    });

  models
    .command('train')
    .description("train polyalign's own static model from the training data and write it with its model card (npm run train-model)")
    .option('--data <dir>', 'training data laid out as ../shared/train (FLORES-200 dev, Tatoeba, Wiktionary; debian-l10n and tatoeba-more where there)', '../shared/train')
    .option('--out <dir>', 'model folder to write (default: the shipped models/polyalign/static-v2)')
    .option('--freedict <dir>', "also train on FreeDict's dictionaries in dictd format, as Debian's dict-freedict-* packages install them in /usr/share/dictd (installed there when run as root); the shipped model leaves them out (docs/model.md says what they added)", 'none')
    .option('-q, --quiet', 'no progress lines')
    .action(async (opts) => {
      const { trainModelCommand } = await import('../commands/train.ts');
      const t0 = performance.now();
      const log = opts.quiet ? undefined : (line: string) => write.err(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
      const r = await trainModelCommand({ data: resolve(opts.data), ...(opts.freedict === 'none' ? {} : { freedict: resolve(opts.freedict) }), ...(opts.out ? { out: resolve(opts.out) } : {}), ...(log ? { log } : {}) });
      const pct = (x: number) => (x * 100).toFixed(1);
      write.out(
        `wrote ${r.dir} (sha256 ${r.hash}) in ${r.seconds.toFixed(0)} s; held-out FLORES P@1: model ${pct(r.heldOut.model)}, lexical ${pct(r.heldOut.lexical)}, combined ${pct(r.heldOut.combined)} at weight ${r.weight}\n`,
      );
    });
}
