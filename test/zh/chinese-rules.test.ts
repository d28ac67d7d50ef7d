import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chineseNumeral, chineseReferences, englishReferences, parseChineseNumeral, reviewChineseDraftFile, reviewChineseText, reviewPair } from '../../src/review/rules/chinese.js';
import { run, tempDir } from '../helpers/run.js';

const FIX = join(import.meta.dirname, 'fixtures');
const EN = readFileSync(join(FIX, 'protocol.md'), 'utf8');
const ZH = readFileSync(join(FIX, 'protocol.zh.md'), 'utf8');
const FILES = { en: 'protocol.md', zh: 'protocol.zh.md' };

/** The fixture as a memorandum of understanding, in the memorandum's voice (将, 开始执行). */
const MOU_ZH = ZH.replace('# 中国国家航天局与巴西航天局关于CBERS-6项目的议定书', '# 中国国家航天局与巴西航天局关于CBERS-6项目的谅解备忘录')
  .replaceAll('本议定书', '本谅解备忘录')
  .replace('双方应通过协商解决', '双方将通过协商解决')
  .replace('一、每一方放弃因合作活动所致损害而向另一方提出的一切索赔。', '一、双方拟相互协调，以减少合作活动中的损害，并保证相应的供应和数据应用。')
  .replace('二、本条第一款所述豁免不适用于因故意不当行为造成损害的索赔。', '二、本谅解备忘录自签署之日起开始执行。');
const rules = (findings: { rule: string }[]) => findings.map((f) => f.rule);

describe('Chinese numerals', () => {
  it('writes and reads article numbers as treaties number them', () => {
    const cases: [number, string][] = [[1, '一'], [10, '十'], [12, '十二'], [20, '二十'], [21, '二十一'], [100, '一百'], [101, '一百零一'], [110, '一百一十'], [1005, '一千零五']];
    for (const [n, zh] of cases) {
      expect(chineseNumeral(n)).toBe(zh);
      expect(parseChineseNumeral(zh)).toBe(n);
    }
    expect(parseChineseNumeral('两')).toBe(2);
    expect(parseChineseNumeral('条')).toBeUndefined();
    expect(() => chineseNumeral(0)).toThrow(RangeError);
  });
});

describe('Chinese text rules', () => {
  it('a sound memorandum passes: 将, 拟 and 开始执行, and 应 inside 相应 and 应用 is no modal', () => {
    expect(reviewChineseText(MOU_ZH, 'mou.zh.md')).toEqual([]);
  });

  it('a modal 应, 应当, 必须 or 须 in a memorandum is an error, each with its line and article', () => {
    for (const [modal, replacement] of [
      ['应', '双方应通过协商解决'],
      ['应当', '双方应当通过协商解决'],
      ['必须', '双方必须通过协商解决'],
      ['须', '双方须通过协商解决'],
    ] as const) {
      const text = MOU_ZH.replace('双方将通过协商解决', replacement);
      const f = reviewChineseText(text, 'mou.zh.md');
      expect(rules(f)).toEqual(['zh-memorandum-modal']);
      expect(f[0]!.severity).toBe('error');
      expect(f[0]!.message).toContain(`“${modal}”`);
      expect(f[0]!.message).toMatch(/^第三条（争议的解决）/);
      expect(f[0]!.line).toBe(text.split('\n').findIndex((l) => l.includes(replacement)) + 1);
    }
    // In the preamble too, and in an item.
    const preamble = MOU_ZH.replace('达成协议如下：', '双方应遵守下列条款：');
    expect(rules(reviewChineseText(preamble, 'mou.zh.md'))).toEqual(['zh-memorandum-modal']);
  });

  it('the same modals in a binding protocol are its voice, not a finding', () => {
    expect(reviewChineseText(ZH, 'protocol.zh.md')).toEqual([]);
    expect(reviewChineseText(ZH.replace('双方应通过', '双方必须通过'), 'protocol.zh.md')).toEqual([]);
  });

  it('生效 in a memorandum is a warning; in a protocol it is the right word', () => {
    const mou = MOU_ZH.replace('开始执行', '生效');
    const f = reviewChineseText(mou, 'mou.zh.md');
    expect(rules(f)).toEqual(['zh-memorandum-entry-into-force']);
    expect(f[0]!.severity).toBe('warning');
    expect(reviewChineseText(ZH.replace('但第一条继续适用。', '但第一条继续适用。本议定书自签字之日起生效。'), 'p.zh.md')).toEqual([]);
  });

  it('the English title decides the form when the pair is checked, whatever the Chinese title says', () => {
    const enMou = EN.replace('# Protocol between', '# Memorandum of Understanding between');
    const zhAsProtocolTitle = MOU_ZH.replace('谅解备忘录', '议定书').replace('双方将通过', '双方应通过');
    expect(rules(reviewChineseDraftFile(zhAsProtocolTitle, 'mou.zh.md', { text: enMou, file: 'mou.md' }))).toContain('zh-memorandum-modal');
  });

  it('template markup and English words left in the text are warnings; code-like names are not', () => {
    const residue = ZH.replace('包括CBERS-6项目', '包括{{project.name}}项目');
    expect(rules(reviewChineseText(residue, 'p.zh.md'))).toEqual(['zh-template-residue']);
    const english = ZH.replace('一、每一方放弃', '一、每一方 shall 放弃').replace('## 第三条　争议的解决', '## 第三条　Settlement of Disputes');
    const f = reviewChineseText(english, 'p.zh.md');
    expect(rules(f)).toEqual(['zh-english-words', 'zh-english-words']);
    expect(f.map((x) => x.message).join('\n')).toMatch(/“shall”[^]*“Settlement of Disputes”/);
    // The title too.
    expect(rules(reviewChineseText(ZH.replace('关于CBERS-6项目的议定书', '关于CBERS-6项目的Protocol on the project'), 'p.zh.md'))).toEqual(['zh-english-words']);
    // CNSA, CBERS-6, CZ-4B and a single capitalised name stay.
    const names = ZH.replace('包括CBERS-6项目', '包括CNSA以CZ-4B运载火箭发射的CBERS-6卫星和Taifa-2卫星');
    expect(reviewChineseText(names, 'p.zh.md')).toEqual([]);
    // Inline code and the drafting notes are not the instrument's text.
    expect(reviewChineseText(ZH.replace('达成协议如下：', '达成协议如下：`parties[0].zh.name`'), 'p.zh.md')).toEqual([]);
  });

  it('a reference to an article the Chinese text does not have is a warning; another treaty\'s article is not', () => {
    const f = reviewChineseText(ZH.replace('但第一条继续适用', '但第九条继续适用'), 'p.zh.md');
    expect(rules(f)).toEqual(['zh-unfollowed-reference']);
    expect(f[0]!.message).toContain('第九条');
    expect(reviewChineseText(ZH.replace('但第一条继续适用', '但《责任公约》第九条继续适用'), 'p.zh.md')).toEqual([]);
  });
});

describe('cross-references', () => {
  it('reads this instrument\'s articles in English and Chinese, not another treaty\'s', () => {
    expect(englishReferences('under Article 12, Articles 14 and 17, and Article 2 of the Convention Establishing the World Intellectual Property Organization, and Article 5(2) of this Protocol')).toEqual([5, 12, 14, 17]);
    // Two-digit numbers and lists of another instrument's articles stay out whole, not cut to fit.
    expect(englishReferences('Article 12 of the Convention, Articles 13 and 14 of the Framework Agreement, Article 22')).toEqual([22]);
    expect(chineseReferences('根据第十二条、第十四条和第十七条，第五条第二款，《责任公约》第八条，框架协定第三条，本议定书第九条')).toEqual([5, 9, 12, 14, 17]);
    // A list that begins with another instrument's article is that instrument's throughout.
    expect(chineseReferences('依照《责任公约》第四条或第五条，并根据该公约第五条第二款，《外空条约》第六条、第八条第一款和第九条；以及第二条')).toEqual([2]);
  });
});

describe('the pair: English and Chinese texts', () => {
  it('the fixture pair agrees', () => {
    expect(reviewPair(EN, ZH, FILES)).toEqual([]);
  });

  it('a clause missing from the Chinese text, or moved, is an error', () => {
    const dropped = ZH.replace(/<!-- spacecoop:clause liability\/cross-waiver -->[\s\S]*?<!-- \/spacecoop:clause -->\n\n/, '');
    const f = reviewPair(EN, dropped, FILES);
    expect(rules(f)).toContain('pair-clauses');
    expect(rules(f)).toContain('pair-article-count');
    expect(f.every((x) => x.severity === 'error')).toBe(true);
    const a = /<!-- spacecoop:clause definitions -->[\s\S]*?<!-- \/spacecoop:clause -->\n\n/.exec(ZH)![0];
    const moved = ZH.replace(a, '').replace('<!-- spacecoop:clause instrument/signature -->', `${a}<!-- spacecoop:clause instrument/signature -->`);
    expect(rules(reviewPair(EN, moved, FILES))).toContain('pair-clauses');
  });

  it('a Chinese title that names another instrument than the English is an error', () => {
    const f = reviewPair(EN, ZH.replace('项目的议定书', '项目的谅解备忘录'), FILES);
    expect(rules(f)).toEqual(['pair-form']);
    expect(f[0]!.line).toBe(2);
    const mou = reviewPair(EN.replace('# Protocol between', '# Memorandum of Understanding between'), ZH, FILES);
    expect(mou[0]!.message).toContain('is a memorandum of understanding');
    // An agreement between agencies is a 协议 in Chinese, between Governments a 协定: both are agreements.
    const fa = EN.replace('# Protocol between', '# Framework Agreement between');
    expect(reviewPair(fa, ZH.replace('项目的议定书', '项目的框架协议'), FILES)).toEqual([]);
    expect(reviewPair(fa, ZH.replace('项目的议定书', '项目的框架协定'), FILES)).toEqual([]);
    expect(reviewPair(EN.replace('# Protocol between', '# Memorandum of Understanding between'), ZH.replace('项目的议定书', '项目的谅解备忘录'), FILES)).toEqual([]);
  });

  it('definitions in another order than the English are a warning, told by the years they name', () => {
    const en = EN.replace('including the CBERS-6 Project;', 'including the CBERS-6 Project of 2027;');
    const zh = ZH.replace('包括CBERS-6项目；', '包括2027年CBERS-6项目；');
    expect(reviewPair(en, zh, FILES)).toEqual([]);
    const swapped = zh.replace(/（一）(“合作活动”[^\n]*)\n\n（二）(“空间物体”[^\n]*)/, '（一）$2\n\n（二）$1');
    const f = reviewPair(en, swapped, FILES);
    expect(rules(f)).toEqual(['pair-order']);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toContain('block 2 names no year in Chinese and 2027 in English');
  });

  it('an article heading lost in one text is an error', () => {
    const f = reviewPair(EN, ZH.replace('## 第二条　交互豁免责任', '第二条　交互豁免责任'), FILES);
    expect(rules(f)).toContain('pair-article-count');
  });

  it('a cross-reference to another article in one text than in the other is an error on that article', () => {
    const f = reviewPair(EN, ZH.replace('与第二条有关的争议', '与第一条有关的争议').replace('但第一条继续适用', '但第二条继续适用'), FILES);
    expect(f).toEqual([]); // the same set of articles, named in another place of the article: still the same references
    const g = reviewPair(EN, ZH.replace('与第二条有关的争议', '与本议定书有关的争议'), FILES);
    expect(rules(g)).toEqual(['pair-cross-references']);
    expect(g[0]!.message).toContain('the English text refers to Article 2 and the Chinese does not');
    expect(g[0]!.line).toBe(ZH.split('\n').indexOf('## 第三条　争议的解决') + 1);
    const h = reviewPair(EN.replace('save that Article 1 continues', 'save that Article 3 continues'), ZH, FILES);
    expect(h.map((x) => x.message).join('\n')).toMatch(/the Chinese text refers to 第一条 and the English does not/);
  });
});

describe('the pair: the same figures in both texts', () => {
  it('reads periods, shares and tribunal sizes as each language writes them, and passes over dates and named days', async () => {
    const { englishFigures, chineseFigures } = await import('../../src/review/rules/chinese.js');
    const say = (fs: { value: number; unit: string }[]) => fs.map((f) => `${f.value} ${f.unit}`);
    expect(say(englishFigures('within thirty (30) days, for one hundred and eighty days, twelve months, fifty years, 20 per cent, ten per cent; by three (3) arbitrators; one arbitrator; each year; on 27 January 1967'))).toEqual([
      '30 days', '180 days', '12 months', '50 years', '20 per cent', '10 per cent', '3 arbitrators',
    ]);
    expect(say(chineseFigures('收到发票后三十（30）日内，一百八十日，十二个月，五十年，合同价格的20%，百分之十；由三（3）名仲裁员；提名一名仲裁员；每年；1967年1月27日；发射窗口最后一日；第一年'))).toEqual([
      '30 days', '180 days', '12 months', '50 years', '3 arbitrators', '20 per cent', '10 per cent',
    ]);
  });

  it('every example\'s two texts state the same figures, article by article', async () => {
    const { draftFromTermsText } = await import('../../src/engine.js');
    const { renderMarkdown } = await import('../../src/export/markdown.js');
    const { builtinLibrary } = await import('../helpers/engine.js');
    const { EXAMPLES } = await import('../helpers/run.js');
    for (const file of EXAMPLES) {
      const text = readFileSync(file, 'utf8');
      const en = renderMarkdown(draftFromTermsText(text, file, builtinLibrary()).draft);
      const zh = renderMarkdown(draftFromTermsText(text, file, builtinLibrary(), { lang: 'zh' }).draft);
      expect(reviewPair(en, zh, FILES).filter((f) => f.rule === 'pair-figures'), file).toEqual([]);
      // A hand edit of one figure in one text is a warning on the article, naming both sides.
      // Treaties write "thirty days", contracts "thirty (30) days".
      const m = /\b(thirty|sixty|ninety)(?: \(\d+\))? days\b/.exec(en)!;
      const days = { thirty: 30, sixty: 60, ninety: 90 }[m[1] as 'thirty'];
      const edited = en.replace(m[0], 'fifteen days');
      const f = reviewPair(edited, zh, FILES).filter((x) => x.rule === 'pair-figures');
      expect(f, file).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining(`the English text states 15 days and the Chinese does not; the Chinese text states ${days} days and the English does not`) })]);
    }
  });
});

describe('check FILE.zh.md', () => {
  it('reviews the Chinese text with the English one beside it, and reports a broken pair (exit 1)', () => {
    const dir = tempDir();
    copyFileSync(join(FIX, 'protocol.md'), join(dir, 'agreement.md'));
    writeFileSync(join(dir, 'agreement.zh.md'), ZH.replace('与第二条有关的争议', '与本议定书有关的争议'));
    const r = run(['check', 'agreement.zh.md', '--json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { kind: string; findings: { rule: string }[] };
    expect(report.kind).toBe('draft');
    expect(rules(report.findings)).toEqual(['pair-cross-references', 'open-blank']);
  });

  it('knows a Chinese draft by its 第N条 articles whatever its name', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mou-chinese.md'), MOU_ZH.replace('双方将通过', '双方应通过'));
    const r = run(['check', 'mou-chinese.md', '--json'], { cwd: dir });
    expect(rules((JSON.parse(r.stdout) as { findings: { rule: string }[] }).findings)).toEqual(['zh-memorandum-modal', 'open-blank']);
  });

  it('reviews a Chinese memorandum alone when no English text is beside it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mou.zh.md'), MOU_ZH.replace('双方将通过', '双方应通过'));
    const r = run(['check', 'mou.zh.md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[zh-memorandum-modal]');
    expect(r.stdout).not.toMatch(/\[(mou-binding-language|missing-|pair-)/);
  });
});
