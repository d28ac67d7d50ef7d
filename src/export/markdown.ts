import type { Article, Block, Draft } from '../render/draft.js';
import { chineseNumber } from '../library/helpers.js';
import { NOTES_HEADING, noteSections, notesIntro, statusLine } from './notes.js';

/** First line of every draft spacecoop writes; how it knows a file is its own. */
export const DRAFT_MARKER = '<!-- spacecoop:draft v1 -->';
export const clauseOpen = (id: string) => `<!-- spacecoop:clause ${id} -->`;
export const CLAUSE_CLOSE = '<!-- /spacecoop:clause -->';
export const NOTES_OPEN = '<!-- spacecoop:notes -->';
export const NOTES_CLOSE = '<!-- /spacecoop:notes -->';

export interface MarkdownOptions {
  notes?: boolean;
  /** A contents list after the title (`--toc`); treaty texts carry none by default. */
  toc?: boolean;
}

/** Whether spacecoop wrote this file; editors on some systems add a byte-order mark when saving. */
export function isSpacecoopDraft(text: string): boolean {
  return text.replace(/^\uFEFF/, '').replace(/^[ \t]+/, '').startsWith(DRAFT_MARKER);
}

/** "Article 12 — Liability", or in a Chinese text 第十二条　责任 (an ideographic space, as Chinese treaties set it). */
export function articleHeading(a: Pick<Article, 'number' | 'title'>, lang: 'en' | 'zh' = 'en'): string {
  return lang === 'zh' ? `第${chineseNumber(a.number)}条\u3000${a.title}` : `Article ${a.number} — ${a.title}`;
}

/**
 * The language of a draft's text, read from its article headings as `renderArticle` writes them:
 * `zh` for 第一条, `en` for "Article 1 — ", undefined when it has neither (or both).
 */
export function draftLanguage(text: string): 'en' | 'zh' | undefined {
  const zh = /^## 第[零一二两三四五六七八九十百千]+条/m.test(text);
  const en = /^## Article \d+ — /m.test(text);
  return zh === en ? undefined : zh ? 'zh' : 'en';
}

/** GitHub's heading anchors, which markdownlint's MD051 checks the same way. */
export function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** A paragraph and its items as Markdown lines, added to `out`. */
function renderBlock(b: Block, lang: 'en' | 'zh', out: string[]): void {
  if (lang === 'zh') {
    // 一、 for paragraphs and （一） for items: plain text in Markdown, never a list that would renumber them.
    out.push(b.number !== undefined ? `${chineseNumber(b.number)}、${b.text}` : b.text);
    b.items.forEach((item, i) => out.push('', `（${chineseNumber(i + 1)}）${item.text}`));
    return;
  }
  const indent = b.number !== undefined ? '   ' : '';
  out.push(b.number !== undefined ? `${b.number}. ${b.text}` : b.text);
  for (const item of b.items) out.push('', `${indent}(${item.label}) ${item.text}`);
}

/** The article's heading and paragraphs as Markdown lines, added to `out`. */
function articleLines(a: Article, lang: 'en' | 'zh', out: string[]): void {
  out.push(`## ${articleHeading(a, lang)}`, '');
  a.blocks.forEach((b, i) => {
    if (i > 0) out.push('');
    renderBlock(b, lang, out);
  });
}

/** The article body alone (heading and paragraphs), as the merge and redline compare it. */
export function renderArticle(a: Article, lang: 'en' | 'zh' = 'en'): string {
  const lines: string[] = [];
  articleLines(a, lang, lines);
  return lines.join('\n');
}

export function renderMarkdown(draft: Draft, options: MarkdownOptions = {}): string {
  const notes = options.notes ?? true;
  const lang = draft.lang ?? 'en';
  const zh = lang === 'zh';
  const out: string[] = [DRAFT_MARKER, `# ${draft.title}`, ''];
  out.push(statusLine(draft), '');
  if (options.toc) {
    out.push(zh ? '## 目录' : '## Contents', '');
    for (const a of draft.articles) out.push(`- [${articleHeading(a, lang)}](#${slug(articleHeading(a, lang))})`);
    if (notes) out.push(`- [${NOTES_HEADING}](#${slug(NOTES_HEADING)})`);
    out.push('');
  }

  out.push(clauseOpen('instrument/preamble'));
  for (const p of draft.preamble) out.push(p, '');
  out.push(draft.agreedFormula, CLAUSE_CLOSE, '');

  for (const a of draft.articles) {
    out.push(clauseOpen(a.clauseId));
    articleLines(a, lang, out);
    out.push(CLAUSE_CLOSE, '');
  }

  out.push(clauseOpen('instrument/signature'));
  for (const p of draft.testimonium) out.push(p, '');
  // User text arrives escaped for Markdown (render/escape.ts), `|` included; a pipe of our own
  // wording is escaped here. Escaping once: a pipe already behind a backslash is left as it is.
  const cell = (s: string) => s.replace(/(?<!\\)((?:\\\\)*)\|/g, '$1\\|');
  out.push(`| ${draft.signatures.map((s) => cell(s.heading)).join(' | ')} |`);
  out.push(`| ${draft.signatures.map(() => '---').join(' | ')} |`);
  // A Chinese contract is signed and sealed (签名、盖章); a treaty is signed.
  out.push(`| ${draft.signatures.map(() => (zh ? (draft.form === 'contract' ? '签字（盖章）：' : '签字：') : 'Signature:')).join(' | ')} |`);
  out.push(`| ${draft.signatures.map((s) => `${zh ? '姓名：' : 'Name: '}${cell(s.name)}`).join(' | ')} |`);
  out.push(`| ${draft.signatures.map((s) => `${zh ? '职务：' : 'Title: '}${cell(s.title)}`).join(' | ')} |`);
  out.push(CLAUSE_CLOSE, '');

  if (notes) out.push(...renderNotes(draft));
  const text = out.join('\n');
  // Blank lines never run to three in what the draft holds; the pattern runs only if they do.
  return `${(text.includes('\n\n\n') ? text.replace(/\n{3,}/g, '\n\n') : text).trimEnd()}\n`;
}

export function renderNotes(draft: Draft): string[] {
  const out: string[] = [NOTES_OPEN, `## ${NOTES_HEADING}`, '', notesIntro(draft), ''];
  for (const section of noteSections(draft)) {
    out.push(`### ${section.heading}`, '');
    if (section.entries.length === 0) out.push(section.empty ?? 'None.');
    else section.entries.forEach((e, i) => out.push(section.ordered ? `${i + 1}. ${e}` : `- ${e}`));
    out.push('');
  }
  out.push(NOTES_CLOSE);
  return out;
}
