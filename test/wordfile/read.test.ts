import { describe, expect, it } from 'vitest';
import { draftFromTermsText } from '../../src/engine.js';
import { UserError } from '../../src/errors.js';
import { exportDraft } from '../../src/export/index.js';
import { bookmarkName, clauseOfBookmark, fingerprint, readDocx } from '../../src/wordfile/index.js';
import { paragraphs as legacyParagraphs, unzip } from '../export/unzip.js';
import { builtinLibrary } from '../helpers/engine.js';
import { EXAMPLES, read } from '../helpers/run.js';
import { del, ins, p, r, wordPackage } from './wordml.js';

describe('readDocx', () => {
  it('reads what Word stores for a reviewed paragraph: insertions, deletions, formatting, comments, bookmarks', () => {
    const body = [
      p(`<w:bookmarkStart w:id="0" w:name="sc_liability_cross_waiver_1234abcd"/>${r('Article 9 — Liability')}<w:bookmarkEnd w:id="0"/>`, '<w:pStyle w:val="Heading2"/>'),
      p(
        `${r('Each Party ')}${del('shall')}${ins(r('will'))}${r(' waive ')}<w:commentRangeStart w:id="5"/>${r('all claims', '<w:b/>')}<w:commentRangeEnd w:id="5"/><w:r><w:commentReference w:id="5"/></w:r>${r('.')}`,
        '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>',
      ),
      p(ins(r('A new paragraph typed by counsel.'), 'Counsel', 7), '<w:rPr><w:ins w:id="8" w:author="Counsel" w:date="2026-11-30T10:00:00Z"/></w:rPr>'),
      `<w:tbl><w:tr><w:tc>${p(r('For the Agency'))}</w:tc><w:tc>${p(r('For the Ministry'))}</w:tc></w:tr></w:tbl>`,
    ].join('');
    const comments = `<w:comment w:id="5" w:author="Ana Souza" w:initials="AS" w:date="2026-11-30T10:00:00Z"><w:p><w:r><w:t>Too wide: limit to the Protected Space Operations.</w:t></w:r></w:p></w:comment>`;
    const doc = readDocx(wordPackage(body, { comments, custom: { 'spacecoop.content': 'abc' } }));
    const [h, para, added, left, right] = doc.paragraphs;
    expect(h).toMatchObject({ style: 'Heading2', text: 'Article 9 — Liability', bookmarks: ['sc_liability_cross_waiver_1234abcd'] });
    expect(para!.text).toBe('Each Party will waive all claims.');
    expect(para!.original).toBe('Each Party shall waive all claims.');
    expect(para!.numbering).toEqual({ numId: '3', level: 0 });
    expect(para!.runs.find((x) => x.change?.kind === 'del')).toMatchObject({ text: 'shall', change: { author: 'Counsel', date: '2026-11-30T10:00:00Z' } });
    expect(para!.runs.find((x) => x.bold)).toMatchObject({ text: 'all claims', comments: ['5'] });
    expect(para!.comments).toEqual(['5']);
    expect(added).toMatchObject({ text: 'A new paragraph typed by counsel.', original: '', mark: { kind: 'ins', author: 'Counsel' } });
    expect(left).toMatchObject({ text: 'For the Agency', cell: { table: 0, row: 0, cell: 0 } });
    expect(right).toMatchObject({ text: 'For the Ministry', cell: { table: 0, row: 0, cell: 1 } });
    expect(doc.comments).toEqual([
      { id: '5', author: 'Ana Souza', initials: 'AS', date: '2026-11-30T10:00:00Z', text: 'Too wide: limit to the Protected Space Operations.', anchor: 'all claims', paragraph: 1 },
    ]);
    expect(doc.custom).toEqual({ 'spacecoop.content': 'abc' });
    expect(doc.core.creator).toBe('spacecoop');
    expect(doc.core.lastModifiedBy).toBe('Counsel');
  });

  it('reads stored (uncompressed) archives and moved text as a deletion and an insertion', () => {
    const moved = `<w:moveFrom w:id="1" w:author="B"><w:r><w:delText>old place</w:delText></w:r></w:moveFrom><w:moveTo w:id="2" w:author="B">${r('new place')}</w:moveTo>`;
    const doc = readDocx(wordPackage(p(moved), { store: true }));
    expect(doc.paragraphs[0]).toMatchObject({ text: 'new place', original: 'old place' });
  });

  it.each([
    ['not a zip', new TextEncoder().encode('hello, this is text'), /is not a Word document \(\.docx\): it cannot be opened as a zip archive/],
    ['a zip without a document', (() => {
      const bytes = wordPackage(p(r('x')));
      return bytes;
    })(), null],
    ['damaged XML', wordPackage('<w:p><w:r><w:t>unclosed</w:r></w:p>'), /word\/document\.xml\) is not well-formed XML/],
  ])('%s: a UserError with the file name, never a crash', (_name, bytes, message) => {
    if (message === null) {
      expect(readDocx(bytes as Uint8Array, 'ok.docx').paragraphs[0]!.text).toBe('x');
      return;
    }
    const e = (() => {
      try {
        readDocx(bytes as Uint8Array, 'reviewed.docx');
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).message).toMatch(/^reviewed\.docx/);
    expect((e as UserError).message).toMatch(message);
  });

  it.each(EXAMPLES.map((f) => [f.split('/').pop()!, f]))('reads the Word export of %s paragraph for paragraph', async (_n, file) => {
    const draft = draftFromTermsText(read(file), file, builtinLibrary()).draft;
    const bytes = (await exportDraft(draft, 'docx')) as Uint8Array;
    const legacy = legacyParagraphs(unzip(bytes).get('word/document.xml')!.toString('utf8'));
    const doc = readDocx(bytes);
    expect(doc.paragraphs.map((x) => x.text)).toEqual(legacy.map((x) => x.text));
    expect(doc.paragraphs.map((x) => x.style)).toEqual(legacy.map((x) => x.style));
  });
});

describe('fingerprint', () => {
  const base = [p(r('Article 1 — Objective'), '<w:pStyle w:val="Heading2"/>'), p(`${r('The ')}${r('Parties')}${r(' cooperate.')}`)].join('');
  it('is the same when runs are split differently and bookmarks or properties change', () => {
    const a = fingerprint(readDocx(wordPackage(base)));
    const b = fingerprint(readDocx(wordPackage(base.replace(r('The ') + r('Parties'), r('The Parties')).replace('<w:p>', '<w:p><w:bookmarkStart w:id="1" w:name="_GoBack"/>'), { custom: { x: 'y' } })));
    expect(b).toBe(a);
  });
  it.each([
    ['a word changed', (s: string) => s.replace('cooperate', 'co-operate')],
    ['a tracked deletion', (s: string) => s.replace(r(' cooperate.'), `${del(' cooperate')}${r('.')}`)],
    ['bold added', (s: string) => s.replace(r('Parties'), r('Parties', '<w:b/>'))],
    ['a style changed', (s: string) => s.replace('Heading2', 'Heading1')],
    ['a paragraph added', (s: string) => s + p(r('More.'))],
  ])('changes with %s', (_n, edit) => {
    expect(fingerprint(readDocx(wordPackage(edit(base))))).not.toBe(fingerprint(readDocx(wordPackage(base))));
  });
  it('changes with a comment', () => {
    const c = `<w:comment w:id="1" w:author="X"><w:p><w:r><w:t>why?</w:t></w:r></w:p></w:comment>`;
    expect(fingerprint(readDocx(wordPackage(base, { comments: c })))).not.toBe(fingerprint(readDocx(wordPackage(base))));
  });
});

describe('bookmark names', () => {
  const ids = ['liability/cross-waiver', 'liability/cross-waiver-extended', 'instrument/preamble', `disputes/${'x'.repeat(60)}`];
  it('fit Word (at most 40 letters, digits, underscores, starting with a letter) and map back to their clause', () => {
    for (const id of ids) {
      const name = bookmarkName(id);
      expect(name).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,39}$/);
      expect(clauseOfBookmark(name, ids)).toBe(id);
    }
    expect(new Set(ids.map(bookmarkName)).size).toBe(ids.length);
    expect(clauseOfBookmark('_GoBack', ids)).toBeUndefined();
  });
});
