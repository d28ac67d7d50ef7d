import { parseChineseNumber } from './refs.js';
import { CLAUSE_CLOSE, NOTES_OPEN } from '../export/markdown.js';
import { markerLine } from './document.js';

/**
 * Conflicts are written the way git writes them, so any editor that resolves git conflicts
 * resolves ours, and `check` and the exporters find them with one pattern. Each marker has a blank
 * line on both sides, so the rendered Markdown shows both versions as separate paragraphs.
 */
export const OURS_MARK = '<<<<<<<';
export const SPLIT_MARK = '=======';
export const THEIRS_MARK = '>>>>>>>';

export const OURS_LABEL = 'your text';
export const THEIRS_LABEL = 'the new terms';

export interface Conflict {
  /** 1-based line of the `<<<<<<<` marker. */
  line: number;
  /** Clause id the conflict sits in ('#notes' in the drafting notes, '' outside any clause). */
  clauseId: string;
  /** The article number from the clause's heading, when it has one. */
  article?: number;
}

/** Lines for one conflict: both versions kept, each between markers that say whose it is. */
export function conflictLines(ours: string[], theirs: string[], note?: { ours?: string; theirs?: string }): string[] {
  const pad = (xs: string[]) => {
    const body = [...xs];
    while (body.length && body[0]!.trim() === '') body.shift();
    while (body.length && body[body.length - 1]!.trim() === '') body.pop();
    return body.length ? ['', ...body, ''] : [''];
  };
  return [
    `${OURS_MARK} ${OURS_LABEL}${note?.ours ? ` (${note.ours})` : ''}`,
    ...pad(ours),
    SPLIT_MARK,
    ...pad(theirs),
    `${THEIRS_MARK} ${THEIRS_LABEL}${note?.theirs ? ` (${note.theirs})` : ''}`,
  ];
}

const OPEN = /^<!-- spacecoop:clause ([a-z0-9/-]+) -->$/;
const HEADING = /^## (?:Article (\d+) — |第([〇零一二三四五六七八九十百千]+)条\u3000)/;

/** Every unresolved conflict left in a draft's text, with where it is. */
export function findConflicts(text: string): Conflict[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const out: Conflict[] = [];
  let clauseId = '';
  let article: number | undefined;
  lines.forEach((raw, i) => {
    const line = markerLine(raw);
    const m = OPEN.exec(line);
    if (m) {
      clauseId = m[1]!;
      article = undefined;
    } else if (line === NOTES_OPEN) {
      clauseId = '#notes';
      article = undefined;
    } else if (line === CLAUSE_CLOSE) {
      clauseId = '';
      article = undefined;
    } else {
      const h = HEADING.exec(line);
      if (h && article === undefined) {
        article = h[1] !== undefined ? Number(h[1]) : parseChineseNumber(h[2]!);
        for (const c of out) if (c.clauseId === clauseId && c.article === undefined && clauseId) c.article = article;
      }
      if (line === OURS_MARK || line.startsWith(`${OURS_MARK} `)) out.push({ line: i + 1, clauseId, ...(article !== undefined ? { article } : {}) });
    }
  });
  return out;
}
