import type { Span } from './model.js';

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
