import { withoutLabel } from './docx-label.js';
import { parseInline } from './inline.js';
import { HEAD_ID, NOTES_ID, type Block, type ExportDoc, type Span } from './model.js';

export interface HtmlOptions {
  notes?: boolean;
  /** BCP 47 tag of the language the draft is written in; default `en`. */
  lang?: string;
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

/** Spans -> HTML: every character literal; emphasis, code, pending changes and comments as elements. */
export function spansHtml(spans: Span[], comments: ExportDoc['comments']): string {
  const out: string[] = [];
  spans.forEach((sp, i) => {
    let s = sp.br ? '<br>' : escapeHtml(sp.text);
    if (sp.code) s = `<code>${s}</code>`;
    if (sp.italic) s = `<em>${s}</em>`;
    if (sp.bold) s = `<strong>${s}</strong>`;
    if (sp.strike) s = `<s>${s}</s>`;
    if (sp.anchor !== undefined) s = `<a href="#${escapeHtml(sp.anchor)}">${s}</a>`;
    if (sp.change) s = `<${sp.change.kind}${sp.change.author ? ` title="${escapeHtml(sp.change.author)}"` : ''}>${s}</${sp.change.kind}>`;
    if (sp.comments?.length && sp.text) s = `<mark>${s}</mark>`;
    out.push(s);
    // A comment is shown after the last span it covers.
    for (const c of sp.comments ?? []) {
      if (spans.slice(i + 1).some((n) => n.comments?.includes(c))) continue;
      const cm = comments[c]!;
      out.push(`<span class="comment">[${cm.author ? `${escapeHtml(cm.author)}: ` : ''}${escapeHtml(cm.text)}]</span>`);
    }
  });
  return out.join('');
}

/**
 * The Markdown draft (read by `buildModel`) as one self-contained page: inline CSS, no scripts, no
 * external resources. Pending changes show as `<ins>` and `<del>`, comments in brackets.
 */
export function renderHtml(model: ExportDoc, options: HtmlOptions = {}): string {
  const notes = options.notes ?? true;
  const lang = options.lang && LANG.test(options.lang) ? options.lang : 'en';
  const inline = (spans: Span[]) => spansHtml(spans, model.comments);
  const out: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="spacecoop">',
    // No scripts, no external loads, even if the page is opened from a mail client or a share.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(model.title)}</title>`,
    `<style>\n${CSS}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
  ];
  const blocks = model.blocks.filter((b) => notes || b.segment !== NOTES_ID);
  let section: string | undefined;
  let inContents = false;
  const close = () => {
    if (inContents) out.push('</ul>', '</nav>');
    inContents = false;
    if (section !== undefined) out.push('</section>');
    section = undefined;
  };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind !== 'contents-entry' && inContents) {
      out.push('</ul>', '</nav>');
      inContents = false;
    }
    if (b.segment !== section && b.segment !== HEAD_ID) {
      close();
      section = b.segment;
      const heading = blocks.slice(i).find((x) => x.segment === b.segment && x.kind === 'heading');
      const cls = b.segment === NOTES_ID ? 'notes' : b.segment === 'instrument/preamble' ? 'preamble' : b.segment === 'instrument/signature' ? 'signature' : b.segment.endsWith('#after') ? 'text' : 'article';
      out.push(`<section class="${cls}"${heading?.id ? ` id="${escapeHtml(heading.id)}"` : ''}${cls === 'article' ? ` data-clause="${escapeHtml(b.segment)}"` : ''}>`);
    }
    switch (b.kind) {
      case 'title':
        out.push(`<h1>${inline(b.spans)}</h1>`);
        break;
      case 'status':
        out.push(`<p class="status">${inline(b.spans)}</p>`);
        break;
      case 'contents-label':
        out.push('<nav aria-label="Contents">', `<h2>${inline(b.spans)}</h2>`, '<ul>');
        inContents = true;
        break;
      case 'contents-entry':
        if (!notes && b.spans.some((s) => s.anchor !== undefined && blocks.every((x) => x.id !== s.anchor))) break;
        out.push(`<li>${inline(b.spans)}</li>`);
        break;
      case 'heading': {
        const depth = Math.min(6, b.depth ?? 2);
        out.push(`<h${depth}>${inline(b.spans)}</h${depth}>`);
        break;
      }
      case 'para': {
        const l = b.list;
        const q = b.quote ? ` style="margin-left:${b.quote * 2.2}em"` : '';
        if (l?.label) {
          const cls = l.level === 0 ? 'item loose' : 'item';
          out.push(`<p class="${cls}"${q}><span class="num">(${escapeHtml(l.label)})</span>${inline(withoutLabel(b.spans))}</p>`);
        } else if (l?.first && l.ordered && l.level === 0) out.push(`<p class="para"${q}><span class="num">${l.number}.</span>${inline(b.spans)}</p>`);
        else if (l?.first) out.push(`<p class="para"${q}><span class="num">${l.ordered ? `${l.number}.` : '•'}</span>${inline(b.spans)}</p>`);
        else if (l) out.push(`<p class="para"${q}>${inline(b.spans)}</p>`);
        else out.push(`<p${q}>${inline(b.spans)}</p>`);
        break;
      }
      case 'code':
        out.push(`<pre><code>${escapeHtml(b.spans[0]!.text)}</code></pre>`);
        break;
      case 'rule':
        out.push('<hr>');
        break;
      case 'row': {
        const rows: Block[] = [b];
        while (blocks[i + 1]?.kind === 'row' && !blocks[i + 1]!.tableStart) rows.push(blocks[++i]!);
        const signature = b.segment === 'instrument/signature';
        out.push(`<table${signature ? ' class="signatures"' : ''}>`);
        for (const r of rows) {
          const tag = r.header ? 'th' : 'td';
          const line = signature && !r.header && r.cells!.every((c) => /^Signature:\s*$/.test(c.map((s) => s.text).join('')));
          out.push(`<tr${line ? ' class="line"' : ''}>${r.cells!.map((c) => `<${tag}>${inline(c)}${line ? ' ______________________' : ''}</${tag}>`).join('')}</tr>`);
        }
        out.push('</table>');
        break;
      }
    }
  }
  close();
  out.push('</main>', '</body>', '</html>');
  return `${out.join('\n')}\n`;
}
