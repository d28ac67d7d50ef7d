import { describe, expect, it } from 'vitest';
import { cleanText, findConflictLine, parseInline, plainText } from '../../src/export/inline.js';
import { escapeMarkdown, isolateBidi } from '../../src/render/escape.js';

describe('parseInline: only emphasis, bold and code are markup', () => {
  it.each([
    ['plain text', [{ text: 'plain text' }]],
    ['*Recalling* the Treaty', [{ text: 'Recalling', italic: true }, { text: ' the Treaty' }]],
    ['**Name** (`parties[0].name`): add it', [{ text: 'Name', bold: true }, { text: ' (' }, { text: 'parties[0].name', code: true }, { text: '): add it' }]],
    ['*a **b** c*', [{ text: 'a ', italic: true }, { text: 'b', italic: true, bold: true }, { text: ' c', italic: true }]],
    ['\\*not emphasis\\*', [{ text: '*not emphasis*' }]],
    ['\\<b\\>x\\</b\\> \\[l\\](u) \\# h', [{ text: '<b>x</b> [l](u) # h' }]],
    ['www\\.example.com https\\://x a\\@b', [{ text: 'www.example.com https://x a@b' }]],
    ['5 * 3 and a lone *', [{ text: '5 * 3 and a lone *' }]],
    ['** not bold', [{ text: '** not bold' }]],
    ['a `` b', [{ text: 'a `` b' }]],
    ['[●] blank', [{ text: '[●] blank' }]],
  ])('%j', (input, runs) => {
    expect(parseInline(input)).toEqual(runs);
  });

  it('gives back any user text literally once escaped for Markdown', () => {
    for (const s of ['*x* **y** `z` _w_ [a](b) <i>c</i> # d | e ~f~ !g & $h @i {j}', '\\* \\\\ `', '中国国家航天局 🚀 \u200Fمرحبا\u200E']) {
      // Text with bidi marks comes back isolated (FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE).
      expect(plainText(escapeMarkdown(s))).toBe(isolateBidi(s));
    }
  });

  it('drops what XML forbids and turns line breaks into spaces', () => {
    expect(cleanText('a\u0000b\u0007c\nd\u001bE\uFFFF\uD800f\uE000')).toBe('abc dEf');
    expect(cleanText('🚀')).toBe('🚀');
  });
});

describe('findConflictLine', () => {
  it.each([
    [{ a: ['x', '<<<<<<< yours\nmine\n=======\ntheirs\n>>>>>>> generated'] }, '<<<<<<< yours'],
    [{ a: 'before\n=======\nafter' }, '======='],
    [['>>>>>>> new'], '>>>>>>> new'],
  ])('finds %j', (draft, line) => {
    expect(findConflictLine(draft)).toBe(line);
  });
  it.each([[{ a: 'x <<<<<<< y' }], [{ a: '========== a rule' }], [{ a: '\\<\\<\\<\\<\\<\\<\\< escaped' }], [{ title: '=======' }], [{ n: 7 }]])('ignores %j', (draft) => {
    expect(findConflictLine(draft)).toBeUndefined();
  });
});
