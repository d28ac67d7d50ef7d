import { createHash } from 'node:crypto';
import type { DocxDocument } from './read.js';

/**
 * What a reader of the document sees, as a hash: every paragraph's style, list level, text,
 * formatting and pending changes, and every comment. Leaves out what a word processor changes
 * without anyone editing: how runs are split, bookmarks, field results of the table of contents,
 * document properties, ids and dates. A .docx that spacecoop wrote records this value (see
 * `FINGERPRINT_PROPERTY`); when the file's own fingerprint no longer matches, someone changed it.
 * Hex SHA-256, 64 characters.
 */
export const FINGERPRINT_PROPERTY = 'spacecoop.content';

export function fingerprint(doc: Pick<DocxDocument, 'paragraphs' | 'comments'>): string {
  const view = {
    p: doc.paragraphs
      .filter((p) => !p.toc)
      .map((p) => [p.style ?? '', p.numbering?.level ?? -1, p.mark?.kind ?? '', p.runs.map((r) => [r.text, r.bold ? 1 : 0, r.italic ? 1 : 0, r.code ? 1 : 0, r.change?.kind ?? '', r.change?.author ?? ''])]),
    c: doc.comments.map((c) => [c.author, c.text, c.anchor]),
  };
  return createHash('sha256').update(JSON.stringify(view)).digest('hex');
}
