import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftFromTermsText } from '../../src/engine.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { formatDate, numberWords } from '../../src/library/helpers.js';
import { escapeMarkdown, unescapeMarkdown } from '../../src/render/escape.js';
import { containsTerm, parseBlocks } from '../../src/render/render.js';
import { builtinLibrary, MINIMAL } from '../helpers/engine.js';
import { lintMarkdown } from '../helpers/run.js';

const draft = (src: string, opts = {}) => draftFromTermsText(src, 't.yaml', builtinLibrary(), opts).draft;

describe('parseBlocks', () => {
  it('renumbers paragraphs and reletters sub-items, so conditional text leaves no gap', () => {
    const blocks = parseBlocks('1. One.\n\n1. Two:\n\n(a) x;\n\n(a) y.\n\n7. Three.');
    expect(blocks.map((b) => b.number)).toEqual([1, 2, 3]);
    expect(blocks[1]!.items.map((i) => `${i.label}:${i.text}`)).toEqual(['a:x;', 'b:y.']);
  });
  it('leaves a single paragraph unnumbered, as treaty articles do', () => {
    expect(parseBlocks('1. Only one.')[0]!.number).toBeUndefined();
  });
  it('joins wrapped lines into their paragraph', () => {
    expect(parseBlocks('1. A\ncontinued.\n\n2. B')[0]!.text).toBe('A continued.');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['# Heading', '\\# Heading'],
    ['[x](y)', '\\[x\\](y)'],
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['{{form}}', '\\{\\{form\\}\\}'],
    ['a\nb\r\n# c', 'a b \\# c'],
    ['www.example.com', 'www\\.example.com'],
    ['https://example.com', 'https\\://example.com'],
    ['*bold* _it_ `code` |pipe|', '\\*bold\\* \\_it\\_ \\`code\\` \\|pipe\\|'],
  ])('%j -> %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
  it('removes the private-use characters the renderer uses for placeholders', () => {
    expect(escapeMarkdown('a\uE000ref:x\uE001b')).toBe('a ref:x b');
  });
  it('drops noncharacters and lone surrogates, keeps emoji', () => {
    expect(escapeMarkdown('a\uFFFEb\uD800c\uDC00d 🚀')).toBe('a b c d 🚀');
  });
  it('round-trips through unescapeMarkdown', () => {
    const s = "People's Republic <of> [China] #1 {{x}} *y* www.a.b";
    expect(unescapeMarkdown(escapeMarkdown(s))).toBe(s);
  });
});

describe('helpers', () => {
  it.each([[1, 'one'], [30, 'thirty'], [90, 'ninety'], [21, 'twenty-one'], [180, 'one hundred and eighty']])('numberWords(%i)', (n, w) => {
    expect(numberWords(n)).toBe(w);
  });
  it('formats dates without a clock or locale', () => {
    expect(formatDate('2027-03-15')).toBe('15 March 2027');
  });
  it('finds defined terms on word boundaries, plural included', () => {
    expect(containsTerm('the Goods and', 'Goods')).toBe(true);
    expect(containsTerm('its Related Entities', 'Related Entity')).toBe(true);
    expect(containsTerm('Implementing Agencys', 'Implementing Agency')).toBe(false);
    expect(containsTerm('Goodsy', 'Goods')).toBe(false);
    expect(containsTerm('a Payloads', 'Payload')).toBe(true);
    expect(containsTerm('Export-Controlled Item', 'Controlled Item')).toBe(false);
  });

  it('finds a term exactly where a whole-word match of its singular or plural would, outside a treaty\'s title', () => {
    const TITLE = 'International Liability for Damage Caused by Space Objects';
    const reference = (text: string, term: string) => {
      const blanked = text.replaceAll(TITLE, ' '.repeat(TITLE.length));
      const forms = /[^aeiou]y$/.test(term) ? [term, `${term.slice(0, -1)}ies`] : [term, `${term}s`];
      return forms.some((f) => new RegExp(`(?<![\\p{L}\\p{N}-])${f.replace(/[-]/g, '\\-')}(?![\\p{L}\\p{N}-])`, 'u').test(blanked));
    };
    const pieces = ['Related Entit', 'y', 'ies', 'Good', 's', 'Space Object', 'Damage', TITLE, ' ', '-', 'a', 'é', '1', '.', '\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), fc.constantFrom('Related Entity', 'Goods', 'Good', 'Space Object', 'Damage'), (parts, term) => {
        const text = parts.join('');
        expect(containsTerm(text, term), JSON.stringify(text)).toBe(reference(text, term));
      }),
      { numRuns: 4000 },
    );
  });
});

describe('short names written with their article (counsel G-11: a Government is "the Chinese Party", not "China")', () => {
  const yaml = (a: string, b: string) => `form: agreement
parties:
  - { id: a, name: Government of the Republic of Aldera, shortName: ${a}, type: government, state: Republic of Aldera }
  - { id: b, name: Government of the Kingdom of Borduria, shortName: ${b}, type: government, state: Kingdom of Borduria }
cooperation:
  areas: [space-science]
  responsibilities:
    - { party: a, tasks: [build the instrument] }
    - { party: b, tasks: [operate the instrument] }
`;
  it('open a paragraph or a sentence with "The"; elsewhere keep "the"; the preamble names them so', () => {
    const md = renderMarkdown(draft(yaml('the Alderan Party', 'the Bordurian Government')));
    expect(md).toContain('The Government of the Republic of Aldera (hereinafter referred to as “the Alderan Party”) and the Government of the Kingdom of Borduria (hereinafter referred to as “the Bordurian Government”)');
    expect(md).toMatch(/^1\. The Alderan Party shall build the instrument/m);
    expect(md).toMatch(/^2\. The Bordurian Government shall operate the instrument/m);
    // No paragraph or sentence opens with the lower-case article; mid-sentence it stays lower-case.
    expect(md).not.toMatch(/(^|^\d+\. |[.?!] )the (Alderan Party|Bordurian Government)/m);
    expect(md).toMatch(/[a-z,] the (Alderan Party|Bordurian Government)/);
  });
  it('stay lower-case where a sub-item continues the sentence that introduces it; the notes capitalise them too', () => {
    const shared = `${yaml('the Alderan Party', 'the Bordurian Party')}  launch: { launchingParty: a, site: Aldera Launch Centre, siteState: Republic of Aldera }
  spaceObjects: [ { name: ABSat, ownedBy: [a, b] } ]
  funding: shared
  costShare: [ { party: a, percent: 60 }, { party: b, percent: 40 } ]
`;
    const md = renderMarkdown(draft(shared));
    expect(md).toMatch(/^ {3}\(a\) the Alderan Party: 60 per cent;$/m);
    expect(md).not.toMatch(/\([a-z]\) The (Alderan|Bordurian) Party/);
    // The drafting notes' reasons are sentences too.
    expect(md).not.toMatch(/[.?!] the (Alderan|Bordurian) Party/);
  });

  it('leave other short names as they are', () => {
    const md = renderMarkdown(draft(yaml('ALD', 'theBord')));
    expect(md).toMatch(/^1\. ALD shall build the instrument/m);
    expect(md).toMatch(/^2\. theBord shall operate the instrument/m);
  });
});

describe('renderDraft', () => {
  it('numbers articles 1..N and resolves every cross-reference', () => {
    const d = draft(MINIMAL);
    expect(d.articles.map((a) => a.number)).toEqual(d.articles.map((_, i) => i + 1));
    const md = renderMarkdown(d);
    expect(md).not.toMatch(/\uE000|\uE001|\{\{|undefined|\[object Object\]/);
    for (const m of md.matchAll(/Article (\d+)/g)) expect(Number(m[1])).toBeLessThanOrEqual(d.articles.length);
  });

  it('defines exactly the terms the selected clauses use', () => {
    const d = draft(MINIMAL);
    const defs = d.articles.find((a) => a.topic === 'definitions')!;
    const body = d.articles.filter((a) => a.topic !== 'definitions').flatMap((a) => a.blocks.flatMap((b) => [b.text, ...b.items.map((i) => i.text)])).join('\n');
    const defined = defs.blocks[0]!.items;
    const terms = defined.map((i) => /“([^”]+)”/.exec(i.text)![1]!);
    expect(terms.length).toBeGreaterThan(3);
    const allDefs = defined.map((i) => i.text).join('\n');
    for (const term of terms) expect(containsTerm(body, term) || containsTerm(allDefs.replace(`“${term}”`, ''), term), term).toBe(true);
    // no cross-waiver in a plain agreement without launch: its terms are not defined
    expect(terms).not.toContain('Protected Space Operations');
  });

  it('shows a visible blank for a missing fact and lists it as an open point', () => {
    const d = draft(MINIMAL);
    const md = renderMarkdown(d);
    expect(md).toContain('DONE at [●] on [●]');
    expect(d.notes.openPoints.map((p) => p.path)).toEqual(expect.arrayContaining(['signing.place', 'signing.date', 'cooperation.areas']));
    expect(d.notes.openPoints.find((p) => p.path === 'signing.place')!.where).toEqual(['signature block']);
  });

  it('speaks of Participants, "will" and "comes into effect" in a memorandum, never "shall"', () => {
    const md = renderMarkdown(draft(MINIMAL.replace('form: agreement', 'form: memorandum-of-understanding')), { notes: false });
    expect(md).not.toMatch(/\bshall\b|\bParties\b|enter into force|arbitration|waives/i);
    expect(md).toContain('Participants');
    expect(md).toContain('come into effect');
  });

  it('names the alternat party first in title, preamble and signature block', () => {
    const d = draft(MINIMAL, { alternat: 'b' });
    expect(d.title).toMatch(/^Agreement between the Government of the Kingdom of Borduria and/);
    expect(d.preamble[0]).toMatch(/^The Government of the Kingdom of Borduria/);
    expect(d.signatures[0]!.heading).toContain('Borduria');
  });

  it('passes markdownlint with and without notes', () => {
    expect(lintMarkdown(renderMarkdown(draft(MINIMAL)))).toBe('');
    expect(lintMarkdown(renderMarkdown(draft(MINIMAL), { notes: false }))).toBe('');
  });
});
