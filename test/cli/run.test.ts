// End to end: the CLI in a subprocess on the seed articles, read back as a spreadsheet and a CAT tool would.

import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../helpers/run-cli.ts';
import { tmpDir, tmpPath } from '../helpers/tmp.ts';
import { spawnSync } from 'node:child_process';

const SEEDS = join(ROOT, 'seeds');
const EXPECTED = [
  'alignments.csv',
  'alignments.jsonl',
  'corpus.tmx',
  'glossary.csv',
  'glossary.tbx',
  'parallel.csv',
  'quotes.csv',
  'quotes.jsonl',
  'review.html',
  'run.json',
  'sentences.csv',
];

function readCsv(file: string): { header: string[]; rows: string[][] } {
  const raw = readFileSync(file, 'utf8');
  expect(raw.charCodeAt(0), `${file} starts with a BOM`).toBe(0xfeff);
  const records: string[][] = parse(raw, { bom: true, relax_column_count: false });
  const [header, ...rows] = records;
  return { header: header!, rows };
}

describe('polyalign run on the seeds', () => {
  let out: string;
  let result: ReturnType<typeof runCli>;

  beforeAll(() => {
    out = tmpPath('e2e');
    result = runCli(['run', SEEDS, '-o', out, '--embedder', 'lexical']);
  });

  it('exits 0 and writes every output', () => {
    expect(result.stderr).not.toMatch(/unexpected failure/);
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(EXPECTED);
    expect(result.stdout).toMatch(/wrote/);
  });

  it('segments the Macedonian article into 14 to 18 sentences and never cuts a word', () => {
    const { header, rows } = readCsv(join(out, 'sentences.csv'));
    expect(header).toEqual(['doc', 'lang', 'sent', 'start', 'end', 'text']);
    const mk = rows.filter((r) => r[0] === '003_7a63ac34bb4a1cba.txt');
    expect(mk.length).toBeGreaterThanOrEqual(14);
    expect(mk.length).toBeLessThanOrEqual(18);
    expect(mk[0]![1]).toBe('mk');
    for (const [doc, , , start, end, text] of rows) {
      const original = readFileSync(join(SEEDS, doc!), 'utf8').replace(/^\uFEFF/, '');
      const s = Number(start);
      const e = Number(end);
      // a spreadsheet-safe cell may carry a leading ' before text that looks like a formula
      const cell = text!.startsWith("'") && original[s] !== "'" ? text!.slice(1) : text!;
      expect(original.slice(s, e)).toBe(cell);
      // inside a word: a letter or digit on both sides of the boundary (`КЦНА.Ким` is glued, not inside a word)
      const word = (ch: string | undefined) => /[\p{L}\p{N}]/u.test(ch ?? ' ');
      expect(word(original[s - 1]) && word(original[s]), `${doc} sentence at ${s} starts inside a word: ${text}`).toBe(false);
      expect(word(original[e - 1]) && word(original[e]), `${doc} sentence ending at ${e} ends inside a word: ${text}`).toBe(false);
      expect(text!.length, `${doc}: one sentence holds too much text: ${text}`).toBeLessThan(600);
    }
    const langs = Object.fromEntries(rows.map((r) => [r[0], r[1]]));
    expect(langs).toEqual({
      '000_f5fabf009eca07d9.txt': 'bs',
      '001_1132590431262ebf.txt': 'sl',
      '002_9f92c08b6634bacd.txt': 'ro',
      '003_7a63ac34bb4a1cba.txt': 'mk',
      '004_fc47a5a952acfcd1.txt': 'da',
    });
  });

  it('puts the same Putin quote in Bosnian, Romanian and Danish into one row of parallel.csv', () => {
    const { header, rows } = readCsv(join(out, 'parallel.csv'));
    expect(header.slice(0, 3)).toEqual(['group_id', 'docs', 'score']);
    expect(header.slice(3)).toEqual([
      'bs', 'sl', 'ro', 'mk', 'da',
      'bs linked', 'sl linked', 'ro linked', 'mk linked', 'da linked',
      'bs confidence', 'sl confidence', 'ro confidence', 'mk confidence', 'da confidence',
      'bs kind', 'sl kind', 'ro kind', 'mk kind', 'da kind',
    ]);
    const row = rows.find((r) => r[3]!.includes('Na vašu inicijativu, kao što je dobro poznato'));
    expect(row, 'a group holds the Bosnian quote').toBeDefined();
    expect(row![5]).toContain('La inițiativa dumneavoastră, după cum se știe');
    expect(row![7]).toContain('På Deres initiativ deltog');
  });

  it('lists Kim Jong-un in Latin and Cyrillic spellings in one glossary row', () => {
    const { header, rows } = readCsv(join(out, 'glossary.csv'));
    expect(header.slice(0, 4)).toEqual(['entry_id', 'type', 'status', 'canonical']);
    expect(header.slice(-3)).toEqual(['mentions', 'docs', 'example']);
    const row = rows.find((r) => r.some((c) => c.includes('Kim Jong-un')));
    expect(row).toBeDefined();
    const cells = row!.join(' | ');
    expect(cells).toContain('Kim Jong Un');
    expect(cells).toContain('Ким Џонг Ун');
  });

  it('writes CSVs that re-read to their header width', () => {
    for (const name of EXPECTED.filter((n) => n.endsWith('.csv'))) {
      const { header, rows } = readCsv(join(out, name));
      expect(rows.length, `${name} has rows`).toBeGreaterThan(0);
      for (const r of rows) expect(r.length).toBe(header.length);
    }
    const { header } = readCsv(join(out, 'alignments.csv'));
    expect(header).toEqual([
      'group_id', 'score', 'margin', 'confidence', 'kind', 'method', 'status', 'src_doc', 'src_lang', 'src_sent', 'src_text', 'tgt_doc', 'tgt_lang', 'tgt_sent', 'tgt_text',
    ]);
  });

  it('writes TMX and TBX that parse as XML', () => {
    for (const name of ['corpus.tmx', 'glossary.tbx']) {
      const xml = readFileSync(join(out, name), 'utf8');
      expect(XMLValidator.validate(xml), name).toBe(true);
    }
    const tmx = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(join(out, 'corpus.tmx'), 'utf8'));
    expect(tmx.tmx['@_version']).toBe('1.4');
    // one unit per part of a group that equivalent links hold together, each of them equivalent
    const tus = [tmx.tmx.body.tu].flat();
    const { rows } = readCsv(join(out, 'parallel.csv'));
    expect(tus.length).toBeGreaterThan(0);
    expect(tus.length).toBeLessThanOrEqual(rows.length + 2);
    for (const tu of tus) expect([tu.prop].flat().find((p: { '@_type': string }) => p['@_type'] === 'x-kind')['#text']).toBe('equivalent');
  });

  it('never calls a link between a headline and a sentence equivalent', () => {
    // with the default embedder, which links the seeds' headlines
    const own = tmpPath('e2e');
    const r = runCli(['run', SEEDS, '-o', own, '--format', 'csv']);
    expect(r.code).toBe(0);
    // the Danish headline (004:1) and the Romanian sub-heading (002:10) end without punctuation
    const headlines = new Set(['004_fc47a5a952acfcd1.txt:1', '002_9f92c08b6634bacd.txt:10']);
    const touches = (doc: string, sent: string) => sent.split('-').some((k) => headlines.has(`${doc}:${k}`));
    const { header, rows } = readCsv(join(own, 'alignments.csv'));
    const col = (name: string) => header.indexOf(name);
    const mixed = rows.filter((r) => touches(r[col('src_doc')]!, r[col('src_sent')]!) !== touches(r[col('tgt_doc')]!, r[col('tgt_sent')]!));
    expect(mixed.length).toBeGreaterThan(0);
    for (const r of mixed) expect(r[col('kind')], `${r[col('src_text')]} ↔ ${r[col('tgt_text')]}`).toBe('related');
    // and the console names the links per language pair by kind
    expect(r.stdout).toMatch(/^links by kind: \d+ equivalent, \d+ related; per language pair \(equivalent\+related\): bs–da \d+\+\d+/m);
  });

  it('records inputs, languages and counts in run.json', () => {
    const manifest = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(manifest.inputs).toHaveLength(5);
    for (const input of manifest.inputs) expect(input.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.embedder.kind).toBe('lexical');
    expect(manifest.counts.groups).toBeGreaterThan(5);
    // five short articles are far too little work to start a worker for
    expect(manifest.threads).toEqual({ align: 1 });
    const removedKinds = new Set(manifest.inputs.flatMap((i: { removed: { kind: string }[] }) => i.removed.map((r) => r.kind)));
    expect(removedKinds.has('metadata')).toBe(true);
    expect(removedKinds.has('share-counter')).toBe(true);
  });

  it('writes the same files again on a second run (deterministic but for run.json timings)', () => {
    const again = tmpPath('e2e');
    expect(runCli(['run', SEEDS, '-o', again, '--embedder', 'lexical', '-q']).code).toBe(0);
    for (const name of EXPECTED.filter((n) => n !== 'run.json')) {
      expect(readFileSync(join(again, name), 'utf8'), name).toBe(readFileSync(join(out, name), 'utf8'));
    }
  });
});

describe('polyalign run on bad input', () => {
  const dir = tmpDir('bad');

  it('names a missing input and exits 2', () => {
    const r = runCli(['run', join(dir, 'nope.txt'), join(SEEDS, '000_f5fabf009eca07d9.txt'), '-o', join(dir, 'o1')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.txt');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('run with no inputs where there is no seeds/ folder says it looked for seeds/ and how to give articles', () => {
    const elsewhere = tmpDir('elsewhere');
    const r = runCli(['run'], { cwd: elsewhere });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(elsewhere, 'seeds')}: no articles given, and no seeds/ folder here to run on by default`);
    expect(r.stderr).toContain('polyalign run articles/ -o out/');
  });

  it('-o naming a file says so and exits 2, leaving the file as it was', () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'keep me\n');
    const r = runCli(['run', SEEDS, '-o', file, '--embedder', 'lexical']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`polyalign: ${file}: -o names a file, not a folder; give a folder for the outputs (it is made if it is not there)`);
    expect(readFileSync(file, 'utf8')).toBe('keep me\n');
  });

  it('an article with nothing left after cleaning is refused as such, not as an unknown language', () => {
    const bare = join(dir, 'bare.txt');
    writeFileSync(bare, 'date 2025-09-03\n\n© www.kremlin.ru\n');
    const r = runCli(['run', bare, join(SEEDS, '000_f5fabf009eca07d9.txt'), '-o', join(dir, 'o-bare'), '--embedder', 'lexical']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bare}: no article text left; cleaning set aside 2 non-article lines (metadata, credit)`);
  });

  it('help piped into a reader that stops early ends quietly, without an EPIPE trace', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" run --help | head -1`], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/^Usage: polyalign run/);
    expect(r.stderr).not.toContain('EPIPE');
  });

  it('names an empty input and exits 2', () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '  \n');
    const r = runCli(['run', empty, join(SEEDS, '000_f5fabf009eca07d9.txt'), '-o', join(dir, 'o2')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('empty.txt');
  });

  const BAD: Array<[string, string | Buffer, RegExp]> = [
    ['binary.bin', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3, 0, 0, 0x41, 0x42]), /binary/],
    ['latin2.txt', Buffer.from('Ovo je tekst \xe8\xe6 u kodu Latin-2. Druga rečenica.\n', 'latin1'), /UTF-8.*byte offset 13/],
    ['one.txt', 'Samo jedna rečenica stoji ovdje bez ičega drugog.\n', /1 sentence/],
    ['unknown.txt', 'Xq zvbn wprt klmn. Zzgt vvrk plmq.\n', /language.*--lang/],
  ];
  for (const [name, content, message] of BAD) {
    it(`names ${name} and says what is wrong with it`, () => {
      const file = join(dir, name);
      writeFileSync(file, content);
      const r = runCli(['run', file, join(SEEDS, '000_f5fabf009eca07d9.txt'), '-q', '-o', join(dir, `o-${name}`)]);
      expect(r.code).toBe(2);
      const [line, ...rest] = r.stderr.trim().split('\n');
      expect(rest).toEqual([]);
      expect(line).toContain(name);
      expect(line).toMatch(message);
      expect(existsSync(join(dir, `o-${name}`))).toBe(false);
    });
  }

  it('refuses a single document', () => {
    const r = runCli(['run', join(SEEDS, '000_f5fabf009eca07d9.txt'), '-o', join(dir, 'o3')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/two documents/);
  });

  it('names an unwritable output folder and exits 2', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const r = runCli(['run', SEEDS, '-o', join(file, 'out'), '--embedder', 'lexical']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a-file');
    expect(r.stderr.trim().split('\n').filter((l) => l.startsWith('polyalign:'))).toHaveLength(1);
  });

  it('leaves the previous outputs intact when a run fails', () => {
    const out = join(dir, 'keep');
    expect(runCli(['run', SEEDS, '-o', out, '--embedder', 'lexical', '-q']).code).toBe(0);
    const before = readFileSync(join(out, 'parallel.csv'), 'utf8');
    const r = runCli(['run', join(SEEDS, '000_f5fabf009eca07d9.txt'), '-o', out, '-q']);
    expect(r.code).toBe(2);
    expect(readFileSync(join(out, 'parallel.csv'), 'utf8')).toBe(before);
    expect(readdirSync(out).filter((n) => n.startsWith('.polyalign-tmp'))).toEqual([]);
  });

  it('rejects an unknown option with exit code 2', () => {
    const r = runCli(['run', '--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option/);
  });
});

describe('polyalign other commands', () => {
  it('prints help with examples', () => {
    const r = runCli(['run', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--min-score');
    expect(r.stdout).toContain('Examples:');
  });

  it('segments one file with offsets', () => {
    const r = runCli(['segment', join(SEEDS, '003_7a63ac34bb4a1cba.txt')]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => /^\d+\t/.test(l));
    expect(lines.length).toBeGreaterThanOrEqual(14);
    expect(lines[0]).toMatch(/^0\t\d+-\d+\tСевернокорејскиот лидер Ким Џонг Ун/);
  });

  it('scores a run against itself as perfect', () => {
    const out = tmpPath('eval');
    expect(runCli(['run', SEEDS, '-o', out, '--embedder', 'lexical', '-q', '--format', 'csv']).code).toBe(0);
    const r = runCli(['eval', '--gold', join(out, 'alignments.csv'), '--pred', join(out, 'alignments.csv'), '--json']);
    expect(r.code).toBe(0);
    const scores = JSON.parse(r.stdout);
    expect(scores.all.strict.f1).toBe(1);
    expect(existsSync(join(out, 'corpus.tmx'))).toBe(false);
  });
});

describe('run --help', () => {
  it('prints the default thresholds of --min-score, per method and embedder', () => {
    const r = runCli(['run', '--help']);
    expect(r.code).toBe(0);
    const text = r.stdout.replace(/\s+/g, ' ');
    expect(text).toContain('default: per method and embedder: polyalign ordered 1, mining 1.25; lexical and neural ordered 1, mining 1.35');
  });
});
