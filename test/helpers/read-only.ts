// A folder that the test process cannot write to, as root too. For a normal user the folder's write
// bit is cleared. Root ignores permission bits, so there the folder becomes a small file system of its
// own, filled and then remounted read-only (writes fail with EROFS, as on a read-only share). Where
// root cannot mount (a container without the capability), the test fails and says why: a skipped test
// would pass without proving anything.

import { execFileSync } from 'node:child_process';
import { chmod } from 'node:fs/promises';

export const IS_ROOT = process.getuid?.() === 0;

/** Make `dir` (existing, empty) read-only after `fill` has written into it; resolves to the undo. */
export async function readOnlyFolder(dir: string, fill: () => Promise<void>): Promise<() => Promise<void>> {
  if (!IS_ROOT) {
    await fill();
    await chmod(dir, 0o500);
    return () => chmod(dir, 0o700);
  }
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(`running as root, a read-only folder needs a read-only mount, and mount failed: ${(error as Error).message.split('\n')[0]}`);
  }
  await fill();
  execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'pipe' });
  return async () => {
    execFileSync('umount', [dir], { stdio: 'pipe' });
  };
}
