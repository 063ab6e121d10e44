// A generated RunResult of any size for review.html: three documents (bs, mk, da) of `groups`
// sentences each, group i holding sentence i of every document and its three links, plus one
// candidate below the threshold every tenth group. Margins cycle through the confidence bands with a
// fixed pattern, so the lowest margin is known: 0.95 on the below candidates, 1.05 among accepted links.

import type { Group, Link, PairAlignment, RunResult, Segmented, Sentence, Span } from '../../src/types.ts';
import { fixtureConfidence } from '../fixtures/export/run-result.ts';

const LANGS = [
  { id: '000_bs.txt', code: 'bs', word: 'Rečenica' },
  { id: '001_mk.txt', code: 'mk', word: 'Реченица' },
  { id: '002_da.txt', code: 'da', word: 'Sætning' },
] as const;

function doc(id: string, code: string, word: string, n: number): Segmented {
  const sentences: Sentence[] = [];
  let text = '';
  for (let i = 0; i < n; i++) {
    const s = `${word} ${i + 1} o sastanku u Pekingu, broj ${i}.`;
    sentences.push({ doc: id, index: i, start: text.length, end: text.length + s.length, text: s });
    text += `${s} `;
  }
  return {
    doc: { id, path: id, text, sha256: '0'.repeat(64), bytes: Buffer.byteLength(text), meta: {}, body: [{ start: 0, end: text.length }], removed: [] },
    lang: { code, script: code === 'mk' ? 'Cyrl' : 'Latn', source: 'override', franc: code, confidence: 1 },
    sentences,
  };
}

/** A mining link of margin `m`, its score and confidence following from it. */
function minedLink(src: Span, tgt: Span, m: number): Link {
  return { src, tgt, score: Math.round((0.2 + m / 10) * 10_000) / 10_000, margin: m, confidence: fixtureConfidence(m), method: 'mining', status: 'auto' };
}

export function generatedRun(groups: number): RunResult {
  const documents = LANGS.map((l) => doc(l.id, l.code, l.word, groups));
  const span = (d: number, i: number): Span => ({ doc: LANGS[d]!.id, first: i, last: i });
  // 1.05 (low), 1.35 (medium), 1.6, 2.1 (high) in turn.
  const margin = (i: number, k: number) => [1.05, 1.35, 1.6, 2.1][(i + k) % 4]!;
  const link = (a: number, b: number, i: number, k: number, m = margin(i, k)): Link => minedLink(span(a, i), span(b, i), m);
  const pairs: PairAlignment[] = [
    [0, 1],
    [0, 2],
    [1, 2],
  ].map(([a, b], k) => ({ src: LANGS[a!]!.id, tgt: LANGS[b!]!.id, method: 'mining', reason: 'generated', links: [], below: [], rejected: [] }));
  const out: Group[] = [];
  for (let i = 0; i < groups; i++) {
    const links = pairs.map((p, k) => {
      const l = link(k === 2 ? 1 : 0, k === 0 ? 1 : 2, i, k);
      p.links.push(l);
      return l;
    });
    // A candidate between neighbouring sentences, below the threshold, every tenth group.
    if (i % 10 === 0 && i + 1 < groups) pairs[1]!.below.push({ ...link(0, 2, i, 0, 0.95), tgt: span(2, i + 1) });
    out.push({
      id: `g${String(i + 1).padStart(4, '0')}`,
      spans: [span(0, i), span(1, i), span(2, i)],
      links,
      score: links.reduce((s, l) => s + l.score, 0) / links.length,
    });
  }
  return {
    documents,
    pairs,
    groups: out,
    glossary: [],
    manifest: {
      tool: { name: 'polyalign', version: '0.0.0', node: process.version },
      startedAt: '2025-09-04T00:00:00.000Z',
      inputs: [],
      languages: {},
      embedder: { id: 'generated', dim: 0, kind: 'none' },
      parameters: {},
      pairs: [],
      counts: {},
      timings: {},
      outputs: [],
    },
  };
}

const MANY_LANGS = ['bs', 'sl', 'ro', 'mk', 'da', 'hr', 'sr', 'en'] as const;

/**
 * A generated event of many articles, shaped like a large real one: `articles` documents of
 * `sentences` sentences, group k holding one sentence of each of `width` neighbouring documents with
 * every link among them, and `candidates` links below the threshold between sentences of the same
 * groups (so they are shown inside the groups, as a real run's are). Deterministic.
 */
export function manyArticlesRun(articles: number, options: { sentences?: number; width?: number; candidates?: number } = {}): RunResult {
  const n = options.sentences ?? 20;
  const width = options.width ?? 12;
  const ids = Array.from({ length: articles }, (_, d) => `${String(d).padStart(3, '0')}_${MANY_LANGS[d % MANY_LANGS.length]}.txt`);
  const documents = ids.map((id, d) => doc(id, MANY_LANGS[d % MANY_LANGS.length]!, `Članak ${d}, rečenica`, n));
  const span = (d: number, i: number): Span => ({ doc: ids[d]!, first: i, last: i });
  const pairs = new Map<string, PairAlignment>();
  const pairOf = (a: number, b: number): PairAlignment => {
    const key = `${a}-${b}`;
    let p = pairs.get(key);
    if (!p) pairs.set(key, (p = { src: ids[a]!, tgt: ids[b]!, method: 'mining', reason: 'generated', links: [], below: [], rejected: [] }));
    return p;
  };
  const link = (a: number, b: number, i: number, m: number): Link => minedLink(span(a, i), span(b, i), m);
  const groups: Group[] = [];
  const members: number[][] = [];
  for (let i = 0; i < n; i++) {
    for (let start = 0; start + 1 < articles; start += width) {
      const docsIn = Array.from({ length: Math.min(width, articles - start) }, (_, k) => start + k);
      const links: Link[] = [];
      for (let x = 0; x < docsIn.length; x++) {
        for (let y = x + 1; y < docsIn.length; y++) {
          const l = link(docsIn[x]!, docsIn[y]!, i, [1.05, 1.35, 1.6, 2.1][(i + x + y) % 4]!);
          pairOf(docsIn[x]!, docsIn[y]!).links.push(l);
          links.push(l);
        }
      }
      members.push(docsIn);
      groups.push({ id: `g${String(groups.length + 1).padStart(4, '0')}`, spans: docsIn.map((d) => span(d, i)), links, score: links.reduce((s, l) => s + l.score, 0) / links.length });
    }
  }
  // Candidates below the threshold: a sentence of a group's document with the next sentence of another of its documents.
  const wanted = options.candidates ?? 0;
  for (let c = 0; c < wanted; c++) {
    const g = c % groups.length;
    const docsIn = members[g]!;
    const i = groups[g]!.spans[0]!.first;
    if (i + 1 >= n) continue;
    const a = docsIn[(c * 7) % docsIn.length]!;
    const b = docsIn[(c * 7 + 1 + ((c >> 3) % (docsIn.length - 1))) % docsIn.length]!;
    if (a === b) continue;
    const [x, y] = a < b ? [a, b] : [b, a];
    pairOf(x, y).below.push({ ...link(x, y, i, 0.95), tgt: span(y, i + 1) });
  }
  const result = generatedRun(1);
  return { ...result, documents, pairs: [...pairs.values()], groups };
}
