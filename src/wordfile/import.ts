import { diffArrays, diffWords } from 'diff';
import { UserError } from '../errors.js';
import { diff3 } from '../draftfile/diff3.js';
import { HEAD_ID, NOTES_ID, readDoc, writeDoc, type DraftDoc } from '../draftfile/document.js';
import { wordCells, wordSpans } from '../export/docx-label.js';
import { modelOfSegments, NOTES_ANNEX, spanText, type Block, type ExportComment, type Span } from '../export/model.js';
import { NOTES_HEADING } from '../export/notes.js';
import { clauseOfBookmark } from './names.js';
import { decodeRecord, type ExportRecord } from './record.js';
import type { DocxComment, DocxDocument, DocxParagraph, DocxRun } from './read.js';

/**
 * `import`: a Word file spacecoop exported, as someone edited it, merged back into the Markdown
 * draft. Three versions of every segment (clause): what was exported (recorded in the Word file),
 * the Word file now, and the Markdown draft now. The Word file's changes against the export are
 * applied to the draft as it is now, so changes made in Markdown since the export stay; both sides
 * changing the same paragraph is a conflict, marked as regeneration marks one.
 *
 * Each Word paragraph is mapped to its segment by the bookmark the export put at the segment's
 * start, else by its heading; inside a segment, paragraphs are matched to the exported ones by
 * their text. Plain edits become text; pending tracked changes become CriticMarkup with the author
 * (`{++…++}{>>@Name<<}`); comments become CriticMarkup comments. Nothing is dropped: a paragraph
 * whose segment is no longer in the draft is kept at the end of the nearest article before it, and
 * reported.
 */
export interface ImportedSegment {
  segment: string;
  /** Article number in the draft, if the segment is an article. */
  article?: number;
  status: 'unchanged' | 'changed' | 'conflict' | 'not in the draft' | 'not found in the Word file';
  /** Paragraphs edited, added and removed in Word. */
  edited: number;
  added: number;
  removed: number;
  /** Pending tracked changes and comments brought in as CriticMarkup. */
  pending: number;
  comments: number;
}

export interface ImportResult {
  text: string;
  segments: ImportedSegment[];
  /** Paragraphs kept at the end of another article because their own is gone from the draft. */
  unplaced: { segment: string; into: string; text: string }[];
  conflicts: number;
}

/** Words a reader would not count as an edit: the exporter's default author. */
const DEFAULT_AUTHOR = 'spacecoop';

/** What the Word file recorded at export, or a UserError saying why it cannot be imported. */
export function exportRecordOf(doc: DocxDocument, name: string): ExportRecord {
  const r = decodeRecord(doc.custom);
  if ('problem' in r) {
    throw new UserError(`${name} cannot be imported: ${r.problem}`, {
      hint: 'import reads a Word file that `spacecoop export` or `spacecoop draft --format docx` wrote, after it was edited in Word or LibreOffice.',
    });
  }
  return r.record;
}

// ---------------------------------------------------------------------------------------------
// Word runs and exported spans, written back as Markdown the same way, so they compare equal
// when nothing changed.

interface Piece {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  change?: { kind: 'ins' | 'del'; author?: string };
  comments?: string[];
}

const escapeText = (t: string, table: boolean) =>
  t.replace(/[\\`*_<{}]/g, (c) => `\\${c}`).replace(/\|/g, table ? '\\|' : '|').replace(/\t/g, ' ').replace(/\n/g, ' ');

function styled(p: Piece, table: boolean): string {
  const lead = /^\s*/.exec(p.text)![0];
  const trail = /\s*$/.exec(p.text.slice(lead.length))![0];
  const core = p.text.slice(lead.length, p.text.length - trail.length);
  if (!core) return p.text.replace(/\t|\n/g, ' ');
  let s = p.code ? `\`${core.replace(/`/g, "'")}\`` : escapeText(core, table);
  if (p.italic) s = `*${s}*`;
  if (p.bold) s = `**${s}**`;
  return `${lead.replace(/\t|\n/g, ' ')}${s}${trail.replace(/\t|\n/g, ' ')}`;
}

/** Pieces -> one line of Markdown with CriticMarkup for pending changes and comments. */
function toMarkdown(pieces: Piece[], comments: Map<string, { author?: string; text: string }>, table = false): string {
  let out = '';
  let i = 0;
  const who = (a?: string) => (a && a !== DEFAULT_AUTHOR ? `{>>@${a.replace(/[:<>{}]/g, ' ')}<<}` : '');
  const closeComments = (p: Piece, next: Piece | undefined) => {
    for (const id of p.comments ?? []) {
      if (next?.comments?.includes(id)) continue;
      const c = comments.get(id);
      if (!c) continue;
      const author = c.author && c.author !== DEFAULT_AUTHOR ? `@${c.author.replace(/[:<>{}]/g, ' ')}${c.text ? ': ' : ''}` : '';
      out += `{>>${author}${c.text.replace(/<<\}/g, '<< }').replace(/\n/g, ' ')}<<}`;
    }
  };
  while (i < pieces.length) {
    const p = pieces[i]!;
    const opensComment = (p.comments ?? []).some((id) => !pieces[i - 1]?.comments?.includes(id));
    const highlighted = (p.comments ?? []).length > 0 && !p.change && p.text;
    if (opensComment && highlighted) out += '{==';
    if (p.change) {
      // A deletion followed by an insertion by the same author reads as one substitution.
      const q = pieces[i + 1];
      if (p.change.kind === 'del' && q?.change?.kind === 'ins' && q.change.author === p.change.author && !p.comments?.length && !q.comments?.length) {
        out += `{~~${p.text.length ? styled(p, table) : ''}~>${styled(q, table)}~~}${who(p.change.author)}`;
        i += 2;
        continue;
      }
      out += `${p.change.kind === 'ins' ? '{++' : '{--'}${styled(p, table)}${p.change.kind === 'ins' ? '++}' : '--}'}${who(p.change.author)}`;
    } else out += styled(p, table);
    const next = pieces[i + 1];
    const closesHighlight = highlighted && (p.comments ?? []).some((id) => !next?.comments?.includes(id));
    if (closesHighlight) out += '==}';
    closeComments(p, next);
    i++;
  }
  return out.trim();
}

const fromRun = (r: DocxRun): Piece => ({
  text: r.text,
  ...(r.bold ? { bold: true } : {}),
  ...(r.italic ? { italic: true } : {}),
  ...(r.code ? { code: true } : {}),
  ...(r.change ? { change: { kind: r.change.kind, ...(r.change.author ? { author: r.change.author } : {}) } } : {}),
  ...(r.comments?.length ? { comments: r.comments } : {}),
});

const fromSpan = (s: Span): Piece => ({
  text: s.text,
  ...(s.bold ? { bold: true } : {}),
  ...(s.italic ? { italic: true } : {}),
  ...(s.code ? { code: true } : {}),
  ...(s.change ? { change: { kind: s.change.kind, ...(s.change.author ? { author: s.change.author } : {}) } } : {}),
  ...(s.comments?.length ? { comments: s.comments.map(String) } : {}),
});

/** Merges adjacent pieces of one style (Word splits runs where Markdown has one span). */
function join(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  const key = (p: Piece) => JSON.stringify([p.bold, p.italic, p.code, p.change, p.comments]);
  for (const p of pieces) {
    if (!p.text && !p.comments?.length) continue;
    const last = out[out.length - 1];
    if (last && key(last) === key(p)) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

/** One exported paragraph (or table row) in Word, or one Word paragraph (or row). */
interface Item {
  /** Text a reader sees with every pending change rejected, for matching. */
  key: string;
  /** The paragraph as Markdown (CriticMarkup for pending changes), for comparing and writing. */
  md: string;
  /** Table row cells as Markdown. */
  cells?: string[];
  heading?: boolean;
  /** Word only: the runs, to write back without what the writer added (see `rebuild`). */
  pieces?: Piece[];
  cellPieces?: Piece[][];
  /** Word only: the list level Word numbers, for a paragraph added in Word. */
  level?: number;
  pending: number;
  comments: number;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

function exportedItem(b: Block, comments: Map<string, { author?: string; text: string }>): Item {
  if (b.kind === 'row') {
    const written = wordCells(b);
    const cells = written.map((c) => toMarkdown(join(c.map(fromSpan)), comments, true));
    return { key: norm(written.map((c) => spanText(c, 'old')).join(' | ')), md: cells.join(' | '), cells, pending: 0, comments: 0 };
  }
  let spans = wordSpans(b);
  if (b.segment === NOTES_ID && b.kind === 'heading' && spanText(spans) === NOTES_HEADING) spans = [{ text: NOTES_ANNEX }];
  return { key: norm(spanText(spans, 'old')), md: toMarkdown(join(spans.map(fromSpan)), comments), heading: b.kind === 'heading', pending: 0, comments: 0 };
}

/** A comment whose range runs over several paragraphs is written once, in the paragraph where it starts. */
function once(pieces: Piece[], seen: Set<string>): Piece[] {
  const out = pieces.map((p) => {
    const ids = (p.comments ?? []).filter((id) => !seen.has(id));
    const { comments: _drop, ...rest } = p;
    return ids.length ? { ...rest, comments: ids } : rest;
  });
  for (const p of pieces) for (const id of p.comments ?? []) seen.add(id);
  return out;
}

function wordItem(ps: DocxParagraph[], comments: Map<string, { author?: string; text: string }>, seen: Set<string> = new Set()): Item {
  const count = (p: DocxParagraph) => ({ pending: p.runs.filter((r) => r.change).length, comments: new Set(p.runs.flatMap((r) => r.comments ?? [])).size });
  if (ps[0]!.cell) {
    // A table row: its cells in order (a cell's paragraphs joined).
    const byCell = new Map<number, DocxParagraph[]>();
    for (const p of ps) byCell.set(p.cell!.cell, [...(byCell.get(p.cell!.cell) ?? []), p]);
    const cellPs = [...byCell.values()];
    const cellPieces = cellPs.map((c) => join(once(c.flatMap((p, k) => [...(k ? [{ text: ' ' }] : []), ...p.runs.map(fromRun)]), seen)));
    const cells = cellPieces.map((c) => toMarkdown(c, comments, true));
    const totals = ps.map(count).reduce((a, b) => ({ pending: a.pending + b.pending, comments: a.comments + b.comments }), { pending: 0, comments: 0 });
    return { key: norm(cellPs.map((c) => c.map((p) => p.original).join(' ')).join(' | ')), md: cells.join(' | '), cells, cellPieces, ...totals, comments: totals.comments };
  }
  const p = ps[0]!;
  const pieces = join(once(p.runs.map(fromRun), seen));
  return {
    key: norm(p.original),
    md: toMarkdown(pieces, comments),
    pieces,
    heading: /^(Heading|Title)/i.test(p.style ?? ''),
    ...(p.numbering ? { level: p.numbering.level } : {}),
    ...count(p),
  };
}

const similarity = (a: string, b: string) => {
  const wa = a.split(/\s+/).filter(Boolean);
  const wb = b.split(/\s+/).filter(Boolean);
  if (!wa.length || !wb.length) return a === b ? 1 : 0;
  let common = 0;
  for (const c of diffWords(wa.join(' '), wb.join(' '))) if (!c.added && !c.removed) common += c.value.split(/\s+/).filter(Boolean).length;
  return common / Math.max(wa.length, wb.length);
};

/** Exported items (by index) matched with Word items: [exported | undefined, word | undefined] in order. */
function align(e: Item[], w: Item[]): [number | undefined, number | undefined][] {
  const out: [number | undefined, number | undefined][] = [];
  let i = 0;
  let j = 0;
  let dels: number[] = [];
  let adds: number[] = [];
  const flush = () => {
    let p = 0;
    for (const d of dels) {
      let k = p;
      while (k < adds.length && similarity(e[d]!.key, w[adds[k]!]!.key) < 0.4) k++;
      if (k === adds.length) {
        out.push([d, undefined]);
        continue;
      }
      for (; p < k; p++) out.push([undefined, adds[p]!]);
      out.push([d, adds[k]!]);
      p = k + 1;
    }
    for (; p < adds.length; p++) out.push([undefined, adds[p]!]);
    dels = [];
    adds = [];
  };
  for (const c of diffArrays(
    e.map((x) => x.key),
    w.map((x) => x.key),
  )) {
    const n = c.count ?? c.value.length;
    if (c.removed) for (let k = 0; k < n; k++) dels.push(i++);
    else if (c.added) for (let k = 0; k < n; k++) adds.push(j++);
    else {
      flush();
      for (let k = 0; k < n; k++) out.push([i++, j++]);
    }
  }
  flush();
  return out;
}

const HEADING_NUMBER = /^Article \d+ — /;

/** Word paragraphs grouped by segment, in document order. */
function wordSegments(doc: DocxDocument, record: ExportRecord, exported: Block[]): Map<string, DocxParagraph[][]> {
  const ids = record.segments.map(([id]) => id);
  const headings = new Map<string, string>();
  for (const b of exported) {
    if (b.kind !== 'heading') continue;
    const text = b.segment === NOTES_ID && spanText(b.spans) === NOTES_HEADING ? NOTES_ANNEX : spanText(b.spans);
    for (const k of [norm(text), norm(text).replace(HEADING_NUMBER, '')]) if (!headings.has(k)) headings.set(k, b.segment);
  }
  // A segment without a heading (the preamble, the signature block) starts with its first paragraph.
  const firstKeys = new Map<string, string>();
  for (const [id] of record.segments) {
    const first = exported.find((b) => b.segment === id && b.kind !== 'contents-entry' && b.kind !== 'rule');
    if (!first || first.kind === 'heading') continue;
    const key = norm(spanText(first.kind === 'row' ? (first.cells?.[0] ?? []) : first.spans, 'old'));
    if (key && !firstKeys.has(key)) firstKeys.set(key, id);
  }
  const out = new Map<string, DocxParagraph[][]>();
  let current = HEAD_ID;
  let lastRow: string | undefined;
  for (const p of doc.paragraphs) {
    if (p.toc) continue;
    const marked = p.bookmarks.map((n) => clauseOfBookmark(n, ids)).find((x) => x !== undefined);
    if (marked) current = marked;
    else if (/^(Heading|Title)/i.test(p.style ?? '')) {
      const t = norm(p.original || p.text);
      const seg = headings.get(t) ?? headings.get(t.replace(HEADING_NUMBER, ''));
      if (seg) current = seg;
    } else {
      const seg = firstKeys.get(norm(p.original));
      if (seg && !out.has(seg) && ids.indexOf(seg) > ids.indexOf(current)) current = seg;
    }
    const groups = out.get(current) ?? [];
    out.set(current, groups);
    if (p.cell) {
      const row = `${p.cell.table}/${p.cell.row}`;
      if (row === lastRow) groups[groups.length - 1]!.push(p);
      else groups.push([p]);
      lastRow = row;
      continue;
    }
    lastRow = undefined;
    if (!p.text && !p.original && !p.comments.length) continue; // an empty paragraph (a page break)
    groups.push([p]);
  }
  return out;
}

/**
 * The Markdown draft `current` with the Word file's edits merged in. `names.docx` and `names.draft`
 * are used in markers and messages.
 */
export function importDocx(doc: DocxDocument, current: string, names: { docx: string; draft: string }): ImportResult {
  const record = exportRecordOf(doc, names.docx);
  const model = modelOfSegments(record.segments);
  const exportedComments = new Map(model.comments.map((c: ExportComment, i) => [String(i), c]));
  const wordComments = new Map(doc.comments.map((c: DocxComment) => [c.id, { author: c.author, text: c.text }]));
  const grouped = wordSegments(doc, record, model.blocks);
  const seenComments = new Set<string>();

  const D = readDoc(current);
  if (!D.ours) throw new UserError(`${names.draft} was not written by spacecoop; nothing is imported into it`);
  if (D.problems.length) {
    throw new UserError(`${names.draft}: the clause markers are damaged, so clauses cannot be told apart; nothing was imported`, {
      problems: D.problems.map((p) => ({ file: names.draft, line: p.line, message: p.message })),
    });
  }
  const oursOf = (doc: DraftDoc, id: string): string[] | undefined => {
    if (id === HEAD_ID) return doc.head;
    const after = id.endsWith('#after');
    const u = doc.units.find((x) => x.id === id.replace(/#after$/, ''));
    if (!u) return undefined;
    return after ? u.after : u.body;
  };
  const setOurs = (doc: DraftDoc, id: string, lines: string[]) => {
    if (id === HEAD_ID) doc.head = lines;
    else {
      const u = doc.units.find((x) => x.id === id.replace(/#after$/, ''))!;
      if (id.endsWith('#after')) u.after = lines;
      else u.body = lines;
    }
  };
  const articleOf = (id: string): number | undefined => {
    const lines = oursOf(D, id.replace(/#after$/, ''));
    const m = lines?.map((l) => /^## Article (\d+) — /.exec(l)).find(Boolean);
    return m ? Number(m[1]) : undefined;
  };

  const result: ImportResult = { text: current, segments: [], unplaced: [], conflicts: 0 };
  let lastPlaced: string | undefined;
  for (const [id, baseLines] of record.segments) {
    const blocks = model.blocks.filter((b) => b.segment === id && b.kind !== 'contents-entry' && b.kind !== 'rule');
    const e = blocks.map((b) => exportedItem(b, exportedComments));
    const words = grouped.get(id) ?? [];
    const w = words.map((ps) => wordItem(ps, wordComments, seenComments));
    const report: ImportedSegment = { segment: id, ...(articleOf(id) !== undefined ? { article: articleOf(id)! } : {}), status: 'unchanged', edited: 0, added: 0, removed: 0, pending: 0, comments: 0 };
    result.segments.push(report);
    if (!w.length && e.length) {
      // Neither its bookmark nor its heading is in the Word file: leave the draft's text alone.
      report.status = 'not found in the Word file';
      continue;
    }
    // The segment's lines with the Word file's changes: edits from the bottom up, so line numbers hold.
    const theirs = [...baseLines];
    type Edit = { at: number; remove: number; lines: string[]; order?: number };
    const edits: Edit[] = [];
    const pairs = align(e, w);
    let previous: Block | undefined;
    let labelCount = 0;
    for (const [ei, wi] of pairs) {
      if (ei !== undefined && wi !== undefined) {
        const b = blocks[ei]!;
        previous = b;
        const we = w[wi]!;
        report.pending += we.pending;
        report.comments += we.comments;
        if (we.md === e[ei]!.md) continue;
        report.edited++;
        edits.push({ at: b.lines[0], remove: b.lines[1] - b.lines[0] + 1, lines: [rebuild(b, we, wordComments)] });
      } else if (ei !== undefined) {
        const b = blocks[ei]!;
        previous = b;
        report.removed++;
        // The paragraph and the blank line after it.
        const blank = baseLines[b.lines[1] + 1]?.trim() === '' ? 1 : 0;
        edits.push({ at: b.lines[0], remove: b.lines[1] - b.lines[0] + 1 + blank, lines: [] });
      } else {
        const we = w[wi!]!;
        report.added++;
        report.pending += we.pending;
        report.comments += we.comments;
        const at = previous ? previous.lines[1] + 1 : firstContentLine(baseLines);
        const line = newLine(we, previous, ++labelCount);
        const inTable = previous?.kind === 'row' && we.cells;
        edits.push({ at, remove: 0, lines: inTable ? [line] : previous ? ['', line] : [line, ''] });
      }
    }
    // Bottom up; of two edits at one line, the later first, so they end up in document order.
    edits.forEach((ed, k) => (ed.order = k));
    edits.sort((a, b) => b.at - a.at || b.order! - a.order!);
    for (const ed of edits) theirs.splice(ed.at, ed.remove, ...ed.lines);
    if (theirs.join('\n') === baseLines.join('\n')) {
      if (oursOf(D, id) !== undefined) lastPlaced = id;
      continue;
    }
    const ours = oursOf(D, id);
    if (ours === undefined) {
      // The segment is gone from the draft: its Word text goes to the end of the article before it.
      report.status = 'not in the draft';
      const into = lastPlaced ?? HEAD_ID;
      const kept = w.map((x) => x.md).filter(Boolean);
      const target = oursOf(D, into)!;
      while (target.length && target[target.length - 1]!.trim() === '') target.pop();
      target.push('', ...kept.flatMap((l) => [l, '']));
      setOurs(D, into, target);
      for (const t of kept) result.unplaced.push({ segment: id, into, text: t });
      continue;
    }
    lastPlaced = id;
    report.status = 'changed';
    const merged: string[] = [];
    for (const c of diff3(baseLines, ours, theirs)) {
      if ('ok' in c) merged.push(...c.ok);
      else {
        report.status = 'conflict';
        result.conflicts++;
        if (merged.length && merged[merged.length - 1]!.trim() !== '') merged.push('');
        merged.push('<<<<<<< your text', '', ...trim(c.conflict.ours), '', '=======', '', ...trim(c.conflict.theirs), '', `>>>>>>> ${names.docx}`, '');
      }
    }
    setOurs(D, id, merged);
  }
  result.text = writeDoc(D);
  return result;
}

const trim = (xs: string[]) => {
  const out = [...xs];
  while (out.length && out[0]!.trim() === '') out.shift();
  while (out.length && out[out.length - 1]!.trim() === '') out.pop();
  return out;
};

const firstContentLine = (lines: string[]) => {
  const i = lines.findIndex((l) => l.trim() !== '');
  return i < 0 ? lines.length : i;
};

/**
 * An exported paragraph, edited in Word, back as Markdown with the block's own opening, without
 * what the Word writer added (the status line's italics, bold table headers, signature lines).
 */
function rebuild(b: Block, w: Item, comments: Map<string, { author?: string; text: string }>): string {
  if (b.kind === 'row' && w.cellPieces) {
    const cells = w.cellPieces.map((c) => {
      let ps = b.header ? c.map((p) => ({ ...p, bold: false })) : c;
      const last = ps[ps.length - 1];
      if (b.segment === 'instrument/signature' && last && / _{10,}\s*$/.test(last.text)) ps = [...ps.slice(0, -1), { ...last, text: last.text.replace(/ _{10,}\s*$/, '') }];
      return toMarkdown(join(ps), comments, true);
    });
    return `| ${cells.join(' | ')} |`;
  }
  if (b.kind === 'row') return `| ${w.md} |`;
  let md = w.md;
  if (w.pieces && (b.kind === 'status' || b.kind === 'contents-label')) md = toMarkdown(join(w.pieces.map((p) => ({ ...p, italic: false, bold: false }))), comments);
  const label = b.list?.label ? `(${b.list.label}) ` : '';
  const prefix = b.prefix.replace(/\(([a-z]{1,3}|[ivxlc]{1,6})\)\s+$/, '');
  return `${prefix}${label}${md}`;
}

/** A paragraph added in Word: a heading, a numbered paragraph or a lettered item like its neighbour, or plain text. */
function newLine(w: Item, previous: Block | undefined, n: number): string {
  if (w.cells) return `| ${w.cells.join(' | ')} |`;
  if (w.heading) return `## ${w.md}`;
  const list = previous?.list;
  if (w.level !== undefined && list) {
    if (w.level >= 1 || list.label) {
      const label = list.label ? String.fromCharCode(list.label.charCodeAt(0) + 1) : String.fromCharCode(96 + n);
      return `${list.level === 0 && !list.label ? '   ' : previous!.prefix.replace(/\(([a-z]{1,3}|[ivxlc]{1,6})\)\s+$/, '')}(${label}) ${w.md}`;
    }
    if (list.ordered && list.number !== undefined) return `${list.number + 1}. ${w.md}`;
  }
  return w.md;
}
