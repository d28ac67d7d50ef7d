import { unfollowedRefs } from '../../draftfile/refs.js';
import type { ReviewDoc } from '../doc.js';
import type { Rule } from '../rule.js';

/**
 * Rules over a draft file that are about the file's text as text, not about the law: references a
 * regeneration cannot follow, and characters that make the text read differently from what it says.
 */
export interface HygieneContext {
  doc: ReviewDoc;
}

export const HYGIENE_RULES: readonly Rule<HygieneContext>[] = [
  {
    id: 'unfollowed-reference',
    severity: 'warning',
    level: 'text',
    domain: [],
    what: 'A cross-reference to an article number the draft does not have.',
    source: 'Drafting practice: every internal cross-reference names an article of the instrument',
    check: ({ doc }) => {
      const numbering = new Map(doc.articles.map((a) => [a.number, a.clauseId ?? String(a.number)]));
      const text = doc.lines.map((l) => l.text).join('\n');
      return unfollowedRefs(text, numbering).map((r) => {
        const line = doc.lines[r.line]?.line;
        return {
          message: `"${r.ref}" refers to Article ${r.number}, which this draft does not have; a regeneration cannot keep it pointing at the right article`,
          fix: `Correct the number (the draft has Articles 1 to ${doc.articles.length}), or, for another instrument's article, say which ("Article ${r.number} of the ... Convention").`,
          ...(line !== undefined ? { line } : {}),
        };
      });
    },
  },
];
