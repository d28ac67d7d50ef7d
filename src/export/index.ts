import { UserError } from '../errors.js';
import type { Draft } from '../render/draft.js';
import { findConflictLine } from './inline.js';
import { draftLanguage, renderMarkdown } from './markdown.js';

export type Format = 'md' | 'docx' | 'html';


export interface ExportOptions {
  notes?: boolean;
  /**
   * BCP 47 tag of the language the draft's text is written in (the clause library's, `en`), for the
   * HTML `lang` and Word proofing. Not simply `languages[0]`: an English draft of a Chinese,
   * Portuguese and English agreement is still English text.
   */
  lang?: string;
  /** A contents list after the title: a Markdown list, an HTML nav, a Word TOC field. None by default. */
  toc?: boolean;
}

/**
 * One structured draft, three formats, so they never disagree. Heavy writers (docx) are loaded
 * only when asked for. A draft that still holds merge-conflict lines is never handed to reviewers
 * as Word or HTML, whatever the caller checked before.
 */
export async function exportDraft(draft: Draft, format: Format, options: ExportOptions = {}): Promise<string | Uint8Array> {
  if (format !== 'md') {
    const conflict = findConflictLine(draft);
    if (conflict !== undefined) {
      throw new UserError(`the draft still has merge conflicts (a line \`${conflict.slice(0, 40)}\`); --format ${format} is not written until they are resolved`, {
        hint: 'Resolve each conflict in the Markdown draft (keep one side, delete the markers), then export again.',
      });
    }
  }
  if (format === 'md') return renderMarkdown(draft, options);
  return exportMarkdown(renderMarkdown(draft, options), format, { ...options, file: 'draft.md' });
}

export interface MarkdownExportOptions extends ExportOptions {
  /** The draft's file name, recorded in the Word file for `import` and used in messages. */
  file?: string;
  /** Author of pending changes and comments that name none (Word). */
  author?: string;
}

/**
 * The Markdown draft as it stands (hand edits, merged and resolved text, pending CriticMarkup) as
 * Word or HTML. Refuses a draft that still holds merge conflicts (UserError, exit 1). The Word file
 * carries a bookmark at every clause and a record of the exported text, for `import`.
 */
export async function exportMarkdown(text: string, format: 'docx' | 'html', options: MarkdownExportOptions = {}): Promise<string | Uint8Array> {
  const file = options.file ?? 'the draft';
  const { findConflicts } = await import('../draftfile/conflicts.js');
  const conflicts = findConflicts(text);
  if (conflicts.length) {
    throw new UserError(`${file} has ${conflicts.length} unresolved merge conflict${conflicts.length === 1 ? '' : 's'}; no ${format} file is written`, {
      exitCode: 1,
      problems: conflicts.map((c) => ({ file, line: c.line, message: `conflict in ${c.article ? `Article ${c.article}` : c.clauseId || 'the title and contents'}` })),
      hint: 'Keep one version of each <<<<<<< … >>>>>>> block and delete the markers, then export again.',
    });
  }
  const { buildModel } = await import('./model.js');
  const model = buildModel(text, { notes: options.notes ?? true });
  // A Chinese text (第一条 headings) is tagged zh for the HTML `lang` and Word proofing.
  if (options.lang === undefined && draftLanguage(text) === 'zh') options = { ...options, lang: 'zh' };
  if (format === 'html') {
    const [{ renderHtml }, { sealText }] = await Promise.all([import('./html.js'), import('./seal.js')]);
    return sealText(renderHtml(model, options));
  }
  const [{ renderDocx }, { bookmarkName, encodeRecord }] = await Promise.all([import('./docx.js'), import('../wordfile/index.js')]);
  const record = encodeRecord({ v: 1, draft: file.split(/[\\/]/).pop()!, segments: model.segments });
  return renderDocx(model, { ...options, bookmark: bookmarkName, properties: record });
}
