import { closeSync, fsyncSync, lstatSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors.js';

/** The file system calls `writeAtomic` makes; a caller (or a test) may pass its own. */
export interface WriteFs {
  openSync: (path: string, flags: string, mode: number) => number;
  writeSync: (fd: number, data: Uint8Array, offset: number, length: number) => number;
  fsyncSync: (fd: number) => void;
  closeSync: (fd: number) => void;
  renameSync: (from: string, to: string) => void;
  rmSync: (path: string, options: { force: boolean }) => void;
  lstatSync: typeof lstatSync;
}

export const REAL_FS: WriteFs = { openSync, writeSync, fsyncSync, closeSync, renameSync, rmSync, lstatSync };

const WHY: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exhausted',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
};

/** Prefix of the temporary file written beside the target; a killed process may leave one. */
export const TEMP_INFIX = '.spacecoop-tmp-';

/**
 * Write a file whole or not at all: a temporary file beside it (created exclusively, so it never
 * follows a planted link), every byte written, fsync, then rename into place. If anything fails the
 * temporary file is removed and the previous file is untouched; if the process is killed, the
 * previous file is still whole (a stray `.NAME.spacecoop-tmp-*` may remain).
 *
 * The target is written only where the user named it: a symbolic link there is refused rather than
 * followed (which would write somewhere else) or replaced (which would silently break the link).
 */
export function writeAtomic(path: string, data: string | Uint8Array, fs: WriteFs = REAL_FS): void {
  let mode = 0o644;
  try {
    const st = fs.lstatSync(path);
    if (st.isSymbolicLink()) {
      throw new UserError(`${path} is a symbolic link; spacecoop does not write through links, so nothing was written`, {
        hint: 'Give --out the real file, or remove the link first.',
      });
    }
    if (st.isDirectory()) throw new UserError(`cannot write ${path}: it is a folder`);
    if (!st.isFile()) throw new UserError(`cannot write ${path}: not a regular file`);
    mode = st.mode & 0o777;
  } catch (e) {
    if (e instanceof UserError) throw e;
    // ENOENT: a new file. Anything else surfaces when the temporary file is created.
  }
  const tmp = join(dirname(path), `.${basename(path)}${TEMP_INFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let created = false;
  try {
    const fd = fs.openSync(tmp, 'wx', mode);
    created = true;
    try {
      for (let off = 0; off < bytes.length; ) {
        const n = fs.writeSync(fd, bytes, off, bytes.length - off);
        if (n <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
        off += n;
      }
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, path);
  } catch (e) {
    if (created) {
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // The original error is the one to report.
      }
    }
    const code = (e as NodeJS.ErrnoException).code;
    const why = code ? `${WHY[code] ?? code}${WHY[code] ? ` (${code})` : ''}` : (e as Error).message;
    throw new UserError(`cannot write ${path}: ${why}`, { hint: 'Nothing was written; the previous file, if any, is unchanged.' });
  }
}

export function readText(path: string, what = 'file'): string {
  try {
    const st = lstatSync(path);
    if (st.isDirectory()) throw new UserError(`${path}: is a folder, not a ${what}`);
    return readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof UserError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`${path}: no such ${what}`);
    throw new UserError(`${path}: cannot read (${code ?? (e as Error).message})`);
  }
}

export function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
