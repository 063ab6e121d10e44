import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { glossaryTbx, pairTbxFiles } from '../../src/export/tbx.ts';
import { pairGlossaryCsvFiles } from '../../src/export/glossary-pairs-csv.ts';
import { localeOf } from '../../src/export/locales.ts';
import { haveToolkit, haveXmllint } from '../helpers/tools.ts';
import { readCsv } from './read-csv.ts';
import { runResult } from '../fixtures/export/run-result.ts';
import { parseDtd, validate } from './dtd.ts';
import { tmpDir } from '../helpers/tmp.ts';

const TBX_DTD = new URL('../../schemas/tbx-basic.dtd', import.meta.url).pathname;
const hasXmllint = haveXmllint('the xmllint validation of the TBX files');
const hasToolkit = haveToolkit("tbx2po on the bilingual TBX files");

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

  it.skipIf(!hasXmllint && !process.env.CI)("is valid for xmllint against polyalign's TBX-Basic DTD (schemas/tbx-basic.dtd)", () => {
    expect(xmllintProblems('glossary.tbx', xml)).toBe('');
  });

  it('gives an English canonical name a langSet of its own, first, as the preferred en-US term', () => {
    const r = runResult();
    Object.assign(r.glossary.find((e) => e.id === 'e0002')!, { canonicalLang: 'en' });
    const pyongyang = parseTbx(glossaryTbx(r)).text.body.termEntry[1]!;
    expect(pyongyang.langSet.map((l) => l['xml:lang'])).toEqual(['en-US', 'bs-BA', 'mk-MK', 'da-DK']);
    const en = pyongyang.langSet[0]!.tig;
    expect(en.map((t) => t.term)).toEqual(['Pyongyang']);
    expect(en[0]!.termNote.map((n) => n['#text'])).toEqual(['properNoun', 'preferredTerm-admn-sts']);
    // a canonical that is a form of the texts is a term of its language already, and gets no en langSet
    expect(entries[0]!.langSet.map((l) => l['xml:lang'])).not.toContain('en-US');
  });
});

/** What xmllint says of a file validated against schemas/tbx-basic.dtd ('' when it is valid). */
function xmllintProblems(name: string, content: string): string {
  const dir = tmpDir('tbx');
  try {
    const file = join(dir, name);
    writeFileSync(file, content);
    // --nowarning: the file names TBX-Basic's own DTD, which is not beside it
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--nowarning', '--dtdvalid', TBX_DTD, file], { encoding: 'utf8' });
    return r.status === 0 ? '' : `${r.stderr}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('glossary.<a>_<b>.tbx (--format tbx-pairs) and glossary.<a>_<b>.csv (--format glossary-pairs)', () => {
  const result = runResult();
  const files = pairTbxFiles(result);

  it('writes one bilingual termbase per pair of languages, each entry with the two langSets, source first, preferred term first', () => {
    expect(files.map((f) => f.name)).toEqual(['glossary.bs_da.tbx', 'glossary.bs_mk.tbx', 'glossary.da_mk.tbx']);
    for (const f of files) {
      const [, a, b] = /^glossary\.(.+)_(.+)\.tbx$/.exec(f.name)!;
      const xml = String(f.content);
      expect(validate(xml, parseDtd(TBX_DTD), 'martif'), f.name).toEqual([]);
      const body = parseTbx(xml).text.body;
      const entries = body.termEntry ?? [];
      expect(entries.length, f.name).toBeGreaterThan(0);
      for (const e of entries) expect(e.langSet.map((l) => l['xml:lang'])).toEqual([localeOf(undefined, a!), localeOf(undefined, b!)]);
    }
    // Kim Jong-un in Danish: the most frequent form first (the fixture has no preferred form)
    const kim = parseTbx(String(files[0]!.content)).text.body.termEntry.find((e) => e.id === 'e0001')!;
    expect(kim.langSet[1]!.tig.map((t) => t.term)).toEqual(['Kim Jong Un', 'Kim Jong-Un']);
  });

  it.skipIf(!hasXmllint && !process.env.CI)('is valid for xmllint, each file', () => {
    for (const f of files) expect(xmllintProblems(f.name, String(f.content)), f.name).toBe('');
  });

  it.skipIf(!hasToolkit && !process.env.CI)("gives Translate Toolkit's tbx2po the right source and target terms, in each file; its TBX reader reads glossary.tbx whole", () => {
    const dir = tmpDir('tbx2po');
    try {
      for (const f of files) {
        const tbx = join(dir, f.name);
        writeFileSync(tbx, String(f.content));
        const po = join(dir, f.name.replace(/\.tbx$/, '.po'));
        execFileSync('tbx2po', [tbx, po], { stdio: 'pipe' });
        const units = [...readFileSync(po, 'utf8').matchAll(/^msgid "(.+)"\nmsgstr "(.+)"$/gm)].map((m) => [m[1], m[2]]);
        // each entry's first term in the source language, then in the target
        const expected = parseTbx(String(f.content)).text.body.termEntry.map((e) => [e.langSet[0]!.tig[0]!.term, e.langSet[1]!.tig[0]!.term]);
        expect(units, f.name).toEqual(expected);
      }
      expect(readFileSync(join(dir, 'glossary.bs_da.po'), 'utf8')).toMatch(/msgid "Kim Jong-un"\nmsgstr "Kim Jong Un"/);
      const whole = join(dir, 'glossary.tbx');
      writeFileSync(whole, glossaryTbx(result));
      const read = execFileSync('/usr/bin/python3', ['-c', 'import sys; from translate.storage import tbx; print(len(tbx.tbxfile.parsefile(sys.argv[1]).units))', whole], { encoding: 'utf8' });
      expect(Number(read.trim())).toBe(result.glossary.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes a bilingual glossary CSV per pair: the two preferred terms headed by locale, the type, a note with the other forms', () => {
    const csvs = pairGlossaryCsvFiles(result);
    expect(csvs.map((f) => f.name)).toEqual(['glossary.bs_da.csv', 'glossary.bs_mk.csv', 'glossary.da_mk.csv']);
    const { header, rows } = readCsv(String(csvs[0]!.content));
    expect(header).toEqual(['bs-BA', 'da-DK', 'type', 'note']);
    expect(rows[0]).toEqual(['Kim Jong-un', 'Kim Jong Un', 'person', 'canonical: Kim Jong-un; other forms: da: Kim Jong-Un; e0001']);
    expect(rows).toHaveLength(2);
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
