// Longer than 300 lines: the stages in their order, in one place, so that a run reads top to bottom.
// Composes the stages: language → segment → embed → align → group → glossary.
// Takes documents already read by ingest and an Embedder; touches no file (the pairs of documents
// may be aligned over worker threads, align/pair-pool.ts).

import { DEFAULT_MODE } from './align/index.ts';
import { alignPairs } from './align/pair-pool.ts';
import { rescoreMining } from './align/rescore.ts';
import { calibrationFor } from './align/calibration.ts';
import { annotateConfidence, confidenceModelFor } from './align/confidence.ts';
import { assessLinks } from './align/assess.ts';
import { isHeadline } from './align/evidence.ts';
import { annotateKinds } from './align/kind.ts';
import { settleLinks } from './align/nway.ts';
import type { AlignDoc } from './align/index.ts';
import type { Embedder } from './embed/embedder.ts';
import { PolyalignError } from './errors.ts';
import { pairTmxName } from './export/tmx-pairs.ts';
import { buildGlossary } from './glossary/index.ts';
import { applyOverride, detectLanguage, findOverride } from './language/index.ts';
import { isTuned, languageWarning } from './language/tuned.ts';
import { applyGlossaryDecisions, applyLinkDecisions, linkRowKey, linksLetIn, spanScorer, STORE_NAME, type EntryDecision, type LinkDecision, type QuoteDecision } from './review/index.ts';
import { MAX_SENTENCE_CHARS, segment } from './segment/index.ts';
import { detectQuotes, groupQuotes, resolveQuoteDecisions } from './quote/index.ts';
import { keepGroupIds } from './align/group-ids.ts';
import { compareStrings, formatSpan } from './text/compare.ts';
import type { Document, GlossaryEntry, ProgressEvent, LangCode, Mode, PairAlignment, ReviewSummary, RunManifest, RunResult, Segmented, SkippedInput, TmInclude } from './types.ts';
import { VERSION } from './version.ts';

/** What one pair of languages got from a run: its documents' pairs and their links by kind. */
export interface LanguageCoverage {
  langs: [LangCode, LangCode];
  docs: Array<[string, string]>;
  equivalent: number;
  related: number;
  below: number;
}

/** Minimum sentences a document needs to be aligned at all. */
export const MIN_SENTENCES = 2;

/** An embedder, or a factory that gets every sentence of the run first (the lexical embedder's IDF needs them). */
export type EmbedderSource = Embedder | ((sentences: string[]) => Promise<Embedder>);

export interface PipelineOptions {
  embedder: EmbedderSource;
  mode?: Mode;
  /** Acceptance threshold on the margin score; undefined keeps the aligner's calibrated default. */
  minScore?: number;
  /** Language overrides by document key (id, basename, or prefix). */
  lang?: Record<string, LangCode>;
  /** Called as each stage starts and advances; for progress bars. */
  onProgress?: (event: ProgressEvent) => void;
  /** Extra parameters to record in run.json (e.g. the CLI's options). */
  parameters?: Record<string, unknown>;
  /** Clock, injectable so tests and golden files can be deterministic. */
  now?: () => Date;
  /**
   * A reviewer's decisions in force (src/review/store.ts `effective`), applied between align and group
   * (links) and after the glossary (entries). When given, run.json gets a `review` section.
   */
  decisions?: { links: readonly LinkDecision[]; entries: readonly EntryDecision[]; quotes?: readonly QuoteDecision[] };
  /**
   * Under review, the previous run's groups into the same folder (job/previous-groups.ts): a group of
   * the same spans keeps its id (align/group-ids.ts), and run.json's review says which links a
   * rejection let in (review/let-in.ts).
   */
  previousRun?: { groupIds: ReadonlyMap<string, string>; accepted: ReadonlySet<string> };
  /**
   * Leave out a document that cannot be aligned (unknown language, too few sentences) instead of
   * stopping, as long as two remain; `skipped` (from ingest, and these) goes to run.json.
   */
  skipBad?: boolean;
  skipped?: SkippedInput[];
  /** Threads that align the pairs of documents, this one included (default 1); see align/pair-pool.ts. */
  jobs?: number;
  /**
   * Add the links the embedder's pair scorer finds (align/pair-scorer.ts) to comparable (mining) pairs,
   * where it has one (default true); false mines by margin alone. A `minScore` turns it off too.
   */
  pairScorer?: boolean;
  /** What the TMX files will take (default equivalent links only): the coverage warnings name what they leave empty. */
  tmInclude?: TmInclude;
}

export type { ProgressEvent } from './types.ts';

/** Language and sentences for each document, checked for what alignment needs. */
export function prepareDocuments(docs: Document[], options: Pick<PipelineOptions, 'lang' | 'onProgress' | 'skipBad' | 'skipped'> = {}): Segmented[] {
  const tooFew = (n: number, first?: Document) => {
    const skipped = options.skipped?.length ? `; left out: ${options.skipped.map((s) => s.path).join(', ')}` : '';
    return new PolyalignError('input.too-few-documents', `expected at least two documents to align, found ${n}${first ? ` (${first.id})` : ''}${skipped}`);
  };
  if (docs.length < 2) throw tooFew(docs.length, docs[0]);
  const overrides = options.lang ?? {};
  const known = new Set(docs.map((d) => d.id));
  for (const key of Object.keys(overrides)) {
    if (!docs.some((d) => findOverride({ [key]: overrides[key]! }, d.id))) {
      throw new PolyalignError('usage.invalid-option', `--lang names "${key}", which matches no input document (${[...known].join(', ')})`);
    }
  }
  const out: Segmented[] = [];
  for (const [i, doc] of docs.entries()) {
    try {
      out.push(prepareOne(doc, overrides));
    } catch (error) {
      if (!options.skipBad || !(error instanceof PolyalignError) || !(error.code === 'language.unknown' || error.code === 'input.too-short')) throw error;
      options.skipped?.push({ path: doc.path, code: error.code, message: error.message });
    }
    options.onProgress?.({ stage: 'segment', done: i + 1, total: docs.length, detail: doc.id });
  }
  if (out.length < 2) throw tooFew(out.length, out[0]?.doc);
  options.onProgress?.({ stage: 'segment', done: docs.length, total: docs.length });
  return out;
}

function prepareOne(doc: Document, overrides: Record<string, LangCode>): Segmented {
  if (doc.body.every((r) => doc.text.slice(r.start, r.end).trim() === '')) {
    const what = doc.removed.length ? `; cleaning set aside ${doc.removed.length} non-article line${doc.removed.length === 1 ? '' : 's'} (${[...new Set(doc.removed.map((r) => r.kind))].join(', ')})` : '';
    throw new PolyalignError('input.too-short', `no article text left${what}; expected an article of at least ${MIN_SENTENCES} sentences`, { path: doc.path });
  }
  const detected = detectLanguage(doc);
  const override = findOverride(overrides, doc.id);
  const lang = override ? applyOverride(detected, override) : detected;
  if (lang.code === 'und') {
    throw new PolyalignError(
      'language.unknown',
      `could not tell the language (franc: ${lang.franc}); name it with --lang ${doc.id.split('/').pop()}=<code> (a BCP 47 code such as hr, sr-Latn, mk)`,
      { path: doc.path },
    );
  }
  const sentences = segment(doc, lang);
  if (sentences.length < MIN_SENTENCES) {
    throw new PolyalignError(
      'input.too-short',
      `found ${sentences.length} sentence${sentences.length === 1 ? '' : 's'}; an article needs at least ${MIN_SENTENCES} to be aligned`,
      { path: doc.path },
    );
  }
  return { doc, lang, sentences };
}

/** The warning for a document whose text ran on without a sentence stop past MAX_SENTENCE_CHARS (segment.ts cutLong). */
function cutWarning(d: Segmented): string | undefined {
  const cut = d.sentences.filter((s) => s.cut);
  if (cut.length === 0) return undefined;
  // a passage is a run of cut pieces that touch: only white space between them
  const passages = cut.filter((s, i) => i === 0 || !/^\s*$/u.test(d.doc.text.slice(cut[i - 1]!.end, s.start))).length;
  return `${d.doc.path}: ${passages} passage${passages === 1 ? '' : 's'} of over ${MAX_SENTENCE_CHARS.toLocaleString('en')} characters with no sentence stop ${passages === 1 ? 'was' : 'were'} cut at clause breaks into ${cut.length} sentences; check that the file is an article with punctuation`;
}

/** Texts per embedding call: the progress steps of a long embedding. */
const EMBED_CHUNK = 4096;

/** Embed every sentence and every pair of neighbours (for 1:2 merges) in one call, so a batch embedder sees everything. */
export async function embedDocuments(docs: Segmented[], embedder: Embedder, onProgress?: PipelineOptions['onProgress']): Promise<AlignDoc[]> {
  const texts: string[] = [];
  for (const d of docs) {
    for (const s of d.sentences) texts.push(s.text);
    for (let i = 0; i + 1 < d.sentences.length; i++) texts.push(`${d.sentences[i]!.text} ${d.sentences[i + 1]!.text}`);
  }
  onProgress?.({ stage: 'embed', done: 0, total: texts.length, detail: embedder.id });
  // in chunks, so that a long embedding (a neural model on a big event) shows how far it is
  const vectors: Float32Array[] = [];
  for (let at = 0; at < texts.length; at += EMBED_CHUNK) {
    for (const v of await embedder.embed(texts.slice(at, at + EMBED_CHUNK))) vectors.push(v);
    if (at + EMBED_CHUNK < texts.length) onProgress?.({ stage: 'embed', done: at + EMBED_CHUNK, total: texts.length, detail: embedder.id });
  }
  if (vectors.length !== texts.length) {
    throw new PolyalignError('internal', `embedder ${embedder.id} returned ${vectors.length} vectors for ${texts.length} texts`);
  }
  onProgress?.({ stage: 'embed', done: texts.length, total: texts.length, detail: embedder.id });
  const out: AlignDoc[] = [];
  let at = 0;
  for (const d of docs) {
    const n = d.sentences.length;
    const single = vectors.slice(at, at + n);
    at += n;
    const merged = vectors.slice(at, at + n - 1);
    at += n - 1;
    // sentence lengths feed the ordered aligner's length prior (Gale–Church)
    out.push({ id: d.doc.id, n, vectors: single, merged, lengths: d.sentences.map((s) => s.text.length) });
  }
  return out;
}

/** Per pair of languages (code-unit order, as the per-pair TMX files), what the run's links give it. */
export function languageCoverage(docs: readonly Segmented[], pairs: readonly PairAlignment[]): LanguageCoverage[] {
  const lang = new Map(docs.map((d) => [d.doc.id, d.lang.code]));
  const langs = [...new Set(docs.map((d) => d.lang.code))].sort(compareStrings);
  const out: LanguageCoverage[] = [];
  for (let i = 0; i < langs.length; i++) {
    for (let j = i + 1; j < langs.length; j++) {
      const between = pairs.filter((p) => {
        const [a, b] = [lang.get(p.src), lang.get(p.tgt)];
        return (a === langs[i] && b === langs[j]) || (a === langs[j] && b === langs[i]);
      });
      if (between.length === 0) continue;
      const links = between.flatMap((p) => p.links);
      out.push({
        langs: [langs[i]!, langs[j]!],
        docs: between.map((p) => [p.src, p.tgt]),
        equivalent: links.filter((l) => l.kind !== 'related').length,
        related: links.filter((l) => l.kind === 'related').length,
        below: between.reduce((n, p) => n + p.below.length, 0),
      });
    }
  }
  return out;
}

/**
 * Coverage said out loud: a pair of languages whose documents share no accepted link, or only related
 * ones, gets a line: its per-pair TMX is written without a unit.
 */
export function coverageWarnings(coverage: readonly LanguageCoverage[], tmInclude: TmInclude = 'equivalent'): string[] {
  const out: string[] = [];
  for (const c of coverage) {
    const [a, b] = c.langs;
    const docs = c.docs.map(([x, y]) => `${x} ↔ ${y}`).join(', ');
    const below = `${c.below} candidate${c.below === 1 ? '' : 's'} below the threshold`;
    if (c.equivalent + c.related === 0) out.push(`no link between ${a} and ${b} (${docs}): ${pairTmxName(a, b)} holds no unit; ${below}`);
    else if (c.equivalent === 0 && tmInclude === 'equivalent') {
      out.push(`no equivalent link between ${a} and ${b} (${docs}), ${c.related} related: ${pairTmxName(a, b)} holds no unit (--tm-include related adds the related ones)`);
    }
  }
  return out;
}

/**
 * The rows of alignments.csv (accepted and rejected links) whose kind is `related`, by `linkRowKey`, for
 * run.json: the next run tells a kind a reviewer edited from the one this run wrote.
 */
export function relatedRows(pairs: readonly PairAlignment[]): string[] {
  return pairs
    .flatMap((p) => [...p.links, ...p.rejected])
    .filter((l) => l.kind === 'related')
    .map((l) => linkRowKey(l.src.doc, formatSpan(l.src), l.tgt.doc, formatSpan(l.tgt)))
    .sort(compareStrings);
}

/** Run every stage after ingest. Deterministic for the same documents, embedder and options (but for timings). */
export async function runPipeline(docs: Document[], options: PipelineOptions): Promise<RunResult> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const timings: Record<string, number> = {};
  const time = async <T>(name: string, fn: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const value = await fn();
    timings[name] = Math.round(performance.now() - t0);
    return value;
  };

  const segmented = await time('segment', () => prepareDocuments(docs, options));
  const embedder =
    typeof options.embedder === 'function'
      ? await options.embedder(segmented.flatMap((d) => d.sentences.map((s) => s.text)))
      : options.embedder;
  const vectors = await time('embed', () => embedDocuments(segmented, embedder, options.onProgress));

  const mode = options.mode ?? DEFAULT_MODE;
  const calibration = calibrationFor(embedder.kind);
  let alignThreads = 1;
  const aligned: PairAlignment[] = await time('align', async () => {
    const total = (vectors.length * (vectors.length - 1)) / 2;
    options.onProgress?.({ stage: 'align', done: 0, total });
    const pairOptions = { mode, thresholds: calibration.thresholds, autoPairMin: calibration.autoPairMin, ...(options.minScore !== undefined ? { minScore: options.minScore } : {}) };
    return alignPairs(vectors, pairOptions, {
      jobs: options.jobs ?? 1,
      onWorkers: (n) => (alignThreads = 1 + n),
      onPair: (done, all, [i, j]) => options.onProgress?.({ stage: 'align', done, total: all, detail: `${vectors[i]!.id} ↔ ${vectors[j]!.id}` }),
    });
  });

  // comparable pairs: links the embedder's pair scorer adds (not under a plain --min-score)
  const scorer = options.pairScorer !== false && options.minScore === undefined ? embedder.pairScorer : undefined;
  const mined = scorer
    ? await time('pair-scorer', () =>
        rescoreMining(aligned, segmented.map((d) => ({ id: d.doc.id, texts: d.sentences.map((s) => s.text) })), new Map(vectors.map((v) => [v.id, v])), (t) => embedder.embed(t), scorer),
      )
    : aligned;

  const decisions = options.decisions;
  const linkReview = decisions ? applyLinkDecisions(mined, segmented, decisions.links, spanScorer(vectors)) : undefined;
  const reviewed = linkReview?.pairs ?? mined;

  // What is exported as aligned: links a third document corroborates or that are strong on their own,
  // and that agree with the n-way groups; the rest become candidates (`below`). Confirmed links stay.
  const order = segmented.map((d) => d.doc.id);
  const grouping = await time('group', () => settleLinks(reviewed, order, { corroborated: calibration.corroborated, uncorroborated: calibration.uncorroborated }));
  const { groups, pairs } = grouping;
  if (options.previousRun) keepGroupIds(groups, options.previousRun.groupIds);
  // each link's evidence (coverage, lengths, figures, headlines), then its confidence and kind
  await time('assess', async () => {
    const docs = segmented.map((d) => ({ id: d.doc.id, texts: d.sentences.map((s) => s.text), headline: d.sentences.map((s) => isHeadline(s, d.doc.text)), lang: d.lang.code }));
    await assessLinks(docs, pairs, new Map(vectors.map((v) => [v.id, v])), (texts) => embedder.embed(texts));
    annotateConfidence(pairs, segmented.length, confidenceModelFor(embedder.kind));
    annotateKinds(pairs, new Set(segmented.filter((d) => !isTuned(d.lang.code)).map((d) => d.doc.id)));
  });
  options.onProgress?.({ stage: 'glossary', done: 0, total: 1 });
  // the glossary reads names in sentences the links joined, a chain's ends included
  const built = await time('glossary', () => buildGlossary(segmented, grouping.components));
  options.onProgress?.({ stage: 'glossary', done: 1, total: 1 });
  const glossaryReview = decisions ? applyGlossaryDecisions(built, decisions.entries) : undefined;
  const glossary: GlossaryEntry[] = glossaryReview?.glossary ?? built;
  // who said what: quotes found in each document, their speakers from the glossary, grouped across documents
  const found = detectQuotes(segmented, glossary);
  const quoteReview = decisions ? resolveQuoteDecisions(found, decisions.quotes ?? []) : undefined;
  const quoteConflicts: string[] = [];
  const quotes = await time('quotes', () => groupQuotes(found, pairs, embedder, quoteReview, quoteConflicts));

  const letIn = options.previousRun ? linksLetIn({ groups, pairs, documents: segmented }, options.previousRun.accepted) : [];
  const review: ReviewSummary | undefined =
    decisions && linkReview && glossaryReview
      ? {
          store: STORE_NAME,
          decisions: { links: decisions.links.length, entries: decisions.entries.length, quotes: decisions.quotes?.length ?? 0 },
          imported: [],
          applied: {
            ...linkReview.applied,
            ...glossaryReview.applied,
            quotesConfirmed: (quoteReview?.confirmed.length ?? 0) - quoteConflicts.length,
            quotesRejected: quoteReview?.rejected.length ?? 0,
          },
          conflicts: [
            ...grouping.refused.map(
              ({ link, reason }) =>
                `confirmed link ${link.src.doc}:${formatSpan(link.src)} ↔ ${link.tgt.doc}:${formatSpan(link.tgt)} is in no group: ${reason}`,
            ),
            ...glossaryReview.conflicts,
            ...quoteConflicts,
          ],
          changes: [],
          orphaned: [...linkReview.orphaned, ...glossaryReview.orphaned, ...(quoteReview?.orphaned ?? [])],
          ...(letIn.length > 0 ? { letIn } : {}),
        }
      : undefined;

  const languages: Record<LangCode, string[]> = {};
  for (const d of segmented) (languages[d.lang.code] ??= []).push(d.doc.id);
  const coverage = languageCoverage(segmented, pairs);
  const tmInclude = options.tmInclude ?? 'equivalent';
  const warnings = [
    ...segmented.flatMap((d) => languageWarning(d.doc.path, d.lang) ?? []),
    ...segmented.flatMap((d) => cutWarning(d) ?? []),
    ...coverageWarnings(coverage, tmInclude),
  ];

  const sentences = segmented.reduce((n, d) => n + d.sentences.length, 0);
  const grouped = new Set<string>();
  for (const g of groups) for (const s of g.spans) for (let k = s.first; k <= s.last; k++) grouped.add(`${s.doc}\u0000${k}`);

  const manifest: RunManifest = {
    tool: { name: 'polyalign', version: VERSION, node: process.version },
    startedAt: startedAt.toISOString(),
    inputs: segmented.map((d) => ({
      doc: d.doc.id,
      path: d.doc.path,
      bytes: d.doc.bytes,
      sha256: d.doc.sha256,
      ...(d.doc.format ? { format: d.doc.format } : {}),
      ...(d.doc.encoding ? { encoding: d.doc.encoding } : {}),
      ...(d.doc.extraction ? { extraction: d.doc.extraction } : {}),
      lang: d.lang,
      sentences: d.sentences.length,
      removed: d.doc.removed.map((r) => ({ kind: r.kind, text: r.text })),
    })),
    ...(options.skipped?.length ? { skipped: options.skipped } : {}),
    languages,
    ...(warnings.length ? { warnings } : {}),
    embedder: { id: embedder.id, dim: embedder.dim, kind: embedder.kind, ...embedder.describe?.() },
    parameters: { mode, minScore: options.minScore ?? 'default', calibration, pairScorer: scorer ? { accept: scorer.accept } : 'off', tmInclude, ...options.parameters },
    coverage: coverage.map((c) => ({ pair: `${c.langs[0]}–${c.langs[1]}`, equivalent: c.equivalent, related: c.related, below: c.below })),
    pairs: pairs.map((p) => ({
      src: p.src,
      tgt: p.tgt,
      method: p.method,
      reason: p.reason,
      links: p.links.length,
      equivalent: p.links.filter((l) => l.kind === 'equivalent').length,
      related: p.links.filter((l) => l.kind === 'related').length,
      below: p.below.length,
    })),
    counts: {
      documents: segmented.length,
      sentences,
      removed: segmented.reduce((n, d) => n + d.doc.removed.length, 0),
      links: pairs.reduce((n, p) => n + p.links.length, 0),
      linksEquivalent: pairs.reduce((n, p) => n + p.links.filter((l) => l.kind !== 'related').length, 0),
      linksRelated: pairs.reduce((n, p) => n + p.links.filter((l) => l.kind === 'related').length, 0),
      // Candidates not exported as aligned: below the threshold, uncorroborated or in conflict with the groups.
      linksBelowThreshold: pairs.reduce((n, p) => n + p.below.length, 0),
      linksAddedByPairScorer: pairs.reduce((n, p) => n + p.links.filter((l) => l.addedByScorer).length, 0),
      linksCorroborated: grouping.corroborated.length,
      linksUncorroborated: grouping.uncorroborated.length,
      linksInConflict: grouping.conflicts.length,
      spansDetachedFromGroups: grouping.detached.length,
      linksConfirmed: pairs.reduce((n, p) => n + p.links.filter((l) => l.status === 'confirmed').length, 0),
      linksRejected: pairs.reduce((n, p) => n + p.rejected.length, 0),
      groups: groups.length,
      sentencesInGroups: grouped.size,
      sentencesUnaligned: sentences - grouped.size,
      glossaryEntries: glossary.length,
      glossaryRejected: glossaryReview?.rejected.length ?? 0,
      quotes: quotes.reduce((n, g) => n + g.members.length, 0),
      // quotes that two documents or more hold
      quotesShared: quotes.filter((g) => g.members.length > 1).length,
    },
    timings,
    threads: { align: alignThreads },
    outputs: [],
    glossaryCanonical: Object.fromEntries([...glossary, ...(glossaryReview?.rejected ?? [])].map((e) => [e.id, e.canonical]).sort(([a], [b]) => compareStrings(a!, b!))),
    glossaryType: Object.fromEntries([...glossary, ...(glossaryReview?.rejected ?? [])].map((e) => [e.id, e.type]).sort(([a], [b]) => compareStrings(a!, b!))),
    alignmentsRelated: relatedRows(pairs),
    ...(review ? { review } : {}),
  };
  return { documents: segmented, pairs, groups, glossary, ...(glossaryReview ? { rejectedGlossary: glossaryReview.rejected } : {}), quotes, manifest, tmInclude };
}

