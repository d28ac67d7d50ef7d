import { CLAUSE_CLOSE, DRAFT_MARKER, NOTES_CLOSE, NOTES_OPEN } from '../export/markdown.js';
import { BASE_OPEN_PREFIX, baseExtent } from './base.js';

/** The drafting notes take part in the merge as one more unit, under this id. */
export const NOTES_ID = '#notes';
/** The title and contents list, before the first clause. */
export const HEAD_ID = '#head';

export const CLAUSE_OPEN_RE = /^<!-- spacecoop:clause ([a-z0-9/-]+) -->$/;

/**
 * A marker line as spacecoop reads it: the whitespace a formatter adds around a marker (indent,
 * trailing spaces or tabs) is not part of it. Returns the trimmed line when it is one of the
 * markers, else the line unchanged.
 */
export function markerLine(line: string): string {
  if (!line.includes('<!--') && !line.includes('-->')) return line;
  const t = line.trim();
  return isMarker(t) ? t : line;
}

const isMarker = (t: string) => t === DRAFT_MARKER || t === CLAUSE_CLOSE || t === NOTES_OPEN || t === NOTES_CLOSE || t === '-->' || CLAUSE_OPEN_RE.test(t) || t.startsWith(BASE_OPEN_PREFIX);

/** Something meant as a spacecoop marker that does not read as one (spaces lost, capitals, a changed id). */
const LOOKS_LIKE_MARKER = /^\s*<!--\s*\/?\s*spacecoop\s*:/i;
export function unreadableMarker(line: string): boolean {
  return LOOKS_LIKE_MARKER.test(line) && !isMarker(line.trim());
}

/** A clause (or the notes) with the exact lines of its body and of the free text after it. */
export interface Unit {
  id: string;
  kind: 'clause' | 'notes';
  body: string[];
  /** Lines after the closing marker up to the next unit: the drafter's own text, or a blank line. */
  after: string[];
  /** 1-based line of the opening marker. */
  line: number;
}

export interface DraftDoc {
  ours: boolean;
  crlf: boolean;
  bom: boolean;
  /** Lines between the draft marker and the first unit. */
  head: string[];
  units: Unit[];
  /** The embedded base block's lines (without the separating blank line), if there is one. */
  baseBlock?: string[];
  /** Whether a blank line stands before the base block (as spacecoop writes it). */
  baseGap?: boolean;
  /** Lines of the drafter's own text found after or inside a damaged base block, kept as visible text. */
  keptFromBase?: number;
  /** Malformed markers, each with its 1-based line. */
  problems: { line: number; message: string }[];
}

/** Cuts a draft into its head, units and base block. Exact: `writeDoc(readDoc(t))` gives `t` back. */
export function readDoc(input: string): DraftDoc {
  const bom = input.startsWith('\uFEFF');
  let text = bom ? input.slice(1) : input;
  const crlf = text.includes('\r\n');
  if (crlf) text = text.replace(/\r\n/g, '\n');
  let lines = text.split('\n');
  const ours = markerLine(lines[0] ?? '') === DRAFT_MARKER;

  let baseBlock: string[] | undefined;
  let baseGap = true;
  const b = lines.findIndex((l) => markerLine(l).startsWith(BASE_OPEN_PREFIX));
  let keptFromBase: number | undefined;
  if (b >= 0) {
    const x = baseExtent(lines, b);
    baseBlock = lines.slice(b, x.end).map((l) => l.trim());
    const before = b > 1 && lines[b - 1] === '' ? b - 1 : b;
    baseGap = before !== b;
    if (x.closed) lines = [...lines.slice(0, before), ...lines.slice(x.end)];
    else {
      // A damaged base: what follows it is the drafter's text. The lone `-->` that closed the
      // damaged comment goes, or the drafter's text would show it.
      const rest = lines.slice(x.end).filter((_l, i) => i + x.end !== x.stray);
      keptFromBase = rest.filter((l) => l.trim() !== '').length;
      if (!keptFromBase) keptFromBase = undefined;
      lines = [...lines.slice(0, before), ...rest];
      while (lines.length > 1 && lines[lines.length - 1] === '' && lines[lines.length - 2] === '') lines.pop();
    }
  }

  const problems: DraftDoc['problems'] = [];
  const head: string[] = [];
  const units: Unit[] = [];
  const seen = new Map<string, number>();
  let open: Unit | undefined;
  let sink = head;
  const start = ours ? 1 : 0;
  for (let i = start; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = markerLine(raw);
    if (unreadableMarker(raw)) problems.push({ line: i + 1, message: `\`${raw.trim()}\` looks like a spacecoop marker but does not read as one (expected \`<!-- spacecoop:clause ID -->\`, \`${CLAUSE_CLOSE}\`, \`${NOTES_OPEN}\` or \`${NOTES_CLOSE}\`, with a lower-case id)` });
    const m = CLAUSE_OPEN_RE.exec(line);
    if (m || line === NOTES_OPEN) {
      if (open) problems.push({ line: i + 1, message: `a new ${m ? 'clause' : 'notes'} marker opens before ${describe(open)} (line ${open.line}) is closed` });
      const id = m ? m[1]! : NOTES_ID;
      if (seen.has(id)) problems.push({ line: i + 1, message: `${m ? `clause \`${id}\`` : 'the drafting notes'} appear${m ? 's' : ''} twice (first at line ${seen.get(id)})` });
      seen.set(id, i + 1);
      open = { id, kind: m ? 'clause' : 'notes', body: [], after: [], line: i + 1 };
      units.push(open);
      sink = open.body;
    } else if (line === CLAUSE_CLOSE || line === NOTES_CLOSE) {
      const kind = line === CLAUSE_CLOSE ? 'clause' : 'notes';
      if (!open || open.kind !== kind) {
        problems.push({ line: i + 1, message: `a closing ${kind} marker with no matching opening marker` });
        sink.push(raw);
        continue;
      }
      sink = open.after;
      open = undefined;
    } else {
      sink.push(raw);
    }
  }
  if (open) problems.push({ line: open.line, message: `${describe(open)} is never closed (\`${open.kind === 'clause' ? CLAUSE_CLOSE : NOTES_CLOSE}\`)` });
  return { ours, crlf, bom, head, units, ...(baseBlock ? { baseBlock, baseGap } : {}), ...(keptFromBase ? { keptFromBase } : {}), problems };
}

const describe = (u: Unit) => (u.kind === 'clause' ? `clause \`${u.id}\`` : 'the drafting notes');

/** The visible text of a document (no base block), as lines joined with \n. */
export function visibleText(doc: Pick<DraftDoc, 'ours' | 'head' | 'units'>): string {
  const out: string[] = doc.ours ? [DRAFT_MARKER] : [];
  out.push(...doc.head);
  for (const u of doc.units) {
    out.push(u.kind === 'clause' ? `<!-- spacecoop:clause ${u.id} -->` : NOTES_OPEN, ...u.body, u.kind === 'clause' ? CLAUSE_CLOSE : NOTES_CLOSE, ...u.after);
  }
  return out.join('\n');
}

/** The file: visible text, a blank line, the base block; with the line endings and BOM it came with. */
export function writeDoc(doc: DraftDoc, baseBlock: string[] | undefined = doc.baseBlock): string {
  let text = visibleText(doc);
  if (baseBlock) text = `${text.endsWith('\n') ? text : `${text}\n`}${doc.baseGap === false ? '' : '\n'}${baseBlock.join('\n')}\n`;
  if (doc.crlf) text = text.replace(/\n/g, '\r\n');
  return doc.bom ? `\uFEFF${text}` : text;
}
