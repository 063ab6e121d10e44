import { describe, expect, it } from 'vitest';
import { settleBcs } from '../../src/language/bcs.ts';

describe('settleBcs: the one bs/hr/sr rule', () => {
  it('ekavian Latin is Serbian', () => {
    const d = settleBcs('Predsednik je rekao da je vreme za novu reč o tome gde smo bili pre rata.', 'Latn', 'bos');
    expect(d.code).toBe('sr-Latn');
    expect(d.note).toMatch(/^franc: bos; ekavian \d+ : ijekavian 0 .*→ sr-Latn$/);
  });

  it('ijekavian with Croatian vocabulary is Croatian', () => {
    const d = settleBcs('Predsjednik je tijekom tjedna rekao da tko želi može doći na sveučilište prije rujna.', 'Latn', 'srp');
    expect(d.code).toBe('hr');
    expect(d.note).toContain('tijekom');
  });

  it('ijekavian with Bosnian vocabulary is Bosnian', () => {
    const d = settleBcs('Predsjednik je tokom sedmice rekao da je hiljade vojnika poslano prije septembra. Ko zna šta dalje.', 'Latn', 'srp');
    expect(d.code).toBe('bs');
    expect(d.note).toMatch(/franc: srp; ekavian 0 : ijekavian \d+; hr words 0 : bs\/sr words \d+ \(tokom, sedmice, hiljade\) → bs/);
  });

  it('falls back to franc when there is no evidence', () => {
    expect(settleBcs('Kim i Putin su razgovarali.', 'Latn', 'hrv').code).toBe('hr');
    expect(settleBcs('Kim i Putin su razgovarali.', 'Latn', 'srp').code).toBe('sr-Latn');
    expect(settleBcs('Kim i Putin su razgovarali.', 'Latn', 'srp').note).toMatch(/franc decides/);
  });

  it('sends Slovene that franc put in the group back to Slovene', () => {
    const d = settleBcs('Predsednik je dejal, da je to zelo pomembno in da ga tudi Kim podpira, ki je prišel.', 'Latn', 'srp');
    expect(d.code).toBe('sl');
  });

  it('Cyrillic is Serbian unless Macedonian letters say otherwise', () => {
    expect(settleBcs('Председник је рекао да ће доћи.', 'Cyrl', 'srp').code).toBe('sr-Cyrl');
    expect(settleBcs('Претседателот рече дека ќе дојде и ѓаволот.', 'Cyrl', 'srp').code).toBe('mk');
    expect(settleBcs('Ким и Путин се сретнаа.', 'Cyrl', 'mkd').code).toBe('mk');
    expect(settleBcs('Ким и Путин су се срели.', 'Cyrl', 'srp').code).toBe('sr-Cyrl');
  });
});
