import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REAL_FS, writeAtomic, type WriteFs } from '../../src/cli/fs.js';
import { UserError } from '../../src/errors.js';
import { ROOT, tempDir } from '../helpers/run.js';

const OLD = 'the previous draft\n';
const NEW = 'x'.repeat(100_000);

function setup() {
  const dir = tempDir();
  const path = join(dir, 'agreement.docx');
  writeFileSync(path, OLD);
  return { dir, path };
}

const errno = (code: string) => Object.assign(new Error(code), { code });
const failing = (e: Error, where: keyof WriteFs, afterBytes = 0): WriteFs => {
  let written = 0;
  return {
    ...REAL_FS,
    writeSync: (fd, data, off, len) => {
      if (where === 'writeSync' && written >= afterBytes) throw e;
      const n = REAL_FS.writeSync(fd, data, off, Math.min(len, 4096));
      written += n;
      return n;
    },
    fsyncSync: (fd) => (where === 'fsyncSync' ? (() => { throw e; })() : REAL_FS.fsyncSync(fd)),
    renameSync: (a, b) => (where === 'renameSync' ? (() => { throw e; })() : REAL_FS.renameSync(a, b)),
  };
};

describe('writeAtomic: a failure mid-write leaves the old file whole', () => {
  it.each([
    ['the disk fills up half-way', errno('ENOSPC'), 'writeSync' as const, 50_000, /the disk is full \(ENOSPC\)/],
    ['the disk fills up at once', errno('ENOSPC'), 'writeSync' as const, 0, /the disk is full/],
    ['fsync reports an I/O error', errno('EIO'), 'fsyncSync' as const, 0, /EIO/],
    ['the rename is refused', errno('EACCES'), 'renameSync' as const, 0, /permission denied/],
  ])('%s: exit 2, old file intact, no temporary file left', (_name, error, where, after, message) => {
    const { dir, path } = setup();
    const e = (() => {
      try {
        writeAtomic(path, NEW, failing(error, where, after));
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).exitCode).toBe(2);
    expect((e as UserError).message).toMatch(message);
    expect((e as UserError).hint).toMatch(/previous file.*unchanged/);
    expect(readFileSync(path, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['agreement.docx']);
  });

  it('finishes a write the system takes in small pieces', () => {
    const { path } = setup();
    const dribble: WriteFs = { ...REAL_FS, writeSync: (fd, data, off) => REAL_FS.writeSync(fd, data, off, 1) };
    writeAtomic(path, 'héllo 🚀', dribble);
    expect(readFileSync(path, 'utf8')).toBe('héllo 🚀');
  });

  it('a process killed mid-write leaves the old file whole', () => {
    const { dir, path } = setup();
    const script = `
      import { writeAtomic, REAL_FS } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist/cli/fs.js')).href)};
      let n = 0;
      writeAtomic(${JSON.stringify(path)}, 'y'.repeat(100000), { ...REAL_FS, writeSync: (fd, d, o, l) => {
        if (++n === 3) process.kill(process.pid, 'SIGKILL');
        return REAL_FS.writeSync(fd, d, o, Math.min(l, 4096));
      } });`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.signal).toBe('SIGKILL');
    expect(readFileSync(path, 'utf8')).toBe(OLD);
    // What a kill can leave is a stray temporary file, never a half-written draft.
    expect(readdirSync(dir).filter((f) => f !== 'agreement.docx').every((f) => f.startsWith('.agreement.docx.spacecoop-tmp-'))).toBe(true);
  });

  it.skipIf(process.getuid?.() === 0)('a read-only folder: exit 2, old file intact', () => {
    const { dir, path } = setup();
    chmodSync(dir, 0o555);
    try {
      expect(() => writeAtomic(path, NEW)).toThrow(/permission denied/);
      expect(readFileSync(path, 'utf8')).toBe(OLD);
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  it('keeps the permissions of the file it replaces', () => {
    const { path } = setup();
    chmodSync(path, 0o600);
    writeAtomic(path, NEW);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toBe(NEW);
  });
});

describe('writeAtomic writes only where the user named', () => {
  it('refuses a symbolic link at the target: the link and what it points to are untouched', () => {
    const dir = tempDir();
    const elsewhere = join(tempDir(), 'important.txt');
    writeFileSync(elsewhere, 'keep me\n');
    const link = join(dir, 'agreement.md');
    symlinkSync(elsewhere, link);
    expect(() => writeAtomic(link, NEW)).toThrow(/is a symbolic link; spacecoop does not write through links/);
    expect(readFileSync(elsewhere, 'utf8')).toBe('keep me\n');
    expect(readlinkSync(link)).toBe(elsewhere);
    expect(readdirSync(dir)).toEqual(['agreement.md']);
  });

  it('refuses a dangling symbolic link too (it would create a file elsewhere)', () => {
    const dir = tempDir();
    const target = join(tempDir(), 'created-elsewhere.md');
    symlinkSync(target, join(dir, 'agreement.md'));
    expect(() => writeAtomic(join(dir, 'agreement.md'), NEW)).toThrow(/symbolic link/);
    expect(() => statSync(target)).toThrow();
  });

  it('refuses a folder, and a folder that does not exist, saying why', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'out.md'));
    expect(() => writeAtomic(join(dir, 'out.md'), NEW)).toThrow(/it is a folder/);
    expect(() => writeAtomic(join(dir, 'missing', 'out.md'), NEW)).toThrow(/the folder does not exist/);
  });
});
