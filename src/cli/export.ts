import { basename, dirname, extname, join } from 'node:path';
import { UserError } from '../errors.js';
import { readText } from './fs.js';
import { planOutput, writeOutput } from './guard.js';
import { dim, err, green, out, yellow } from './output.js';

export interface ExportCliOptions {
  format: 'docx' | 'html';
  out?: string;
  notes: boolean;
  overwrite?: boolean;
}

/** `agreement.md` -> `agreement.docx`, beside it. */
export function exportTarget(draft: string, format: string): string {
  return join(dirname(draft), `${basename(draft, extname(draft))}.${format}`);
}

/**
 * `spacecoop export DRAFT.md --format docx|html`: the Markdown draft as it stands, as Word or
 * HTML. Also the last step of `draft TERMS --format docx|html`.
 */
export async function runExport(draftPath: string, opts: ExportCliOptions, extraInputs: string[] = []): Promise<number> {
  if (opts.format !== 'docx' && opts.format !== 'html') throw new UserError(`--format ${String(opts.format)}: expected docx or html`);
  const text = readText(draftPath, 'draft');
  const { isSpacecoopDraft } = await import('../export/markdown.js');
  if (!isSpacecoopDraft(text) && (/\.(ya?ml|json)$/i.test(draftPath) || /^(form|version|parties)\s*:/m.test(text.slice(0, 4000)))) {
    throw new UserError(`${draftPath} looks like a terms file, not a Markdown draft`, { hint: `To draft from it and export: spacecoop draft ${draftPath} --format ${opts.format}` });
  }
  const { readDoc } = await import('../draftfile/document.js');
  const problems = readDoc(text).problems;
  if (problems.length) {
    throw new UserError(`${draftPath}: the clause markers are damaged, so clauses cannot be told apart; nothing was written`, {
      problems: problems.map((p) => ({ file: draftPath, line: p.line, message: p.message })),
      hint: 'Each clause sits between `<!-- spacecoop:clause ID -->` and `<!-- /spacecoop:clause -->` lines: restore the marker.',
    });
  }
  const target = opts.out ?? exportTarget(draftPath, opts.format);
  const plan = target === '-' ? undefined : await planOutput(target, { kind: opts.format, inputs: [draftPath, ...extraInputs], overwrite: Boolean(opts.overwrite) });
  const { exportMarkdown } = await import('../export/index.js');
  const data = await exportMarkdown(text, opts.format, { notes: opts.notes, file: draftPath });
  if (!plan) {
    out(data);
    return 0;
  }
  const backup = writeOutput(plan, data);
  if (backup) err(`${dim('backup')} ${backup}: the file as it was`);
  err(`${green('wrote')} ${target}${opts.notes ? '' : ' (without the drafting notes)'}`);
  const { findCriticMarkup } = await import('../export/critic.js');
  const pending = findCriticMarkup(text).length;
  if (pending) err(yellow(`${pending} line${pending === 1 ? '' : 's'} of ${draftPath} hold pending changes or comments (CriticMarkup); they are in the ${opts.format === 'docx' ? 'Word file as tracked changes and comments' : 'page as marked changes'}`));
  return 0;
}
