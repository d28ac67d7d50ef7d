import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, run, tempDir } from '../helpers/run.js';

/**
 * The launcher's V8 code cache is a speed matter only, but a rejected cache silently costs half
 * the start-up: these pin that it is used with the Node that built it, and that a V8 flag in
 * NODE_OPTIONS (which makes V8 reject the shipped cache) gets a per-user cache from the next run on.
 */
const cacheLine = (stderr: string) => /code cache: (\w+)/.exec(stderr)?.[1];
const draft = (env: Record<string, string>) => run(['draft', EXAMPLES[0]!, '--out', '-'], { env: { SPACECOOP_DEBUG_CODE_CACHE: '1', ...env } });

describe('code cache', () => {
  it('uses the cache shipped with the build when no V8 flag is set', () => {
    const dir = tempDir();
    const r = draft({ NODE_OPTIONS: '', SPACECOOP_CACHE_DIR: dir });
    expect(r.code).toBe(0);
    expect(cacheLine(r.stderr)).toBe('used');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps a per-user cache for other V8 flags and uses it from the second run', () => {
    const dir = join(tempDir(), 'cache');
    const env = { NODE_OPTIONS: '--max-old-space-size=3072', SPACECOOP_CACHE_DIR: dir };
    const first = draft(env);
    expect(first.code).toBe(0);
    expect(cacheLine(first.stderr)).toBe('none');
    expect(readdirSync(dir)).toHaveLength(1);
    const second = draft(env);
    expect(cacheLine(second.stderr)).toBe('used');
    expect(second.stdout).toBe(first.stdout);
    // Another flag is another key: its own file, never a rejected one.
    const other = draft({ ...env, NODE_OPTIONS: '--max-old-space-size=2048' });
    expect(cacheLine(other.stderr)).toBe('none');
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('runs, uncached, when the cache folder cannot be written', () => {
    const r = draft({ NODE_OPTIONS: '--max-old-space-size=3072', SPACECOOP_CACHE_DIR: '/proc/spacecoop-cannot-write' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Article 1');
  });
});
