import { basename, dirname, extname, join } from 'node:path';
import { UserError } from '../errors.js';
import { draftFromTermsText } from '../engine.js';
import { exportDraft } from '../export/index.js';
import { isSpacecoopDraft } from '../export/markdown.js';
import { exists, readText, writeAtomic } from './fs.js';
import { loadLibrary } from './library.js';
import { dim, err, green, out, yellow } from './output.js';

export interface DraftOptions {
  out?: string;
  format: 'md' | 'docx' | 'html';
  only?: string;
  dryRun?: boolean;
  force?: boolean;
  notes: boolean;
  alternat?: string;
  clauses?: string;
}

export function defaultOut(terms: string, format: string): string {
  const ext = extname(terms);
  return join(dirname(terms), `${basename(terms, ext)}.${format}`);
}

export async function runDraft(termsPath: string, opts: DraftOptions): Promise<number> {
  const library = loadLibrary(opts.clauses);
  const source = readText(termsPath, 'terms file');
  const result = draftFromTermsText(source, termsPath, library, opts.alternat ? { alternat: opts.alternat } : {});
  if (opts.alternat && !result.terms.parties.some((p) => p.id === opts.alternat)) {
    throw new UserError(`--alternat ${opts.alternat}: not a party handle in ${termsPath} (parties: ${result.terms.parties.map((p) => p.id).join(', ')})`);
  }
  const output = await exportDraft(result.draft, opts.format, { notes: opts.notes });

  const target = opts.out ?? defaultOut(termsPath, opts.format);
  if (target === '-') {
    out(output);
  } else {
    if (exists(target) && opts.format === 'md' && !isSpacecoopDraft(readText(target))) {
      throw new UserError(`${target} exists and was not written by spacecoop; it is left unchanged`, {
        hint: 'Choose another --out file, or move the existing one away.',
      });
    }
    writeAtomic(target, output);
    const n = result.draft.notes.openPoints.length;
    err(`${green('wrote')} ${target}: ${result.draft.articles.length} articles${n ? `, ${yellow(`${n} open point${n === 1 ? '' : 's'}`)} (see the drafting notes)` : ''}`);
  }
  if (result.draft.notes.openPoints.length && target === '-') err(dim(`${result.draft.notes.openPoints.length} open points: see the drafting notes`));
  return 0;
}
