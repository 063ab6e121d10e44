import { describe, expect, it } from 'vitest';
import { changedSinceWritten, type EntryDecision, type LinkDecision } from '../../src/review/index.ts';

const link = (status: LinkDecision['status'], text: string): LinkDecision => ({ kind: 'link', status, src: { doc: 'a.txt', text }, tgt: { doc: 'b.txt', text: `${text} (b)` }, source: 'x.csv', at: '' });
const entry = (status: EntryDecision['status'], variants: string[], canonical: string, source = 'x.csv'): EntryDecision => ({ kind: 'entry', status, variants, canonical, source, at: '' });

describe('changedSinceWritten', () => {
  it('keeps the link rows whose status differs from the decision in force when the file was written', () => {
    const rows = [link('confirmed', 'Jedan.'), link('rejected', 'Dva.'), link('confirmed', 'Tri.')];
    const written = [link('confirmed', 'Jedan.'), link('confirmed', 'Dva.')];
    expect(changedSinceWritten(rows, written).map((d) => (d as LinkDecision).src.text)).toEqual(['Dva.', 'Tri.']);
  });

  it('compares a glossary row with the decision the run applied to its entry, which may have gained forms since', () => {
    const written = [entry('keep', ['Kina'], 'Kina'), entry('reject', ['Dana'], 'Dana')];
    const rows = [
      entry('keep', ['Kina', 'Kinas'], 'Kina'), // as written: the entry gained a form
      entry('keep', ['Dana'], 'Dana'), // reviewer turned reject into keep
      entry('keep', ['Kim', 'Ким'], 'Kim Jong Un'), // a new decision
    ];
    expect(changedSinceWritten(rows, written).map((d) => (d as EntryDecision).variants[0])).toEqual(['Dana', 'Kim']);
    // a renamed canonical form is a change
    expect(changedSinceWritten([entry('keep', ['Kina', 'Kinas'], 'Kitajska')], written)).toHaveLength(1);
    // the latest decision on an entry is the one that was shown
    expect(changedSinceWritten([entry('keep', ['Kina', 'Kinas'], 'Kina')], [...written, entry('reject', ['Kina', 'Kinas'], 'Kina')])).toHaveLength(1);
  });
});

describe('changedSinceWritten: a link kind', () => {
  const related = (text: string): LinkDecision => ({ ...link('confirmed', text), linkKind: 'related' });

  it('a row whose kind was not edited is no change, whatever kind the run showed; an edited kind is one', () => {
    const written = [related('Jedan.'), link('confirmed', 'Dva.')];
    // as written: a confirmed row naming no kind (its kind cell as the run wrote it)
    expect(changedSinceWritten([link('confirmed', 'Jedan.'), link('confirmed', 'Dva.')], written)).toEqual([]);
    // the kind changed: related → equivalent, equivalent → related, and a related link the run showed as auto
    const rows = [{ ...link('confirmed', 'Jedan.'), linkKind: 'equivalent' as const }, related('Dva.'), related('Tri.')];
    expect(changedSinceWritten(rows, written).map((d) => (d as LinkDecision).src.text)).toEqual(['Jedan.', 'Dva.', 'Tri.']);
    // and a row as written with its kind said again
    expect(changedSinceWritten([related('Jedan.')], written)).toEqual([]);
  });
});
