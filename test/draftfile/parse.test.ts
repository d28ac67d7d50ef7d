import { describe, expect, it } from 'vitest';
import { freshDraft } from '../../src/draftfile/fresh.js';
import { parseDraftFile } from '../../src/draftfile/parse.js';
import { BASE_SPECS, edit, generate } from './fixtures.js';

describe('parseDraftFile', () => {
  const file = freshDraft(generate(BASE_SPECS, { notes: true }));

  it('cuts a draft into clauses, notes and text; the embedded base is in no segment', () => {
    const d = parseDraftFile(file);
    expect(d.ours).toBe(true);
    expect(d.hasBase).toBe(true);
    expect(d.segments.filter((s) => s.kind === 'clause').map((s) => (s.kind === 'clause' ? s.id : ''))).toEqual([
      'instrument/preamble',
      ...BASE_SPECS.map((s) => s.id),
      'instrument/signature',
    ]);
    expect(d.segments.filter((s) => s.kind === 'notes')).toHaveLength(1);
    expect(d.segments.some((s) => s.text.includes('spacecoop:base'))).toBe(false);
    const ip = d.segments.find((s) => s.kind === 'clause' && s.id === 'ip/joint')!;
    expect(file.split('\n')[ip.line - 1]).toBe('## Article 4 — Intellectual Property');
    expect(d.conflicts).toEqual([]);
  });

  it('finds conflicts left in the draft, with their line, clause and article', () => {
    const conflicted = edit(file, '3. The seat of arbitration shall be The Hague.', '<<<<<<< your text\n\nA\n\n=======\n\nB\n\n>>>>>>> the new terms');
    const line = conflicted.split('\n').indexOf('<<<<<<< your text') + 1;
    expect(parseDraftFile(conflicted).conflicts).toEqual([{ line, clauseId: 'disputes/arbitration', article: 5 }]);
  });

  it('reads a draft with Windows line endings the same way', () => {
    const crlf = parseDraftFile(file.replace(/\n/g, '\r\n'));
    expect(crlf.segments.map((s) => s.kind)).toEqual(parseDraftFile(file).segments.map((s) => s.kind));
  });
});
