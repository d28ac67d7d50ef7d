import { encodeBase, type Base } from './base.js';
import { readDoc, writeDoc, type DraftDoc, type Unit } from './document.js';
import { headingNumber, normalizeRefs, type Numbering } from './refs.js';

/**
 * A freshly generated draft as written to disk: the Markdown and its embedded base. Kept apart
 * from the merge so that `spacecoop draft` does not load the diff library when there is nothing
 * to merge.
 */
export function freshDraft(generated: string): string {
  const doc = readDoc(generated);
  const numbering = numberingOf(doc.units);
  return writeDoc(doc, encodeBase(baseOf(doc, numbering)));
}

export function numberingOf(units: Unit[]): Numbering {
  const map: Numbering = new Map();
  for (const u of units) {
    if (u.kind !== 'clause') continue;
    const n = headingNumber(u.body.join('\n'));
    if (n !== undefined && !map.has(n)) map.set(n, u.id);
  }
  return map;
}

function baseOf(doc: DraftDoc, numbering: Numbering): Base {
  const notes = doc.units.find((u) => u.kind === 'notes');
  return {
    head: normalizeRefs(doc.head.join('\n'), numbering),
    notes: notes ? normalizeRefs(notes.body.join('\n'), numbering) : null,
    clauses: doc.units.filter((u) => u.kind === 'clause').map((u) => [u.id, normalizeRefs(u.body.join('\n'), numbering)]),
  };
}

