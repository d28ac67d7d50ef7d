import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/run.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string }; dependencies: Record<string, string> };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; engines?: { node?: string } | string[]; dev?: boolean }> };

/** The oldest Node the package promises to run on, and to be developed and tested on. */
const OLDEST = semver.minVersion(pkg.engines.node)!.version;

/**
 * Packages whose engines exclude OLDEST and whose version is set by another change under way (the
 * Word export's `docx` pin, which brings nanoid 6): listed here so that nothing else slips in.
 */

describe('item 21: engines are honest, for users and for development', () => {
  it(`every package in the lockfile, dev tools included, runs on Node ${OLDEST}`, () => {
    const bad = Object.entries(lock.packages)
      .filter(([path, p]) => path && p.engines && !Array.isArray(p.engines) && p.engines.node && !semver.satisfies(OLDEST, p.engines.node))
      .map(([path, p]) => `${path}@${p.version}: engines ${(p.engines as { node: string }).node}`);
    expect(bad).toEqual([]);
  });
});

describe('item 22: colours come from chalk, which honours FORCE_COLOR and terminals', () => {
  const env = (extra: Record<string, string>) => {
    const e: Record<string, string> = { ...process.env } as Record<string, string>;
    delete e.NO_COLOR;
    delete e.FORCE_COLOR;
    return { ...e, ...extra };
  };
  const stderr = (extra: Record<string, string>) => spawnSync(process.execPath, [BIN, 'draft', 'no-such-terms.yaml'], { encoding: 'utf8', env: env(extra) }).stderr;
  it('FORCE_COLOR=1 colours a pipe; FORCE_COLOR=0, NO_COLOR and no terminal do not', () => {
    expect(stderr({ FORCE_COLOR: '1' })).toContain('\u001b[31merror\u001b[39m');
    expect(stderr({ FORCE_COLOR: '0' })).not.toContain('\u001b[');
    expect(stderr({ FORCE_COLOR: '1', NO_COLOR: '1' })).not.toContain('\u001b[');
    expect(stderr({})).not.toContain('\u001b[');
  });
  it('no source file writes ANSI colour codes by hand', () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (n.endsWith('.ts')) files.push(p);
      }
    };
    walk(join(ROOT, 'src'));
    // Colour and style (SGR, `ESC [ ... m`) come from chalk; the one other escape, showing the
    // cursor again after an interrupted prompt, is not a colour.
    const hand = files.filter((f) => /(\\u001b|\\x1b|\\033)\[[\d;]*m/.test(readFileSync(f, 'utf8')));
    expect(hand).toEqual([]);
  });
});
