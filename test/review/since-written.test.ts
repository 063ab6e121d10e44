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
