import { UserError, type Problem } from '../errors.js';
import { HEAD_ID, NOTES_ID, readDoc } from '../draftfile/document.js';
import type { Block, ExportDoc, Span } from './model.js';
import { MONO, spanRun } from './docx-runs.js';

// The Markdown reader and the HTML helpers are loaded when a parallel text is built, not when
// `check` imports `compareClauses`.
type HtmlHelpers = Pick<typeof import('./html.js'), 'escapeHtml' | 'spansHtml'>;
const segmentClause = (segment: string) => segment.replace(/#after$/, '');

/**
 * Two (or more) authentic texts of one instrument side by side: one document with a table for the
 * title, the preamble, each article and the signature block, one column per language, in the order
 * the texts are given (`[{lang: 'zh'}, {lang: 'en'}]` puts the Chinese column first). Texts are
 * aligned by their clause markers (`<!-- spacecoop:clause ID -->`); within a clause, paragraph by
 * paragraph when both texts have the same number of blocks, else the whole clause in one row. Each
 * text is read with the exporters' Markdown reader (`buildModel`), so hand edits and pending
 * changes come through as they do in a single-language export.
 *
 * Errors (UserError): a text whose markers are damaged (exit 2), one that still holds merge
 * conflicts (exit 1), and texts whose clauses differ (a clause in one text and not in the other,
 * or in another order: exit 2, each difference a problem). Nothing is written on an error.
 */
export interface ParallelText {
  /** BCP 47 tag of the text's language: `zh`, `en`. */
  lang: string;
  /** The Markdown draft as it stands. */
  markdown: string;
  /** The draft's file name, for messages and the Word record; default `<lang> text`. */
  file?: string;
}

export interface ParallelOptions {
  /** Append the drafting notes (after the texts, full width). */
  notes: boolean;
  /** Date of tracked changes (ISO 8601); default now. */
  date?: string;
  /** Author of pending changes that name none (Word); default `spacecoop`. */
  author?: string;
}

export type ParallelSectionKind = 'head' | 'preamble' | 'article' | 'signature' | 'text';

/** One table of the parallel document: a clause (or the title), its rows, one cell per language. */
export interface ParallelSection {
  /** `#head` or the clause id. */
  id: string;
  kind: ParallelSectionKind;
  /** rows[r][c]: the blocks of language c in row r. */
  rows: Block[][][];
}

export interface ParallelDoc {
  langs: string[];
  /** Each text's model (its comments are referenced by the spans of its column). */
  models: ExportDoc[];
  sections: ParallelSection[];
  /** The drafting notes of each text (deduplicated: identical notes once), when asked for. */
  notes: { lang: string; blocks: Block[]; column: number }[];
  title: string;
}

const LANG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const LANGUAGE_NAMES: Record<string, string> = { zh: '中文', en: 'English', fr: 'Français', es: 'Español', ru: 'Русский', ar: 'العربية', pt: 'Português' };
/** The column heading: the language's own name (`中文`, `English`), else its tag. */
export const languageName = (lang: string) => LANGUAGE_NAMES[lang.toLowerCase().split('-')[0]!] ?? lang;
const describeLang = (t: ParallelText) => t.file ?? `the ${languageName(t.lang)} text`;

const kindOf = (id: string): ParallelSectionKind =>
  id === HEAD_ID ? 'head' : id === 'instrument/preamble' ? 'preamble' : id === 'instrument/signature' ? 'signature' : id.startsWith('instrument/') ? 'text' : 'article';

/**
 * The clause ids of each text, compared: one problem per clause missing from a text, and one for
 * a difference in order when both texts hold the same clauses. Empty when the texts align.
 */
export function compareClauses(texts: readonly ParallelText[]): Problem[] {
  const ids = texts.map((t) => readDoc(t.markdown).units.filter((u) => u.kind === 'clause'));
  const problems: Problem[] = [];
  const [first, ...rest] = texts;
  if (!first) return problems;
  rest.forEach((other, k) => {
    const a = ids[0]!;
    const b = ids[k + 1]!;
    const inB = new Map(b.map((u) => [u.id, u.line]));
    const inA = new Map(a.map((u) => [u.id, u.line]));
    for (const u of a) if (!inB.has(u.id)) problems.push({ file: describeLang(first), line: u.line, message: `clause \`${u.id}\` is in ${describeLang(first)} but not in ${describeLang(other)}` });
    for (const u of b) if (!inA.has(u.id)) problems.push({ file: describeLang(other), line: u.line, message: `clause \`${u.id}\` is in ${describeLang(other)} but not in ${describeLang(first)}` });
    const commonA = a.filter((u) => inB.has(u.id)).map((u) => u.id);
    const commonB = b.filter((u) => inA.has(u.id));
    const i = commonA.findIndex((id, j) => commonB[j]!.id !== id);
    if (i >= 0) {
      problems.push({
        file: describeLang(other),
        line: commonB[i]!.line,
        message: `the clauses are in another order: \`${commonB[i]!.id}\` stands where ${describeLang(first)} has \`${commonA[i]}\``,
      });
    }
  });
  return problems;
}

/** The years (1800-2099) a block's text names, in order: the same in every language's version of it. */
export function yearsOf(blocks: Block[]): string {
  const text = blocks.map((b) => [...b.spans, ...(b.cells ?? []).flat()].map((s) => s.text).join('')).join('\n');
  return (text.match(/(?<!\d)(?:18|19|20)\d\d(?!\d)/g) ?? []).join(',');
}

/** Consecutive table rows are one unit (one table); every other block is a unit of its own. */
function units(blocks: Block[]): Block[][] {
  const out: Block[][] = [];
  for (const b of blocks) {
    const last = out[out.length - 1];
    if (b.kind === 'row' && !b.tableStart && last?.[0]?.kind === 'row') last.push(b);
    else out.push([b]);
  }
  return out;
}

/**
 * The texts aligned (pure; no file is read or written). Throws a UserError when they cannot be:
 * damaged markers, unresolved conflicts, clauses that differ.
 */
export async function alignTexts(texts: readonly ParallelText[], options: Pick<ParallelOptions, 'notes'>): Promise<ParallelDoc> {
  if (texts.length < 2) throw new UserError(`a parallel text needs at least two languages (got ${texts.length})`);
  const seen = new Set<string>();
  for (const t of texts) {
    if (!LANG.test(t.lang)) throw new UserError(`\`${t.lang}\` is not a language tag (expected one like zh or en)`);
    if (seen.has(t.lang)) throw new UserError(`the ${t.lang} text is given twice; a parallel text has one column per language`);
    seen.add(t.lang);
  }
  const { findConflicts } = await import('../draftfile/conflicts.js');
  for (const t of texts) {
    const damaged = readDoc(t.markdown).problems;
    if (damaged.length) {
      throw new UserError(`${describeLang(t)}: the clause markers are damaged, so the texts cannot be aligned; nothing was written`, {
        problems: damaged.map((p) => ({ file: describeLang(t), line: p.line, message: p.message })),
        hint: 'Each clause sits between `<!-- spacecoop:clause ID -->` and `<!-- /spacecoop:clause -->` lines: restore the marker.',
      });
    }
    const conflicts = findConflicts(t.markdown);
    if (conflicts.length) {
      throw new UserError(`${describeLang(t)} has ${conflicts.length} unresolved merge conflict${conflicts.length === 1 ? '' : 's'}; no parallel text is written`, {
        exitCode: 1,
        problems: conflicts.map((c) => ({ file: describeLang(t), line: c.line, message: `conflict in ${c.clauseId || 'the title and contents'}` })),
        hint: 'Keep one version of each <<<<<<< … >>>>>>> block and delete the markers, then export again.',
      });
    }
  }
  const problems = compareClauses(texts);
  if (problems.length) {
    throw new UserError(`the ${texts.map((t) => languageName(t.lang)).join(' and ')} texts do not have the same clauses, so they cannot stand side by side; nothing was written`, {
      problems,
      hint: 'Each authentic text must have the same clauses in the same order (the same `<!-- spacecoop:clause ID -->` markers): draft both from the same terms file, or add or move the clause by hand in the text that lacks it.',
    });
  }

  const { buildModel } = await import('./model.js');
  const models = texts.map((t) => buildModel(t.markdown, { notes: options.notes }));
  // Blocks of each text by section (a clause with the drafter's text after it; the title and status line).
  const bySection = models.map((m) => {
    const map = new Map<string, Block[]>();
    for (const b of m.blocks) {
      if (b.segment === NOTES_ID || b.kind === 'contents-label' || b.kind === 'contents-entry') continue;
      const id = segmentClause(b.segment);
      if (!map.has(id)) map.set(id, []);
      map.get(id)!.push(b);
    }
    return map;
  });
  const order = [HEAD_ID, ...readDoc(texts[0]!.markdown).units.filter((u) => u.kind === 'clause').map((u) => u.id)];
  const sections: ParallelSection[] = [];
  for (const id of order) {
    const columns = bySection.map((m) => units(m.get(id) ?? []));
    if (columns.every((c) => c.length === 0)) continue;
    // Row by row only when the texts agree block for block: as many blocks, and the same years in each
    // pair (a definition moved in one text would otherwise stand beside another term's).
    const same = columns.every((c) => c.length === columns[0]!.length) && columns[0]!.every((_, r) => columns.every((c) => yearsOf(c[r]!) === yearsOf(columns[0]![r]!)));
    const rows: Block[][][] = same ? columns[0]!.map((_, r) => columns.map((c) => c[r]!)) : [columns.map((c) => c.flat())];
    sections.push({ id, kind: kindOf(id), rows });
  }

  const notes: ParallelDoc['notes'] = [];
  if (options.notes) {
    const texts2 = new Set<string>();
    models.forEach((m, column) => {
      const blocks = m.blocks.filter((b) => b.segment === NOTES_ID);
      const key = JSON.stringify(blocks.map((b) => [b.kind, b.spans.map((s) => s.text), b.cells?.map((c) => c.map((s) => s.text))]));
      if (!blocks.length || texts2.has(key)) return;
      texts2.add(key);
      notes.push({ lang: texts[column]!.lang, blocks, column });
    });
  }
  return { langs: texts.map((t) => t.lang), models, sections, notes, title: models.map((m) => m.title).filter(Boolean).join(' / ') };
}

/**
 * The texts side by side as Word (`docx`, sealed like every Word file spacecoop writes, so the
 * output guard can tell an untouched file from a reviewed one) or as one HTML page (`html`, cells
 * marked with their `lang`, every character escaped, sealed). See `alignTexts` for the errors.
 */
export async function exportParallel(texts: ParallelText[], format: 'docx' | 'html', opts: ParallelOptions): Promise<string | Uint8Array> {
  const doc = await alignTexts(texts, opts);
  if (format === 'html') {
    const [{ sealText }, html] = await Promise.all([import('./seal.js'), import('./html.js')]);
    return sealText(parallelHtml(doc, html));
  }
  return parallelDocx(doc, { ...opts, files: texts.map((t) => describeLang(t)) });
}

// ---------------------------------------------------------------------------------------------
// HTML

const CSS = `
:root { color-scheme: light; }
body { font-family: "Times New Roman", Times, "Noto Serif", serif; font-size: 12pt; line-height: 1.5; color: #000; background: #fff; max-width: 64em; margin: 2em auto; padding: 0 1.5em; }
:lang(zh) { font-family: "Noto Serif CJK SC", "Source Han Serif SC", SimSun, "Songti SC", serif; }
table.parallel { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0 0 1.2em; }
table.parallel > tbody > tr > td, table.parallel > tbody > tr > th { vertical-align: top; padding: 0.2em 0.8em; width: 50%; overflow-wrap: anywhere; }
table.parallel > tbody > tr > th { font-weight: normal; color: #555; text-align: left; border-bottom: 1px solid #888; }
table.parallel > tbody > tr > td + td, table.parallel > tbody > tr > th + th { border-left: 1px solid #ccc; }
h1 { font-size: 15pt; text-align: center; margin: 0 0 0.6em; }
h2 { font-size: 12.5pt; margin: 0.8em 0 0.3em; }
h3 { font-size: 12pt; margin: 0.8em 0 0.3em; }
p { margin: 0 0 0.6em; text-align: justify; }
.status { text-align: center; font-style: italic; }
:lang(zh) .status, .status:lang(zh) { font-style: normal; }
table.inner tr.line td { padding-top: 2.5em; }
.para { padding-left: 2.2em; text-indent: -2.2em; }
.item { padding-left: 2.2em; }
table.inner { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.inner th, table.inner td { text-align: left; vertical-align: top; padding: 0.3em 0.5em 0.3em 0; }
.notes { margin-top: 3em; border-top: 1px solid #888; }
code { font-family: "Courier New", Courier, monospace; font-size: 0.92em; }
@page { size: A4; margin: 20mm 18mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; }
  table.parallel tr { break-inside: avoid; page-break-inside: avoid; }
  .notes { break-before: page; page-break-before: always; border-top: none; margin-top: 0; }
}
`.trim();

function blockHtml(b: Block, comments: ExportDoc['comments'], { escapeHtml, spansHtml }: HtmlHelpers): string {
  const inline = (spans: Span[]) => spansHtml(spans, comments);
  switch (b.kind) {
    case 'title':
      return `<h1>${inline(b.spans)}</h1>`;
    case 'status':
      return `<p class="status">${inline(b.spans)}</p>`;
    case 'heading': {
      const depth = Math.min(6, Math.max(2, b.depth ?? 2));
      return `<h${depth}>${inline(b.spans)}</h${depth}>`;
    }
    case 'para': {
      const l = b.list;
      if (l?.first && !l.label) return `<p class="para">${l.ordered ? `${l.number}.` : '•'}&#8195;${inline(b.spans)}</p>`;
      if (l) return `<p class="item">${inline(b.spans)}</p>`;
      return `<p>${inline(b.spans)}</p>`;
    }
    case 'code':
      return `<pre><code>${escapeHtml(b.spans[0]?.text ?? '')}</code></pre>`;
    case 'rule':
      return '<hr>';
    default:
      return '';
  }
}

function cellHtml(blocks: Block[], comments: ExportDoc['comments'], h: HtmlHelpers): string {
  const out: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind !== 'row') {
      out.push(blockHtml(b, comments, h));
      continue;
    }
    const rows = [b];
    while (blocks[i + 1]?.kind === 'row' && !blocks[i + 1]!.tableStart) rows.push(blocks[++i]!);
    out.push('<table class="inner">');
    for (const r of rows) {
      const tag = r.header ? 'th' : 'td';
      const line = !r.header && r.cells!.some((c) => signatureLine(c));
      out.push(`<tr${line ? ' class="line"' : ''}>${r.cells!.map((c) => `<${tag}>${h.spansHtml(c, comments)}${signatureLine(c) ? SIGNATURE_LINE : ''}</${tag}>`).join('')}</tr>`);
    }
    out.push('</table>');
  }
  return out.join('');
}

/** The aligned texts as one self-contained HTML page (no scripts, no external resources). */
export function parallelHtml(doc: ParallelDoc, h: HtmlHelpers): string {
  const { escapeHtml } = h;
  const lang = (i: number) => escapeHtml(doc.langs[i]!);
  const out: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${lang(0)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="spacecoop">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>\n${CSS}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
  ];
  for (const s of doc.sections) {
    out.push(`<section class="${s.kind}" data-clause="${escapeHtml(s.id)}">`, '<table class="parallel">', '<tbody>');
    if (s.kind === 'head') out.push(`<tr>${doc.langs.map((l, i) => `<th lang="${lang(i)}">${escapeHtml(languageName(l))}</th>`).join('')}</tr>`);
    for (const row of s.rows) out.push(`<tr>${row.map((blocks, c) => `<td lang="${lang(c)}">${cellHtml(blocks, doc.models[c]!.comments, h)}</td>`).join('')}</tr>`);
    out.push('</tbody>', '</table>', '</section>');
  }
  for (const n of doc.notes) out.push(`<section class="notes" lang="${escapeHtml(n.lang)}">`, cellHtml(n.blocks, doc.models[n.column]!.comments, h), '</section>');
  out.push('</main>', '</body>', '</html>');
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Word

const FONT = 'Times New Roman';
/** East Asian text: SimSun, which every Chinese Word has; LibreOffice substitutes a CJK serif (Noto Serif CJK SC) where it lacks it. */
export const EAST_ASIAN_FONT = 'SimSun';
const RUN_FONT = { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: EAST_ASIAN_FONT };
const INDENT = 567; // 1 cm, in twentieths of a point
const MARGIN = 1134; // 2 cm
/** A4 width less the margins, in twentieths of a point. */
const TEXT_WIDTH = 11906 - 2 * MARGIN;

/** Word's language tag for proofing: `zh` -> `zh-CN`, `en` -> `en-GB`; a tag with a region is kept. */
const wordLang = (lang: string) => (lang.includes('-') ? lang : ({ zh: 'zh-CN', en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ru: 'ru-RU', ar: 'ar-SA', pt: 'pt-BR' } as Record<string, string>)[lang.toLowerCase()] ?? lang);
const isEastAsian = (lang: string) => /^(zh|ja|ko)\b/i.test(lang);
/** The cell a signatory signs in (`Signature:`, `签字：`): a line to sign on follows it. */
const SIGNATURE_CELL = /^(Signature|Signed|签字|签名)\s*[:：]\s*$/;
const signatureLine = (cell: Span[] | undefined) => cell !== undefined && SIGNATURE_CELL.test(cell.map((s) => s.text).join(''));
/** Shorter than a single-language export's: a signatory's cell is a quarter of the page wide. */
const SIGNATURE_LINE = ' __________';

async function parallelDocx(doc: ParallelDoc, opts: ParallelOptions & { files: string[] }): Promise<Uint8Array> {
  const d = await import('docx');
  const author = opts.author ?? 'spacecoop';
  const date = opts.date ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  let revision = 1;
  const revisions = { next: () => revision++, author, date };
  type Inline = ConstructorParameters<typeof d.Paragraph>[0] extends infer O ? (O extends { children?: readonly (infer C)[] } ? C : never) : never;
  type CellChild = InstanceType<typeof d.Paragraph> | InstanceType<typeof d.Table>;

  const runLanguage = (lang: string) => (isEastAsian(lang) ? { eastAsia: wordLang(lang), value: 'en-GB' } : { value: wordLang(lang) });

  /** Spans -> runs; pending changes as tracked changes, comments as bracketed italics after what they cover. */
  const inlines = (spans: Span[], lang: string, comments: ExportDoc['comments'], extra: { bold?: boolean; italics?: boolean } = {}): Inline[] => {
    const out: Inline[] = [];
    const language = runLanguage(lang);
    const hint = isEastAsian(lang) ? { font: { ...RUN_FONT, hint: 'eastAsia' } } : {};
    spans.forEach((s, i) => {
      const run = spanRun(d, s, extra, { language, ...hint }, revisions);
      if (run) out.push(run);
      for (const c of s.comments ?? []) {
        if (spans.slice(i + 1).some((n) => n.comments?.includes(c))) continue;
        const cm = comments[c]!;
        out.push(new d.TextRun({ text: ` [${cm.author ? `${cm.author}: ` : ''}${cm.text}]`, italics: true, language }));
      }
    });
    return out;
  };

  const blockParagraphs = (blocks: Block[], lang: string, comments: ExportDoc['comments']): CellChild[] => {
    const out: CellChild[] = [];
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      const runs = (extra: { bold?: boolean; italics?: boolean } = {}) => inlines(b.spans, lang, comments, extra);
      switch (b.kind) {
        case 'title':
          out.push(new d.Paragraph({ alignment: d.AlignmentType.CENTER, spacing: { after: 240 }, children: runs({ bold: true }) }));
          break;
        case 'status':
          // Chinese has no italics: the status line stands upright in a CJK column.
          out.push(new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: runs(isEastAsian(lang) ? {} : { italics: true }) }));
          break;
        case 'heading':
          out.push(new d.Paragraph({ keepNext: true, spacing: { before: 120, after: 120 }, children: runs({ bold: true }) }));
          break;
        case 'para': {
          const l = b.list;
          const number = l?.first && !l.label ? [new d.TextRun({ text: `${l.ordered ? `${l.number}.` : '•'}\t`, language: runLanguage(lang) })] : [];
          const indent = l ? { left: INDENT * (l.level + 1), ...(number.length ? { hanging: INDENT } : {}) } : undefined;
          out.push(new d.Paragraph({ alignment: d.AlignmentType.JUSTIFIED, ...(indent ? { indent } : {}), children: [...number, ...runs()] }));
          break;
        }
        case 'code':
          out.push(new d.Paragraph({ children: (b.spans[0]?.text ?? '').split('\n').map((line, k) => new d.TextRun({ text: line, font: MONO, size: 20, ...(k ? { break: 1 } : {}) })) }));
          break;
        case 'rule':
          out.push(new d.Paragraph({ border: { bottom: { style: d.BorderStyle.SINGLE, size: 6, color: '888888', space: 1 } }, children: [] }));
          break;
        case 'row': {
          const rows = [b];
          while (blocks[i + 1]?.kind === 'row' && !blocks[i + 1]!.tableStart) rows.push(blocks[++i]!);
          const columns = Math.max(...rows.map((r) => r.cells!.length));
          out.push(
            new d.Table({
              width: { size: 100, type: d.WidthType.PERCENTAGE },
              borders: d.TableBorders.NONE,
              rows: rows.map(
                (r) =>
                  new d.TableRow({
                    cantSplit: true,
                    children: Array.from(
                      { length: columns },
                      (_, c) =>
                        new d.TableCell({
                          width: { size: Math.floor(100 / columns), type: d.WidthType.PERCENTAGE },
                          children: [
                            new d.Paragraph({
                              keepNext: true,
                              ...(signatureLine(r.cells![c]) ? { spacing: { before: 600 } } : {}),
                              children: [
                                ...inlines(r.cells![c] ?? [], lang, comments, r.header ? { bold: true } : {}),
                                ...(signatureLine(r.cells![c]) ? [new d.TextRun({ text: SIGNATURE_LINE, language: runLanguage(lang) })] : []),
                              ],
                            }),
                          ],
                        }),
                    ),
                  }),
              ),
            }),
          );
          // A cell must end with a paragraph.
          out.push(new d.Paragraph({ children: [] }));
          break;
        }
        default:
          break;
      }
    }
    if (!out.length) out.push(new d.Paragraph({ children: [] }));
    return out;
  };

  const width = Math.floor(100 / doc.langs.length);
  const children: (InstanceType<typeof d.Paragraph> | InstanceType<typeof d.Table>)[] = [];
  for (const s of doc.sections) {
    const header =
      s.kind === 'head'
        ? [
            new d.TableRow({
              tableHeader: true,
              children: doc.langs.map(
                (l) => new d.TableCell({ width: { size: width, type: d.WidthType.PERCENTAGE }, children: [new d.Paragraph({ children: [new d.TextRun({ text: languageName(l), color: '555555', language: runLanguage(l) })] })] }),
              ),
            }),
          ]
        : [];
    children.push(
      new d.Table({
        width: { size: 100, type: d.WidthType.PERCENTAGE },
        columnWidths: doc.langs.map(() => Math.floor(TEXT_WIDTH / doc.langs.length)),
        borders: { ...d.TableBorders.NONE, insideVertical: { style: d.BorderStyle.SINGLE, size: 4, color: 'BBBBBB' } },
        rows: [
          ...header,
          ...s.rows.map(
            (row) =>
              new d.TableRow({
                cantSplit: s.kind !== 'head' && row.flat().length <= 2,
                children: row.map(
                  (blocks, c) =>
                    new d.TableCell({
                      width: { size: width, type: d.WidthType.PERCENTAGE },
                      margins: { left: 113, right: 113 },
                      children: blockParagraphs(blocks, doc.langs[c]!, doc.models[c]!.comments),
                    }),
                ),
              }),
          ),
        ],
      }),
    );
    children.push(new d.Paragraph({ spacing: { after: 0 }, children: [] }));
  }
  doc.notes.forEach((n, k) => {
    if (k === 0) children.push(new d.Paragraph({ children: [new d.PageBreak()] }));
    children.push(...blockParagraphs(n.blocks, n.lang, doc.models[n.column]!.comments));
  });

  const [{ SEAL_PROPERTIES }, { packDocx }] = await Promise.all([import('../wordfile/seal.js'), import('./docx-pack.js')]);
  const document = new d.Document({
    creator: 'spacecoop',
    lastModifiedBy: 'spacecoop',
    title: doc.title,
    description: `Parallel text: ${doc.langs.map(languageName).join(' / ')}`,
    features: doc.models.some((m) => m.blocks.some((b) => b.spans.some((s) => s.change) || b.cells?.some((c) => c.some((s) => s.change)))) ? { trackRevisions: true } : {},
    customProperties: [
      ...SEAL_PROPERTIES,
      // A parallel text is read, not imported: `import` takes one language's Word file.
      { name: 'spacecoop.parallel', value: doc.langs.join(',') },
      { name: 'spacecoop.parallel.drafts', value: opts.files.map((f) => f.split(/[\\/]/).pop()!).join(' | ').slice(0, 240) },
    ],
    styles: {
      default: {
        document: { run: { font: RUN_FONT, size: 22, language: { value: 'en-GB', eastAsia: 'zh-CN' } }, paragraph: { spacing: { after: 120, line: 276 } } },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN }, pageNumbers: { start: 1 } } },
        footers: {
          default: new d.Footer({ children: [new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [new d.TextRun({ children: [d.PageNumber.CURRENT], size: 20 })] })] }),
        },
        children,
      },
    ],
  });
  return packDocx(d, document);
}
