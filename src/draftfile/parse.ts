import { CLAUSE_CLOSE, DRAFT_MARKER, NOTES_CLOSE, NOTES_OPEN } from '../export/markdown.js';
import { BASE_OPEN_PREFIX, baseExtent } from './base.js';
import { findConflicts, type Conflict } from './conflicts.js';
import { markerLine } from './document.js';

/** A draft on disk, cut at spacecoop's invisible markers. Text between clauses is kept as it is. */
export type Segment =
  | { kind: 'clause'; id: string; text: string; line: number }
  | { kind: 'notes'; text: string; line: number }
  | { kind: 'text'; text: string; line: number };

export interface DraftFile {
  /** True when the file starts with spacecoop's marker. */
  ours: boolean;
  segments: Segment[];
  /** True when the file carries the embedded base that regenerating needs (it is in no segment). */
  hasBase: boolean;
  /** Unresolved merge conflicts (`<<<<<<<` … `>>>>>>>`), each with its line and clause. */
  conflicts: Conflict[];
}

const OPEN = /^<!-- spacecoop:clause ([a-z0-9/-]+) -->$/;

/** Splits a draft into clause, notes and free-text segments; `line` is 1-based, the first line of the body. */
export function parseDraftFile(input: string): DraftFile {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const lines = text.split('\n');
  const segments: Segment[] = [];
  let buf: string[] = [];
  let start = 1;
  let open: { kind: 'clause'; id: string } | { kind: 'notes' } | undefined;
  let inBase = false;
  let hasBase = false;
  const flush = (kind: Segment['kind'], id?: string) => {
    if (kind === 'text' && buf.length === 0) return;
    const body = buf.join('\n');
    segments.push(kind === 'clause' ? { kind, id: id!, text: body, line: start } : ({ kind, text: body, line: start } as Segment));
    buf = [];
  };
  let baseEnd = -1;
  let stray = -1;
  lines.forEach((raw, i) => {
    const line = markerLine(raw);
    if (inBase) {
      if (i < baseEnd) return;
      inBase = false;
    }
    if (i === stray) return;
    if (!open && line.startsWith(BASE_OPEN_PREFIX)) {
      const x = baseExtent(lines, i);
      inBase = true;
      hasBase = true;
      baseEnd = x.end;
      stray = x.stray;
      return;
    }
    const m = OPEN.exec(line);
    if (!open && m) {
      flush('text');
      open = { kind: 'clause', id: m[1]! };
      start = i + 2;
    } else if (!open && line === NOTES_OPEN) {
      flush('text');
      open = { kind: 'notes' };
      start = i + 2;
    } else if (open?.kind === 'clause' && line === CLAUSE_CLOSE) {
      flush('clause', open.id);
      open = undefined;
      start = i + 2;
    } else if (open?.kind === 'notes' && line === NOTES_CLOSE) {
      flush('notes');
      open = undefined;
      start = i + 2;
    } else {
      if (buf.length === 0 && !open) start = i + 1;
      buf.push(raw);
    }
  });
  if (open) flush(open.kind === 'clause' ? 'clause' : 'notes', open.kind === 'clause' ? open.id : undefined);
  else flush('text');
  return { ours: markerLine(lines[0] ?? '') === DRAFT_MARKER, segments, hasBase, conflicts: findConflicts(text) };
}
