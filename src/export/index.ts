import { UserError } from '../errors.js';
import type { Draft } from '../render/draft.js';
import { findConflictLine } from './inline.js';
import { renderMarkdown } from './markdown.js';

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
  switch (format) {
    case 'md':
      return renderMarkdown(draft, options);
    case 'html': {
      const { renderHtml } = await import('./html.js');
      return renderHtml(draft, options);
    }
    case 'docx': {
      const { renderDocx } = await import('./docx.js');
      return renderDocx(draft, options);
    }
    default:
      throw new UserError(`--format ${String(format)}: expected md, docx or html`);
  }
}
