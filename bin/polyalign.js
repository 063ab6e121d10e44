#!/usr/bin/env node
// The CLI is written in TypeScript; tsx compiles it on the fly so that
// `npx polyalign` and `npm start` work right after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
// Output piped into a reader that stops early (`polyalign run --help | head`) closes the pipe: that is
// the reader's choice, not an error of ours, so end quietly instead of throwing EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv);
