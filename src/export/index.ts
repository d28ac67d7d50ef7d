import { UserError } from '../errors.js';
import type { Draft } from '../render/draft.js';
import { renderMarkdown } from './markdown.js';

export type Format = 'md' | 'docx' | 'html';

export interface ExportOptions {
  notes?: boolean;
}

/**
 * One structured draft, three formats, so they never disagree. Heavy writers (docx) are loaded
 * only when asked for.
 */
export async function exportDraft(draft: Draft, format: Format, options: ExportOptions = {}): Promise<string | Uint8Array> {
  switch (format) {
    case 'md':
      return renderMarkdown(draft, options);
    default:
      throw new UserError(`--format ${format} is not available yet; use --format md`);
  }
}
