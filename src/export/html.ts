import type { Article, Block, Draft } from '../render/draft.js';
import { articleHeading } from './markdown.js';
import { parseInline, plainText } from './inline.js';
import { NOTES_HEADING, noteSections, notesIntro, statusLine } from './notes.js';

export interface HtmlOptions {
  notes?: boolean;
  /** BCP 47 tag of the language the draft is written in; default `en`. */
  lang?: string;
  /** A contents list after the title (`--toc`); none by default. */
  toc?: boolean;
}

/** Escapes text for element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Inline Markdown -> HTML: every character literal, only emphasis, bold and code as elements. */
export function inlineHtml(text: string): string {
  return parseInline(text)
    .map((r) => {
      let s = escapeHtml(r.text);
      if (r.code) s = `<code>${s}</code>`;
      if (r.italic) s = `<em>${s}</em>`;
      if (r.bold) s = `<strong>${s}</strong>`;
      return s;
    })
    .join('');
}

const LANG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

// Print-first: A4 margins, serif body, numbered paragraphs with a hanging indent, the notes on a
// new page, headings kept with what follows. No external fonts or resources.
const CSS = `
:root { color-scheme: light; }
body { font-family: "Times New Roman", Times, "Noto Serif", serif; font-size: 12pt; line-height: 1.45; color: #000; background: #fff; max-width: 46em; margin: 2em auto; padding: 0 1.5em; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 0.6em; }
h2 { font-size: 12.5pt; margin: 1.6em 0 0.6em; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 12pt; margin: 1.2em 0 0.4em; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 0.7em; text-align: justify; hyphens: auto; overflow-wrap: anywhere; }
.status { text-align: center; font-style: italic; }
nav ul { list-style: none; padding-left: 0; }
nav a { color: inherit; text-decoration: none; }
.para, .item { position: relative; }
.para { padding-left: 2.2em; }
.item { padding-left: 4.4em; }
.para > .num, .item > .num { position: absolute; left: 0; width: 2.2em; }
.item > .num { left: 2.2em; }
.article > .item.loose { padding-left: 2.2em; }
.article > .item.loose > .num { left: 0; }
table.signatures { width: 100%; border-collapse: collapse; margin-top: 2em; table-layout: fixed; }
table.signatures th, table.signatures td { text-align: left; vertical-align: top; padding: 0.4em 1em 0.4em 0; overflow-wrap: anywhere; }
table.signatures .line { padding-top: 2.5em; }
.notes { border-top: 1px solid #888; margin-top: 3em; }
code { font-family: "Courier New", Courier, monospace; font-size: 0.92em; }
@page { size: A4; margin: 25mm 22mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; }
  nav { break-after: page; page-break-after: always; }
  .notes { break-before: page; page-break-before: always; border-top: none; margin-top: 0; }
  .article > *, table.signatures { break-inside: avoid; page-break-inside: avoid; }
}
`.trim();

function renderBlock(b: Block, out: string[]): void {
  if (b.number !== undefined) out.push(`<p class="para"><span class="num">${b.number}.</span>${inlineHtml(b.text)}</p>`);
  else out.push(`<p>${inlineHtml(b.text)}</p>`);
  for (const item of b.items) {
    const cls = b.number !== undefined ? 'item' : 'item loose';
    out.push(`<p class="${cls}"><span class="num">(${escapeHtml(item.label)})</span>${inlineHtml(item.text)}</p>`);
  }
}

const anchor = (a: Article) => `article-${a.number}`;

/** One self-contained page: inline CSS, no scripts, no external resources. */
export function renderHtml(draft: Draft, options: HtmlOptions = {}): string {
  const notes = options.notes ?? true;
  const lang = options.lang && LANG.test(options.lang) ? options.lang : 'en';
  const out: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="spacecoop">',
    // No scripts, no external loads, even if the page is opened from a mail client or a share.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(plainText(draft.title))}</title>`,
    `<style>\n${CSS}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${inlineHtml(draft.title)}</h1>`,
    `<p class="status">${escapeHtml(statusLine(draft))}</p>`,
  ];
  if (options.toc) {
    out.push('<nav aria-label="Contents">', '<h2>Contents</h2>', '<ul>');
    for (const a of draft.articles) out.push(`<li><a href="#${anchor(a)}">${inlineHtml(articleHeading(a))}</a></li>`);
    if (notes) out.push(`<li><a href="#notes">${escapeHtml(NOTES_HEADING)}</a></li>`);
    out.push('</ul>', '</nav>');
  }

  out.push('<section class="preamble">');
  for (const p of draft.preamble) out.push(`<p>${inlineHtml(p)}</p>`);
  out.push(`<p>${inlineHtml(draft.agreedFormula)}</p>`, '</section>');

  for (const a of draft.articles) {
    out.push(`<section class="article" id="${anchor(a)}" data-clause="${escapeHtml(a.clauseId)}">`);
    out.push(`<h2>${inlineHtml(articleHeading(a))}</h2>`);
    for (const b of a.blocks) renderBlock(b, out);
    out.push('</section>');
  }

  out.push('<section class="signature">');
  for (const p of draft.testimonium) out.push(`<p>${inlineHtml(p)}</p>`);
  const row = (cells: string[], tag = 'td', cls = '') => `<tr${cls ? ` class="${cls}"` : ''}>${cells.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`;
  out.push('<table class="signatures">');
  out.push(row(draft.signatures.map((s) => inlineHtml(s.heading)), 'th'));
  out.push(row(draft.signatures.map(() => 'Signature: ______________________'), 'td', 'line'));
  out.push(row(draft.signatures.map((s) => `Name: ${inlineHtml(s.name)}`)));
  out.push(row(draft.signatures.map((s) => `Title: ${inlineHtml(s.title)}`)));
  out.push('</table>', '</section>');

  if (notes) {
    out.push('<section class="notes" id="notes">', `<h2>${escapeHtml(NOTES_HEADING)}</h2>`, `<p>${inlineHtml(notesIntro(draft))}</p>`);
    for (const s of noteSections(draft)) {
      out.push(`<h3>${escapeHtml(s.heading)}</h3>`);
      if (s.entries.length === 0) {
        if (s.empty) out.push(`<p>${escapeHtml(s.empty)}</p>`);
        continue;
      }
      const tag = s.ordered ? 'ol' : 'ul';
      out.push(`<${tag}>`, ...s.entries.map((e) => `<li>${inlineHtml(e)}</li>`), `</${tag}>`);
    }
    out.push('</section>');
  }
  out.push('</main>', '</body>', '</html>');
  return `${out.join('\n')}\n`;
}
