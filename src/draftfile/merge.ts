import { diffArrays } from 'diff';
import { UserError } from '../errors.js';
import { decodeBase, encodeBase, type Base } from './base.js';
import { conflictLines, findConflicts, type Conflict } from './conflicts.js';
import { diff3, lineKey, type Diff3Chunk } from './diff3.js';
import { HEAD_ID, NOTES_ID, readDoc, writeDoc, type DraftDoc, type Unit } from './document.js';
import { freshDraft, numberingOf } from './fresh.js';
import { denormalizeRefs, hasOwnHeading, normalizeRefs, type Numbering, type Renumbering } from './refs.js';

export { freshDraft, numberingOf };

/**
 * Regenerating a draft the drafter has edited: a three-way merge per clause.
 * base = what spacecoop generated last time (embedded in the draft), ours = the draft as the
 * drafter left it, theirs = what the new terms generate. All three are compared with article
 * numbers replaced by clause ids (refs.ts), and numbered afresh at the end.
 */
export type Status = 'unchanged' | 'updated' | 'kept' | 'merged' | 'added' | 'removed' | 'conflict';

export interface UnitChange {
  /** Clause id, '#head' for the title and contents, '#notes' for the drafting notes. */
  id: string;
  status: Status;
  /** Article number in the new draft. */
  article?: number;
  /** Article number in the draft as it was. */
  previous?: number;
  /** Why, for the cases a drafter would ask about: "you deleted this clause", "no base". */
  detail?: string;
}

export interface MergeReport {
  changes: UnitChange[];
  /** Every conflict left in the written draft, including any left from an earlier run. */
  conflicts: Conflict[];
  /** Set when the draft carries no usable base: every clause was treated as edited. */
  baseProblem?: string;
  /** Lines of the drafter's text found after or inside a damaged base block: kept, and said so. */
  keptFromBase?: number;
  /** Cross-references to articles that are no longer in the draft, left with their old number. */
  dangling: { id: string; old: number }[];
}

export interface MergeOptions {
  /** Topics or clause ids: regenerate only these; everything else is left as it is. */
  only?: string[];
  /** Replace the selected clauses with the new text, discarding edits. */
  force?: boolean;
  /** For messages: the draft's file name. */
  file?: string;
}

export interface MergeResult {
  text: string;
  report: MergeReport;
}

/**
 * The text as a comparison sees it: paragraphs (separated by blank lines) with their spacing and
 * line breaks collapsed, so that re-wrapping a paragraph (fmt, Vim gq, Emacs fill, prettier's prose
 * wrap) or re-spacing it is not an edit.
 */
const wsKey = (text: string) =>
  paragraphs(text.split('\n'))
    .map(lineKey)
    .filter(Boolean)
    .join('\n');

/** Lines grouped into paragraphs: each run of non-blank lines one element (joined with \n), each blank line its own. */
function paragraphs(lines: string[]): string[] {
  const out: string[] = [];
  let run: string[] = [];
  for (const l of lines) {
    if (l.trim() === '') {
      if (run.length) out.push(run.join('\n'));
      run = [];
      out.push(l);
    } else run.push(l);
  }
  if (run.length) out.push(run.join('\n'));
  return out;
}

/** A three-way merge by line; where that conflicts, by paragraph, so a re-wrapped paragraph counts as unchanged. */
function merge3(b: string[], o: string[], t: string[]): Diff3Chunk[] {
  const byLine = diff3(b, o, t);
  if (!byLine.some((c) => 'conflict' in c)) return byLine;
  const byPara = diff3(paragraphs(b), paragraphs(o), paragraphs(t));
  const count = (cs: Diff3Chunk[]) => cs.filter((c) => 'conflict' in c).length;
  if (count(byPara) >= count(byLine)) return byLine;
  const lines = (xs: string[]) => xs.flatMap((x) => x.split('\n'));
  return byPara.map((c) => ('ok' in c ? { ok: lines(c.ok) } : { conflict: { ours: lines(c.conflict.ours), theirs: lines(c.conflict.theirs) } }));
}

/** Lines that differ between two versions without a common ancestor: each difference a conflict. */
function twoWay(ours: string[], theirs: string[]): Diff3Chunk[] {
  const chunks: Diff3Chunk[] = [];
  let o = 0;
  let t = 0;
  let pending: { ours: string[]; theirs: string[] } | undefined;
  for (const c of diffArrays(ours.map(lineKey), theirs.map(lineKey))) {
    const n = c.count ?? c.value.length;
    if (c.removed || c.added) {
      pending ??= { ours: [], theirs: [] };
      if (c.removed) pending.ours.push(...ours.slice(o, (o += n)));
      else pending.theirs.push(...theirs.slice(t, (t += n)));
      continue;
    }
    if (pending) chunks.push({ conflict: pending });
    pending = undefined;
    chunks.push({ ok: ours.slice(o, o + n) });
    o += n;
    t += n;
  }
  if (pending) chunks.push({ conflict: pending });
  return chunks;
}

/** Where a blank line follows a conflict unless the next line is blank already (an object, so no text can be taken for it). */
const GAP = Symbol('gap');

function render(chunks: Diff3Chunk[]): { lines: string[]; conflicts: number } {
  const lines: (string | typeof GAP)[] = [];
  let conflicts = 0;
  for (const c of chunks) {
    if ('ok' in c) {
      lines.push(...c.ok);
      continue;
    }
    conflicts++;
    const last = lines[lines.length - 1];
    if (typeof last === 'string' && last.trim() !== '') lines.push('');
    lines.push(...conflictLines(c.conflict.ours, c.conflict.theirs));
    lines.push(GAP);
  }
  const out: string[] = [];
  lines.forEach((l, i) => {
    if (l !== GAP) out.push(l);
    else {
      const next = lines[i + 1];
      if (typeof next === 'string' && next.trim() !== '') out.push('');
    }
  });
  return { lines: out, conflicts };
}

interface Decision {
  /** Normalized body to write, or undefined to leave the unit out. */
  body?: string;
  status: Status;
  detail?: string;
  /** The base entry to store for this unit next time. */
  base?: string;
}

/** The merge rules for one unit; `o`, `t`, `b` are normalized bodies, undefined when absent. */
export function decide(o: string | undefined, t: string | undefined, b: string | undefined, opts: { hasBase: boolean; force?: boolean }): Decision {
  const split = (s: string) => s.split('\n');
  if (opts.force) {
    if (t === undefined) return o === undefined ? { status: 'unchanged' } : { status: 'removed' };
    return { body: t, base: t, status: o === undefined ? 'added' : o === t ? 'unchanged' : 'updated' };
  }
  if (o !== undefined && t !== undefined) {
    if (o === t) return { body: o, base: t, status: 'unchanged' };
    if (b === undefined) {
      const r = render(twoWay(split(o), split(t)));
      return { body: r.lines.join('\n'), base: t, status: r.conflicts ? 'conflict' : 'merged', detail: opts.hasBase ? 'not in the base' : 'no base' };
    }
    if (t === b) return { body: o, base: t, status: 'kept' };
    if (wsKey(o) === wsKey(b)) return { body: t, base: t, status: 'updated' };
    if (wsKey(o) === wsKey(t)) return { body: o, base: t, status: 'kept' };
    const r = render(merge3(split(b), split(o), split(t)));
    return { body: r.lines.join('\n'), base: t, status: r.conflicts ? 'conflict' : 'merged' };
  }
  if (o !== undefined) {
    // The new terms do not generate this unit.
    if (b === undefined && opts.hasBase) return { body: o, status: 'kept', detail: 'your own' };
    if (b !== undefined && wsKey(o) === wsKey(b)) return { status: 'removed' };
    const note = { theirs: 'no longer in the draft the terms generate' };
    return { body: conflictLines(split(o), [], note).join('\n'), status: 'conflict', detail: 'edited, and removed by the new terms' };
  }
  if (t !== undefined) {
    if (b === undefined) return { body: t, base: t, status: 'added' };
    if (t === b) return { base: t, status: 'kept', detail: 'you deleted it' };
    const note = { ours: 'you deleted this clause' };
    return { body: conflictLines([], split(t), note).join('\n'), base: t, status: 'conflict', detail: 'deleted by you, changed by the new terms' };
  }
  return { status: 'unchanged' };
}

/** `primary` in order, then each id of `secondary` missing from it, placed after its nearest predecessor. */
export function weave(primary: string[], secondary: string[], keep: (id: string) => boolean): string[] {
  const out = primary.filter(keep);
  const placed = new Set(out);
  secondary.forEach((id, i) => {
    if (!keep(id) || placed.has(id)) return;
    let at = 0;
    for (let j = i - 1; j >= 0; j--) {
      const k = out.indexOf(secondary[j]!);
      if (k >= 0) {
        at = k + 1;
        break;
      }
    }
    out.splice(at, 0, id);
    placed.add(id);
  });
  return out;
}

const topicOf = (id: string) => id.split('/')[0]!;

/** Does `--only` select this unit? */
export function selects(only: string[] | undefined, id: string): boolean {
  if (!only) return true;
  if (id === HEAD_ID || id === NOTES_ID) return false;
  return only.some((x) => x === id || x === topicOf(id) || id.startsWith(`${x}/`));
}

export function mergeDraft(existing: string, generated: string, options: MergeOptions = {}): MergeResult {
  const file = options.file ?? 'the draft';
  const O = readDoc(existing);
  if (!O.ours) throw new UserError(`${file} was not written by spacecoop; it is left unchanged`);
  if (O.problems.length) {
    throw new UserError(`${file}: the clause markers are damaged, so the draft cannot be regenerated safely; it is left unchanged`, {
      problems: O.problems.map((p) => ({ file, line: p.line, message: p.message })),
      hint: 'Each clause sits between `<!-- spacecoop:clause ID -->` and `<!-- /spacecoop:clause -->` lines: restore the marker, or use --force to regenerate everything (a backup is written first).',
    });
  }
  const left = findConflicts(existing);
  if (left.length && !options.force) {
    throw new UserError(`${file} still holds ${left.length} unresolved conflict${left.length === 1 ? '' : 's'} from an earlier regeneration; it is left unchanged`, {
      problems: left.map((c) => ({ file, line: c.line, message: `unresolved conflict in ${c.article ? `Article ${c.article}` : c.clauseId || 'the title and contents'}` })),
      hint: 'Keep one version of each <<<<<<< … >>>>>>> block and delete the markers, then regenerate; or use --force to replace the selected clauses with the new text (a backup is written first).',
    });
  }
  const T = readDoc(generated);

  let base: Base | undefined;
  let baseProblem: string | undefined;
  if (!O.baseBlock) baseProblem = 'the draft carries no base (what spacecoop generated last time)';
  else {
    const d = decodeBase(O.baseBlock);
    if ('base' in d) base = d.base;
    else baseProblem = d.problem;
  }
  const hasBase = base !== undefined;
  const force = Boolean(options.force);

  // Numberings: the generated draft's own; the file's from its headings, the base's where a heading is gone.
  const tNum = numberingOf(T.units);
  const oNum = numberingOf(O.units);
  if (base) {
    let n = 0;
    const numbered = new Set(oNum.values());
    for (const [id, body] of base.clauses) {
      if (!hasOwnHeading(body, id)) continue;
      n++;
      if (!oNum.has(n) && !numbered.has(id)) oNum.set(n, id);
    }
  }

  const bodies = (doc: DraftDoc, num: Numbering) => {
    const m = new Map<string, string>();
    for (const u of doc.units) m.set(u.id, normalizeRefs(u.body.join('\n'), num));
    return m;
  };
  const oBody = bodies(O, oNum);
  const tBody = bodies(T, tNum);
  const bBody = new Map<string, string>(base?.clauses ?? []);
  if (base?.notes != null) bBody.set(NOTES_ID, base.notes);

  const only = options.only;
  const decisions = new Map<string, Decision>();
  const ids = [...new Set([...O.units.map((u) => u.id), ...T.units.map((u) => u.id)])];
  for (const id of ids) {
    const o = oBody.get(id);
    const b = bBody.get(id);
    if (!selects(only, id)) decisions.set(id, { ...(o !== undefined ? { body: o } : {}), ...(b !== undefined ? { base: b } : {}), status: 'unchanged' });
    else decisions.set(id, decide(o, tBody.get(id), b, { hasBase, force }));
  }
  // Base entries for units neither side has any more, kept while --only leaves them alone.
  if (base) for (const [id, b] of bBody) if (!decisions.has(id) && !selects(only, id)) decisions.set(id, { base: b, status: 'unchanged' });

  const headOnly = only !== undefined;
  const oHead = normalizeRefs(O.head.join('\n'), oNum);
  const head = headOnly
    ? { body: oHead, status: 'unchanged' as Status, ...(base ? { base: base.head } : {}) }
    : decide(oHead, normalizeRefs(T.head.join('\n'), tNum), base?.head, { hasBase, force });

  // Order: the new terms' order, unless they moved nothing, in which case the drafter's order stands.
  const inOut = (id: string) => decisions.get(id)?.body !== undefined;
  const oOrder = O.units.map((u) => u.id);
  const tOrder = T.units.map((u) => u.id);
  const bOrder = base ? [...base.clauses.map(([id]) => id), ...(base.notes != null ? [NOTES_ID] : [])] : undefined;
  const common = (order: string[]) => order.filter((id) => oBody.has(id) && tBody.has(id));
  const termsMoved = headOnly || !bOrder || common(bOrder).join('\n') !== common(tOrder).join('\n');
  const order = termsMoved && !headOnly ? weave(tOrder, oOrder, inOut) : weave(oOrder, tOrder, inOut);

  // Numbering afresh: every unit written that is an article in any of the three versions.
  const renumber: Renumbering = { numbers: new Map(), previous: new Map([...oNum].map(([num, id]) => [id, num])), dangling: [] };
  let n = 0;
  for (const id of order) {
    const d = decisions.get(id)!;
    const article = [d.body, tBody.get(id), bBody.get(id)].some((x) => x !== undefined && hasOwnHeading(x, id));
    if (id !== NOTES_ID && article) renumber.numbers.set(id, ++n);
  }

  // Free text after each unit stays after it; text after a unit that is gone moves to the unit before.
  const oUnit = new Map(O.units.map((u) => [u.id, u]));
  const tUnit = new Map(T.units.map((u) => [u.id, u]));
  const headLines = denormalizeRefs(head.body ?? '', renumber).split('\n');
  const outHead = head.body === undefined || (head.body === '' && O.head.length === 0) ? [] : headLines;
  const units: Unit[] = [];
  const placedAfter = new Map<string, string[]>();
  const visible = (lines: string[]) => lines.some((l) => l.trim() !== '');
  const carry: string[] = [];
  let lastKept: string | undefined;
  for (const id of oOrder) {
    const u = oUnit.get(id)!;
    const after = u.after.length ? normalizeRefs(u.after.join('\n'), oNum).split('\n') : [];
    if (inOut(id)) {
      placedAfter.set(id, after);
      lastKept = id;
    } else if (visible(u.after)) {
      const into = lastKept ? placedAfter.get(lastKept)! : carry;
      while (into.length && into[into.length - 1]!.trim() === '' && after.length && after[0]!.trim() === '') after.shift();
      into.push(...after);
    }
  }
  for (const id of order) {
    const d = decisions.get(id)!;
    const from = oUnit.get(id) ?? tUnit.get(id)!;
    const after = placedAfter.get(id) ?? tUnit.get(id)?.after ?? [''];
    units.push({
      id,
      kind: from.kind,
      body: denormalizeRefs(d.body!, renumber).split('\n'),
      after: after.map((l) => denormalizeRefs(l, renumber)),
      line: 0,
    });
  }
  // An empty body is zero lines, not one empty line.
  for (const u of units) if (u.body.length === 1 && u.body[0] === '' && (oUnit.get(u.id) ?? tUnit.get(u.id))?.body.length === 0) u.body = [];
  const doc: DraftDoc = { ours: true, crlf: O.crlf, bom: O.bom, ...(O.baseGap === false ? { baseGap: false } : {}), head: [...outHead, ...carry.map((l) => denormalizeRefs(l, renumber))], units, problems: [] };

  const newBase: Base = {
    ...(head.base !== undefined ? { head: head.base } : { head: '' }),
    notes: decisions.get(NOTES_ID)?.base ?? null,
    clauses: [],
  };
  const baseIds = [...order, ...tOrder, ...(bOrder ?? [])];
  const seen = new Set<string>();
  for (const id of baseIds) {
    if (seen.has(id) || id === NOTES_ID) continue;
    seen.add(id);
    const b = decisions.get(id)?.base;
    if (b !== undefined) newBase.clauses.push([id, b]);
  }
  const text = writeDoc(doc, encodeBase(newBase, base && O.baseBlock ? { base, block: O.baseBlock } : undefined));

  const previous = new Map<string, number>();
  for (const [num, id] of numberingOf(O.units)) previous.set(id, num);
  const changes: UnitChange[] = [];
  const push = (id: string, d: Decision) => {
    const article = renumber.numbers.get(id);
    const prev = previous.get(id);
    changes.push({ id, status: d.status, ...(article !== undefined && d.body !== undefined ? { article } : {}), ...(prev !== undefined ? { previous: prev } : {}), ...(d.detail ? { detail: d.detail } : {}) });
  };
  push(HEAD_ID, head);
  for (const id of order) push(id, decisions.get(id)!);
  for (const id of ids) if (!inOut(id) && decisions.get(id)!.status !== 'unchanged') push(id, decisions.get(id)!);

  return {
    text,
    report: {
      changes,
      conflicts: findConflicts(text),
      ...(baseProblem ? { baseProblem } : {}),
      ...(O.keptFromBase ? { keptFromBase: O.keptFromBase } : {}),
      dangling: renumber.dangling,
    },
  };
}
