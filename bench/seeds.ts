// Alignment quality on the five seed articles (real comparable reports, the hardest case) against
// the hand-made gold in test/fixtures/seeds-gold/: strict and lax P/R/F1 over all ten document pairs;
// and the links' kinds and confidence against it: each exported link is `same` (it joins spans of one
// gold group; `strict` when exactly a gold pair), `partial` (a pair of related.csv, or spans that
// overlap a gold pair without being it) or `wrong`; the share of `equivalent` links that say the same
// thing, the ranking AUC of confidence (same against the rest) and the wrong links at High (≥ 0.9).
//
//   node --import tsx bench/seeds.ts [--lexical] [--links]

import { mkdtempSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCommand } from '../src/job/run.ts';
import { evalCommand } from '../src/commands/eval.ts';
import { createReporter } from '../src/progress.ts';

const ROOT = join(import.meta.dirname, '..');
export const SEEDS_GOLD = join(ROOT, 'test', 'fixtures', 'seeds-gold', 'alignments.csv');

export interface SeedsAlignment {
  all: { strict: { precision: number; recall: number; f1: number }; lax: { precision: number; recall: number; f1: number } };
  pairs: Array<{ pair: string; strict: { f1: number }; lax: { f1: number } }>;
}

export const SEEDS_RELATED = join(ROOT, 'test', 'fixtures', 'seeds-gold', 'related.csv');

async function runSeeds(embedder: 'lexical' | 'polyalign'): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), 'polyalign-bench-seeds-')), 'out');
  await runCommand(
    { inputs: [join(ROOT, 'seeds')], out, embedder, model: '', modelsDir: join(ROOT, 'models'), mode: 'auto', format: 'csv', cache: false },
    createReporter('quiet'),
  );
  return out;
}

export async function runSeedsAlignment(embedder: 'lexical' | 'polyalign' = 'polyalign'): Promise<SeedsAlignment> {
  const out = await runSeeds(embedder);
  return JSON.parse(await evalCommand(SEEDS_GOLD, join(out, 'alignments.csv'), { json: true })) as SeedsAlignment;
}

/** The rows of a CSV with a header (the gold files, alignments.csv). */
function csvRecords(file: string): Array<Record<string, string>> {
  return parse(readFileSync(file, 'utf8'), { columns: true, bom: true }) as Array<Record<string, string>>;
}

const sents = (span: string) => {
  const [a, b] = span.split('-').map(Number);
  return Array.from({ length: (b ?? a!) - a! + 1 }, (_, k) => a! + k);
};

export interface SeedsLink {
  pair: string;
  src: string;
  tgt: string;
  kind: string;
  confidence: number;
  truth: 'same' | 'partial' | 'wrong';
  strict: boolean;
  text: string;
}

export interface SeedsKinds {
  links: SeedsLink[];
  counts: Record<string, Record<string, number>>;
  equivalentSame: number;
  auc: number;
  wrongAtHigh: number;
}

export async function runSeedsKinds(embedder: 'lexical' | 'polyalign' = 'polyalign'): Promise<SeedsKinds> {
  const out = await runSeeds(embedder);
  const groups = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'seeds-gold', 'groups.json'), 'utf8')) as Array<{ id: string; spans: Record<string, string> }>;
  const groupOf = new Map<string, string>();
  for (const g of groups) for (const [doc, span] of Object.entries(g.spans)) for (const k of sents(span)) groupOf.set(`${doc}:${k}`, g.id);
  const exact = new Set(csvRecords(SEEDS_GOLD).flatMap((r) => [`${r.src_doc}:${r.src_sent}|${r.tgt_doc}:${r.tgt_sent}`, `${r.tgt_doc}:${r.tgt_sent}|${r.src_doc}:${r.src_sent}`]));
  const related = csvRecords(SEEDS_RELATED);
  const touches = (doc: string, span: string, gdoc: string, gsent: string) => doc === gdoc && sents(span).some((k) => sents(gsent).includes(k));
  const links: SeedsLink[] = csvRecords(join(out, 'alignments.csv')).map((r) => {
    const [a, b] = [sents(r.src_sent!), sents(r.tgt_sent!)];
    const ga = new Set(a.map((k) => groupOf.get(`${r.src_doc}:${k}`)));
    const gb = new Set(b.map((k) => groupOf.get(`${r.tgt_doc}:${k}`)));
    const whole = ga.size === 1 && gb.size === 1 && [...ga][0] !== undefined && [...ga][0] === [...gb][0];
    const overlap = [...ga].some((g) => g !== undefined && gb.has(g));
    const isRelated = related.some(
      (g) =>
        (touches(r.src_doc!, r.src_sent!, g.src_doc!, g.src_sent!) && touches(r.tgt_doc!, r.tgt_sent!, g.tgt_doc!, g.tgt_sent!)) ||
        (touches(r.src_doc!, r.src_sent!, g.tgt_doc!, g.tgt_sent!) && touches(r.tgt_doc!, r.tgt_sent!, g.src_doc!, g.src_sent!)),
    );
    const truth = whole ? 'same' : overlap || isRelated ? 'partial' : 'wrong';
    return {
      pair: `${r.src_lang}–${r.tgt_lang}`,
      src: `${r.src_doc!.slice(0, 3)}:${r.src_sent}`,
      tgt: `${r.tgt_doc!.slice(0, 3)}:${r.tgt_sent}`,
      kind: r.kind!,
      confidence: Number(r.confidence),
      truth,
      strict: exact.has(`${r.src_doc}:${r.src_sent}|${r.tgt_doc}:${r.tgt_sent}`),
      text: `${r.src_text!.slice(0, 60)} ‖ ${r.tgt_text!.slice(0, 60)}`,
    };
  });
  const counts: Record<string, Record<string, number>> = {};
  for (const l of links) ((counts[l.kind] ??= { same: 0, partial: 0, wrong: 0 })[l.truth]! += 1);
  const equivalent = links.filter((l) => l.kind === 'equivalent');
  const pos = links.filter((l) => l.truth === 'same');
  const neg = links.filter((l) => l.truth !== 'same');
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p.confidence > n.confidence ? 1 : p.confidence === n.confidence ? 0.5 : 0;
  return {
    links,
    counts,
    equivalentSame: equivalent.filter((l) => l.truth === 'same').length / Math.max(1, equivalent.length),
    auc: pos.length && neg.length ? wins / (pos.length * neg.length) : NaN,
    wrongAtHigh: links.filter((l) => l.truth === 'wrong' && l.confidence >= 0.9).length,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const embedder = process.argv.includes('--lexical') ? 'lexical' : 'polyalign';
  const r = await runSeedsAlignment(embedder);
  console.table(r.pairs.map((p) => ({ pair: p.pair, strictF1: p.strict.f1.toFixed(3), laxF1: p.lax.f1.toFixed(3) })));
  console.log('all', JSON.stringify(r.all));
  const k = await runSeedsKinds(embedder);
  if (process.argv.includes('--links')) console.table(k.links);
  console.log('kinds against the gold (rows: kind; columns: what the link is):');
  console.table(k.counts);
  console.log(`equivalent links that say the same thing: ${k.equivalentSame.toFixed(3)}; AUC of confidence, same against the rest: ${k.auc.toFixed(3)}; wrong links at High (≥ 0.9): ${k.wrongAtHigh}`);
}
