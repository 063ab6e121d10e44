// `polyalign run`'s words to the user: what a run found and wrote (the run itself is job/run.ts).

import { relative } from 'node:path';
import type { RunResult } from '../types.ts';

export { runCommand, type RunCommandOptions } from '../job/run.ts';

/** The lines a person reads after a run: what was found, what was written. */
export function summarise(result: RunResult, outDir: string): string[] {
  const lines: string[] = [];
  for (const w of result.manifest.warnings ?? []) lines.push(`warning: ${w}`);
  for (const s of result.manifest.skipped ?? []) lines.push(`skipped ${s.path}: ${s.message.startsWith(`${s.path}: `) ? s.message.slice(s.path.length + 2) : s.message}`);
  for (const d of result.documents) {
    const removed = d.doc.removed.length ? `, ${d.doc.removed.length} non-article line${d.doc.removed.length === 1 ? '' : 's'} set aside` : '';
    lines.push(`  ${d.doc.id}  ${d.lang.code.padEnd(7)} ${String(d.sentences.length).padStart(4)} sentences${removed}`);
  }
  const c = result.manifest.counts;
  const ordered = result.pairs.filter((p) => p.method === 'ordered').length;
  const scorer = result.manifest.parameters.pairScorer;
  const added = scorer && scorer !== 'off' && result.pairs.length > ordered ? `; the pair scorer added ${c.linksAddedByPairScorer ?? 0}` : '';
  lines.push(
    `aligned ${result.pairs.length} document pair${result.pairs.length === 1 ? '' : 's'} (${ordered} ordered, ${result.pairs.length - ordered} mining): ${c.links} links${added}, ${c.linksBelowThreshold} candidates not accepted`,
  );
  const coverage = result.manifest.coverage ?? [];
  if (coverage.length > 0) {
    const each = coverage.map((p) => (p.equivalent + p.related === 0 ? `${p.pair} no link` : `${p.pair} ${p.equivalent}+${p.related}`));
    lines.push(`links by kind: ${c.linksEquivalent ?? 0} equivalent, ${c.linksRelated ?? 0} related; per language pair (equivalent+related): ${each.join(', ')}`);
  }
  lines.push(`${c.groups} groups cover ${c.sentencesInGroups} of ${c.sentences} sentences; glossary: ${c.glossaryEntries} entries`);
  if (result.quotes) lines.push(`quotes: ${c.quotes ?? 0} in the documents, ${c.quotesShared ?? 0} of them found in two documents or more`);
  lines.push(...reviewLines(result));
  const rel = relative(process.cwd(), outDir);
  const dir = rel === '' ? '.' : rel.startsWith('..') ? outDir : rel;
  lines.push(`wrote ${result.manifest.outputs.map((f) => `${dir}/${f}`).join(', ')}`);
  return lines;
}

/** What the reviewer's decisions did, conflicts and orphans spelled out: they are never resolved silently. */
function reviewLines(result: RunResult): string[] {
  const r = result.manifest.review;
  if (!r) return [];
  const lines: string[] = [];
  for (const i of r.imported) {
    if (i.why === 'hand-edited') lines.push(`review: ${i.file} was edited since the last run; ${i.added} decision${i.added === 1 ? '' : 's'} from it saved to the store before overwriting it`);
    else lines.push(`review: ${i.added} new decision${i.added === 1 ? '' : 's'} from ${i.file}`);
  }
  const a = r.applied;
  lines.push(
    `review: ${r.decisions.links} link${r.decisions.quotes ? `, ${r.decisions.entries} glossary and ${r.decisions.quotes} quote` : ` and ${r.decisions.entries} glossary`} decisions in ${r.store}; applied ${a.confirmed} confirmed (${a.above} accepted by the tool, ${a.raised} from below the threshold, ${a.added} added by hand), ${a.rejected} rejected${a.kindRelated || a.kindEquivalent ? `, ${a.kindRelated + a.kindEquivalent} kind${a.kindRelated + a.kindEquivalent === 1 ? '' : 's'} set by a reviewer (${a.kindRelated} related, ${a.kindEquivalent} equivalent)` : ''}; glossary ${a.kept} kept (${a.canonical} renamed${a.retyped ? `, ${a.retyped} retyped` : ''}), ${a.rejectedEntries} rejected${r.decisions.quotes ? `; quotes ${a.quotesConfirmed} pair${a.quotesConfirmed === 1 ? '' : 's'} confirmed, ${a.quotesRejected} rejected` : ''}`,
  );
  for (const c of r.changes) lines.push(`review: changed: ${c}`);
  for (const l of r.letIn ?? []) lines.push(`review: ${l}`);
  for (const c of r.conflicts) lines.push(`review: conflict: ${c}`);
  if (r.orphaned.length > 0) {
    lines.push(`review: ${r.orphaned.length} decision${r.orphaned.length === 1 ? '' : 's'} not found in this run (kept in the store; listed in run.json):`);
    for (const o of r.orphaned.slice(0, 5)) lines.push(`  ${o}`);
    if (r.orphaned.length > 5) lines.push(`  … and ${r.orphaned.length - 5} more`);
  }
  return lines;
}
