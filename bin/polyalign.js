#!/usr/bin/env node
// The CLI is written in TypeScript; tsx compiles it on the fly so that
// `npx polyalign` and `npm start` work right after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv);
