// One bad file in a folder of good ones: by default the run stops and names it; with --skip-bad the
// rest is aligned and every file left out is named, with its reason, on the console and in run.json.

import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCliAsync } from '../helpers/run-cli.ts';
import { tmpPath } from '../helpers/tmp.ts';

function folder(): string {
  const dir = tmpPath('skip', 'articles');
  cpSync(join(ROOT, 'seeds'), dir, { recursive: true });
  writeFileSync(join(dir, '005_empty.txt'), '');
  writeFileSync(join(dir, '006_photo.jpg.txt'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]));
  writeFileSync(join(dir, '007_short.txt'), 'Ruski predsjednik Vladimir Putin stigao je u utorak u Peking, gdje će se sastati sa sjevernokorejskim liderom Kim Jong Unom i prisustvovati velikoj vojnoj paradi povodom godišnjice završetka Drugog svjetskog rata\n');
  return dir;
}

describe('--skip-bad', () => {
  it('stops on the first bad file by default, naming it, and writes nothing', async () => {
    const dir = folder();
    const out = join(dir, '..', 'out');
    const r = await runCliAsync(['run', dir, '-o', out, '--embedder', 'lexical']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/005_empty\.txt: the file is empty/);
    expect(existsSync(out)).toBe(false);
  });

  it('aligns the five seeds and names the empty, the binary and the one-sentence file', async () => {
    const dir = folder();
    const out = join(dir, '..', 'out');
    const r = await runCliAsync(['run', dir, '-o', out, '--embedder', 'lexical', '--skip-bad', '--format', 'csv']);
    expect(r.stderr).not.toMatch(/unexpected failure/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/skipped .*005_empty\.txt: the file is empty/);
    expect(r.stdout).toMatch(/skipped .*006_photo\.jpg\.txt: this looks like a binary file/);
    expect(r.stdout).toMatch(/skipped .*007_short\.txt: found 1 sentence/);
    const manifest = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(manifest.inputs.map((i: { doc: string }) => i.doc.slice(0, 3))).toEqual(['000', '001', '002', '003', '004']);
    expect(manifest.skipped.map((s: { code: string }) => s.code)).toEqual(['input.empty', 'input.binary', 'input.too-short']);
    expect(manifest.parameters.skipBad).toBe(true);
  });

  it('still needs two good documents', async () => {
    const dir = tmpPath('skip', 'two');
    cpSync(join(ROOT, 'seeds', '000_f5fabf009eca07d9.txt'), join(dir, '000.txt'));
    writeFileSync(join(dir, '001.txt'), '');
    const r = await runCliAsync(['run', dir, '-o', join(dir, '..', 'out'), '--embedder', 'lexical', '--skip-bad']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/expected at least two documents to align, found 1 \(000\.txt\); left out: .*001\.txt/);
  });
});
