import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import { isUserError, UserError } from '../errors.js';

/**
 * The one reader of Word files (.docx, Office Open XML WordprocessingML, ISO/IEC 29500) for the
 * whole project: the overwrite guard, `import` and the review of a foreign .docx all use it. It
 * reads what a reviewer leaves in a file, including what simpler readers drop: tracked insertions
 * and deletions (`w:ins`, `w:del`, `w:moveTo`, `w:moveFrom`, and inserted or deleted paragraph
 * marks), comments with their anchors, and bookmarks. Files re-saved by Word or LibreOffice read the
 * same as files spacecoop wrote.
 *
 * Zip: fflate; XML: @xmldom/xmldom. Pure: bytes in, a plain object out; no file system.
 */

/** Who made a tracked change, and when (ISO 8601, as Word stores it; absent when not recorded). */
export interface DocxChange {
  kind: 'ins' | 'del';
  author: string;
  date?: string;
}

/** A stretch of text with one formatting and one change state. */
export interface DocxRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Set in a monospaced font (Courier New, Consolas, ...). */
  code?: boolean;
  /** A pending tracked change: inserted or deleted text. */
  change?: DocxChange;
  /** Ids of the comments whose range covers this run. */
  comments?: string[];
}

export interface DocxParagraph {
  /** 0-based position among all paragraphs (body, tables, content controls), in document order. */
  index: number;
  /** Paragraph style id (`Title`, `Heading2`, `ListParagraph`, ...), if any. */
  style?: string;
  /** List numbering: `w:numId` and the level (0-based). */
  numbering?: { numId: string; level: number };
  /** The text with every pending change accepted (what "Accept All" shows). */
  text: string;
  /** The text with every pending change rejected (what "Reject All" shows). */
  original: string;
  runs: DocxRun[];
  /** Names of the bookmarks that start in this paragraph. */
  bookmarks: string[];
  /** Ids of the comments anchored in this paragraph (range start or reference mark). */
  comments: string[];
  /** The paragraph mark itself is a tracked insertion or deletion (a paragraph added or removed whole, or merged). */
  mark?: DocxChange;
  /** Inside a table cell: the table's 0-based number in the document, row and cell. */
  cell?: { table: number; row: number; cell: number };
  /** An entry of a table of contents (Word and LibreOffice rewrite these when they update fields). */
  toc?: boolean;
}

export interface DocxComment {
  id: string;
  author: string;
  initials?: string;
  date?: string;
  /** The comment's own text, its paragraphs joined by newlines. */
  text: string;
  /** The commented text (between the range start and end), where the file marks a range. */
  anchor: string;
  /** Index of the paragraph the comment is anchored in; -1 when no anchor is found. */
  paragraph: number;
}

export interface DocxDocument {
  paragraphs: DocxParagraph[];
  comments: DocxComment[];
  /** Core properties (docProps/core.xml): `creator`, `lastModifiedBy`, `title`, ... as strings. */
  core: Record<string, string>;
  /** Custom document properties (docProps/custom.xml), name -> value as text. */
  custom: Record<string, string>;
  /** The application that saved the file last (docProps/app.xml `Application`), if recorded. */
  application?: string;
}

/** Parts larger than this are refused (a .docx of a long agreement is well under 1 MiB). */
const MAX_PART = 32 * 1024 * 1024;
const WANTED = new Set(['word/document.xml', 'word/comments.xml', 'docProps/core.xml', 'docProps/custom.xml', 'docProps/app.xml']);
const MONO = /courier|consolas|mono|menlo|lucida console/i;

/** A .docx's parts that the reader uses, by path: the unzipped bytes of each that is present. */
export type DocxParts = Record<string, Uint8Array>;

/**
 * Reads a .docx. `name` is used in messages only.
 *
 * @throws UserError (exit 2) when the bytes are not a zip archive, hold no `word/document.xml`,
 *   hold a part larger than 32 MiB uncompressed, or a part that is not well-formed XML.
 */
export function readDocx(bytes: Uint8Array, name = 'the file'): DocxDocument {
  return readDocxParts(unzipDocx(bytes, name), name);
}

/**
 * The parts of a .docx that `readDocxParts` reads, unzipped; the rest are not inflated.
 *
 * @throws UserError (exit 2) when the bytes are not a zip archive or a wanted part is larger than 32 MiB.
 */
export function unzipDocx(bytes: Uint8Array, name = 'the file'): DocxParts {
  try {
    return unzipSync(bytes, {
      filter: (f) => {
        if (!WANTED.has(f.name)) return false;
        if (f.originalSize > MAX_PART) throw new UserError(`${name}: the part ${f.name} is larger than 32 MiB; not read`);
        return true;
      },
    });
  } catch (e) {
    if (isUserError(e)) throw e;
    throw new UserError(`${name} is not a Word document (.docx): it cannot be opened as a zip archive`, {
      hint: 'Save it from Word or LibreOffice as "Word Document (.docx)"; .doc and .odt files are not read.',
    });
  }
}

/**
 * Reads a .docx given as its parts (path -> bytes, as `unzipDocx` returns them or as a writer
 * made them before zipping). Other parts are ignored.
 *
 * @throws UserError (exit 2) when there is no `word/document.xml` or a part is not well-formed XML.
 */
export function readDocxParts(files: DocxParts, name = 'the file'): DocxDocument {
  const { paragraphs, comments } = readContent(files, name);
  const app = partReader(files, name)('docProps/app.xml');
  const application = app ? textOf(firstChild(app.documentElement!, 'Application')) : undefined;
  return {
    paragraphs,
    comments,
    ...readProperties(files, name),
    ...(application ? { application } : {}),
  };
}

/**
 * Only what a reader of the document sees, paragraphs and comments (what its fingerprint covers),
 * from its parts; the properties are not parsed.
 *
 * @throws UserError (exit 2) when there is no `word/document.xml` or a part is not well-formed XML.
 */
export function readContent(files: DocxParts, name = 'the file'): Pick<DocxDocument, 'paragraphs' | 'comments'> {
  if (!files['word/document.xml']) throw new UserError(`${name} is not a Word document (.docx): it has no word/document.xml`);
  const xml = partReader(files, name);
  const body = xml('word/document.xml')!;
  const comments = readComments(xml('word/comments.xml'));
  const walker = new Walker();
  const root = firstChild(body.documentElement!, 'w:body');
  if (root) walker.block(root);
  for (const c of comments) {
    const at = walker.commentAnchors.get(c.id);
    c.paragraph = at?.paragraph ?? -1;
    c.anchor = at?.text ?? '';
  }
  return { paragraphs: walker.paragraphs, comments };
}

/**
 * Only the document properties of a .docx given as its parts: core (`creator`, `lastModifiedBy`,
 * ...) and custom, each name -> text. The body is not parsed.
 *
 * @throws UserError (exit 2) when a properties part is not well-formed XML.
 */
export function readProperties(files: DocxParts, name = 'the file'): Pick<DocxDocument, 'core' | 'custom'> {
  const xml = partReader(files, name);
  return { core: readCore(xml('docProps/core.xml')), custom: readCustom(xml('docProps/custom.xml')) };
}

const partReader = (files: DocxParts, name: string) => (part: string) => {
  const data = files[part];
  return data ? parseXml(new TextDecoder().decode(data), `${name} (${part})`) : undefined;
};

function parseXml(text: string, where: string) {
  const parse = (locator: boolean) =>
    new DOMParser({
      locator,
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'application/xml');
  try {
    // Without the locator (line and column of every node, which nothing here reads) a part parses
    // about a quarter faster; a part that fails is parsed again with it, for the message's position.
    try {
      return parse(false);
    } catch {
      return parse(true);
    }
  } catch (e) {
    throw new UserError(`${where} is not well-formed XML: ${String((e as Error).message).split('\n')[0]}`, {
      hint: 'The file is damaged; open it in Word or LibreOffice and save it again.',
    });
  }
}

const elements = (n: Node): Element[] => {
  const out: Element[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as Element);
  return out;
};
const firstChild = (n: Node, tag: string): Element | undefined => elements(n).find((e) => e.nodeName === tag);
const textOf = (n: Node | undefined): string => (n ? (n.textContent ?? '') : '');
const attr = (e: Element | undefined, name: string): string | undefined => e?.getAttribute(name) ?? undefined;

function changeOf(e: Element, kind: DocxChange['kind']): DocxChange {
  const date = attr(e, 'w:date');
  return { kind, author: attr(e, 'w:author') ?? '', ...(date ? { date } : {}) };
}

/** A run property that is on unless `w:val` says false/0/off. */
function flag(rPr: Element | undefined, tag: string): boolean {
  const e = rPr ? firstChild(rPr, tag) : undefined;
  if (!e) return false;
  const v = attr(e, 'w:val');
  return v === undefined || !/^(false|0|off|none)$/i.test(v);
}

class Walker {
  paragraphs: DocxParagraph[] = [];
  /** Comment id -> where its range starts (or its reference mark is), and the text it covers. */
  commentAnchors = new Map<string, { paragraph: number; text: string }>();
  private openComments = new Set<string>();
  private tables = 0;
  private cell: DocxParagraph['cell'];
  private inToc = false;

  /** Block-level content: paragraphs, tables, content controls, block-level tracked changes. */
  block(parent: Node): void {
    for (const e of elements(parent)) {
      switch (e.nodeName) {
        case 'w:p':
          this.paragraph(e);
          break;
        case 'w:tbl':
          this.table(e);
          break;
        case 'w:sdt': {
          const content = firstChild(e, 'w:sdtContent');
          const pr = firstChild(e, 'w:sdtPr');
          const gallery = pr && firstChild(pr, 'w:docPartObj');
          const toc = /contents/i.test(attr(gallery && firstChild(gallery, 'w:docPartGallery'), 'w:val') ?? '');
          const outer = this.inToc;
          this.inToc ||= toc;
          if (content) this.block(content);
          this.inToc = outer;
          break;
        }
        case 'w:customXml':
        case 'w:ins':
        case 'w:del':
        case 'w:moveTo':
        case 'w:moveFrom':
          this.block(e);
          break;
        default:
          break; // w:sectPr, w:bookmarkEnd, w:commentRangeEnd between paragraphs, ...
      }
    }
  }

  private table(tbl: Element): void {
    const table = this.tables++;
    const outer = this.cell;
    let row = 0;
    for (const tr of elements(tbl).filter((e) => e.nodeName === 'w:tr')) {
      let cell = 0;
      for (const tc of elements(tr).filter((e) => e.nodeName === 'w:tc')) {
        this.cell = { table, row, cell };
        this.block(tc);
        cell++;
      }
      row++;
    }
    this.cell = outer;
  }

  private paragraph(p: Element): void {
    const pPr = firstChild(p, 'w:pPr');
    const style = attr(pPr && firstChild(pPr, 'w:pStyle'), 'w:val');
    const numPr = pPr && firstChild(pPr, 'w:numPr');
    const numId = attr(numPr && firstChild(numPr, 'w:numId'), 'w:val');
    const level = attr(numPr && firstChild(numPr, 'w:ilvl'), 'w:val');
    const markPr = pPr && firstChild(pPr, 'w:rPr');
    const markIns = markPr && firstChild(markPr, 'w:ins');
    const markDel = markPr && firstChild(markPr, 'w:del');
    const para: DocxParagraph = {
      index: this.paragraphs.length,
      ...(style ? { style } : {}),
      ...(numId && numId !== '0' ? { numbering: { numId, level: Number(level ?? 0) } } : {}),
      text: '',
      original: '',
      runs: [],
      bookmarks: [],
      comments: [],
      ...(markDel ? { mark: changeOf(markDel, 'del') } : markIns ? { mark: changeOf(markIns, 'ins') } : {}),
      ...(this.cell ? { cell: { ...this.cell } } : {}),
      ...(this.inToc || /^(TOC|Contents)\s?\d/i.test(style ?? '') ? { toc: true } : {}),
    };
    this.paragraphs.push(para);
    // A comment still open from an earlier paragraph covers this one too.
    for (const id of this.openComments) if (!para.comments.includes(id)) para.comments.push(id);
    this.inline(p, para, undefined);
    para.text = para.runs.filter((r) => r.change?.kind !== 'del').map((r) => r.text).join('');
    para.original = para.runs.filter((r) => r.change?.kind !== 'ins').map((r) => r.text).join('');
  }

  private inline(parent: Node, para: DocxParagraph, change: DocxChange | undefined): void {
    for (const e of elements(parent)) {
      switch (e.nodeName) {
        case 'w:r':
          this.run(e, para, change);
          break;
        case 'w:ins':
        case 'w:moveTo':
          this.inline(e, para, changeOf(e, 'ins'));
          break;
        case 'w:del':
        case 'w:moveFrom':
          this.inline(e, para, changeOf(e, 'del'));
          break;
        case 'w:hyperlink':
        case 'w:smartTag':
        case 'w:customXml':
        case 'w:fldSimple':
        case 'w:dir':
        case 'w:bdo':
          this.inline(e, para, change);
          break;
        case 'w:sdt': {
          // LibreOffice keeps a table of contents it has not updated as an inline content control named "Contents".
          const pr = firstChild(e, 'w:sdtPr');
          const gallery = pr && firstChild(pr, 'w:docPartObj');
          const name = `${attr(pr && firstChild(pr, 'w:alias'), 'w:val') ?? ''} ${attr(gallery && firstChild(gallery, 'w:docPartGallery'), 'w:val') ?? ''}`;
          if (/contents/i.test(name)) para.toc = true;
          const content = firstChild(e, 'w:sdtContent');
          if (content) this.inline(content, para, change);
          break;
        }
        case 'w:bookmarkStart': {
          const name = attr(e, 'w:name');
          if (name) para.bookmarks.push(name);
          break;
        }
        case 'w:commentRangeStart': {
          const id = attr(e, 'w:id');
          if (id === undefined) break;
          this.openComments.add(id);
          if (!para.comments.includes(id)) para.comments.push(id);
          if (!this.commentAnchors.has(id)) this.commentAnchors.set(id, { paragraph: para.index, text: '' });
          break;
        }
        case 'w:commentRangeEnd': {
          const id = attr(e, 'w:id');
          if (id !== undefined) this.openComments.delete(id);
          break;
        }
        default:
          break; // w:pPr, w:proofErr, w:permStart, w:bookmarkEnd, ...
      }
    }
  }

  private run(r: Element, para: DocxParagraph, change: DocxChange | undefined): void {
    const rPr = firstChild(r, 'w:rPr');
    const fonts = rPr && firstChild(rPr, 'w:rFonts');
    const style = {
      ...(flag(rPr, 'w:b') ? { bold: true } : {}),
      ...(flag(rPr, 'w:i') ? { italic: true } : {}),
      ...(MONO.test(attr(fonts, 'w:ascii') ?? attr(fonts, 'w:hAnsi') ?? '') ? { code: true } : {}),
    };
    let text = '';
    for (const c of elements(r)) {
      switch (c.nodeName) {
        case 'w:t':
        case 'w:delText':
          text += textOf(c);
          break;
        case 'w:tab':
        case 'w:ptab':
          text += '\t';
          break;
        case 'w:br':
          // A page or column break is layout, not text.
          if (!/^(page|column)$/.test(attr(c, 'w:type') ?? '')) text += '\n';
          break;
        case 'w:cr':
          text += '\n';
          break;
        case 'w:noBreakHyphen':
          text += '\u2011';
          break;
        case 'w:softHyphen':
          text += '\u00AD';
          break;
        case 'w:sym': {
          const code = attr(c, 'w:char');
          if (code && /^[0-9A-Fa-f]{1,4}$/.test(code)) text += String.fromCharCode(parseInt(code, 16));
          break;
        }
        case 'w:instrText':
          if (/^\s*TOC\b/.test(textOf(c))) para.toc = true;
          break;
        case 'w:commentReference': {
          const id = attr(c, 'w:id');
          if (id === undefined) break;
          if (!para.comments.includes(id)) para.comments.push(id);
          if (!this.commentAnchors.has(id)) this.commentAnchors.set(id, { paragraph: para.index, text: '' });
          break;
        }
        default:
          break; // w:rPr, w:instrText (field codes are not text), w:fldChar, w:lastRenderedPageBreak, drawings
      }
    }
    if (!text) return;
    const comments = [...this.openComments];
    for (const id of comments) {
      const a = this.commentAnchors.get(id);
      if (a) a.text += text;
    }
    const last = para.runs[para.runs.length - 1];
    const same = (a: DocxRun) =>
      !!a.bold === !!style.bold &&
      !!a.italic === !!('italic' in style) &&
      !!a.code === !!('code' in style) &&
      a.change?.kind === change?.kind &&
      a.change?.author === change?.author &&
      (a.comments ?? []).join() === comments.join();
    if (last && same(last)) last.text += text;
    else para.runs.push({ text, ...style, ...(change ? { change } : {}), ...(comments.length ? { comments } : {}) });
  }
}

function readComments(xml: ReturnType<typeof parseXml> | undefined): DocxComment[] {
  if (!xml?.documentElement) return [];
  return elements(xml.documentElement)
    .filter((e) => e.nodeName === 'w:comment')
    .map((e) => {
      const initials = attr(e, 'w:initials');
      const date = attr(e, 'w:date');
      const paragraphs: string[] = [];
      const collect = (n: Node) => {
        for (const c of elements(n)) {
          if (c.nodeName === 'w:p') {
            let t = '';
            const runs = (m: Node) => {
              for (const x of elements(m)) {
                if (x.nodeName === 'w:t') t += textOf(x);
                else if (x.nodeName === 'w:tab') t += '\t';
                else if (x.nodeName === 'w:br') t += '\n';
                else if (x.nodeName !== 'w:delText' && x.nodeName !== 'w:instrText' && x.nodeName !== 'w:del') runs(x);
              }
            };
            runs(c);
            paragraphs.push(t);
          } else collect(c);
        }
      };
      collect(e);
      return {
        id: attr(e, 'w:id') ?? '',
        author: attr(e, 'w:author') ?? '',
        ...(initials ? { initials } : {}),
        ...(date ? { date } : {}),
        text: paragraphs.join('\n'),
        anchor: '',
        paragraph: -1,
      };
    });
}

function readCore(xml: ReturnType<typeof parseXml> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!xml?.documentElement) return out;
  for (const e of elements(xml.documentElement)) out[e.localName ?? e.nodeName] = textOf(e);
  return out;
}

function readCustom(xml: ReturnType<typeof parseXml> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!xml?.documentElement) return out;
  for (const e of elements(xml.documentElement)) {
    const name = attr(e, 'name');
    if (e.localName === 'property' && name) out[name] = textOf(elements(e)[0]);
  }
  return out;
}
