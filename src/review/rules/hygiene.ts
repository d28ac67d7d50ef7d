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

/** Explicit bidi formatting characters: embeddings, overrides, isolates (the Trojan Source pattern). */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/g;
const HAS_BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const BIDI_NAMES: Record<string, string> = {
  '\u202A': 'LEFT-TO-RIGHT EMBEDDING', '\u202B': 'RIGHT-TO-LEFT EMBEDDING', '\u202C': 'POP DIRECTIONAL FORMATTING',
  '\u202D': 'LEFT-TO-RIGHT OVERRIDE', '\u202E': 'RIGHT-TO-LEFT OVERRIDE', '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE', '\u2068': 'FIRST STRONG ISOLATE', '\u2069': 'POP DIRECTIONAL ISOLATE',
};
const nameBidi = (s: string) => [...new Set(s.match(BIDI_CONTROL) ?? [])].map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase()} ${BIDI_NAMES[c]}`).join(', ');
const BIDI_SOURCE = 'Boucher and Anderson, "Trojan Source: Invisible Vulnerabilities" (2021), https://trojansource.codes; Unicode Standard Annex #9';
const BIDI_FIX = 'Check that the name reads as intended; remove the control characters unless the script needs them.';

/** A draft file: each line with bidi controls. */
export const BIDI_RULE: Rule<HygieneContext> = {
  id: 'bidi-control',
  severity: 'warning',
  level: 'text',
  domain: [],
  what: 'Bidirectional control characters, which can make text display in another order than it reads.',
  source: BIDI_SOURCE,
  check: ({ doc }) =>
    doc.lines
      .filter((l) => HAS_BIDI.test(l.text))
      .map((l) => ({ message: `line ${l.line} holds bidirectional control characters (${nameBidi(l.text)}): it may display in another order than it reads`, fix: BIDI_FIX, line: l.line })),
};

/** A terms file: each text field with bidi controls (spacecoop isolates them in the draft; the reader should still know). */
export function bidiInTerms(source: unknown): { where: string; message: string; fix: string }[] {
  const out: { where: string; message: string; fix: string }[] = [];
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'string') {
      if (HAS_BIDI.test(v)) out.push({ where: path, message: `${path} holds bidirectional control characters (${nameBidi(v)}); spacecoop isolates them in the draft, but the name may not read as it displays`, fix: BIDI_FIX });
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
  };
  walk(source, '');
  return out;
}

export const BIDI_TERMS_SOURCE = BIDI_SOURCE;

/** Every hygiene rule over a draft file. */
export const HYGIENE_FILE_RULES: readonly Rule<HygieneContext>[] = [...HYGIENE_RULES, BIDI_RULE];
