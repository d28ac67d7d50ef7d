/**
 * User text goes into Markdown as literal text: every character that could open Markdown or HTML
 * structure mid-line is backslash-escaped (`*`, `_`, `[`, `<`, `#`, `|`, ...), autolinks are
 * broken (`www\.`, `https\:`, `a\@b`), line breaks and control characters become spaces, and the
 * private-use characters the renderer uses for its own placeholders are removed. User text never
 * starts a line in our templates, so line-start markers (`1.`, `-`, `>`) need no escaping. Escaped
 * once, at the edge where terms become the view the templates see.
 */
const SPECIAL = /[\\`*_{}[\]<>#|~!&$@]/g;
// C0/C1 controls, line and paragraph separators, bidi embeddings and overrides, and the
// private-use area (the renderer's own placeholders), noncharacters and lone surrogates (which
// Word's XML and HTML cannot carry).
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\uE000-\uF8FF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Bidi isolates and marks (U+2066..U+2069, U+200E, U+200F, U+061C): kept, but never reaching past the user's text. */
const BIDI = /[\u2066-\u2069\u200E\u200F\u061C]/;

/**
 * User text with bidi controls, isolated (Trojan Source): stray PDIs dropped, open isolates closed,
 * and the whole between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, so that nothing in it can
 * reorder the text around it, in Markdown, HTML or Word alike. (Embeddings and overrides,
 * U+202A..U+202E, are removed by `escapeMarkdown` before this.)
 */
export function isolateBidi(text: string): string {
  if (!BIDI.test(text)) return text;
  let open = 0;
  let out = '';
  for (const c of text) {
    if (c === '\u2066' || c === '\u2067' || c === '\u2068') open++;
    else if (c === '\u2069') {
      if (open === 0) continue;
      open--;
    }
    out += c;
  }
  return `\u2068${out}${'\u2069'.repeat(open)}\u2069`;
}

/**
 * Anything the escaping would change: a special or control character, a bidi control, a surrogate
 * (paired ones too, to keep this simple), two spaces, space at either end, `www.` or `://`. Most of
 * what users write (names, titles, places) has none, and comes back as it is without seven passes.
 */
const TOUCHED = /[\\`*_{}[\]<>#|~!&$@\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\uD800-\uDFFF\uE000-\uF8FF\uFFFE\uFFFF]| {2}|^\s|\s$|www\.|:\/\//i;

export function escapeMarkdown(text: string): string {
  return TOUCHED.test(text) ? escapeMarkdownSlow(text) : text;
}

/** The escaping itself, without the shortcut (exported for the test that they agree). */
export function escapeMarkdownSlow(text: string): string {
  return isolateBidi(escapeMarkdownText(text));
}

function escapeMarkdownText(text: string): string {
  return text
    .replace(/\r\n?|\n|\t/g, ' ')
    .replace(CONTROL, ' ')
    .replace(/ {2,}/g, ' ')
    .trim()
    .replace(SPECIAL, (c) => `\\${c}`)
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/\b([a-z][a-z0-9+.-]*):(?=\/\/)/gi, '$1\\:');
}

/** Inverse of the escaping, for exporters that emit plain text (docx, html). */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\`*_{}[\]<>#|~!&$@.:])/g, '$1');
}
