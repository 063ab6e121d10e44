// The public API. Re-exports only.
export * from './types.ts';
export { PolyalignError } from './errors.ts';
export type { ErrorCode } from './errors.ts';
export { runPipeline, prepareDocuments, embedDocuments } from './pipeline.ts';
export type { PipelineOptions, ProgressEvent, EmbedderSource } from './pipeline.ts';
export { loadDocuments, cleanDocument } from './ingest/index.ts';
export { detectLanguage, parseLangOverrides } from './language/index.ts';
export { segment, segmentText } from './segment/index.ts';
export type { Embedder } from './embed/embedder.ts';
export { createLexicalEmbedder } from './embed/lexical.ts';
export { createTransformersEmbedder } from './embed/transformers.ts';
export { withCache } from './embed/cache.ts';
export { alignPair, buildGroups, scoreAlignments } from './align/index.ts';
export type { AlignDoc } from './align/index.ts';
export { buildGlossary } from './glossary/index.ts';
export { renderOutputs, writeOutputs, parseFormats } from './export/index.ts';
export { parseDecisions, mergeDecisions, parseStore, serialiseStore, applyLinkDecisions, applyGlossaryDecisions } from './review/index.ts';
export type { Decision, LinkDecision, EntryDecision } from './review/index.ts';
