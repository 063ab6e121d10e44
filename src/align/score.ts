// Evaluation in the manner of Vecalign's score.py: strict and lax precision, recall and F1 over blocks
// `[src sentences, tgt sentences]`, and the Vecalign text format `[0, 1]:[0]:0.53` both ways.
//
// One difference from score.py, on purpose: blocks with an empty side (insertions and deletions) are left
// out of precision as well as recall. Our links never contain them, and gold files differ in whether they
// list them, so counting them would score the gold file's habits rather than the aligner.

import { PolyalignError } from '../errors.ts';

export type Block = [number[], number[]];

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export interface AlignmentScores {
  /** A block counts when the same sentences are on both sides. */
  strict: PRF;
  /** A block counts when it overlaps one block of the other set on both sides. */
  lax: PRF;
}

export function scoreAlignments(gold: readonly Block[], pred: readonly Block[]): AlignmentScores {
  const g = distinct(gold);
  const p = distinct(pred);
  const strictHits = (from: Block[], against: Block[]) => {
    const keys = new Set(against.map(blockKey));
    return from.filter((b) => keys.has(blockKey(b))).length;
  };
  const laxHits = (from: Block[], against: Block[]) => {
    const index = overlapIndex(against);
    return from.filter((b) => overlaps(b, index)).length;
  };
  return {
    strict: prf(strictHits(p, g), p.length, strictHits(g, p), g.length),
    lax: prf(laxHits(p, g), p.length, laxHits(g, p), g.length),
  };
}

/** Blocks with sentences on both sides, sorted inside and without repeats. */
function distinct(blocks: readonly Block[]): Block[] {
  const seen = new Map<string, Block>();
  for (const [s, t] of blocks) {
    if (s.length === 0 || t.length === 0) continue;
    const b: Block = [[...new Set(s)].sort((x, y) => x - y), [...new Set(t)].sort((x, y) => x - y)];
    seen.set(blockKey(b), b);
  }
  return [...seen.values()];
}

function blockKey([s, t]: Block): string {
  return `${s.join(',')}:${t.join(',')}`;
}

/** For each source sentence, the target sentences of the blocks that hold it, per block. */
function overlapIndex(blocks: Block[]): Map<number, Array<Set<number>>> {
  const index = new Map<number, Array<Set<number>>>();
  for (const [s, t] of blocks) {
    const targets = new Set(t);
    for (const x of s) {
      const list = index.get(x) ?? [];
      list.push(targets);
      index.set(x, list);
    }
  }
  return index;
}

function overlaps([s, t]: Block, index: Map<number, Array<Set<number>>>): boolean {
  return s.some((x) => (index.get(x) ?? []).some((targets) => t.some((y) => targets.has(y))));
}

/** Precision and recall from their own hit counts; 0 when there is nothing to divide by. */
function prf(predHits: number, predTotal: number, goldHits: number, goldTotal: number): PRF {
  const precision = predTotal > 0 ? predHits / predTotal : 0;
  const recall = goldTotal > 0 ? goldHits / goldTotal : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** One line of a Vecalign file: `[0, 1]:[0]:0.53`, the score optional (gold files have none). */
export interface VecalignLine {
  src: number[];
  tgt: number[];
  score?: number;
}

const LINE = /^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*(?::\s*(\S+))?\s*$/;

export function parseVecalign(text: string, path?: string): VecalignLine[] {
  const out: VecalignLine[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const m = LINE.exec(line);
    const where = path === undefined ? {} : { path };
    if (!m) {
      throw new PolyalignError('eval.invalid', `line ${i + 1}: expected "[0, 1]:[0]" or "[0]:[1]:0.53", not "${line.trim()}"`, where);
    }
    const entry: VecalignLine = { src: indices(m[1]!), tgt: indices(m[2]!) };
    if (m[3] !== undefined) {
      const score = Number(m[3]);
      if (!Number.isFinite(score)) {
        throw new PolyalignError('eval.invalid', `line ${i + 1}: expected a number after the second ":", not "${m[3]}"`, where);
      }
      entry.score = score;
    }
    out.push(entry);
  });
  return out;
}

export function formatVecalign(lines: readonly VecalignLine[]): string {
  const list = (xs: number[]) => `[${xs.join(', ')}]`;
  return lines
    .map((l) => `${list(l.src)}:${list(l.tgt)}${l.score === undefined ? '' : `:${l.score.toFixed(6)}`}\n`)
    .join('');
}

function indices(text: string): number[] {
  return text
    .split(/[\s,]+/)
    .filter((s) => s !== '')
    .map(Number);
}

/** Blocks of a pair's links (`Link.src/tgt` spans), for scoring against gold. */
export function linksToBlocks(links: ReadonlyArray<{ src: { first: number; last: number }; tgt: { first: number; last: number } }>): Block[] {
  const range = (s: { first: number; last: number }) => Array.from({ length: s.last - s.first + 1 }, (_, i) => s.first + i);
  return links.map((l) => [range(l.src), range(l.tgt)]);
}
