import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { read, ROOT, run, tempDir } from '../helpers/run.js';

/**
 * test/fixtures/bad/<case>/terms.yaml is a broken terms file; expected.txt is exactly what
 * `spacecoop draft` prints for it. Every case exits 2, prints no stack and writes nothing.
 * UPDATE_GOLDEN=1 rewrites expected.txt; review the diff before committing it.
 */
const DIR = join(ROOT, 'test', 'fixtures', 'bad');
const CASES = readdirSync(DIR).sort();

describe('bad terms files (golden messages)', () => {
  it.each(CASES)('%s', (name) => {
    const dir = tempDir();
    copyFileSync(join(DIR, name, 'terms.yaml'), join(dir, 'terms.yaml'));
    const r = run(['draft', 'terms.yaml', '--out', 'draft.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
    expect(readdirSync(dir)).toEqual(['terms.yaml']);
    const expected = join(DIR, name, 'expected.txt');
    if (process.env.UPDATE_GOLDEN || !existsSync(expected)) writeFileSync(expected, r.stderr);
    expect(r.stderr).toBe(read(expected));
  });
});
