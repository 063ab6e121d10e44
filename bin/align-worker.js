// A worker thread aligning pairs of documents of one run starts here (src/align/pair-pool.ts): tsx
// compiles the TypeScript, as bin/polyalign.js does for the main thread.
import { register } from 'tsx/esm/api';

register();
await import('../src/align/pair-worker.ts');
