// Progress for people: a bar on a TTY, one plain line per stage otherwise (logs, CI, pipes).
// Everything goes to stderr so that stdout stays clean for what a command prints.

import cliProgress from 'cli-progress';
import type { ProgressEvent } from './types.ts';

/** What one step of each stage counts, for plain-line progress. */
const UNITS: Record<ProgressEvent['stage'], string> = {
  segment: 'documents',
  embed: 'texts',
  align: 'document pairs',
  glossary: 'runs',
};

export type Verbosity = 'quiet' | 'normal' | 'verbose';

/** A stage of this many steps or more prints how far it is each tenth of the way. */
const LONG_STAGE = 10_000;

export interface Reporter {
  progress(event: ProgressEvent): void;
  info(line: string): void;
  detail(line: string): void;
  done(): void;
}

export function createReporter(verbosity: Verbosity, stream: NodeJS.WriteStream = process.stderr): Reporter {
  const tty = Boolean(stream.isTTY) && !process.env.CI;
  let bar: cliProgress.SingleBar | undefined;
  let barStage = '';
  let lastStage = '';
  let lastTenth = 0;
  const stopBar = () => {
    bar?.stop();
    bar = undefined;
    barStage = '';
  };
  return {
    progress(event) {
      if (verbosity === 'quiet') return;
      if (tty && event.total > 1) {
        if (barStage !== event.stage) {
          stopBar();
          bar = new cliProgress.SingleBar(
            { format: `${event.stage.padEnd(9)} {bar} {value}/{total} {detail}`, hideCursor: true, stream, clearOnComplete: false },
            cliProgress.Presets.shades_classic,
          );
          bar.start(event.total, event.done, { detail: event.detail ?? '' });
          barStage = event.stage;
        }
        bar?.update(event.done, { detail: event.detail ?? '' });
        return;
      }
      stopBar();
      if (event.stage !== lastStage) {
        const unit = event.total === 1 ? UNITS[event.stage].replace(/s$/, '') : UNITS[event.stage];
        stream.write(event.stage === 'glossary' ? 'glossary\n' : `${event.stage}: ${event.total} ${unit}\n`);
        lastStage = event.stage;
        lastTenth = 0;
      }
      // a long stage says how far it is, a line each tenth (a bar does so on a terminal)
      const tenth = Math.floor((10 * event.done) / Math.max(1, event.total));
      if (event.total >= LONG_STAGE && event.done < event.total && tenth > lastTenth) {
        stream.write(`  ${event.stage}: ${event.done} of ${event.total} ${UNITS[event.stage]} (${Math.floor((100 * event.done) / event.total)}%)\n`);
        lastTenth = tenth;
      }
      // --verbose names each item as it starts; a stage's closing event (done === total) starts none
      if (verbosity === 'verbose' && event.detail && event.done < event.total) stream.write(`  ${event.detail}\n`);
    },
    info(line) {
      if (verbosity === 'quiet') return;
      stopBar();
      stream.write(`${line}\n`);
    },
    detail(line) {
      if (verbosity !== 'verbose') return;
      stopBar();
      stream.write(`${line}\n`);
    },
    done() {
      stopBar();
    },
  };
}
