import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDocuments } from '../../src/ingest/index.ts';
import { MAX_TEXT_CHARS } from '../../src/ingest/load.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'ingest');
const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
const tmp = mkdtempSync(join(tmpdir(), 'polyalign-ingest-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('loadDocuments', () => {
  it('walks a folder recursively, skipping dot-files and dot-folders, ids relative to it', async () => {
    const docs = await loadDocuments([join(FIXTURES, 'folder')]);
    expect(docs.map((doc) => doc.id)).toEqual(['a.txt', 'sub/b.txt']);
    expect(docs[0]!.text).toBe('Prvi članak. Druga rečenica.\n');
  });

  it('names file inputs relative to their common parent', async () => {
    const docs = await loadDocuments([join(FIXTURES, 'folder', 'sub', 'b.txt'), join(FIXTURES, 'folder', 'a.txt')]);
    expect(docs.map((doc) => doc.id)).toEqual(['sub/b.txt', 'a.txt']);
    const single = await loadDocuments([join(FIXTURES, 'bom-crlf.txt')]);
    expect(single[0]!.id).toBe('bom-crlf.txt');
  });

  it('reads the seeds with hashes, sizes and body ranges', async () => {
    const docs = await loadDocuments([SEEDS]);
    expect(docs.map((doc) => doc.id.slice(0, 3))).toEqual(['000', '001', '002', '003', '004']);
    expect(docs[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(docs[0]!.bytes).toBeGreaterThan(docs[0]!.text.length); // č, š, ž take two bytes
    expect(docs[0]!.meta.date).toBe('2025-09-03');
  });

  it('removes a BOM and keeps CRLF, so offsets point into the decoded text', async () => {
    const [doc] = await loadDocuments([join(FIXTURES, 'bom-crlf.txt')]);
    expect(doc!.text).toBe('Naslov\r\nPrva rečenica. Druga.\r\n');
    expect(doc!.bytes).toBe(35);
    expect(doc!.body.map((r) => doc!.text.slice(r.start, r.end))).toEqual(['Naslov\r\nPrva rečenica. Druga.']);
  });

  it('fails on a missing path, naming it', async () => {
    const missing = join(tmp, 'nope.txt');
    await expect(loadDocuments([missing])).rejects.toMatchObject({ code: 'input.missing', path: missing, exitCode: 2 });
  });

  it('fails on an empty file found inside a folder', async () => {
    const folder = join(tmp, 'with-empty');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.txt'), 'Tekst.');
    writeFileSync(join(folder, 'b.txt'), '  \n');
    await expect(loadDocuments([folder])).rejects.toMatchObject({ code: 'input.empty', path: join(folder, 'b.txt') });
  });

  it('refuses an article text longer than polyalign aligns in reasonable time, saying why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polyalign-long-'));
    const big = join(dir, 'book.txt');
    writeFileSync(big, 'Kim je stigao u Peking. '.repeat(Math.ceil(MAX_TEXT_CHARS / 24) + 10));
    await expect(loadDocuments([big])).rejects.toMatchObject({
      code: 'input.too-large',
      path: big,
      message: expect.stringMatching(/the article text has [\d,]+ characters \(about [\d,]+ sentences\), more than the 1,048,576 \(about 15,000 sentences\) that polyalign aligns in reasonable time; .*split the file into its articles$/),
    });
  });

  it('fails on a file over maxBytes', async () => {
    const big = join(tmp, 'big.txt');
    writeFileSync(big, 'Rečenica. '.repeat(20));
    await expect(loadDocuments([big], { maxBytes: 100 })).rejects.toMatchObject({ code: 'input.too-large', path: big });
    await expect(loadDocuments([big], { maxBytes: 0 })).rejects.toMatchObject({ code: 'usage.invalid-option' });
  });

  it('fails on binary and non-UTF-8 files', async () => {
    const binary = join(tmp, 'image.png');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    await expect(loadDocuments([binary])).rejects.toMatchObject({ code: 'input.binary' });
    const latin1 = join(tmp, 'latin1.txt');
    writeFileSync(latin1, Buffer.from('Pe\xe8at', 'latin1'));
    await expect(loadDocuments([latin1])).rejects.toThrow(/not UTF-8 \(invalid byte sequence at byte offset 2\) and its encoding is unsure: it could be .*windows-1252.*--encoding latin1\.txt=/);
  });

  it('refuses Word, OpenDocument and PDF files, saying what to do instead', async () => {
    for (const name of ['story.doc', 'story.odt', 'story.pdf']) {
      const file = join(tmp, name);
      writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]));
      await expect(loadDocuments([file])).rejects.toMatchObject({ code: 'input.format', message: expect.stringMatching(/which polyalign does not read; save the article as plain text \(\.txt\), a web page \(\.html\) or a Word document \(\.docx\)/) });
    }
  });

  it('fails when two inputs give the same id', async () => {
    for (const name of ['x', 'y']) {
      mkdirSync(join(tmp, name));
      writeFileSync(join(tmp, name, 'same.txt'), 'Tekst.');
    }
    await expect(loadDocuments([join(tmp, 'x'), join(tmp, 'y')])).rejects.toMatchObject({ code: 'input.duplicate-id', message: expect.stringMatching(/same document id 'same\.txt'/) });
  });
});

describe('links inside an input folder', () => {
  it('follows a link to a file inside the folder, and names the links it does not follow: outside, dangling, to a folder', async () => {
    const { mkdtempSync, mkdirSync, realpathSync, symlinkSync, writeFileSync: write } = await import('node:fs');
    const { tmpdir: tmp } = await import('node:os');
    const { join: j } = await import('node:path');
    const { loadInputs: load } = await import('../../src/ingest/index.ts');
    const base = realpathSync(mkdtempSync(j(tmp(), 'polyalign-links-')));
    const ev = j(base, 'ev');
    mkdirSync(j(base, 'elsewhere'));
    mkdirSync(j(ev, 'sub'), { recursive: true });
    write(j(base, 'elsewhere', 'passwd.txt'), 'Ovo je tajna datoteka koja nije članak. Ne smije se čitati.\n');
    write(j(ev, 'a.txt'), 'Putin je stigao u Peking. Kim ga je dočekao.\n');
    symlinkSync('a.txt', j(ev, 'inside.txt'));
    symlinkSync(j(base, 'elsewhere', 'passwd.txt'), j(ev, 'outside.txt'));
    symlinkSync(j(base, 'nope.txt'), j(ev, 'dangling.txt'));
    symlinkSync(j(ev, 'sub'), j(ev, 'folder-link'));
    const { documents, skipped } = await load([ev]);
    expect(documents.map((d) => d.id)).toEqual(['a.txt', 'inside.txt']);
    expect(skipped.map((s) => [s.path.slice(ev.length + 1), s.message])).toEqual([
      ['dangling.txt', 'a link whose target is missing; not read'],
      ['folder-link', 'a link to a folder; not read (links to folders are not followed)'],
      ['outside.txt', `a link to ${j(base, 'elsewhere', 'passwd.txt')}, outside the input folder; not read (links are followed only inside it)`],
    ]);
  });
});
