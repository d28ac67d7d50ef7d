/**
 * The draft's text fields are inline Markdown: user text is backslash-escaped, clause text may use
 * `*emphasis*`, `**bold**` and `` `code` ``. Word and HTML need that as styled runs of literal
 * text. Only those three are markup; everything else (links, HTML, headings, tables) is text.
 */
export interface Run {
  text: string;
  italic?: boolean;
  bold?: boolean;
  code?: boolean;
}

/** The characters `escapeMarkdown` backslash-escapes (plus `.` and `:` of broken autolinks). */
const ESCAPABLE = new Set('\\`*_{}[]<>#|~!&$@.:');

/**
 * Characters XML 1.0 forbids (C0 controls but tab and newline, U+FFFE/U+FFFF, lone surrogates),
 * other controls (C1, DEL) and the renderer's private-use placeholders: a Word file containing one
 * does not open, and none has a visible meaning. Line breaks become spaces, as in Markdown.
 */
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF\uE000-\uF8FF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(text: string): string {
  return text.replace(/\r\n?|\n|\t/g, ' ').replace(INVALID, '');
}

/**
 * Index of the closing `marker` at or after `from`, skipping escapes and code spans; -1 if none. As
 * in CommonMark, a closer follows a non-space and an opener precedes one, so `5 * 3` is text.
 */
function findClose(s: string, from: number, marker: '*' | '**'): number {
  let i = from;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '\\' && ESCAPABLE.has(s[i + 1] ?? '')) {
      i += 2;
    } else if (c === '`') {
      const j = s.indexOf('`', i + 1);
      i = j < 0 ? i + 1 : j + 1;
    } else if (s.startsWith('**', i)) {
      if (marker === '**' && i > from && !/\s/.test(s[i - 1]!)) return i;
      if (marker === '**') {
        i += 2;
        continue;
      }
      // Inside an italic span, a bold span is skipped whole.
      const j = findClose(s, i + 2, '**');
      if (j < 0) return i > from ? i : -1;
      i = j + 2;
    } else if (c === '*') {
      if (marker === '*' && i > from && !/\s/.test(s[i - 1]!)) return i;
      if (marker === '*') {
        i += 1;
        continue;
      }
      const j = findClose(s, i + 1, '*');
      i = j < 0 ? i + 1 : j + 1;
    } else {
      i += 1;
    }
  }
  return -1;
}

type Style = Omit<Run, 'text'>;

function parse(s: string, style: Style, out: Run[]): void {
  let buf = '';
  const flush = () => {
    if (buf) out.push({ text: buf, ...style });
    buf = '';
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '\\' && ESCAPABLE.has(s[i + 1] ?? '')) {
      buf += s[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const j = s.indexOf('`', i + 1);
      if (j > i + 1) {
        flush();
        out.push({ text: s.slice(i + 1, j), ...style, code: true });
        i = j + 1;
        continue;
      }
    } else if (s.startsWith('**', i) && !style.bold && /\S/.test(s[i + 2] ?? ' ')) {
      const j = findClose(s, i + 2, '**');
      if (j > 0) {
        flush();
        parse(s.slice(i + 2, j), { ...style, bold: true }, out);
        i = j + 2;
        continue;
      }
    } else if (c === '*' && s[i + 1] !== '*' && !style.italic && /\S/.test(s[i + 1] ?? ' ')) {
      const j = findClose(s, i + 1, '*');
      if (j > 0) {
        flush();
        parse(s.slice(i + 1, j), { ...style, italic: true }, out);
        i = j + 1;
        continue;
      }
    }
    buf += c;
    i += 1;
  }
  flush();
}

/** Inline Markdown -> styled runs of literal text; adjacent runs of one style are merged. */
export function parseInline(text: string): Run[] {
  const runs: Run[] = [];
  parse(cleanText(text), {}, runs);
  const merged: Run[] = [];
  for (const r of runs) {
    const last = merged[merged.length - 1];
    if (last && !!last.bold === !!r.bold && !!last.italic === !!r.italic && !!last.code === !!r.code) last.text += r.text;
    else merged.push(r);
  }
  return merged;
}

/** The literal text of inline Markdown, without styling (headings, titles, table of contents). */
export function plainText(text: string): string {
  return parseInline(text)
    .map((r) => r.text)
    .join('');
}

/**
 * Merge-conflict lines. `<<<<<<<` and `>>>>>>>` at the start of a line cannot come from user text
 * (escaping turns `<` into `\<`); `=======` can, so it counts only inside multi-line text, which
 * the renderer never produces and a merged draft does.
 */
const CONFLICT_EDGE = /^(?:<{7}|>{7})(?:[ \t].*)?$/m;
const CONFLICT_SEPARATOR = /^={7}[ \t]*$/m;

/** The first piece of text in `value` (any depth) that holds a merge-conflict line, if any. */
export function findConflictLine(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const m = CONFLICT_EDGE.exec(value) ?? (value.includes('\n') ? CONFLICT_SEPARATOR.exec(value) : null);
    return m ? m[0] : undefined;
  }
  if (Array.isArray(value)) {
    for (const v of value) {
      const hit = findConflictLine(v);
      if (hit !== undefined) return hit;
    }
    return undefined;
  }
  if (value && typeof value === 'object') return findConflictLine(Object.values(value));
  return undefined;
}
