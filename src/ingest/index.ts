export { loadDocuments, DEFAULT_MAX_BYTES } from './load.ts';
export type { IngestOptions } from './load.ts';
export { cleanDocument } from './clean.ts';
export { decodeBytes, firstInvalidUtf8 } from './decode.ts';
