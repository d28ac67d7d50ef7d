import { UserError } from '../errors.js';
import { closest } from '../util/suggest.js';
import { HEAD_ID, NOTES_ID, readDoc } from './document.js';
import type { MergeReport, Status, UnitChange } from './merge.js';

const PLAIN_NAMES: Record<string, string> = {
  [HEAD_ID]: 'title and contents',
  [NOTES_ID]: 'drafting notes',
  'instrument/preamble': 'preamble',
  'instrument/signature': 'signature block',
};

/** How a drafter finds the unit in the file: its article number, or what it is. */
export function unitName(c: Pick<UnitChange, 'id' | 'article' | 'previous' | 'status'>): string {
  if (PLAIN_NAMES[c.id]) return PLAIN_NAMES[c.id]!;
  if (c.article !== undefined) return c.previous !== undefined && c.previous !== c.article ? `Article ${c.article} (was ${c.previous})` : `Article ${c.article}`;
  if (c.previous !== undefined) return `former Article ${c.previous} (${c.id})`;
  return c.id;
}

const ORDER: [Status, string][] = [
  ['updated', 'updated'],
  ['kept', 'kept'],
  ['merged', 'merged'],
  ['added', 'added'],
  ['removed', 'removed'],
];

/** The lines the CLI prints after a regenerate: one per kind of outcome, naming the articles. */
export function summarizeMerge(report: MergeReport): string[] {
  const lines: string[] = [];
  for (const [status, label] of ORDER) {
    const xs = report.changes.filter((c) => c.status === status);
    if (!xs.length) continue;
    const names = xs.map((c) => {
      const name = unitName(c);
      const withId = c.article !== undefined && status === 'added' ? `${name} (${c.id})` : name;
      return c.detail && status === 'kept' ? `${withId}: ${c.detail}` : withId;
    });
    lines.push(`${label.padEnd(10)}${String(xs.length).padStart(3)}  ${names.join(', ')}`);
  }
  const where = report.conflicts.map((k) => `${k.article !== undefined ? `Article ${k.article}` : (PLAIN_NAMES[k.clauseId] ?? (k.clauseId || 'outside any clause'))} (line ${k.line})`);
  lines.push(`${'conflicts'.padEnd(10)}${String(report.conflicts.length).padStart(3)}${where.length ? `  ${where.join(', ')}` : ''}`);
  const unchanged = report.changes.filter((c) => c.status === 'unchanged').length;
  lines.push(`${'unchanged'.padEnd(10)}${String(unchanged).padStart(3)}`);
  if (report.keptFromBase) lines.push(`note: ${report.keptFromBase} line${report.keptFromBase === 1 ? '' : 's'} of text stood after or inside the damaged base block; they are yours and are kept, before the new base block at the end.`);
  if (report.baseProblem) lines.push(`note: ${report.baseProblem}, so every clause was treated as edited: where the new text differs, both versions are kept as a conflict.`);
  for (const d of report.dangling) {
    lines.push(`note: a cross-reference to ${d.old ? `former Article ${d.old}` : 'an article'} (${d.id}) points to an article that is no longer in the draft; it was left as it is.`);
  }
  return lines;
}

/**
 * `--only a,b`: each must name a topic or clause id of the draft or of the new terms; a typo is an
 * error with the closest name, never a silent no-op.
 */
export function checkOnly(only: string, existing: string, generated: string): string[] {
  const ids = new Set<string>();
  for (const text of [existing, generated]) for (const u of readDoc(text).units) if (u.kind === 'clause') ids.add(u.id);
  const names = new Set<string>([...ids, ...[...ids].map((id) => id.split('/')[0]!)]);
  const wanted = only
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!wanted.length) throw new UserError('--only: name a topic or clause id, e.g. --only liability');
  for (const w of wanted) {
    if (names.has(w)) continue;
    const near = closest(w, [...names]);
    throw new UserError(`--only ${w}: no clause or topic of that name in the draft or the new terms${near ? `: did you mean \`${near}\`?` : ''}`, {
      hint: `Topics: ${[...new Set([...ids].filter((id) => id.includes('/')).map((id) => id.split('/')[0]!))].join(', ')}`,
    });
  }
  return wanted;
}
