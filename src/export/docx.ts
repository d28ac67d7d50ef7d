import { withoutLabel, wordCells, wordSpans } from './docx-label.js';
import { MONO, spanRun } from './docx-runs.js';
import { HEAD_ID, NOTES_ANNEX, NOTES_ID, type Block, type ExportDoc, type Span } from './model.js';

export interface DocxOptions {
  notes?: boolean;
  /** BCP 47 tag of the language the draft is written in, for proofing; default `en`. */
  lang?: string;
  /** Author of tracked changes and comments that name none; default `spacecoop`. */
  author?: string;
  /** Date of tracked changes and comments (ISO 8601); default now. */
  date?: string;
  /** Extra custom document properties (the export record). */
  properties?: Record<string, string>;
  /** Bookmark name for a segment's first paragraph; none when absent. */
  bookmark?: (segment: string) => string;
}

// Numbering definitions: Word numbers the paragraphs itself, so counsel can insert or delete one
// under track changes and the rest renumber.
const ORDERED = 'article-paragraphs';
const LOOSE_ITEMS = 'article-items';
const BULLETS = 'bullets';

const FONT = 'Times New Roman';
/** Latin and complex scripts in Times; East Asian text keeps the theme's East Asian font. */
const BODY_FONT = { ascii: FONT, hAnsi: FONT, cs: FONT };
/** Twentieths of a point. */
const INDENT = 567; // 1 cm

const LANG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
/** Word wants a region for proofing; ISO 639-1 alone is accepted too, so keep what we were given. */
const proofingLanguage = (lang: string | undefined) => (lang && LANG.test(lang) ? lang : 'en');

/**
 * The Markdown draft (read by `buildModel`) as a Word document for review with track changes:
 * Title, status line, table of contents, headings, Word-numbered paragraphs ("1.", "(a)",
 * restarting in every list), tables, page numbers in the footer, the drafting notes as an annex on
 * a new page. Pending CriticMarkup becomes tracked changes and comments; every segment (clause)
 * starts with a bookmark. `docx` is loaded here only, when this format is asked for.
 */
export async function renderDocx(model: ExportDoc, options: DocxOptions = {}): Promise<Uint8Array> {
  const [{ d, doc }, { packDocx }] = await Promise.all([buildDocxDocument(model, options), import('./docx-pack.js')]);
  return packDocx(d, doc);
}

/** The `docx` Document `renderDocx` packs, with the `docx` module that made it (for tests of the packing). */
export async function buildDocxDocument(model: ExportDoc, options: DocxOptions = {}): Promise<{ d: typeof import('docx'); doc: import('docx').Document }> {
  const d = await import('docx');
  const lang = proofingLanguage(options.lang);
  const author = options.author ?? 'spacecoop';
  const date = options.date ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  let revision = 1;
  const revisions = { next: () => revision++, author, date };

  type Child = InstanceType<typeof d.Paragraph> | InstanceType<typeof d.Table> | InstanceType<typeof d.TableOfContents>;
  type Inline = ConstructorParameters<typeof d.Paragraph>[0] extends infer O ? (O extends { children?: readonly (infer C)[] } ? C : never) : never;

  const comments = model.comments.map((c, id) => ({
    id,
    author: c.author ?? author,
    date: new Date(date),
    children: [new d.Paragraph({ children: [new d.TextRun(c.text)] })],
  }));

  /** Spans -> runs, tracked changes and comment marks. */
  const inlines = (spans: Span[], extra: { bold?: boolean; italics?: boolean } = {}): Inline[] => {
    const out: Inline[] = [];
    const open = new Set<number>();
    const lastOf = new Map<number, number>();
    spans.forEach((s, i) => s.comments?.forEach((c) => lastOf.set(c, i)));
    spans.forEach((s, i) => {
      for (const c of s.comments ?? []) {
        if (!open.has(c)) {
          open.add(c);
          out.push(new d.CommentRangeStart(c));
        }
      }
      const run = spanRun(d, s, extra, {}, revisions);
      if (run) out.push(run);
      for (const c of s.comments ?? []) {
        if (lastOf.get(c) === i) {
          out.push(new d.CommentRangeEnd(c));
          out.push(new d.TextRun({ children: [new d.CommentReference(c)] }));
        }
      }
    });
    return out;
  };

  const bookmarked = new Set<string>();
  const mark = (b: Block, children: Inline[]): Inline[] => {
    if (!options.bookmark || bookmarked.has(b.segment)) return children;
    bookmarked.add(b.segment);
    return [new d.Bookmark({ id: options.bookmark(b.segment), children: children.length ? children : [new d.TextRun('')] })];
  };

  /** A paragraph whose whole text is a pending insertion or deletion: its paragraph mark is tracked too. */
  const markChange = (spans: Span[]) => {
    const visible = spans.filter((s) => s.text);
    if (!visible.length) return {};
    const kinds = new Set(visible.map((s) => s.change?.kind));
    if (kinds.size !== 1) return {};
    const k = visible[0]!.change;
    if (!k) return {};
    const rev = { id: revision++, author: k.author ?? author, date };
    return { run: k.kind === 'ins' ? { insertion: rev } : { deletion: rev } };
  };

  const children: Child[] = [];
  const blocks = model.blocks.filter((b) => options.notes !== false || b.segment !== NOTES_ID);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    switch (b.kind) {
      case 'title':
        children.push(new d.Paragraph({ heading: d.HeadingLevel.TITLE, children: mark(b, inlines(b.spans)) }));
        break;
      case 'status':
        children.push(new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: mark(b, inlines(wordSpans(b))) }));
        break;
      case 'contents-label':
        // Not a heading: the table of contents lists the articles and the annex, not itself.
        children.push(new d.Paragraph({ keepNext: true, spacing: { before: 360 }, children: mark(b, inlines(wordSpans(b))) }));
        children.push(new d.TableOfContents('Contents', { hyperlink: true, headingStyleRange: '2-2' }));
        children.push(new d.Paragraph({ children: [new d.PageBreak()] }));
        break;
      case 'contents-entry':
        break; // Word builds the table of contents from the headings.
      case 'heading': {
        const notes = b.segment === NOTES_ID && b.depth === 2;
        const level = [d.HeadingLevel.HEADING_1, d.HeadingLevel.HEADING_2, d.HeadingLevel.HEADING_3, d.HeadingLevel.HEADING_4, d.HeadingLevel.HEADING_5, d.HeadingLevel.HEADING_6][(b.depth ?? 2) - 1]!;
        const spans = notes ? [{ text: NOTES_ANNEX }] : b.spans;
        children.push(new d.Paragraph({ heading: level, ...(notes ? { pageBreakBefore: true } : {}), children: mark(b, inlines(spans)), ...markChange(b.spans) }));
        break;
      }
      case 'para': {
        const list = b.list;
        let numbering: { reference: string; level: number; instance: number } | undefined;
        let indent: { left: number } | undefined;
        let spans = b.spans;
        if (list?.label) {
          numbering = { reference: list.level === 0 ? LOOSE_ITEMS : ORDERED, level: list.level === 0 ? 0 : Math.min(list.level, 2), instance: list.instance };
          spans = withoutLabel(spans);
        } else if (list?.first) {
          numbering = { reference: list.ordered ? ORDERED : BULLETS, level: Math.min(list.level, 2), instance: list.instance };
        } else if (list) indent = { left: INDENT * (list.level + 1) };
        if (b.quote) indent = { left: INDENT * (b.quote + (list ? list.level + 1 : 0)) };
        const inSignature = b.segment === 'instrument/signature';
        children.push(
          new d.Paragraph({
            alignment: d.AlignmentType.JUSTIFIED,
            ...(numbering ? { numbering } : {}),
            ...(indent ? { indent } : {}),
            ...(b.segment === HEAD_ID || inSignature ? { keepNext: true, keepLines: true } : {}),
            ...markChange(b.spans),
            children: mark(b, inlines(spans)),
          }),
        );
        break;
      }
      case 'code':
        children.push(new d.Paragraph({ children: mark(b, b.spans[0]!.text.split('\n').flatMap((line, k) => [new d.TextRun({ text: line, font: MONO, size: 20, ...(k ? { break: 1 } : {}) })])) }));
        break;
      case 'rule':
        children.push(new d.Paragraph({ border: { bottom: { style: d.BorderStyle.SINGLE, size: 6, color: '888888', space: 1 } }, children: [] }));
        break;
      case 'row': {
        const rows: Block[] = [b];
        while (blocks[i + 1]?.kind === 'row' && !blocks[i + 1]!.tableStart) rows.push(blocks[++i]!);
        children.push(table(rows));
        break;
      }
    }
  }

  function table(rows: Block[]) {
    const columns = Math.max(...rows.map((r) => r.cells!.length));
    const width = Math.floor(100 / Math.max(1, columns));
    const signature = rows[0]!.segment === 'instrument/signature';
    return new d.Table({
      width: { size: 100, type: d.WidthType.PERCENTAGE },
      ...(signature ? { borders: d.TableBorders.NONE } : {}),
      rows: rows.map(
        (r) =>
          new d.TableRow({
            cantSplit: true,
            ...rowChange(r),
            children: Array.from({ length: columns }, (_, c) => {
              const cells = wordCells(r);
              const spans = cells[c] ?? [];
              const line = spans.length > 1 && spans[spans.length - 1]!.text.startsWith(' ___');
              const runs = inlines(spans);
              const first = c === 0 ? mark(r, runs) : runs;
              return new d.TableCell({
                width: { size: width, type: d.WidthType.PERCENTAGE },
                margins: { right: 240 },
                children: [new d.Paragraph({ keepNext: true, ...(line ? { spacing: { before: 600 } } : {}), children: first })],
              });
            }),
          }),
      ),
    });
  }

  /** A row whose every cell is a pending insertion (or deletion) is an inserted (deleted) row: Accept All adds (removes) it whole. */
  function rowChange(r: Block) {
    const spans = (r.cells ?? []).flat().filter((s) => s.text.trim() !== '');
    if (!spans.length) return {};
    const kind = spans[0]!.change?.kind;
    if (!kind || !spans.every((s) => s.change?.kind === kind)) return {};
    const rev = { id: revision++, author: spans[0]!.change!.author ?? author, date };
    return kind === 'ins' ? { insertion: rev } : { deletion: rev };
  }

  const hanging = (level: number) => ({ paragraph: { indent: { left: INDENT * (level + 1), hanging: INDENT } } });
  const { SEAL_PROPERTIES } = await import('../wordfile/seal.js');
  const doc = new d.Document({
    creator: 'spacecoop',
    lastModifiedBy: 'spacecoop',
    title: model.title,
    description: model.blocks.find((b) => b.kind === 'status')?.spans.map((s) => s.text).join('') ?? '',
    features: { updateFields: true, ...(model.blocks.some((b) => b.spans.some((s) => s.change) || b.cells?.some((c) => c.some((s) => s.change))) ? { trackRevisions: true } : {}) },
    ...(comments.length ? { comments: { children: comments } } : {}),
    customProperties: [
      ...SEAL_PROPERTIES,
      ...Object.entries(options.properties ?? {}).map(([name, value]) => ({ name, value })),
    ],
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 24, language: { value: lang } }, paragraph: { spacing: { after: 160, line: 264 } } },
        title: { run: { font: BODY_FONT, size: 32, bold: true, color: '000000' }, paragraph: { alignment: d.AlignmentType.CENTER, spacing: { after: 240, line: 300 } } },
        heading1: { run: { font: BODY_FONT, size: 28, bold: true, color: '000000' }, paragraph: { spacing: { before: 360, after: 160 }, keepNext: true, keepLines: true, outlineLevel: 0 } },
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
          reference: ORDERED,
          levels: [
            { level: 0, format: d.LevelFormat.DECIMAL, text: '%1.', alignment: d.AlignmentType.START, style: hanging(0) },
            { level: 1, format: d.LevelFormat.LOWER_LETTER, text: '(%2)', alignment: d.AlignmentType.START, style: hanging(1) },
            { level: 2, format: d.LevelFormat.LOWER_ROMAN, text: '(%3)', alignment: d.AlignmentType.START, style: hanging(2) },
          ],
        },
        { reference: LOOSE_ITEMS, levels: [{ level: 0, format: d.LevelFormat.LOWER_LETTER, text: '(%1)', alignment: d.AlignmentType.START, style: hanging(0) }] },
        {
          reference: BULLETS,
          levels: [0, 1, 2].map((level) => ({ level, format: d.LevelFormat.BULLET, text: ['•', '–', '◦'][level]!, alignment: d.AlignmentType.START, style: hanging(level) })),
        },
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
  return { d, doc };
}
