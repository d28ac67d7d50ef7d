/**
 * Placeholders that clause templates emit and the renderer resolves after numbering. They use
 * private-use characters, which user text can never contain (escaping strips them).
 */
export const OPEN = '\uE000';
export const CLOSE = '\uE001';
export const TOKEN_RE = /\uE000(ref|blank):([^\uE001]*)\uE001/g;
export const BLANK_MARK = '[●]';

export const refToken = (topic: string) => `${OPEN}ref:${topic}${CLOSE}`;
export const blankToken = (path: string) => `${OPEN}blank:${path}${CLOSE}`;
