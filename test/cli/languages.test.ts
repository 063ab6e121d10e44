// A document in a language polyalign is not tuned for still runs, with a one-line warning that names
// the file and what is weaker, on the console and in run.json.

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ROOT, runCliAsync } from '../helpers/run-cli.ts';
import { tmpPath } from '../helpers/tmp.ts';

const ENGLISH = `Russian President Vladimir Putin said on Wednesday that North Korean soldiers had fought in the war in Ukraine at the initiative of their leader Kim Jong Un.
Putin made the remarks during talks with Kim in Beijing, after both attended a military parade marking the end of the Second World War.
He thanked Kim for the courage of the North Korean troops and said relations between the two countries were built on trust.
Kim said his country would fully support Russia and that he was glad to meet Putin again.
`;

describe('languages outside the tuned set', () => {
  it('runs an English article beside the seeds, warning once that it is weaker there', async () => {
    const dir = tmpPath('lang', 'event');
    cpSync(join(ROOT, 'seeds'), dir, { recursive: true });
    writeFileSync(join(dir, '005_en.txt'), ENGLISH);
    const out = join(dir, '..', 'out');
    const r = await runCliAsync(['run', dir, '-o', out, '--embedder', 'lexical', '--format', 'csv']);
    expect(r.code).toBe(0);
    // The language warning, once (a language pair that got no link has a coverage warning of its own).
    const warnings = r.stdout.split('\n').filter((l) => l.startsWith('warning: ') && !/^warning: no (equivalent )?link between/.test(l));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/005_en\.txt: en is outside the languages polyalign is tuned for \(bs, hr, sr, sl, ro, mk, da\); its sentence splitting, glossary and embeddings are weaker there$/);
    const manifest = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(manifest.warnings.filter((w: string) => !/^no (equivalent )?link between/.test(w))).toHaveLength(1);
    expect(manifest.languages.en).toEqual(['005_en.txt']);
    // its links are related: listed and shown for review, but in no translation memory unless asked for
    const rows = (parse(readFileSync(join(out, 'alignments.csv'), 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>).filter((row) => row.src_lang === 'en' || row.tgt_lang === 'en');
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.kind))).toEqual(new Set(['related']));
  });
});
