import { describe, expect, it } from 'vitest';
import { describeEvidence, typeEntries, typingContext } from '../../src/glossary/entity-type.ts';
import { buildGlossary } from '../../src/glossary/index.ts';
import type { GlossaryEntry, Segmented } from '../../src/types.ts';
import { makeDoc } from '../fixtures/glossary/docs.ts';

function typed(docs: Segmented[]): Map<string, { type: string; evidence: string }> {
  const entries = buildGlossary(docs, []);
  const typings = typeEntries(entries, typingContext(docs));
  return new Map(entries.map((e, i) => [e.canonical, { type: e.type, evidence: describeEvidence(typings[i]!) }]));
}

describe('entity types from evidence', () => {
  it('reads a role before a name as a person, in every family', () => {
    const t = typed([
      makeDoc('bs.txt', 'bs', ['Sastanak je vodio predsjednik Milorad Dodik u utorak.']),
      makeDoc('ro.txt', 'ro', ['A vorbit președintele Klaus Iohannis ieri.', 'Apoi i-a scris lui Iohannis o scrisoare.']),
      makeDoc('da.txt', 'da', ['Det sagde statsminister Mette Frederiksen i går.']),
    ]);
    expect(t.get('Milorad Dodik')).toMatchObject({ type: 'person', evidence: 'person: role "predsjednik" (bs)' });
    expect(t.get('Klaus Iohannis')?.type).toBe('person');
    expect(t.get('Klaus Iohannis')?.evidence).toContain('marker "lui"');
    expect(t.get('Mette Frederiksen')?.type).toBe('person');
  });

  it('reads a locative preposition, a place word and a derived adjective as a place', () => {
    const t = typed([
      makeDoc('sl.txt', 'sl', ['Srečanje je bilo v Ljubljani včeraj.', 'Slovenska vlada je sporočila novico.']),
      makeDoc('mk.txt', 'mk', ['Тие се сретнаа во Скопје вчера.']),
      makeDoc('hr.txt', 'hr', ['Napadi su pogodili Harkiv oblast u noći.', 'Ministar je rekao da Rusija tvrdi kako ruski vojnici napreduju.']),
    ]);
    expect(t.get('Ljubljani')?.type).toBe('place');
    expect(t.get('Ljubljani')?.evidence).toContain('preposition "v"');
    expect(t.get('Skopje')?.type).toBe('place');
    expect(t.get('Harkiv')?.evidence).toContain('place word "oblast"');
    expect(t.get('Russia')).toMatchObject({ type: 'place', evidence: 'place: table of names "Russia" ×2 (hr), adjective "ruski" (hr)' });
  });

  it('reads an organisation word, a reporting verb or an acronym as an organisation', () => {
    const t = typed([
      makeDoc('bs.txt', 'bs', ['To je objavila novinska agencija Anadolija danas.', 'Vijest prenosi Fena kasnije.', 'Izvještaj je dao OSCE prije.']),
    ]);
    expect(t.get('Anadolija')?.type).toBe('organisation');
    expect(t.get('Fena')?.evidence).toContain('reporting verb "prenosi"');
    expect(t.get('OSCE')?.type).toBe('organisation');
  });

  it('reads an organisation word inside a name as an organisation, English ones in any language', () => {
    const t = typed([
      makeDoc('ro.txt', 'ro', ['Senatorii au vorbit despre planurile lor cu membrii Partidului Republican ieri.']),
      makeDoc('da.txt', 'da', ['Det viser en ny måling, som blev offentliggjort af Suffolk University Political Research Center i går aftes.']),
    ]);
    expect(t.get('Partidului Republican')).toMatchObject({ type: 'organisation', evidence: 'organisation: organisation word in the name "Partidului" ×2 (ro)' });
    expect(t.get('Suffolk University Political Research Center')?.type).toBe('organisation');
  });

  it('reads an event word inside a name as an event (other), wherever it happened', () => {
    const t = typed([makeDoc('bs.txt', 'bs', ['Parada je bila povodom Dana nezavisnosti u Moskvi.', 'Vojnici su slavili Dan nezavisnosti.'])]);
    expect(t.get('Dan nezavisnosti')?.type).toBe('other');
    expect(t.get('Dan nezavisnosti')?.evidence).toContain('event word "dana"');
  });

  it('gives other when nothing shows a type, or two types equally', () => {
    const t = typed([makeDoc('bs.txt', 'bs', ['Sastanak s Mostarom je trajao dugo u noć.', 'Rekao je to predsjednik Tuzla koji je bio u Tuzli cijeli dan.'])]);
    expect(t.get('Mostarom')).toMatchObject({ type: 'other', evidence: 'other: no evidence in the text' });
    expect(t.get('Tuzla')).toMatchObject({ type: 'other', evidence: 'other (evidence tied); person: role "predsjednik" (bs); place: preposition "u" (bs)' });
  });

  it('lends the type of a coordinated name to one without evidence of its own', () => {
    const t = typed([makeDoc('sl.txt', 'sl', ['Med Zagrebom in Mariborom je veliko vlakov.', 'Vlak pelje v Zagreb vsak dan.'])]);
    expect(t.get('Zagreb')?.type).toBe('place');
    expect(t.get('Mariborom')).toMatchObject({ type: 'place', evidence: 'place: coordinated with "Zagreb" (sl)' });
  });

  it('reads a possessive of a name as a person', () => {
    const entry: GlossaryEntry = {
      id: 'e0001',
      type: 'other',
      canonical: 'Kim',
      variants: { bs: [{ form: 'Kim', count: 2 }, { form: 'Kimovu', count: 1 }] },
      mentions: [],
      docs: [],
      example: { doc: '', sent: 0, text: '' },
    };
    const [typing] = typeEntries([entry], typingContext([]));
    expect(typing).toMatchObject({ type: 'person', evidence: [{ type: 'person', cue: 'possessive "Kimovu"', lang: 'bs', count: 1 }] });
  });
});
