import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEventId, eventsFromFile, eventsFromFolder, parseShard, shardOf } from '../../src/batch/events.ts';
import { tmpDir } from '../helpers/tmp.ts';

describe('shards', () => {
  it('are disjoint, cover every event, differ in size by at most one, and do not depend on the machine', () => {
    const events = Array.from({ length: 23 }, (_, i) => `ev${i}`);
    for (const count of [1, 2, 3, 7, 23, 30]) {
      const shards = Array.from({ length: count }, (_, k) => shardOf(events, { index: k + 1, count }));
      expect(shards.flat().sort()).toEqual([...events].sort());
      expect(new Set(shards.flat()).size).toBe(events.length);
      const sizes = shards.map((s) => s.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
    expect(shardOf(events, parseShard('2/4'))).toEqual(['ev1', 'ev5', 'ev9', 'ev13', 'ev17', 'ev21']);
  });

  it('are named K/N with 1 ≤ K ≤ N', () => {
    expect(parseShard(' 3/16 ')).toEqual({ index: 3, count: 16 });
    for (const bad of ['0/2', '3/2', '1/0', '1', 'a/b', '1/2/3', '-1/2']) expect(() => parseShard(bad), bad).toThrow(/--shard: expected K\/N/);
  });
});

describe('events', () => {
  it('are the sub-folders of the root, sorted; files at the top are set aside', async () => {
    const root = tmpDir('events');
    for (const id of ['b', 'a', '.hidden']) mkdirSync(join(root, id));
    writeFileSync(join(root, 'notes.txt'), 'x');
    const { events, ignored } = await eventsFromFolder(root);
    expect(events).toEqual([
      { id: 'a', inputs: [join(root, 'a')] },
      { id: 'b', inputs: [join(root, 'b')] },
    ]);
    expect(ignored).toEqual(['notes.txt']);
  });

  it('read from JSON lines name the line of each mistake', async () => {
    const dir = tmpDir('events');
    const file = join(dir, 'events.jsonl');
    writeFileSync(file, '{"id": "x", "files": ["a.txt", "sub/"]}\n\n{"id": "w", "files": ["/abs/b.txt"]}\n');
    expect(await eventsFromFile(file)).toEqual([
      { id: 'w', inputs: ['/abs/b.txt'] },
      { id: 'x', inputs: [join(dir, 'a.txt'), join(dir, 'sub')] },
    ]);
    const cases: Array<[string, RegExp]> = [
      ['{"id": "x", "files": ["a"]}\n{"id": "x", "files": ["b"]}', /:2: event id "x" is also on line 1/],
      ['{"id": "x", "files": []}', /:1: expected "files" to be a non-empty list/],
      ['{"id": "x"', /:1: expected a JSON object/],
      ['["x"]', /:1: expected a JSON object/],
      ['{"id": "../up", "files": ["a"]}', /:1: expected an event id that can name a folder/],
      ['', /lists no events/],
    ];
    for (const [text, message] of cases) {
      writeFileSync(file, text);
      await expect(eventsFromFile(file), text).rejects.toThrow(message);
    }
  });

  it('ids must name a folder', () => {
    for (const ok of ['2025-09-03_putin-kim', 'Путин и Ким', 'a.b']) expect(checkEventId(ok, 'x')).toBe(ok);
    for (const bad of ['', '.', '..', '.x', 'a/b', 'a\\b', ' a', 'a\n', 'x'.repeat(201), 7]) expect(() => checkEventId(bad, 'x')).toThrow(/event id/);
  });
});
