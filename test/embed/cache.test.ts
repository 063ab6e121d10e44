import { mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheFileName, withCache } from '../../src/embed/cache.ts';
import type { Embedder } from '../../src/embed/embedder.ts';
import { createLexicalEmbedder } from '../../src/embed/lexical.ts';

/** The lexical embedder, counting the texts it is asked for. */
function counting(id?: string): Embedder & { asked: string[] } {
  // No describe(): the cache adds its own counters to whatever the inner embedder reports.
  const inner = createLexicalEmbedder({ dim: 64, corpus: ['Putin i Kim', 'Путин и Ким'] });
  const asked: string[] = [];
  return {
    id: id ?? inner.id,
    kind: inner.kind,
    dim: inner.dim,
    asked,
    async embed(texts) {
      asked.push(...texts);
      return inner.embed(texts);
    },
  };
}

const TEXTS = ['Putin je rekao da su veze jake.', 'Ким Џонг Ун', 'Ruslands præsident Vladimir Putin'];
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'polyalign-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('withCache', () => {
  it('embeds each distinct text once, then serves hits from memory and from disk', async () => {
    const inner = counting();
    const cached = withCache(inner, dir);
    expect([cached.id, cached.kind, cached.dim]).toEqual([inner.id, inner.kind, inner.dim]);
    const first = await cached.embed([...TEXTS, TEXTS[0]!]);
    expect(inner.asked).toEqual(TEXTS);
    expect(cached.describe?.()).toEqual({ cache: { hits: 1, misses: 3 } });
    const direct = await inner.embed(TEXTS);
    expect(Array.from(first[3]!)).toEqual(Array.from(direct[0]!));

    const again = counting();
    const reopened = withCache(again, dir);
    const second = await reopened.embed(['new sentence', ...TEXTS]);
    expect(again.asked).toEqual(['new sentence']);
    expect(reopened.describe?.()).toEqual({ cache: { hits: 3, misses: 1 } });
    TEXTS.forEach((_, i) => expect(Array.from(second[i + 1]!)).toEqual(Array.from(first[i]!)));
  });

  it('keeps one file per embedder id', async () => {
    await withCache(counting('a/b'), dir).embed(TEXTS);
    await withCache(counting('a_b'), dir).embed(TEXTS);
    expect((await readdir(dir)).sort()).toEqual([cacheFileName('a/b'), cacheFileName('a_b')].sort());
  });

  it('survives a corrupt file and rebuilds it', async () => {
    const file = join(dir, cacheFileName(counting().id));
    await writeFile(file, 'this is not a cache');
    const warnings: string[] = [];
    const inner = counting();
    const vectors = await withCache(inner, dir, { onWarning: (m) => warnings.push(m) }).embed(TEXTS);
    expect(vectors).toHaveLength(3);
    expect(inner.asked).toEqual(TEXTS);
    expect(warnings.join()).toContain('header');

    const after = counting();
    await withCache(after, dir).embed(TEXTS);
    expect(after.asked).toEqual([]);
  });

  it('keeps the whole records of a file cut in the middle of one', async () => {
    const file = join(dir, cacheFileName(counting().id));
    await withCache(counting(), dir).embed(TEXTS);
    await truncate(file, (await stat(file)).size - 10);
    const inner = counting();
    const cached = withCache(inner, dir);
    await cached.embed(TEXTS);
    expect(inner.asked).toEqual([TEXTS[2]]);
    const bytes = await readFile(file);
    const again = counting();
    await withCache(again, dir).embed(TEXTS);
    expect(again.asked).toEqual([]);
    expect(bytes.length).toBe((await stat(file)).size);
  });

  it('goes on without the cache when the folder cannot be written', async () => {
    const blocker = join(dir, 'file');
    await writeFile(blocker, 'x');
    const warnings: string[] = [];
    const inner = counting();
    const cached = withCache(inner, join(blocker, 'cache'), { onWarning: (m) => warnings.push(m) });
    expect(await cached.embed(TEXTS)).toHaveLength(3);
    expect(await cached.embed(TEXTS)).toHaveLength(3);
    expect(inner.asked).toEqual(TEXTS);
    expect(warnings).toHaveLength(1);
  });
});
