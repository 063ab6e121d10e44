// polyalign's own output folders are never read as articles: a run's folder holds run.json, a batch's
// batch.json (or a shard's batch-shard-K-of-N.json), an event's batch-event.json. An output folder
// inside the input folder (`polyalign run news -o news/out`) would otherwise be read back by the next
// run, its corpus.tmx taken for an article. Reads the manifests, nothing else.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const MANIFESTS = ['run.json', 'batch.json', 'batch-event.json'];
const SHARD_MANIFEST = /^batch-shard-\d+-of-\d+\.json$/;

/** Whether a manifest's text was written by polyalign: run and batch manifests name the tool. */
function writtenByPolyalign(name: string, text: string): boolean {
  try {
    const value = JSON.parse(text) as { tool?: { name?: unknown }; version?: unknown; event?: unknown; key?: unknown };
    if (name === 'batch-event.json') return typeof value.version === 'number' && typeof value.event === 'string' && typeof value.key === 'string';
    return value.tool?.name === 'polyalign';
  } catch {
    return false;
  }
}

/** The manifest that marks `folder` as polyalign's output folder, or undefined when it holds none. */
export async function outputManifestIn(folder: string): Promise<string | undefined> {
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names.filter((n) => MANIFESTS.includes(n) || SHARD_MANIFEST.test(n)).sort()) {
    const text = await readFile(join(folder, name), 'utf8').catch(() => '');
    if (writtenByPolyalign(name, text)) return name;
  }
  return undefined;
}
