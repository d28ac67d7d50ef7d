import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { draftFromTermsText } from '../../src/engine.js';
import { exportDraft } from '../../src/export/index.js';
import { cleanText } from '../../src/export/inline.js';
import { escapeMarkdown, unescapeMarkdown } from '../../src/render/escape.js';
import { builtinLibrary } from '../helpers/engine.js';
import { lintMarkdown } from '../helpers/run.js';
import { decodeXml, unzip, xmlProblem } from '../export/unzip.js';

/** Text that would be markup, code or a broken file if any format took it for anything but text. */
const HOSTILE: [string, string][] = [
  ['HTML and script', '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:x">a</a>'],
  ['Markdown structure', '**bold** _it_ [link](https://evil.example) ![i](x) # not a heading | a | b | `code` ~~s~~ <!-- c -->'],
  ['templates', '{{constructor.constructor "return process"}} {{> partial}} ${process.env.HOME} <%= x %> {% raw %}'],
  ['Word XML', ']]></w:t></w:r><w:r><w:t>injected & <w:p/> &amp; &#0; <?xml?>'],
  ['control characters', 'a\u0001b\u0007c\u001b[31mred\u001b[0m\u0000d\u000be\u0085f\u2028g\uFFFE'],
  ['bidi controls and RTL', '\u202Eevil\u202C \u200Fمرحبا بالعالم\u200E \u2066isolated\u2069 שלום'],
  ['emoji and combining marks', '🚀 👩‍🚀 🇧🇷 e\u0301 Z̤͔ͧ̑̓ä͖̭̈̇'],
  ['CJK', '中国国家航天局 宇宙航空研究開発機構 한국항공우주연구원'],
  ['very long names', 'Agency-of-the-Very-Long-Name '.repeat(10).trim()],
  ['conflict-marker look-alikes', '<<<<<<< HEAD ======= >>>>>>> theirs'],
  ['line-start markers', '1. # > - + | ---'],
];

function terms(v: string, project = v.slice(0, 120)): string {
  return stringify({
    form: 'agreement',
    title: v,
    parties: [
      { id: 'a', name: v, shortName: 'ALD', state: v, signatory: { name: v, title: v } },
      { id: 'b', name: 'Government of the Kingdom of Borduria', shortName: 'BOR' },
    ],
    cooperation: { areas: ['earth-observation'], project: { name: project, description: v }, objectives: [v] },
    signing: { place: v.slice(0, 120), date: '2027-03-15' },
  });
}

async function allFormats(v: string) {
  const draft = draftFromTermsText(terms(v), 't.yaml', builtinLibrary()).draft;
  const md = (await exportDraft(draft, 'md')) as string;
  const html = (await exportDraft(draft, 'html')) as string;
  const docx = unzip((await exportDraft(draft, 'docx')) as Uint8Array);
  return { md, html, docx };
}

/**
 * What every format must show: the value with line breaks and controls as spaces, all else literal.
 * Word and HTML also drop the noncharacters XML forbids (U+FFFE, U+FFFF), which Markdown keeps.
 */
const literal = (v: string) => cleanText(unescapeMarkdown(escapeMarkdown(v)));
const tags = (s: string) => [...s.matchAll(/<\/?([A-Za-z][\w:.-]*)/g)].map((m) => m[0]);
const mdShape = (md: string) => md.split('\n').map((l) => /^(#{1,6} |<!--|\||- |\d+\. |\s+\(|\*\*|$)?/.exec(l)![0] ?? '');
const docText = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1]!)).join('');

describe('any text in a terms field comes out literally in Markdown, HTML and Word', async () => {
  const plain = await allFormats('Aldera Space Agency');

  it.each(HOSTILE)('%s', async (_name, value) => {
    const out = await allFormats(value);
    const text = literal(value);
    expect(text.length).toBeGreaterThan(0);

    // Markdown: the same lines with the same structure as a plain name gives; lint-clean.
    expect(mdShape(out.md)).toEqual(mdShape(plain.md));
    expect(out.md.split('\n')[1]).toBe(`# ${escapeMarkdown(value)}`);
    expect(lintMarkdown(out.md)).toBe('');

    // HTML: the same elements as a plain name gives, the text shown literally.
    expect(tags(out.html)).toEqual(tags(plain.html));
    expect(decodeXml(/<h1>([\s\S]*?)<\/h1>/.exec(out.html)![1]!)).toBe(text);
    expect(decodeXml(out.html.replace(/<[^>]+>/g, ''))).toContain(text);

    // Word: every part well-formed, the same elements as a plain name gives, the text literal.
    for (const [name, data] of out.docx) if (name.endsWith('.xml')) expect(xmlProblem(data.toString('utf8')), name).toBeUndefined();
    const xml = out.docx.get('word/document.xml')!.toString('utf8');
    expect(tags(xml)).toEqual(tags(plain.docx.get('word/document.xml')!.toString('utf8')));
    expect(docText(xml)).toContain(text);
    const core = out.docx.get('docProps/core.xml')!.toString('utf8');
    expect(decodeXml(/<dc:title>([^<]*)<\/dc:title>/.exec(core)![1]!)).toBe(text);
  });
});

describe('the escaping shortcut', () => {
  it('returns exactly what the full escaping returns, for any text', async () => {
    const fc = (await import('fast-check')).default;
    const { escapeMarkdownSlow } = await import('../../src/render/escape.js');
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.constantFrom(' ', '  ', '\t', '\n', '\u00A0', '\u3000', 'www.', 'WWW.', 'https://', 'a@b', '*', '_', '[', '#', '|', '\u2066', '\u202E', '\uD83D\uDE80', '\uD83D', 'ſ', 'K', '中国', 'É'),
      fc.string({ unit: 'grapheme-ascii', maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        expect(escapeMarkdown(text)).toBe(escapeMarkdownSlow(text));
      }),
      { numRuns: 5000 },
    );
    for (const text of ['China National Space Administration', 'Agência Espacial Brasileira', '中国国家航天局', "People's Republic of China (PRC)", 'www.example.org', ' padded', 'two  spaces']) {
      expect(escapeMarkdown(text)).toBe(escapeMarkdownSlow(text));
    }
  });
});
