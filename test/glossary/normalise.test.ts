import { describe, expect, it } from 'vitest';
import {
  acronymKey,
  inflectionLoss,
  isAcronym,
  languageFamily,
  normaliseName,
  normaliseWord,
  skeleton,
  stripInflection,
} from '../../src/glossary/normalise.ts';

describe('languageFamily', () => {
  it('reads the primary subtag', () => {
    expect(languageFamily('sr-Cyrl')).toBe('south-slavic');
    expect(languageFamily('sr-Latn')).toBe('south-slavic');
    expect(languageFamily('mk')).toBe('macedonian');
    expect(languageFamily('ro')).toBe('romanian');
    expect(languageFamily('da')).toBe('danish');
    expect(languageFamily('en')).toBe('other');
  });
});

describe('normaliseWord', () => {
  it.each([
    ['Putinom', 'bs', 'putin'],
    ['Putinu', 'sl', 'putin'],
    ['Путин', 'mk', 'putin'],
    ['Kimu', 'sl', 'kim'],
    ['Kima', 'bs', 'kim'],
    ['Kimom', 'bs', 'kim'],
    ['Kimova', 'sl', 'kim'],
    ['Kimovu', 'bs', 'kim'],
    ['Moskvom', 'bs', 'moskv'],
    ['Moskvo', 'sl', 'moskv'],
    ['Москва', 'mk', 'moskv'],
    ['Pjongjangom', 'sl', 'pjongjang'],
    ['Rusije', 'bs', 'rusij'],
    ['Rusiju', 'bs', 'rusij'],
    ['Rusiji', 'sl', 'rusij'],
    ['Русија', 'mk', 'rusij'],
    ['Phenianul', 'ro', 'phenian'],
    ['Rusiei', 'ro', 'rusi'],
    ['Rusia', 'ro', 'rusi'],
    ['Coreei', 'ro', 'core'],
    ['Coreea', 'ro', 'core'],
    ['Ruslands', 'da', 'rusland'],
    ['Kursk-regionen', 'da', 'kursk'],
    ['Kursk-region', 'da', 'kursk'],
    ['Ukraine-krigen', 'da', 'ukraine'],
    ['Kims', 'da', 'kim'],
    ['Kursku', 'bs', 'kursk'],
    ['Kurske', 'bs', 'kursk'],
    ['Втората', 'mk', 'vtora'],
  ])('%s (%s) → %s', (word, lang, key) => {
    expect(normaliseWord(word, lang)).toBe(key);
  });

  it('never strips a stem below three letters', () => {
    expect(normaliseWord('Ana', 'bs')).toBe('ana');
    expect(normaliseWord('Xi', 'sl')).toBe('xi');
    expect(normaliseWord('Ivo', 'hr')).toBe('ivo');
    expect(stripInflection('kimu', 'bs')).toBe('kim');
    expect(stripInflection('aba', 'bs')).toBe('aba');
  });

  it('strips Macedonian articles only from longer stems', () => {
    expect(normaliseWord('Малта', 'mk')).toBe('malt');
    expect(normaliseWord('Малта', 'mk')).toBe(normaliseWord('Malta', 'bs'));
  });

  it('keeps Korean given names whole in Danish hyphen compounds', () => {
    expect(normaliseWord('Jong-un', 'da')).toBe('jong-un');
    expect(normaliseWord('Seong-kweun', 'da')).toBe('seong-kweun');
  });

  it('does not take the Danish genitive from names ending in s', () => {
    expect(normaliseWord('TASS', 'da')).toBe('tass');
    expect(normaliseWord('Paris', 'da')).toBe('paris');
  });

  it('leaves languages without a suffix table alone', () => {
    expect(normaliseWord('Putinom', 'en')).toBe('putinom');
  });
});

describe('normaliseName', () => {
  it('normalises each word and keeps joiners', () => {
    expect(normaliseName('Kim Jong-una', 'bs')).toBe('kim jong-un');
    expect(normaliseName('Coreea de Nord', 'ro')).toBe('core de nord');
    expect(normaliseName('Sjeverne Koreje', 'bs')).toBe('sjevern korej');
    expect(normaliseName('Северна Кореја', 'mk')).toBe('severn korej');
    expect(normaliseName('Severno Korejo', 'sl')).toBe('severn korej');
  });

  it('keeps acronyms in capitals, across scripts', () => {
    expect(normaliseName('КЦНА', 'mk')).toBe('KCNA');
    expect(normaliseName('KCNA', 'mk')).toBe('KCNA');
    expect(normaliseName('RIA Novosti', 'bs')).toBe('RIA novost');
  });
});

describe('acronyms', () => {
  it('detects capitals-only words with inflected tails', () => {
    expect(isAcronym('KCNA')).toBe(true);
    expect(isAcronym('КЦНА')).toBe(true);
    expect(isAcronym('BBC-ja')).toBe(true);
    expect(isAcronym('Kim')).toBe(false);
    expect(isAcronym('A')).toBe(false);
  });

  it('drops the inflection after a hyphen or apostrophe', () => {
    expect(acronymKey('BBC-ja')).toBe('BBC');
    expect(acronymKey("NATO's")).toBe('NATO');
    expect(acronymKey('SAD-u')).toBe('SAD');
  });
});

describe('skeleton', () => {
  it('brings Cyrillic and Latin spellings of one name together', () => {
    const forms: Array<[string, string]> = [
      ['Kim Jong-un', 'sl'],
      ['Kim Jong Un', 'ro'],
      ['Kim Jong-una', 'bs'],
      ['Ким Џонг Ун', 'mk'],
    ];
    const skeletons = new Set(forms.map(([f, l]) => skeleton(normaliseName(f, l))));
    expect([...skeletons]).toEqual(['kimjongun']);
  });

  it('maps y, ph, x, c and glide j towards sound', () => {
    expect(skeleton(normaliseName('Pyongyang', 'da'))).toBe(skeleton(normaliseName('Pjongjang', 'bs')));
    expect(skeleton('phenian')).toBe('fenian');
    expect(skeleton(normaliseName('Xi Jinping', 'sl'))).toBe(skeleton(normaliseName('Си Џинпинг', 'mk')));
    expect(skeleton(normaliseName('Ucraina', 'ro'))).toBe(skeleton(normaliseName('Украина', 'mk')));
    expect(skeleton(normaliseName('Rusiju', 'bs'))).toBe(skeleton(normaliseName('Rusiei', 'ro')));
    expect(skeleton(normaliseName('Kijeva', 'bs'))).toBe(skeleton(normaliseName('Kiev', 'da')));
  });

  it('keeps different names apart', () => {
    expect(skeleton(normaliseName('Phenian', 'ro'))).not.toBe(skeleton(normaliseName('Pjongjang', 'bs')));
    expect(skeleton(normaliseName('Pekingu', 'bs'))).not.toBe(skeleton(normaliseName('Beijing', 'ro')));
    expect(skeleton('KCNA')).toBe('KCNA');
  });
});

describe('inflectionLoss', () => {
  it('is zero for a bare stem, a half for a nominative ending, the stripped letters otherwise', () => {
    expect(inflectionLoss('Putin', 'bs')).toBe(0);
    expect(inflectionLoss('Putinom', 'bs')).toBe(2);
    expect(inflectionLoss('Rusija', 'bs')).toBe(0.5);
    expect(inflectionLoss('Ucraina', 'ro')).toBe(0.5);
    expect(inflectionLoss('Rusiei', 'ro')).toBe(2);
    expect(inflectionLoss('Ukrajini', 'bs')).toBe(1);
    expect(inflectionLoss('Kursk-regionen', 'da')).toBe('-regionen'.length);
    expect(inflectionLoss('KCNA', 'mk')).toBe(0);
  });
});
