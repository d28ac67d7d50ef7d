import { diffArrays } from 'diff';

/**
 * A line-level three-way merge (diff3): the changes each side made to the base, applied together
 * where they touch different lines, and a conflict where they touch the same ones. Lines are
 * compared by `lineKey`, so a change in spacing alone is not a change (and the drafter's spacing is kept).
 */
export type Diff3Chunk = { ok: string[] } | { conflict: { ours: string[]; theirs: string[] } };

interface Hunk {
  side: 'ours' | 'theirs';
  /** Range in the base, [start, end). An insertion has start === end. */
  start: number;
  end: number;
  lines: string[];
}

const SPACES = /\s\s|[^\S ]/;
export const lineKey = (line: string): string => {
  const t = line.trim();
  return SPACES.test(t) ? t.replace(/\s+/g, ' ') : t;
};

function hunks(base: string[], side: string[], which: Hunk['side']): Hunk[] {
  const changes = diffArrays(base.map(lineKey), side.map(lineKey));
  const out: Hunk[] = [];
  let b = 0;
  let s = 0;
  let open: Hunk | undefined;
  for (const c of changes) {
    const n = c.count ?? c.value.length;
    if (!c.added && !c.removed) {
      open = undefined;
      b += n;
      s += n;
      continue;
    }
    if (!open) {
      open = { side: which, start: b, end: b, lines: [] };
      out.push(open);
    }
    if (c.removed) {
      b += n;
      open.end = b;
    } else {
      open.lines.push(...side.slice(s, s + n));
      s += n;
    }
  }
  return out;
}

function overlaps(a: { start: number; end: number }, b: Hunk): boolean {
  if (a.start === b.start) return true;
  if (Math.max(a.start, b.start) < Math.min(a.end, b.end)) return true;
  // An insertion strictly inside the other's changed range.
  if (a.start === a.end && b.start < a.start && a.start < b.end) return true;
  if (b.start === b.end && a.start < b.start && b.start < a.end) return true;
  return false;
}

/** The side's text for base range [start, end), given that side's hunks inside the range. */
function sideText(base: string[], start: number, end: number, inside: Hunk[]): string[] {
  const out: string[] = [];
  let i = start;
  for (const h of inside) {
    out.push(...base.slice(i, h.start), ...h.lines);
    i = h.end;
  }
  out.push(...base.slice(i, end));
  return out;
}

export function diff3(base: string[], ours: string[], theirs: string[]): Diff3Chunk[] {
  const all = [...hunks(base, ours, 'ours'), ...hunks(base, theirs, 'theirs')].sort((a, b) => a.start - b.start || a.end - b.end);
  const chunks: Diff3Chunk[] = [];
  const ok = (lines: string[]) => {
    if (lines.length === 0) return;
    const last = chunks[chunks.length - 1];
    if (last && 'ok' in last) last.ok.push(...lines);
    else chunks.push({ ok: [...lines] });
  };
  // Unchanged stretches are copied from ours, so the drafter's own spacing survives.
  let pos = 0;
  let shift = 0;
  let i = 0;
  while (i < all.length) {
    const group: Hunk[] = [all[i]!];
    const range = { start: all[i]!.start, end: all[i]!.end };
    i++;
    while (i < all.length && overlaps(range, all[i]!)) {
      group.push(all[i]!);
      range.end = Math.max(range.end, all[i]!.end);
      i++;
    }
    ok(ours.slice(pos + shift, range.start + shift));
    const o = group.filter((h) => h.side === 'ours');
    const t = group.filter((h) => h.side === 'theirs');
    const oursText = sideText(base, range.start, range.end, o);
    const theirsText = sideText(base, range.start, range.end, t);
    if (o.length === 0) ok(theirsText);
    else if (t.length === 0) ok(oursText);
    else if (oursText.map(lineKey).join('\n') === theirsText.map(lineKey).join('\n')) ok(oursText);
    else chunks.push({ conflict: { ours: oursText, theirs: theirsText } });
    pos = range.end;
    shift += oursText.length - (range.end - range.start);
  }
  ok(ours.slice(pos + shift));
  return chunks;
}
