// The five seed articles through the whole pipeline with the built-in lexical embedder: the alignment
// facts the hand-made gold (test/fixtures/seeds-gold/) and the issue single out. Sentences are found by
// their text, not by index, so a change in segmentation fails here with a clear message.

import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLexicalEmbedder } from '../../src/embed/lexical.ts';
import { loadDocuments } from '../../src/ingest/index.ts';
import { runPipeline } from '../../src/pipeline.ts';
import type { Link, RunResult } from '../../src/types.ts';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
const BS = '000_f5fabf009eca07d9.txt';
const RO = '002_9f92c08b6634bacd.txt';
const MK = '003_7a63ac34bb4a1cba.txt';
const DA = '004_fc47a5a952acfcd1.txt';

let result: RunResult;

beforeAll(async () => {
  const docs = await loadDocuments([SEEDS]);
  result = await runPipeline(docs, { embedder: async (corpus) => createLexicalEmbedder({ corpus }), now: () => new Date(0) });
}, 60_000);

/** Index of the one sentence of `doc` that starts with `prefix`. */
function sentence(doc: string, prefix: string): number {
  const d = result.documents.find((x) => x.doc.id === doc);
  if (!d) throw new Error(`no document ${doc}`);
  const hits = d.sentences.flatMap((s, i) => (s.text.startsWith(prefix) ? [i] : []));
  expect(hits, `${doc}: one sentence starting "${prefix}"`).toHaveLength(1);
  return hits[0]!;
}

/** Accepted links between two documents, whichever way round the pair was aligned. */
function linksBetween(x: string, y: string): Link[] {
  const p = result.pairs.find((q) => (q.src === x && q.tgt === y) || (q.src === y && q.tgt === x));
  if (!p) throw new Error(`no pair ${x} ↔ ${y}`);
  return p.links;
}

describe('the seed articles, lexical embedder, auto mode', () => {
  it('aligns Bosnian 000 and Danish 004 in order, and every other pair by mining', () => {
    const methods = Object.fromEntries(result.pairs.map((p) => [`${p.src} ↔ ${p.tgt}`, p.method]));
    expect(Object.keys(methods)).toHaveLength(10);
    for (const [pair, method] of Object.entries(methods)) {
      expect(method, pair).toBe(pair === `${BS} ↔ ${DA}` ? 'ordered' : 'mining');
    }
  });

  it('links the two Romanian sentences on the 6,000 and the 1,000 soldiers as one span to the Macedonian sentence that reports both', () => {
    const plans = sentence(RO, 'Oficialii sud-coreeni cred că Coreea de Nord se pregătește');
    const arrived = sentence(RO, '„Se estimează că, din recentul plan de desfășurare a 6.000 de soldați');
    expect(arrived).toBe(plans + 1);
    const both = sentence(MK, 'Се верува дека Северна Кореја');
    const links = linksBetween(RO, MK);
    const roSide = (l: Link) => (l.src.doc === RO ? l.src : l.tgt);
    const mkSide = (l: Link) => (l.src.doc === MK ? l.src : l.tgt);
    const touching = links.filter((l) => mkSide(l).first <= both && both <= mkSide(l).last);
    expect(touching).toHaveLength(1);
    expect(roSide(touching[0]!)).toMatchObject({ first: plans, last: arrived });
    expect(mkSide(touching[0]!)).toMatchObject({ first: both, last: both });
  });

  it('does not link the Romanian sentence on the 6,000 soldiers to Danish, which does not report it', () => {
    const plans = sentence(RO, 'Oficialii sud-coreeni cred că Coreea de Nord se pregătește');
    const roSide = (l: Link) => (l.src.doc === RO ? l.src : l.tgt);
    const hits = linksBetween(RO, DA).filter((l) => roSide(l).first <= plans && plans <= roSide(l).last);
    expect(hits).toEqual([]);
  });

  it('links the Bosnian and Danish reports on 2,000 North Korean soldiers killed', () => {
    const bs = sentence(BS, 'Prema podacima Južne Koreje');
    const da = sentence(DA, 'Ifølge Sydkorea har Pyongyang mistet omkring 2.000 soldater');
    const hits = linksBetween(BS, DA).filter((l) => l.src.first === bs && l.src.last === bs);
    expect(hits.map((l) => [l.tgt.first, l.tgt.last])).toEqual([[da, da]]);
  });
});

describe('headlines', () => {
  it('are seen as headlines, and a link or candidate between one and a sentence is related', () => {
    // the Danish headline and the Romanian sub-heading end without sentence punctuation
    const heads = new Set([`${DA}:${sentence(DA, 'Putin: ‘Modige’')}`, `${RO}:${sentence(RO, '2.000 de soldați nord-coreeni uciși')}`]);
    const touches = (s: Link['src']) => Array.from({ length: s.last - s.first + 1 }, (_, k) => `${s.doc}:${s.first + k}`).some((k) => heads.has(k));
    const mixed = result.pairs.flatMap((p) => [...p.links, ...p.below]).filter((l) => touches(l.src) !== touches(l.tgt));
    expect(mixed.length).toBeGreaterThan(0);
    for (const l of mixed) {
      expect(l.evidence?.headline, `${l.src.doc}:${l.src.first} ↔ ${l.tgt.doc}:${l.tgt.first}`).toBe(true);
      expect(l.kind).toBe('related');
    }
  });
});
