export { loadDocuments, loadInputs, listInputFiles, parseEncodings, DEFAULT_MAX_BYTES } from './load.ts';
export type { IngestOptions, Ingested } from './load.ts';
export { cleanDocument } from './clean.ts';
export { decodeBytes, decodeFile, firstInvalidUtf8 } from './decode.ts';
export { extractArticle } from './html.ts';
