// The file side of reviewing that a run and `polyalign review import` share: reading decisions files,
// reading and writing the store, and finding outputs a reviewer edited by hand since the last run
// wrote them (their sha256 differs from the one run.json recorded). The store's
// read-merge-write holds the output folder's lock (export/folder-lock.ts), which a run holds
// throughout, so a `review import` during a run loses nothing.

import { readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { sha256 } from '../export/manifest.ts';
import { withFolderLock } from '../export/folder-lock.ts';
import { writeFileAtomic } from '../export/write.ts';
import { WORKBOOK_NAME } from '../export/xlsx.ts';
import { isWorkbook, parseWorkbookDecisions } from '../review/workbook.ts';
import { PolyalignError } from '../errors.ts';
import {
  changedSinceWritten,
  decisionKey,
  describe,
  effective,
  headerOf,
  mergeDecisions,
  parseDecisions,
  sameDecision,
  parseStore,
  serialiseStore,
  STORE_NAME,
  type Decision,
  type EntryDecision,
  type LinkDecision,
  type ParsedDecisions,
  type ParseOptions,
  type QuoteDecision,
} from '../review/index.ts';
import type { ReviewSummary, RunManifest } from '../types.ts';

/**
 * The outputs a reviewer edits in a spreadsheet: decisions files the next run must not overwrite unread.
 * workbook.xlsx (`--format xlsx`) holds the alignments, glossary and quotes tables as sheets.
 */
export const EDITABLE_OUTPUTS = ['alignments.csv', 'glossary.csv', 'quotes.csv', WORKBOOK_NAME] as const;

async function readIfExists(path: string): Promise<string | undefined>;
async function readIfExists(path: string, binary: true): Promise<Buffer | undefined>;
async function readIfExists(path: string, binary?: true): Promise<string | Buffer | undefined> {
  try {
    return binary ? await readFile(path) : await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new PolyalignError('review.invalid', `cannot read (${(error as Error).message})`, { path });
  }
}

export async function loadStore(outDir: string): Promise<Decision[]> {
  const path = join(outDir, STORE_NAME);
  const text = await readIfExists(path);
  return text === undefined ? [] : parseStore(text, path);
}

export async function saveStore(outDir: string, log: readonly Decision[]): Promise<void> {
  await writeFileAtomic(outDir, STORE_NAME, serialiseStore(log));
}

/** The previous run's manifest, or undefined when there is none or it cannot be read. */
export async function previousManifest(outDir: string): Promise<Partial<RunManifest> | undefined> {
  const text = await readIfExists(join(outDir, 'run.json')).catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as Partial<RunManifest>;
  } catch {
    return undefined;
  }
}

/** A decisions file's decisions: a CSV's, or those of a workbook's sheets, as one. */
async function readDecisionsFile(file: string, options: ParseOptions): Promise<ParsedDecisions> {
  const bytes = await readIfExists(file, true);
  if (bytes === undefined) throw new PolyalignError('review.invalid', 'no such decisions file', { path: file });
  return parseDecisionsBytes(bytes, file, options);
}

/** A workbook's sheets (by its name), else a CSV's text. */
async function parseDecisionsBytes(bytes: Buffer, file: string, options: ParseOptions): Promise<ParsedDecisions> {
  if (isWorkbook(file)) return joinSheets(await parseWorkbookDecisions(bytes, file, options));
  return parseDecisions(bytes.toString('utf8'), file, options);
}

/** A workbook's sheets as one file's decisions. */
function joinSheets(sheets: readonly ParsedDecisions[]): ParsedDecisions {
  return {
    kind: sheets[0]?.kind ?? 'links',
    links: sheets.flatMap((p) => p.links),
    entries: sheets.flatMap((p) => p.entries),
    quotes: sheets.flatMap((p) => p.quotes),
    conflicts: sheets.flatMap((p) => p.conflicts),
  };
}

/** A hand-edited output's decisions, before they are merged into the store. */
interface EditedOutput {
  name: (typeof EDITABLE_OUTPUTS)[number];
  file: string;
  decisions: Decision[];
  conflicts: string[];
  /** Its hash was not recorded: its age is unknown. */
  unknownAge: boolean;
  mtimeMs: number;
}

/**
 * Where workbook.xlsx and a CSV that were both edited since the last run decide one key differently:
 * the file saved last is taken as the reviewer's latest word (it is merged last, so its decision is the
 * one in force; the other stays in the store's history), and each such key is said as a conflict.
 */
function disagreements(edited: readonly EditedOutput[]): string[] {
  const workbook = edited.find((e) => e.name === WORKBOOK_NAME);
  if (!workbook) return [];
  const inWorkbook = new Map(workbook.decisions.map((d) => [decisionKey(d), d]));
  const lines: string[] = [];
  for (const csv of edited.filter((e) => e.name !== WORKBOOK_NAME)) {
    const newer = csv.mtimeMs > workbook.mtimeMs ? csv : workbook;
    const older = newer === csv ? workbook : csv;
    for (const d of csv.decisions) {
      const w = inWorkbook.get(decisionKey(d));
      // agreeing, or one of them silent where the other sets a link's kind
      if (!w || sameDecision(w, d) || sameDecision(d, w)) continue;
      const [taken, left] = newer === csv ? [d, w] : [w, d];
      lines.push(`${describe(d)}: ${csv.file} and ${workbook.file} were both edited and disagree; ${newer.file}, saved last, is in force (${statusOf(taken)}), not ${older.file}'s (${statusOf(left)})`);
    }
  }
  return lines;
}

function statusOf(d: Decision): string {
  if (d.kind === 'link' && d.linkKind) return `${d.status}, kind ${d.linkKind}`;
  return d.kind === 'entry' ? `${d.status}, canonical ${JSON.stringify(d.canonical)}${d.type ? `, type ${d.type}` : ''}` : d.status;
}

export interface ImportOutcome {
  log: Decision[];
  imported: ReviewSummary['imported'];
  conflicts: string[];
  changes: string[];
}

export function label(outDir: string, name: string): string {
  const rel = relative(process.cwd(), join(outDir, name));
  return rel.startsWith('..') ? join(outDir, name) : rel;
}

/**
 * Merge into the store, in this order: outputs edited by hand since the last run (their decisions
 * would otherwise be overwritten by this run), then the files given with --review. Writes the store
 * when anything was added, before the run overwrites anything; holds the store's lock throughout.
 */
export async function importIntoStore(options: {
  outDir: string;
  files: readonly string[];
  knownDocs?: readonly string[];
  /** Look for hand-edited outputs (a run does; `review import` does not). */
  handEdited: boolean;
  now: Date;
  /** The caller holds the folder's lock already (a run holds it from start to end). */
  locked?: boolean;
  /** Hears of a left-over lock that was taken over. */
  warn?: (line: string) => void;
}): Promise<ImportOutcome> {
  if (options.locked) return importLocked(options);
  return withFolderLock(options.outDir, () => importLocked(options), options.warn);
}

async function importLocked(options: Parameters<typeof importIntoStore>[0]): Promise<ImportOutcome> {
  const at = options.now.toISOString();
  const loaded = await loadStore(options.outDir);
  let log = loaded;
  const outcome: ImportOutcome = { log, imported: [], conflicts: [], changes: [] };
  const take = (file: string, why: 'review' | 'hand-edited', decisions: Decision[], conflicts: string[], onlyNew: boolean) => {
    const merged = mergeDecisions(log, decisions, { onlyNew });
    log = merged.log;
    outcome.imported.push({ file, why, added: merged.added.length });
    outcome.conflicts.push(...conflicts, ...merged.leftOut);
    outcome.changes.push(...merged.changes);
  };

  const previous = await previousManifest(options.outDir);
  // The canonical forms the last run wrote tell which ones a reviewer edited in that run's glossary.csv.
  const canonicalBefore = previous?.glossaryCanonical;
  const typeBefore = previous?.glossaryType;
  // and the kinds it wrote, which ones a reviewer edited in its alignments.csv (or workbook)
  const relatedBefore = previous?.alignmentsRelated;
  const recorded = previous?.outputHashes ?? {};
  /**
   * A row of the run's own alignments.csv or glossary.csv shows the decision in force when the run
   * wrote it; it counts only where it differs from that (unknown for a run.json from before
   * `storeLinesAtWrite`: then every decided row counts).
   */
  const changedOnly = (name: string, decisions: Decision[]): Decision[] => {
    const lines = previous?.storeLinesAtWrite?.[name];
    return typeof lines === 'number' ? changedSinceWritten(decisions, effective(loaded.slice(0, lines))) : decisions;
  };
  const ownOutput = (file: string) => EDITABLE_OUTPUTS.find((name) => resolve(file) === resolve(options.outDir, name));

  if (options.handEdited) {
    const edited: EditedOutput[] = [];
    for (const name of EDITABLE_OUTPUTS) {
      const path = join(options.outDir, name);
      const bytes = await readIfExists(path, true);
      if (bytes === undefined) continue;
      // the recorded hash is of the bytes written (a CSV's UTF-8 text hashes the same as its bytes)
      if (sha256(bytes) === recorded[name]) continue;
      const text = name === WORKBOOK_NAME ? undefined : bytes.toString('utf8');
      // A file from before decisions existed has no status column: nothing of a reviewer's to keep. The
      // header is read as the parser reads it (a spreadsheet may have saved `;` or tabs); a header that
      // cannot be read goes on to the parser, whose error stops the run.
      const header = text === undefined ? undefined : headerOf(text);
      if (header && !header.includes('status')) continue;
      const file = label(options.outDir, name);
      const parseOptions: ParseOptions = { at, ...(canonicalBefore ? { canonicalBefore } : {}), ...(typeBefore ? { typeBefore } : {}), ...(relatedBefore ? { relatedBefore } : {}) };
      let parsed: ParsedDecisions;
      try {
        parsed = await parseDecisionsBytes(bytes, file, parseOptions);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        throw new PolyalignError(
          'review.invalid',
          `was edited since the last run but cannot be read as decisions (${why}); fix it, or move it out of the output folder, and run again: polyalign will not overwrite it`,
          { path: file, cause: error },
        );
      }
      const mtimeMs = (await stat(path).catch(() => undefined))?.mtimeMs ?? 0;
      edited.push({ name, file, decisions: changedOnly(name, [...parsed.links, ...parsed.entries, ...parsed.quotes]), conflicts: parsed.conflicts, unknownAge: recorded[name] === undefined, mtimeMs });
    }
    outcome.conflicts.push(...disagreements(edited));
    // Oldest first, so that where two edited files disagree the one saved last is in force; a tie keeps
    // the order of EDITABLE_OUTPUTS (the CSV files, then the workbook).
    for (const e of [...edited].sort((a, b) => a.mtimeMs - b.mtimeMs)) {
      // Without a recorded hash the file's age is unknown: it may only add decisions, never reverse one.
      take(e.file, 'hand-edited', e.decisions, e.conflicts, e.unknownAge);
    }
  }
  for (const file of options.files) {
    const own = ownOutput(file);
    const ownGlossary = (own === 'glossary.csv' || own === WORKBOOK_NAME) && canonicalBefore;
    const ownAlignments = (own === 'alignments.csv' || own === WORKBOOK_NAME) && relatedBefore;
    const parsed = await readDecisionsFile(file, {
      at,
      ...(options.knownDocs ? { knownDocs: options.knownDocs } : {}),
      ...(ownGlossary ? { canonicalBefore, ...(typeBefore ? { typeBefore } : {}) } : {}),
      ...(ownAlignments ? { relatedBefore } : {}),
    });
    const decisions = [...parsed.links, ...parsed.entries, ...parsed.quotes];
    take(file, 'review', own ? changedOnly(own, decisions) : decisions, parsed.conflicts, false);
  }
  if (log.length !== loaded.length) await saveStore(options.outDir, log);
  outcome.log = log;
  return outcome;
}

/** The decisions in force, split as the pipeline takes them. */
export function inForce(log: readonly Decision[]): { links: LinkDecision[]; entries: EntryDecision[]; quotes: QuoteDecision[] } {
  const now = effective(log);
  return {
    links: now.filter((d): d is LinkDecision => d.kind === 'link'),
    entries: now.filter((d): d is EntryDecision => d.kind === 'entry'),
    quotes: now.filter((d): d is QuoteDecision => d.kind === 'quote'),
  };
}

