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
