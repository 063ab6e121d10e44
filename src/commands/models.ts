// `polyalign models pull|list`: model files in the models folder.

import cliProgress from 'cli-progress';
import { SHIPPED_MODEL } from '../embed/static.ts';
import { listModels, pickAuto } from '../models/list.ts';
import { pullModel } from '../models/pull.ts';

export const HOST_ENV = 'POLYALIGN_MODEL_HOST';

/** 512 B, 12.3 kB, 471.9 MB, 1.88 GB: decimal units, as model sizes are published. */
export function size(bytes: number): string {
  if (bytes < 1e3) return `${Math.round(bytes)} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} kB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e9).toFixed(2)} GB`;
}

/**
 * Where `pull` downloads from: `--host`, else POLYALIGN_MODEL_HOST, else the host that
 * transformers.js itself downloads models from (the public model hub).
 */
export async function resolveHost(host: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (host) return host;
  if (env[HOST_ENV]) return env[HOST_ENV];
  const hf = await import('@huggingface/transformers');
  return hf.env.remoteHost;
}

interface FileProgress {
  file: string;
  /** Bytes already there when this transfer started (a resumed `.part`). */
  start: number;
  t0: number;
  received: number;
}

function speed(p: FileProgress): number {
  const seconds = (performance.now() - p.t0) / 1000;
  return seconds > 0 ? (p.received - p.start) / seconds : 0;
}

export async function modelsPullCommand(id: string, options: { modelsDir: string; host?: string; fp32: boolean; quiet: boolean }): Promise<string> {
  const host = await resolveHost(options.host);
  const tty = Boolean(process.stderr.isTTY) && !options.quiet;
  let bar: cliProgress.SingleBar | undefined;
  let current: FileProgress | undefined;
  let fetched = 0;
  let fetchSeconds = 0;
  const finish = () => {
    if (!current) return;
    bar?.stop();
    bar = undefined;
    const moved = current.received - current.start;
    const seconds = (performance.now() - current.t0) / 1000;
    if (moved > 0) {
      fetched += moved;
      fetchSeconds += seconds;
      if (!tty && !options.quiet) {
        process.stderr.write(`  ${current.file}: ${size(moved)} in ${seconds.toFixed(1)} s (${size(speed(current))}/s)\n`);
      }
    }
    current = undefined;
  };
  let result: Awaited<ReturnType<typeof pullModel>>;
  try {
    result = await pullModel(id, {
      modelsDir: options.modelsDir,
      host,
      quantized: !options.fp32,
      onProgress: (file, received, total, state) => {
        if (state === 'present') return;
        if (state === 'start' || !current) {
          finish();
          current = { file, start: received, t0: performance.now(), received };
          if (tty) {
            bar = new cliProgress.SingleBar(
              {
                format: `${file} {bar} {percentage}% {done} of {size}, {speed}/s, eta {eta_formatted}`,
                stream: process.stderr,
                etaBuffer: 50,
              },
              cliProgress.Presets.shades_classic,
            );
            bar.start(total || 1, received, { done: size(received), size: total ? size(total) : '?', speed: size(0) });
          } else if (!options.quiet) {
            const resumed = received > 0 ? `, resuming at ${size(received)}` : '';
            process.stderr.write(`downloading ${file} (${total ? size(total) : 'size unknown'}${resumed})\n`);
          }
          return;
        }
        current.received = received;
        if (bar) {
          if (received > bar.getTotal()) bar.setTotal(received);
          bar.update(received, { done: size(received), speed: size(speed(current)) });
        }
      },
    });
  } finally {
    bar?.stop();
  }
  finish();
  const rate = fetched > 0 && fetchSeconds > 0 ? `; fetched ${size(fetched)} at ${size(fetched / fetchSeconds)}/s` : '; nothing to fetch';
  return `pulled ${id} into ${result.dir}: ${result.files.length} files, ${size(result.bytes)}${rate}\n`;
}

export async function modelsListCommand(modelsDir: string, preferred: string): Promise<string> {
  const models = await listModels(modelsDir);
  if (models.length === 0) return `no models in ${modelsDir}; runs use polyalign's own static model (${SHIPPED_MODEL}, shipped with polyalign) with the lexical channel (see models/README.md)\n`;
  const auto = pickAuto(models, preferred);
  const used = (m: (typeof models)[number]) => (auto ? m.id === auto.id : m.kind === 'static' && m.id === SHIPPED_MODEL);
  const lines = models.map(
    (m) => `${used(m) ? '*' : ' '} ${m.id.padEnd(48)} ${size(m.bytes).padStart(10)}  ${m.complete ? 'complete' : 'INCOMPLETE'}  ${m.kind === 'static' ? 'static, ' : ''}pooling: ${m.pooling}`,
  );
  lines.push(
    auto
      ? `* = what --embedder auto uses with --model ${preferred}`
      : `* = what --embedder auto uses (with the lexical channel): ${preferred} is not complete in ${modelsDir}`,
  );
  return lines.join('\n') + '\n';
}
