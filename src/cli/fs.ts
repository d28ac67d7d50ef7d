import { closeSync, constants, fstatSync, fsyncSync, lstatSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isUserError, UserError } from '../errors.js';

/**
 * Eight hex digits for a temporary file's name. It need not be unpredictable: the file is created
 * with O_EXCL ('wx'), so a name in use fails instead of replacing anything. (node:crypto's random
 * bytes would load the crypto module into every draft for this.)
 */
const tempSuffix = () => Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0');

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

/** Longest file name most file systems take (ext4, APFS, NTFS: 255 bytes). */
const NAME_MAX = 255;
/** Room for `<pid>-<8 hex>` after the prefix. */
const TEMP_TAIL = 20;

/**
 * `.NAME.spacecoop-tmp-`, with NAME shortened (by whole characters) when the temporary file's name
 * would otherwise be longer than a file name may be: a 240-byte name is legal, its temporary name
 * must be too.
 */
export function tempPrefix(path: string): string {
  let name = basename(path);
  const room = NAME_MAX - 1 - Buffer.byteLength(TEMP_INFIX) - TEMP_TAIL;
  while (Buffer.byteLength(name) > room) name = [...name].slice(0, -1).join('');
  return `.${name}${TEMP_INFIX}`;
}

/**
 * Removes temporary files of ours that a killed process left beside `path`: those whose process is
 * gone. A running spacecoop's temporary file is left alone. Best effort: a failure is ignored.
 */
export function cleanStaleTemps(path: string, fs: Pick<WriteFs, 'rmSync'> = REAL_FS): void {
  const prefix = tempPrefix(path);
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)-[0-9a-f]{8}$/.exec(name.slice(prefix.length));
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || alive(pid)) continue;
    try {
      fs.rmSync(join(dirname(path), name), { force: true });
    } catch {
      // best effort
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Write a file whole or not at all: a temporary file beside it (created exclusively, so it never
 * follows a planted link), every byte written, fsync, then rename into place. If anything fails the
 * temporary file is removed and the previous file is untouched; if the process is killed, the
 * previous file is still whole, and the stray `.NAME.spacecoop-tmp-*` it may leave is removed by
 * the next write to the same file.
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
    if (isUserError(e)) throw e;
    // ENOENT: a new file. Anything else surfaces when the temporary file is created.
  }
  cleanStaleTemps(path, fs);
  const tmp = join(dirname(path), `${tempPrefix(path)}${process.pid}-${tempSuffix()}`);
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

/**
 * The largest file spacecoop reads: 16 MiB (a terms file is a few KB, the longest draft a few
 * hundred KB). Checked against the file's size before a byte is read.
 */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/** What a non-regular file is, in words a user knows. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Reads a text file whole: only a regular file (a pipe, a device such as /dev/zero, or a folder is
 * refused before reading, so nothing hangs), at most MAX_INPUT_BYTES, UTF-8 only: a UTF-16 file is
 * named as such, and invalid UTF-8 or a NUL byte is refused with its line and column. A symbolic
 * link is followed (reading through one writes nothing). Throws UserError (exit 2).
 */
export function readText(path: string, what = 'file'): string {
  const bytes = readBytes(path, what);
  return decodeText(bytes, path, what);
}

/** The bytes of a regular file, checked as `readText` says, without decoding them. */
export function readBytes(path: string, what = 'file'): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait for one.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      let dangling = false;
      try {
        dangling = lstatSync(path).isSymbolicLink();
      } catch {
        // not there at all
      }
      throw new UserError(dangling ? `${path}: a symbolic link to a file that does not exist` : `${path}: no such ${what}`);
    }
    if (code === 'EISDIR') throw new UserError(`${path}: is a folder, not a ${what}`);
    if (code === 'ELOOP') throw new UserError(`${path}: a symbolic link that leads in a loop`);
    throw new UserError(`${path}: cannot read (${WHY[code ?? ''] ?? code ?? (e as Error).message})`);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new UserError(`${path}: is a folder, not a ${what}`);
    if (!st.isFile()) throw new UserError(`${path}: is ${kindOf(st)}, not a ${what}; spacecoop reads only regular files`);
    if (st.size > MAX_INPUT_BYTES) {
      throw new UserError(`${path}: is ${(st.size / 1024 / 1024).toFixed(1)} MiB; a ${what} spacecoop reads is at most ${MAX_INPUT_BYTES / 1024 / 1024} MiB`);
    }
    const buf = Buffer.alloc(st.size + 1);
    let n = 0;
    for (;;) {
      let r: number;
      try {
        r = readSync(fd, buf, n, buf.length - n, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        throw e;
      }
      if (r === 0) break;
      n += r;
      if (n > MAX_INPUT_BYTES) throw new UserError(`${path}: grew past ${MAX_INPUT_BYTES / 1024 / 1024} MiB while being read`);
      if (n === buf.length) break;
    }
    return buf.subarray(0, n);
  } catch (e) {
    if (isUserError(e)) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`${path}: cannot read (${WHY[code ?? ''] ?? code ?? (e as Error).message})`);
  } finally {
    closeSync(fd);
  }
}

/** 1-based line and column of byte `offset` in `bytes` (columns count characters). */
function position(bytes: Buffer, offset: number): { line: number; column: number } {
  const before = bytes.subarray(0, offset);
  const nl = before.lastIndexOf(0x0a);
  const line = before.filter((b) => b === 0x0a).length + 1;
  const column = new TextDecoder('utf-8').decode(before.subarray(nl + 1)).length + 1;
  return { line, column };
}

/** UTF-8 text of `bytes`, or a UserError that says what the bytes are instead. */
export function decodeText(bytes: Buffer, path: string, what = 'file'): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'UTF-16 LE' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'UTF-16 BE' : undefined;
  const nulPairs = (() => {
    let even = 0;
    let odd = 0;
    const n = Math.min(bytes.length, 512);
    for (let i = 0; i < n; i++) if (bytes[i] === 0) i % 2 ? odd++ : even++;
    return n >= 8 && (odd > n / 4 || even > n / 4) ? (odd > even ? 'UTF-16 LE' : 'UTF-16 BE') : undefined;
  })();
  const enc = utf16 ?? nulPairs;
  if (enc) {
    throw new UserError(`${path}: is encoded as ${enc}; spacecoop reads UTF-8`, {
      hint: 'Save the file as UTF-8 in your editor (in Notepad: Save As, Encoding: UTF-8), then run the command again.',
    });
  }
  const foreign = sniff(bytes);
  if (foreign) throw new UserError(`${path}: is ${foreign}, not a ${what}`, what.includes('terms') ? { hint: 'Give the terms file (YAML, e.g. agreement.yaml) the draft is made from; `spacecoop new` writes one.' } : {});
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const p = position(bytes, nul);
    throw new UserError(`${path}: holds a NUL byte, which is not text`, { problems: [{ file: path, ...p, message: 'a NUL byte (\\0): remove it, or save the file again as UTF-8 text' }] });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const p = position(bytes, bad);
    throw new UserError(`${path}: is not valid UTF-8 text`, {
      problems: [{ file: path, ...p, message: `byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} is not UTF-8 (perhaps Latin-1 or Windows-1252): save the file as UTF-8` }],
    });
  }
}

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(b: Buffer): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    const len = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
    if (!len) return i;
    for (let k = 1; k < len; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    const text = b.subarray(i, i + len).toString('utf8');
    if (text.includes('\uFFFD') && !(len === 3 && c === 0xef && b[i + 1] === 0xbf && b[i + 2] === 0xbd)) return i;
    i += len;
  }
  return 0;
}

/** What a file that is not text for spacecoop is, from its first bytes; undefined when it may be text. */
function sniff(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 512).toString('latin1');
  if (head.startsWith('PK\x03\x04')) return 'a zip archive (a Word .docx, an .odt or a .zip)';
  if (head.startsWith('%PDF')) return 'a PDF document';
  if (head.startsWith('{\\rtf')) return 'an RTF document';
  if (head.startsWith('\xD0\xCF\x11\xE0')) return 'an old Word (.doc) or Office document';
  return undefined;
}

/**
 * A terms file's text; a file of another kind (a spacecoop draft, Markdown, HTML, Word) is named
 * as what it is rather than parsed as YAML.
 */
export function readTermsText(path: string): string {
  const text = readText(path, 'terms file');
  refuseNonTerms(text, path);
  return text;
}

/** Exit 2 when `text` is a draft, Markdown, HTML or XML given where a terms file is expected. */
export function refuseNonTerms(text: string, path: string): void {
  const kind = textKind(text, path);
  if (kind) {
    throw new UserError(`${path}: is ${kind}, not a terms file`, {
      hint: 'Give the terms file (YAML, e.g. agreement.yaml) the draft is made from; `spacecoop new` writes one, and examples/ has several.',
    });
  }
}

/** The kind of a text file that is not YAML terms: a draft, Markdown, HTML, XML; undefined otherwise. */
export function textKind(text: string, path = ''): string | undefined {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  if (/^<!-- spacecoop:draft/.test(t)) return 'a spacecoop draft (Markdown), written from a terms file';
  if (/^<!doctype html|^<html[\s>]/i.test(t)) return 'an HTML document';
  if (/^<\?xml/.test(t)) return 'an XML document';
  if (/\.(md|markdown|html?|docx|odt|pdf|rtf|txt)$/i.test(path) && !/^[\w"'-]+\s*:/m.test(t.split('\n').find((l) => l.trim() && !l.startsWith('#')) ?? '')) {
    return `a ${path.split('.').pop()!.toLowerCase() === 'md' || /markdown$/i.test(path) ? 'Markdown' : path.split('.').pop()!.toUpperCase()} file`;
  }
  if (/^#{1,6} \S/.test(t) && /^(#{1,6} |\s*[-*] \[|\|.*\|$)/m.test(t.split('\n').slice(1).join('\n')) && !/^[\w"'-]+\s*:/m.test(t)) return 'a Markdown document';
  return undefined;
}

/**
 * Checks a path spacecoop is about to write, before any work (or any question) is done: not a
 * symbolic link, a folder, a device or a pipe, and in a folder that exists. `/dev/stdout` is not
 * checked here: callers treat it as `-`.
 */
export function checkOutputPath(path: string, what = 'output file'): void {
  let st: Stats | undefined;
  try {
    st = lstatSync(path);
  } catch {
    st = undefined;
  }
  if (st?.isSymbolicLink()) {
    throw new UserError(`${path} is a symbolic link; spacecoop does not write through links, so nothing was written`, {
      hint: `Give the ${what} as the real file, or remove the link first.`,
    });
  }
  if (st?.isDirectory()) throw new UserError(`${path}: is a folder; give a file name for the ${what}`);
  if (st && !st.isFile()) throw new UserError(`${path}: is ${kindOf(st)}; spacecoop writes only regular files`, { hint: 'To write to standard output, use - as the file name.' });
  const dir = dirname(path);
  let d: Stats | undefined;
  try {
    d = statSync(dir);
  } catch {
    d = undefined;
  }
  if (!d) throw new UserError(`cannot write ${path}: the folder ${dir} does not exist`, { hint: 'Create the folder first, or choose another path.' });
  if (!d.isDirectory()) throw new UserError(`cannot write ${path}: ${dir} is not a folder`);
}

/** `/dev/stdout` and its aliases mean standard output, as `-` does. */
export function isStdoutPath(path: string): boolean {
  return path === '-' || path === '/dev/stdout' || path === '/dev/fd/1' || path === '/proc/self/fd/1';
}

export function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
