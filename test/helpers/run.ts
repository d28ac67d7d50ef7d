import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from 'markdownlint/sync';

export const ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));
export const BIN = join(ROOT, 'bin', 'spacecoop.js');
export const EXAMPLES = readdirSync(join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => join(ROOT, 'examples', f));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built binary as a user would: no TTY, no colour, in `cwd`. */
export function run(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'spacecoop-test-'));
}

export function read(path: string): string {
  return readFileSync(path, 'utf8');
}

/** markdownlint's default rules, except line length (treaty paragraphs are long lines). */
export function lintMarkdown(text: string): string {
  return lint({ strings: { draft: text }, config: { default: true, MD013: false } }).toString();
}
