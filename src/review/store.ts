// The decisions store, `decisions.jsonl` in the output folder: one decision per line, oldest first. A
// line is never changed or removed: a reviewer who changes their mind adds a line, and the latest line
// per key is the one in force. The file is rewritten whole and atomically (src/export/write.ts), so an
// interrupted write leaves the previous store. Pure: parse, merge, serialise.

import { PolyalignError } from '../errors.ts';
import { decidedKind, decisionKey, describe, ENTITY_TYPES, normaliseText, sameDecision, type Decision, type EntryDecision, type LinkDecision } from './decision.ts';

export const STORE_NAME = 'decisions.jsonl';

export interface MergeResult {
  /** The store's lines after the merge: the old ones, then the new ones. */
  log: Decision[];
  /** The lines this merge added (new decisions and changes of mind). */
  added: Decision[];
  /** A newer decision reversing an older one: applied, and said. */
  changes: string[];
  /** With `onlyNew`, each decision left out because the store already decided its key otherwise: said, never dropped silently. */
  leftOut: string[];
}

/** The decision in force for each key, in the order keys were first decided. */
export function effective(log: readonly Decision[]): Decision[] {
  const latest = new Map<string, Decision>();
  for (const d of log) {
    const key = decisionKey(d);
    latest.delete(key); // re-inserting moves a changed decision after the ones it may override
    latest.set(key, d);
  }
  return [...latest.values()];
}

/**
 * Add `incoming` to the log. A decision the store already holds in force adds nothing, so importing the
 * same file twice changes nothing. With `onlyNew`, a decision on a key the store already decided is
 * left out rather than taken as a change of mind (for files whose age is unknown).
 */
export function mergeDecisions(log: readonly Decision[], incoming: readonly Decision[], options: { onlyNew?: boolean } = {}): MergeResult {
  const inForce = new Map(effective(log).map((d) => [decisionKey(d), d]));
  const added: Decision[] = [];
  const changes: string[] = [];
  const leftOut: string[] = [];
  for (const d of incoming) {
    const key = decisionKey(d);
    const before = inForce.get(key);
    if (before && sameDecision(before, d)) continue;
    if (before && options.onlyNew) {
      leftOut.push(`${describe(d)}: ${d.source} says ${what(before, d, true)}, but it is older than the store's decision or of unknown age, so the store's (from ${before.source}) was kept; to change it, import a decisions file with --review or polyalign review import`);
      continue;
    }
    if (before) changes.push(`${describe(d)}: ${what(before, d, false)} (was decided in ${before.source}, now in ${d.source})`);
    inForce.set(key, d);
    added.push(d);
  }
  return { log: [...log, ...added], added, changes, leftOut };
}

/** How `d` differs from `before` on one key: `confirmed → rejected`, or the new status / canonical / type / kind alone. */
function what(before: Decision, d: Decision, newOnly: boolean): string {
  if (d.kind === 'link' && before.kind === 'link' && before.status === d.status && d.linkKind) return newOnly ? `kind ${d.linkKind}` : `kind ${decidedKind(before)} → ${d.linkKind}`;
  if (d.kind === 'entry' && before.kind === 'entry' && before.status === d.status && before.canonical === d.canonical) return newOnly ? `type ${d.type ?? 'as found'}` : `type ${before.type ?? 'as found'} → ${d.type ?? 'as found'}`;
  if (d.kind === 'entry' && before.status === d.status) return newOnly ? `canonical ${JSON.stringify(d.canonical)}` : `canonical ${JSON.stringify(before.canonical)} → ${JSON.stringify(d.canonical)}`;
  return newOnly ? d.status : `${before.status} → ${d.status}`;
}

// Fixed key order so a store diffs cleanly.
function lineOf(d: Decision): string {
  if (d.kind === 'link' || d.kind === 'quote') {
    const side = (s: LinkDecision['src']) => (s.sent !== undefined ? { doc: s.doc, sent: s.sent, text: s.text } : { doc: s.doc, text: s.text });
    return JSON.stringify({ kind: d.kind, status: d.status, ...(d.kind === 'link' && d.linkKind ? { linkKind: d.linkKind } : {}), src: side(d.src), tgt: side(d.tgt), source: d.source, at: d.at });
  }
  return JSON.stringify({ kind: d.kind, status: d.status, canonical: d.canonical, ...(d.type ? { type: d.type } : {}), variants: d.variants, source: d.source, at: d.at });
}

export function serialiseStore(log: readonly Decision[]): string {
  return log.map((d) => lineOf(d) + '\n').join('');
}

/** Read a store; a line that is not a decision is an error naming the file and line (the store is never guessed at). */
export function parseStore(text: string, path: string): Decision[] {
  const out: Decision[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const fail = (why: string) => new PolyalignError('review.invalid', `line ${i + 1}: ${why}; the decisions store holds one JSON decision per line`, { path });
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw fail('not JSON');
    }
    out.push(toDecision(value, fail));
  });
  return out;
}

type Fail = (why: string) => PolyalignError;

function str(v: unknown, name: string, fail: Fail): string {
  if (typeof v !== 'string' || v === '') throw fail(`${name} is missing`);
  return v;
}

function toDecision(value: unknown, fail: Fail): Decision {
  if (typeof value !== 'object' || value === null) throw fail('not an object');
  const o = value as Record<string, unknown>;
  const source = typeof o.source === 'string' ? o.source : '';
  const at = typeof o.at === 'string' ? o.at : '';
  if (o.kind === 'link' || o.kind === 'quote') {
    if (o.status !== 'confirmed' && o.status !== 'rejected') throw fail(`status ${JSON.stringify(o.status)}, expected confirmed or rejected`);
    const side = (v: unknown, name: string): LinkDecision['src'] => {
      if (typeof v !== 'object' || v === null) throw fail(`${name} is missing`);
      const s = v as Record<string, unknown>;
      const doc = str(s.doc, `${name}.doc`, fail);
      const text = normaliseText(str(s.text, `${name}.text`, fail));
      return typeof s.sent === 'string' && s.sent !== '' ? { doc, text, sent: s.sent } : { doc, text };
    };
    const sides = { src: side(o.src, 'src'), tgt: side(o.tgt, 'tgt') };
    if (o.kind === 'quote' || o.linkKind === undefined) return { kind: o.kind, status: o.status, ...sides, source, at };
    // a kind a reviewer set (lines from before kinds were read have none)
    if (o.linkKind !== 'equivalent' && o.linkKind !== 'related') throw fail(`linkKind ${JSON.stringify(o.linkKind)}, expected equivalent or related`);
    if (o.status !== 'confirmed') throw fail(`linkKind ${o.linkKind} on a ${o.status} link; only a confirmed link has a kind`);
    return { kind: 'link', status: o.status, linkKind: o.linkKind, ...sides, source, at };
  }
  if (o.kind === 'entry') {
    if (o.status !== 'keep' && o.status !== 'reject') throw fail(`status ${JSON.stringify(o.status)}, expected keep or reject`);
    if (!Array.isArray(o.variants) || o.variants.length === 0 || !o.variants.every((v) => typeof v === 'string')) throw fail('variants is missing');
    const variants = [...new Set((o.variants as string[]).map(normaliseText))].sort();
    if (o.type !== undefined && !ENTITY_TYPES.includes(o.type as never)) throw fail(`type ${JSON.stringify(o.type)}, expected ${ENTITY_TYPES.join(', ')}`);
    const decision: EntryDecision = { kind: 'entry', status: o.status, variants, canonical: str(o.canonical, 'canonical', fail), ...(o.type ? { type: o.type as NonNullable<EntryDecision['type']> } : {}), source, at };
    return decision;
  }
  throw fail(`kind ${JSON.stringify(o.kind)}, expected link, quote or entry`);
}
