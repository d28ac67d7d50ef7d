import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, lintMarkdown, read, run, tempDir } from '../helpers/run.js';

const CBERS = EXAMPLES.find((f) => f.endsWith('cbers.yaml'))!;

function setup() {
  const dir = tempDir();
  copyFileSync(CBERS, join(dir, 'agreement.yaml'));
  const draft = (...args: string[]) => run(['draft', 'agreement.yaml', ...args], { cwd: dir });
  const terms = (from: string, to: string) => {
    const t = read(join(dir, 'agreement.yaml'));
    if (!t.includes(from)) throw new Error(`terms: ${from} not found`);
    writeFileSync(join(dir, 'agreement.yaml'), t.replace(from, to));
  };
  const md = () => read(join(dir, 'agreement.md'));
  const edit = (from: string | RegExp, to: string) => {
    const t = md();
    if (!(typeof from === 'string' ? t.includes(from) : from.test(t))) throw new Error(`edit: ${from} not found`);
    writeFileSync(join(dir, 'agreement.md'), t.replace(from, to));
  };
  return { dir, draft, terms, md, edit };
}

/** Resolve every conflict by keeping the drafter's version, as a drafter would in an editor. */
const keepMine = (text: string) => text.replace(/<<<<<<< [^\n]*\n([\s\S]*?)=======\n[\s\S]*?>>>>>>> [^\n]*\n/g, (_m, mine: string) => `${mine.trim()}\n`);

describe('five negotiation rounds: edit, change terms, regenerate, redline', () => {
  it('never loses a word the drafter typed', { timeout: 120_000 }, () => {
    const s = setup();
    expect(s.draft().code).toBe(0);
    const typed: string[] = [];
    const type = (from: string | RegExp, to: string, words: string) => {
      s.edit(from, to);
      typed.push(words);
    };
    const rounds: { edits: () => void; terms: [string, string]; expect?: (out: ReturnType<typeof s.draft>) => void }[] = [
      {
        edits: () => {
          type('For the purposes of this Protocol:', 'For the purposes of this Protocol, and without prejudice to Article 12:', 'without prejudice to Article');
          type(/(## Article 14 — Intellectual Property and Confidentiality\n)/, '$1\nThe Parties note the 2019 memorandum on patents.\n', 'The Parties note the 2019 memorandum on patents.');
        },
        terms: ['years: 10', 'years: 12'],
      },
      {
        edits: () => type(/(<!-- \/spacecoop:clause -->\n)(\n<!-- spacecoop:clause liability)/, '$1\nNOTE FOR COUNSEL: AEB asks for a cap on liability.\n$2', 'NOTE FOR COUNSEL: AEB asks for a cap on liability.'),
        terms: ['personnelExchange: true', 'personnelExchange: false'],
      },
      {
        edits: () => type('5. The seat of arbitration shall be The Hague.', '5. The seat of arbitration shall be The Hague, in the Peace Palace.', 'in the Peace Palace'),
        terms: ['arbitrators: 3', 'arbitrators: 5'],
      },
      {
        edits: () => type('The tribunal shall protect Proprietary Information', 'The tribunal shall strictly protect Proprietary Information', 'shall strictly protect'),
        terms: ['seat: The Hague', 'seat: Geneva'],
        expect: (out) => {
          expect(out.code).toBe(1);
          expect(out.stderr).toMatch(/conflicts\s+1\s+Article 17 \(line \d+\)/);
          expect(s.md()).toContain('<<<<<<< your text');
          expect(s.md()).toContain('The seat of arbitration shall be Geneva.');
          expect(s.md()).toContain('in the Peace Palace');
          expect(lintMarkdown(s.md())).not.toBe('');
        },
      },
      {
        edits: () => {
          writeFileSync(join(s.dir, 'agreement.md'), keepMine(s.md()));
          type('## Article 20 — Authentic Texts\n', '## Article 20 — Authentic Texts\n\nThe Chinese text prevails for the technical annexes.\n', 'The Chinese text prevails for the technical annexes.');
        },
        terms: ['personnelExchange: false', 'personnelExchange: true'],
      },
    ];
    rounds.forEach((round, i) => {
      const before = s.md();
      round.edits();
      writeFileSync(join(s.dir, `round${i}.md`), s.md());
      s.terms(...round.terms);
      const out = s.draft();
      if (round.expect) round.expect(out);
      else expect(out.code, out.stderr).toBe(0);
      const now = s.md();
      for (const w of typed) expect(now, `round ${i + 1}: ${w}`).toContain(w);
      const numbers = [...now.matchAll(/^## Article (\d+) — /gm)].map((m) => Number(m[1]));
      expect(numbers).toEqual(numbers.map((_, k) => k + 1));
      const red = run(['redline', `round${i}.md`, 'agreement.md', '--out', `redline${i}.md`], { cwd: s.dir });
      if (now.includes('<<<<<<< ')) {
        // A redline compares settled texts: a draft with conflicts is refused until they are resolved.
        expect(red.code).toBe(2);
        expect(red.stderr).toMatch(/agreement\.md has \d+ unresolved merge conflict/);
      } else {
        expect(red.code, red.stderr).toBe(0);
        expect(read(join(s.dir, `redline${i}.md`))).toMatch(/^# Redline: /);
      }
      expect(before).not.toBe(now);
    });
    // Round 2 removed Exchange of Personnel; the drafter's "Article 12" still means Registration.
    const final = s.md();
    expect(final).toMatch(/## Article 12 — Registration, Jurisdiction and Control/);
    expect(final).toContain('without prejudice to Article 12:');
    expect(final).toContain('## Article 16 — Exchange of Personnel');
    // The note was typed after Exchange of Personnel; when that went, it stayed after the article before it.
    expect(final).toMatch(/Release of Information and Results[\s\S]*NOTE FOR COUNSEL[\s\S]*## Article 16 — Exchange of Personnel/);
    expect(lintMarkdown(final)).toBe('');
    expect(run(['draft', 'agreement.yaml'], { cwd: s.dir }).stderr).toContain('agreement.md is up to date');
    expect(s.md()).toBe(final);
  });
});

describe('draft over an existing draft', () => {
  it('reports what it did: updated, kept, added, removed, with article numbers', () => {
    const s = setup();
    s.draft();
    s.edit('3. Ownership of equipment and Goods does not affect', '3. Ownership of equipment and Goods shall not affect');
    s.terms('personnelExchange: true', 'personnelExchange: false');
    s.terms('years: 10', 'years: 12');
    const out = s.draft();
    expect(out.code).toBe(0);
    expect(out.stderr).toContain('regenerated agreement.md: 20 articles');
    expect(out.stderr).toMatch(/updated\s+\d+\s+.*Article 18 \(was 19\)/);
    expect(out.stderr).toMatch(/kept\s+1\s+Article 13\b/);
    expect(out.stderr).toMatch(/removed\s+1\s+former Article 16 \(personnel\/standard\)/);
    expect(out.stderr).toMatch(/conflicts\s+0/);
    expect(s.md()).toContain('Goods shall not affect');
  });

  it('--dry-run prints the summary and changes nothing', () => {
    const s = setup();
    s.draft();
    s.terms('years: 10', 'years: 12');
    const before = s.md();
    const out = s.draft('--dry-run');
    expect(out.code).toBe(0);
    expect(out.stderr).toContain('nothing was written');
    expect(out.stderr).toMatch(/updated\s+\d+/);
    expect(s.md()).toBe(before);
  });

  it('--force discards edits after writing a backup, and never overwrites an earlier backup', () => {
    const s = setup();
    s.draft();
    s.edit('The seat of arbitration shall be The Hague.', 'The seat of arbitration shall be Paris.');
    const edited = s.md();
    expect(s.draft('--force').code).toBe(0);
    expect(read(join(s.dir, 'agreement.md.bak'))).toBe(edited);
    expect(s.md()).toContain('The seat of arbitration shall be The Hague.');
    s.edit('The seat of arbitration shall be The Hague.', 'The seat of arbitration shall be Rome.');
    expect(s.draft('--force').code).toBe(0);
    expect(read(join(s.dir, 'agreement.md.bak'))).toBe(edited);
    expect(read(join(s.dir, 'agreement.md.1.bak'))).toContain('shall be Rome.');
  });

  it('--only regenerates one topic; an unknown name is an error with a suggestion', () => {
    const s = setup();
    s.draft();
    s.terms('years: 10', 'years: 12');
    s.terms('arbitrators: 3', 'arbitrators: 5');
    expect(s.draft('--only', 'disputes').code).toBe(0);
    expect(s.md()).toContain('five arbitrators');
    expect(s.md()).toContain('ten years');
    const bad = s.draft('--only', 'dispute');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('did you mean `disputes`?');
  });

  it('a draft with damaged markers is refused with the line, and left unchanged', () => {
    const s = setup();
    s.draft();
    s.edit(/<!-- \/spacecoop:clause -->\n\n<!-- spacecoop:clause ip\/joint -->/, '\n<!-- spacecoop:clause ip/joint -->');
    const before = s.md();
    const out = s.draft();
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/agreement\.md:\d+:1: a new clause marker opens before clause `ownership\/standard`/);
    expect(s.md()).toBe(before);
  });

  it('a draft that lost its base is treated as fully edited: differing clauses become conflicts, exit 1', () => {
    const s = setup();
    s.draft();
    writeFileSync(join(s.dir, 'agreement.md'), s.md().replace(/\n<!-- spacecoop:base [\s\S]*?-->\n$/, ''));
    s.terms('years: 10', 'years: 12');
    const out = s.draft();
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('carries no base');
    expect(s.md()).toContain('ten years');
    expect(s.md()).toContain('twelve years');
  });

  it('--format html refuses a Markdown draft that still has conflicts', () => {
    const s = setup();
    s.draft();
    s.edit(/^5\. The seat of arbitration.*$/m, '<<<<<<< your text\n\nA\n\n=======\n\nB\n\n>>>>>>> the new terms');
    const out = s.draft('--format', 'html', '--out', 'agreement.html');
    // Regenerating over an unresolved conflict is refused before anything is exported.
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/agreement\.md still holds 1 unresolved conflict/);
    expect(existsSync(join(s.dir, 'agreement.html'))).toBe(false);
  });

  it('merge flags need a Markdown file to merge into', () => {
    const s = setup();
    expect(s.draft('--out', '-', '--dry-run').code).toBe(2);
    expect(s.draft('--only', 'ip').code).toBe(2);
    expect(readdirSync(s.dir)).toEqual(['agreement.yaml']);
  });

  it('a copy of the draft into another folder still regenerates with its edits', () => {
    const s = setup();
    s.draft();
    s.edit('The seat of arbitration shall be The Hague.', 'The seat of arbitration shall be The Hague, Netherlands.');
    const other = tempDir();
    copyFileSync(join(s.dir, 'agreement.md'), join(other, 'copy.md'));
    s.terms('years: 10', 'years: 12');
    const out = run(['draft', join(s.dir, 'agreement.yaml'), '--out', 'copy.md'], { cwd: other });
    expect(out.code).toBe(0);
    const copy = readFileSync(join(other, 'copy.md'), 'utf8');
    expect(copy).toContain('The Hague, Netherlands.');
    expect(copy).toContain('twelve years');
  });
});
