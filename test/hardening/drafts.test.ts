import { describe, expect, it } from 'vitest';
import { freshDraft, mergeDraft } from '../../src/draftfile/merge.js';
import { UserError } from '../../src/errors.js';
import { summarizeMerge } from '../../src/draftfile/summary.js';
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

describe('item 2: markers a formatter re-indented or padded', () => {
  const reformat: [string, (l: string) => string][] = [
    ['indented by two spaces', (l) => `  ${l}`],
    ['with trailing spaces', (l) => `${l}   `],
    ['with a trailing tab and leading tab', (l) => `\t${l}\t`],
  ];
  for (const [name, f] of reformat) {
    it(`still reads every clause when the markers are ${name}`, () => {
      const pristine = round(BASE_SPECS, (t) => t, INSERTED);
      const r = round(BASE_SPECS, (t) => t.split('\n').map((l) => (l.startsWith('<!-- ') && !l.startsWith('<!-- spacecoop:base') ? f(l) : l)).join('\n'), INSERTED);
      expect(r.report.conflicts).toEqual([]);
      expect(r.text).toBe(pristine.text);
      expect((r.text.match(/^## Article \d+/gm) ?? []).length).toBe(6);
    });
  }
  const damaged: [string, (t: string) => string][] = [
    ['markers without spaces', (t) => t.replace(/<!-- (\/?spacecoop:(?:clause|notes)[^>]*?) -->/g, '<!--$1-->')],
    ['markers in capitals', (t) => t.replace(/spacecoop:clause/g, 'SPACECOOP:clause')],
    ['one clause whose markers lost their spaces', (t) => t.replace('<!-- spacecoop:clause ip/joint -->', '<!--spacecoop:clause ip/joint-->').replace(/(ip\/joint-->[\s\S]*?)<!-- \/spacecoop:clause -->/, '$1<!--/spacecoop:clause-->')],
  ];
  for (const [name, f] of damaged) {
    it(`refuses, naming the line, when a draft holds ${name}`, () => {
      const file = f(freshDraft(generate(BASE_SPECS)));
      let error: unknown;
      try {
        mergeDraft(file, generate(INSERTED), { file: 'd.md' });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).exitCode).toBe(2);
      expect((error as UserError).problems.map((p) => p.message).join('\n')).toMatch(/marker/);
    });
  }
});

describe('item 3: a damaged base block, and conflicts left in', () => {
  const cut = (file: string, keep: number) => {
    const lines = file.split('\n');
    const b = lines.findIndex((l) => l.startsWith('<!-- spacecoop:base '));
    return lines.slice(0, b + 1 + keep).join('\n');
  };
  const annex = '## Annex A — Ground Segment\n\nThe ground segment comprises two stations, at Kiruna and Hartebeesthoek.';
  const damage: [string, (file: string) => string][] = [
    ['truncated (no closing `-->`), an annex typed after it', (f) => `${cut(f, 2)}\n\n${annex}\n`],
    ['truncated after its first line, an annex after it', (f) => `${cut(f, 0)}\n${annex}\n`],
    ['typed into, the annex inside the comment', (f) => f.replace(/\n-->\n$/, `\n${annex}\n-->\n`).replace(/(<!-- spacecoop:base [^\n]*\n[^\n]*\n)/, `$1${annex}\n`)],
  ];
  for (const [name, f] of damage) {
    it(`keeps the drafter's text of a base ${name}, and says so`, () => {
      const r = round(BASE_SPECS, f, INSERTED);
      expect(r.text).toContain('The ground segment comprises two stations, at Kiruna and Hartebeesthoek.');
      expect(r.text).toContain('## Annex A — Ground Segment');
      expect(r.report.keptFromBase).toBeGreaterThan(0);
      expect(summarizeMerge(r.report).join('\n')).toMatch(/kept/);
      // the new base block is whole, and the annex stays in the visible text next time
      const again = mergeDraft(r.text.replace(/<<<<<<<[^\n]*\n|=======\n|>>>>>>>[^\n]*\n/g, ''), generate(INSERTED));
      expect(again.text).toContain('Kiruna and Hartebeesthoek');
      expect(again.report.keptFromBase).toBeUndefined();
    });
  }
  it('refuses to regenerate over conflicts left in the draft, in a clause or in the notes', () => {
    for (const marker of ['<<<<<<< your text', '<<<<<<<']) {
      const file = edit(freshDraft(generate(BASE_SPECS)), 'It shall retain jurisdiction and control.', `It shall retain jurisdiction and control.\n\n${marker}\n\nmine\n\n=======\n\ntheirs\n\n>>>>>>> the new terms`);
      expect(() => mergeDraft(file, generate(INSERTED))).toThrow(UserError);
      expect(mergeDraft(file, generate(INSERTED), { force: true }).report.conflicts).toEqual([]);
    }
  });
});

describe('item 4: re-wrapping a paragraph is not an edit', () => {
  const wrap = (para: string, width: number) => {
    const out: string[] = [];
    let line = '';
    for (const w of para.split(' ')) {
      if (line && (line + ' ' + w).length > width) {
        out.push(line);
        line = w;
      } else line = line ? `${line} ${w}` : w;
    }
    return [...out, line].join('\n');
  };
  const ipChanged = withSpec(BASE_SPECS, 'ip/joint', (s) => A(s.id, s.title, s.paras[0]!, s.paras[1]!, 'Confidentiality lasts ten (10) years.'));
  const cases: [string, string, Spec[]][] = [
    ['another paragraph of the same article changed', '1. Foreground Intellectual Property is owned jointly.', ipChanged],
    ['the re-wrapped paragraph itself changed', '3. Confidentiality lasts five (5) years.', ipChanged],
    ['the preamble re-wrapped, an article inserted', 'The Government of Aldera and the Government of Borduria,', INSERTED],
  ];
  for (const [name, para, after] of cases) {
    for (const width of [12, 25]) {
      it(`no conflict when a paragraph is re-wrapped at ${width} columns and ${name}`, () => {
        const r = round(BASE_SPECS, (t) => edit(t, para, wrap(para, width)), after);
        expect(r.report.conflicts).toEqual([]);
        expect(r.report.changes.every((c) => c.status !== 'conflict')).toBe(true);
        const flat = r.text.replace(/\s+/g, ' ');
        if (after === ipChanged) expect(flat).toContain('Confidentiality lasts ten (10) years.');
        if (!para.startsWith('3. Confidentiality')) expect(flat).toContain(para.replace(/^\d\. /, ''));
        else expect(flat).not.toContain('five (5)');
      });
    }
  }
  it('a real edit in one paragraph and a re-wrap of the paragraph the terms change: merged, no conflict', () => {
    const r = round(
      BASE_SPECS,
      (t) => edit(edit(t, 'is owned jointly.', 'is owned jointly, in equal shares.'), '3. Confidentiality lasts five (5) years.', '3. Confidentiality lasts\nfive (5) years.'),
      ipChanged,
    );
    expect(r.report.conflicts).toEqual([]);
    expect(r.text).toContain('is owned jointly, in equal shares.');
    expect(r.text).toContain('Confidentiality lasts ten (10) years.');
  });
  it('re-wrapping alone, with unchanged terms, is left exactly as typed', () => {
    const para = 'The Government of Aldera and the Government of Borduria,';
    const r = round(BASE_SPECS, (t) => edit(t, para, wrap(para, 20)), BASE_SPECS);
    expect(r.text).toContain(wrap(para, 20));
  });
});

describe('item 5: typed cross-references in lists, ranges and abbreviations follow their articles', () => {
  // Articles 2..5 of BASE_SPECS become 3..6 once a definitions article is inserted as Article 2.
  const typed: [string, string][] = [
    ['Articles 2, 3, and 4 apply.', 'Articles 3, 4, and 5 apply.'],
    ['Articles 2, 3 and 5 apply.', 'Articles 3, 4 and 6 apply.'],
    ['See Art. 4 and Arts. 2 and 5.', 'See Art. 5 and Arts. 3 and 6.'],
    ['Articles 2 to 4 apply.', 'Articles 3 to 5 apply.'],
    ['Articles 2-4 and 2 through 5.', 'Articles 3-5 and 3 through 6.'],
    ['As article 4 says, and ARTICLE 5.', 'As article 5 says, and ARTICLE 6.'],
    ['Articles 3, 4, or 5, and Article 2 of the Convention.', 'Articles 4, 5, or 6, and Article 2 of the Convention.'],
  ];
  for (const [before, after] of typed) {
    it(`"${before}" -> "${after}"`, () => {
      const r = round(BASE_SPECS, (t) => edit(t, 'It shall retain jurisdiction and control.', `It shall retain jurisdiction and control. ${before}`), INSERTED);
      expect(r.text).toContain(`It shall retain jurisdiction and control. ${after}`);
      expect(r.report.conflicts).toEqual([]);
    });
  }
});

describe('item 5: check reports a reference it cannot follow', () => {
  it('names each typed reference to an article the draft does not have, in any form', async () => {
    const { reviewDraftText } = await import('../../src/review/index.js');
    const file = edit(freshDraft(generate(BASE_SPECS)), 'It shall retain jurisdiction and control.', 'It shall retain jurisdiction and control under Article 9, Arts. 4 and 12, and Articles 2 to 7; Article 2 of the Convention applies.');
    const found = reviewDraftText(file, 'd.md').filter((f) => f.rule === 'unfollowed-reference');
    expect(found.map((f) => f.message.match(/Article (\d+),/)![1])).toEqual(['9', '12', '7']);
    expect(found.every((f) => f.line !== undefined)).toBe(true);
    expect(reviewDraftText(freshDraft(generate(BASE_SPECS)), 'd.md').filter((f) => f.rule === 'unfollowed-reference')).toEqual([]);
  });
});
