import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { glossaryTbx } from '../../src/export/tbx.ts';
import { runResult } from '../fixtures/export/run-result.ts';
import { parseDtd, validate } from './dtd.ts';

const TBX_DTD = new URL('../fixtures/export/tbx-core-subset.dtd', import.meta.url).pathname;

type Note = string | { '#text': string; type?: string };
interface Tig {
  term: string;
  termNote: Array<{ type: string; '#text': string }>;
  descrip?: Array<{ type: string; '#text': string }>;
  note: Note[];
}
interface LangSet {
  'xml:lang': string;
  tig: Tig[];
}
interface TermEntry {
  id: string;
  note: Note[];
  langSet: LangSet[];
}

function parseTbx(xml: string) {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    isArray: (name) => ['termEntry', 'langSet', 'tig', 'termNote', 'descrip', 'note'].includes(name),
  });
  return parser.parse(xml).martif as { type: string; 'xml:lang': string; text: { body: { termEntry: TermEntry[] } } };
}

describe('glossary.tbx (TBX-Basic, TBX 2008 martif form)', () => {
  const result = runResult();
  const xml = glossaryTbx(result);
  const martif = parseTbx(xml);
  const entries = martif.text.body.termEntry;

  it('is well-formed and follows the TBX core structure', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(martif.type).toBe('TBX-Basic');
    expect(martif['xml:lang']).toBe('en');
    expect(validate(xml, parseDtd(TBX_DTD), 'martif')).toEqual([]);
  });

  it('has one termEntry per glossary entry, sorted by id, with the canonical form as a note', () => {
    expect(entries.map((e) => e.id)).toEqual(['e0001', 'e0002', 'e0003']);
    expect(entries[0]!.note[0]).toBe('canonical: Kim Jong-un');
    expect(entries[0]!.note[1]).toBe('person; 4 mentions in 4 documents: 000_bs.txt | 001_mk.txt | 002_da.txt | 003_da.txt');
  });

  it('puts variants as terms in one langSet per language, most frequent first', () => {
    const kim = entries[0]!;
    expect(kim.langSet.map((l) => l['xml:lang'])).toEqual(['bs-BA', 'mk-MK', 'da-DK']);
    expect(kim.langSet[1]!.tig.map((t) => t.term)).toEqual(['Ким Џонг Ун']);
    expect(kim.langSet[2]!.tig.map((t) => t.term)).toEqual(['Kim Jong Un', 'Kim Jong-Un']);
    expect(kim.langSet[2]!.tig[0]!.note).toEqual(['2 mentions']);
  });

  it("marks each language's base form as the preferred term and the other forms as admitted, and says when the base form is not in the text", () => {
    const r = runResult();
    const pyongyang = r.glossary.find((e) => e.id === 'e0002')!;
    pyongyang.preferred = { bs: { form: 'Pjongjang', source: 'table' }, mk: { form: 'Пјонгјанг', source: 'text' }, da: { form: 'Pyongyang', source: 'text' } };
    const entry = parseTbx(glossaryTbx(r)).text.body.termEntry.find((e) => e.id === 'e0002')!;
    const bs = entry.langSet.find((l) => l['xml:lang'] === 'bs-BA')!;
    expect(bs.tig.map((t) => t.term)).toEqual(['Pjongjang', 'Pjongjangu']);
    const status = (t: Tig) => t.termNote.find((n) => n.type === 'administrativeStatus')?.['#text'];
    expect(bs.tig.map(status)).toEqual(['preferredTerm-admn-sts', 'admittedTerm-admn-sts']);
    expect(bs.tig[0]!.note).toEqual(["base form, not in the text (from polyalign's table of place names)"]);
    expect(bs.tig[1]!.note).toEqual(['1 mention']);
    expect(status(entry.langSet.find((l) => l['xml:lang'] === 'da-DK')!.tig[0]!)).toBe('preferredTerm-admn-sts');
    expect(validate(glossaryTbx(r), parseDtd(TBX_DTD), 'martif')).toEqual([]);
  });

  it('marks names as proper nouns and acronyms with termType acronym', () => {
    expect(entries[0]!.langSet[0]!.tig[0]!.termNote).toEqual([{ type: 'partOfSpeech', '#text': 'properNoun' }]);
    expect(entries[2]!.langSet[0]!.tig[0]!.termNote).toEqual([
      { type: 'partOfSpeech', '#text': 'properNoun' },
      { type: 'termType', '#text': 'acronym' },
    ]);
  });

  it('gives the example sentence as the context of the term it contains', () => {
    const pyongyang = entries[1]!;
    const da = pyongyang.langSet.find((l) => l['xml:lang'] === 'da-DK')!;
    expect(da.tig[0]!.descrip).toEqual([{ type: 'context', '#text': 'Det var koldt i Pyongyang.' }]);
    expect(pyongyang.langSet.find((l) => l['xml:lang'] === 'bs-BA')!.tig[0]!.descrip).toBeUndefined();
  });

  it('keeps the example as an entry note when no variant occurs in it', () => {
    const r = runResult();
    r.glossary.find((e) => e.id === 'e0002')!.example = { doc: '000_bs.txt', sent: 0, text: 'Kim Jong-un je u srijedu stigao u Peking.' };
    const entry = parseTbx(glossaryTbx(r)).text.body.termEntry[1]!;
    expect(entry.note).toContain('example (000_bs.txt, sentence 0): Kim Jong-un je u srijedu stigao u Peking.');
    expect(entry.langSet.every((l) => l.tig.every((t) => t.descrip === undefined))).toBe(true);
  });

  it('strips control characters and escapes markup in terms', () => {
    const r = runResult();
    r.glossary.find((e) => e.id === 'e0001')!.variants['bs'] = [{ form: 'Kim <Jong> & \u0007Un', count: 1 }];
    const tbx = glossaryTbx(r);
    expect(tbx).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(parseTbx(tbx).text.body.termEntry[0]!.langSet[0]!.tig[0]!.term).toBe('Kim <Jong> & Un');
  });

  it('gives the entity type and the evidence for it as entry notes', () => {
    expect(entries[2]!.note[1]).toMatch(/^organisation; 1 mention in 1 document/);
    expect(entries[2]!.note[2]).toBe('type evidence: organisation: acronym "КЦНА" (mk)');
    for (const e of entries) expect(e.note[2]).toMatch(/^type evidence: /);
  });

  it('is well-formed for xmllint', () => {
    const dir = mkdtempSync(join(tmpdir(), 'polyalign-tbx-'));
    try {
      const file = join(dir, 'glossary.tbx');
      writeFileSync(file, xml);
      expect(() => execFileSync('xmllint', ['--noout', file], { stdio: 'pipe' })).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('glossary.tbx of an empty glossary', () => {
  const r = runResult();
  r.glossary = [];
  const xml = glossaryTbx(r);

  it('is well-formed, says it is empty, and breaks the DTD only where TBX allows no empty termbase', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const martif = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'p' }).parse(xml).martif;
    expect(martif.martifHeader.fileDesc.sourceDesc.p).toContain('The glossary is empty: no names were found.');
    expect(martif.text.body).toBe('');
    // body is (termEntry+) in the TBX core DTD: no TBX 2008 file can be empty and valid.
    expect(validate(xml, parseDtd(TBX_DTD), 'martif')).toEqual([expect.stringMatching(/body: children \(none\) do not match/)]);
  });
});
