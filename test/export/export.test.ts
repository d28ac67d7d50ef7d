import { describe, expect, it } from 'vitest';
import { draftFromTermsText } from '../../src/engine.js';
import { UserError } from '../../src/errors.js';
import { exportDraft } from '../../src/export/index.js';
import { plainText } from '../../src/export/inline.js';
import { articleHeading } from '../../src/export/markdown.js';
import type { Draft } from '../../src/render/draft.js';
import { builtinLibrary } from '../helpers/engine.js';
import { EXAMPLES, read } from '../helpers/run.js';
import { decodeXml, paragraphs, unzip, xmlProblem } from './unzip.js';

const draftOf = (file: string) => draftFromTermsText(read(file), file, builtinLibrary()).draft;
const docx = async (draft: Draft, opts = {}) => unzip((await exportDraft(draft, 'docx', opts)) as Uint8Array);
const html = async (draft: Draft, opts = {}) => (await exportDraft(draft, 'html', opts)) as string;

/** numId -> its abstract numbering's level formats, and whether the instance restarts at 1. */
function numbering(xml: string) {
  const abstract = new Map<string, { fmt: string; text: string }[]>();
  for (const m of xml.matchAll(/<w:abstractNum [^>]*w:abstractNumId="(\d+)"[\s\S]*?<\/w:abstractNum>/g)) {
    const levels = [...m[0].matchAll(/<w:lvl [\s\S]*?<w:numFmt w:val="([^"]+)"\/>[\s\S]*?<w:lvlText w:val="([^"]*)"\/>/g)].map((l) => ({ fmt: l[1]!, text: l[2]! }));
    abstract.set(m[1]!, levels);
  }
  const nums = new Map<string, { levels: { fmt: string; text: string }[]; restarts: boolean }>();
  for (const m of xml.matchAll(/<w:num w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const abs = /<w:abstractNumId w:val="(\d+)"/.exec(m[2]!)![1]!;
    nums.set(m[1]!, { levels: abstract.get(abs)!, restarts: /<w:lvlOverride w:ilvl="0">\s*<w:startOverride w:val="1"\/>/.test(m[2]!) });
  }
  return nums;
}

describe.each(EXAMPLES.map((f) => [f.split('/').pop()!, f]))('Word export of %s', (_name, file) => {
  const draft = draftOf(file);

  it('is a well-formed package with the parts Word needs', async () => {
    const files = await docx(draft);
    for (const part of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'word/settings.xml']) {
      expect(files.has(part), part).toBe(true);
    }
    for (const [name, data] of files) if (name.endsWith('.xml') || name.endsWith('.rels')) expect(xmlProblem(data.toString('utf8')), name).toBeUndefined();
  });

  it('has no contents list by default, as a treaty text has none; --toc adds a TOC field', async () => {
    const plain = (await docx(draft)).get('word/document.xml')!.toString('utf8');
    expect(plain).not.toMatch(/<w:instrText[^>]*>TOC /);
    expect(plain).not.toContain('>Contents<');
    expect(await html(draft)).not.toContain('<h2>Contents</h2>');
    expect((await html(draft, { toc: true }))).toContain('<h2>Contents</h2>');
  });

  it('has the title, the parties, a TOC field (with --toc), Heading 2 articles and page numbers', async () => {
    const files = await docx(draft, { toc: true });
    const doc = files.get('word/document.xml')!.toString('utf8');
    const ps = paragraphs(doc);
    expect(ps[0]).toMatchObject({ style: 'Title', text: plainText(draft.title) });
    const preamble = ps.find((p) => p.text === plainText(draft.preamble[0]!))!;
    expect(preamble).toBeDefined();
    expect(/<w:instrText[^>]*>TOC \\h \\o &quot;2-2&quot;<\/w:instrText>/.test(doc), 'TOC field over Heading 2').toBe(true);
    const headings = ps.filter((p) => p.style === 'Heading2').map((p) => p.text);
    expect(headings.slice(0, draft.articles.length)).toEqual(draft.articles.map((a) => plainText(articleHeading(a))));
    expect(headings.at(-1)).toBe('Annex: Drafting notes for review');
    const footers = [...files].filter(([n]) => /^word\/footer\d*\.xml$/.test(n));
    expect(footers.some(([, x]) => /<w:instrText[^>]*>\s*PAGE\s*</.test(x.toString('utf8')))).toBe(true);
    const styles = files.get('word/styles.xml')!.toString('utf8');
    expect(styles).toMatch(/w:styleId="Heading2"/);
    expect(styles).toMatch(/w:styleId="Title"/);
  });

  it('numbers paragraphs "1." and sub-items "(a)" with Word numbering, restarting in every article', async () => {
    const files = await docx(draft);
    const nums = numbering(files.get('word/numbering.xml')!.toString('utf8'));
    const ps = paragraphs(files.get('word/document.xml')!.toString('utf8'));
    const seen = new Set<string>();
    let checked = 0;
    for (const a of draft.articles) {
      const at = ps.findIndex((p) => p.style === 'Heading2' && p.text === plainText(articleHeading(a)));
      const next = ps.findIndex((p, i) => i > at && (p.style === 'Heading2' || p.text === plainText(draft.testimonium[0]!)));
      const body = ps.slice(at + 1, next < 0 ? undefined : next);
      const expected = a.blocks.flatMap((b) => [{ text: b.text, level: b.number !== undefined ? '0' : undefined }, ...b.items.map((i) => ({ text: i.text, level: b.number !== undefined ? '1' : '0' }))]);
      expect(body.map((p) => p.text), `Article ${a.number}`).toEqual(expected.map((e) => plainText(e.text)));
      body.forEach((p, i) => {
        expect(p.ilvl).toBe(expected[i]!.level);
        // The number is Word's, not typed into the text.
        expect(p.text).not.toMatch(/^(\d+\.|\([a-z]+\))\s/);
      });
      const numbered = body.filter((p) => p.numId && p.ilvl === '0' && a.blocks.some((b) => b.number !== undefined));
      if (numbered.length) {
        const ids = new Set(numbered.map((p) => p.numId!));
        expect(ids.size).toBe(1);
        const id = [...ids][0]!;
        expect(seen.has(id), 'a new numbering instance per article').toBe(false);
        seen.add(id);
        expect(nums.get(id)!.restarts).toBe(true);
        expect(nums.get(id)!.levels.slice(0, 2)).toEqual([{ fmt: 'decimal', text: '%1.' }, { fmt: 'lowerLetter', text: '(%2)' }]);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('puts the signature block in a table and the notes in an annex on a new page; --no-notes drops the annex', async () => {
    const doc = (await docx(draft)).get('word/document.xml')!.toString('utf8');
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(doc)![0];
    for (const s of draft.signatures) expect(decodeXml(table.replace(/<[^>]+>/g, ''))).toContain(plainText(s.heading));
    expect(/<w:pageBreakBefore\/>(?:(?!<\/w:p>)[\s\S])*Annex: Drafting notes for review/.test(doc), 'annex on a new page').toBe(true);
    const bare = (await docx(draft, { notes: false })).get('word/document.xml')!.toString('utf8');
    expect(bare).not.toContain('Drafting notes');
    expect(bare).toContain('<w:tbl>');
  });

  it('HTML: one self-contained page, same headings and paragraphs', async () => {
    const page = await html(draft, { lang: 'pt' });
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="pt">')).toBe(true);
    expect(page).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|@import|url\(/i);
    expect([...page.matchAll(/href="([^"]*)"/g)].every((m) => m[1]!.startsWith('#'))).toBe(true);
    expect(page).toMatch(/@media print/);
    const h2 = [...page.matchAll(/<h2>([\s\S]*?)<\/h2>/g)].map((m) => decodeXml(m[1]!.replace(/<[^>]+>/g, '')));
    expect(h2).toEqual([...draft.articles.map((a) => plainText(articleHeading(a))), 'Drafting notes for review']);
    for (const a of draft.articles) {
      for (const b of a.blocks) expect(decodeXml(page.replace(/<[^>]+>/g, ''))).toContain(plainText(b.text));
    }
    expect(await html(draft, { notes: false })).not.toContain('Drafting notes');
  });
});

describe('exportDraft', () => {
  const draft = draftOf(EXAMPLES[0]!);
  const conflicted: Draft = {
    ...draft,
    articles: draft.articles.map((a, i) => (i === 2 ? { ...a, blocks: [{ text: '<<<<<<< your edit\nmine\n=======\ntheirs\n>>>>>>> regenerated', items: [] }] } : a)),
  };

  it.each(['docx', 'html'] as const)('refuses a draft with merge-conflict lines as %s (exit 2)', async (format) => {
    const e = await exportDraft(conflicted, format).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).exitCode).toBe(2);
    expect((e as UserError).message).toMatch(/merge conflicts/);
  });

  it('Markdown is where conflicts are resolved, so it still exports them', async () => {
    expect(await exportDraft(conflicted, 'md')).toContain('=======');
  });

  it('italic, bold and code survive as Word and HTML styling, not as asterisks', async () => {
    const doc = (await docx(draft)).get('word/document.xml')!.toString('utf8');
    expect(/<w:i\/>(?:(?!<\/w:r>)[\s\S])*<w:t[^>]*>Recalling<\/w:t>/.test(doc)).toBe(true);
    expect(/<w:t[^>]*>[^<]*\*Recalling/.test(doc)).toBe(false);
    const page = await html(draft);
    expect(page).toContain('<em>Recalling</em>');
    expect(page).toMatch(/<strong>[^<]+<\/strong> \(/);
  });
});
