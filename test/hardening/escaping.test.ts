import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { draftFromTermsText } from '../../src/engine.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { builtinLibrary } from '../helpers/engine.js';

/** The cells of the signature table's rows, split as GitHub's table parser splits them. */
function tableRows(md: string): string[][] {
  return md
    .split('\n')
    .filter((l) => l.startsWith('| '))
    .map((l) => split(l.slice(1, -1)).map((c) => c.trim()));
}

/** A backslash escapes the next character (a backslash included); an unescaped pipe ends a cell. */
function split(row: string): string[] {
  const cells = [''];
  for (let i = 0; i < row.length; i++) {
    const c = row[i]!;
    if (c === '\\') cells[cells.length - 1] += c + (row[++i] ?? '');
    else if (c === '|') cells.push('');
    else cells[cells.length - 1] += c;
  }
  return cells;
}

describe('item 7: user text is escaped once per context (the signature table)', () => {
  const values = ['Director | Legal Affairs', 'A|B||C', 'Head \\| of Office', 'Chief | Counsel \\'];
  for (const v of values) {
    for (const field of ['title', 'name'] as const) {
      it(`a signatory ${field} ${JSON.stringify(v)} stays in its party's column`, () => {
        const t = stringify({
          form: 'agreement',
          parties: [
            { id: 'a', name: 'Government of the Republic of Aldera', signatory: { [field]: v } },
            { id: 'b', name: 'Government of the Kingdom of Borduria', signatory: { [field]: 'Minister' } },
          ],
        });
        const md = renderMarkdown(draftFromTermsText(t, 't.yaml', builtinLibrary()).draft);
        const rows = tableRows(md);
        expect(rows.length).toBeGreaterThanOrEqual(4);
        for (const r of rows) expect(r).toHaveLength(2);
        const cell = rows.find((r) => r[0]!.startsWith(field === 'title' ? 'Title:' : 'Name:'))![0]!;
        // Unescaped once, the cell reads as the user typed it.
        expect(cell.replace(/\\(.)/g, '$1')).toBe(`${field === 'title' ? 'Title' : 'Name'}: ${v.trim()}`);
      });
    }
  }
});

describe('item 18: bidi controls in names are isolated in every format and warned of in check', () => {
  const names: [string, string][] = [
    ['an unclosed right-to-left isolate', 'Agency \u2067evil'],
    ['a stray pop directional isolate', 'Agency\u2069 x'],
    ['a right-to-left override (Trojan Source)', 'Agency \u202Eyrtsinim'],
    ['marks in a Hebrew name', 'סוכנות החלל הישראלית\u200F'],
  ];
  for (const [what, name] of names) {
    it(`${what}: nothing reaches past the name, and check warns`, async () => {
      const t = stringify({ form: 'agreement', parties: [{ id: 'a', name }, { id: 'b', name: 'Government of the Kingdom of Borduria' }] });
      const { draft } = draftFromTermsText(t, 't.yaml', builtinLibrary());
      const md = renderMarkdown(draft);
      // Every line balances its isolates, and no override or embedding survives.
      for (const line of md.split('\n')) {
        let open = 0;
        for (const c of line) {
          if ('\u2066\u2067\u2068'.includes(c)) open++;
          if (c === '\u2069') open--;
          expect(open).toBeGreaterThanOrEqual(0);
        }
        expect(open, line).toBe(0);
        expect(line).not.toMatch(/[\u202A-\u202E]/);
      }
      const { exportDraft } = await import('../../src/export/index.js');
      const html = String(await exportDraft(draft, 'html', { notes: true }));
      expect(html).not.toMatch(/[\u202A-\u202E]/);
      const { reviewTermsText } = await import('../../src/review/index.js');
      const findings = reviewTermsText(t, 't.yaml', builtinLibrary());
      if (/[\u202A-\u202E\u2066-\u2069]/.test(name)) expect(findings.some((f) => f.rule === 'bidi-control' && f.where === 'parties[0].name')).toBe(true);
      const { reviewDraftText } = await import('../../src/review/index.js');
      if (/[\u2066-\u2069\u200E\u200F]/.test(name)) expect(reviewDraftText(md, 'd.md').some((f) => f.rule === 'bidi-control')).toBe(true);
    });
  }
});
