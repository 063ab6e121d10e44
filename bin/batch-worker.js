// A batch worker thread starts here: as bin/polyalign.js does for the main thread, tsx compiles
// the TypeScript on the fly (a worker does not inherit the main thread's loader).
import { register } from 'tsx/esm/api';

register();
await import('../src/batch/worker.ts');
