// The system programs some tests use, and what a test that cannot run without one says: the tool it
// needs and the command that installs it. .ci/run installs them all and fails when any test is
// skipped, so in CI every test runs.

import { spawnSync } from 'node:child_process';

const said = new Set<string>();

/** Whether `tool` is there; when it is not, says once on stderr which tests skip and how to install it. */
export function haveTool(tool: string, present: () => boolean, install: string, tests: string): boolean {
  if (present()) return true;
  if (!said.has(tool)) {
    said.add(tool);
    process.stderr.write(`skipping ${tests}: ${tool} is missing; install it with: ${install}\n`);
  }
  return false;
}

export const haveXmllint = (tests: string) => haveTool('xmllint', () => spawnSync('xmllint', ['--version']).status === 0, 'apt-get install libxml2-utils', tests);

export const haveToolkit = (tests: string) =>
  haveTool('Translate Toolkit', () => spawnSync('/usr/bin/python3', ['-c', 'import translate.storage.tmx']).status === 0, 'apt-get install translate-toolkit', tests);

export const haveSoffice = (tests: string) =>
  haveTool('LibreOffice', () => spawnSync('soffice', ['--version'], { timeout: 60_000 }).status === 0, 'apt-get install libreoffice-calc-nogui', tests);
