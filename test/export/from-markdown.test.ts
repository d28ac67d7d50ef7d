import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { exportMarkdown } from '../../src/export/index.js';
import { readDocx } from '../../src/wordfile/read.js';

const DRAFT = (body: string) =>
  ['<!-- spacecoop:draft v1 -->', '# Agreement between A and B', '', 'Draft for discussion.', '', '<!-- spacecoop:clause misc/table -->', '## Article 1 — Milestones', '', body, '<!-- /spacecoop:clause -->', ''].join('\n');

describe('Word export of a Markdown draft', () => {
  it('a table row wholly inserted or deleted (CriticMarkup in every cell) is a tracked row, so Accept All adds or removes it whole', async () => {
    const md = DRAFT(['| Milestone | Date |', '| --- | --- |', '| Launch | 2028 |', '| {++Review++} | {++2029++} |', '| {--Closure--} | {--2030--} |'].join('\n'));
    const bytes = (await exportMarkdown(md, 'docx', { author: 'Treaty Office' })) as Uint8Array;
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
    const rows = [...xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(4);
    expect(rows[2]).toMatch(/<w:trPr>[\s\S]*<w:ins [^>]*w:author="Treaty Office"/);
    expect(rows[3]).toMatch(/<w:trPr>[\s\S]*<w:del [^>]*w:author="Treaty Office"/);
    expect(rows[1]).not.toMatch(/<w:(ins|del) /);
  });

  it('pending CriticMarkup becomes tracked changes and comments with their authors; escaped markup stays text', async () => {
    const md = DRAFT('1. The Parties {~~shall~>will~~}{>>@Ana Souza<<} meet {++annually++} in \\{++Geneva++}. {==Costs==}{>>@Li Wei: who pays?<<} are shared.');
    const doc = readDocx((await exportMarkdown(md, 'docx')) as Uint8Array);
    const p = doc.paragraphs.find((x) => x.text.includes('meet'))!;
    expect(p.text).toBe('The Parties will meet annually in {++Geneva++}. Costs are shared.');
    expect(p.original).toBe('The Parties shall meet  in {++Geneva++}. Costs are shared.');
    expect(p.runs.filter((r) => r.change).map((r) => [r.change!.kind, r.text, r.change!.author])).toEqual([
      ['del', 'shall', 'Ana Souza'],
      ['ins', 'will', 'Ana Souza'],
      ['ins', 'annually', 'spacecoop'],
    ]);
    expect(doc.comments).toMatchObject([{ author: 'Li Wei', text: 'who pays?', anchor: 'Costs' }]);
  });
});
