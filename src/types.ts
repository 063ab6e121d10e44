// Longer than 300 lines: the types at the boundaries of every stage, in one file.
// The data that flows between pipeline stages. Every stage takes and returns
// these plain, serialisable shapes; only ingest, export and the CLI touch files.

/** A BCP 47 language code (`bs`, `sr-Latn`, `mk`, ...), or `und` when unknown. */
export type LangCode = string;

/** Writing system of a text, as an ISO 15924 code. `Zyyy` when neither dominates. */
export type Script = 'Latn' | 'Cyrl' | 'Zyyy';

/** A half-open range `[start, end)` of UTF-16 code units in a document's decoded text. */
export interface Range {
  start: number;
  end: number;
}

/** Why ingest set a piece of a file aside instead of treating it as article text. */
export type RemovedKind =
  | 'metadata' // first-line `date 2025-09-03`
  | 'share-counter' // `0 SHARES Сподели Твитни`
  | 'credit' // `Foto: Xinhua/STA`, `© www.kremlin.ru`
  | 'caption' // a caption repeated elsewhere in the file
  | 'section-label' // `KRIG`
  | 'byline' // `/ AA`
  | 'dateline' // a line holding only a date, `3. september 2025`
  | 'duplicate'; // a line repeated verbatim

export interface Removed extends Range {
  kind: RemovedKind;
  text: string;
}

/** One input file after decoding and cleaning. */
export interface Document {
  /** Path relative to the input root, with `/` separators: `000_f5fabf009eca07d9.txt`. */
  id: string;
  /** Where the file was read from, as the user named it (for messages); equals `id` when not read from disk. */
  path: string;
  /** The decoded text (BOM removed, line endings kept). All offsets point into it. */
  text: string;
  /** sha256 of the raw bytes, hex. */
  sha256: string;
  /** Size of the raw file in bytes. */
  bytes: number;
  /** Metadata read from the file, e.g. `{ date: '2025-09-03' }`. */
  meta: Record<string, string>;
  /** The parts of `text` that hold article text, in order, non-overlapping. */
  body: Range[];
  /** What cleaning set aside, in order. */
  removed: Removed[];
  /** What the file was read as (absent for documents not read from disk). */
  format?: 'text' | 'html' | 'docx';
  /** How the bytes were decoded (text and web pages; a .docx is XML in UTF-8 by definition). */
  encoding?: DocumentEncoding;
  /** For a web page: what the article extractor kept and dropped; `text` is the extracted text. */
  extraction?: DocumentExtraction;
}

export interface DocumentEncoding {
  /** The WHATWG encoding name: `utf-8`, `windows-1250`, `iso-8859-5`, `utf-16le`. */
  name: string;
  source: 'bom' | 'utf-8' | 'utf-16-pattern' | 'detected' | 'override';
  /** The detector's confidence, 0–100 (100 when nothing had to be detected). */
  confidence: number;
  candidates?: Array<{ name: string; confidence: number }>;
}

export interface DocumentExtraction {
  extractor: 'readability';
  title: string;
  pageChars: number;
  keptChars: number;
  dropped: Record<string, number>;
}

/** An input left out of a run by `--skip-bad`, and why. */
export interface SkippedInput {
  path: string;
  code: string;
  message: string;
}

/** The language decided for a document. Uncertainty is data, not an exception. */
export interface LanguageInfo {
  code: LangCode;
  script: Script;
  /** How the code was reached. */
  source: 'detected' | 'override';
  /** franc's ISO 639-3 answer (`srp`, `und`, ...), before mapping and the bs/hr/sr rule. */
  franc: string;
  /** franc's score for its answer, 0..1 (1 for overrides). */
  confidence: number;
  /** A short human-readable note on how a close call was settled. */
  note?: string;
}

/** A sentence: a range of a document's text. */
export interface Sentence extends Range {
  doc: string;
  /** 0-based position in the document. */
  index: number;
  /** `text.slice(start, end)` of the document, with inner line breaks kept. */
  text: string;
  /** A piece of a run of text with no sentence stop that was too long to be one sentence (segment.ts). */
  cut?: true;
}

/** A document with its language and sentences: the unit every later stage works on. */
export interface Segmented {
  doc: Document;
  lang: LanguageInfo;
  sentences: Sentence[];
}

export type Method = 'ordered' | 'mining';
export type Mode = 'auto' | Method;
export type Status = 'auto' | 'confirmed' | 'rejected';

/** Consecutive sentences `first..last` (inclusive) of one document. */
export interface Span {
  doc: string;
  first: number;
  last: number;
}

/** Two spans of two documents said to hold the same content. */
export interface Link {
  src: Span;
  tgt: Span;
  /** Cosine similarity of the two spans' vectors, -1..1. */
  score: number;
  /** Margin score (ratio to the neighbourhood's mean similarity); > 1 stands out. */
  margin: number;
  /**
   * Estimated probability that a translator confirms the link as `equivalent` (src/align/confidence.ts);
   * set once the run's links are settled.
   */
  confidence?: number;
  /** `equivalent` or `related` (src/align/kind.ts); set with the confidence. */
  kind?: LinkKind;
  /** `reviewer` when a reviewer set `kind` (alignments.csv's `kind` edited; review/apply-links.ts); absent when kind.ts decides it. */
  kindBy?: 'reviewer';
  /** What the two sides show beyond their similarity (src/align/evidence.ts); set with the confidence. */
  evidence?: LinkEvidence;
  /** A 1:1 mining link the pair scorer read (src/align/pair-scorer.ts): its probability that the pair is a translation unit. */
  pairScore?: number;
  /** The pair scorer added it (margin mining had not accepted it). */
  addedByScorer?: true;
  method: Method;
  status: Status;
}

/**
 * `equivalent`: the two sides say the same thing (a translation or a close paraphrase, 1:2 and 2:1
 * splits included). `related`: they report the same fact or quote, but one says more or other things.
 */
export type LinkKind = 'equivalent' | 'related';

export interface LinkEvidence {
  /** The weakest window of a few words of each side towards the other side's span, as a cosine (src, tgt). */
  coverage: [number, number];
  /** Per side, the lowest (window's cosine to the other span − its best cosine to another sentence near that span). */
  relative: [number, number];
  /** |ln(characters of src / characters of tgt)|. */
  lengthRatio: number;
  /** Gale & Church's |δ| between the two sides' characters, the languages' ratio taken out (align/length.ts lengthDeviation). */
  lengthDeviation: number;
  /** Figures of src that tgt lacks, and of tgt that src lacks, as written. */
  unmatchedNumbers: [string[], string[]];
  /** A headline faces a sentence, or a span joins a headline to the sentence after it. */
  headline: boolean;
}

/**
 * The pair scorer for mining (src/align/pair-scorer.ts): logistic weights over a candidate pair's
 * features (PAIR_FEATURES, bias first) and the probability from which a candidate pair is linked.
 * Fitted for one embedder's vectors, it ships with the model (models/polyalign/…/pair-scorer.json).
 */
export interface PairScorerModel {
  weights: readonly number[];
  accept: number;
}

/** The alignment of one pair of documents. */
export interface PairAlignment {
  src: string;
  tgt: string;
  method: Method;
  /** Why `auto` chose the method (empty when the mode was forced). */
  reason: string;
  /** Links accepted: at or above the threshold (status `auto`), or confirmed by a reviewer (status `confirmed`). */
  links: Link[];
  /** Candidates found but below the threshold: counted in run.json, not exported as aligned. */
  below: Link[];
  /** Links a reviewer rejected (status `rejected`): listed in alignments.csv, never in a group, parallel.csv or the TMX. */
  rejected: Link[];
}

/** An n-way group: at most one span per document, every pair of spans linked directly or through the group. */
export interface Group {
  /** `g0001`, ... in a deterministic order. */
  id: string;
  spans: Span[];
  /** The links that hold the group together. */
  links: Link[];
  /** Mean score of the group's links. */
  score: number;
}

/** Where a name was seen. */
export interface Mention extends Range {
  doc: string;
  lang: LangCode;
  sent: number;
  /** The surface form as written, `Kimom`, `Ким Џонг Ун`. */
  form: string;
}

/**
 * What a glossary entity names, decided from evidence in the text (src/glossary/entity-type.ts):
 * a role or title before the name (person), an organisation word, a reporting verb or an acronym
 * (organisation), a locative preposition, a place noun or an adjective derived from the name
 * (place); `other` when the text shows none of these, or as much for one type as for another.
 */
export type EntityType = 'person' | 'place' | 'organisation' | 'other';

/** A reviewer's decision on a glossary entry: `keep` (its canonical form may be the reviewer's) or `reject`. */
export type GlossaryStatus = 'keep' | 'reject';

/** One entity of the glossary across languages and scripts. */
export interface GlossaryEntry {
  /** `e0001`, ... */
  id: string;
  type: EntityType;
  /** The most frequent full Latin form. */
  canonical: string;
  /** `en` when the canonical is the English name from polyalign's table (a termbase gives it an `en` term); absent when it is a form of the texts. */
  canonicalLang?: 'en';
  /** Per language code, the forms seen, most frequent first. */
  variants: Record<LangCode, Array<{ form: string; count: number }>>;
  /**
   * Per language code, the term a termbase should prefer: the base form (nominative, indefinite) that
   * the exonym table gives (`table`, possibly a form the text does not use), that the text uses
   * (`text`) or that the rules cut from an inflected form (`rule`), else the most frequent form (`frequency`).
   */
  preferred?: Record<LangCode, { form: string; source: 'table' | 'text' | 'rule' | 'frequency' }>;
  mentions: Mention[];
  /** Documents it appears in, sorted. */
  docs: string[];
  /** One sentence that shows it in use. */
  example: { doc: string; sent: number; text: string };
  /** Set when a reviewer decided on the entry; absent while undecided. */
  status?: GlossaryStatus;
  /** `reviewer` when a reviewer gave the entry its type (glossary.csv's `type` edited); absent when the text's evidence did. */
  typeBy?: 'reviewer';
}

/** The run's manifest, written as run.json. */
export interface RunManifest {
  tool: { name: string; version: string; node: string };
  startedAt: string;
  inputs: Array<{
    doc: string;
    path: string;
    bytes: number;
    sha256: string;
    format?: 'text' | 'html' | 'docx';
    encoding?: DocumentEncoding;
    extraction?: DocumentExtraction;
    lang: LanguageInfo;
    sentences: number;
    removed: Array<{ kind: RemovedKind; text: string }>;
  }>;
  /** Inputs that `--skip-bad` left out, with the reason (absent when none were). */
  skipped?: SkippedInput[];
  languages: Record<LangCode, string[]>;
  /** One line per document in a language outside the tuned set (absent when there is none). */
  warnings?: string[];
  /** Plus what the embedder's `describe()` adds: settings, texts embedded, seconds, cache hits and misses. */
  embedder: { id: string; dim: number; kind: string } & Record<string, unknown>;
  parameters: Record<string, unknown>;
  /** The locale each language is named by in TMX and TBX (and CSV headers under `--locales`). */
  locales?: Record<LangCode, string>;
  /** The CSV files' list separator and decimal mark. */
  csv?: CsvDialect;
  /** Per pair of languages: its accepted links by kind, and its candidates below the threshold. */
  coverage?: Array<{ pair: string; equivalent: number; related: number; below: number }>;
  pairs: Array<{ src: string; tgt: string; method: Method; reason: string; links: number; equivalent: number; related: number; below: number }>;
  counts: Record<string, number>;
  timings: Record<string, number>;
  /** Threads that aligned the pairs of documents (pair-pool.ts): like the timings, it depends on the machine and the run. */
  threads?: { align: number };
  outputs: string[];
  /** The canonical form of each glossary entry as written to glossary.csv, by entry id: tells the next run which canonical forms a reviewer edited. */
  glossaryCanonical?: Record<string, string>;
  /** The type of each glossary entry as written to glossary.csv, by entry id: tells the next run which types a reviewer edited. */
  glossaryType?: Record<string, string>;
  /**
   * The rows alignments.csv shows as `related`, by `doc:sent ↔ doc:sent` (review/decision.ts `linkRowKey`),
   * every other row being `equivalent`: tells the next run which kinds a reviewer edited.
   */
  alignmentsRelated?: string[];
  /**
   * sha256 of each output written (but run.json), so the next run can tell a hand-edited file. A run
   * that does not rewrite alignments.csv or glossary.csv (`--format`) carries their previous hashes.
   */
  outputHashes?: Record<string, string>;
  /**
   * For alignments.csv and glossary.csv: how many lines decisions.jsonl held when the file was written.
   * The decisions in force then are what the file's status columns show, so a later run counts only the
   * rows a reviewer changed. Carried with the hash by a run that does not rewrite the file.
   */
  storeLinesAtWrite?: Record<string, number>;
  /** What the reviewer's decisions did to this run; absent when there were none. */
  review?: ReviewSummary;
}

/** How a run used the decisions store: what it imported and applied, and what it could not. */
export interface ReviewSummary {
  /** The store's file name in the output folder. */
  store: string;
  /** Decisions in force in the store (the latest per key). */
  decisions: { links: number; entries: number; quotes: number };
  /** Files whose decisions were merged into the store by this run. */
  imported: Array<{ file: string; why: 'review' | 'hand-edited'; added: number }>;
  /**
   * Of the confirmed links: `above` accepted by the aligner, `raised` candidates from below the threshold,
   * `added` never proposed; `kindRelated` made related and `kindEquivalent` confirmed by a kind a reviewer edited.
   */
  applied: { confirmed: number; rejected: number; added: number; raised: number; above: number; kindRelated: number; kindEquivalent: number; kept: number; rejectedEntries: number; canonical: number; retyped: number; quotesConfirmed: number; quotesRejected: number };
  /** Decisions that contradict each other; each line says what was done. */
  conflicts: string[];
  /** A newer decision reversing an older one (applied). */
  changes: string[];
  /** Decisions whose sentences or entry this run does not have (kept in the store). */
  orphaned: string[];
  /** Links accepted now, not in the previous run, on a sentence a link rejected now had (review/let-in.ts). */
  letIn?: string[];
}

/** Everything a run produced, handed to the exporters. */
/**
 * What a quote is: `speech`, words in quotation marks that someone said or wrote; `term`, one or two
 * words in quotation marks that are a name or a scare quote, not speech; `reported`, what a speech
 * verb and a complementiser report (`je izjavio da …`, `a declarat că …`, `sagde, at …`).
 */
export type QuoteKind = 'speech' | 'term' | 'reported';

/** One quote in one document. */
export interface Quote extends Range {
  /** `q0001`, in document order across the run. */
  id: string;
  doc: string;
  lang: LangCode;
  kind: QuoteKind;
  /** The sentences it lies in (first and last index; equal for most). */
  sents: [first: number, last: number];
  /** `doc.text.slice(start, end)`: the words inside the marks, or the reported clause. */
  text: string;
  /** Who said it, as the text names them, and the glossary entry of that name; absent when unsure. */
  speaker?: { form: string; entry?: string; canonical?: string };
}

/** One quote across the documents: at most one occurrence per document, never two speakers. */
export interface QuoteGroup {
  /** `Q001`, ... in the order of their first occurrence. */
  id: string;
  /** The speaker's glossary entry and name, when an occurrence names them. */
  speaker?: { entry?: string; canonical: string };
  members: Quote[];
  /** Per member id, the highest cosine of its links to the other members (absent for a quote alone). */
  scores: Record<string, number>;
  /** Per member id, the estimated probability that a reader confirms it is the same quote (absent alone). */
  confidence: Record<string, number>;
  /** Per member id, what a reviewer decided: `confirmed` (joined to the group by a decision), `rejected` (a quote left alone by one); absent: as the tool grouped it. */
  status?: Record<string, 'confirmed' | 'rejected'>;
}

export interface RunResult {
  documents: Segmented[];
  pairs: PairAlignment[];
  groups: Group[];
  glossary: GlossaryEntry[];
  /** The quotes of the run, grouped across documents (a quote no other document holds is a group of one). */
  quotes?: QuoteGroup[];
  /** Glossary entries a reviewer rejected: listed in glossary.csv as rejected, left out of the TBX. */
  rejectedGlossary?: GlossaryEntry[];
  manifest: RunManifest;
  /** What the TMX files take: equivalent links only (the default), or related ones too (`--tm-include related`). */
  tmInclude?: TmInclude;
  /** How languages are named in the outputs (`--locales`); absent: the default table (export/locales.ts). */
  locales?: LocaleSettings;
  /** The CSV list separator and decimal mark (`--csv-delimiter`); absent: `,` and `.`. */
  csv?: CsvDialect;
}

/** How the outputs name languages: a locale per code, and whether CSV columns use them too. */
export interface LocaleSettings {
  /** Language code -> locale (`sl` -> `sl-SI`), for every language of the run and English. */
  locales: Record<LangCode, string>;
  /** True when `--locales` gave pairs: the CSV and workbook language columns are named by locale as well. */
  inHeaders: boolean;
}

/**
 * The list separator and decimal mark of the CSV files (`--csv-delimiter`). Spreadsheets set to
 * Danish, Slovene, Romanian, Bosnian, Croatian, Serbian or Macedonian split CSV on `;` and read
 * `0,85` as a number, so `;` goes with a decimal comma; `,` (RFC 4180) and tab with a decimal point.
 */
export interface CsvDialect {
  delimiter: ',' | ';' | '\t';
  decimal: '.' | ',';
}

export type TmInclude = 'equivalent' | 'related';

/** How far a run is: a stage, its steps done and in all, and what it works on (progress.ts shows it). */
export interface ProgressEvent {
  stage: 'segment' | 'embed' | 'align' | 'glossary';
  done: number;
  total: number;
  detail?: string;
}
