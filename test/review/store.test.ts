import { describe, expect, it } from 'vitest';
import type { Decision, EntryDecision, LinkDecision } from '../../src/review/decision.ts';
import { linkKey } from '../../src/review/decision.ts';
import { effective, mergeDecisions, parseStore, serialiseStore } from '../../src/review/store.ts';

function link(status: LinkDecision['status'], src: string, tgt: string, source = 'a.csv'): LinkDecision {
  return { kind: 'link', status, src: { doc: 'a.txt', text: src }, tgt: { doc: 'b.txt', text: tgt }, source, at: '2025-09-03T10:00:00.000Z' };
}

function entry(status: EntryDecision['status'], canonical: string, source = 'g.csv'): EntryDecision {
  return { kind: 'entry', status, variants: ['Kim', 'Ким'], canonical, source, at: '2025-09-03T10:00:00.000Z' };
}

describe('decision keys', () => {
  it('are the same whichever span a file calls src', () => {
    const d = link('rejected', 'Jedan.', 'En.');
    expect(linkKey(d)).toBe(linkKey({ src: d.tgt, tgt: d.src }));
    expect(linkKey(d)).not.toBe(linkKey(link('rejected', 'Jedan.', 'To.')));
  });
});

describe('mergeDecisions', () => {
  it('adds new decisions and nothing when the same file is imported again', () => {
    const first = mergeDecisions([], [link('rejected', 'Jedan.', 'En.'), entry('keep', 'Kim Jong Un')]);
    expect(first.added).toHaveLength(2);
    expect(first.changes).toEqual([]);
    const again = mergeDecisions(first.log, [link('rejected', 'Jedan.', 'En.', 'b.csv'), entry('keep', 'Kim Jong Un', 'h.csv')]);
    expect(again.added).toEqual([]);
    expect(again.log).toHaveLength(2);
  });

  it('takes a reversal from a newer file as a change of mind: appended, in force, and said', () => {
    const old = mergeDecisions([], [link('rejected', 'Jedan.', 'En.', 'old.csv')]).log;
    const merged = mergeDecisions(old, [link('confirmed', 'Jedan.', 'En.', 'new.csv')]);
    expect(merged.log).toHaveLength(2); // nothing is removed
    expect(merged.changes).toHaveLength(1);
    expect(merged.changes[0]).toMatch(/rejected → confirmed \(was decided in old\.csv, now in new\.csv\)/);
    expect(effective(merged.log).map((d) => d.status)).toEqual(['confirmed']);
  });

  it('takes a new canonical form for a kept entry as a change', () => {
    const merged = mergeDecisions([entry('keep', 'Kim Jong-un')], [entry('keep', 'Kim Jong Un')]);
    expect(merged.changes[0]).toMatch(/canonical "Kim Jong-un" → "Kim Jong Un"/);
    expect((effective(merged.log)[0] as EntryDecision).canonical).toBe('Kim Jong Un');
  });

  it('with onlyNew, adds decisions on new keys but never reverses one', () => {
    const old = [link('rejected', 'Jedan.', 'En.')];
    const merged = mergeDecisions(old, [link('confirmed', 'Jedan.', 'En.'), link('confirmed', 'Dva.', 'To.')], { onlyNew: true });
    expect(merged.added.map((d) => (d as LinkDecision).src.text)).toEqual(['Dva.']);
    expect(merged.changes).toEqual([]);
    // the reversal it left out is said, not dropped silently
    expect(merged.leftOut).toEqual([expect.stringMatching(/^a\.txt "Jedan\." ↔ b\.txt "En\.": a\.csv says confirmed, .*the store's \(from a\.csv\) was kept/)]);
    expect(mergeDecisions(old, [link('confirmed', 'Dva.', 'To.')], { onlyNew: true }).leftOut).toEqual([]);
  });
});

describe('the store file', () => {
  it('round-trips through JSON lines, one decision a line, in order', () => {
    const log: Decision[] = [link('rejected', 'Jedan "navodnik".', 'En.'), { ...link('confirmed', 'Dva.', 'To.'), src: { doc: 'a.txt', text: 'Dva.', sent: '4-5' } }, entry('reject', 'Dana')];
    const text = serialiseStore(log);
    expect(text.split('\n')).toHaveLength(4);
    expect(text.endsWith('\n')).toBe(true);
    expect(parseStore(text, 'decisions.jsonl')).toEqual(log);
  });

  it('names the file and line of a line that is not a decision', () => {
    const good = serialiseStore([link('rejected', 'Jedan.', 'En.')]);
    expect(() => parseStore(`${good}{"kind":"link","status":"maybe"}\n`, 'out/decisions.jsonl')).toThrow(/^out\/decisions\.jsonl: line 2: status "maybe"/);
    expect(() => parseStore(`${good}{not json\n`, 'out/decisions.jsonl')).toThrow(/line 2: not JSON/);
    expect(() => parseStore('{"kind":"entry","status":"keep","variants":[]}\n', 's')).toThrow(/line 1: variants is missing/);
  });
});

describe('a link kind a reviewer set', () => {
  const related = (source = 'out/alignments.csv'): LinkDecision => ({ ...link('confirmed', 'Jedan.', 'En.', source), linkKind: 'related' });

  it('is kept in the store as linkKind on a confirmed link, and read back; older lines without it are read as before', () => {
    const text = serialiseStore([related(), { ...link('confirmed', 'Dva.', 'To.'), linkKind: 'equivalent' }]);
    expect(text.split('\n')[0]).toBe(
      '{"kind":"link","status":"confirmed","linkKind":"related","src":{"doc":"a.txt","text":"Jedan."},"tgt":{"doc":"b.txt","text":"En."},"source":"out/alignments.csv","at":"2025-09-03T10:00:00.000Z"}',
    );
    expect(parseStore(text, 'decisions.jsonl')).toEqual([related(), { ...link('confirmed', 'Dva.', 'To.'), linkKind: 'equivalent' }]);
    const older = '{"kind":"link","status":"confirmed","src":{"doc":"a.txt","sent":"1","text":"Jedan."},"tgt":{"doc":"b.txt","text":"En."},"source":"edited.csv","at":"2025-09-04T10:12:42.035Z"}\n';
    expect(parseStore(older, 'decisions.jsonl')).toEqual([{ kind: 'link', status: 'confirmed', src: { doc: 'a.txt', sent: '1', text: 'Jedan.' }, tgt: { doc: 'b.txt', text: 'En.' }, source: 'edited.csv', at: '2025-09-04T10:12:42.035Z' }]);
  });

  it('is refused in the store when it is neither word, or on a rejected link', () => {
    const line = (o: object) => `${JSON.stringify({ kind: 'link', src: { doc: 'a.txt', text: 'x' }, tgt: { doc: 'b.txt', text: 'y' }, ...o })}\n`;
    expect(() => parseStore(line({ status: 'confirmed', linkKind: 'partial' }), 'out/decisions.jsonl')).toThrow(/^out\/decisions\.jsonl: line 1: linkKind "partial", expected equivalent or related/);
    expect(() => parseStore(line({ status: 'rejected', linkKind: 'related' }), 's')).toThrow(/line 1: linkKind related on a rejected link/);
  });

  it('changes a confirmed link’s kind as a change of mind, said; a decision that names no kind leaves it as it is', () => {
    const merged = mergeDecisions([link('confirmed', 'Jedan.', 'En.', 'page.csv')], [related()]);
    expect(merged.added).toHaveLength(1);
    expect(merged.changes).toEqual([expect.stringMatching(/: kind equivalent → related \(was decided in page\.csv, now in out\/alignments\.csv\)$/)]);
    expect((effective(merged.log)[0] as LinkDecision).linkKind).toBe('related');
    // the review page's export confirms the link again, naming no kind: nothing changes
    expect(mergeDecisions(merged.log, [link('confirmed', 'Jedan.', 'En.', 'page2.csv')]).added).toEqual([]);
    // equivalent, said, is a change back; equivalent over a plain confirmed link is none
    expect(mergeDecisions(merged.log, [{ ...link('confirmed', 'Jedan.', 'En.'), linkKind: 'equivalent' }]).changes).toEqual([expect.stringMatching(/kind related → equivalent/)]);
    expect(mergeDecisions([link('confirmed', 'Jedan.', 'En.')], [{ ...link('confirmed', 'Jedan.', 'En.'), linkKind: 'equivalent' }]).added).toEqual([]);
    // rejecting it is an ordinary change of status
    expect(mergeDecisions(merged.log, [link('rejected', 'Jedan.', 'En.')]).changes).toEqual([expect.stringMatching(/confirmed → rejected/)]);
    // a file of unknown age that would change the kind says so
    expect(mergeDecisions([link('confirmed', 'Jedan.', 'En.')], [related()], { onlyNew: true }).leftOut).toEqual([expect.stringMatching(/out\/alignments\.csv says kind related, but/)]);
  });
});
