import { redline } from '../draftfile/redline.js';
import { UserError } from '../errors.js';
import { readText, writeAtomic } from './fs.js';
import { err, green, out, yellow } from './output.js';

/** `spacecoop redline OLD NEW [--out FILE]`: the redline on stdout, or in FILE; the summary on stderr. */
export async function runRedline(oldFile: string, newFile: string, opts: { out?: string }): Promise<number> {
  const oldText = readText(oldFile, 'draft');
  const newText = readText(newFile, 'draft');
  const r = redline(oldText, newText, { old: oldFile, new: newFile });
  if (opts.out && opts.out !== '-') {
    if (opts.out === oldFile || opts.out === newFile) throw new UserError(`--out ${opts.out}: that is one of the drafts being compared; choose another file`);
    writeAtomic(opts.out, r.text);
    err(`${green('wrote')} ${opts.out}`);
  } else out(r.text);
  const s = r.summary;
  err(`${s.added.length} added, ${s.removed.length} removed, ${s.changed.length} changed, ${s.unchanged} unchanged${s.renumbered.length ? ` (${s.renumbered.length} renumbered)` : ''}`);
  for (const c of r.conflicts) err(yellow(`warning: ${c.file}:${c.line}: an unresolved merge conflict; the redline shows its markers as text`));
  return 0;
}
