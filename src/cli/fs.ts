import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync, readFileSync, lstatSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors.js';

/** Write a file whole or not at all: a temporary file beside it, fsync, then rename into place. */
export function writeAtomic(path: string, data: string | Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.spacecoop-tmp-${process.pid}`);
  try {
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`cannot write ${path}: ${code ?? (e as Error).message}`, { hint: 'Nothing was written; the previous file, if any, is unchanged.' });
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
