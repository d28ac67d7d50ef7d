import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { alignTexts, exportParallel, type ParallelText } from '../../src/export/parallel.js';
import { textState } from '../../src/export/seal.js';
import { docxState } from '../../src/wordfile/seal.js';
import { readDocx } from '../../src/wordfile/read.js';
import { decodeXml, unzip } from '../export/unzip.js';

const FIX = join(import.meta.dirname, 'fixtures');
const EN = readFileSync(join(FIX, 'protocol.md'), 'utf8');
const ZH = readFileSync(join(FIX, 'protocol.zh.md'), 'utf8');
const zhEn = (zh = ZH, en = EN): ParallelText[] => [
  { lang: 'zh', markdown: zh, file: 'protocol.zh.md' },
  { lang: 'en', markdown: en, file: 'protocol.md' },
];

/** The text of each cell of each top-level table row of an HTML page, by section. */
function htmlSections(html: string) {
  return [...html.matchAll(/<section class="(\w+)" data-clause="([^"]+)">([\s\S]*?)<\/section>/g)].map((m) => ({
    kind: m[1],
    id: m[2],
    rows: [...m[3]!.matchAll(/<tr>(<td lang[\s\S]*?)<\/tr>\n/g)].map((r) =>
      [...r[1]!.matchAll(/<td lang="(\w+)">([\s\S]*?)<\/td>(?=<td lang|$)/g)].map((c) => ({ lang: c[1], text: c[2]!.replace(/<[^>]+>/g, '') })),
    ),
  }));
}

/** The paragraphs of each cell of each top-level table of word/document.xml. */
function docxTables(xml: string) {
  const body = xml.slice(xml.indexOf('<w:body>'));
  const out: string[][][] = [];
  // Top-level tables only: nested tables (the signature table) are part of their cell's text.
  let depth = 0;
  let table: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let inCellDepth = 0;
  for (const m of body.matchAll(/<w:tbl>|<\/w:tbl>|<w:tc>|<\/w:tc>|<w:tr(?: [^>]*)?>|<\/w:tr>|<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)) {
    const tag = m[0];
    if (tag === '<w:tbl>') {
      depth++;
      if (depth === 1) table = [];
    } else if (tag === '</w:tbl>') {
      depth--;
      if (depth === 0) out.push(table);
    } else if (tag.startsWith('<w:tr') && depth === 1) row = [];
    else if (tag === '</w:tr>' && depth === 1) table.push(row);
    else if (tag === '<w:tc>' && depth === 1) {
      cell = '';
      inCellDepth = 1;
    } else if (tag === '</w:tc>' && depth === 1) row.push(cell);
    else if (m[1] !== undefined && inCellDepth) cell += decodeXml(m[1]);
  }
  return out;
}

describe('parallel export: alignment', () => {
  it('puts the title, the preamble, each article and the signature block in a table of their own, the Chinese column first', async () => {
    const doc = await alignTexts(zhEn(), { notes: false });
    expect(doc.langs).toEqual(['zh', 'en']);
    expect(doc.sections.map((s) => [s.id, s.kind])).toEqual([
      ['#head', 'head'],
      ['instrument/preamble', 'preamble'],
      ['definitions', 'article'],
      ['liability/cross-waiver', 'article'],
      ['disputes/arbitration', 'article'],
      ['instrument/signature', 'signature'],
    ]);
  });

  it('aligns paragraph with paragraph when both texts have as many, so each Chinese paragraph stands beside its English one', async () => {
    const doc = await alignTexts(zhEn(), { notes: false });
    const liability = doc.sections.find((s) => s.id === 'liability/cross-waiver')!;
    const text = (c: number) => liability.rows.map((r) => r[c]!.map((b) => b.spans.map((s) => s.text).join('')).join(' '));
    expect(text(0)).toEqual(['第二条　交互豁免责任', expect.stringMatching(/^一、每一方放弃/), expect.stringMatching(/^二、本条第一款/)]);
    expect(text(1)).toEqual(['Article 2 — Cross-Waiver of Liability', expect.stringMatching(/^Each Party waives/), expect.stringMatching(/^The waiver in paragraph 1/)]);
    const definitions = doc.sections.find((s) => s.id === 'definitions')!;
    expect(definitions.rows).toHaveLength(4);
    expect(definitions.rows[2]![0]![0]!.spans[0]!.text).toMatch(/^（一）“合作活动”/);
    expect(definitions.rows[2]![1]![0]!.spans[0]!.text).toMatch(/^\(a\) “Cooperative Activities”/);
  });

  it('keeps a whole clause in one row when a hand edit gave one text an extra paragraph, rather than pairing the wrong paragraphs', async () => {
    const zh = ZH.replace('二、与第二条有关的争议', '双方另行商定的除外。\n\n二、与第二条有关的争议');
    const doc = await alignTexts(zhEn(zh), { notes: false });
    const disputes = doc.sections.find((s) => s.id === 'disputes/arbitration')!;
    expect(disputes.rows).toHaveLength(1);
    expect(disputes.rows[0]![0]!).toHaveLength(4);
    expect(disputes.rows[0]![1]!).toHaveLength(3);
  });

  it('keeps a clause in one row when its items are in another order in one text (the years they name differ)', async () => {
    const en = EN.replace('including the CBERS-6 Project;', 'including the CBERS-6 Project of 2027;');
    const zh = ZH.replace('包括CBERS-6项目；', '包括2027年CBERS-6项目；');
    expect((await alignTexts(zhEn(zh, en), { notes: false })).sections.find((s) => s.id === 'definitions')!.rows).toHaveLength(4);
    const swapped = zh.replace(/（一）(“合作活动”[^\n]*)\n\n（二）(“空间物体”[^\n]*)/, '（一）$2\n\n（二）$1');
    expect((await alignTexts(zhEn(swapped, en), { notes: false })).sections.find((s) => s.id === 'definitions')!.rows).toHaveLength(1);
  });

  it('follows the order the texts are given: English first when asked', async () => {
    const doc = await alignTexts([zhEn()[1]!, zhEn()[0]!], { notes: false });
    expect(doc.langs).toEqual(['en', 'zh']);
    expect(doc.sections[0]!.rows[0]![0]![0]!.spans[0]!.text).toMatch(/^Protocol between/);
  });

  it('refuses texts whose clauses differ, naming each clause and the text that lacks it', async () => {
    const dropped = ZH.replace(/<!-- spacecoop:clause liability\/cross-waiver -->[\s\S]*?<!-- \/spacecoop:clause -->\n\n/, '');
    const e = await alignTexts(zhEn(dropped), { notes: false }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).exitCode).toBe(2);
    expect((e as UserError).problems.map((p) => p.message)).toEqual(['clause `liability/cross-waiver` is in protocol.md but not in protocol.zh.md']);
    expect((e as UserError).problems[0]!.line).toBe(EN.split('\n').indexOf('<!-- spacecoop:clause liability/cross-waiver -->') + 1);

    // The other way: a clause only in the Chinese text (another topic).
    const extra = ZH.replace('<!-- spacecoop:clause instrument/signature -->', '<!-- spacecoop:clause final/languages -->\n## 第四条　作准文本\n\n本议定书以中文和英文写成。\n<!-- /spacecoop:clause -->\n\n<!-- spacecoop:clause instrument/signature -->');
    const e2 = (await alignTexts(zhEn(extra), { notes: false }).catch((x: unknown) => x)) as UserError;
    expect(e2.problems.map((p) => p.message)).toEqual(['clause `final/languages` is in protocol.zh.md but not in protocol.md']);
  });

  it('refuses the same clauses in another order', async () => {
    const a = /<!-- spacecoop:clause liability\/cross-waiver -->[\s\S]*?<!-- \/spacecoop:clause -->\n\n/.exec(EN)![0];
    const moved = EN.replace(a, '').replace('<!-- spacecoop:clause instrument/signature -->', `${a}<!-- spacecoop:clause instrument/signature -->`);
    const e = (await alignTexts(zhEn(ZH, moved), { notes: false }).catch((x: unknown) => x)) as UserError;
    expect(e).toBeInstanceOf(UserError);
    expect(e.problems.map((p) => p.message)).toEqual(['the clauses are in another order: `disputes/arbitration` stands where protocol.zh.md has `liability/cross-waiver`']);
  });

  it('refuses damaged markers and unresolved conflicts before anything is built', async () => {
    const damaged = ZH.replace('<!-- /spacecoop:clause -->', '<!-- /spacecoop clause -->');
    await expect(alignTexts(zhEn(damaged), { notes: false })).rejects.toThrow(/markers are damaged/);
    const conflict = EN.replace('1. Each Party waives', '<<<<<<< your text\n\n1. Each Party waives all.\n\n=======\n\n1. The Parties waive all.\n\n>>>>>>> the new terms\n\n1. Each Party waives');
    const e = (await alignTexts(zhEn(ZH, conflict), { notes: false }).catch((x: unknown) => x)) as UserError;
    expect(e.message).toMatch(/unresolved merge conflict/);
    expect(e.exitCode).toBe(1);
  });

  it('refuses one text alone, and the same language twice', async () => {
    await expect(alignTexts([zhEn()[0]!], { notes: false })).rejects.toThrow(/at least two languages/);
    await expect(alignTexts([zhEn()[0]!, { ...zhEn()[0]! }], { notes: false })).rejects.toThrow(/given twice/);
  });
});

describe('parallel export: HTML', () => {
  it('writes one table per article, each cell marked with its language, the text escaped', async () => {
    const zh = ZH.replace('达成协议如下：', '达成协议如下：<script>alert(1)</script> & “引号”');
    const html = (await exportParallel(zhEn(zh), 'html', { notes: false })) as string;
    expect(textState(html)).toBe('unchanged');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; “引号”');
    const sections = htmlSections(html);
    expect(sections.map((s) => s.id)).toEqual(['#head', 'instrument/preamble', 'definitions', 'liability/cross-waiver', 'disputes/arbitration', 'instrument/signature']);
    for (const s of sections) for (const row of s.rows) expect(row.map((c) => c.lang)).toEqual(['zh', 'en']);
    const disputes = sections.find((s) => s.id === 'disputes/arbitration')!;
    expect(disputes.rows).toHaveLength(3);
    expect(disputes.rows[0]!.map((c) => c.text)).toEqual(['第三条　争议的解决', 'Article 3 — Settlement of Disputes']);
    expect(disputes.rows[1]![0]!.text).toMatch(/^一、双方应通过协商解决/);
    expect(disputes.rows[1]![1]!.text).toMatch(/^1\.&#8195;The Parties shall settle/);
    expect(disputes.rows[2]![0]!.text).toMatch(/^二、与第二条有关的争议/);
    expect(disputes.rows[2]![1]!.text).toMatch(/^2\.&#8195;A dispute concerning Article 2/);
    // The signature table stays a table inside its cell, in each language.
    expect(html).toMatch(/<td lang="zh">[^]*?<table class="inner">[^]*?中国国家航天局代表/);
    // Each signatory has a line to sign on, in both languages.
    expect(html).toMatch(/<tr class="line"><td>签字： __________<\/td><td>签字： __________<\/td><\/tr>/);
    expect(html).toMatch(/<tr class="line"><td>Signature: __________<\/td>/);
    expect(html).not.toContain('Drafting notes for review');
  });

  it('adds the drafting notes once, after the texts, when asked', async () => {
    const html = (await exportParallel(zhEn(), 'html', { notes: true })) as string;
    expect(html.match(/Drafting notes for review/g)).toHaveLength(1);
    expect(html.indexOf('Drafting notes')).toBeGreaterThan(html.indexOf('中国国家航天局代表'));
  });
});

describe('parallel export: Word', () => {
  it('writes one two-column table per article, the paragraphs aligned, with a CJK font for East Asian text', async () => {
    const bytes = (await exportParallel(zhEn(), 'docx', { notes: false, date: '2027-01-01T00:00:00Z' })) as Uint8Array;
    const xml = unzip(bytes).get('word/document.xml')!.toString('utf8');
    const tables = docxTables(xml);
    expect(tables).toHaveLength(6);
    for (const t of tables) for (const r of t) expect(r).toHaveLength(2);
    expect(tables[0]![0]).toEqual(['中文', 'English']);
    expect(tables[0]![1]![0]).toMatch(/^中国国家航天局与巴西航天局/);
    expect(tables[3]!).toHaveLength(3);
    expect(tables[3]![0]).toEqual(['第二条　交互豁免责任', 'Article 2 — Cross-Waiver of Liability']);
    expect(tables[3]![1]![0]).toMatch(/^一、每一方放弃因合作活动/);
    expect(tables[3]![1]![1]).toMatch(/Each Party waives all claims/);
    expect(tables[3]![2]![0]).toMatch(/^二、本条第一款/);
    expect(tables[3]![2]![1]).toMatch(/The waiver in paragraph 1/);
    // East Asian runs: SimSun and Chinese proofing; the document default names an East Asian font too.
    expect(xml).toMatch(/<w:rFonts [^>]*w:eastAsia="SimSun"[^>]*w:hint="eastAsia"/);
    expect(xml).toMatch(/w:eastAsia="zh-CN"/);
    // The status line is italic in English; Chinese has no italics.
    const status = (text: string) => new RegExp(`<w:r>(?:(?!</w:r>).)*<w:t[^>]*>${text}`).exec(xml)![0];
    expect(status('Draft, without prejudice')).toContain('<w:i/>');
    expect(status('草案，不影响')).not.toContain('<w:i/>');
    const styles = unzip(bytes).get('word/styles.xml')!.toString('utf8');
    expect(styles).toMatch(/w:eastAsia="SimSun"/);
  });

  it('is sealed as spacecoop wrote it, so the output guard tells it from a reviewed file', async () => {
    const bytes = (await exportParallel(zhEn(), 'docx', { notes: true })) as Uint8Array;
    expect(docxState(bytes, 'protocol.zh-en.docx').state).toBe('unchanged');
    const doc = readDocx(bytes, 'protocol.zh-en.docx');
    expect(doc.custom['spacecoop.parallel']).toBe('zh,en');
    // A reviewer's edit (one character in a Chinese cell) makes it a changed file.
    const files = unzip(bytes);
    const edited = files.get('word/document.xml')!.toString('utf8').replace('每一方放弃', '每一方均放弃');
    const { zipSync, strToU8 } = await import('fflate');
    const out = Object.fromEntries([...files].map(([k, v]) => [k, k === 'word/document.xml' ? strToU8(edited) : new Uint8Array(v)]));
    expect(docxState(zipSync(out), 'x.docx').state).toBe('changed');
  });

  it('refuses mismatched texts in Word too, writing nothing', async () => {
    const dropped = EN.replace(/<!-- spacecoop:clause definitions -->[\s\S]*?<!-- \/spacecoop:clause -->\n\n/, '');
    await expect(exportParallel(zhEn(ZH, dropped), 'docx', { notes: false })).rejects.toThrow(/do not have the same clauses/);
  });
});
