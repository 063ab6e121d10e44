import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../src/ingest/index.ts';
import { detectLanguage } from '../../src/language/index.ts';
import { cutLong, MAX_SENTENCE_CHARS, segment, segmentText } from '../../src/segment/index.ts';
import type { SegmentOptions } from '../../src/segment/index.ts';

const split = (text: string, lang = 'und', options?: SegmentOptions) => segmentText(text, lang, options).map((r) => text.slice(r.start, r.end));

describe('segmentText: the traps', () => {
  it('a full stop glued to a capital (Latin or Cyrillic) is a break', () => {
    expect(split('објави агенцијата КЦНА.Ким и Путин се сретнаа.Тоа беше во среда.', 'mk')).toEqual([
      'објави агенцијата КЦНА.', 'Ким и Путин се сретнаа.', 'Тоа беше во среда.',
    ]);
    expect(split('prema agenciji KCNA.Kim je rekao.', 'bs')).toEqual(['prema agenciji KCNA.', 'Kim je rekao.']);
    expect(split('во четврток.„Другарот Ким“, соопшти КЦНА.', 'mk')).toEqual(['во четврток.', '„Другарот Ким“, соопшти КЦНА.']);
  });

  it('but not in web addresses, acronyms, product names or a glued ellipsis', () => {
    expect(split('© www.kremlin.ru objavio je.', 'sl')).toHaveLength(1);
    expect(split('Vidi www.Kremlin.Ru za više.', 'bs')).toHaveLength(1);
    expect(split('Pisati na press@Vlada.Ba danas.', 'bs')).toHaveLength(1);
    expect(split('Vojska U.S.A je stigla.', 'bs')).toHaveLength(1);
    expect(split('Koristi ASP.NET platformu.', 'bs')).toHaveLength(1);
    expect(split('Jesmo li mi pustili...Ne, nismo.', 'bs')).toHaveLength(1);
  });

  it('a domain at the end of a sentence still ends it', () => {
    expect(split('Izvor je www.kremlin.ru. Kim je stigao.', 'bs')).toEqual(['Izvor je www.kremlin.ru.', 'Kim je stigao.']);
  });

  it('numbers with separators never break', () => {
    expect(split('Izgubio je oko 2.000 vojnika, a 10.000 je ranjeno u 2,5 dana.', 'bs')).toHaveLength(1);
    expect(split('Kl. 7.55 blev han fundet.', 'da')).toHaveLength(1);
  });

  it('a closing quote after the stop belongs to the sentence it closes', () => {
    expect(split('Pohvalio je vojnike koji su se "hrabro i herojski borili". Ovo je četvrti sastanak.', 'bs')).toEqual([
      'Pohvalio je vojnike koji su se "hrabro i herojski borili".', 'Ovo je četvrti sastanak.',
    ]);
    expect(split('Rekao je: „Dolazimo.“ Zatim je otišao.', 'bs')).toEqual(['Rekao je: „Dolazimo.“', 'Zatim je otišao.']);
  });

  it.each([
    ['„…“', '„Rusija pomaže.“'],
    ['“…”', '“Rusland hjælper.”'],
    ['«…»', '«Rusia ajută.»'],
    ['»…«', '»Rusija pomaga.«'],
    ['‘…’', '‘Rusland hjælper.’'],
    ['"…"', '"Rusija pomaže."'],
  ])('quotations %s open and close sentences', (_style, quote) => {
    expect(split(`Prva rečenica. ${quote} Treća rečenica.`)).toEqual(['Prva rečenica.', quote, 'Treća rečenica.']);
  });

  it('a stop inside a quotation followed by the attribution in lower case does not break', () => {
    expect(split('„Dođite.“ rekao je Putin.', 'bs')).toHaveLength(1);
    expect(split('„Idemo!“, rekao je Kim.', 'bs')).toHaveLength(1);
    expect(split('“Vi venter på dig – kom.” sagde Putin.', 'da')).toHaveLength(1);
    expect(split('»Ali res?« je vprašal Kim.', 'sl')).toHaveLength(1);
  });

  it('a line break ends a sentence: headlines and captions have no final stop', () => {
    expect(split('Putin zahvalio Kimu\nRuski predsjednik je rekao.\r\nDrugi red bez tačke', 'bs')).toEqual([
      'Putin zahvalio Kimu', 'Ruski predsjednik je rekao.', 'Drugi red bez tačke',
    ]);
  });

  it('ordinals and dates never break', () => {
    for (const text of ['Bilo je 3. september 2025 i sunce je sjalo.', 'Sastali su se 2019. godine u Vladivostoku.', 'Ob 80. obletnici kapitulacije.',
      'Bilo je to u 19. stoljeću.', 'Den 1. Januar var koldt.', 'Datum je 3. 9. 2025. u podne.']) {
      expect(split(text), text).toHaveLength(1);
    }
  });

  it('a year before a capital still ends the sentence; a list number at line start does not', () => {
    expect(split('Prvi put su se sastali 2019. Kasnije su se sreli opet.', 'bs')).toHaveLength(2);
    expect(split('1. Uvod u temu', 'bs')).toEqual(['1. Uvod u temu']);
  });

  it('initials never break', () => {
    expect(split('J. R. R. Tolkien je pisao knjige.')).toHaveLength(1);
    expect(split('V. Putin i Lj. Stojanović su stigli.', 'bs')).toHaveLength(1);
    expect(split('В. Путин рече.', 'mk')).toHaveLength(1);
    expect(split('J.R.R. Tolkien je pisao.')).toHaveLength(1);
  });

  it.each([
    ['bs', 'Razgovarao je dr. Kim s predstavnicima.'],
    ['hr', 'Došli su mnogi, npr. Putin i Kim.'],
    ['bs', 'Firma Energoinvest d.o.o. Sarajevo je objavila.'],
    ['bs', 'Stanovao je u ul. Maršala Tita br. 5 u centru.'],
    ['bs', 'Obratio se gosp. Kim okupljenima.'],
    ['sr-Cyrl', 'Дошли су многи, т.е. Путин и Ким.'],
    ['mk', 'Дојде др. Ким со делегацијата.'],
    ['da', 'Mange lande, f.eks. Danmark, deltog.'],
    ['da', 'Flere ledere, bl.a. Putin, deltog.'],
    ['da', 'Mødet startede kl. 14 og varede ca. 2 timer.'],
    ['en', 'He lived in St. Petersburg for years.'],
    ['sl', 'Govoril je g. Kim in nato še ga. Novak.'],
  ])('the %s abbreviation in %j does not break', (lang, text) => {
    expect(split(text, lang)).toEqual([text]);
  });

  it('abbreviations that usually end a sentence break before a capital', () => {
    expect(split('Donijeli su hranu, vodu itd. Sljedeći dan su otišli.', 'bs')).toHaveLength(2);
    expect(split('Kim m.fl. deltog i mødet.', 'da')).toHaveLength(1);
  });

  it('an ellipsis inside a quotation followed by lower case does not break; before a capital it does', () => {
    expect(split('“Vi kan tale om vores relationer … og at jeg har muligheden”, sagde han.', 'da')).toHaveLength(1);
    expect(split('Čekali smo… Onda je stigao.', 'bs')).toHaveLength(2);
  });

  it('? and ! end sentences too', () => {
    expect(split('Zašto? Zato što je tako. Bravo!', 'bs')).toEqual(['Zašto?', 'Zato što je tako.', 'Bravo!']);
  });

  it('pieces without letters join a neighbour; a line of them is dropped', () => {
    expect(split('***\nTekst je ovdje.', 'bs')).toEqual(['Tekst je ovdje.']);
  });

  it('extra abbreviations can be given', () => {
    expect(split('Stigao je pukovn. Marić.', 'bs')).toHaveLength(2);
    expect(split('Stigao je pukovn. Marić.', 'bs', { abbreviations: ['pukovn'] })).toHaveLength(1);
  });

  it('paragraph mode ends sentences only at blank lines', () => {
    const text = 'Prvi red koji se\nnastavlja ovdje.\n\nDrugi odlomak.';
    expect(split(text, 'bs')).toHaveLength(3);
    expect(split(text, 'bs', { lineBreaks: 'paragraph' })).toEqual(['Prvi red koji se\nnastavlja ovdje.', 'Drugi odlomak.']);
  });

  it('ranges are trimmed and point into the text', () => {
    const text = '  Prva.   Druga!  \r\n\r\n  Treća?  ';
    const ranges = segmentText(text, 'bs');
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['Prva.', 'Druga!', 'Treća?']);
    expect(ranges[0]).toEqual({ start: 2, end: 7 });
  });
});

describe('cutLong: text with no sentence stop', () => {
  it('cuts a passage over the limit at clause breaks, else at spaces, into pieces marked cut; shorter ones stay whole', () => {
    const clause = 'rusija i koreja su potpisale sporazum o saradnji, ';
    const text = clause.repeat(200).trim();
    const pieces = cutLong(text, { start: 0, end: text.length });
    expect(pieces.length).toBeGreaterThan(9);
    for (const p of pieces) {
      expect(p.end - p.start).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(p.cut).toBe(true);
      expect(text.slice(p.start, p.end)).toMatch(/^rusija.*(saradnji,|saradnji)$/);
    }
    expect(pieces.map((p) => text.slice(p.start, p.end)).join(' ')).toBe(text);
    const words = 'kim putin peking '.repeat(300).trim();
    for (const p of cutLong(words, { start: 0, end: words.length })) expect(words.slice(p.start, p.end)).toMatch(/^\S.*\S$/);
    const sentence = 'Kim je stigao u Peking.';
    expect(cutLong(sentence, { start: 0, end: sentence.length })).toEqual([{ start: 0, end: sentence.length }]);
  });
});

describe('segmentText: scripts without spaces', () => {
  it('ends a sentence at an ideographic stop, which no space follows (Japanese, Chinese)', () => {
    const ja = '金正恩総書記は北京で会談した。両首脳は軍事協力について話し合った！「我々は決して犠牲を忘れない」と語った。本当か？はい。';
    expect(split(ja, 'ja')).toEqual(['金正恩総書記は北京で会談した。', '両首脳は軍事協力について話し合った！', '「我々は決して犠牲を忘れない」と語った。', '本当か？', 'はい。']);
    expect(split('普京与金正恩在北京会晤。双方讨论了合作。', 'zh')).toEqual(['普京与金正恩在北京会晤。', '双方讨论了合作。']);
  });
});

describe('segment', () => {
  it('segments only the body, numbering sentences from 0 with offsets into doc.text', () => {
    const text = ' date 2025-09-03 KRIG\nPrva rečenica o Putinu i Kimu. Druga rečenica o sastanku.\n3. septembar 2025\n\nTreća rečenica o Pekingu.';
    const doc = cleanDocument('a.txt', text, '', text.length);
    const sentences = segment(doc, detectLanguage(doc));
    expect(sentences.map((s) => [s.index, s.doc, s.text])).toEqual([
      [0, 'a.txt', 'Prva rečenica o Putinu i Kimu.'],
      [1, 'a.txt', 'Druga rečenica o sastanku.'],
      [2, 'a.txt', 'Treća rečenica o Pekingu.'],
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
