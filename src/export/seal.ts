import { createHash } from 'node:crypto';

/**
 * Text files spacecoop writes besides drafts (HTML pages, redlines) end with a comment that holds
 * the hash of everything before it, so a later write can tell its own untouched file from one a
 * person changed or wrote. Invisible in a browser and in rendered Markdown.
 */
const SEAL = /\n?<!-- spacecoop:content ([0-9a-f]{64}) -->\n?$/;
const hash = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function sealText(text: string): string {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `${body}<!-- spacecoop:content ${hash(body)} -->\n`;
}

/** 'unchanged' (sealed, hash matches), 'changed' (sealed, hash differs) or 'foreign' (no seal). */
export function textState(text: string): 'unchanged' | 'changed' | 'foreign' {
  const m = SEAL.exec(text);
  if (!m) return 'foreign';
  const body = text.slice(0, m.index) + (text[m.index] === '\n' ? '\n' : '');
  return hash(body) === m[1] ? 'unchanged' : 'changed';
}
