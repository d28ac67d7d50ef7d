import type { Article, Block, Draft } from '../render/draft.js';
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

export function articleHeading(a: Pick<Article, 'number' | 'title'>): string {
  return `Article ${a.number} — ${a.title}`;
}

/** GitHub's heading anchors, which markdownlint's MD051 checks the same way. */
export function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function renderBlock(b: Block): string[] {
  const out: string[] = [];
  const indent = b.number !== undefined ? '   ' : '';
  out.push(b.number !== undefined ? `${b.number}. ${b.text}` : b.text);
  for (const item of b.items) {
    out.push('');
    out.push(`${indent}(${item.label}) ${item.text}`);
  }
  return out;
}

/** The article body alone (heading and paragraphs), as the merge and redline compare it. */
export function renderArticle(a: Article): string {
  const lines = [`## ${articleHeading(a)}`, ''];
  a.blocks.forEach((b, i) => {
    if (i > 0) lines.push('');
    lines.push(...renderBlock(b));
  });
  return lines.join('\n');
}

export function renderMarkdown(draft: Draft, options: MarkdownOptions = {}): string {
  const notes = options.notes ?? true;
  const out: string[] = [DRAFT_MARKER, `# ${draft.title}`, ''];
  out.push(statusLine(draft), '');
  if (options.toc) {
    out.push('## Contents', '');
    for (const a of draft.articles) out.push(`- [${articleHeading(a)}](#${slug(articleHeading(a))})`);
    if (notes) out.push(`- [${NOTES_HEADING}](#${slug(NOTES_HEADING)})`);
    out.push('');
  }

  out.push(clauseOpen('instrument/preamble'));
  for (const p of draft.preamble) out.push(p, '');
  out.push(draft.agreedFormula, CLAUSE_CLOSE, '');

  for (const a of draft.articles) {
    out.push(clauseOpen(a.clauseId), renderArticle(a), CLAUSE_CLOSE, '');
  }

  out.push(clauseOpen('instrument/signature'));
  for (const p of draft.testimonium) out.push(p, '');
  // User text arrives escaped for Markdown (render/escape.ts), `|` included; a pipe of our own
  // wording is escaped here. Escaping once: a pipe already behind a backslash is left as it is.
  const cell = (s: string) => s.replace(/(?<!\\)((?:\\\\)*)\|/g, '$1\\|');
  out.push(`| ${draft.signatures.map((s) => cell(s.heading)).join(' | ')} |`);
  out.push(`| ${draft.signatures.map(() => '---').join(' | ')} |`);
  out.push(`| ${draft.signatures.map(() => 'Signature:').join(' | ')} |`);
  out.push(`| ${draft.signatures.map((s) => `Name: ${cell(s.name)}`).join(' | ')} |`);
  out.push(`| ${draft.signatures.map((s) => `Title: ${cell(s.title)}`).join(' | ')} |`);
  out.push(CLAUSE_CLOSE, '');

  if (notes) out.push(...renderNotes(draft));
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
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
