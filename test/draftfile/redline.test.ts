import { describe, expect, it } from 'vitest';
import { freshDraft, mergeDraft } from '../../src/draftfile/merge.js';
import { blocks, markLines, markWords, redline } from '../../src/draftfile/redline.js';
import { UserError } from '../../src/errors.js';
import { A, BASE_SPECS, edit, generate, withSpec } from './fixtures.js';

describe('markWords: one paragraph, word by word', () => {
  it.each([
    ['a word replaced', 'The seat shall be The Hague.', 'The seat shall be Geneva.', 'The seat shall be {~~The Hague~>Geneva~~}.'],
    ['a word added', 'Each Party grants a licence.', 'Each Party grants a royalty-free licence.', 'Each Party grants a {++royalty-free++} licence.'],
    ['a word deleted', 'The Parties shall promptly consult.', 'The Parties shall consult.', 'The Parties shall {--promptly--} consult.'],
    ['no change', 'Same text.', 'Same text.', 'Same text.'],
    ['changes one space apart are one substitution', 'within thirty days', 'within sixty calendar days', 'within {~~thirty~>sixty calendar~~} days'],
  ])('%s', (_name, a, b, want) => {
    expect(markWords(a, b)).toBe(want);
  });
});

describe('markLines: paragraphs matched, then words', () => {
  it('pairs a reworded paragraph and marks whole new and deleted ones', () => {
    const out = markLines(['1. Alpha beta gamma delta.', '2. Old paragraph entirely.', '3. Kept.'], ['1. Alpha beta gamma epsilon.', '3. Kept.', '4. Brand new.']);
    // The list marker stays outside the mark, so the paragraph is still a list item when rendered.
    expect(out).toEqual(['1. Alpha beta gamma {~~delta~>epsilon~~}.', '2. {--Old paragraph entirely.--}', '3. Kept.', '4. {++Brand new.++}']);
  });
  it('keeps the indentation and the label of a sub-item, and a heading\'s hashes, outside the mark', () => {
    expect(markLines(['   (a) the other Party;'], [])).toEqual(['   (a) {--the other Party;--}']);
    expect(markLines([], ['## Article 3 — Funding'])).toEqual(['## {++Article 3 — Funding++}']);
    expect(markLines(['> quoted text here'], ['> quoted words here'])).toEqual(['> quoted {~~text~>words~~} here']);
  });
  it('marks a table row cell by cell, so the table stays a table', () => {
    const old = ['| For A | For B |', '| --- | --- |', '| Name: X | Name: Y |'];
    const now = ['| For A | For B |', '| --- | --- |', '| Name: X | Name: Z |', '| Title: T | Title: U |'];
    const out = markLines(old, now);
    expect(out).toEqual(['| For A | For B |', '| --- | --- |', '| Name: X | Name: {~~Y~>Z~~} |', '| {++Title: T++} | {++Title: U++} |']);
    expect(blocks(out).filter((l) => l === '')).toEqual(['']); // one blank line, after the table
  });
});

describe('redline of two drafts', () => {
  const personnel = A('personnel/standard', 'Exchange of Personnel', 'Each Party may send personnel.');
  const oldDraft = freshDraft(generate(BASE_SPECS));
  const newSpecs = withSpec([...BASE_SPECS.slice(0, 1), personnel, ...BASE_SPECS.slice(1)], 'disputes/arbitration', (s) => A(s.id, s.title, s.paras[0]!, s.paras[1]!, 'The seat of arbitration shall be Geneva.')).filter(
    (s) => s.id !== 'objective/standard',
  );
  const newDraft = mergeDraft(oldDraft, generate(newSpecs)).text;
  const r = redline(oldDraft, newDraft, { old: 'round1.md', new: 'round2.md' });

  it('summarises articles added, removed and changed at the top', () => {
    expect(r.summary.added.map((e) => e.id)).toEqual(['personnel/standard']);
    expect(r.summary.removed.map((e) => e.id)).toEqual(['objective/standard']);
    expect(r.summary.changed.map((e) => e.id)).toEqual(['disputes/arbitration']);
    const top = r.text.slice(0, r.text.indexOf('## Preamble'));
    expect(top).toContain('- Articles added (1): Article 1 — Exchange of Personnel');
    expect(top).toContain('- Articles removed (1): former Article 1 — Objective');
    expect(top).toContain('- Changed (1): Article 5 — Settlement of Disputes');
  });

  it('matches articles by clause, so a renumbered article with renumbered cross-references shows no change', () => {
    // Exchange of Data was Article 2 and is still Article 2; IP moved nowhere; nothing else changed.
    expect(r.summary.changed.map((e) => e.id)).not.toContain('exchange/standard');
    expect(r.text).toContain('3. The seat of arbitration shall be {~~The Hague~>Geneva~~}.');
    expect(r.text).toContain('## Article 1 — Exchange of Personnel (added)');
    expect(r.text).toContain('{++Each Party may send personnel.++}');
    expect(r.text).toContain('{--The Parties shall cooperate in Earth observation.--}');
  });

  it('shows only real renumbering as such: an article that moved is listed as renumbered, not changed', () => {
    const moved = generate([A('first/new', 'First', 'A new first article.'), ...BASE_SPECS]);
    const rr = redline(freshDraft(generate(BASE_SPECS)), freshDraft(moved), { old: 'a.md', new: 'b.md' });
    expect(rr.summary.changed).toEqual([]);
    expect(rr.summary.renumbered.map((e) => `${e.previous}->${e.article}`)).toEqual(['1->2', '2->3', '3->4', '4->5', '5->6']);
    expect(rr.text).toContain('*Article 4 in a.md.*');
  });

  it('refuses a file spacecoop did not write', () => {
    expect(() => redline('# Notes\n', oldDraft, { old: 'n.md', new: 'o.md' })).toThrow(UserError);
  });

  it('refuses a draft with conflict markers or pending CriticMarkup, naming the lines', () => {
    const conflicted = edit(newDraft, '3. The seat of arbitration shall be Geneva.', '<<<<<<< your text\n\nX\n\n=======\n\nY\n\n>>>>>>> the new terms');
    expect(() => redline(oldDraft, conflicted, { old: 'a.md', new: 'b.md' })).toThrow(/b\.md has 1 unresolved merge conflict/);
    for (const mark of ['{++Geneva++}', '{--Geneva--}', '{~~Geneva~>Paris~~}', '{>>why?<<}', '{==Geneva==}']) {
      const pending = edit(newDraft, 'Geneva.', `${mark}.`);
      expect(() => redline(pending, newDraft, { old: 'a.md', new: 'b.md' }), mark).toThrow(/a\.md holds pending changes or comments \(CriticMarkup\)/);
    }
    // Escaped, it is text, as in a party's name.
    expect(() => redline(edit(newDraft, 'Geneva.', '\\{++Geneva++}.'), newDraft, { old: 'a.md', new: 'b.md' })).not.toThrow();
  });
});
