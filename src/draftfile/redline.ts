import { diffArrays, diffWordsWithSpace } from 'diff';
import { UserError } from '../errors.js';
import { findCriticMarkup } from '../export/critic.js';
import { CLAUSE_CLOSE, clauseOpen, DRAFT_MARKER } from '../export/markdown.js';
import { findConflicts } from './conflicts.js';
import { lineKey } from './diff3.js';
import { NOTES_ID, readDoc, type DraftDoc, type Unit } from './document.js';
import { numberingOf, weave } from './merge.js';
import { denormalizeRefs, hasOwnHeading, normalizeRefs, type Renumbering } from './refs.js';

/**
 * The redline of a negotiation round: the changes between two drafts as CriticMarkup, article by
 * article. Articles are matched by clause id, not by number, and compared with their article
 * numbers replaced by clause ids, so an article that only moved shows no change, and a
 * cross-reference shows a change only when it points to another article. Paragraphs are matched
 * first; a changed paragraph is marked word by word.
 */
export interface RedlineEntry {
  id: string;
  /** Number in the new draft (absent for a removed article). */
  article?: number;
  /** Number in the old draft (absent for an added article). */
  previous?: number;
  title: string;
}

export interface RedlineSummary {
  added: RedlineEntry[];
  removed: RedlineEntry[];
  changed: RedlineEntry[];
  renumbered: RedlineEntry[];
  unchanged: number;
  titleChanged: boolean;
}

export interface RedlineResult {
  text: string;
  summary: RedlineSummary;
  /** Unresolved merge conflicts in either draft (the redline shows the markers as text). */
  conflicts: { file: string; line: number }[];
}

const SECTION_NAMES: Record<string, string> = { 'instrument/preamble': 'Preamble', 'instrument/signature': 'Signature block' };
const HEADING = /^## (?:Article \S+ — |第\S+?条\u3000)(.*)$/;

interface Side {
  body: string[];
  title: string;
  article?: number;
}

function load(text: string, name: string): DraftDoc {
  const doc = readDoc(text);
  if (!doc.ours) throw new UserError(`${name} was not written by spacecoop: the redline matches articles by the clause markers spacecoop writes`);
  refusePending(text, name);
  if (doc.problems.length) {
    throw new UserError(`${name}: the clause markers are damaged, so articles cannot be matched`, {
      problems: doc.problems.map((p) => ({ file: name, line: p.line, message: p.message })),
    });
  }
  return doc;
}

/**
 * A redline compares settled texts: a draft that still holds merge-conflict markers or pending
 * CriticMarkup (which the redline's own marks would nest inside) is refused, with its lines.
 */
export function refusePending(text: string, name: string): void {
  const conflicts = findConflicts(text);
  if (conflicts.length) {
    throw new UserError(`${name} has ${conflicts.length} unresolved merge conflict${conflicts.length === 1 ? '' : 's'}; a redline compares settled texts`, {
      problems: conflicts.map((c) => ({ file: name, line: c.line, message: `conflict${c.article ? ` in Article ${c.article}` : ''}` })),
      hint: 'Keep one version of each <<<<<<< … >>>>>>> block and delete the markers, then run the redline again.',
    });
  }
  const critic = findCriticMarkup(text);
  if (critic.length) {
    throw new UserError(`${name} holds pending changes or comments (CriticMarkup) on ${critic.length} line${critic.length === 1 ? '' : 's'}; a redline of it would nest one markup in another`, {
      problems: critic.slice(0, 20).map((line) => ({ file: name, line, message: 'pending CriticMarkup ({++ ++}, {-- --}, {~~ ~> ~~}, {== ==} or {>> <<})' })),
      hint: 'Accept or reject each change (keep the text you want, delete the marks), then run the redline again.',
    });
  }
}

export function redline(oldText: string, newText: string, names: { old: string; new: string }): RedlineResult {
  const O = load(oldText, names.old);
  const N = load(newText, names.new);
  const oNum = numberingOf(O.units);
  const nNum = numberingOf(N.units);
  const numbers = new Map([...nNum].map(([n, id]) => [id, n]));
  const previous = new Map([...oNum].map(([n, id]) => [id, n]));
  const r: Renumbering = { numbers, previous, dangling: [] };

  const sides = (doc: DraftDoc, num: typeof oNum, own: Map<string, number>) => {
    const m = new Map<string, Side>();
    for (const u of doc.units) {
      if (u.kind !== 'clause') continue;
      const text = [...u.body, ...u.after].join('\n');
      const norm = normalizeRefs(text, num);
      const lines = denormalizeRefs(norm, r).split('\n');
      const h = lines.findIndex((l) => HEADING.test(l));
      const isArticle = hasOwnHeading(norm, u.id) || h >= 0;
      const title = h >= 0 ? HEADING.exec(lines[h]!)![1]! : (SECTION_NAMES[u.id] ?? u.id);
      m.set(u.id, { body: lines.filter((l, i) => i !== h && l.trim() !== ''), title, ...(isArticle && own.has(u.id) ? { article: own.get(u.id)! } : {}) });
    }
    return m;
  };
  const oldSide = sides(O, oNum, previous);
  const newSide = sides(N, nNum, numbers);
  const order = weaveAll(
    N.units.filter((u) => u.kind === 'clause').map((u) => u.id),
    O.units.filter((u) => u.kind === 'clause').map((u) => u.id),
  );

  const summary: RedlineSummary = { added: [], removed: [], changed: [], renumbered: [], unchanged: 0, titleChanged: false };
  const sections: string[] = [];
  for (const id of order) {
    const o = oldSide.get(id);
    const n = newSide.get(id);
    const entry: RedlineEntry = { id, title: (n ?? o)!.title, ...(n?.article !== undefined ? { article: n.article } : {}), ...(o?.article !== undefined ? { previous: o.article } : {}) };
    const label = (e: RedlineEntry) => (e.article !== undefined ? `Article ${e.article} — ${e.title}` : e.previous !== undefined ? `Former Article ${e.previous} — ${e.title}` : e.title);
    if (!o) {
      summary.added.push(entry);
      sections.push(`## ${label(entry)} (added)`, '', ...blocks(n!.body.map((l) => whole('++', l))));
      continue;
    }
    if (!n) {
      summary.removed.push(entry);
      sections.push(`## ${label(entry)} (removed)`, '', ...blocks(o.body.map((l) => whole('--', l))));
      continue;
    }
    const titleChanged = o.title !== n.title;
    const same = !titleChanged && o.body.map(lineKey).join('\n') === n.body.map(lineKey).join('\n');
    if (same) {
      summary.unchanged++;
      if (o.article !== n.article) summary.renumbered.push(entry);
    } else summary.changed.push(entry);
    const moved = o.article !== undefined && n.article !== undefined && o.article !== n.article ? [`*Article ${o.article} in ${names.old}.*`, ''] : [];
    sections.push(`## ${label(entry)}${same ? '' : ' (changed)'}`, '', ...moved);
    if (titleChanged) sections.push(`*Title:* ${markWords(o.title, n.title)}`, '');
    sections.push(...blocks(markLines(o.body, n.body)));
  }

  const oldTitle = O.head.find((l) => l.startsWith('# ')) ?? '';
  const newTitle = N.head.find((l) => l.startsWith('# ')) ?? '';
  summary.titleChanged = oldTitle !== newTitle;

  const out: string[] = [`# Redline: ${newTitle.replace(/^# /, '') || names.new}`, ''];
  out.push(
    `Changes from \`${names.old}\` to \`${names.new}\`, article by article. Articles are matched by their clause, not their number, and are numbered as in \`${names.new}\`. Marks: {++added++}, {--deleted--}, {~~old~>new~~}. The drafting notes are not compared.`,
    '',
    '## Summary',
    '',
  );
  if (summary.titleChanged) out.push(`- Title: ${markWords(oldTitle.replace(/^# /, ''), newTitle.replace(/^# /, ''))}`);
  const list = (what: string, xs: RedlineEntry[], f: (e: RedlineEntry) => string) => out.push(`- ${what} (${xs.length})${xs.length ? `: ${xs.map(f).join('; ')}` : ''}`);
  const name = (e: RedlineEntry) => (e.article !== undefined ? `Article ${e.article} — ${e.title}` : e.title);
  list('Articles added', summary.added, name);
  list('Articles removed', summary.removed, (e) => (e.previous !== undefined ? `former Article ${e.previous} — ${e.title}` : e.title));
  list('Changed', summary.changed, (e) => `${name(e)}${e.previous !== undefined && e.previous !== e.article ? ` (was Article ${e.previous})` : ''}`);
  if (summary.renumbered.length) list('Renumbered only', summary.renumbered, (e) => `${name(e)} (was Article ${e.previous})`);
  out.push(`- Unchanged: ${summary.unchanged}`, '');
  out.push(...sections);

  const conflicts = [
    ...findConflicts(oldText).map((c) => ({ file: names.old, line: c.line })),
    ...findConflicts(newText).map((c) => ({ file: names.new, line: c.line })),
  ];
  return { text: `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`, summary, conflicts };
}

/** Both drafts' articles in the new draft's order, the removed ones where they stood; no notes. */
function weaveAll(primary: string[], secondary: string[]): string[] {
  return weave(primary, secondary, (id) => id !== NOTES_ID);
}

/** Lines as Markdown blocks: a blank line between paragraphs, none between the rows of a table. */
export function blocks(lines: string[]): string[] {
  const out: string[] = [];
  lines.forEach((l, i) => {
    out.push(l);
    if (!(isRow(l) && isRow(lines[i + 1] ?? ''))) out.push('');
  });
  return out;
}

const ROW = /^\s*\|.*\|\s*$/;
const isRow = (line: string) => ROW.test(line);
const isRule = (line: string) => /^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$/.test(line);

/** The cells of a table row, as written (escaped pipes stay in their cell). */
export function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}
const row = (cs: string[]) => `| ${cs.join(' | ')} |`;

/**
 * What opens a Markdown block (indentation, `## `, `> `, `1. `, `- `, a `(a) ` label): it stays
 * outside the marks, so a marked paragraph is still a heading, a list item or a lettered item.
 */
export function splitPrefix(line: string): [string, string] {
  const m = /^(\s*(?:#{1,6}\s+|>\s?|[-*+]\s+|\d{1,9}[.)]\s+)?(?:\((?:[a-z]{1,3}|[ivxlc]{1,6})\)\s+)?)/.exec(line)!;
  return [m[1]!, line.slice(m[1]!.length)];
}

/** A whole paragraph added or deleted; what opens its block stays outside the mark, a table row is marked cell by cell. */
export const whole = (mark: '++' | '--', line: string): string => {
  if (isRow(line)) return isRule(line) ? line : row(cells(line).map((c) => (c ? `{${mark}${c}${mark}}` : c)));
  const [prefix, text] = splitPrefix(line);
  return text ? `${prefix}{${mark}${text}${mark}}` : line;
};

/** One changed paragraph, marked word by word inside its block. */
export function markLine(oldLine: string, newLine: string): string {
  if (isRow(oldLine) && isRow(newLine)) {
    const o = cells(oldLine);
    const n = cells(newLine);
    if (o.length === n.length) return row(n.map((c, i) => markWords(o[i]!, c)));
  }
  const [op, ot] = splitPrefix(oldLine);
  const [np, nt] = splitPrefix(newLine);
  // The new block's opening (list numbers are renumbered by the reader anyway).
  return `${np || op}${markWords(ot, nt)}`;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);

/** Share of words two paragraphs have in common: high enough, and a word-level diff reads better than delete-and-insert. */
function similarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (!wa.length || !wb.length) return 0;
  if (wa.length + wb.length > 2 * LONG) return bagOverlap(wa, wb);
  let common = 0;
  for (const c of diffArrays(wa, wb)) if (!c.added && !c.removed) common += c.count ?? c.value.length;
  return common / Math.max(wa.length, wb.length);
}

/** Paragraphs (lines) matched in order; runs of changed ones paired by similarity, then marked word by word. */
export function markLines(oldLines: string[], newLines: string[]): string[] {
  const out: string[] = [];
  let o = 0;
  let n = 0;
  let dels: string[] = [];
  let adds: string[] = [];
  const flush = () => {
    let p = 0;
    for (const d of dels) {
      let j = p;
      while (j < adds.length && similarity(d, adds[j]!) < 0.4) j++;
      if (j === adds.length) {
        out.push(whole('--', d));
        continue;
      }
      for (; p < j; p++) out.push(whole('++', adds[p]!));
      out.push(isRow(d) !== isRow(adds[j]!) ? whole('--', d) : markLine(d, adds[j]!));
      if (isRow(d) !== isRow(adds[j]!)) out.push(whole('++', adds[j]!));
      p = j + 1;
    }
    for (; p < adds.length; p++) out.push(whole('++', adds[p]!));
    dels = [];
    adds = [];
  };
  for (const c of diffArrays(oldLines.map(lineKey), newLines.map(lineKey))) {
    const k = c.count ?? c.value.length;
    if (c.removed) dels.push(...oldLines.slice(o, (o += k)));
    else if (c.added) adds.push(...newLines.slice(n, (n += k)));
    else {
      flush();
      out.push(...newLines.slice(n, n + k));
      o += k;
      n += k;
    }
  }
  flush();
  return out;
}

/**
 * Paragraphs longer than this many words are compared sentence by sentence first, then word by
 * word inside each changed sentence: a word diff is quadratic in the words that differ, and one
 * very long paragraph rewritten throughout took minutes.
 */
const LONG = 400;
const SENTENCE = /[^.!?;]+(?:[.!?;]+|$)\s*|[.!?;]+\s*/g;
const wordCount = (s: string) => (s.match(/\S+/g) ?? []).length;

/** Share of words in common, counted as a multiset: linear, for long paragraphs. */
function bagOverlap(wa: string[], wb: string[]): number {
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const c = counts.get(w) ?? 0;
    if (c > 0) {
      common++;
      counts.set(w, c - 1);
    }
  }
  return common / Math.max(wa.length, wb.length);
}

/** A long paragraph: sentences matched first; each changed sentence marked word by word against its counterpart. */
function markSentences(oldText: string, newText: string): string {
  const so = oldText.match(SENTENCE) ?? [];
  const sn = newText.match(SENTENCE) ?? [];
  const out: string[] = [];
  let dels: string[] = [];
  let adds: string[] = [];
  const flush = () => {
    const k = Math.min(dels.length, adds.length);
    for (let i = 0; i < k; i++) {
      const d = dels[i]!;
      const a = adds[i]!;
      out.push(wordCount(d) + wordCount(a) <= 2 * LONG ? markWordsShort(d, a) : change(d, a));
    }
    if (dels.length > k) out.push(change(dels.slice(k).join(''), ''));
    if (adds.length > k) out.push(change('', adds.slice(k).join('')));
    dels = [];
    adds = [];
  };
  for (const c of diffArrays(so, sn)) {
    if (c.removed) dels.push(...c.value);
    else if (c.added) adds.push(...c.value);
    else {
      flush();
      out.push(c.value.join(''));
    }
  }
  flush();
  return out.join('');
}

/** One paragraph's changes as CriticMarkup; changes separated only by a space or a bracket are joined into one. */
export function markWords(oldText: string, newText: string): string {
  if (wordCount(oldText) + wordCount(newText) > 2 * LONG) return markSentences(oldText, newText);
  return markWordsShort(oldText, newText);
}

function markWordsShort(oldText: string, newText: string): string {
  type Part = { kind: 'same' | 'del' | 'add'; text: string };
  const parts: Part[] = diffWordsWithSpace(oldText, newText).map((c) => ({ kind: c.added ? 'add' : c.removed ? 'del' : 'same', text: c.value }));
  const out: string[] = [];
  let i = 0;
  while (i < parts.length) {
    if (parts[i]!.kind === 'same') {
      out.push(parts[i]!.text);
      i++;
      continue;
    }
    let del = '';
    let add = '';
    while (i < parts.length) {
      const p = parts[i]!;
      if (p.kind === 'del') del += p.text;
      else if (p.kind === 'add') add += p.text;
      else if (/^[\s()[\],;:]{1,3}$/.test(p.text) && i + 1 < parts.length && parts[i + 1]!.kind !== 'same') {
        del += p.text;
        add += p.text;
      } else break;
      i++;
    }
    // "three (3" / "five (5": take the closing bracket in too, so each side reads whole.
    const next = parts[i];
    const open = (x: string) => (x.match(/\(/g)?.length ?? 0) - (x.match(/\)/g)?.length ?? 0);
    if (next?.kind === 'same' && next.text.startsWith(')') && open(del) > 0 && open(add) > 0) {
      del += ')';
      add += ')';
      next.text = next.text.slice(1);
    }
    out.push(change(del, add));
  }
  return out.join('');
}

function change(del: string, add: string): string {
  // Spaces at either end stay outside the marks, so the text around them reads normally.
  const lead = /^\s*/.exec(del && add ? commonPrefix(del, add) : del || add)![0];
  const trail = /\s*$/.exec(del && add ? commonSuffix(del.slice(lead.length), add.slice(lead.length)) : (del || add).slice(lead.length))![0];
  const d = del.slice(lead.length, del.length - trail.length);
  const a = add.slice(lead.length, add.length - trail.length);
  const mark = d && a ? `{~~${d}~>${a}~~}` : d ? `{--${d}--}` : a ? `{++${a}++}` : '';
  return `${lead}${mark}${trail}`;
}

const commonPrefix = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
};
const commonSuffix = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return a.slice(a.length - i);
};

export type { Unit };

/**
 * The redline as a draft, for Word: the new draft's title, contents and clauses (with the removed
 * ones where they stood), each paragraph marked against the old one in CriticMarkup, which the
 * Word writer turns into tracked changes. Nothing is normalized here: accepting every change gives
 * the new text exactly and rejecting every change the old one (article numbers included). The
 * drafting notes are left out.
 */
export function redlineDraft(oldText: string, newText: string, names: { old: string; new: string }): string {
  const O = load(oldText, names.old);
  const N = load(newText, names.new);
  const body = (lines: string[]) => lines.filter((l) => l.trim() !== '');
  const oldUnits = new Map(O.units.filter((u) => u.kind === 'clause').map((u) => [u.id, u]));
  const newUnits = new Map(N.units.filter((u) => u.kind === 'clause').map((u) => [u.id, u]));
  const order = weaveAll([...newUnits.keys()], [...oldUnits.keys()]);
  const out: string[] = [DRAFT_MARKER];
  // The head: title and status line marked; the contents list is the new one (Word builds its own).
  const headOf = (doc: DraftDoc) => doc.head.filter((l) => l.trim() !== '' && !/^\s*[-*] \[/.test(l) && l !== '## Contents');
  out.push(...blocks(markLines(headOf(O), headOf(N))));
  const contents = N.head.filter((l) => /^\s*[-*] \[/.test(l) && !l.includes(`(#${'drafting-notes'}`));
  if (contents.length) out.push('## Contents', '', ...contents, '');
  for (const id of order) {
    const o = oldUnits.get(id);
    const n = newUnits.get(id);
    const lines = !o ? body(n!.body).map((l) => whole('++', l)) : !n ? body(o.body).map((l) => whole('--', l)) : markLines(body(o.body), body(n.body));
    out.push(clauseOpen(id), ...blocks(lines), CLAUSE_CLOSE, '');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
