// corpus.<a>_<b>.tmx: one two-language TMX per pair of languages, source language first, read by a
// CAT tool's reader (Translate Toolkit's, from Debian) as source and target in the right languages.

import { localeOf } from '../../src/export/locales.ts';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { haveToolkit } from '../helpers/tools.ts';
import { describe, expect, it } from 'vitest';
import { pairTmxFiles, pairTmxName } from '../../src/export/tmx-pairs.ts';
import { isOutputName, parseFormats } from '../../src/export/formats.ts';
import { runResult } from '../fixtures/export/run-result.ts';
import { runCliAsync } from '../helpers/run-cli.ts';
import { tmpDir } from '../helpers/tmp.ts';
import { parseDtd, validate } from './dtd.ts';

const tmxDtd = parseDtd(new URL('../../schemas/tmx14.dtd', import.meta.url).pathname);
const PYTHON = '/usr/bin/python3';
const hasToolkit = haveToolkit('the Translate Toolkit reading of the pair TMX files');

interface Tuv {
  'xml:lang': string;
  seg: string;
}
function units(xml: string): { srclang: string; tu: Array<{ srclang: string; tuv: Tuv[] }> } {
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, isArray: (n) => ['tu', 'tuv', 'prop'].includes(n) }).parse(xml);
  return { srclang: parsed.tmx.header.srclang, tu: parsed.tmx.body.tu ?? [] };
}

describe('tmx-pairs', () => {
  it('writes one file per pair of distinct languages, each unit a direct link with the source language first', () => {
    const result = runResult();
    const files = pairTmxFiles(result);
    expect(files.map((f) => f.name)).toEqual(['corpus.bs_da.tmx', 'corpus.bs_mk.tmx', 'corpus.da_mk.tmx']);
    for (const f of files) {
      const xml = String(f.content);
      expect(validate(xml, tmxDtd, 'tmx'), f.name).toEqual([]);
      const [, a, b] = /^corpus\.(.+)_(.+)\.tmx$/.exec(f.name)!;
      const { srclang, tu } = units(xml);
      // the file is named by the codes, its languages by their locales (export/locales.ts)
      expect(srclang).toBe(localeOf(undefined, a!));
      for (const u of tu) {
        expect(u.srclang).toBe(localeOf(undefined, a!));
        expect(u.tuv.map((v) => v['xml:lang'])).toEqual([localeOf(undefined, a!), localeOf(undefined, b!)]);
      }
    }
    // every accepted link between a Bosnian and a Danish document, none of the Danish–Danish pair
    const links = result.pairs.filter((p) => [p.src, p.tgt].some((d) => d.startsWith('000')) && [p.src, p.tgt].some((d) => d.includes('da'))).flatMap((p) => p.links);
    expect(units(String(files[0]!.content)).tu.length).toBe(links.length);
  });

  it('is a format asked for by name, outside all, with names the writer accepts', () => {
    expect(parseFormats('all')).not.toContain('tmx-pairs');
    expect(parseFormats('csv,tmx-pairs')).toEqual(['csv', 'tmx-pairs']);
    expect(pairTmxName('bs', 'sr-Latn')).toBe('corpus.bs_sr-Latn.tmx');
    for (const name of ['corpus.bs_da.tmx', 'corpus.bs_sr-Latn.tmx', 'corpus.mk_sr-Cyrl.tmx']) expect(isOutputName(name), name).toBe(true);
    for (const name of ['corpus.bs.tmx', 'corpus.bs_da.tmx.bak', '../corpus.bs_da.tmx', 'decisions.jsonl']) expect(isOutputName(name), name).toBe(false);
  });

  // Skipped where Translate Toolkit is missing; CI installs it (.ci/run), so there it runs.
  it.skipIf(!hasToolkit && !process.env.CI)("is read by Translate Toolkit's TMX reader with source and target in the file's languages", async () => {
    const out = tmpDir('tmx-pairs');
    const r = await runCliAsync(['run', 'seeds', '-o', out, '--format', 'tmx-pairs', '-q']);
    expect(r.code).toBe(0);
    const names = readdirSync(out).filter((n) => /^corpus\..+_.+\.tmx$/.test(n)).sort();
    expect(names).toHaveLength(10); // five languages
    const script = [
      'import json, sys',
      'from translate.storage import tmx',
      'out = {}',
      'for path in sys.argv[1:]:',
      '    store = tmx.tmxfile.parsefile(path)',
      "    out[path] = [{'source': u.source, 'target': u.target, 'langs': [n.get('{http://www.w3.org/XML/1998/namespace}lang') for n in u.getlanguageNodes()]} for u in store.units]",
      'print(json.dumps(out))',
    ].join('\n');
    const paths = names.map((n) => join(out, n));
    const read = JSON.parse(execFileSync(PYTHON, ['-c', script, ...paths], { encoding: 'utf8' })) as Record<string, Array<{ source: string; target: string; langs: string[] }>>;
    let total = 0;
    for (const path of paths) {
      const [, a, b] = /corpus\.(.+)_(.+)\.tmx$/.exec(path)!;
      const ours = units(readFileSync(path, 'utf8')).tu;
      expect(read[path]!.length, path).toBe(ours.length);
      read[path]!.forEach((u, i) => {
        expect(u.langs).toEqual([localeOf(undefined, a!), localeOf(undefined, b!)]);
        expect(u.source).toBe(ours[i]!.tuv[0]!.seg);
        expect(u.target).toBe(ours[i]!.tuv[1]!.seg);
      });
      total += ours.length;
    }
    expect(total).toBeGreaterThan(12); // equivalent links only
  });
});
