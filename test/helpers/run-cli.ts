import { spawn, spawnSync, type ChildProcess, type StdioOptions } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/polyalign.js', import.meta.url));
/** The seed articles' folder. */
export const SEEDS_DIR = join(ROOT, 'seeds');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Where the CLI runs; the repository root unless given. */
  cwd?: string;
  /** Added to (or over) this process's environment, on top of CI=1. */
  env?: Record<string, string>;
}

function spawnOptions(options: CliOptions) {
  return { cwd: options.cwd ?? ROOT, env: { ...process.env, CI: '1', ...options.env } };
}

/** Run the real CLI in a subprocess, as a user would. */
export function runCli(args: string[], options: CliOptions = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { ...spawnOptions(options), encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Start the real CLI in a subprocess and hand back the child: for a test that must kill it or watch it run. */
export function spawnCli(args: string[], options: CliOptions & { stdio?: StdioOptions } = {}): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { ...spawnOptions(options), stdio: options.stdio ?? 'ignore' });
}

/** Like runCli, but without blocking the event loop: for tests that serve files to the CLI. */
export async function runCliAsync(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/**
 * `polyalign run seeds -o OUT --embedder lexical ...args` (asynchronously), failing the test on an
 * unexpected failure (a crash rather than a refusal the CLI means).
 */
export async function runSeeds(out: string, ...args: string[]): Promise<CliResult> {
  const r = await runCliAsync(['run', SEEDS_DIR, '-o', out, '--embedder', 'lexical', ...args]);
  expect(r.stderr).not.toMatch(/unexpected failure/);
  return r;
}
