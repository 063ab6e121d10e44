// Articles as older archives, Word exports and newsroom systems save them: the seeds re-encoded
// (000 in windows-1250 and ISO-8859-2, 003 in windows-1251 and ISO-8859-5, 004 in UTF-16 LE
// without a BOM) give the same sentences.csv and parallel.csv as UTF-8 copies of the same text.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFile, loadInputs } from '../../src/ingest/index.ts';
import { caughtError } from '../helpers/errors.ts';
import { encodeLegacy, encodeUtf16le, representable } from '../helpers/legacy-encode.ts';
import { ROOT, runCliAsync } from '../helpers/run-cli.ts';
import { tmpDir } from '../helpers/tmp.ts';

const SEEDS = join(ROOT, 'seeds');
const names = readdirSync(SEEDS).sort();
const seed = (prefix: string) => readFileSync(join(SEEDS, names.find((n) => n.startsWith(prefix))!), 'utf8');

/** Two folders of the five seeds: one in the given encodings, one UTF-8 with the same text. */
function folders(encodings: Record<string, string>): { legacy: string; utf8: string } {
  const dir = tmpDir('enc');
  const [legacy, utf8] = [join(dir, 'legacy'), join(dir, 'utf8')];
  mkdirSync(legacy);
  mkdirSync(utf8);
  for (const name of names) {
    const encoding = encodings[name.slice(0, 3)];
    const text = encoding && encoding !== 'utf-16le' ? representable(seed(name.slice(0, 3)), encoding) : seed(name.slice(0, 3));
    writeFileSync(join(utf8, name), text);
    writeFileSync(join(legacy, name), encoding === 'utf-16le' ? encodeUtf16le(text) : encoding ? encodeLegacy(text, encoding) : text);
  }
  return { legacy, utf8 };
}

describe('legacy encodings', () => {
  for (const encodings of [
    { '000': 'windows-1250', '003': 'windows-1251', '004': 'utf-16le' },
    { '000': 'iso-8859-2', '003': 'iso-8859-5', '004': 'utf-16le' },
  ]) {
    it(`reads ${Object.values(encodings).join(', ')} into the same sentences and groups as UTF-8`, async () => {
      const { legacy, utf8 } = folders(encodings);
      const { documents } = await loadInputs([legacy]);
      const found = Object.fromEntries(documents.map((d) => [d.id.slice(0, 3), d.encoding]));
      for (const [doc, name] of Object.entries(encodings)) expect(found[doc]!.name, doc).toBe(name);
      expect(found['001']).toMatchObject({ name: 'utf-8', source: 'utf-8' });
      expect(found['004']).toMatchObject({ source: 'utf-16-pattern' });
      const out = (d: string) => join(d, '..', `out-${d.split('/').pop()}`);
      for (const d of [legacy, utf8]) expect((await runCliAsync(['run', d, '-o', out(d), '--embedder', 'lexical', '--format', 'csv', '-q'])).code).toBe(0);
      for (const file of ['sentences.csv', 'parallel.csv']) expect(readFileSync(join(out(legacy), file), 'utf8'), file).toBe(readFileSync(join(out(utf8), file), 'utf8'));
      const manifest = JSON.parse(readFileSync(join(out(legacy), 'run.json'), 'utf8'));
      const zero = manifest.inputs.find((i: { doc: string }) => i.doc.startsWith('000'));
      expect(zero.encoding).toMatchObject({ name: encodings['000'], source: 'detected', confidence: expect.any(Number) });
    });
  }

  it('takes --encoding over detection, for every file or the ones it names', async () => {
    const { legacy } = folders({ '000': 'windows-1250' });
    const named = await loadInputs([legacy], { encodings: { '000': 'windows-1250' } });
    expect(named.documents[0]!.encoding).toMatchObject({ name: 'windows-1250', source: 'override' });
    // Read as ISO-8859-2 the same bytes give other letters (š is 0x9A in windows-1250, a control character in ISO-8859-2).
    const wrong = await loadInputs([legacy], { encodings: { '000': 'iso-8859-2' } });
    expect(wrong.documents[0]!.text).not.toBe(named.documents[0]!.text);
    await expect(loadInputs([legacy], { encodings: { '009': 'windows-1250' } })).rejects.toThrow(/--encoding names "009", which matches no input/);
  });

  it('refuses a file that mixes UTF-8 with a legacy encoding', () => {
    const text = readFileSync(join(SEEDS, names[0]!), 'utf8');
    const half = text.length >> 1;
    const mixed = new Uint8Array([...new TextEncoder().encode(text.slice(0, half)), ...encodeLegacy(text.slice(half), 'windows-1250')]);
    const error = caughtError(() => decodeFile(mixed, 'mixed.txt'));
    expect(error.code).toBe('input.encoding');
    expect(error.message).toMatch(/^mixed\.txt: the file mixes encodings: \d+ characters are valid UTF-8 and \d+ bytes are not/);
  });

  it('refuses an unsure detection, naming the file and the candidates', () => {
    // A few bytes with one non-ASCII letter: several encodings fit, and they disagree on it.
    const error = caughtError(() => decodeFile(Uint8Array.from([0x50, 0x65, 0xe8, 0x61, 0x74, 0x20, 0x6a, 0x65]), 'archive/short.txt'));
    expect(error.code).toBe('input.encoding');
    expect(error.message).toMatch(/^archive\/short\.txt: the file is not UTF-8 \(invalid byte sequence at byte offset 2\) and its encoding is unsure: it could be \S+ \(\d+%\), \S+ \(\d+%\)/);
    expect(error.message).toMatch(/--encoding short\.txt=<name>/);
  });
});
