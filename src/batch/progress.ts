// Progress of a batch for people: on a terminal a bar with events done, sentences per second and
// the time left; otherwise (logs, CI, pipes) one plain line per event. Everything goes to stderr.

import cliProgress from 'cli-progress';
import type { EventOutcome } from './event-job.ts';

export interface BatchProgress {
  event(outcome: EventOutcome): void;
  done(): void;
}

export function createBatchProgress(total: number, quiet: boolean, stream: NodeJS.WriteStream = process.stderr): BatchProgress {
  if (quiet) return { event() {}, done() {} };
  const t0 = performance.now();
  let sentences = 0;
  let done = 0;
  let failed = 0;
  const rate = () => Math.round(sentences / Math.max(1e-3, (performance.now() - t0) / 1000));
  if (Boolean(stream.isTTY) && !process.env.CI) {
    const bar = new cliProgress.SingleBar(
      { format: 'events {bar} {value}/{total} | {rate} sentences/s | {failed} failed | {eta_formatted} left', hideCursor: true, stream, etaBuffer: 20 },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { rate: 0, failed: 0 });
    return {
      event(o) {
        if (o.status !== 'reused') sentences += o.sentences;
        if (o.status === 'failed' || o.status === 'stale') failed++;
        bar.increment(1, { rate: rate(), failed });
      },
      done: () => bar.stop(),
    };
  }
  const width = String(total).length;
  return {
    event(o) {
      done++;
      if (o.status !== 'reused') sentences += o.sentences;
      const failed = o.status === 'failed' || o.status === 'stale';
      const what = failed
        ? `${o.environment ? 'stopped the batch' : o.status === 'stale' ? 'failed (earlier outputs kept)' : 'failed'}: ${o.error?.message ?? 'unknown error'}`
        : `${o.status === 'reused' ? 'unchanged, reused' : 'done'}: ${o.sentences} sentences, ${o.groups} group${o.groups === 1 ? '' : 's'}${o.skipped?.length ? `, ${o.skipped.length} file${o.skipped.length === 1 ? '' : 's'} skipped` : ''}`;
      // A reused event took no time and embedded nothing, a failed one aligned nothing: no rate to show.
      const timing = o.status === 'reused' ? '' : failed ? ` (${o.seconds.toFixed(1)} s)` : ` (${o.seconds.toFixed(1)} s; ${rate()} sentences/s)`;
      stream.write(`[${String(done).padStart(width)}/${total}] ${o.event} ${what}${timing}\n`);
    },
    done() {},
  };
}
