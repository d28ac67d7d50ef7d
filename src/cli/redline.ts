import { UserError } from '../errors.js';
import { readText } from './fs.js';
import { draftLanguage } from '../export/markdown.js';
import { planOutput, writeOutput } from './guard.js';
import { dim, err, green, out } from './output.js';

export interface RedlineOptions {
  out?: string;
  format?: 'md' | 'docx';
  author?: string;
  overwrite?: boolean;
}

/**
 * `spacecoop redline OLD NEW [--out FILE] [--format md|docx] [--author NAME]`: the redline as
 * CriticMarkup (stdout or FILE) or as a Word file with native tracked changes; the summary on
 * stderr. Never writes over either draft, nor a file spacecoop did not write.
 */
export async function runRedline(oldFile: string, newFile: string, opts: RedlineOptions): Promise<number> {
  const format = opts.format ?? 'md';
  const oldText = readText(oldFile, 'draft');
  const newText = readText(newFile, 'draft');
  // Two drafts of one language: the English and the Chinese texts are each other's translation, not earlier and later rounds.
  const name = { en: 'English', zh: 'Chinese' } as const;
  const langOf = (text: string) => {
    const lang = draftLanguage(text);
    return lang ? name[lang] : undefined;
  };
  const [lo, ln] = [langOf(oldText), langOf(newText)];
  if (lo && ln && lo !== ln) {
    throw new UserError(`${oldFile} is the ${lo} text and ${newFile} the ${ln} text; redline compares two drafts of one language`, {
      hint: 'Compare agreement.zh.md with an earlier Chinese draft, or check both texts side by side with `spacecoop check agreement.zh.md`.',
    });
  }
  const { redline, redlineDraft } = await import('../draftfile/redline.js');
  const names = { old: oldFile, new: newFile };
  const r = redline(oldText, newText, names);
  const toFile = opts.out !== undefined && opts.out !== '-';
  if (format === 'docx' && !toFile) throw new UserError('--format docx: name the Word file with --out FILE (a Word file is not written to the terminal)');
  const plan = toFile ? await planOutput(opts.out!, { kind: format === 'docx' ? 'docx' : 'redline', inputs: [oldFile, newFile], overwrite: Boolean(opts.overwrite) }) : undefined;
  let data: string | Uint8Array;
  if (format === 'docx') {
    const { exportMarkdown } = await import('../export/index.js');
    data = await exportMarkdown(redlineDraft(oldText, newText, names), 'docx', { notes: false, author: opts.author ?? 'spacecoop', file: newFile });
  } else {
    const { sealText } = await import('../export/seal.js');
    data = toFile ? sealText(r.text) : r.text;
  }
  if (plan) {
    const backup = writeOutput(plan, data);
    if (backup) err(`${dim('backup')} ${backup}: the file as it was`);
    err(`${green('wrote')} ${plan.target}${format === 'docx' ? ': tracked changes (Accept All gives the new draft, Reject All the old one)' : ''}`);
  } else out(data);
  const s = r.summary;
  err(`${s.added.length} added, ${s.removed.length} removed, ${s.changed.length} changed, ${s.unchanged} unchanged${s.renumbered.length ? ` (${s.renumbered.length} renumbered)` : ''}`);
  return 0;
}
