import { copyFileSync, lstatSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { exists, writeAtomic } from './fs.js';

/**
 * One guard for every file spacecoop writes besides the Markdown draft (Word, HTML, redlines):
 * it never replaces one of the command's own inputs, never a file spacecoop did not write, and
 * never one a person changed since (a reviewed Word file), unless `--overwrite` says so, and then
 * only after a backup that never replaces an earlier one. Every check runs before anything is
 * written, so a refusal (exit 2) means nothing was written.
 */
export type OutputKind = 'docx' | 'html' | 'redline';

export interface OutputPlan {
  target: string;
  kind: OutputKind;
  /** Where the existing file is copied first (with --overwrite). */
  backup?: string;
}

export interface GuardOptions {
  kind: OutputKind;
  /** The files the command reads: none of them is ever written. */
  inputs: string[];
  overwrite?: boolean;
}

const real = (path: string): string => {
  try {
    return realpathSync(path);
  } catch {
    // A file that does not exist yet: its folder's real path and its name.
    try {
      return join(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
};

const WHAT: Record<OutputKind, string> = { docx: 'Word file', html: 'HTML page', redline: 'redline' };

export async function planOutput(target: string, opts: GuardOptions): Promise<OutputPlan> {
  const plan: OutputPlan = { target, kind: opts.kind };
  const mine = real(target);
  for (const input of opts.inputs) {
    if (real(input) === mine) throw new UserError(`${target} is one of this command's inputs (${input}); it is never written over`, { hint: 'Choose another --out file.' });
  }
  if (!exists(target)) return plan;
  const st = lstatSync(target);
  if (st.isSymbolicLink()) {
    throw new UserError(`${target} is a symbolic link; spacecoop does not write through links, so nothing was written`, { hint: 'Give --out the real file, or remove the link first.' });
  }
  if (st.isDirectory()) throw new UserError(`cannot write ${target}: it is a folder`);
  const bytes = readFileSync(target);
  let state: 'unchanged' | 'changed' | 'foreign';
  let by: string | undefined;
  if (opts.kind === 'docx') {
    const { docxState } = await import('../wordfile/seal.js');
    ({ state, by } = docxState(bytes, target));
  } else {
    const { textState } = await import('../export/seal.js');
    const text = bytes.toString('utf8');
    state = textState(text);
    // A page an earlier spacecoop wrote (no seal yet): it cannot tell whether anyone edited it.
    if (state === 'foreign' && opts.kind === 'html' && text.includes('<meta name="generator" content="spacecoop">')) state = 'changed';
  }
  if (state === 'unchanged') return plan;
  if (opts.overwrite) return { ...plan, backup: backupName(target) };
  if (state === 'changed') {
    throw new UserError(`${target} was changed since spacecoop wrote it${by ? ` (last saved by ${by})` : ''}; it is left unchanged`, {
      hint:
        opts.kind === 'docx'
          ? `Bring its edits into the draft with \`spacecoop import ${target}\`, write to another --out file, or add --overwrite to replace it (a backup is kept).`
          : 'Write to another --out file, or add --overwrite to replace it (a backup is kept).',
    });
  }
  throw new UserError(`${target} exists and was not written by spacecoop${opts.kind === 'docx' ? '' : ` as a ${WHAT[opts.kind]}`}; it is left unchanged`, {
    hint: 'Choose another --out file, or add --overwrite to replace it (a backup is kept).',
  });
}

/** `agreement.docx` -> `agreement.backup.docx`, then `agreement.backup-2.docx`, ...: never an existing file. */
export function backupName(target: string): string {
  const ext = extname(target);
  const stem = join(dirname(target), basename(target, ext));
  if (!exists(`${stem}.backup${ext}`)) return `${stem}.backup${ext}`;
  for (let i = 2; ; i++) if (!exists(`${stem}.backup-${i}${ext}`)) return `${stem}.backup-${i}${ext}`;
}

/** Backup first (when planned), then the file, atomically. Returns the backup's name, if one was made. */
export function writeOutput(plan: OutputPlan, data: string | Uint8Array): string | undefined {
  if (plan.backup) {
    // Copy exclusively: an earlier backup is never replaced, even by a race.
    try {
      copyFileSync(plan.target, plan.backup, 1 /* COPYFILE_EXCL */);
    } catch (e) {
      throw new UserError(`cannot back up ${plan.target} to ${plan.backup} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); nothing was written`);
    }
  }
  writeAtomic(plan.target, data);
  return plan.backup;
}
