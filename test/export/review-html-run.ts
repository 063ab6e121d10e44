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

export function generatedRun(groups: number): RunResult {
  const documents = LANGS.map((l) => doc(l.id, l.code, l.word, groups));
  const span = (d: number, i: number): Span => ({ doc: LANGS[d]!.id, first: i, last: i });
  // 1.05 (low), 1.35 (medium), 1.6, 2.1 (high) in turn.
  const margin = (i: number, k: number) => [1.05, 1.35, 1.6, 2.1][(i + k) % 4]!;
  const link = (a: number, b: number, i: number, k: number, m = margin(i, k)): Link => ({
    src: span(a, i),
    tgt: span(b, i),
    score: Math.round((0.2 + m / 10) * 10_000) / 10_000,
    margin: m,
    confidence: fixtureConfidence(m),
    method: 'mining',
    status: 'auto',
  });
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
