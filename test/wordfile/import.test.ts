import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { freshDraft } from '../../src/draftfile/fresh.js';
import { findConflicts } from '../../src/draftfile/conflicts.js';
import { draftFromTermsText } from '../../src/engine.js';
import { exportMarkdown } from '../../src/export/index.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { importDocx } from '../../src/wordfile/import.js';
import { readDocx } from '../../src/wordfile/read.js';
import { builtinLibrary } from '../helpers/engine.js';
import { EXAMPLES, read } from '../helpers/run.js';

const draftMd = (file: string) => freshDraft(renderMarkdown(draftFromTermsText(read(file), file, builtinLibrary()).draft));
const CBERS = EXAMPLES.find((f) => f.endsWith('cbers.yaml'))!;
const LUNAR = EXAMPLES.find((f) => f.endsWith('lunar-mou.yaml'))!;
const NAMES = { docx: 'reviewed.docx', draft: 'agreement.md' };
const DATE = 'w:date="2026-12-01T09:00:00Z"';

/** Edits a .docx's XML parts the way Word stores a reviewer's work, and zips it again. */
function edit(bytes: Uint8Array, f: (xml: string) => string, comments?: string): Uint8Array {
  const files = unzipSync(bytes);
  files['word/document.xml'] = strToU8(f(strFromU8(files['word/document.xml']!)));
  if (comments) {
    files['word/comments.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${comments}</w:comments>`);
  }
  return zipSync(files);
}

/** The run (`<w:r>…<w:t>…phrase…</w:t></w:r>`) holding `phrase`, cut in three: before, the phrase, after. */
function splitRun(xml: string, phrase: string, middle: (rPr: string, text: string) => string): string {
  const at = xml.indexOf(phrase);
  expect(at, phrase).toBeGreaterThan(0);
  const start = xml.lastIndexOf('<w:r>', at);
  const end = xml.indexOf('</w:r>', at) + '</w:r>'.length;
  const run = xml.slice(start, end);
  const rPr = /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(run)?.[0] ?? '';
  const text = /<w:t[^>]*>([\s\S]*?)<\/w:t>/.exec(run)![1]!;
  const i = text.indexOf(phrase);
  const r = (t: string) => (t ? `<w:r>${rPr}<w:t xml:space="preserve">${t}</w:t></w:r>` : '');
  return xml.slice(0, start) + r(text.slice(0, i)) + middle(rPr, phrase) + r(text.slice(i + phrase.length)) + xml.slice(end);
}

/** The whole `<w:p>` holding `phrase`. */
function paragraphOf(xml: string, phrase: string): { start: number; end: number; xml: string } {
  const at = xml.indexOf(phrase);
  const start = Math.max(xml.lastIndexOf('<w:p>', at), xml.lastIndexOf('<w:p ', at));
  const end = xml.indexOf('</w:p>', at) + '</w:p>'.length;
  return { start, end, xml: xml.slice(start, end) };
}

const article = (md: string, n: number) => {
  const from = md.indexOf(`## Article ${n} — `);
  return md.slice(from, md.indexOf('<!-- /spacecoop:clause -->', from));
};

describe('import: a Word file edited the way Word stores edits', async () => {
  const md = draftMd(CBERS);
  const exported = (await exportMarkdown(md, 'docx', { file: 'agreement.md' })) as Uint8Array;

  it('a file nobody edited imports as no change, byte for byte', () => {
    const r = importDocx(readDocx(exported), md, NAMES);
    expect(r.text).toBe(md);
    expect(r.segments.every((s) => s.status === 'unchanged')).toBe(true);
  });

  it('brings plain edits, tracked insertions and deletions, changed runs, an inserted paragraph and a comment into the right articles', () => {
    const reviewed = edit(
      exported,
      (xml) => {
        // Article 18: a plain edit (no tracking).
        xml = xml.replace('consist of three arbitrators', 'consist of five arbitrators');
        // Article 9: a tracked deletion and insertion by counsel.
        xml = splitRun(
          xml,
          'only for the purpose',
          (rPr, t) =>
            `<w:del w:id="901" w:author="Ana Souza" ${DATE}><w:r>${rPr}<w:delText xml:space="preserve">${t}</w:delText></w:r></w:del><w:ins w:id="902" w:author="Ana Souza" ${DATE}><w:r>${rPr}<w:t xml:space="preserve">solely for the purposes</w:t></w:r></w:ins>`,
        );
        // Article 12: runs split differently (no change) and one word made bold (a change).
        xml = splitRun(xml, 'jurisdiction and control', (rPr, t) => `<w:r>${rPr}<w:t xml:space="preserve">${t.slice(0, 5)}</w:t></w:r><w:r>${rPr}<w:t xml:space="preserve">${t.slice(5)}</w:t></w:r>`);
        // Article 7: a new paragraph typed by counsel under track changes, after paragraph 2.
        const p = paragraphOf(xml, 'Each Party shall meet its share primarily');
        const pPr = /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(p.xml)![0].replace('</w:pPr>', `<w:rPr><w:ins w:id="903" w:author="Ana Souza" ${DATE}/></w:rPr></w:pPr>`);
        xml = `${xml.slice(0, p.end)}<w:p>${pPr}<w:ins w:id="904" w:author="Ana Souza" ${DATE}><w:r><w:t>The Parties shall review these arrangements every two years.</w:t></w:r></w:ins></w:p>${xml.slice(p.end)}`;
        // Article 17: a comment on a phrase.
        xml = splitRun(xml, 'persons associated with each of them', (rPr, t) => `<w:commentRangeStart w:id="7"/><w:r>${rPr}<w:t xml:space="preserve">${t}</w:t></w:r><w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r>`);
        return xml;
      },
      `<w:comment w:id="7" w:author="Li Wei" ${DATE}><w:p><w:r><w:t>Does this reach contractors?</w:t></w:r></w:p></w:comment>`,
    );
    const r = importDocx(readDocx(reviewed), md, NAMES);
    expect(r.conflicts).toBe(0);
    expect(article(r.text, 18)).toContain('consist of five arbitrators');
    expect(article(r.text, 9)).toContain('(a) use an Export-Controlled Item {~~only for the purpose~>solely for the purposes~~}{>>@Ana Souza<<} for which');
    expect(article(r.text, 12)).toBe(article(md, 12));
    expect(article(r.text, 7)).toMatch(/\n\n3\. \{\+\+The Parties shall review these arrangements every two years\.\+\+\}\{>>@Ana Souza<<\}\n\n/);
    expect(article(r.text, 17)).toContain('{==persons associated with each of them==}{>>@Li Wei: Does this reach contractors?<<}');
    // Nothing else moved: every other article is as it was.
    for (const n of [1, 2, 3, 4, 5, 6, 8, 10, 11, 13, 14, 15, 16, 19, 20, 21]) expect(article(r.text, n), `Article ${n}`).toBe(article(md, n));
    const changed = r.segments.filter((s) => s.status !== 'unchanged').map((s) => s.article);
    expect(changed.sort((a, b) => a! - b!)).toEqual([7, 9, 17, 18]);
  });

  it('keeps changes made in the Markdown draft since the export; the same paragraph changed on both sides is a conflict', () => {
    const reviewed = edit(exported, (xml) => xml.replace('consist of three arbitrators', 'consist of five arbitrators').replace('in accordance with the export control laws', 'in accordance with the applicable export control laws'));
    const now = md.replace('consist of three arbitrators', 'consist of seven arbitrators').replace('Each Party shall meet its share primarily', 'Each Party shall meet its entire share primarily');
    const r = importDocx(readDocx(reviewed), now, NAMES);
    expect(article(r.text, 7)).toContain('Each Party shall meet its entire share primarily');
    expect(article(r.text, 9)).toContain('the applicable export control laws');
    expect(r.conflicts).toBe(1);
    const c = findConflicts(r.text);
    expect(c).toHaveLength(1);
    expect(article(r.text, 18)).toMatch(/<<<<<<< your text\n\n.*seven[\s\S]*=======\n\n.*five[\s\S]*>>>>>>> reviewed\.docx/);
  });

  it('a table cell edited in Word (the signature block) comes back as the same table row', () => {
    const reviewed = edit(exported, (xml) => xml.replace('Title: Administrator', 'Title: Administrator of the CNSA'));
    const r = importDocx(readDocx(reviewed), md, NAMES);
    expect(r.text).toContain('| Title: Administrator of the CNSA | Title: President |');
    expect(r.text).toContain('| For the China National Space Administration | For the Brazilian Space Agency |');
  });

  it('an edit in an article deleted from the draft since the export is kept at the end of the article before it, and reported', () => {
    const reviewed = edit(exported, (xml) => xml.replace('consist of three arbitrators', 'consist of five arbitrators'));
    const cut = md.slice(md.indexOf('<!-- spacecoop:clause disputes/'), md.indexOf('<!-- /spacecoop:clause -->', md.indexOf('<!-- spacecoop:clause disputes/')) + '<!-- /spacecoop:clause -->\n'.length);
    const now = md.replace(cut, '');
    const r = importDocx(readDocx(reviewed), now, NAMES);
    expect(r.unplaced.length).toBeGreaterThan(0);
    expect(r.unplaced[0]!.into).toMatch(/^liability\//);
    expect(r.text).toContain('consist of five arbitrators');
  });

  it('without bookmarks (a word processor dropped them), the headings place each paragraph', () => {
    const reviewed = edit(exported, (xml) => xml.replace(/<w:bookmarkStart [^>]*\/>|<w:bookmarkEnd [^>]*\/>/g, '').replace('consist of three arbitrators', 'consist of five arbitrators'));
    const r = importDocx(readDocx(reviewed), md, NAMES);
    expect(article(r.text, 18)).toContain('five');
    expect(r.segments.filter((s) => s.status !== 'unchanged').map((s) => s.article)).toEqual([18]);
  });

  it('another form: a memorandum of understanding round-trips with no change, and a plain edit lands in its article', async () => {
    const mou = draftMd(LUNAR);
    const bytes = (await exportMarkdown(mou, 'docx', { file: 'agreement.md' })) as Uint8Array;
    expect(importDocx(readDocx(bytes), mou, NAMES).text).toBe(mou);
    const reviewed = edit(bytes, (xml) => xml.replace('to record the intention of the Participants', 'to record the shared intention of the Participants'));
    const r = importDocx(readDocx(reviewed), mou, NAMES);
    expect(article(r.text, 2)).toContain('1. The objective of this Memorandum is to record the shared intention of the Participants');
    expect(r.segments.filter((s) => s.status !== 'unchanged').map((s) => s.article)).toEqual([2]);
  });
});

describe('import round trip on every example', () => {
  it.each(EXAMPLES.map((f) => [f.split('/').pop()!, f]))('%s: export, import with no edit: the draft is unchanged, byte for byte', async (_n, file) => {
    const md = draftMd(file);
    for (const notes of [true, false]) {
      const bytes = (await exportMarkdown(md, 'docx', { file: 'agreement.md', notes })) as Uint8Array;
      const r = importDocx(readDocx(bytes), md, NAMES);
      expect(r.text).toBe(md);
      expect(r.segments.filter((s) => s.status !== 'unchanged')).toEqual([]);
    }
  });

  it('pending CriticMarkup travels: exported as tracked changes and comments, imported back unchanged', async () => {
    const md = draftMd(CBERS)
      .replace('consist of three arbitrators', 'consist of {~~three~>five~~}{>>@Ana Souza<<} arbitrators')
      .replace('The Parties shall share the costs', 'The Parties shall {++equally ++}share the costs')
      .replace('Each Party shall meet its share primarily', 'Each Party shall meet its share {==primarily==}{>>@Li Wei: why primarily?<<}');
    const bytes = (await exportMarkdown(md, 'docx', { file: 'agreement.md' })) as Uint8Array;
    const doc = readDocx(bytes);
    const p = doc.paragraphs.find((x) => x.text.includes('five arbitrators'))!;
    expect(p.original).toContain('three arbitrators');
    expect(p.runs.find((r) => r.change?.kind === 'del')!.change!.author).toBe('Ana Souza');
    expect(doc.paragraphs.find((x) => x.text.includes('equally share'))!.runs.find((r) => r.change)!.change!.author).toBe('spacecoop');
    expect(doc.comments).toMatchObject([{ author: 'Li Wei', text: 'why primarily?', anchor: 'primarily' }]);
    expect(importDocx(doc, md, NAMES).text).toBe(md);
  });
});

describe('import: comments', () => {
  it('a comment whose range runs over two paragraphs is brought in once, where it starts; nothing else moves', async () => {
    const md = draftMd(CBERS);
    const exported = (await exportMarkdown(md, 'docx', { file: 'agreement.md' })) as Uint8Array;
    const reviewed = edit(
      exported,
      (xml) => {
        const a = paragraphOf(xml, 'Each Party shall meet its share primarily');
        xml = xml.slice(0, a.start) + a.xml.replace(/(<\/w:pPr>)/, '$1<w:commentRangeStart w:id="3"/>') + xml.slice(a.end);
        const b = paragraphOf(xml, 'The financial obligations of each Party under this Protocol are subject');
        return xml.slice(0, b.start) + b.xml.replace('</w:p>', '<w:commentRangeEnd w:id="3"/><w:r><w:commentReference w:id="3"/></w:r></w:p>') + xml.slice(b.end);
      },
      `<w:comment w:id="3" w:author="Li Wei" ${DATE}><w:p><w:r><w:t>Both paragraphs: budget law?</w:t></w:r></w:p></w:comment>`,
    );
    const r = importDocx(readDocx(reviewed), md, NAMES);
    expect(r.text.match(/Both paragraphs: budget law\?/g)).toHaveLength(1);
    expect(article(r.text, 7)).toContain('{>>@Li Wei: Both paragraphs: budget law?<<}');
    expect(r.text.replace(/\{==|==\}|\{>>@Li Wei: Both paragraphs: budget law\?<<\}/g, '')).toBe(md);
  });
});
