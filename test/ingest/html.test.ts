// An article saved from the web: a seed wrapped in a realistic news page (navigation, share
// buttons, a related-articles box, a cookie banner, scripts and styles) gives the sentences of
// the text file and none of the boilerplate.

import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../src/ingest/index.ts';
import { prepareDocuments } from '../../src/pipeline.ts';
import { ROOT } from '../helpers/run-cli.ts';

const SEEDS = join(ROOT, 'seeds');
const DA = readdirSync(SEEDS).find((n) => n.startsWith('004'))!;
const BS = readdirSync(SEEDS).find((n) => n.startsWith('000'))!;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function newsPage(text: string): string {
  // The text file's first line (`date 2025-09-03 KRIG`) is its export's metadata; a page carries the
  // date in a <time> and the section as a kicker.
  const lines = text.split('\n').filter((l) => l.trim()).slice(1);
  const headline = lines.find((l) => l.startsWith('Putin:'))!;
  const body = lines.map((l) => (l === headline ? `<h1 class="article-title">${escape(l)}</h1>` : `<p>${escape(l)}</p>`)).join('\n        ');
  return `<!DOCTYPE html>
<html lang="da">
<head>
  <meta charset="utf-8">
  <title>${escape(headline)} | Nyhederne</title>
  <style>body { font-family: serif } .share a { margin: 0 4px }</style>
  <script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}</script>
  <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Putin"}</script>
</head>
<body>
  <header class="site-header">
    <a class="logo" href="/">Nyhederne</a>
    <nav class="main-menu"><ul><li><a href="/indland">Indland</a></li><li><a href="/udland">Udland</a></li><li><a href="/sport">Sport</a></li><li><a href="/kultur">Kultur</a></li></ul></nav>
  </header>
  <main>
    <article>
      <div class="kicker"><a href="/krig">KRIG</a> <time datetime="2025-09-03T10:12">3. sep. 2025 kl. 10.12</time></div>
      <div class="share social"><a href="#">Del på Facebook</a> <a href="#">Del på X</a> <a href="#">Send som e-mail</a></div>
      <div class="article-body">
        ${body}
      </div>
      <div class="share social"><a href="#">Del artiklen</a> <span>1.204 delinger</span></div>
    </article>
    <aside class="related">
      <h2>Læs også</h2>
      <ul><li><a href="/a">Kina viser nye våben frem ved stor militærparade i Beijing</a></li><li><a href="/b">Trump: De konspirerer mod USA</a></li></ul>
    </aside>
  </main>
  <div id="cookie-banner" class="cookie-banner gdpr" role="dialog"><p>Vi bruger cookies til at forbedre din oplevelse. Ved at klikke på Accepter giver du samtykke.</p><button>Accepter alle</button><button>Afvis</button></div>
  <footer class="site-footer"><p>© 2025 Nyhederne. Alle rettigheder forbeholdes.</p><a href="/om">Om os</a></footer>
  <script>document.querySelector('.cookie-banner button').addEventListener('click', () => {});</script>
</body>
</html>
`;
}

describe('web pages', () => {
  it('reads the article of a news page as the text file reads, without its boilerplate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polyalign-html-'));
    const text = readFileSync(join(SEEDS, DA), 'utf8');
    writeFileSync(join(dir, '004.html'), newsPage(text));
    writeFileSync(join(dir, '004.txt'), text);
    writeFileSync(join(dir, '000.txt'), readFileSync(join(SEEDS, BS)));
    const { documents } = await loadInputs([dir]);
    const page = documents.find((d) => d.id === '004.html')!;
    expect(page.extraction).toMatchObject({ extractor: 'readability', dropped: { script: 3, style: 1, nav: 1, header: 1, footer: 1, aside: 1, button: 2 } });
    expect(page.extraction!.keptChars).toBeLessThan(page.extraction!.pageChars);
    const [, fromPage, fromText] = prepareDocuments(documents);
    const sentences = (d: typeof fromPage) => d!.sentences.map((s) => s.text);
    expect([...sentences(fromPage)].sort()).toEqual([...sentences(fromText)].sort());
    for (const boilerplate of ['cookies', 'Del på Facebook', 'Læs også', 'Indland', 'rettigheder', 'delinger', 'dataLayer']) {
      expect(page.text).not.toContain(boilerplate);
    }
  });
});

/** The Danish seed's body lines as a page's paragraphs, inside `wrap` (which places `{body}`). */
function pageAround(wrap: string): { html: string; lines: string[] } {
  const lines = readFileSync(join(SEEDS, DA), 'utf8').split('\n').filter((l) => l.trim()).slice(1);
  const body = lines.map((l, i) => (i === 0 ? `<h1>${escape(l)}</h1>` : `<p>${escape(l)}</p>`)).join('\n');
  return { html: `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>${escape(lines[0]!)} - Nyhederne</title></head><body>${wrap.replace('{body}', body)}</body></html>`, lines };
}

describe('web pages shaped like news sites', () => {
  const BANNER = '<div class="notice"><p>Vi bruger cookies. Acceptér alle cookies for at fortsætte, eller læs mere om, hvordan vi bruger dine data.</p></div>';
  const SHARE = '<p>Del artiklen: Facebook · X · LinkedIn</p><p>12 delinger</p>';
  const RELATED = '<div class="related-articles"><h3>Læs også</h3><ul><li><a href="/a">Kim besøger Moskva igen efter fire år</a></li><li><a href="/b">Nordkorea sender flere tropper til Kursk</a></li></ul></div>';
  const shapes: Record<string, string> = {
    'a banner beside the article in one wrapper, no <article>': `<nav><a href="/">Forside</a> <a href="/udland">Udland</a></nav><div class="wrapper">${BANNER}<div class="content">{body}${SHARE}</div></div><footer><p>© 2025 Nyhederne. Alle rettigheder forbeholdes.</p></footer>`,
    'a banner outside the one <article>': `<header><nav><a href="/">Forside</a></nav></header>${BANNER}<main><article>{body}<div class="share-bar">${SHARE}</div></article>${RELATED}</main><footer><p>Kontakt redaktionen</p></footer>`,
    'a consent dialog and a <main> without <article>': `<div role="dialog" aria-label="Samtykke"><p>Vi og vores partnere bruger cookies. Tryk på Acceptér for at tillade dem.</p><button>Acceptér</button></div><main>{body}<p>12 delinger</p></main>${RELATED}`,
  };
  for (const [shape, wrap] of Object.entries(shapes)) {
    it(`keeps the article and only it: ${shape}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'polyalign-page-'));
      const { html, lines } = pageAround(wrap);
      writeFileSync(join(dir, 'page.html'), html);
      // the same lines as a text file: what cleaning keeps of them is the article
      writeFileSync(join(dir, 'page.txt'), `${lines.map((l) => l.trim().replace(/\s+/g, ' ')).join('\n')}\n`);
      const { documents } = await loadInputs([dir]);
      const body = (id: string) => {
        const doc = documents.find((d) => d.id === id)!;
        return doc.body.map((r) => doc.text.slice(r.start, r.end)).join('\n').split('\n');
      };
      expect(body('page.html')).toEqual(body('page.txt'));
    });
  }
});

describe('Word documents', () => {
  it('reads a .docx article one paragraph a line, as its text file reads', async () => {
    const { default: JSZip } = await import('jszip');
    const dir = mkdtempSync(join(tmpdir(), 'polyalign-docx-'));
    const text = readFileSync(join(SEEDS, BS), 'utf8');
    const paragraphs = text.split('\n').filter((l) => l.trim());
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
    zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
    const runs = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${escape(p).replace(/>/g, '&gt;')}</w:t></w:r></w:p>`).join('');
    zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${runs}</w:body></w:document>`);
    writeFileSync(join(dir, '000.docx'), await zip.generateAsync({ type: 'nodebuffer' }));
    writeFileSync(join(dir, '000.txt'), text);
    const { documents } = await loadInputs([dir]);
    const [word, plain] = [documents.find((d) => d.id === '000.docx')!, documents.find((d) => d.id === '000.txt')!];
    expect(word.format).toBe('docx');
    expect(word.text).toBe(`${paragraphs.map((p) => p.trim()).join("\n")}\n`);
    const [a, b] = prepareDocuments([word, plain]);
    expect(a!.sentences.map((s) => s.text)).toEqual(b!.sentences.map((s) => s.text));
  });
});
