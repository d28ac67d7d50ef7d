import type { Span } from './model.js';

/** The monospace font of code spans and blocks in Word. */
export const MONO = 'Courier New';

/** Where a tracked change comes from: the next revision id, the default author and the date. */
export interface Revisions {
  next: () => number;
  author: string;
  date: string;
}

/**
 * One span of text as a Word run: its bold, italics, strike-through and code, over `base` (e.g.
 * the run's language and fonts); a pending change becomes a tracked insertion or deletion by its
 * author (the default author when it names none). Shared by the single-text and the parallel
 * exports. Returns undefined for a span with no text and no line break.
 */
export function spanRun(d: typeof import('docx'), s: Span, extra: { bold?: boolean; italics?: boolean }, base: object, revisions: Revisions) {
  if (!s.text && !s.br) return undefined;
  const style = {
    ...base,
    ...(s.bold || extra.bold ? { bold: true } : {}),
    ...(s.italic || extra.italics ? { italics: true } : {}),
    ...(s.strike ? { strike: true } : {}),
    ...(s.code ? { font: MONO, size: 21 } : {}),
  };
  const content = s.br ? { break: 1 } : { text: s.text };
  if (!s.change) return new d.TextRun({ ...style, ...content });
  const rev = { id: revisions.next(), author: s.change.author ?? revisions.author, date: revisions.date };
  return s.change.kind === 'ins' ? new d.InsertedTextRun({ ...style, ...content, ...rev }) : new d.DeletedTextRun({ ...style, ...content, ...rev });
}
