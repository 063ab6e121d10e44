// `polyalign eval`: strict and lax P/R/F1 of predicted alignments against gold, per document pair and overall.

import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { scoreAlignments } from '../align/index.ts';
import { PolyalignError } from '../errors.ts';
import { unescapeCell } from '../review/decision.ts';

type Block = [number[], number[]];
const REQUIRED = ['src_doc', 'src_sent', 'tgt_doc', 'tgt_sent'] as const;
/** Pairs of documents are laid side by side in one index space, so one call scores them all (micro average). */
const PAIR_STRIDE = 1_000_000;

function parseSent(value: string, file: string, row: number): number[] {
  const m = /^\s*(\d+)(?:\s*-\s*(\d+))?\s*$/.exec(value);
  if (!m) throw new PolyalignError('eval.invalid', `row ${row}: expected a sentence index like 12 or a range like 12-13, not "${value}"`, { path: file });
  const first = Number(m[1]);
  const last = m[2] === undefined ? first : Number(m[2]);
  if (last < first) throw new PolyalignError('eval.invalid', `row ${row}: range "${value}" runs backwards`, { path: file });
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Blocks per `src\ttgt` document pair, with the pair always in sorted order. */
export async function readAlignmentBlocks(file: string): Promise<Map<string, Block[]>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new PolyalignError('input.missing', 'cannot read the alignment file', { path: file, cause });
  }
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { bom: true, columns: true, skip_empty_lines: true });
  } catch (cause) {
    throw new PolyalignError('eval.invalid', `not a readable CSV (${(cause as Error).message})`, { path: file, cause });
  }
  const missing = REQUIRED.filter((c) => rows.length > 0 && !(c in rows[0]!));
  if (missing.length) throw new PolyalignError('eval.invalid', `expected columns ${REQUIRED.join(', ')}; missing ${missing.join(', ')}`, { path: file });
  const out = new Map<string, Block[]>();
  rows.forEach((r, i) => {
    if (r.status === 'rejected') return;
    let src = parseSent(r.src_sent!, file, i + 2);
    let tgt = parseSent(r.tgt_sent!, file, i + 2);
    let a = unescapeCell(r.src_doc!);
    let b = unescapeCell(r.tgt_doc!);
    if (a > b) [a, b, src, tgt] = [b, a, tgt, src];
    const key = `${a}\t${b}`;
    const list = out.get(key) ?? [];
    list.push([src, tgt]);
    out.set(key, list);
  });
  return out;
}

export async function evalCommand(goldFile: string, predFile: string, options: { json: boolean }): Promise<string> {
  const gold = await readAlignmentBlocks(goldFile);
  const pred = await readAlignmentBlocks(predFile);
  if (gold.size === 0) throw new PolyalignError('eval.invalid', 'holds no alignments', { path: goldFile });
  // Pairs of documents that the gold covers: every pair of its documents, so that links predicted
  // between two documents that share nothing in the gold count as false positives.
  const goldDocs = new Set([...gold.keys()].flatMap((k) => k.split('\t')));
  const pairs = [...new Set([...gold.keys(), ...pred.keys()])].filter((k) => k.split('\t').every((d) => goldDocs.has(d))).sort();
  const perPair = pairs.map((key) => ({ pair: key.replace('\t', ' ↔ '), ...scoreAlignments(gold.get(key) ?? [], pred.get(key) ?? []) }));
  const shift = (blocks: Block[], p: number): Block[] => blocks.map(([s, t]) => [s.map((x) => x + p * PAIR_STRIDE), t.map((x) => x + p * PAIR_STRIDE)]);
  const all = scoreAlignments(
    pairs.flatMap((k, p) => shift(gold.get(k) ?? [], p)),
    pairs.flatMap((k, p) => shift(pred.get(k) ?? [], p)),
  );
  if (options.json) return JSON.stringify({ pairs: perPair, all }, null, 2) + '\n';
  const f = (x: number) => x.toFixed(3);
  const lines = ['pair\tstrict P\tR\tF1\tlax P\tR\tF1'];
  for (const r of [...perPair, { pair: 'all', ...all }]) {
    lines.push([r.pair, f(r.strict.precision), f(r.strict.recall), f(r.strict.f1), f(r.lax.precision), f(r.lax.recall), f(r.lax.f1)].join('\t'));
  }
  return lines.join('\n') + '\n';
}
