import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { haveXmllint } from '../helpers/tools.ts';
import { describe, expect, it } from 'vitest';
import { corpusTmx } from '../../src/export/tmx.ts';
import { DOCS, runResult } from '../fixtures/export/run-result.ts';
import { parseDtd, validate } from './dtd.ts';
import { tmpDir } from '../helpers/tmp.ts';

const DTD_PATH = new URL('../../schemas/tmx14.dtd', import.meta.url).pathname;
const hasXmllint = haveXmllint('the xmllint validation of corpus.tmx');

interface Tuv {
  'xml:lang': string;
  prop: Array<{ type: string; '#text': string }>;
  seg: string;
}
interface Tu {
  tuid: string;
  prop: Array<{ type: string; '#text': string | number }>;
  tuv: Tuv[];
}

function parseTmx(xml: string) {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    isArray: (name) => ['tu', 'tuv', 'prop'].includes(name),
  });
  return parser.parse(xml).tmx as { version: string; header: Record<string, string>; body: { tu: Tu[] } };
}

describe('corpus.tmx', () => {
  const result = runResult();
  const xml = corpusTmx(result);
  const tmx = parseTmx(xml);

  it('is well-formed TMX 1.4 with the header polyalign writes', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">')).toBe(true);
    expect(tmx.version).toBe('1.4');
    expect(tmx.header).toMatchObject({
      creationtool: 'polyalign',
      creationtoolversion: '0.1.0',
      datatype: 'plaintext',
      segtype: 'sentence',
      adminlang: 'en',
      'o-tmf': 'polyalign',
      srclang: 'bs-BA',
    });
    expect(tmx.header.creationdate, 'no timestamp: the same input gives the same bytes').toBeUndefined();
  });

  it('follows the element order and attributes of tmx14.dtd', () => {
    expect(validate(xml, parseDtd(DTD_PATH), 'tmx')).toEqual([]);
  });

  it('has one tu per group, in id order, one tuv per document of the group in run order', () => {
    const tus = tmx.body.tu;
    expect(tus.map((t) => t.tuid)).toEqual(['g0001', 'g0002', 'g0003']);
    expect(tus[0]!.tuv.map((t) => t['xml:lang'])).toEqual(['bs-BA', 'mk-MK', 'da-DK', 'da-DK']);
    expect(tus[1]!.tuv.map((t) => t['xml:lang'])).toEqual(['bs-BA', 'mk-MK', 'da-DK']);
    expect(tus[0]!.prop).toEqual([
      { type: 'x-group-id', '#text': 'g0001' },
      { type: 'x-kind', '#text': 'equivalent' },
      { type: 'x-score', '#text': '0.8354' },
      { type: 'x-status', '#text': 'auto' },
    ]);
  });

  it('holds equivalent links only, a group cut into the parts they hold together, unless related ones are asked for', () => {
    const r = runResult();
    const first = r.groups.find((g) => g.id === 'g0001')!;
    // every link of the second Danish document is related: it leaves the unit
    for (const l of first.links) if (l.src.doc === DOCS.da2 || l.tgt.doc === DOCS.da2) l.kind = 'related';
    const only = parseTmx(corpusTmx(r)).body.tu.find((t) => t.tuid === 'g0001')!;
    expect(only.tuv.map((t) => t['xml:lang'])).toEqual(['bs-BA', 'mk-MK', 'da-DK']);
    const all = parseTmx(corpusTmx({ ...r, tmInclude: 'related' })).body.tu.find((t) => t.tuid === 'g0001')!;
    expect(all.tuv.map((t) => t['xml:lang'])).toEqual(['bs-BA', 'mk-MK', 'da-DK', 'da-DK']);
    expect(all.prop.find((p) => p.type === 'x-kind')!['#text']).toBe('related');
    expect(all.tuv[3]!.prop.find((p) => p.type === 'x-kind')!['#text']).toBe('related');
    // a group held together by related links alone gives no unit
    for (const l of first.links) l.kind = 'related';
    expect(parseTmx(corpusTmx(r)).body.tu.map((t) => t.tuid)).not.toContain('g0001');
  });

  it("says in x-status whether a reviewer confirmed the group's links", () => {
    const r = runResult();
    const first = r.groups.find((g) => g.id === 'g0001');
    const second = r.groups.find((g) => g.id === 'g0002');
    first!.links = first!.links.map((l) => ({ ...l, status: 'confirmed' }));
    second!.links = second!.links.map((l, i) => ({ ...l, status: i === 0 ? 'confirmed' : 'auto' }));
    expect(second!.links.length).toBeGreaterThan(1);
    const status = (tu: Tu) => tu.prop.find((p) => p.type === 'x-status')!['#text'];
    expect(parseTmx(corpusTmx(r)).body.tu.map(status)).toEqual(['confirmed', 'partly-confirmed', 'auto']);
  });

  it('tells two tuv of one language apart by their x-doc prop and joins a 1:2 span', () => {
    const [, , da, da2] = tmx.body.tu[0]!.tuv;
    expect(da!.prop.find((p) => p.type === 'x-doc')!['#text']).toBe(DOCS.da);
    expect(da2!.prop.find((p) => p.type === 'x-doc')!['#text']).toBe(DOCS.da2);
    const merged = tmx.body.tu[2]!.tuv[2]!;
    expect(merged.prop.find((p) => p.type === 'x-sent')!['#text']).toBe('2-3');
    expect(merged.seg).toBe('Det var koldt i Pyongyang. Termometret viste\nminus fem grader.');
  });

  it('escapes markup characters and strips control characters', () => {
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/);
    expect(tmx.body.tu[2]!.tuv[1]!.seg).toBe('Во Пјонгјанг беше студено и ладно.');
    const tricky = runResult();
    tricky.documents[0]!.sentences[1]!.text = 'a < b & "c" </seg> ]]>';
    const seg = parseTmx(corpusTmx(tricky)).body.tu[1]!.tuv[0]!.seg;
    expect(seg).toBe('a < b & "c" </seg> ]]>');
  });

  it('uses *all* as srclang when a group lacks the first document', () => {
    const r = runResult();
    const spans = [{ doc: DOCS.mk, first: 3, last: 3 }, { doc: DOCS.da2, first: 1, last: 1 }];
    r.groups.push({ id: 'g0004', spans, links: [{ src: spans[0]!, tgt: spans[1]!, score: 0.5, margin: 1.4, kind: 'equivalent', method: 'mining', status: 'auto' }], score: 0.5 });
    expect(parseTmx(corpusTmx(r)).header.srclang).toBe('*all*');
  });

  // Skipped, and reported as skipped, where xmllint is missing; the checker above runs everywhere.
  // CI installs xmllint (.ci/run), so there a missing xmllint fails the run instead of skipping.
  it.skipIf(!hasXmllint && !process.env.CI)('is valid against tmx14.dtd by xmllint --dtdvalid', () => {
    const dir = tmpDir('tmx');
    try {
      const file = join(dir, 'corpus.tmx');
      writeFileSync(file, xml);
      execFileSync('xmllint', ['--noout', '--nonet', '--dtdvalid', DTD_PATH, file], { stdio: 'pipe' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
