import type { Block, Span } from './model.js';

const LABEL = /^\(([a-z]{1,3}|[ivxlc]{1,6})\)\s+/;

/** The spans without the "(a) " a lettered item starts with (Word writes the letter). */
export function withoutLabel(spans: Span[]): Span[] {
  const first = spans.findIndex((s) => s.text !== '' && s.change?.kind !== 'del');
  if (first < 0) return spans;
  const m = LABEL.exec(spans[first]!.text);
  if (!m) return spans;
  const out = spans.slice();
  out[first] = { ...spans[first]!, text: spans[first]!.text.slice(m[0].length) };
  return out;
}

const SIGNATURE_LINE = ' ______________________';

/**
 * A block's spans as the Word writer emits them: the status line in italics, the contents label
 * and table headers in bold, a signature cell with its line. Shared with `import`, which compares
 * a Word paragraph with what was exported.
 */
export function wordSpans(b: Block): Span[] {
  const spans = b.list?.label ? withoutLabel(b.spans) : b.spans;
  if (b.kind === 'status') return spans.map((s) => ({ ...s, italic: true }));
  if (b.kind === 'contents-label') return spans.map((s) => ({ ...s, bold: true }));
  return spans;
}

export function wordCells(b: Block): Span[][] {
  const signature = b.segment === 'instrument/signature';
  return (b.cells ?? []).map((c) => {
    const spans = b.header ? c.map((s) => ({ ...s, bold: true })) : c;
    const line = signature && /^Signature:\s*$/.test(c.map((s) => s.text).join(''));
    return line ? [...spans, { text: SIGNATURE_LINE }] : spans;
  });
}
