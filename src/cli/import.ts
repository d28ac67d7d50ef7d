import { readFileSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { exists, readText, writeAtomic } from './fs.js';
import { bold, err, green, red, yellow } from './output.js';

export interface ImportOptions {
  into?: string;
  dryRun?: boolean;
}

/**
 * `spacecoop import REVIEWED.docx [--into DRAFT.md]`: the Word file's edits, tracked changes and
 * comments merged into the Markdown draft, reported article by article. Exit 1 when the merge left
 * conflicts (both sides changed a paragraph), 2 on bad input with nothing written.
 */
export async function runImport(docxPath: string, opts: ImportOptions): Promise<number> {
  if (!exists(docxPath)) throw new UserError(`${docxPath}: no such file`);
  const { readDocx } = await import('../wordfile/read.js');
  const { exportRecordOf, importDocx } = await import('../wordfile/import.js');
  let bytes: Buffer;
  try {
    bytes = readFileSync(docxPath);
  } catch (e) {
    throw new UserError(`${docxPath}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const doc = readDocx(bytes, docxPath);
  const record = exportRecordOf(doc, docxPath);
  const into = opts.into ?? join(dirname(docxPath), record.draft);
  if (!exists(into)) {
    throw new UserError(`${into}: no such draft (${docxPath} was exported from ${record.draft})`, { hint: 'Name the Markdown draft to merge into with --into FILE.' });
  }
  if (realpathSync(resolve(into)) === realpathSync(resolve(docxPath))) throw new UserError(`--into ${into}: that is the Word file itself`);
  const current = readText(into, 'draft');
  const { isSpacecoopDraft } = await import('../export/markdown.js');
  if (!isSpacecoopDraft(current)) throw new UserError(`${into} was not written by spacecoop; nothing is imported into it`, { hint: 'Name the Markdown draft spacecoop wrote with --into FILE.' });
  const { findConflicts } = await import('../draftfile/conflicts.js');
  const left = findConflicts(current);
  if (left.length) {
    throw new UserError(`${into} has ${left.length} unresolved merge conflict${left.length === 1 ? '' : 's'}; resolve ${left.length === 1 ? 'it' : 'them'} before importing`, {
      problems: left.map((c) => ({ file: into, line: c.line, message: 'conflict' })),
    });
  }
  const r = importDocx(doc, current, { docx: docxPath, draft: into });
  const name = (s: { segment: string; article?: number }) => {
    const plain: Record<string, string> = { '#head': 'title', '#notes': 'drafting notes', 'instrument/preamble': 'preamble', 'instrument/signature': 'signature block' };
    const base = s.segment.replace(/#after$/, '');
    const what = s.article !== undefined ? `Article ${s.article}` : (plain[base] ?? base);
    return s.segment.endsWith('#after') ? `your text after ${what}` : what;
  };
  const touched = r.segments.filter((s) => s.status !== 'unchanged' || s.pending || s.comments);
  const verb = opts.dryRun ? 'would change' : 'changed';
  if (!touched.length) err(`${docxPath}: no edits against what was exported; ${into} is unchanged`);
  for (const s of touched) {
    const parts = [
      s.edited && `${s.edited} edited`,
      s.added && `${s.added} added`,
      s.removed && `${s.removed} removed`,
      s.pending && `${s.pending} pending change${s.pending === 1 ? '' : 's'}`,
      s.comments && `${s.comments} comment${s.comments === 1 ? '' : 's'}`,
    ].filter(Boolean);
    const status = s.status === 'conflict' ? red('conflict') : s.status === 'changed' ? verb : s.status === 'unchanged' ? 'unchanged' : yellow(s.status);
    err(`  ${name(s).padEnd(26)} ${status}${parts.length ? `: ${parts.join(', ')}` : ''}`);
  }
  for (const u of r.unplaced) err(yellow(`  kept at the end of ${name({ segment: u.into, ...(articleOf(r, u.into) !== undefined ? { article: articleOf(r, u.into)! } : {}) })}: a paragraph of ${u.segment}, which is no longer in the draft: "${u.text.slice(0, 60)}${u.text.length > 60 ? '…' : ''}"`));
  if (opts.dryRun) {
    err(`${bold('dry run')}: nothing was written`);
    return r.conflicts ? 1 : 0;
  }
  if (r.text !== current) {
    writeAtomic(into, r.text);
    err(`${green('imported')} ${docxPath} into ${into}`);
  }
  const pending = r.segments.reduce((n, s) => n + s.pending + s.comments, 0);
  if (pending) err(`pending changes and comments are in ${into} as CriticMarkup; accept or reject them there (spacecoop check lists them)`);
  if (r.conflicts) {
    err(`${red('conflicts')}: ${r.conflicts}; resolve each ${bold('<<<<<<<')} … ${bold('>>>>>>>')} block in ${into} (your text first, the Word file's second)`);
    return 1;
  }
  return 0;
}

const articleOf = (r: { segments: { segment: string; article?: number }[] }, id: string) => r.segments.find((s) => s.segment === id)?.article;
