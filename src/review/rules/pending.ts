import type { ReviewDoc } from '../doc.js';
import type { Hit, Rule } from '../rule.js';

/**
 * Pending CriticMarkup in a draft: changes and comments brought in from a reviewed Word file by
 * `import` (or typed by hand) that nobody has accepted or rejected yet. A warning, not an error:
 * the draft is still being negotiated, and `export` carries them to Word as tracked changes and
 * comments; before signature every one is settled.
 */
const OPEN = /(?<!\\)\{(\+\+|--|~~|==|>>)/g;
const KIND: Record<string, string> = { '++': 'insertion', '--': 'deletion', '~~': 'substitution', '==': 'highlight', '>>': 'comment' };

export const PENDING_RULES: readonly Rule<{ doc: ReviewDoc }>[] = [
  {
    id: 'pending-change',
    severity: 'warning',
    level: 'text',
    domain: [],
    what: 'A pending change or comment (CriticMarkup) not yet accepted or rejected.',
    source: 'Drafting practice: a text is agreed only when every proposed change is settled',
    check: ({ doc }) =>
      doc.lines.flatMap(({ text, line }): Hit[] => {
        const kinds = [...text.matchAll(OPEN)].map((m) => KIND[m[1]!]!).filter((k, i, xs) => k !== 'highlight' && xs.indexOf(k) === i);
        if (!kinds.length) return [];
        const who = [...text.matchAll(/\{>>@([^:<]+?)(?::|<<\})/g)].map((m) => m[1]!.trim());
        return [
          {
            message: `line ${line}: pending ${kinds.join(', ')}${who.length ? ` by ${[...new Set(who)].join(', ')}` : ''}`,
            fix: 'Accept or reject it: keep the text you want and delete the marks (`{++ ++}`, `{-- --}`, `{~~ ~> ~~}`, `{== ==}`, `{>> <<}`).',
            line,
          },
        ];
      }),
  },
];
