import type { Draft } from '../render/draft.js';
import { articleHeading } from './markdown.js';
import { parseInline, plainText } from './inline.js';
import { NOTES_HEADING, noteSections, notesIntro, statusLine } from './notes.js';

export interface DocxOptions {
  notes?: boolean;
  /** BCP 47 tag of the language the draft is written in, for proofing; default `en`. */
  lang?: string;
  /** A contents list after the title (`--toc`); none by default. */
  toc?: boolean;
}

// Numbering definitions: Word numbers the paragraphs itself, so counsel can insert or delete one
// under track changes and the rest renumber.
const ARTICLE_LIST = 'article-paragraphs';
const LOOSE_ITEMS = 'article-items';
const NOTES_ORDERED = 'notes-ordered';
const NOTES_BULLETS = 'notes-bullets';

const FONT = 'Times New Roman';
/** Latin and complex scripts in Times; East Asian text keeps the theme's East Asian font. */
const BODY_FONT = { ascii: FONT, hAnsi: FONT, cs: FONT };
const MONO = 'Courier New';
/** Twentieths of a point. */
const INDENT = 567; // 1 cm

const LANG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
/** Word wants a region for proofing; ISO 639-1 alone is accepted too, so keep what we were given. */
const proofingLanguage = (lang: string | undefined) => (lang && LANG.test(lang) ? lang : 'en');

/**
 * The draft as a Word document for review with track changes: Title, status line, table of
 * contents, the preamble, articles as Heading 2 with Word-numbered paragraphs ("1.", "(a)", restarting
 * in every article), the signature block as a table, page numbers in the footer, and the drafting
 * notes as an annex on a new page. `docx` is loaded here only, when this format is asked for.
 */
export async function renderDocx(draft: Draft, options: DocxOptions = {}): Promise<Uint8Array> {
  const d = await import('docx');
  const notes = options.notes ?? true;
  const lang = proofingLanguage(options.lang);

  const runs = (text: string, extra: { bold?: boolean } = {}) =>
    parseInline(text).map(
      (r) =>
        new d.TextRun({
          text: r.text,
          bold: r.bold || extra.bold || undefined,
          italics: r.italic || undefined,
          ...(r.code ? { font: MONO, size: 21 } : {}),
        }),
    );
  const body = (text: string, opts: Partial<ConstructorParameters<typeof d.Paragraph>[0] & object> = {}) =>
    new d.Paragraph({ alignment: d.AlignmentType.JUSTIFIED, ...opts, children: runs(text) });

  const children: (InstanceType<typeof d.Paragraph> | InstanceType<typeof d.Table> | InstanceType<typeof d.TableOfContents>)[] = [];
  children.push(new d.Paragraph({ heading: d.HeadingLevel.TITLE, children: runs(draft.title) }));
  children.push(new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [new d.TextRun({ text: statusLine(draft), italics: true })] }));
  if (options.toc) {
    // Not a heading: the table of contents lists the articles and the annex, not itself.
    children.push(new d.Paragraph({ keepNext: true, spacing: { before: 360 }, children: [new d.TextRun({ text: 'Contents', bold: true })] }));
    children.push(new d.TableOfContents('Contents', { hyperlink: true, headingStyleRange: '2-2' }));
    children.push(new d.Paragraph({ children: [new d.PageBreak()] }));
  }

  for (const p of draft.preamble) children.push(body(p));
  children.push(body(draft.agreedFormula, { keepNext: true }));

  let looseLists = 0;
  for (const a of draft.articles) {
    children.push(new d.Paragraph({ heading: d.HeadingLevel.HEADING_2, children: runs(articleHeading(a)) }));
    for (const b of a.blocks) {
      if (b.number !== undefined) {
        children.push(body(b.text, { numbering: { reference: ARTICLE_LIST, level: 0, instance: a.number } }));
        for (const item of b.items) children.push(body(item.text, { numbering: { reference: ARTICLE_LIST, level: 1, instance: a.number } }));
      } else {
        children.push(body(b.text));
        if (b.items.length) {
          looseLists += 1;
          for (const item of b.items) children.push(body(item.text, { numbering: { reference: LOOSE_ITEMS, level: 0, instance: looseLists } }));
        }
      }
    }
  }

  for (const p of draft.testimonium) children.push(body(p, { keepNext: true, keepLines: true }));
  children.push(signatureTable(d, draft, runs));

  if (notes) {
    children.push(new d.Paragraph({ heading: d.HeadingLevel.HEADING_2, pageBreakBefore: true, children: [new d.TextRun(`Annex: ${NOTES_HEADING}`)] }));
    children.push(body(notesIntro(draft)));
    let ordered = 0;
    for (const s of noteSections(draft)) {
      children.push(new d.Paragraph({ heading: d.HeadingLevel.HEADING_3, children: [new d.TextRun(s.heading)] }));
      if (s.entries.length === 0 && s.empty) children.push(body(s.empty));
      if (s.ordered) ordered += 1;
      for (const e of s.entries) {
        children.push(
          new d.Paragraph({
            children: runs(e),
            numbering: s.ordered ? { reference: NOTES_ORDERED, level: 0, instance: ordered } : { reference: NOTES_BULLETS, level: 0 },
          }),
        );
      }
    }
  }

  const hanging = (level: number) => ({ paragraph: { indent: { left: INDENT * (level + 1), hanging: INDENT } } });
  const doc = new d.Document({
    creator: 'spacecoop',
    title: plainText(draft.title),
    description: statusLine(draft),
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 24, language: { value: lang } }, paragraph: { spacing: { after: 160, line: 264 } } },
        title: { run: { font: BODY_FONT, size: 32, bold: true, color: '000000' }, paragraph: { alignment: d.AlignmentType.CENTER, spacing: { after: 240, line: 300 } } },
        heading2: {
          run: { font: BODY_FONT, size: 24, bold: true, color: '000000' },
          paragraph: { spacing: { before: 360, after: 160 }, keepNext: true, keepLines: true, outlineLevel: 1 },
        },
        heading3: {
          run: { font: BODY_FONT, size: 24, bold: true, italics: true, color: '000000' },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, outlineLevel: 2 },
        },
      },
    },
    numbering: {
      config: [
        {
          reference: ARTICLE_LIST,
          levels: [
            { level: 0, format: d.LevelFormat.DECIMAL, text: '%1.', alignment: d.AlignmentType.START, style: hanging(0) },
            { level: 1, format: d.LevelFormat.LOWER_LETTER, text: '(%2)', alignment: d.AlignmentType.START, style: hanging(1) },
          ],
        },
        { reference: LOOSE_ITEMS, levels: [{ level: 0, format: d.LevelFormat.LOWER_LETTER, text: '(%1)', alignment: d.AlignmentType.START, style: hanging(0) }] },
        { reference: NOTES_ORDERED, levels: [{ level: 0, format: d.LevelFormat.DECIMAL, text: '%1.', alignment: d.AlignmentType.START, style: hanging(0) }] },
        { reference: NOTES_BULLETS, levels: [{ level: 0, format: d.LevelFormat.BULLET, text: '•', alignment: d.AlignmentType.START, style: hanging(0) }] },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 }, // A4
            margin: { top: 1418, bottom: 1418, left: 1418, right: 1418 },
            pageNumbers: { start: 1 },
          },
        },
        footers: {
          default: new d.Footer({
            children: [new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [new d.TextRun({ children: [d.PageNumber.CURRENT], size: 20 })] })],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await d.Packer.toBuffer(doc));
}

type Docx = typeof import('docx');

function signatureTable(d: Docx, draft: Draft, runs: (text: string, extra?: { bold?: boolean }) => InstanceType<Docx['TextRun']>[]) {
  const width = Math.floor(100 / Math.max(1, draft.signatures.length));
  const cell = (paragraphs: InstanceType<Docx['Paragraph']>[]) =>
    new d.TableCell({ children: paragraphs, width: { size: width, type: d.WidthType.PERCENTAGE }, margins: { right: 240 } });
  const p = (children: InstanceType<Docx['TextRun']>[], spacing?: { before?: number }) => new d.Paragraph({ children, keepNext: true, ...(spacing ? { spacing } : {}) });
  const row = (make: (s: Draft['signatures'][number]) => InstanceType<Docx['Paragraph']>[]) =>
    new d.TableRow({ cantSplit: true, children: draft.signatures.map((s) => cell(make(s))) });
  return new d.Table({
    width: { size: 100, type: d.WidthType.PERCENTAGE },
    borders: d.TableBorders.NONE,
    rows: [
      row((s) => [p(runs(s.heading, { bold: true }))]),
      row(() => [p([new d.TextRun('Signature: ______________________')], { before: 600 })]),
      row((s) => [p([new d.TextRun('Name: '), ...runs(s.name)])]),
      row((s) => [p([new d.TextRun('Title: '), ...runs(s.title)])]),
    ],
  });
}
