/**
 * CriticMarkup (criticmarkup.com) in a draft: pending changes and comments that travel between the
 * Markdown draft and Word. `{++added++}`, `{--deleted--}`, `{~~old~>new~~}`, `{==commented text==}`
 * and `{>>comment<<}`. Who made a change is a comment right after it that starts with `@`:
 * `{++will++}{>>@Ana Souza<<}`; a comment with an author reads `{>>@Ana Souza: the comment<<}`.
 * A backslash before the opening brace (`\{++`) makes it literal text, as Markdown escaping does.
 */

/** Private-use stand-ins for the markers, so the Markdown parser passes them through as text. */
export const CM = {
  insOpen: '\uE110',
  insClose: '\uE111',
  delOpen: '\uE112',
  delClose: '\uE113',
  subOpen: '\uE114',
  subMid: '\uE115',
  subClose: '\uE116',
  comOpen: '\uE117',
  comClose: '\uE118',
  hiOpen: '\uE119',
  hiClose: '\uE11A',
} as const;

const TOKENS: [string, string][] = [
  ['{++', CM.insOpen],
  ['++}', CM.insClose],
  ['{--', CM.delOpen],
  ['--}', CM.delClose],
  ['{~~', CM.subOpen],
  ['~>', CM.subMid],
  ['~~}', CM.subClose],
  ['{>>', CM.comOpen],
  ['<<}', CM.comClose],
  ['{==', CM.hiOpen],
  ['==}', CM.hiClose],
];
const BACK = new Map(TOKENS.map(([t, s]) => [s, t]));
const TOKEN_RE = /(?<!\\)(\{\+\+|\+\+\}|\{--|--\}|\{~~|~>|~~\}|\{>>|<<\}|\{==|==\})/g;
const SENTINEL_RE = /[\uE110-\uE11A]/g;

/** Any CriticMarkup in `text` (unescaped). */
export const CRITIC_OPEN_RE = /(?<!\\)\{(\+\+|--|~~|>>|==)/;

/** Lines (1-based) holding an opening CriticMarkup marker. */
export function findCriticMarkup(text: string): number[] {
  const out: number[] = [];
  text.split(/\r?\n/).forEach((l, i) => {
    if (CRITIC_OPEN_RE.test(l)) out.push(i + 1);
  });
  return out;
}

/** Marks every unescaped marker with its stand-in; stand-ins already in the text are removed. */
export function protectCritic(source: string): string {
  const map = new Map(TOKENS);
  return source.replace(SENTINEL_RE, '').replace(TOKEN_RE, (t) => map.get(t)!);
}

/** Stand-ins back to the literal markers (in code spans, and where a marker was out of place). */
export function restoreCritic(text: string): string {
  return text.replace(SENTINEL_RE, (s) => BACK.get(s)!);
}

export interface Attribution {
  author?: string;
  date?: string;
}

/** `@Name` or `@Name: text` at the start of a comment. */
export function splitComment(text: string): { author?: string; text: string } {
  const m = /^@([^:\n]{1,80}?)(?::\s*([\s\S]*))?$/.exec(text.trim());
  if (!m) return { text: text.trim() };
  return { author: m[1]!.trim(), text: (m[2] ?? '').trim() };
}

/** A change as CriticMarkup, with its author when known. */
export function criticChange(kind: 'ins' | 'del', text: string, author?: string): string {
  const mark = kind === 'ins' ? `{++${text}++}` : `{--${text}--}`;
  return author ? `${mark}{>>@${author}<<}` : mark;
}

export function criticComment(text: string, author?: string, anchor?: string): string {
  const body = author ? `@${author}${text ? `: ${text}` : ''}` : text;
  return `${anchor ? `{==${anchor}==}` : ''}{>>${body.replace(/<<\}/g, '<< }')}<<}`;
}
