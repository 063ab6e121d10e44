// run.json: the manifest as indented JSON.

import type { RunManifest } from '../types.ts';

export function runJson(manifest: RunManifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}
