import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { freshDraft, mergeDraft, type Status } from '../../src/draftfile/merge.js';
import { parseDraftFile } from '../../src/draftfile/parse.js';
import { findConflicts } from '../../src/draftfile/conflicts.js';
import { UserError } from '../../src/errors.js';
import { lintMarkdown } from '../helpers/run.js';
import { A, BASE_SPECS, edit, generate, visible, withSpec, type Spec } from './fixtures.js';

/** Draft from `before`, let `edits` act on the file, regenerate from `after`. */
function round(before: Spec[], edits: (text: string) => string, after: Spec[], options: Parameters<typeof mergeDraft>[2] = {}) {
  const written = freshDraft(generate(before));
  const edited = edits(written);
  return { edited, ...mergeDraft(edited, generate(after), options) };
}
const statusOf = (r: ReturnType<typeof round>, id: string): Status | undefined => r.report.changes.find((c) => c.id === id)?.status;
const articleBody = (text: string, id: string) => parseDraftFile(text).segments.find((s) => s.kind === 'clause' && s.id === id)?.text;
const same = (x: string) => x;

describe('a fresh draft', () => {
  it('is renderMarkdown output unchanged, plus one invisible base block at the end, lint-clean', () => {
    const md = generate(BASE_SPECS, { notes: true });
    const file = freshDraft(md);
    expect(file.startsWith(md)).toBe(true);
    const block = file.slice(md.length);
    expect(block).toMatch(/^\n<!-- spacecoop:base v2 [0-9a-f]{8}\n(?:[A-Za-z0-9+/=]{1,76}\n)+-->\n$/);
    expect(lintMarkdown(file)).toBe('');
    expect(parseDraftFile(file).hasBase).toBe(true);
  });

  it('regenerated from the same terms is byte for byte the same file', () => {
    const file = freshDraft(generate(BASE_SPECS));
    const r = mergeDraft(file, generate(BASE_SPECS));
    expect(r.text).toBe(file);
    expect(r.report.changes.every((c) => c.status === 'unchanged')).toBe(true);
  });
});

describe('merge rules, one clause at a time', () => {
  it('untouched clause, new text: replaced', () => {
    const after = withSpec(BASE_SPECS, 'objective/standard', (s) => A(s.id, s.title, 'The Parties shall cooperate in Earth observation and navigation.'));
    const r = round(BASE_SPECS, same, after);
    expect(statusOf(r, 'objective/standard')).toBe('updated');
    expect(r.text).toContain('The Parties shall cooperate in Earth observation and navigation.');
    expect(visible(r.text)).toBe(generate(after));
  });

  it('edited clause, generated text unchanged: the edit is kept', () => {
    const r = round(BASE_SPECS, (t) => edit(t, 'register the satellite.', 'register the satellite within sixty days of launch.'), BASE_SPECS);
    expect(statusOf(r, 'jurisdiction/launching-party')).toBe('kept');
    expect(r.text).toContain('register the satellite within sixty days of launch.');
  });

  it('both changed, on different paragraphs: merged line by line', () => {
    const after = withSpec(BASE_SPECS, 'ip/joint', (s) => A(s.id, s.title, s.paras[0]!, s.paras[1]!, 'Confidentiality lasts ten (10) years.'));
    const r = round(BASE_SPECS, (t) => edit(t, 'owned jointly.', 'owned jointly, in equal undivided shares.'), after);
    expect(statusOf(r, 'ip/joint')).toBe('merged');
    expect(r.text).toContain('owned jointly, in equal undivided shares.');
    expect(r.text).toContain('Confidentiality lasts ten (10) years.');
    expect(r.report.conflicts).toEqual([]);
  });

  it('both changed, the same paragraph: a conflict with both versions, listed with its article', () => {
    const after = withSpec(BASE_SPECS, 'disputes/arbitration', (s) => A(s.id, s.title, s.paras[0]!, s.paras[1]!, 'The seat of arbitration shall be Geneva.'));
    const r = round(BASE_SPECS, (t) => edit(t, 'shall be The Hague.', 'shall be The Hague, Netherlands.'), after);
    expect(statusOf(r, 'disputes/arbitration')).toBe('conflict');
    const body = articleBody(r.text, 'disputes/arbitration')!;
    expect(body).toMatch(/<<<<<<< your text\n\n3\. The seat of arbitration shall be The Hague, Netherlands\.\n\n=======\n\n3\. The seat of arbitration shall be Geneva\.\n\n>>>>>>> the new terms/);
    expect(r.report.conflicts).toEqual([expect.objectContaining({ clauseId: 'disputes/arbitration', article: 5 })]);
    expect(findConflicts(r.text)).toHaveLength(1);
  });

  it('edits at the start and the end of a clause survive a change in the middle', () => {
    const after = withSpec(BASE_SPECS, 'ip/joint', (s) => A(s.id, s.title, s.paras[0]!, 'Each Party grants a non-exclusive, royalty-free licence.', s.paras[2]!));
    const r = round(
      BASE_SPECS,
      (t) => edit(edit(t, '## Article 4 — Intellectual Property\n', '## Article 4 — Intellectual Property\n\nDrafter: see the 2019 precedent.\n'), 'lasts five (5) years.', 'lasts five (5) years.\n\n4. Trade secrets are protected without limit of time.'),
      after,
    );
    expect(statusOf(r, 'ip/joint')).toBe('merged');
    const body = articleBody(r.text, 'ip/joint')!;
    expect(body).toContain('Drafter: see the 2019 precedent.');
    expect(body).toContain('non-exclusive, royalty-free licence');
    expect(body).toContain('4. Trade secrets are protected without limit of time.');
  });

  it('a whitespace-only edit counts as no edit: the new text replaces it', () => {
    const after = withSpec(BASE_SPECS, 'objective/standard', (s) => A(s.id, s.title, 'The Parties shall cooperate in navigation.'));
    const r = round(BASE_SPECS, (t) => edit(t, 'The Parties shall cooperate in Earth observation.', 'The  Parties shall cooperate in Earth observation.   \n'), after);
    expect(statusOf(r, 'objective/standard')).toBe('updated');
    expect(r.text).toContain('The Parties shall cooperate in navigation.');
    expect(r.report.conflicts).toEqual([]);
  });

  it('a whitespace-only edit with unchanged terms is left exactly as typed', () => {
    const r = round(BASE_SPECS, (t) => edit(t, 'The Parties shall cooperate in Earth observation.', 'The Parties  shall cooperate in Earth observation. '), BASE_SPECS);
    expect(r.text).toBe(r.edited);
  });
});

describe('clauses added, removed and moved by the terms', () => {
  const personnel = A('personnel/standard', 'Exchange of Personnel', 'Each Party may send personnel.');

  it('a new clause is added in its place, and articles after it are renumbered with their cross-references', () => {
    const after = [...BASE_SPECS.slice(0, 2), personnel, ...BASE_SPECS.slice(2)];
    const r = round(BASE_SPECS, (t) => edit(t, 'It shall retain jurisdiction and control.', 'It shall retain jurisdiction and control, subject to Article 4.'), after);
    expect(statusOf(r, 'personnel/standard')).toBe('added');
    expect(r.report.changes.find((c) => c.id === 'personnel/standard')?.article).toBe(3);
    expect(r.text).toMatch(/## Article 3 — Exchange of Personnel/);
    expect(r.text).toMatch(/## Article 5 — Intellectual Property/);
    // The drafter typed "Article 4" meaning Intellectual Property, which is now Article 5.
    expect(r.text).toContain('It shall retain jurisdiction and control, subject to Article 5.');
    expect(r.text).toContain('Proprietary Information is protected under Article 5.');
    expect(r.text).toContain('## Article 5 — Intellectual Property');
    // Another instrument's article is not a cross-reference.
    expect(r.text).toContain('Article 2 of the Convention Establishing');
    expect(statusOf(r, 'jurisdiction/launching-party')).toBe('kept');
    expect(lintMarkdown(r.text)).toBe('');
  });

  it('an untouched clause the terms no longer generate is removed', () => {
    const after = BASE_SPECS.filter((s) => s.id !== 'objective/standard');
    const r = round(BASE_SPECS, same, after);
    expect(statusOf(r, 'objective/standard')).toBe('removed');
    expect(r.text).not.toContain('Objective');
    expect(r.text).toMatch(/## Article 1 — Exchange of Data/);
  });

  it('an edited clause the terms no longer generate is kept, as a conflict', () => {
    const after = BASE_SPECS.filter((s) => s.id !== 'objective/standard');
    const r = round(BASE_SPECS, (t) => edit(t, 'cooperate in Earth observation.', 'cooperate in Earth observation and its applications.'), after);
    expect(statusOf(r, 'objective/standard')).toBe('conflict');
    expect(r.text).toContain('cooperate in Earth observation and its applications.');
    expect(r.text).toContain('>>>>>>> the new terms (no longer in the draft the terms generate)');
    expect(r.report.conflicts).toHaveLength(1);
  });

  it('a clause the drafter deleted stays deleted while the terms leave it alone, and is a conflict when they change it', () => {
    const drop = (t: string) => t.replace(/<!-- spacecoop:clause objective\/standard -->[\s\S]*?<!-- \/spacecoop:clause -->\n\n/, '');
    const kept = round(BASE_SPECS, drop, BASE_SPECS);
    expect(kept.text).not.toContain('cooperate in Earth observation');
    expect(kept.report.conflicts).toEqual([]);
    const after = withSpec(BASE_SPECS, 'objective/standard', (s) => A(s.id, s.title, 'The Parties shall cooperate in navigation.'));
    const changed = round(BASE_SPECS, drop, after);
    expect(statusOf(changed, 'objective/standard')).toBe('conflict');
    expect(changed.text).toContain('<<<<<<< your text (you deleted this clause)');
    expect(changed.text).toContain('The Parties shall cooperate in navigation.');
  });

  it('a clause moved by the terms moves, edit and all; text typed after it moves with it', () => {
    const after = [BASE_SPECS[0]!, BASE_SPECS[3]!, BASE_SPECS[1]!, BASE_SPECS[2]!, BASE_SPECS[4]!];
    const r = round(
      BASE_SPECS,
      (t) => edit(edit(t, 'lasts five (5) years.', 'lasts five (5) years from disclosure.'), '<!-- /spacecoop:clause -->\n\n<!-- spacecoop:clause disputes', '<!-- /spacecoop:clause -->\n\nNOTE TO COUNSEL: the IP article is still open.\n\n<!-- spacecoop:clause disputes'),
      after,
    );
    const order = [...r.text.matchAll(/^## Article (\d+) — (.*)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(order).toEqual(['1 Objective', '2 Intellectual Property', '3 Exchange of Data', '4 Registration, Jurisdiction and Control', '5 Settlement of Disputes']);
    expect(r.text).toContain('lasts five (5) years from disclosure.');
    expect(r.text).toContain('Proprietary Information is protected under Article 2.');
    // The note was typed after Article 4 (IP); IP moved, so the note follows it.
    expect(r.text.indexOf('NOTE TO COUNSEL')).toBeGreaterThan(r.text.indexOf('from disclosure.'));
    expect(r.text.indexOf('NOTE TO COUNSEL')).toBeLessThan(r.text.indexOf('## Article 3 — Exchange of Data'));
  });

  it('text typed between clauses stays where it was, even when the clause before it goes', () => {
    const after = BASE_SPECS.filter((s) => s.id !== 'exchange/standard');
    const r = round(BASE_SPECS, (t) => edit(t, '<!-- spacecoop:clause jurisdiction/', 'A paragraph of my own.\n\n<!-- spacecoop:clause jurisdiction/'), after);
    expect(r.text).toMatch(/Objective[\s\S]*A paragraph of my own\.[\s\S]*## Article 2 — Registration/);
    expect(r.text).not.toContain('Exchange of Data');
  });

  it('a clause of the drafter\'s own, with its own markers, is kept', () => {
    const mine = '<!-- spacecoop:clause mine/extra -->\n## Article 6 — Extra\n\nOur own article.\n<!-- /spacecoop:clause -->\n\n';
    const r = round(BASE_SPECS, (t) => edit(t, '<!-- spacecoop:clause instrument/signature', `${mine}<!-- spacecoop:clause instrument/signature`), BASE_SPECS.slice(1));
    expect(r.text).toContain('Our own article.');
    expect(r.text).toContain('## Article 5 — Extra');
  });
});

describe('the base, and what happens without it', () => {
  it('a draft with no base is treated as fully edited: same text kept, different text a conflict, never overwritten', () => {
    const file = visible(freshDraft(generate(BASE_SPECS)));
    const edited = edit(file, 'owned jointly.', 'owned jointly by the Parties.');
    const after = withSpec(BASE_SPECS, 'objective/standard', (s) => A(s.id, s.title, 'The Parties shall cooperate in navigation.'));
    const r = mergeDraft(edited, generate(after));
    expect(r.report.baseProblem).toMatch(/no base/);
    expect(r.text).toContain('owned jointly by the Parties.');
    expect(r.text).toContain('cooperate in Earth observation.');
    expect(statusOf(r as never, 'objective/standard')).toBe('conflict');
    expect(statusOf(r as never, 'exchange/standard')).toBe('unchanged');
    // The next run has a base again.
    expect(parseDraftFile(r.text).hasBase).toBe(true);
  });

  it('a draft written with a version 1 base block (SHA-256 checksum) still merges, keeping edits, and gets a version 2 block when the generated text changes', () => {
    const file = freshDraft(generate(BASE_SPECS));
    // The same block as an earlier spacecoop wrote it: v1, the first 16 hex digits of SHA-256.
    const v1 = file.replace(/<!-- spacecoop:base v2 [0-9a-f]{8}\n([A-Za-z0-9+/=\n]+)-->/, (_m, body: string) => {
      const sum = createHash('sha256').update(body.replace(/\s+/g, '')).digest('hex').slice(0, 16);
      return `<!-- spacecoop:base v1 ${sum}\n${body}-->`;
    });
    expect(v1).toContain('<!-- spacecoop:base v1 ');
    for (const [before, after] of [
      ['owned jointly.', 'owned jointly by the Parties.'],
      ['cooperate in Earth observation.', 'cooperate closely in Earth observation.'],
    ] as const) {
      const r = mergeDraft(edit(v1, before, after), generate(BASE_SPECS));
      expect(r.report.baseProblem).toBeUndefined();
      expect(r.report.conflicts).toHaveLength(0);
      expect(r.text).toContain(after);
      // Nothing generated changed, so the block is kept byte for byte, as any base is.
      expect(r.text).toContain('<!-- spacecoop:base v1 ');
    }
    // New generated text: a new base, written as version 2.
    const changed = withSpec(BASE_SPECS, 'objective/standard', (s) => A(s.id, s.title, 'The Parties shall cooperate in navigation.'));
    const r = mergeDraft(edit(v1, 'owned jointly.', 'owned jointly by the Parties.'), generate(changed));
    expect(r.report.baseProblem).toBeUndefined();
    expect(r.text).toContain('owned jointly by the Parties.');
    expect(r.text).toContain('cooperate in navigation.');
    expect(r.text).toMatch(/<!-- spacecoop:base v2 [0-9a-f]{8}\n/);
    // A v1 block changed by hand is still caught by its own checksum.
    const broken = v1.replace(/\n([A-Za-z0-9+/]{10})/, (_m, s: string) => `\n${s.split('').reverse().join('')}`);
    expect(mergeDraft(broken, generate(BASE_SPECS)).report.baseProblem).toMatch(/checksum/);
    // An unknown version is a problem, not a crash, whatever its name.
    for (const version of ['v9', 'constructor', '__proto__']) {
      const other = v1.replace('<!-- spacecoop:base v1 ', `<!-- spacecoop:base ${version} `);
      expect(mergeDraft(other, generate(BASE_SPECS)).report.baseProblem).toMatch(/version/);
    }
  });

  it('a base block changed by hand is noticed and not trusted', () => {
    const file = freshDraft(generate(BASE_SPECS));
    const broken = file.replace(/\n([A-Za-z0-9+/]{10})/, (_m, s: string) => `\n${s.split('').reverse().join('')}`);
    const r = mergeDraft(edit(broken, 'owned jointly.', 'owned jointly by the Parties.'), generate(BASE_SPECS));
    expect(r.report.baseProblem).toMatch(/checksum/);
    expect(r.text).toContain('owned jointly by the Parties.');
  });

  it('damaged clause markers stop the merge with the line, and nothing is merged', () => {
    const file = freshDraft(generate(BASE_SPECS));
    const broken = file.replace('<!-- /spacecoop:clause -->\n\n<!-- spacecoop:clause ip/joint', '\n<!-- spacecoop:clause ip/joint');
    expect(() => mergeDraft(broken, generate(BASE_SPECS), { file: 'a.md' })).toThrow(UserError);
    try {
      mergeDraft(broken, generate(BASE_SPECS), { file: 'a.md' });
    } catch (e) {
      expect((e as UserError).problems[0]!.message).toMatch(/opens before clause `jurisdiction\/launching-party`/);
    }
  });

  it('CRLF line endings and a byte-order mark are kept', () => {
    const file = `\uFEFF${freshDraft(generate(BASE_SPECS)).replace(/\n/g, '\r\n')}`;
    const edited = edit(file, 'owned jointly.', 'owned jointly by the Parties.');
    const r = mergeDraft(edited, generate(BASE_SPECS));
    expect(r.text).toBe(edited);
  });

  it('is not regenerated again while a conflict is left in: refused with the line, unless --force', () => {
    const after = withSpec(BASE_SPECS, 'disputes/arbitration', (s) => A(s.id, s.title, s.paras[0]!, s.paras[1]!, 'The seat of arbitration shall be Geneva.'));
    const first = round(BASE_SPECS, (t) => edit(t, 'shall be The Hague.', 'shall be The Hague, Netherlands.'), after);
    expect(() => mergeDraft(first.text, generate(after))).toThrow(/unresolved conflict/);
    const forced = mergeDraft(first.text, generate(after), { force: true });
    expect(forced.report.conflicts).toHaveLength(0);
    expect(forced.text).toContain('shall be Geneva.');
  });
});

describe('--only and --force', () => {
  const after = withSpec(
    withSpec(BASE_SPECS, 'ip/joint', (s) => A(s.id, s.title, s.paras[0]!, s.paras[1]!, 'Confidentiality lasts ten (10) years.')),
    'objective/standard',
    (s) => A(s.id, s.title, 'The Parties shall cooperate in navigation.'),
  );

  it('--only regenerates the named topic and leaves every other clause as it was', () => {
    const r = round(BASE_SPECS, same, after, { only: ['ip'] });
    expect(r.text).toContain('Confidentiality lasts ten (10) years.');
    expect(r.text).toContain('cooperate in Earth observation.');
    // A later full run still sees the objective clause as untouched and updates it.
    const full = mergeDraft(r.text, generate(after));
    expect(full.report.changes.find((c) => c.id === 'objective/standard')?.status).toBe('updated');
    expect(visible(full.text)).toBe(generate(after));
  });

  it('--force replaces edited clauses with the new text', () => {
    const r = round(BASE_SPECS, (t) => edit(t, 'owned jointly.', 'owned jointly, mostly.'), after, { force: true });
    expect(visible(r.text)).toBe(generate(after));
  });
});
