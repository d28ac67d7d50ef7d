import { describe, expect, it } from 'vitest';
import { freshDraft, mergeDraft } from '../../src/draftfile/merge.js';
import { A, BASE_SPECS, edit, generate, withSpec, type Spec } from '../draftfile/fixtures.js';

/** Draft from `before`, let `edits` act on the file, regenerate from `after`. */
function round(before: Spec[], edits: (text: string) => string, after: Spec[], options: Parameters<typeof mergeDraft>[2] = {}) {
  const written = freshDraft(generate(before));
  const edited = edits(written);
  return { edited, ...mergeDraft(edited, generate(after), options) };
}
const INSERTED = [BASE_SPECS[0]!, A('definitions/standard', 'Definitions', 'Terms have their usual meaning.'), ...BASE_SPECS.slice(1)];

describe('item 1: characters a user can type never act as internal markers', () => {
  const pasted = [
    'Symbol font: \uE002liability/cross-waiver\uE003 and \uE002x\uE003 and \uE001 alone.',
    'Article \uE002ip/joint\uE003 typed by hand, and a lone \uE003 close.',
    '\uE001a \uE001b \uE001c escape look-alikes.',
  ];
  for (const p of pasted) {
    it(`keeps ${JSON.stringify(p.slice(0, 20))} word for word through a renumbering`, () => {
      const r = round(BASE_SPECS, (t) => edit(t, 'It shall retain jurisdiction and control.', `It shall retain jurisdiction and control.\n\n${p}`), INSERTED);
      expect(r.text).toContain(p);
      expect(r.text).toContain('## Article 2 — Definitions');
      // and a second round keeps it as well
      const again = mergeDraft(r.text, generate(INSERTED));
      expect(again.text).toContain(p);
      expect(again.report.conflicts).toEqual([]);
    });
  }
  it('keeps a line made of a NUL character inside a conflict', () => {
    const after = withSpec(BASE_SPECS, 'objective/standard', (s) => A(s.id, s.title, 'The Parties shall cooperate in navigation.'));
    const r = round(BASE_SPECS, (t) => edit(t, 'The Parties shall cooperate in Earth observation.', 'The Parties shall cooperate in science.\n\u0000\nMore.'), after);
    expect(r.text).toContain('science.\n\u0000\nMore.');
  });
});
