// The DTD checker the TMX and TBX tests rely on must reject what the DTD rejects.
import { describe, expect, it } from 'vitest';
import { corpusTmx } from '../../src/export/tmx.ts';
import { runResult } from '../fixtures/export/run-result.ts';
import { parseDtd, validate } from './dtd.ts';

const tmxDtd = parseDtd(new URL('../../schemas/tmx14.dtd', import.meta.url).pathname);
const good = corpusTmx(runResult());

describe('DTD checker (test helper)', () => {
  it('accepts the exporter output', () => {
    expect(validate(good, tmxDtd, 'tmx')).toEqual([]);
  });

  it('rejects a prop after the seg of a tuv', () => {
    const bad = good.replace(/(<seg>[^<]*<\/seg>)/, '$1<prop type="x">y</prop>');
    expect(validate(bad, tmxDtd, 'tmx').join('\n')).toMatch(/tuv: children (prop,)+seg,prop, do not match/);
  });

  it('rejects a prop after a tuv in a tu', () => {
    const bad = good.replace('</tu>', '<prop type="late">x</prop></tu>');
    expect(validate(bad, tmxDtd, 'tmx').join('\n')).toMatch(/\/tu: children .*tuv,prop, do not match/);
  });

  it('rejects a missing required attribute, a wrong fixed value and a value outside an enumeration', () => {
    const bad = good.replace(' srclang="bs-BA"', '').replace('version="1.4"', 'version="1.3"').replace('segtype="sentence"', 'segtype="word"');
    const problems = validate(bad, tmxDtd, 'tmx').join('\n');
    expect(problems).toMatch(/missing required attribute srclang/);
    expect(problems).toMatch(/version="1.3", fixed to "1.4"/);
    expect(problems).toMatch(/segtype="word" not in/);
  });

  it('rejects text directly in element-only content and an undeclared element', () => {
    const bad = good.replace('<body>', '<body>stray<foo/>');
    const problems = validate(bad, tmxDtd, 'tmx').join('\n');
    expect(problems).toMatch(/body: text not allowed/);
    expect(problems).toMatch(/foo: element not declared/);
  });
});
