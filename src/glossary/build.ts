// The glossary stage: candidates → clusters → entries. Pure: documents and groups in,
// entries out, the same entries for the same input.

import { PolyalignError } from '../errors.ts';
import type { GlossaryEntry, Group, Segmented } from '../types.ts';
import { DEFAULT_CANDIDATE_OPTIONS, extractCandidates } from './candidates.ts';
import { clusterCandidates, DEFAULT_CLUSTER_OPTIONS } from './cluster.ts';
import { buildEntries } from './entries.ts';

export interface GlossaryOptions {
  /** Aligned groups in which two different-looking names must be the only ones left over to merge. Default 2. */
  minSupport?: number;
  /** Aligned groups enough to merge two loosely similar names (`Pekingu` / `Beijing`). Default 1. */
  minSupportSimilar?: number;
  /** Dice association (0..1) that pairing through aligned sentences needs. Default 0.5. */
  minAssociation?: number;
  /** Join a one-word name to the single full name it belongs to (`Putinom` → `Vladimir Putin`). Default true. */
  joinParts?: boolean;
  /** Lower-case words allowed inside a name (`Coreea de Nord`). Default: de, al, van, von, ... */
  joiners?: readonly string[];
  /** Longest quotation, in words, taken as a title (`“Victory Day”`). Default 6. */
  maxTitleWords?: number;
  /** Share of capitalised words that marks a title-case headline, 0..1. Default 0.7. */
  headlineRatio?: number;
  /** Entries with fewer mentions are left out. Default 1. */
  minMentions?: number;
}

export const DEFAULT_MIN_MENTIONS = 1;

type Resolved = Required<GlossaryOptions>;

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new PolyalignError('usage.invalid-option', `Expected glossary option ${name} to be a positive integer, not ${value}`);
  }
  return value;
}

/** Fill in defaults and check values once, at the boundary of the stage. */
export function resolveGlossaryOptions(options: GlossaryOptions = {}): Resolved {
  const resolved: Resolved = {
    minSupport: positiveInteger('minSupport', options.minSupport ?? DEFAULT_CLUSTER_OPTIONS.minSupport),
    minSupportSimilar: positiveInteger('minSupportSimilar', options.minSupportSimilar ?? DEFAULT_CLUSTER_OPTIONS.minSupportSimilar),
    minAssociation: options.minAssociation ?? DEFAULT_CLUSTER_OPTIONS.minAssociation,
    joinParts: options.joinParts ?? DEFAULT_CLUSTER_OPTIONS.joinParts,
    joiners: options.joiners ?? DEFAULT_CANDIDATE_OPTIONS.joiners,
    maxTitleWords: positiveInteger('maxTitleWords', options.maxTitleWords ?? DEFAULT_CANDIDATE_OPTIONS.maxTitleWords),
    headlineRatio: options.headlineRatio ?? DEFAULT_CANDIDATE_OPTIONS.headlineRatio,
    minMentions: positiveInteger('minMentions', options.minMentions ?? DEFAULT_MIN_MENTIONS),
  };
  for (const name of ['headlineRatio', 'minAssociation'] as const) {
    const value = resolved[name];
    if (!(value >= 0 && value <= 1)) {
      throw new PolyalignError('usage.invalid-option', `Expected glossary option ${name} to be between 0 and 1, not ${value}`);
    }
  }
  return resolved;
}

/**
 * The named-entity glossary of aligned documents: one entry per entity across languages and
 * scripts, with its forms per language, its mentions and an example sentence.
 */
export function buildGlossary(docs: Segmented[], groups: Group[], options: GlossaryOptions = {}): GlossaryEntry[] {
  const o = resolveGlossaryOptions(options);
  const candidates = extractCandidates(docs, { joiners: o.joiners, maxTitleWords: o.maxTitleWords, headlineRatio: o.headlineRatio });
  const clusters = clusterCandidates(candidates, groups, {
    minSupport: o.minSupport,
    minSupportSimilar: o.minSupportSimilar,
    minAssociation: o.minAssociation,
    joinParts: o.joinParts,
    maxRounds: DEFAULT_CLUSTER_OPTIONS.maxRounds,
  });
  const entries = buildEntries(docs, candidates, clusters).filter((e) => e.mentions.length >= o.minMentions);
  entries.forEach((e, i) => (e.id = `e${String(i + 1).padStart(4, '0')}`));
  return entries;
}
