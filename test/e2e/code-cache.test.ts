import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, ROOT, run, tempDir } from '../helpers/run.js';

/**
 * The launcher's V8 code cache is a speed matter only, but a rejected cache silently costs half
 * the start-up: these pin that it is used with the Node that built it, and that a V8 flag in
 * NODE_OPTIONS (which makes V8 reject the shipped cache) gets a per-user cache from the next run on.
 */
/** What the launcher says of each bundle's cache (the shell's, then the commands'), joined: "used used". */
const cacheLine = (stderr: string) => [...stderr.matchAll(/code cache: (\w+)/g)].map((m) => m[1]).join(' ');
const draft = (env: Record<string, string>) => run(['draft', EXAMPLES[0]!, '--out', '-'], { env: { SPACECOOP_DEBUG_CODE_CACHE: '1', ...env } });

describe('code cache', () => {
  it('--help loads the shell bundle only, never the commands; --version alone loads no bundle', () => {
    for (const args of [['--help'], ['draft', '--help'], ['draft', '--version']]) {
      const r = run(args, { env: { SPACECOOP_DEBUG_CODE_CACHE: '1' } });
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stderr.match(/code cache: /g)?.length, args.join(' ')).toBe(1);
      expect(r.stderr).not.toContain('spacecoop-commands');
    }
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    for (const flag of ['--version', '-v']) {
      const r = run([flag], { env: { SPACECOOP_DEBUG_CODE_CACHE: '1' } });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
      expect(r.stderr).toBe('');
    }
  });

  it('uses the cache shipped with the build when no V8 flag is set', () => {
    const dir = tempDir();
    const r = draft({ NODE_OPTIONS: '', SPACECOOP_CACHE_DIR: dir });
    expect(r.code).toBe(0);
    expect(cacheLine(r.stderr)).toBe('used used');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps a per-user cache for other V8 flags and uses it from the second run', () => {
    const dir = join(tempDir(), 'cache');
    const env = { NODE_OPTIONS: '--max-old-space-size=3072', SPACECOOP_CACHE_DIR: dir };
    const first = draft(env);
    expect(first.code).toBe(0);
    expect(cacheLine(first.stderr)).toBe('none none');
    // One cache per bundle: the shell's and the commands'.
    expect(readdirSync(dir).map((f) => f.replace(/-[0-9a-f]{8}-[0-9a-f]{8}\.bin$/, '')).sort()).toEqual(['code-cache-spacecoop', 'code-cache-spacecoop-commands']);
    const second = draft(env);
    expect(cacheLine(second.stderr)).toBe('used used');
    expect(second.stdout).toBe(first.stdout);
    // Another flag is another key: its own files, never a rejected one.
    const other = draft({ ...env, NODE_OPTIONS: '--max-old-space-size=2048' });
    expect(cacheLine(other.stderr)).toBe('none none');
    expect(readdirSync(dir)).toHaveLength(4);
  });

  it('ships its bundles in ASCII, so the launcher reads them as Latin-1, and still reads a bundle that is not', () => {
    const bundles = readdirSync(join(ROOT, 'dist', 'bundle')).filter((f) => f.endsWith('.cjs'));
    expect(bundles.length).toBeGreaterThanOrEqual(2);
    for (const f of bundles) {
      const bytes = readFileSync(join(ROOT, 'dist', 'bundle', f));
      expect(bytes.findIndex((b) => b > 0x7f), f).toBe(-1);
    }
    // Escaped Chinese in the bundle is still Chinese in the draft.
    const zh = run(['draft', join(ROOT, 'examples', 'cbers.yaml'), '--lang', 'zh', '--out', '-']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('第一条');
  });

  it('reads a bundle that is not ASCII as UTF-8', () => {
    // A bundle edited by hand, or built without the escaping: the launcher falls back to UTF-8.
    const dir = tempDir();
    mkdirSync(join(dir, 'bin'));
    mkdirSync(join(dir, 'dist', 'bundle'), { recursive: true });
    for (const f of ['spacecoop.js', 'package.json']) copyFileSync(join(ROOT, 'bin', f), join(dir, 'bin', f));
    writeFileSync(join(dir, 'package.json'), '{ "version": "0.0.0" }');
    writeFileSync(join(dir, 'dist', 'bundle', 'spacecoop.cjs'), "exports.main = async () => { process.stdout.write('中文 — ✓\\n'); return 0; };\n");
    const r = spawnSync(process.execPath, [join(dir, 'bin', 'spacecoop.js'), 'x'], { encoding: 'utf8', env: { ...process.env, SPACECOOP_CACHE_DIR: join(dir, 'cache') } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('中文 — ✓\n');
  });

  it('in a checkout that was never built, says to build it (exit 2), without a stack trace', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'bin'));
    for (const f of ['spacecoop.js', 'package.json']) copyFileSync(join(ROOT, 'bin', f), join(dir, 'bin', f));
    const r = spawnSync(process.execPath, [join(dir, 'bin', 'spacecoop.js'), 'draft', 'agreement.yaml'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: spacecoop is not built \(.*spacecoop\.cjs is missing\)\nRun `npm install` \(which builds it\) or `npm run build`/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('runs, uncached, when the cache folder cannot be written', () => {
    const r = draft({ NODE_OPTIONS: '--max-old-space-size=3072', SPACECOOP_CACHE_DIR: '/proc/spacecoop-cannot-write' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Article 1');
  });
});
