import type { DocxDocument } from '../../wordfile/index.js';
import { NOTES_ANNEX } from '../../export/notes.js';

/**
 * A Word document as the text the splitter reads: the Title style as a `#` heading, Heading
 * styles as `##` headings, every other paragraph as a paragraph, pending tracked changes accepted
 * (what the other side's text says if their edits stand). Tables of contents are left out, and so
 * is the annex of drafting notes a spacecoop export ends with: the notes quote what the text must
 * not say ("only an instrument between Governments can grant exemption"), and are not the text.
 */
export function textOfDocx(doc: Pick<DocxDocument, 'paragraphs'>): string {
  const out: string[] = [];
  for (const p of doc.paragraphs) {
    if (p.toc) continue;
    const text = p.text.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const style = p.style ?? '';
    const heading = /^Heading\d$|^heading \d$/i.test(style);
    if (heading && text === NOTES_ANNEX) break;
    if (/^Title$/i.test(style)) out.push(`# ${text}`);
    else if (heading) out.push(`## ${text}`);
    else out.push(text);
  }
  return `${out.join('\n\n')}\n`;
}
